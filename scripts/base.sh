#!/bin/sh
# Fetch Debian's linux-source-6.12 at the pinned version, check the
# tarball's sha256 and unpack it once into the cache. Prints the path of
# the unpacked source. Needs apt-get (download works without root), dpkg.
# Falls back, loudly, to the newest 6.12 when the pin has left the mirror.
set -eu
. "$(dirname "$0")/lib.sh"

mkdir -p "$CACHE"
cd "$CACHE"

version=$BASE_VERSION
src=$CACHE/linux-$version
if [ -f "$src/.complete" ]; then
	echo "$src"
	exit 0
fi

deb=$(ls ${BASE_PKG}_*.deb 2>/dev/null | grep -F "_$(echo "$version" | sed 's/:/%3a/')_" || true)
if [ -z "$deb" ]; then
	if ! apt-get download "$BASE_PKG=$version" >&2; then
		note "WARNING: ********************************************************"
		note "WARNING: $BASE_PKG $version is not on the mirror any more."
		note "WARNING: falling back to the newest $BASE_PKG; results may differ."
		note "WARNING: ********************************************************"
		apt-get download "$BASE_PKG" >&2 || die "cannot download $BASE_PKG (apt-get update?)"
		deb=$(ls -t ${BASE_PKG}_*.deb | head -n 1)
		version=$(dpkg-deb -f "$deb" Version)
		src=$CACHE/linux-$version
		if [ -f "$src/.complete" ]; then
			echo "$src"
			exit 0
		fi
	fi
	deb=$(ls ${BASE_PKG}_*.deb | grep -F "_$(echo "$version" | sed 's/:/%3a/')_" | head -n 1)
fi

rm -rf "$src" "$src.tmp"
mkdir -p "$src.tmp"
dpkg -x "$deb" "$src.tmp/deb"
tarball=$src.tmp/deb/usr/src/$BASE_PKG.tar.xz
sum=$(sha256sum "$tarball" | cut -d' ' -f1)
if [ "$version" = "$BASE_VERSION" ]; then
	[ "$sum" = "$BASE_SHA256" ] ||
		die "sha256 of $BASE_PKG $version is $sum, expected $BASE_SHA256"
else
	note "WARNING: unpinned base $version, tarball sha256 $sum"
fi
tar -C "$src.tmp" -xJf "$tarball"
mv "$src.tmp/$BASE_PKG" "$src"
rm -rf "$src.tmp"
printf '%s %s sha256:%s\n' "$BASE_PKG" "$version" "$sum" > "$src/.base-version"
touch "$src/.complete"
echo "$src"

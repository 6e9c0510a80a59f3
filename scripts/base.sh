#!/bin/sh
# Fetch the Debian source package of one base (BASE=, series/<base>/base.env)
# at the pinned version, check the tarball's sha256 and unpack it once into
# the cache. Prints the path of the unpacked source. Needs apt-get (download
# works without root), dpkg. A base whose package the machine's apt does not
# list (BASE_APT_SOURCES) is fetched with apt configuration of its own in the
# cache: the machine's sources are left alone. Falls back, loudly, to the
# newest version of the package when the pin has left the mirror.
set -eu
. "$(dirname "$0")/lib.sh"
[ -n "${B:-}" ] || die "usage: BASE=<base> base.sh"

mkdir -p "$CACHE"
cd "$CACHE"

version=$BASE_VERSION
src=$CACHE/linux-$version
if [ -f "$src/.complete" ]; then
	echo "$src"
	exit 0
fi

# apt: the machine's, or one with only BASE_APT_SOURCES (no root needed)
set -- apt-get
if [ -n "$BASE_APT_SOURCES" ]; then
	apt=$CACHE/apt-$B
	mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial"
	printf '%s\n' "$BASE_APT_SOURCES" > "$apt/sources.list"
	set -- apt-get -o Dir::Etc::SourceList="$apt/sources.list" \
		-o Dir::Etc::SourceParts=/nonexistent -o Dir::State::Lists="$apt/lists" \
		-o Dir::Cache="$apt/cache" -o APT::Architectures::=all \
		-o Acquire::Languages=none -o Debug::NoLocking=1
	# a day-old list is fresh enough: a pinned version does not move
	if [ -z "$(find "$apt/lists" -name '*Packages*' -mtime -1 2>/dev/null)" ]; then
		note "apt-get update for $BASE_PKG ($apt/sources.list)"
		# an index that fails (a mirror mid-sync) is not fatal: the
		# download below says whether the package was found
		"$@" -q update >&2 || note "WARNING: apt-get update of $apt/sources.list reported errors"
	fi
fi

deb=$(ls ${BASE_PKG}_*.deb 2>/dev/null | grep -F "_$(echo "$version" | sed 's/:/%3a/')_" || true)
if [ -z "$deb" ]; then
	if ! "$@" download "$BASE_PKG=$version" >&2; then
		note "WARNING: ********************************************************"
		note "WARNING: $BASE_PKG $version is not on the mirror any more."
		note "WARNING: falling back to the newest $BASE_PKG; results may differ."
		note "WARNING: ********************************************************"
		"$@" download "$BASE_PKG" >&2 || die "cannot download $BASE_PKG (apt-get update?)"
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

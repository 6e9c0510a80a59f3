#!/bin/sh
# Install what the tooling needs from Debian (as root), or, when not root,
# print the exact command and stop. Also adds the ppc64el dpkg architecture
# for the ppc64le initramfs (busybox-static, bash-static), and on Debian 12
# takes QEMU from bookworm-backports: QEMU before 8.1 can keep running
# stale translated code under multi-threaded TCG ("accel/tcg: Always lock
# pages before translation"), which the static call stress test catches.
set -eu
. "$(dirname "$0")/lib.sh"

PKGS="git make gcc libc6-dev bc flex bison libelf-dev libssl-dev python3 perl
cpio xz-utils kmod ccache u-boot-tools python3-ply python3-git
gcc-powerpc-linux-gnu libc6-dev-powerpc-cross gcc-powerpc64le-linux-gnu
libc6-dev-ppc64el-cross rsync"

# EXTRA_PKGS: what one command needs besides (make bench: matplotlib)
PKGS="$PKGS ${EXTRA_PKGS:-}"

# Build roots: the Debian suites whose compiler a target of the selected
# bases builds with (BUILD_ROOT), made once with mmdebstrap into the cache.
roots=
for b in $(bases); do
	use_base "$b"
	for t in $TARGETS $CHECK_TARGETS $BUILD_TARGETS; do
		r=$(target_var "$t" BUILD_ROOT) || exit 1
		case " $roots " in *" $r "*) ;; *) roots="$roots $r" ;; esac
	done
done
roots=$(echo $roots)
[ -z "$roots" ] || PKGS="$PKGS mmdebstrap"
missing=
for p in $PKGS; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
need_arch=
dpkg --print-foreign-architectures | grep -qx ppc64el || need_arch=1

# QEMU 8.1 or newer; on bookworm from its backports.
QEMU_MIN=1:8.1
qemu_ok() {
	v=$(dpkg-query -W -f='${Version}' qemu-system-ppc 2>/dev/null) &&
		dpkg --compare-versions "$v" ge "$QEMU_MIN"
}
BPO=$(. /etc/os-release; [ "${VERSION_CODENAME:-}" != bookworm ] || echo bookworm-backports)
need_qemu=
qemu_ok || need_qemu=1

# make_roots: each build root, once (packages of the suite's own
# compiler: the cross compiler for ppc64le and what a kernel build needs)
ROOT_PKGS="gcc-powerpc64le-linux-gnu libc6-dev-ppc64el-cross gcc libc6-dev make
bc flex bison libelf-dev libssl-dev python3 perl ccache cpio xz-utils kmod rsync git
python3-ply"
make_roots() {
	want=$(echo $ROOT_PKGS)
	for r in $roots; do
		dir=$CACHE/root-$r
		# made with the packages listed now (.complete: the list, the compiler)
		[ "$(head -n 1 "$dir/.complete" 2>/dev/null)" = "$want" ] && continue
		if [ "$(id -u)" != 0 ]; then
			echo "Missing the $r build root. Run as root: make deps" >&2
			exit 1
		fi
		note "making the $r build root in $dir with mmdebstrap (once, about a minute)"
		rm -rf "$dir" "$dir.tmp"
		mkdir -p "$CACHE"
		mmdebstrap --quiet --variant=apt --mode=root \
			--include="$(echo $ROOT_PKGS | tr ' ' ,)" \
			--aptopt='Acquire::Languages "none"' \
			"$r" "$dir.tmp" http://deb.debian.org/debian >&2 ||
			die "mmdebstrap $r failed"
		mv "$dir.tmp" "$dir"
		{ echo "$want"; chroot "$dir" powerpc64le-linux-gnu-gcc --version | head -n 1; } > "$dir/.complete"
	done
}

if [ -z "$missing" ] && [ -z "$need_arch" ] && [ -z "$need_qemu" ]; then
	make_roots
	exit 0
fi

if [ "$(id -u)" != 0 ]; then
	echo "Missing Debian packages. Run as root:" >&2
	[ -n "$need_arch" ] && echo "  dpkg --add-architecture ppc64el" >&2
	[ -n "$BPO" ] && [ -n "$need_qemu" ] &&
		echo "  echo 'deb http://deb.debian.org/debian $BPO main' > /etc/apt/sources.list.d/$BPO.list" >&2
	echo "  apt-get update && apt-get install -y --no-install-recommends$missing" >&2
	[ -n "$need_qemu" ] &&
		echo "  apt-get install -y --no-install-recommends ${BPO:+-t $BPO }qemu-system-ppc" >&2
	exit 1
fi
[ -n "$need_arch" ] && dpkg --add-architecture ppc64el
if [ -n "$BPO" ] && [ -n "$need_qemu" ] &&
   ! grep -rqsE "^(deb .* $BPO |Suites:.* $BPO( |\$))" /etc/apt/sources.list /etc/apt/sources.list.d/; then
	note "adding $BPO to apt's sources, for QEMU >= 8.1"
	echo "deb http://deb.debian.org/debian $BPO main" > "/etc/apt/sources.list.d/$BPO.list"
fi
note "installing:${missing:- (no new packages)}${need_qemu:+ qemu-system-ppc${BPO:+ from $BPO}}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null || note "apt-get update reported errors; trying the install anyway"
[ -z "$missing" ] || apt-get install -y -q --no-install-recommends $missing >/dev/null
[ -z "$need_qemu" ] ||
	apt-get install -y -q --no-install-recommends ${BPO:+-t $BPO} qemu-system-ppc >/dev/null
qemu_ok || die "qemu-system-ppc is older than $QEMU_MIN: $(dpkg-query -W -f='${Version}' qemu-system-ppc 2>/dev/null)"
make_roots

#!/bin/sh
# Install what the tooling needs from Debian (as root), or, when not root,
# print the exact command and stop. Also adds the ppc64el dpkg architecture
# for the ppc64le initramfs (busybox-static, bash-static).
set -eu
. "$(dirname "$0")/lib.sh"

PKGS="git make gcc libc6-dev bc flex bison libelf-dev libssl-dev python3 perl
cpio xz-utils kmod ccache u-boot-tools qemu-system-ppc python3-ply python3-git
gcc-powerpc-linux-gnu libc6-dev-powerpc-cross gcc-powerpc64le-linux-gnu
libc6-dev-ppc64el-cross rsync"

# EXTRA_PKGS: what one command needs besides (make bench: matplotlib)
PKGS="$PKGS ${EXTRA_PKGS:-}"
missing=
for p in $PKGS; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
need_arch=
dpkg --print-foreign-architectures | grep -qx ppc64el || need_arch=1
[ -z "$missing" ] && [ -z "$need_arch" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "Missing Debian packages. Run as root:" >&2
	[ -n "$need_arch" ] && echo "  dpkg --add-architecture ppc64el" >&2
	echo "  apt-get update && apt-get install -y --no-install-recommends$missing" >&2
	exit 1
fi
[ -n "$need_arch" ] && dpkg --add-architecture ppc64el
note "installing:${missing:- (none; ppc64el architecture added)}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null || note "apt-get update reported errors; trying the install anyway"
[ -z "$missing" ] || apt-get install -y -q --no-install-recommends $missing >/dev/null

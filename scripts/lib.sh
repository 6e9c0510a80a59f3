# Common settings for the host scripts; sourced, not run.
# Every script runs from the top of the repository.

TOP=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$TOP/build
LINUX=${LINUX:-$BUILD/linux}
LOGS=$BUILD/logs

# Base tree: Debian's linux-source-6.12, pinned (DESIGN.md section 2).
BASE_PKG=linux-source-6.12
BASE_VERSION=6.12.117-1~deb12u1
BASE_SHA256=585a4a074597aefa2b1a68ada83a3184ba351c127544dea80618bbcceaa3961f
CACHE=${PPC_SERIES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ppc-series}

TARGETS="ppc32-e500smp ppc32-book3s ppc64le"
# compiled only (make build-matrix, make bisect-check), never booted
BUILD_TARGETS="ppc64le-pcrel ppc64-elfv2"
# make check also runs the e500 tests again with KASAN
CHECK_TARGETS="ppc32-e500smp ppc32-e500smp-kasan ppc32-book3s ppc64le"

die() { printf '%s: error: %s\n' "${0##*/}" "$*" >&2; exit 1; }
note() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }

# target_var TARGET VAR: read one variable from targets/TARGET/target.env
target_var() {
	[ -f "$TOP/targets/$1/target.env" ] || die "unknown target '$1' (have: $TARGETS)"
	(. "$TOP/targets/$1/target.env"; eval "printf '%s' \"\${$2:-}\"")
}

# The base version a tree was made from, for the logs.
base_version() {
	cat "$LINUX/.git/base-version" 2>/dev/null || echo unknown
}

# The QEMU the rig boots with, for the logs.
qemu_version() {
	qemu-system-ppc --version 2>/dev/null | sed -n '1s/^QEMU emulator version //p'
}

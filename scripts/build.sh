#!/bin/sh
# Build the kernel of one target of one base (BASE=) in build/<base>/<target>
# (or $BUILD_DIR) with kunit.py: its
# qemu_config's options, targets/common/debug.config and
# targets/<target>/kunitconfig, validated by kunit.py (an option the
# kernel drops is an error). Extra make arguments may follow the target.
# Needs the cross compiler of the target, ccache, and build/<base>/linux.
set -eu
. "$(dirname "$0")/lib.sh"
t=${1:?usage: [BASE=<base>] build.sh TARGET [make args]}
# no BASE: every base that has the target
if [ -z "${B:-}" ]; then
	bases=$(bases) || exit 1
	n=0
	for b in $bases; do
		use_base "$b"
		case " $TARGETS $CHECK_TARGETS $BUILD_TARGETS " in *" $t "*) ;; *) continue ;; esac
		BASE=$b "$0" "$@" || exit 1
		n=$((n + 1))
	done
	[ $n -gt 0 ] || die "no base has target '$t'"
	exit 0
fi
shift
arch=$(target_var "$t" KUNIT_ARCH)
cross=$(target_var "$t" CROSS_COMPILE)
[ -e "$LINUX/.git" ] || die "no $LINUX; run 'make tree' first"
out=${BUILD_DIR:-$BOUT/$t}
mkdir -p "$out"
cc="${cross}gcc"
command -v ccache >/dev/null && cc="ccache $cc"
# Paths below the project are hashed relative to the build directory, so
# that build/<base>/<target> and build/<base>/bisect/<target> (a work
# tree of its own at the same depth) share their ccache entries.
export CCACHE_BASEDIR="$TOP"
extra=$*
set -- "--make_options=CC=$cc"
for a in $extra; do
	set -- "$@" "--make_options=$a"
done
# KCONFIGS: other fragments (below targets/, or absolute), as make bench
# and make bisect-check use.
# By default: targets/common/debug.config, the fragments the target builds
# on (KCONFIG_BASE, a variant of another target), its KUNITCONFIG and the
# fragments of the topics the work tree carries (TOPIC_<topic>_KCONFIG).
for k in ${KCONFIGS:-$(target_kconfigs "$t")}; do
	case $k in /*) ;; *) k=$TOP/targets/$k ;; esac
	set -- "$@" "--kunitconfig=$k"
done
in_root "$t" python3 "$LINUX/tools/testing/kunit/kunit.py" build \
	--arch="$arch" --cross_compile="$cross" --build_dir="$out" \
	--jobs="$(nproc)" "$@"

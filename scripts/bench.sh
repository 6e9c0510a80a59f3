#!/bin/sh
# make bench: the same in-guest benchmark on the unpatched base and on the
# patched tree, side by side, in one run. For each target (or T=<target>):
# build both kernels with targets/common/bench.config and the target's
# BENCH_KCONFIG, boot each with its BENCH_MODULES (the benchmark modules are
# the last patch of the series, which applies to the base as well):
#   icount: QEMU -icount shift=0,sleep=off, one CPU, a fixed random seed
#           and date: the timebase counts guest instructions, so "ns" are
#           instructions; run twice, to show that they are the same run to
#           run;
#   tcg:    plain TCG wall clock, for ratios only: TCG is an emulator.
# Prints a table of base, patched and patched/base, written with the raw
# logs and a plot of the ratios (bench.png) to build/bench/. Not a test: it
# never fails on a number.
set -u
. "$(dirname "$0")/lib.sh"
out=$BUILD/bench
mkdir -p "$out"
EXTRA_PKGS=python3-matplotlib "$TOP/scripts/deps.sh" || exit 1
g() { git -C "$LINUX" "$@"; }

[ -d "$LINUX/.git" ] || "$TOP/scripts/tree.sh" || exit 1
bench=$(g log --format=%H --grep='^powerpc: Add benchmark modules' base..HEAD | head -n 1)
kunitcfg=$(g log --format=%H --grep='^kunit: tool: Add QEMU configs' base..HEAD | head -n 1)
[ -n "$bench" ] && [ -n "$kunitcfg" ] || die "series/ has no benchmark patch"

# The base: Debian's tree plus the kunit.py configs (tools only) and the
# benchmark module, nothing else of the series.
base=$out/base-linux
if [ "$(git -C "$base" rev-parse HEAD 2>/dev/null)" = "" ] ||
   [ "$(cat "$out/base-linux.from" 2>/dev/null)" != "$kunitcfg $bench" ]; then
	rm -rf "$base"
	g worktree prune
	g worktree add -q --detach "$base" base || die "cannot make $base"
	# MAINTAINERS differs from the base around the series' entries and
	# plays no part in a kernel.
	for c in "$kunitcfg" "$bench"; do
		g format-patch -1 --stdout "$c" |
			git -C "$base" -c user.name=bench -c user.email=bench@invalid \
				am -q --exclude=MAINTAINERS ||
			die "the benchmark patch does not apply to the base"
	done
	echo "$kunitcfg $bench" > "$out/base-linux.from"
fi

# The same image from the same sources whenever and wherever it is built:
# the build's date, number, user and host are in it and move its layout.
export KBUILD_BUILD_TIMESTAMP='Thu Jan  1 00:00:00 UTC 2026' \
	KBUILD_BUILD_VERSION=1 KBUILD_BUILD_USER=bench KBUILD_BUILD_HOST=bench

table=$out/results.txt
echo "# base: $(base_version); QEMU $(qemu_version)" > "$table"
for t in ${T:-ppc32-e500smp ppc32-book3s ppc64le}; do
	for tree in base patched; do
		src=$LINUX
		[ $tree = base ] && src=$base
		dir=$out/$tree-$t
		echo "== $t: building $tree kernel"
		LINUX=$src BUILD_DIR=$dir \
			KCONFIGS="common/bench.config $(target_var "$t" BENCH_KCONFIG)" \
			"$TOP/scripts/build.sh" "$t" > "$out/$tree-$t.build.log" 2>&1 ||
			die "build failed: build/bench/$tree-$t.build.log"
		LINUX=$src "$TOP/scripts/initramfs.sh" "$t" "$dir" \
			$(target_var "$t" BENCH_MODULES) > /dev/null 2>&1 ||
			die "no initramfs for $tree-$t"
		arch=$(target_var "$t" KUNIT_ARCH)
		for mode in icount icount-again tcg; do
			case $mode in
			# -seed: the rng-seed QEMU puts in the device tree,
			# and -rtc: the date, the same in every boot
			icount*) args="-smp 1 -icount shift=0,sleep=off -seed 1
				-rtc base=2026-01-01T00:00:00,clock=vm" ;;
			tcg) args="" ;;
			esac
			log=$out/$tree-$t-$mode.log
			echo "   booting $tree ($mode)"
			python3 "$TOP/scripts/rig.py" "$arch" "$dir" "$dir/rig.cpio" \
				"$log" 600 $args
		done
	done
	python3 "$TOP/scripts/bench-table.py" "$t" "$out" | tee -a "$table"
done
# Debian's python3, with Debian's matplotlib
PATH=/usr/bin:$PATH python3 "$TOP/scripts/bench-table.py" --plot "$out/bench.png" \
	"$out" ${T:-ppc32-e500smp ppc32-book3s ppc64le}
echo "written to build/bench/results.txt and build/bench/bench.png"

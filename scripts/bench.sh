#!/bin/sh
# make bench: the same in-guest benchmark on the unpatched base and on the
# patched tree, side by side, in one run, for each base (BASE=) that has
# benchmark modules (tooling/<base>/bench/, not part of any series). For
# each of its BENCH_TARGETS (or T=<target>): build both kernels with
# targets/common/bench.config and the target's BENCH_KCONFIG, boot each
# with its BENCH_MODULES (and BENCH_QEMU_ARGS):
#   base:    the base, tooling/<base>/kunit (kunit.py's QEMU configs,
#            tools only) and the benchmark modules, in
#            build/bench/<base>/base-linux
#   patched: the same with every topic stacked, in
#            build/bench/<base>/patched-linux
#   icount: QEMU -icount shift=0,sleep=off, one CPU, a fixed random seed
#           and date: the timebase counts guest instructions, so "ns" are
#           instructions; run twice, to show that they are the same run to
#           run;
#   tcg:    plain TCG wall clock, for ratios only: TCG is an emulator.
# Prints a table of base, patched and patched/base, written with the raw
# logs and a plot of the ratios (bench.png) to build/bench/<base>/. Not a
# test: it never fails on a number.
set -u
. "$(dirname "$0")/lib.sh"
bases=$(bases) || exit 1
EXTRA_PKGS=python3-matplotlib "$TOP/scripts/deps.sh" || exit 1

# The same image from the same sources whenever and wherever it is built:
# the build's date, number, user and host are in it and move its layout.
export KBUILD_BUILD_TIMESTAMP='Thu Jan  1 00:00:00 UTC 2026' \
	KBUILD_BUILD_VERSION=1 KBUILD_BUILD_USER=bench KBUILD_BUILD_HOST=bench

for b in $bases; do
	use_base "$b"
	benchp=$(tooling_patches bench)
	if [ -z "$benchp" ]; then
		note "$B: no benchmark modules in tooling/$B/bench, skipped"
		continue
	fi
	kunitp=$(tooling_patches kunit)
	BASE=$B "$TOP/scripts/tree.sh" || exit 1
	out=$BUILD/bench/$B
	mkdir -p "$out"
	# The two trees, made again when the series or the benchmark changed.
	for tree in base patched; do
		wt=$out/$tree-linux
		if [ $tree = base ]; then
			topics_in=
		else
			topics_in=$(head -n 1 "$LINUX/.git/ppc-series-stack")
		fi
		stamp=$( (echo $topics_in $BASE_VERSION
			for p in $kunitp $(for t in $topics_in; do topic_patches "$t"; done) $benchp; do
				cat "$p"
			done) | sha256sum | cut -d' ' -f1)
		[ "$(cat "$wt.from" 2>/dev/null)" = "$stamp" ] && continue
		rm -rf "$wt" "$wt.from"
		git -C "$LINUX" worktree prune
		git -C "$LINUX" worktree add -q --detach "$wt" base || die "cannot make $wt"
		[ -z "$kunitp" ] || git -C "$wt" am -q $kunitp || die "tooling/$B/kunit does not apply"
		for t in $topics_in; do
			set -- $(topic_patches "$t")
			[ $# -eq 0 ] || git -C "$wt" am -q "$@" || die "series/$B/$t does not apply for make bench"
		done
		# MAINTAINERS differs from the base around the series' entries
		# and plays no part in a kernel.
		git -C "$wt" -c user.name=bench -c user.email=bench@invalid \
			am -q --exclude=MAINTAINERS $benchp ||
			die "tooling/$B/bench does not apply to the $tree tree"
		echo "$stamp" > "$wt.from"
	done

	table=$out/results.txt
	echo "# base: $(base_version); QEMU $(qemu_version)" > "$table"
	for t in ${T:-$BENCH_TARGETS}; do
		for tree in base patched; do
			src=$out/$tree-linux
			dir=$out/$tree-$t
			echo "== $B $t: building the $tree kernel (build/bench/$B/$tree-$t.build.log)"
			PPC_LINUX=$src BUILD_DIR=$dir BASE=$B \
				KCONFIGS="common/bench.config $(target_var "$t" BENCH_KCONFIG)" \
				"$TOP/scripts/build.sh" "$t" > "$out/$tree-$t.build.log" 2>&1 ||
				die "build failed: build/bench/$B/$tree-$t.build.log"
			PPC_LINUX=$src BASE=$B "$TOP/scripts/initramfs.sh" "$t" "$dir" \
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
				# the target's machine options (BENCH_QEMU_ARGS), then
				# the mode's, which win (-smp 1 under icount)
				LINUX=$src python3 "$TOP/scripts/rig.py" "$arch" "$dir" "$dir/rig.cpio" \
					"$log" 600 $(target_var "$t" BENCH_QEMU_ARGS) $args
			done
		done
		BENCH_BASE="Debian $BASE_PKG $BASE_VERSION" \
			python3 "$TOP/scripts/bench-table.py" "$t" "$out" | tee -a "$table"
	done
	# Debian's python3, with Debian's matplotlib
	PATH=/usr/bin:$PATH python3 "$TOP/scripts/bench-table.py" --plot "$out/bench.png" \
		"$out" ${T:-$BENCH_TARGETS}
	echo "written to build/bench/$B/results.txt and build/bench/$B/bench.png"
done

#!/bin/sh
# Build every prefix of the series for every target, the build-only ones
# too (or T=<target>), in
# build/bisect/<target> so that each step is incremental, and run checkpatch
# on each patch. Slow: run it before exporting, not in CI. FROM=<n> builds
# only the prefixes ending at patch n or later (checkpatch still runs on all).
# Prints a result line per patch and target, then 'N passed, N failed'.
set -u
. "$(dirname "$0")/lib.sh"
targets=${T:-$TARGETS $BUILD_TARGETS}
g() { git -C "$LINUX" "$@"; }
pkgs=
for t in $targets; do
	pkgs="$pkgs $(target_var "$t" EXTRA_PKGS)"
done
EXTRA_PKGS=$pkgs "$TOP/scripts/deps.sh" || exit 1
[ -d "$LINUX/.git" ] || die "no build/linux; run 'make tree' first"
[ -z "$(g status --porcelain --untracked-files=no)" ] || die "build/linux has uncommitted changes"
head=$(g symbolic-ref -q --short HEAD) || die "build/linux is not on a branch"
trap 'g checkout -q "$head"' EXIT INT TERM
mkdir -p "$LOGS/bisect"
res=$LOGS/bisect/results
: > "$res"
i=0
for c in $(g rev-list --reverse base..HEAD); do
	i=$((i + 1))
	n=$(printf '%04d' $i)
	subj=$(g log -1 --format=%s "$c")
	echo "== $n $subj"
	g checkout -q --detach "$c"
	g format-patch -q --stdout -1 "$c" > "$LOGS/bisect/$n.patch"
	if (cd "$LINUX" && PATH=/usr/bin:$PATH ./scripts/checkpatch.pl --strict --no-signoff "$LOGS/bisect/$n.patch") \
			> "$LOGS/bisect/$n-checkpatch.log" 2>&1; then
		echo "PASS $n checkpatch" | tee -a "$res"
	else
		echo "FAIL $n checkpatch: see build/logs/bisect/$n-checkpatch.log" | tee -a "$res"
	fi
	[ "$i" -ge "${FROM:-1}" ] || continue
	for t in $targets; do
		start=$(date +%s)
		# The target's fragments, less the options that a later patch
		# brings (kunit.py refuses a config that drops one).
		frags=
		for f in common/debug.config $(target_var "$t" KCONFIG_BASE) $t/kunitconfig; do
			mkdir -p "$BUILD/bisect/kconfig/$t"
			out=$BUILD/bisect/kconfig/$t/$(echo "$f" | tr / -)
			while IFS= read -r line; do
				sym=$(echo "$line" | sed -n 's/^CONFIG_\([A-Za-z0-9_]*\)=.*/\1/p')
				if [ -n "$sym" ] && ! g grep -qE "^(menu)?config $sym\$" -- '*Kconfig*'; then
					continue
				fi
				echo "$line"
			done < "$TOP/targets/$f" > "$out"
			frags="$frags $out"
		done
		if KCONFIGS=$frags BUILD_DIR=$BUILD/bisect/$t "$TOP/scripts/build.sh" "$t" > "$LOGS/bisect/$n-$t.log" 2>&1; then
			echo "PASS $n $t build ($(( $(date +%s) - start )) s)" | tee -a "$res"
		else
			echo "FAIL $n $t build: see build/logs/bisect/$n-$t.log" | tee -a "$res"
		fi
	done
done
pass=$(grep -c '^PASS' "$res")
fail=$(grep -c '^FAIL' "$res")
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

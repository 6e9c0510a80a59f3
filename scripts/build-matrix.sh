#!/bin/sh
# Build the kernels of the build-only targets of each base (BUILD_TARGETS in
# series/<base>/base.env, or T=; BASE= picks a base) from build/<base>/linux,
# in build/<base>/<target>, then rebuild the series' C files with W=1
# (scripts/w1.sh). These configurations are compiled, never booted (each
# target.env says why); make check leaves them out for CI's time, make
# bisect-check builds them at every patch. Installs their cross compilers.
# Prints a result line per base, target and step, then 'N passed, N failed'.
set -u
. "$(dirname "$0")/lib.sh"
bases=$(bases) || exit 1
pkgs=
for b in $bases; do
	use_base "$b"
	for t in ${T:-$BUILD_TARGETS}; do
		pkgs="$pkgs $(target_var "$t" EXTRA_PKGS)"
	done
done
EXTRA_PKGS=$pkgs "$TOP/scripts/deps.sh" || exit 1
mkdir -p "$LOGS"
res=$LOGS/build-matrix.results
: > "$res"
for b in $bases; do
	use_base "$b"
	if [ -z "$(topics)" ]; then
		note "$B: no topic series on this base yet, skipped"
		continue
	fi
	BASE=$B "$TOP/scripts/tree.sh" || exit 1
	mkdir -p "$BLOGS"
	for t in ${T:-$BUILD_TARGETS}; do
		start=$(date +%s)
		note "$B $t: building (build/logs/$B/build-$t.log)"
		if BASE=$B "$TOP/scripts/build.sh" "$t" > "$BLOGS/build-$t.log" 2>&1; then
			echo "PASS $B $t: build ($(( $(date +%s) - start )) s, $(base_version))" | tee -a "$res"
			BASE=$B "$TOP/scripts/w1.sh" "$t" | sed "s/^\([A-Z]*\) /\1 $B /" | tee -a "$res"
		else
			echo "FAIL $B $t: build: see build/logs/$B/build-$t.log" | tee -a "$res"
		fi
	done
done
pass=$(grep -c '^PASS' "$res")
fail=$(grep -c '^FAIL' "$res")
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

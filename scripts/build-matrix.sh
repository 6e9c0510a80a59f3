#!/bin/sh
# Build the kernels of the build-only targets ($BUILD_TARGETS, or T=) from
# build/linux, in build/<target>, then rebuild the series' C files with W=1
# (scripts/w1.sh). These configurations are compiled, never booted (each
# target.env says why); make check leaves them out for CI's time, make
# bisect-check builds them at every patch. Installs their cross compilers.
# Prints a result line per target and step, then 'N passed, N failed'.
set -u
. "$(dirname "$0")/lib.sh"
targets=${T:-$BUILD_TARGETS}
pkgs=
for t in $targets; do
	pkgs="$pkgs $(target_var "$t" EXTRA_PKGS)"
done
EXTRA_PKGS=$pkgs "$TOP/scripts/deps.sh" || exit 1
[ -d "$LINUX/.git" ] || "$TOP/scripts/tree.sh" || exit 1
mkdir -p "$LOGS"
res=$LOGS/build-matrix.results
: > "$res"
for t in $targets; do
	start=$(date +%s)
	note "$t: building (build/logs/build-$t.log)"
	if "$TOP/scripts/build.sh" "$t" > "$LOGS/build-$t.log" 2>&1; then
		echo "PASS $t: build ($(( $(date +%s) - start )) s, $(base_version))" | tee -a "$res"
		"$TOP/scripts/w1.sh" "$t" | tee -a "$res"
	else
		echo "FAIL $t: build: see build/logs/build-$t.log" | tee -a "$res"
	fi
done
pass=$(grep -c '^PASS' "$res")
fail=$(grep -c '^FAIL' "$res")
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

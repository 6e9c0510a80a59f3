#!/bin/sh
# The test command: install what is missing, make build/linux from series/,
# then for every target (or T=<target>) build, boot and run the tests, run
# checkpatch on every patch and a W=1 build of the C files the series
# touches. Prints one result line per target and suite and ends with
# 'N passed, N failed'; exit status 1 if anything failed.
set -u
. "$(dirname "$0")/lib.sh"
targets=${T:-$CHECK_TARGETS}
mkdir -p "$LOGS"
all=$LOGS/results
: > "$all"
t0=$(date +%s)

"$TOP/scripts/deps.sh" || exit 1
if ! "$TOP/scripts/tree.sh" > "$LOGS/tree.log" 2>&1; then
	cat "$LOGS/tree.log"
	echo "FAIL tree: series/ does not make a work tree" | tee -a "$all"
	echo "0 passed, 1 failed"
	exit 1
fi
echo "base: $(base_version)"
echo "series: $(git -C "$LINUX" rev-list --count base..HEAD) patches"

for t in $targets; do
	"$TOP/scripts/test-target.sh" "$t"
	cat "$LOGS/$t/results" >> "$all"
done

# checkpatch, as a maintainer runs it on what we send. Its spdxcheck.py
# needs Debian's python3 (python3-ply, python3-git), not another on PATH.
for p in "$TOP"/series/[0-9][0-9][0-9][0-9]-*.patch; do
	[ -e "$p" ] || continue
	case $p in */0000-cover-letter.patch) continue ;; esac
	name=${p##*/}
	out=$LOGS/checkpatch-${name%.patch}.log
	if (cd "$LINUX" && PATH=/usr/bin:$PATH ./scripts/checkpatch.pl --strict --no-signoff "$p") > "$out" 2>&1; then
		echo "PASS checkpatch: $name" | tee -a "$all"
	else
		echo "FAIL checkpatch: $name: $(grep -E '^(ERROR|WARNING|CHECK)' "$out" | head -n 1)" | tee -a "$all"
	fi
done

pass=$(grep -c '^PASS' "$all")
fail=$(grep -c '^FAIL' "$all")
skip=$(grep -c '^SKIP' "$all")
echo "wall time: $(( $(date +%s) - t0 )) s; logs in build/logs/"
if [ "$skip" -gt 0 ]; then
	echo "$pass passed, $fail failed, $skip skipped"
else
	echo "$pass passed, $fail failed"
fi
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]

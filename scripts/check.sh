#!/bin/sh
# The test command: install what is missing, then for every base (BASE=,
# default all) make build/<base>/linux from series/<base>/ (each topic on
# what it applies on, then branch test with the topics stacked; TOPIC=
# picks topics), build, boot and test every target (T=<target> picks one),
# run checkpatch on every patch of every topic and a W=1 build of the C
# files the series touch. Prints one result line per base, topic, target
# and suite, says what it is doing as it goes (a target that would start
# after CHECK_BUDGET seconds, default 3600, is skipped, saying so), and ends with
# 'N passed, N failed'; exit status 1 if anything failed.
set -u
. "$(dirname "$0")/lib.sh"
mkdir -p "$LOGS"
all=$LOGS/results
: > "$all"
t0=$(date +%s)
bases=$(bases) || exit 1

# A target boots while the next one builds: the boot in the background at
# normal priority, in a process group of its own, what runs beside it at
# nice 19, so that the guest runs about as fast as alone (timeouts, RCU
# stall and hung task warnings). At most one boot is pending: "base
# target pid". Its result lines are shown when it is collected; what it
# is doing (stderr) as it goes.
pending=
trap '[ -z "$pending" ] || kill -TERM -- -"${pending##* }" 2>/dev/null; exit 130' INT TERM HUP
# collect BASE TARGET RC: the target's result lines, to the run's
collect() {
	cat "$LOGS/$1/$2/boot.out" 2>/dev/null
	cat "$LOGS/$1/$2/results" >> "$all" 2>/dev/null
	# a script that stopped early must not pass for one that ran
	if [ "$3" -ne 0 ] && ! grep -q '^FAIL' "$LOGS/$1/$2/results" 2>/dev/null; then
		echo "FAIL $1 $2: test-target.sh exited with $3" | tee -a "$all"
	fi
}
# finish: wait for the pending boot, then collect its results
finish() {
	[ -n "$pending" ] || return 0
	set -- $pending
	wait "$3"
	collect "$1" "$2" $?
	pending=
}

"$TOP/scripts/deps.sh" || exit 1

for b in $bases; do
	use_base "$b"
	mkdir -p "$BLOGS"
	if [ -z "$(topics)" ]; then
		echo "SKIP $B: no topic series on this base yet (series/$B/topics)" | tee -a "$all"
		continue
	fi
	echo "== $B: making build/$B/linux from series/$B"
	if ! BASE=$B nice -n 19 "$TOP/scripts/tree.sh" > "$BLOGS/tree.log" 2>&1; then
		sed 's/^/    /' "$BLOGS/tree.log"
		echo "FAIL $B: tree: series/$B does not make a work tree" | tee -a "$all"
		continue
	fi
	sed -n 's/^tree.sh: //p' "$BLOGS/tree.log" | sed 's/^/   /'
	echo "base: $(base_version)"
	stacked=$(head -n 1 "$LINUX/.git/ppc-series-stack")
	for t in $stacked; do
		echo "PASS $B $t: git am on $(topic_on "$t"): $(topic_patches "$t" | wc -l) patches" | tee -a "$all"
	done

	# checkpatch, as a maintainer runs it on what we send
	for t in $stacked; do
		for p in $(topic_patches "$t"); do
			name=${p##*/}
			out=$BLOGS/checkpatch-$t-${name%.patch}.log
			if checkpatch "$p" > "$out" 2>&1; then
				echo "PASS $B $t: checkpatch $name" | tee -a "$all"
			else
				echo "FAIL $B $t: checkpatch $name: $(grep -E '^(ERROR|WARNING|CHECK)' "$out" | head -n 1)" | tee -a "$all"
			fi
		done
	done

	for t in ${T:-$CHECK_TARGETS}; do
		case " $CHECK_TARGETS $TARGETS " in
		*" $t "*) ;;
		*)	# T= without BASE=: the bases that have the target run it
			if [ -z "${BASE:-}" ]; then
				echo "SKIP $B $t: not a target of this base (have: $CHECK_TARGETS)" | tee -a "$all"
			else
				echo "FAIL $B $t: no such target on this base (have: $CHECK_TARGETS)" | tee -a "$all"
			fi
			continue ;;
		esac
		ran="${ran:-} $t"
		# CI gives the whole run 90 minutes: a target that would start
		# after CHECK_BUDGET seconds is skipped, saying how to run it
		el=$(( $(date +%s) - t0 ))
		if [ "$el" -gt "${CHECK_BUDGET:-3600}" ]; then
			echo "SKIP $B $t: not started: make check has run for $el s, past CHECK_BUDGET=${CHECK_BUDGET:-3600}; run it alone: make check BASE=$B T=$t" | tee -a "$all"
			continue
		fi
		# the same target twice (T=): its boot first
		case $pending in "$B $t "*) finish ;; esac
		rm -f "$BLOGS/$t/results" "$BLOGS/$t/boot.out"
		TARGET_PHASE=build BASE=$B nice -n 19 "$TOP/scripts/test-target.sh" "$t"
		rc=$?
		finish
		if [ $rc -ne 0 ]; then
			collect "$B" "$t" $rc
			continue
		fi
		TARGET_PHASE=boot BASE=$B setsid -w "$TOP/scripts/test-target.sh" "$t" > "$BLOGS/$t/boot.out" &
		pending="$B $t $!"
	done
done

finish

for t in ${T:-}; do
	case " ${ran:-} " in
	*" $t "*) ;;
	*) echo "FAIL $t: no base has this target" | tee -a "$all" ;;
	esac
done

pass=$(grep -c '^PASS' "$all")
fail=$(grep -c '^FAIL' "$all")
skip=$(grep -c '^SKIP' "$all")
echo "wall time: $(( $(date +%s) - t0 )) s; logs in build/logs/<base>/"
if [ "$skip" -gt 0 ]; then
	echo "$pass passed, $fail failed, $skip skipped"
else
	echo "$pass passed, $fail failed"
fi
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]

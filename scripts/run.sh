#!/bin/sh
# Build the patched kernels of every base (BASE=) and target (T=), boot them
# and show what the series does: kunit.py's report of the built-in suites,
# then what the rig did after boot (modules loaded, scripts run, their
# KTAP). TOPIC= picks the topics the kernels carry (default: all).
set -u
. "$(dirname "$0")/lib.sh"
bases=$(bases) || exit 1
"$TOP/scripts/deps.sh" || exit 1
rc=0
for b in $bases; do
	use_base "$b"
	if [ -z "$(topics)" ]; then
		echo "== $B: no topic series on this base yet, nothing to run"
		continue
	fi
	echo "== $B: making build/$B/linux from series/$B" >&2
	BASE=$B "$TOP/scripts/tree.sh" || { rc=1; continue; }
	for t in ${T:-$TARGETS}; do
		BASE=$B "$TOP/scripts/test-target.sh" "$t" > /dev/null || rc=1
		log=$BLOGS/$t
		echo
		echo "=================== $B $t ==================="
		echo "--- kunit.py exec --arch=$(target_var "$t" KUNIT_ARCH):"
		sed -n '/^\[..:..:..\] =/,$p' "$log/kunit.out"
		echo "--- after boot, from the rig's initramfs (build/logs/$B/$t/rig.log):"
		grep -E 'rig: |livepatch|proc/cmdline|^\[ *[0-9.]+\] *(ok|not ok) [0-9]|# Subtest' "$log/rig.log" |
			sed 's/^\[ *[0-9.]*\] //'
		echo "--- results:"
		grep -v '^#' "$log/results"
	done
done
exit $rc

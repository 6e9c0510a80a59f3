#!/bin/sh
# Build the patched kernels (all targets, or T=<target>), boot them and show
# what the series does: kunit.py's report of the built-in suites, then what
# the rig did after boot (modules loaded, scripts run, their KTAP).
set -u
. "$(dirname "$0")/lib.sh"
"$TOP/scripts/deps.sh" || exit 1
[ -d "$LINUX/.git" ] || "$TOP/scripts/tree.sh" || exit 1
rc=0
for t in ${T:-$TARGETS}; do
	"$TOP/scripts/test-target.sh" "$t" > /dev/null || rc=1
	log=$LOGS/$t
	echo
	echo "=================== $t ==================="
	echo "--- kunit.py exec --arch=$(target_var "$t" KUNIT_ARCH):"
	sed -n '/^\[..:..:..\] =/,$p' "$log/kunit.out"
	echo "--- after boot, from the rig's initramfs (build/logs/$t/rig.log):"
	grep -E 'rig: |livepatch|proc/cmdline|^\[ *[0-9.]+\] *(ok|not ok) [0-9]|# Subtest' "$log/rig.log" |
		sed 's/^\[ *[0-9.]*\] //'
	echo "--- results:"
	cat "$log/results"
done
exit $rc

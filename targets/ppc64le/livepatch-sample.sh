#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Rig script (runs in the ppc64le guest): samples/livepatch/livepatch-sample.ko
# patches cmdline_proc_show(); check that /proc/cmdline changes, that the
# transition completes, and that disabling and unloading put it back. Then
# livepatch-args-fix.ko replaces a function of livepatch-args-mod.ko whose
# ninth and tenth arguments are passed on the stack. Prints KTAP.
. /rig/lib/ktap_helpers.sh

MOD=livepatch_sample
SYSFS=/sys/kernel/livepatch/$MOD
PATCHED="this has been live patched"

# wait_for FILE VALUE: up to 15 s for FILE to read VALUE
wait_for() {
	for _ in $(seq 150); do
		[ "$(cat "$1" 2>/dev/null)" = "$2" ] && return 0
		sleep 0.1
	done
	return 1
}

wait_gone_and_restored() {
	for _ in $(seq 150); do
		if [ ! -e "$SYSFS" ] && [ "$(cat /proc/cmdline)" = "$orig" ]; then
			return 0
		fi
		sleep 0.1
	done
	return 1
}

check() {
	if "$@"; then ktap_test_pass "$desc"; else ktap_test_fail "$desc"; fi
}

ktap_print_header
ktap_set_plan 11
orig=$(cat /proc/cmdline)

desc="load livepatch-sample.ko"
check insmod /rig/files/livepatch-sample.ko
desc="transition completes"
check wait_for "$SYSFS/transition" 0
desc="/proc/cmdline is patched"
ktap_print_msg "/proc/cmdline: $(cat /proc/cmdline)"
check test "$(cat /proc/cmdline)" = "$PATCHED"
desc="disable"
check sh -c "echo 0 > $SYSFS/enabled"
desc="disable: transition completes, /proc/cmdline is back"
check wait_gone_and_restored
ktap_print_msg "/proc/cmdline: $(cat /proc/cmdline)"
desc="unload"
check rmmod $MOD

TOTAL=/sys/kernel/livepatch_args/total
FIX=/sys/kernel/livepatch/livepatch_args_fix
if [ ! -e /rig/files/livepatch-args-mod.ko ]; then
	# the samples come with the livepatch topic
	for desc in "load livepatch-args-mod.ko" "load livepatch-args-fix.ko" \
		"fix: transition completes" "fix: total is 385" "disable and unload"; do
		ktap_test_skip "$desc: no livepatch-args samples in this kernel (topic livepatch not applied)"
	done
else
	desc="load livepatch-args-mod.ko: total is 55"
	check sh -c "insmod /rig/files/livepatch-args-mod.ko && test \$(cat $TOTAL) = 55"
	desc="load livepatch-args-fix.ko"
	check insmod /rig/files/livepatch-args-fix.ko
	desc="fix: transition completes"
	check wait_for "$FIX/transition" 0
	desc="fix: total is 385 (arguments 9 and 10 read from the stack)"
	ktap_print_msg "total: $(cat $TOTAL)"
	check test "$(cat $TOTAL)" = 385
	desc="disable and unload the fix, unload livepatch-args-mod.ko"
	check sh -c "echo 0 > $FIX/enabled && while [ -e $FIX ]; do sleep 0.1; done &&
		test \$(cat $TOTAL) = 55 && rmmod livepatch_args_fix && rmmod livepatch_args_mod"
fi
ktap_finished

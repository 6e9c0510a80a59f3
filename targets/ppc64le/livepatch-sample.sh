#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Rig script (runs in the ppc64le guest): samples/livepatch/livepatch-sample.ko
# patches cmdline_proc_show(); check that /proc/cmdline changes, that the
# transition completes, and that disabling and unloading put it back.
# Prints KTAP.
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
ktap_set_plan 6
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
ktap_finished

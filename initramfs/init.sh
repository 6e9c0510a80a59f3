#!/bin/sh
# init for the ppc64le test rig, run by Debian's busybox-static.
#
# Mounts the pseudo file systems, then for each line of /rig/list:
#   module FILE   loads /rig/FILE and unloads it again;
#   script FILE   runs /rig/FILE with bash, its output (KTAP) to the log
#                 when it ends;
# and powers the machine off. What it says, and what the scripts print,
# goes through /dev/kmsg so that it lands in the console log in order with
# what the kernel prints:
#	rig: begin module|script NAME
#	rig: end module NAME: loaded | load failed: ERROR
#	rig: end script NAME: exit STATUS
#	rig: unload NAME: ok | failed: ERROR
#	rig: done
/bin/busybox --install -s /bin
# Debian programs (RIG_DEBIAN_PROGRAMS) before busybox's
export PATH=/usr/local/bin:/bin:/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
# What udev would add; kselftest's runner writes to /dev/stdout
ln -s /proc/self/fd /dev/fd
ln -s /proc/self/fd/0 /dev/stdin
ln -s /proc/self/fd/1 /dev/stdout
ln -s /proc/self/fd/2 /dev/stderr
mount -t debugfs debugfs /sys/kernel/debug
mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null
mount -t tmpfs tmpfs /tmp

say() { echo "$*" > /dev/kmsg; }
to_kmsg() { while IFS= read -r l; do echo "$l" > /dev/kmsg; done; }

say "rig: start"
while read -r what file; do
	name=${file##*/}
	case $what in
	module)
		name=$(echo "${name%.ko}" | tr - _)
		say "rig: begin module $name"
		if err=$(insmod "/rig/$file" 2>&1); then
			say "rig: end module $name: loaded"
			if err=$(rmmod "$name" 2>&1); then
				say "rig: unload $name: ok"
			else
				say "rig: unload $name: failed: $err"
			fi
		else
			say "rig: end module $name: load failed: $err"
		fi
		;;
	script)
		name=${name%.sh}
		say "rig: begin script $name"
		# Output to the log once the script is done: scripts that
		# read the kernel log (the livepatch selftests) see only
		# what the kernel and they themselves put there.
		# (appending: kselftest's runner reopens /dev/stdout to append)
		: > /tmp/out
		(cd /rig && bash "/rig/$file" >> /tmp/out 2>&1; echo $? > /tmp/rc)
		to_kmsg < /tmp/out
		say "rig: end script $name: exit $(cat /tmp/rc)"
		;;
	esac
done < /rig/list
say "rig: done"
sync
poweroff -f

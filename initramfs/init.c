// SPDX-License-Identifier: GPL-2.0
/*
 * init for the ppc32 test rig (Debian has no 32-bit powerpc user space).
 *
 * Mounts the pseudo file systems, then for each "module FILE" line of
 * /rig/list loads /rig/FILE and unloads it again, and powers the machine
 * off. (This init runs no scripts: "script" lines are reported as failed.) Everything
 * it says goes through /dev/kmsg, so that it lands in the console log in
 * order with what the modules print (KTAP from KUnit suites):
 *
 *	rig: begin module NAME
 *	rig: end module NAME: loaded | load failed: ERROR
 *	rig: unload NAME: ok | failed: ERROR
 *	rig: done
 *
 * Build: powerpc-linux-gnu-gcc -static -O2 -o init init.c
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define RIGDIR "/rig"

static int kmsg = -1;

static void say(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf) - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (n > (int)sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	buf[n++] = '\n';
	if (kmsg < 0 || write(kmsg, buf, n) != n)
		(void)!write(2, buf, n);
}

/* Module name as the kernel knows it: base name less ".ko", '-' -> '_'. */
static void modname(const char *file, char *name, size_t size)
{
	const char *base = strrchr(file, '/');
	char *p;

	snprintf(name, size, "%s", base ? base + 1 : file);
	p = strstr(name, ".ko");
	if (p)
		*p = '\0';
	for (p = name; *p; p++)
		if (*p == '-')
			*p = '_';
}

static void run_module(const char *file)
{
	char path[256], name[200];
	int fd;

	snprintf(path, sizeof(path), RIGDIR "/%s", file);
	modname(file, name, sizeof(name));
	say("rig: begin module %s", name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || syscall(SYS_finit_module, fd, "", 0) != 0) {
		say("rig: end module %s: load failed: %s", name, strerror(errno));
		if (fd >= 0)
			close(fd);
		return;
	}
	close(fd);
	say("rig: end module %s: loaded", name);
	if (syscall(SYS_delete_module, name, O_NONBLOCK) != 0)
		say("rig: unload %s: failed: %s", name, strerror(errno));
	else
		say("rig: unload %s: ok", name);
}

int main(void)
{
	char line[256], what[16], file[200];
	FILE *list;

	mount("proc", "/proc", "proc", 0, NULL);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	mount("debugfs", "/sys/kernel/debug", "debugfs", 0, NULL);
	kmsg = open("/dev/kmsg", O_WRONLY | O_CLOEXEC);

	say("rig: start");
	list = fopen(RIGDIR "/list", "r");
	if (!list)
		say("rig: no " RIGDIR "/list: %s", strerror(errno));
	while (list && fgets(line, sizeof(line), list)) {
		if (sscanf(line, "%15s %199s", what, file) != 2)
			continue;
		if (!strcmp(what, "module")) {
			run_module(file);
		} else {
			say("rig: begin %s %s", what, file);
			say("rig: end %s %s: not supported by this init", what, file);
		}
	}
	say("rig: done");
	sync();
	reboot(RB_POWER_OFF);
	/* No power-off driver: QEMU runs with -no-reboot, so a restart ends it. */
	reboot(RB_AUTOBOOT);
	for (;;)
		pause();
}

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Boot a target's kernel with its rig initramfs under QEMU.

  rig.py ARCH BUILD_DIR INITRD LOG TIMEOUT [QEMU_ARG...]

The machine comes from kunit.py's tools/testing/kunit/qemu_configs/ARCH.py in
the base's work tree ($LINUX), the same file 'kunit.py run --arch=ARCH' uses, so there is one
description of each machine. Unlike kunit.py, the kernel does not stop after
the built-in suites: the rig's init loads the test modules, runs the scripts
and powers off. The console goes to LOG; QEMU is killed after TIMEOUT
seconds. Exit status: QEMU's, or 124 on timeout.
"""

import importlib.util
import os
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LINUX = os.environ.get('LINUX') or os.path.join(TOP, 'build/linux')
KUNIT = os.path.join(LINUX, 'tools/testing/kunit')
sys.path.insert(0, KUNIT)
import qemu_config  # noqa: E402,F401 (the configs import it relatively)


def load_params(arch):
	path = os.path.join(KUNIT, 'qemu_configs', arch + '.py')
	# As kunit_kernel.py does: a name that makes the relative import work.
	spec = importlib.util.spec_from_file_location('.qemu_configs.' + arch, path)
	config = importlib.util.module_from_spec(spec)
	spec.loader.exec_module(config)
	return config.QEMU_ARCH


def main(argv):
	if len(argv) < 6:
		sys.exit(__doc__)
	arch, build_dir, initrd, log, timeout = argv[1:6]
	p = load_params(arch)
	append = ' '.join([p.kernel_command_line, 'rdinit=/init',
			   'printk.devkmsg=on', 'panic=-1'])
	cmd = (['qemu-system-' + p.qemu_arch, '-nodefaults', '-m', '1024',
		'-kernel', os.path.join(build_dir, p.kernel_path),
		'-initrd', initrd, '-append', append,
		'-no-reboot', '-nographic', '-serial', p.serial] +
	       p.extra_qemu_params + argv[6:])
	version = subprocess.run(['qemu-system-' + p.qemu_arch, '--version'],
				 capture_output=True, text=True).stdout.split('\n')[0]
	with open(log, 'w') as out:
		out.write('# ' + version + '\n')
		out.write('$ ' + ' '.join(cmd) + '\n')
		out.flush()
		proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out,
					stderr=subprocess.STDOUT)
		try:
			return proc.wait(timeout=float(timeout))
		except subprocess.TimeoutExpired:
			proc.kill()
			proc.wait()
			out.write(f'\nrig.py: QEMU killed after {timeout} s\n')
			return 124


if __name__ == '__main__':
	sys.exit(main(sys.argv))

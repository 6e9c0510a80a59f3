#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn a target's console logs into result lines, one per suite.

  results.py TARGET kunit LOG     the log of 'kunit.py exec' (built-in suites)
  results.py TARGET rig LOG NAME...
                                  the log of an initramfs rig boot; NAME are
                                  the modules and scripts it had to run
  results.py TARGET ftrace LOG    the ftrace and trace event startup tests
                                  ran and passed
  results.py TARGET console LOG   the log has no oops, WARN, lockdep or
                                  KASAN report and no W+X mapping, but for
                                  warnings a test announced between
                                  "expected WARNING follows" and "... done"

KTAP is parsed by the kernel's own parser (tools/testing/kunit/kunit_parser.py
in the base's work tree, $LINUX), chunk by chunk for a rig log: each module and script the rig
runs prints its own KTAP document between 'rig: begin' and 'rig: end' markers.
Prints 'PASS|FAIL|SKIP TARGET: what: detail' lines; exit status 1 if any FAIL.
"""

import inspect
import os
import re
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LINUX = os.environ.get('LINUX') or os.path.join(TOP, 'build/linux')
sys.path.insert(0, os.path.join(LINUX, 'tools/testing/kunit'))
import kunit_parser   # noqa: E402
import kunit_printer  # noqa: E402

Status = kunit_parser.TestStatus
failed = False


def result(ok, target, what, detail=''):
	global failed
	word = {True: 'PASS', False: 'FAIL', None: 'SKIP'}[ok]
	failed |= ok is False
	print(f'{word} {target}: {what}' + (f': {detail}' if detail else ''))


def parse(lines, parsed_log):
	"""Run kunit_parser over some console lines, its chatter to a file."""
	with open(parsed_log, 'a') as f:
		printer = kunit_printer.Printer(output=f)
		# kunit.py before 6.14 prints through a module-wide printer
		if 'printer' in inspect.signature(kunit_parser.parse_run_tests).parameters:
			return kunit_parser.parse_run_tests(lines, printer)
		kunit_parser.stdout = printer
		return kunit_parser.parse_run_tests(lines)


def is_case(test):
	return not test.subtests


def suite_line(target, kind, suite):
	c = suite.counts
	detail = f'{c.passed} passed, {c.failed} failed'
	if c.skipped:
		names = [t.name for t in suite.subtests if t.status == Status.SKIPPED]
		detail += f', {c.skipped} skipped' + (f' ({", ".join(names)})' if names else '')
	if c.crashed or c.errors:
		detail += f', {c.crashed} crashed, {c.errors} errors'
	if suite.status == Status.SKIPPED:
		result(None, target, f'{kind} {suite.name}', 'skipped')
		return
	ok = (suite.status == Status.SUCCESS and c.failed == 0 and
	      c.crashed == 0 and c.errors == 0 and c.passed > 0)
	result(ok, target, f'{kind} {suite.name}', detail)


def report(target, kind, name, test):
	"""Lines for one KTAP document: one per suite it holds."""
	if test.status in (Status.FAILURE_TO_PARSE_TESTS, Status.NO_TESTS):
		result(False, target, f'{kind} {name}', 'no KTAP results')
		return
	if all(is_case(t) for t in test.subtests):
		# A script: its top-level tests are the cases of one suite.
		test.name = name
		suite_line(target, kind, test)
		return
	for suite in test.subtests:
		suite_line(target, kind, suite)


def read(log):
	with open(log, errors='backslashreplace') as f:
		return f.read().splitlines()


def do_kunit(target, log):
	test = parse(read(log), log + '.parsed')
	report(target, 'kunit', 'built-in', test)


def occurrence(seen, name):
	"""NAME, then NAME#2, NAME#3... for a module the rig loads again."""
	seen[name] = seen.get(name, 0) + 1
	return name if seen[name] == 1 else f'{name}#{seen[name]}'


BEGIN = re.compile(r'rig: begin (module|script) (\S+)$')
END = re.compile(r'rig: end (module|script) (\S+): (.*)$')
UNLOAD = re.compile(r'rig: unload (\S+): (.*)$')


def do_rig(target, log, names):
	lines = read(log)
	chunks = {}
	cur = None
	done = False
	seen = {}
	for line in lines:
		m = BEGIN.search(line)
		if m:
			cur = occurrence(seen, m.group(2))
			chunks[cur] = {'kind': m.group(1), 'lines': [], 'end': None}
			continue
		m = END.search(line)
		if m and cur and cur.split('#')[0] == m.group(2):
			chunks[cur]['end'] = m.group(3)
			cur = None
			continue
		m = UNLOAD.search(line)
		if m and m.group(2) != 'ok':
			result(False, target, f'unload {m.group(1)}', m.group(2))
		if 'rig: done' in line:
			done = True
		if cur:
			chunks[cur]['lines'].append(line)
	seen = {}
	for name in (occurrence(seen, n) for n in names):
		c = chunks.get(name)
		if not c:
			result(False, target, f'rig {name}', 'never ran')
			continue
		kind = c['kind']
		if c['end'] is None:
			result(False, target, f'{kind} {name}', 'did not finish')
		elif c['end'] not in ('loaded', 'exit 0'):
			result(False, target, f'{kind} {name}', c['end'])
		report(target, kind, name, parse(c['lines'], log + '.parsed'))
	result(done, target, 'rig boot', 'ran to the end' if done else
	       'stopped before "rig: done" (hang, panic or timeout)')


# What the kernel prints when something went wrong, whatever the test said.
SPLAT = re.compile(r'(------------\[ cut here \]------------|WARNING: CPU: |'
		   r'WARNING: .*(lock|RCU|irq)|BUG: |'
		   r'Oops|Kernel panic|Unable to handle kernel|Call Trace:|'
		   r'possible recursive locking|possible circular locking|'
		   r'inconsistent lock state|suspicious RCU usage|'
		   r'KASAN:|W\+X mappings: failed|Found insecure W\+X|'
		   r'INFO: task .* blocked|hung_task|soft lockup|'
		   r'rcu: INFO: .* detected stalls)')


def do_ftrace(target, log):
	text = '\n'.join(read(log))
	passed = len(re.findall(r'PASSED$', text, re.M))
	failed = len(re.findall(r'FAILED', text))
	events = len(re.findall(r'Testing event (?:system )?\S+: OK$', text, re.M))
	whole = 'Testing all events: OK' in text
	ok = passed > 0 and failed == 0 and events > 0 and whole
	detail = (f'{passed} tracer tests passed, {failed} failed; {events} events '
		  f'and systems enabled and disabled, all at once: '
		  f'{"OK" if whole else "missing"}')
	result(ok, target, 'ftrace startup tests', detail)


# A test that provokes a warning on purpose brackets it with these.
EXPECT_BEGIN = 'expected WARNING follows'
EXPECT_END = 'expected WARNING done'


def do_console(target, log):
	lines = read(log)
	bad = []
	expecting = None
	# Warnings of the unpatched base itself, named by the target
	# (CONSOLE_KNOWN, a regular expression for the WARNING line): their
	# blocks are counted and named in the result, not failed on.
	known_re = os.environ.get('CONSOLE_KNOWN')
	known = 0
	skipping = False
	for i, line in enumerate(lines):
		if skipping:
			skipping = '---[ end trace' not in line
			continue
		if (known_re and 'cut here' in line and i + 1 < len(lines) and
		    re.search(known_re, lines[i + 1])):
			known += 1
			skipping = True
			continue
		if EXPECT_BEGIN in line:
			expecting = []
		elif EXPECT_END in line and expecting is not None:
			if not expecting:
				bad.append('a test expected a WARNING that never came')
			expecting = None
		elif SPLAT.search(line):
			if expecting is not None:
				expecting.append(line)
			else:
				bad.append(line.strip())
	name = os.path.basename(log)
	if bad:
		result(False, target, f'console {name}', bad[0])
	elif not lines:
		result(False, target, f'console {name}', 'empty log')
	else:
		wx = [line for line in lines if 'Checked W+X mappings: passed' in line]
		result(True, target, f'console {name}',
		       'no splat' + (', W+X check passed' if wx else '') +
		       (f'; {known} warning(s) of the unpatched base ignored'
			f' ({known_re})' if known else ''))


def main(argv):
	if len(argv) < 4:
		sys.exit(__doc__)
	target, kind, log = argv[1:4]
	if kind == 'kunit':
		do_kunit(target, log)
	elif kind == 'rig':
		do_rig(target, log, argv[4:])
	elif kind == 'console':
		do_console(target, log)
	elif kind == 'ftrace':
		do_ftrace(target, log)
	else:
		sys.exit(__doc__)
	return 1 if failed else 0


if __name__ == '__main__':
	sys.exit(main(sys.argv))

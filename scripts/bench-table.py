#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Table of one target's benchmark: base against patched; or their plot.

  bench-table.py TARGET DIR
  bench-table.py --plot PNG DIR TARGET...

Reads DIR/{base,patched}-TARGET-{icount,tcg}.log, the console logs of the
benchmark modules (lines "static_call_bench: WHAT: T ticks / N = X ns each",
and the same from livepatch_bench).
Under -icount shift=0 a guest nanosecond is one instruction: those columns
are instructions per operation, loop included, and repeat exactly. The tcg
columns are TCG wall-clock time: an emulator's, not hardware's, so only the
ratios mean something.

--plot draws patched/base for every operation of the TARGETs into PNG (one
panel per target, icount and tcg bars, log scale), with matplotlib.
"""

import os
import re
import sys

LINE = re.compile(r'(?:static_call|livepatch)_bench: ([^:]+): (\d+) ticks / (\d+) = (\d+) ns each')
SKIP = re.compile(r'(?:static_call|livepatch)_bench: ([^:]+): not (?:measured|counted): (.*)$')
PATCHES = re.compile(r'static_call_bench: ([^:]+): (\d+) text patches / (\d+) = ([\d.]+) each')


def read(path, patches=None):
	"""Timed results {what: (ticks, n, ns each)} and notes {what: why not};
	text patch counts {what: (patches, n)} into the dict patches, if given."""
	vals, notes = {}, {}
	try:
		with open(path, errors='replace') as f:
			for line in f:
				m = LINE.search(line)
				if m:
					ticks, n = int(m.group(2)), int(m.group(3))
					vals[m.group(1)] = (ticks, n, int(m.group(4)))
				m = SKIP.search(line)
				if m:
					notes[m.group(1)] = m.group(2).strip()
				m = PATCHES.search(line)
				if m and patches is not None:
					patches[m.group(1)] = (int(m.group(2)), int(m.group(3)))
	except FileNotFoundError:
		pass
	return vals, notes


def ratio(b, p):
	if not b or p is None:
		return '-'
	q = p / b
	if q >= 100:
		return f'{q:.0f}x'
	if q >= 0.1:
		return f'{q:.2f}'
	if q == 0:
		return '0'
	return f'1/{1 / q:.0f}'


def main(argv):
	target, d = argv[1], argv[2]
	runs, patches = {}, {}
	for tree in ('base', 'patched'):
		for mode in ('icount', 'icount-again', 'tcg'):
			patches[(tree, mode)] = {}
			runs[(tree, mode)] = read(f'{d}/{tree}-{target}-{mode}.log',
						  patches[(tree, mode)])
	names = []
	for (vals, notes) in runs.values():
		for k in list(vals) + list(notes):
			if k not in names and k != 'text patches':
				names.append(k)
	base = os.environ.get('BENCH_BASE', 'the base')
	print(f'\n{target}: base = {base} + benchmark module; '
	      'patched = the whole series')
	print('icount: instructions per operation (QEMU -icount shift=0,sleep=off, 1 CPU), '
	      'exact; tcg: ns per operation under TCG, an emulator: ratios only')
	hdr = f'{"operation":58} {"base":>9} {"patched":>9} {"ratio":>6} | {"base":>9} {"patched":>9} {"ratio":>6}'
	print(f'{"":58} {"icount (instructions)":^26} | {"tcg (ns)":^26}')
	print(hdr)
	print('-' * len(hdr))
	for k in names:
		cols = []
		for mode in ('icount', 'tcg'):
			b = runs[('base', mode)][0].get(k)
			p = runs[('patched', mode)][0].get(k)
			bs = str(b[2]) if b else '-'
			ps = str(p[2]) if p else '-'
			r = ratio(b and b[2], p and p[2])
			cols.append(f'{bs:>9} {ps:>9} {r:>6}')
		print(f'{k[:58]:58} {cols[0]} | {cols[1]}')

	counted = [k for k in names if any(k in c for c in patches.values())]
	if counted:
		print('\ntext-patching operations per operation (poke-area TLB flushes, '
		      'counted with kprobes in a separate, untimed pass of the icount run; '
		      'on nohash SMP the base sends an IPI to every other CPU for each)')
		print(f'{"operation":58} {"base":>9} {"patched":>9} {"ratio":>6}')
		for k in counted:
			b = patches[('base', 'icount')].get(k)
			p = patches[('patched', 'icount')].get(k)
			bv = b[0] / b[1] if b else None
			pv = p[0] / p[1] if p else None
			bs = f'{bv:.2f}' if b else '-'
			ps = f'{pv:.2f}' if p else '-'
			print(f'{k[:58]:58} {bs:>9} {ps:>9} {ratio(bv, pv):>6}')

	print()
	for tree in ('base', 'patched'):
		first = runs[(tree, 'icount')][0]
		again = runs[(tree, 'icount-again')][0]
		diff = [k for k in first if again.get(k, (0, 0, None))[2] != first[k][2]]
		diff += [k + ' (text patches)' for k in patches[(tree, 'icount')]
			 if patches[(tree, 'icount-again')].get(k) != patches[(tree, 'icount')][k]]
		if not first:
			print(f'  {tree}: icount: no results')
		elif not diff:
			print(f'  {tree}: icount run twice: the same instruction counts')
		else:
			print(f'  {tree}: icount run twice: counts differ in: {", ".join(diff)}')
	for k in names + ['text patches']:
		for (tree, mode), (vals, notes) in runs.items():
			if k in notes and k not in vals:
				print(f'  {k} ({tree}, {mode}): {notes[k]}')
				break
	if any('rotating' in k for k in names):
		print('  rotating over three far targets (patched): an update that needs a slot '
		      'not yet past its grace period takes the literal form instead of waiting')
	return 0


def plot(argv):
	out, d, targets = argv[2], argv[3], argv[4:]
	try:
		import matplotlib
		matplotlib.use('Agg')
		import matplotlib.pyplot as plt
	except ImportError:
		print('no plot: python3-matplotlib is not installed')
		return 0
	panels = []
	for target in targets:
		patches = {'base': {}, 'patched': {}}
		runs = {(tree, mode): read(f'{d}/{tree}-{target}-{mode}.log',
					   patches[tree] if mode == 'icount' else None)[0]
			for tree in ('base', 'patched') for mode in ('icount', 'tcg')}
		rows = []
		for k in runs[('base', 'icount')]:
			ratio = []
			for mode in ('icount', 'tcg'):
				b = runs[('base', mode)].get(k)
				p = runs[('patched', mode)].get(k)
				ratio.append(p[2] / b[2] if b and p and b[2] and p[2] else None)
			b, p = patches['base'].get(k), patches['patched'].get(k)
			# per operation: the two passes may count different numbers
			ratio.append((p[0] / p[1]) / (b[0] / b[1]) if b and p and b[0] and p[0]
				     else None)
			rows.append((k, ratio))
		if rows:
			panels.append((target, rows))
	if not panels:
		print('no plot: no results')
		return 0
	height = sum(len(rows) for _, rows in panels) * 0.42 + 1.2 * len(panels)
	fig, axes = plt.subplots(len(panels), 1, figsize=(10, height), squeeze=False,
				 gridspec_kw={'height_ratios': [len(r) for _, r in panels]})
	for ax, (target, rows) in zip(axes[:, 0], panels):
		y = range(len(rows))
		for i, (mode, color) in enumerate((('icount: instructions', 'tab:blue'),
						   ('tcg: time (emulator)', 'tab:orange'),
						   ('text patches', 'tab:green'))):
			if not any(r[1][i] for r in rows):
				continue
			# from 1 (as fast as the base) to the ratio
			vals = [(r[1][i] or 1) - 1 for r in rows]
			ax.barh([v + (i - 1) * 0.27 for v in y], vals, height=0.27,
				left=1, color=color, label=mode)
		ax.set_xscale('log')
		ratios = [q for r in rows for q in r[1] if q] + [1]
		ax.set_xlim(min(ratios) / 2, max(ratios) * 2)
		ax.axvline(1, color='black', linewidth=0.8)
		ax.set_yticks(list(y))
		ax.set_yticklabels([r[0] for r in rows], fontsize=8)
		ax.invert_yaxis()
		ax.set_title(f'{target}: patched / base (left of 1: the series is cheaper)',
			     fontsize=10)
		ax.legend(fontsize=8, loc='lower right')
	fig.tight_layout()
	fig.savefig(out, dpi=90)
	print(f'plot: {out}')
	return 0


if __name__ == '__main__':
	if len(sys.argv) > 1 and sys.argv[1] == '--plot':
		sys.exit(plot(sys.argv))
	sys.exit(main(sys.argv))

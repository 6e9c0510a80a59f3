#!/bin/sh
# Rebuild, with W=1, every C file the series adds or changes that the
# target's configuration builds; any warning is a failure. Prints result
# lines. Needs a built kernel in build/<base>/<target> (BASE=).
set -u
. "$(dirname "$0")/lib.sh"
t=${1:?usage: w1.sh TARGET}
cross=$(target_var "$t" CROSS_COMPILE)
cc="${cross}gcc"
command -v ccache >/dev/null && cc="ccache $cc"
n=0
bad=0
for f in $(git -C "$LINUX" diff --name-only --diff-filter=AM base..HEAD -- '*.c'); do
	o=${f%.c}.o
	[ -f "$BOUT/$t/$o" ] || continue
	n=$((n + 1))
	out=$(in_root "$t" make -s -C "$LINUX" ARCH=powerpc O="$BOUT/$t" CROSS_COMPILE="$cross" \
		CC="$cc" W=1 "$o" 2>&1)
	if [ $? -ne 0 ] || echo "$out" | grep -q 'warning:'; then
		echo "FAIL $t: W=1 $f: $(echo "$out" | grep -m1 -E 'warning:|error:')"
		bad=1
	fi
done
if [ "$n" -eq 0 ]; then
	echo "SKIP $t: W=1: the series changes no C file this target builds"
elif [ "$bad" -eq 0 ]; then
	echo "PASS $t: W=1: $n C files of the series build without warnings"
fi

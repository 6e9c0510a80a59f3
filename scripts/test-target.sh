#!/bin/sh
# Build one target, boot it twice and report:
#   1. kunit.py build (config + kernel + modules) in build/<target>
#   2. kunit.py exec: the built-in KUnit suites, as a kunit.py user runs them
#   W=1 rebuild of the C files the series touches, then
#   3. the rig: an initramfs that loads the test modules and runs the
#      target's scripts after boot, when kernel text is read-only
# Writes build/logs/<target>/{build,kunit,rig}.log and result lines to
# build/logs/<target>/results ('PASS|FAIL|SKIP target: what: detail').
# Needs what scripts/build.sh and scripts/initramfs.sh need, qemu-system-ppc.
set -u
. "$(dirname "$0")/lib.sh"
t=${1:?usage: test-target.sh TARGET}
arch=$(target_var "$t" KUNIT_ARCH) || exit 1
cross=$(target_var "$t" CROSS_COMPILE)
log=$LOGS/$t
mkdir -p "$log"
res=$log/results
echo "# base: $(base_version)" > "$res"
echo "# qemu: $(qemu_version)" >> "$res"
TIMEOUT=${TIMEOUT:-$(target_var "$t" TIMEOUT)}
TIMEOUT=${TIMEOUT:-300}

say() { echo "$*" | tee -a "$res"; }
elapsed() { echo "$(( $(date +%s) - $1 )) s"; }

echo "== $t: base $(base_version | cut -d' ' -f2), series $(git -C "$LINUX" rev-list --count base..HEAD) patches, QEMU $(qemu_version | cut -d' ' -f1)"
start=$(date +%s)
echo "base: $(base_version)" > "$log/build.log"
if ! "$TOP/scripts/build.sh" "$t" >> "$log/build.log" 2>&1; then
	say "FAIL $t: build: see build/logs/$t/build.log"
	tail -n 20 "$log/build.log" | sed 's/^/    /'
	exit 1
fi
say "PASS $t: build: $(elapsed "$start")"
"$TOP/scripts/w1.sh" "$t" | tee -a "$res"

start=$(date +%s)
# The target's QEMU options (multi-threaded TCG on e500: the trace event
# startup tests send an IPI per patched word, slow to a vCPU that waits
# its turn on one host thread) apply to this boot too.
qargs=$(target_var "$t" RIG_QEMU_ARGS)
python3 "$LINUX/tools/testing/kunit/kunit.py" exec --arch="$arch" \
	--cross_compile="$cross" --build_dir="$BUILD/$t" --timeout="$TIMEOUT" \
	${qargs:+"--qemu_args=$qargs"} > "$log/kunit.out" 2>&1
cp "$BUILD/$t/test.log" "$log/kunit.log" 2>/dev/null || : > "$log/kunit.log"
echo "   (kunit.py exec: $(elapsed "$start"))"
python3 "$TOP/scripts/results.py" "$t" kunit "$log/kunit.log" | tee -a "$res"
python3 "$TOP/scripts/results.py" "$t" console "$log/kunit.log" | tee -a "$res"
if [ "$(target_var "$t" STARTUP_TESTS)" = 1 ]; then
	python3 "$TOP/scripts/results.py" "$t" ftrace "$log/kunit.log" | tee -a "$res"
fi
cpus=$(sed -n 's/.*smp: Brought up .* \([0-9][0-9]*\) CPUs\{0,1\}$/\1/p' "$log/kunit.log")
want=$(target_var "$t" CPUS)
if [ "${cpus:-1}" = "$want" ]; then
	say "PASS $t: CPUs online: $want"
else
	say "FAIL $t: CPUs online: ${cpus:-none reported}, want $want"
fi

start=$(date +%s)
if ! "$TOP/scripts/initramfs.sh" "$t" > "$log/initramfs.log" 2>&1; then
	say "FAIL $t: rig initramfs: $(tail -n 1 "$log/initramfs.log")"
	exit 1
fi
# scripts keep their dashes; module names use underscores
names=$(awk '{ n = $2; sub(/.*\//, "", n); if ($1 == "module") { sub(/\.ko$/, "", n); gsub(/-/, "_", n) } else sub(/\.sh$/, "", n); print n }' "$BUILD/$t/rig/list")
python3 "$TOP/scripts/rig.py" "$arch" "$BUILD/$t" "$BUILD/$t/rig.cpio" \
	"$log/rig.log" "$TIMEOUT" $(target_var "$t" RIG_QEMU_ARGS)
echo "   (rig boot: $(elapsed "$start"))"
python3 "$TOP/scripts/results.py" "$t" rig "$log/rig.log" $names | tee -a "$res"
# What the stress cases counted and why cases were skipped, for the reader.
sed -n -e 's/^\[ *[0-9.]*\] *# \([a-z_]*stress[a-z_]*: [0-9].*\)/   (\1)/p' \
	-e 's/^\[ *[0-9.]*\] *ok [0-9]* \([^ ]*\) # SKIP \(.*\)/   (skipped \1: \2)/p' "$log/rig.log"
# The stack of a task sleeping in a livepatch replacement, as the
# livepatch selftest (test-frames.sh) read it: the caller must be there.
awk '/stack of the sleeping task:/ { on = 1; print "   (stack of a task sleeping in a livepatch replacement:)"; next }
     on && /# +\[</ { sub(/^.*# +/, "      "); print; next }
     { on = 0 }' "$log/rig.log"
python3 "$TOP/scripts/results.py" "$t" console "$log/rig.log" | tee -a "$res"
! grep -q '^FAIL' "$res"

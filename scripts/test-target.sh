#!/bin/sh
# Build one target of one base (BASE=), boot it twice and report:
#   1. kunit.py build (config + kernel + modules) in build/<base>/<target>
#   W=1 rebuild of the C files the series touches, then
#   2. kunit.py exec: the built-in KUnit suites, as a kunit.py user runs them
#   3. the rig: an initramfs that loads the test modules and runs the
#      target's scripts after boot, when kernel text is read-only
# Writes build/logs/<base>/<target>/{build,kunit,rig}.log and result lines to
# build/logs/<base>/<target>/results ('PASS|FAIL|SKIP <base> [<topic>]
# <target>: what: detail'; the topic is the one whose suite it is, from
# series/<base>/topics). Says on stderr what it is doing as it goes.
# Needs what scripts/build.sh and scripts/initramfs.sh need, qemu-system-ppc.
# TARGET_PHASE=build runs step 1 only, TARGET_PHASE=boot steps 2 and 3
# only (make check boots one target while it builds the next); unset, all.
set -u
. "$(dirname "$0")/lib.sh"
t=${1:?usage: BASE=<base> test-target.sh TARGET}
[ -n "${B:-}" ] || die "usage: BASE=<base> test-target.sh TARGET"
arch=$(target_var "$t" KUNIT_ARCH) || exit 1
cross=$(target_var "$t" CROSS_COMPILE)
log=$BLOGS/$t
rel=build/logs/$B/$t
mkdir -p "$log"
res=$log/results
phase=${TARGET_PHASE:-all}
case $phase in
build | boot | all) ;;
*) die "TARGET_PHASE=$phase: want build, boot or all" ;;
esac
if [ "$phase" != boot ]; then
	echo "# base: $(base_version)" > "$res"
	echo "# qemu: $(qemu_version)" >> "$res"
fi
TIMEOUT=${TIMEOUT:-$(target_var "$t" TIMEOUT)}
TIMEOUT=${TIMEOUT:-300}

# Result lines name the base, the topic whose suite it is, and the target.
tag() {
	awk -v b="$B" -v t="$t" -v map="$(for x in $(topics); do echo "$x $(topic_tests "$x")"; done)" '
	BEGIN { n = split(map, lines, "\n")
		for (i = 1; i <= n; i++) { k = split(lines[i], f, " ")
			for (j = 2; j <= k; j++) { pat[++np] = f[j]; top[np] = f[1] } } }
	/^(PASS|FAIL|SKIP) / {
		rest = substr($0, index($0, " ") + 1)
		sub("^" t ": ", "", rest)
		what = rest; sub(/: .*/, "", what)
		name = what; sub(/^[a-z]+ /, "", name)
		topic = ""
		for (i = 1; i <= np; i++) {
			p = pat[i]; gsub(/\*/, ".*", p)
			if (what ~ ("^" p "$") || name ~ ("^" p "$")) { topic = top[i] " "; break }
		}
		print $1 " " b " " topic t ": " rest; fflush(); next }
	{ print; fflush() }'
}
say() { echo "$*" | tag | tee -a "$res"; }
# results KIND LOG...: results.py's lines; a crash of it is a failure too
results() {
	out=$(CONSOLE_KNOWN=$(target_var "$t" CONSOLE_KNOWN) python3 "$TOP/scripts/results.py" "$t" "$@")
	rc=$?
	[ -z "$out" ] || echo "$out"
	if [ $rc -ne 0 ] && ! echo "$out" | grep -q '^FAIL'; then
		echo "FAIL $t: results.py $1 exited with $rc and no result (a bug in the tooling)"
	fi
}

# what it is doing, for the person watching (not a result line)
doing() { echo "   $B $t: $*" >&2; }
elapsed() { echo "$(( $(date +%s) - $1 )) s"; }

if [ "$phase" != boot ]; then
	echo "== $B $t: base $(base_version | cut -d' ' -f2), $(cat "$LINUX/.git/ppc-series-stack" 2>/dev/null | head -n 1 | sed 's/ /+/g') ($(git -C "$LINUX" rev-list --count base..HEAD) patches), QEMU $(qemu_version | cut -d' ' -f1)"
	start=$(date +%s)
	doing "building ($rel/build.log)"
	echo "base: $(base_version)" > "$log/build.log"
	if ! "$TOP/scripts/build.sh" "$t" >> "$log/build.log" 2>&1; then
		say "FAIL $t: build: see $rel/build.log"
		tail -n 20 "$log/build.log" | sed 's/^/    /'
		exit 1
	fi
	say "PASS $t: build: $(elapsed "$start")"
	fl=$(target_var "$t" FTRACE_FLAVOUR)
	if [ -n "$fl" ]; then
		cc=$(sed -n 's/^CONFIG_CC_VERSION_TEXT="\(.*\)"$/\1/p' "$BOUT/$t/.config")
		if grep -q "^CONFIG_$fl=y" "$BOUT/$t/.config"; then
			say "PASS $t: ftrace flavour: CONFIG_$fl=y ($cc)"
		else
			say "FAIL $t: ftrace flavour: not CONFIG_$fl=y ($cc)"
		fi
	fi
	doing "W=1 build of the series' C files"
	"$TOP/scripts/w1.sh" "$t" | tag | tee -a "$res"
	[ "$phase" = build ] && exit 0
fi

start=$(date +%s)
doing "booting for the built-in KUnit suites (kunit.py exec --arch=$arch, $rel/kunit.log)"
# The target's QEMU options (multi-threaded TCG on e500: the trace event
# startup tests send an IPI per patched word, slow to a vCPU that waits
# its turn on one host thread) apply to this boot too.
qargs=$(target_var "$t" RIG_QEMU_ARGS)
python3 "$LINUX/tools/testing/kunit/kunit.py" exec --arch="$arch" \
	--cross_compile="$cross" --build_dir="$BOUT/$t" --timeout="$TIMEOUT" \
	${qargs:+"--qemu_args=$qargs"} > "$log/kunit.out" 2>&1
cp "$BOUT/$t/test.log" "$log/kunit.log" 2>/dev/null || : > "$log/kunit.log"
doing "kunit.py exec took $(elapsed "$start")"
results kunit "$log/kunit.log" | tag | tee -a "$res"
results console "$log/kunit.log" | tag | tee -a "$res"
if [ "$(target_var "$t" STARTUP_TESTS)" = 1 ]; then
	results ftrace "$log/kunit.log" | tag | tee -a "$res"
elif [ -n "$(target_var "$t" STARTUP_TESTS_OFF)" ]; then
	say "SKIP $t: ftrace startup tests: $(target_var "$t" STARTUP_TESTS_OFF)"
fi
cpus=$(sed -n 's/.*smp: Brought up .* \([0-9][0-9]*\) CPUs\{0,1\}$/\1/p' "$log/kunit.log")
want=$(target_var "$t" CPUS)
if [ "${cpus:-1}" = "$want" ]; then
	say "PASS $t: CPUs online: $want"
else
	say "FAIL $t: CPUs online: ${cpus:-none reported}, want $want"
fi

start=$(date +%s)
doing "making the rig's initramfs"
if ! "$TOP/scripts/initramfs.sh" "$t" > "$log/initramfs.log" 2>&1; then
	say "FAIL $t: rig initramfs: $(tail -n 1 "$log/initramfs.log")"
	exit 1
fi
# scripts keep their dashes; module names use underscores
names=$(awk '{ n = $2; sub(/.*\//, "", n); if ($1 == "module") { sub(/\.ko$/, "", n); gsub(/-/, "_", n) } else sub(/\.sh$/, "", n); print n }' "$BOUT/$t/rig/list")
doing "booting the rig: $(echo $names) ($rel/rig.log)"
python3 "$TOP/scripts/rig.py" "$arch" "$BOUT/$t" "$BOUT/$t/rig.cpio" \
	"$log/rig.log" "$TIMEOUT" $(target_var "$t" RIG_QEMU_ARGS)
doing "rig boot took $(elapsed "$start")"
results rig "$log/rig.log" $names | tag | tee -a "$res"
# What the stress cases counted and why cases were skipped, for the reader.
sed -n -e 's/^\[ *[0-9.]*\] *# \([a-z_]*stress[a-z_]*: [0-9].*\)/   (\1)/p' \
	-e 's/^\[ *[0-9.]*\] *ok [0-9]* \([^ ]*\) # SKIP \(.*\)/   (skipped \1: \2)/p' "$log/rig.log"
# The stack of a task sleeping in a livepatch replacement, as the
# livepatch selftest (test-frames.sh) read it: the caller must be there.
awk '/stack of the sleeping task:/ { on = 1; print "   (stack of a task sleeping in a livepatch replacement:)"; next }
     on && /# +\[</ { sub(/^.*# +/, "      "); print; next }
     { on = 0 }' "$log/rig.log"
results console "$log/rig.log" | tag | tee -a "$res"
! grep -q '^FAIL' "$res"

# Common settings for the host scripts; sourced, not run.
# Every script runs from the top of the repository.
#
# Layout (README, "Layout"): series/<base>/ holds base.env (the pinned
# Debian source package and the targets of that base), topics (the topic
# series, what each applies on, in the order the test kernels stack them)
# and one git format-patch series per topic in series/<base>/<topic>/.
# tooling/<base>/ holds patches that are not for upstream: kunit/ (what the
# test kernels need and the base lacks, in every test tree) and bench/
# (the benchmark modules, applied only by make bench).
# Each base gets its own work tree, build directories and logs:
# build/<base>/linux, build/<base>/<target>, build/logs/<base>/<target>.

TOP=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$TOP/build
LOGS=$BUILD/logs
CACHE=${PPC_SERIES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ppc-series}
# PPC_LINUX=<dir> from the caller (make bench, make bisect-check) replaces
# the work tree of a (single) base; LINUX is ours, whatever the caller's
# environment says.
LINUX_ARG=${PPC_LINUX:-}

die() { printf '%s: error: %s\n' "${0##*/}" "$*" >&2; exit 1; }
note() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }

# all_bases: every base in series/, oldest first
all_bases() {
	for f in "$TOP"/series/*/base.env; do
		[ -e "$f" ] || continue
		f=${f%/base.env}
		echo "${f##*/}"
	done | sort -V
}

# bases: BASE= (one or more), or every base. Call it as
# "x=$(bases) || exit 1": die in $(...) exits only the subshell.
bases() {
	if [ -n "${BASE:-}" ]; then
		for b in $BASE; do
			[ -f "$TOP/series/$b/base.env" ] ||
				die "unknown base '$b' (have: $(all_bases | tr '\n' ' '))"
			echo "$b"
		done
	else
		all_bases
	fi
}

# use_base B: read series/B/base.env and set the per-base paths:
# B, SERIES (series/B), LINUX (its work tree), BOUT (build/B), BLOGS.
use_base() {
	B=$1
	SERIES=$TOP/series/$B
	[ -f "$SERIES/base.env" ] || die "unknown base '$B'"
	BASE_APT_SOURCES= TARGETS= CHECK_TARGETS= BUILD_TARGETS= BENCH_TARGETS=
	SUBJECT_PREFIX=PATCH
	. "$SERIES/base.env"
	LINUX=${LINUX_ARG:-$BUILD/$B/linux}
	export LINUX
	BOUT=$BUILD/$B
	BLOGS=$LOGS/$B
}

# A script run with one base in BASE works on it without asking.
case ${BASE:-} in
"" | *" "*) ;;
*) use_base "$BASE" ;;
esac

# topics: the topics of the base, in series/<base>/topics order
topics() {
	[ -f "$SERIES/topics" ] || return 0
	sed -e 's/#.*//' "$SERIES/topics" | awk 'NF { print $1 }'
}

# topic_on T: the topic T applies on ("base" for the base itself)
topic_on() {
	on=$(sed -e 's/#.*//' "$SERIES/topics" | awk -v t="$1" '$1 == t { print $2 }')
	[ -n "$on" ] || die "$B has no topic '$1' (have: $(topics | tr '\n' ' '))"
	echo "$on"
}

# topic_tests T: the suites of the result lines that test topic T
topic_tests() {
	sed -e 's/#.*//' "$SERIES/topics" | awk -v t="$1" '$1 == t { $1 = $2 = ""; print }'
}

# selected_topics: TOPIC= (checked against the base), or every topic.
# Call it as "x=$(selected_topics) || exit 1".
selected_topics() {
	if [ -n "${TOPIC:-}" ]; then
		for t in $TOPIC; do
			topic_on "$t" > /dev/null || exit 1
			echo "$t"
		done
	else
		topics
	fi
}

# stack T...: the topics a tree with topics T... carries, in topics
# order: T and what each applies on.
stack() {
	want=" $* "
	changed=1
	while [ $changed = 1 ]; do
		changed=0
		for t in $want; do
			on=$(topic_on "$t")
			case $on in base) continue ;; esac
			case $want in *" $on "*) ;; *) want="$want$on "; changed=1 ;; esac
		done
	done
	for t in $(topics); do
		case $want in *" $t "*) echo "$t" ;; esac
	done
}

# topic_patches T: the patch files of topic T, cover letter excluded
topic_patches() {
	for p in "$SERIES/$1"/[0-9][0-9][0-9][0-9]-*.patch; do
		[ -e "$p" ] || continue
		case $p in */0000-cover-letter.patch) continue ;; esac
		echo "$p"
	done
}

# tooling_patches KIND: tooling/<base>/KIND/*.patch (kunit, bench)
tooling_patches() {
	for p in "$TOP/tooling/$B/$1"/[0-9][0-9][0-9][0-9]-*.patch; do
		[ ! -e "$p" ] || echo "$p"
	done
}

# checkpatch PATCH: checkpatch.pl --strict --no-signoff of the base's tree,
# as a maintainer runs it on what we send. Its spdxcheck.py needs Debian's
# python3 (python3-ply, python3-git), not another on PATH. The trees here
# hold no upstream history, so checkpatch cannot find the commits that
# Fixes: tags name (UNKNOWN_COMMIT_ID, ignored; the ids were looked up
# upstream, see the commit messages); it still checks the tags' form.
# At nice 19: make check runs it while a test kernel boots.
checkpatch() {
	(cd "$LINUX" && PATH=/usr/bin:$PATH nice -n 19 ./scripts/checkpatch.pl --strict \
		--no-signoff --ignore UNKNOWN_COMMIT_ID "$1")
}

# target_var TARGET VAR: one variable of targets/TARGET/target.env, with
# targets/TARGET/<base>.env (what differs on that base) read after it
target_var() {
	[ -f "$TOP/targets/$1/target.env" ] || die "unknown target '$1' (have: $TARGETS)"
	(KUNITCONFIG=$1/kunitconfig
	 . "$TOP/targets/$1/target.env"
	 [ ! -f "$TOP/targets/$1/$B.env" ] || . "$TOP/targets/$1/$B.env"
	 eval "printf '%s' \"\${$2:-}\"")
}

# in_root TARGET CMD...: run CMD for TARGET. A target with BUILD_ROOT=<suite>
# builds with a newer Debian than the machine's (its compiler): CMD then
# runs chrooted into $CACHE/root-<suite> (made by deps.sh with mmdebstrap),
# in a mount namespace of its own that sees the project, the work tree, the
# cache and /proc, /dev, /sys, /tmp at the same paths. ccache keeps a
# cache of its own there (the root's ccache may be another version).
in_root() {
	ir_suite=$(target_var "$1" BUILD_ROOT) || return 1
	shift
	if [ -z "$ir_suite" ]; then
		"$@"
		return
	fi
	ir_dir=$CACHE/root-$ir_suite
	[ -f "$ir_dir/.complete" ] || die "no build root $ir_dir: run 'make deps'"
	TOP=$TOP LINUX=$LINUX CACHE=$CACHE unshare --mount --propagation private /bin/sh -c '
		r=$1 wd=$2
		shift 2
		for d in /proc /dev /sys /tmp "$TOP" "$LINUX" "$CACHE" "$HOME/.cache/ccache-root"; do
			mkdir -p "$d" "$r$d" && mount --rbind "$d" "$r$d" || exit 1
		done
		exec chroot "$r" /usr/bin/env CCACHE_DIR="$HOME/.cache/ccache-root" \
			PATH=/usr/local/bin:/usr/bin:/bin /bin/sh -c '"'"'cd "$0" && exec "$@"'"'"' "$wd" "$@"
	' in_root "$ir_dir" "$PWD" "$@"
}

# stacked_topics: the topics the work tree's branch test carries
stacked_topics() {
	head -n 1 "$LINUX/.git/ppc-series-stack" 2>/dev/null || true
}

# target_list TARGET VAR [TOPIC...]: a list variable of the target (VAR),
# then what each topic adds to it (TOPIC_<topic>_VAR, '-' as '_'), for
# the topics given, or those the work tree carries. A target's topic
# variables say what its tests of that topic need: kconfig fragments
# (KCONFIG), modules and scripts for the rig (RIG_MODULES, RIG_SCRIPTS,
# RIG_FILES).
target_list() {
	tl_t=$1 tl_v=$2
	shift 2
	[ $# -gt 0 ] || set -- $(stacked_topics)
	tl_out=$(target_var "$tl_t" "$tl_v") || return 1
	for tl_x in "$@"; do
		tl_out="$tl_out $(target_var "$tl_t" "TOPIC_$(echo "$tl_x" | tr - _)_$tl_v")"
	done
	echo $tl_out
}

# target_kconfigs TARGET [TOPIC...]: the kconfig fragments of the target
# (below targets/): the common debug options, the fragments it builds on,
# its kunitconfig, and what the topics add
target_kconfigs() {
	tk_t=$1
	shift
	echo common/debug.config $(target_var "$tk_t" KCONFIG_BASE) \
		$(target_var "$tk_t" KUNITCONFIG) $(target_list "$tk_t" KCONFIG "$@")
}

# The base version a tree was made from, for the logs.
base_version() {
	cat "$(git -C "$LINUX" rev-parse --path-format=absolute --git-common-dir 2>/dev/null)/base-version" 2>/dev/null ||
		echo unknown
}

# The QEMU the rig boots with, for the logs.
qemu_version() {
	qemu-system-ppc --version 2>/dev/null | sed -n '1s/^QEMU emulator version //p'
}

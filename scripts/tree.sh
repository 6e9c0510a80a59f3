#!/bin/sh
# make tree: for each base (BASE=, default every base) make build/<base>/linux,
# a git work tree whose first commit is the unpatched base (tagged 'base'),
# with one branch per topic (TOPIC=, default every topic; and what each
# applies on): series/<base>/<topic>/ applied with git am on the branch of
# the topic it applies on (or on base), its cover letter in the branch
# description. Branch 'test', checked out, is the tree that make check
# builds: tooling/<base>/kunit (what kunit.py lacks on that base) and the
# topics stacked in series/<base>/topics order.
# An existing tree is re-made only when it holds no work of its own (every
# branch and cover letter is where the last 'make tree' or 'make export'
# left it, nothing is uncommitted, no rebase or git am is stopped);
# FORCE=1 throws such work away.
# Needs git, and what scripts/base.sh needs.
set -eu
. "$(dirname "$0")/lib.sh"

if [ -z "${B:-}" ]; then
	bases=$(bases) || exit 1
	for b in $bases; do
		BASE=$b "$0" || exit 1
	done
	exit 0
fi
[ -z "$LINUX_ARG" ] || die "make tree makes build/$B/linux only (PPC_LINUX is set)"

SYNC=refs/ppc-series/synced
ONTO=refs/ppc-series/onto
g() { git -C "$LINUX" "$@"; }

# Debian's .gitignore ignores everything at the top level, so that new
# files are invisible to 'git status' and 'git add' refuses paths. Drop
# that stanza in the work tree only: the base commit stays Debian's.
unignore() {
	g update-index --no-skip-worktree .gitignore
	sed -i '/^# Debian packaging: ignore everything/,/^!\/debian\/$/d' "$LINUX/.gitignore"
	g update-index --skip-worktree .gitignore
}

# am NAME PATCH...: apply on HEAD, or say where it stops
am() {
	what=$1
	shift
	[ $# -gt 0 ] || return 0
	if ! g am -q --empty=drop --committer-date-is-author-date "$@"; then
		p=$(g am --show-current-patch=raw 2>/dev/null | sed -n 's/^Subject: //p' | head -n 1)
		g am --abort >/dev/null 2>&1 || true
		die "$what does not apply on $(g log -1 --format=%s HEAD): it stops at \"$p\" (see git am's message above)"
	fi
}

# desc_sum T: what the description of topic T's branch is, in short
desc_sum() {
	g config "branch.$1.description" 2>/dev/null | sha256sum | cut -c1-16
}

sel=$(selected_topics) || exit 1
want=$(stack $sel) || exit 1
want=$(echo $want)
stackfile=$LINUX/.git/ppc-series-stack
# what branch test was made from: the topics and their patches
stamp() {
	echo $want
	for p in $(tooling_patches kunit) $(for t in $want; do topic_patches "$t"; done); do
		cat "$p"
	done | sha256sum | cut -d' ' -f1
}

fresh=1
if [ -d "$LINUX/.git" ] && g rev-parse -q --verify base >/dev/null; then
	fresh=0
	if [ "${FORCE:-0}" != 1 ]; then
		[ -z "$(g status --porcelain --untracked-files=no)" ] ||
			die "build/$B/linux has uncommitted changes; commit and 'make export', or FORCE=1"
		[ ! -d "$LINUX/.git/rebase-merge" ] && [ ! -d "$LINUX/.git/rebase-apply" ] ||
			die "build/$B/linux: a rebase or git am is in progress; finish it and 'make export', or FORCE=1"
		for br in $(g for-each-ref --format='%(refname:short)' refs/heads/); do
			h=$(g rev-parse "$br")
			# a branch with no commits of its own, or as last synced
			[ "$h" = "$(g rev-parse base^{commit})" ] ||
			[ "$h" = "$(g rev-parse -q --verify "$ONTO/$br" || true)" ] ||
			[ "$h" = "$(g rev-parse -q --verify "$SYNC/$br" || true)" ] ||
				die "build/$B/linux: branch $br has commits not exported to series/$B; 'make export' them, or FORCE=1 to drop them"
			case " $(echo $(topics)) " in *" $br "*) ;; *) continue ;; esac
			[ "$(desc_sum "$br")" = "$(g config "ppc-series.$br.desc" 2>/dev/null || true)" ] ||
				die "build/$B/linux: the cover letter of $br (its branch description) was edited and not exported; 'make export', or FORCE=1"
		done
	fi
	# A new pin in base.env: the tree is made again from the new base.
	if [ "$(cut -d' ' -f2 "$LINUX/.git/base-version" 2>/dev/null)" != "$BASE_VERSION" ]; then
		note "build/$B/linux is $(base_version | cut -d' ' -f2), base.env pins $BASE_VERSION: making it again"
		fresh=1
	fi
fi

if [ $fresh = 0 ]; then
	# Already made from these very patches: keep it (and its timestamps,
	# so that builds stay incremental).
	same=1
	[ "$(cat "$stackfile" 2>/dev/null)" = "$(stamp)" ] || same=0
	[ "$(g rev-parse -q --verify HEAD)" = "$(g rev-parse -q --verify test || true)" ] || same=0
	[ "$(g rev-parse -q --verify test || true)" = "$(g rev-parse -q --verify "$SYNC/test" || true)" ] || same=0
	tmp=$(mktemp -d)
	for t in $want; do
		[ $same = 1 ] || break
		mkdir "$tmp/$t"
		if ! TOPIC=$t "$TOP/scripts/export.sh" --to "$tmp/$t" >/dev/null 2>&1 ||
		   ! diff -r -q "$tmp/$t" "$SERIES/$t" >/dev/null 2>&1; then
			same=0
		fi
	done
	rm -rf "$tmp"
	if [ $same = 1 ]; then
		unignore
		note "build/$B/linux is up to date with series/$B ($want)"
		exit 0
	fi
	g am --abort >/dev/null 2>&1 || true
	g rebase --abort >/dev/null 2>&1 || true
	g checkout -q -f -B test base
else
	src=$("$TOP/scripts/base.sh")
	rm -rf "$LINUX" "$LINUX.tmp"
	mkdir -p "${LINUX%/*}"
	note "copying $src to build/$B/linux"
	cp -a "$src" "$LINUX.tmp"
	rm -f "$LINUX.tmp/.complete"
	mv "$LINUX.tmp/.base-version" "$LINUX.tmp/.git-base-version"
	mv "$LINUX.tmp" "$LINUX"
	g init -q -b test
	# The base commit is the same on every machine: fixed identity and date.
	g config user.name 'powerpc series'
	g config user.email 'ppc-series@invalid'
	mv "$LINUX/.git-base-version" "$LINUX/.git/base-version"
	ver=$(cut -d' ' -f2 "$LINUX/.git/base-version")
	note "committing the base tree ($ver)"
	# Debian's .gitignore ignores everything at the top level: force.
	g add -A -f .
	env GIT_AUTHOR_NAME=base GIT_AUTHOR_EMAIL=base@invalid \
	    GIT_COMMITTER_NAME=base GIT_COMMITTER_EMAIL=base@invalid \
	    GIT_AUTHOR_DATE='2000-01-01T00:00:00Z' GIT_COMMITTER_DATE='2000-01-01T00:00:00Z' \
		git -C "$LINUX" commit -q -m "Linux $ver (Debian $BASE_PKG)" \
		-m "$(cat "$LINUX/.git/base-version")"
	g tag base
fi

# One branch per topic, on the topic it applies on: each applies on its own.
for t in $want; do
	on=$(topic_on "$t")
	case $on in
	base) ;;
	*) case " $want " in *" $on "*) ;; *) die "topic $t applies on $on, which is not made" ;; esac ;;
	esac
	g update-ref -d "$SYNC/$t" 2>/dev/null || true
	g checkout -q -f -B "$t" "$on"
	g update-ref "$ONTO/$t" "$on^{commit}"
	am "series/$B/$t" $(topic_patches "$t")
	"$TOP/scripts/cover.sh" import "$t"
	g config "ppc-series.$t.desc" "$(desc_sum "$t")"
	g update-ref "$SYNC/$t" HEAD
	note "$B/$t: $(g rev-list --count "$on..HEAD") patches on $on"
done
# The stack the tests build.
g update-ref -d "$SYNC/test" 2>/dev/null || true
g checkout -q -f -B test base
am "tooling/$B/kunit" $(tooling_patches kunit)
for t in $want; do
	am "series/$B/$t" $(topic_patches "$t")
done
g update-ref "$SYNC/test" HEAD
stamp > "$stackfile"
unignore
note "build/$B/linux: $(base_version | cut -d' ' -f1-2) + $( [ -z "$(tooling_patches kunit)" ] || echo "tooling/kunit + ")$(echo $want | sed 's/ / + /g') ($(g rev-list --count base..HEAD) patches), branch test"

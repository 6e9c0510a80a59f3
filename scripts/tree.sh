#!/bin/sh
# Make build/linux: a git work tree whose first commit is the unpatched
# base (tagged 'base') with one commit per patch of series/ on top.
# An existing tree is re-made from series/ only when it holds no work of
# its own (HEAD is where the last 'make tree' or 'make export' left it and
# nothing is uncommitted); FORCE=1 throws such work away.
# Needs git, and what scripts/base.sh needs.
set -eu
. "$(dirname "$0")/lib.sh"

SYNC=refs/ppc-series/synced

g() { git -C "$LINUX" "$@"; }

# Debian's .gitignore ignores everything at the top level, so that new
# files are invisible to 'git status' and 'git add' refuses paths. Drop
# that stanza in the work tree only: the base commit stays Debian's.
unignore() {
	g update-index --no-skip-worktree .gitignore
	sed -i '/^# Debian packaging: ignore everything/,/^!\/debian\/$/d' "$LINUX/.gitignore"
	g update-index --skip-worktree .gitignore
}

if [ -d "$LINUX/.git" ] && g rev-parse -q --verify base >/dev/null; then
	if [ "${FORCE:-0}" != 1 ]; then
		if [ -n "$(g status --porcelain --untracked-files=no)" ]; then
			die "build/linux has uncommitted changes; commit and 'make export', or FORCE=1"
		fi
		if [ "$(g rev-parse HEAD)" != "$(g rev-parse -q --verify $SYNC || true)" ]; then
			die "build/linux has commits not exported to series/; 'make export' them, or FORCE=1 to drop them"
		fi
	fi
	# Already made from these very patches: keep it (and its timestamps,
	# so that builds stay incremental).
	tmp=$(mktemp -d)
	if "$TOP/scripts/export.sh" --to "$tmp" >/dev/null 2>&1 &&
	   diff -r -q "$tmp" "$TOP/series" >/dev/null 2>&1; then
		rm -rf "$tmp"
		unignore
		note "build/linux is up to date with series/"
		exit 0
	fi
	rm -rf "$tmp"
	g am --abort >/dev/null 2>&1 || true
	g checkout -q -B series base
	g reset -q --hard base
else
	src=$("$TOP/scripts/base.sh")
	rm -rf "$LINUX"
	mkdir -p "$BUILD"
	note "copying $src to build/linux"
	cp -a "$src" "$LINUX.tmp"
	rm -f "$LINUX.tmp/.complete"
	mv "$LINUX.tmp/.base-version" "$LINUX.tmp/.git-base-version"
	mv "$LINUX.tmp" "$LINUX"
	g init -q -b series
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

set -- "$TOP"/series/[0-9][0-9][0-9][0-9]-*.patch
if [ -e "$1" ]; then
	if ! g am -q --empty=drop --committer-date-is-author-date "$@"; then
		p=$(g am --show-current-patch=raw 2>/dev/null | sed -n 's/^Subject: //p' | head -n 1)
		g am --abort >/dev/null 2>&1 || true
		die "series/ does not apply to the base: it stops at \"$p\" (see git am's message above)"
	fi
	"$TOP/scripts/cover.sh" import
fi
g update-ref $SYNC HEAD
unignore
note "build/linux: $(base_version | cut -d' ' -f1-2) + $(g rev-list --count base..HEAD) patches"

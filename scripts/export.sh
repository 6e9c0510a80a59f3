#!/bin/sh
# Write build/linux's base..HEAD back to series/ in git format-patch form:
# stable names and numbering, the cover letter kept (edit it with
# 'git -C build/linux branch --edit-description') and its shortlog and
# diffstat refreshed. The output does not depend on when or where it runs.
# Needs git.
set -eu
. "$(dirname "$0")/lib.sh"
g() { git -C "$LINUX" "$@"; }

[ -d "$LINUX/.git" ] || die "no build/linux; run 'make tree' first"
[ -z "$(g status --porcelain --untracked-files=no)" ] ||
	die "build/linux has uncommitted changes; commit them first"
n=$(g rev-list --count base..HEAD)
[ "$n" -gt 0 ] || die "build/linux has no commits over base"
[ "$(g rev-parse --abbrev-ref HEAD)" = series ] ||
	die "build/linux is not on branch 'series' (rebase in progress?)"

# --to DIR: write there instead of series/, and leave build/linux alone.
to=
[ "${1:-}" = --to ] && to=${2:?usage: export.sh [--to DIR]}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The cover letter takes its Date from the committer ident: pin it to the
# newest patch so that the same commits always export the same bytes. The
# abbreviated blob names in "index" lines are pinned too: git would size
# them to the number of objects in the repository.
GIT_COMMITTER_DATE=$(g log -1 --format=%aD HEAD) \
	g -c core.abbrev=12 format-patch -q --zero-commit --no-signature --numbered \
	--cover-letter --cover-from-description=subject -o "$tmp" base..HEAD
if [ -n "$to" ]; then
	mv "$tmp"/*.patch "$to/"
	exit 0
fi
rm -f "$TOP"/series/[0-9][0-9][0-9][0-9]-*.patch
mv "$tmp"/*.patch "$TOP/series/"
g update-ref refs/ppc-series/synced HEAD
note "exported $n patches and the cover letter to series/"

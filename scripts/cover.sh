#!/bin/sh
# Carry the cover letter into build/linux: series/0000-cover-letter.patch
# becomes the branch description, which 'git format-patch
# --cover-from-description' turns back into the cover letter on export
# (with shortlog and diffstat refreshed). Usage: cover.sh import
# Needs git.
set -eu
. "$(dirname "$0")/lib.sh"
cover=$TOP/series/0000-cover-letter.patch
g() { git -C "$LINUX" "$@"; }

case "${1:-}" in
import)
	[ -f "$cover" ] || exit 0
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	git mailinfo "$tmp/msg" "$tmp/patch" < "$cover" > "$tmp/info"
	subject=$(sed -n 's/^Subject: //p' "$tmp/info")
	# The body ends where format-patch's shortlog starts: "Author (N):".
	author=$(g log -1 --format=%an base..HEAD 2>/dev/null || true)
	awk -v a="$author (" 'index($0, a) == 1 && /\([0-9]+\):$/ { exit } { print }' \
		"$tmp/msg" > "$tmp/body"
	printf '%s\n\n%s\n' "$subject" "$(cat "$tmp/body")" > "$tmp/desc"
	g config branch.series.description "$(cat "$tmp/desc")"
	;;
*)
	die "usage: cover.sh import"
	;;
esac

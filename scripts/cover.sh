#!/bin/sh
# Carry a topic's cover letter into build/<base>/linux:
# series/<base>/<topic>/0000-cover-letter.patch becomes the description of
# the topic's branch, which 'git format-patch --cover-from-description'
# turns back into the cover letter on export (with shortlog and diffstat
# refreshed). Usage: BASE=<base> cover.sh import TOPIC
# Needs git.
set -eu
. "$(dirname "$0")/lib.sh"
[ "${1:-}" = import ] && [ -n "${2:-}" ] && [ -n "${B:-}" ] ||
	die "usage: BASE=<base> cover.sh import TOPIC"
t=$2
cover=$SERIES/$t/0000-cover-letter.patch
g() { git -C "$LINUX" "$@"; }

[ -f "$cover" ] || exit 0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git mailinfo "$tmp/msg" "$tmp/patch" < "$cover" > "$tmp/info"
subject=$(sed -n 's/^Subject: //p' "$tmp/info")
# The body ends where format-patch's shortlog starts: "Author (N):".
author=$(g log -1 --format=%an "refs/ppc-series/onto/$t..$t" 2>/dev/null || true)
awk -v a="$author (" 'index($0, a) == 1 && /\([0-9]+\):$/ { exit } { print }' \
	"$tmp/msg" > "$tmp/body"
printf '%s\n\n%s\n' "$subject" "$(cat "$tmp/body")" > "$tmp/desc"
g config "branch.$t.description" "$(cat "$tmp/desc")"

#!/bin/sh
# make export: write each topic branch of build/<base>/linux (BASE=, TOPIC=;
# default all) back to series/<base>/<topic>/ in git format-patch form:
# the topic's own commits (those over the commit it was made on), stable
# names and numbering, the cover letter kept (edit it with
# 'git -C build/<base>/linux branch --edit-description <topic>') and its
# shortlog and diffstat refreshed. The output does not depend on when or
# where it runs. Needs git.
set -eu
. "$(dirname "$0")/lib.sh"

# --to DIR: write one topic (BASE=, TOPIC=) there, leave the rest alone.
to=
[ "${1:-}" = --to ] && to=${2:?usage: export.sh [--to DIR]}

if [ -z "${B:-}" ]; then
	[ -z "$to" ] || die "--to needs one BASE and TOPIC"
	bases=$(bases) || exit 1
	for b in $bases; do
		[ -d "$BUILD/$b/linux/.git" ] || { note "$b: no build/$b/linux, nothing to export"; continue; }
		BASE=$b "$0" || exit 1
	done
	exit 0
fi

g() { git -C "$LINUX" "$@"; }
[ -d "$LINUX/.git" ] || die "no build/$B/linux; run 'make tree' first"
[ -z "$(g status --porcelain --untracked-files=no)" ] ||
	die "build/$B/linux has uncommitted changes; commit them first"
[ ! -d "$LINUX/.git/rebase-merge" ] && [ ! -d "$LINUX/.git/rebase-apply" ] ||
	die "build/$B/linux: a rebase or git am is in progress"

sel=$(selected_topics) || exit 1
for t in $sel; do
	g rev-parse -q --verify "refs/heads/$t" >/dev/null || continue
	onto=refs/ppc-series/onto/$t
	# The topic must sit on what it applies on (rebase it after editing that).
	on=$(topic_on "$t")
	g merge-base --is-ancestor "$on" "$t" ||
		die "$B/$t is not on $on (was $on edited?): 'git -C build/$B/linux rebase --onto $on $onto $t', then export"
	n=$(g rev-list --count "$on..$t")
	[ "$n" -gt 0 ] || die "$B/$t has no commits"
	tmp=$(mktemp -d)
	# The cover letter takes its Date from the committer ident: pin it to
	# the newest patch so that the same commits always export the same
	# bytes. The abbreviated blob names in "index" lines are pinned too:
	# git would size them to the number of objects in the repository.
	# The cover letter's From: is the committer: pinned too, and no
	# setting of the user's (format.*, diff.*) reaches the output.
	GIT_COMMITTER_DATE=$(g log -1 --format=%aD "$t") \
	GIT_COMMITTER_NAME='powerpc series' GIT_COMMITTER_EMAIL=ppc-series@invalid \
	GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 \
		g -c core.abbrev=12 format-patch -q --zero-commit --no-signature --numbered \
		--subject-prefix="$SUBJECT_PREFIX" \
		--cover-letter --cover-from-description=subject -o "$tmp" "$on..$t"
	if [ -n "$to" ]; then
		mv "$tmp"/*.patch "$to/"
		rm -rf "$tmp"
		exit 0
	fi
	mkdir -p "$SERIES/$t"
	rm -f "$SERIES/$t"/[0-9][0-9][0-9][0-9]-*.patch
	mv "$tmp"/*.patch "$SERIES/$t/"
	rm -rf "$tmp"
	g update-ref "refs/ppc-series/synced/$t" "$t"
	g update-ref "$onto" "$on^{commit}"
	g config "ppc-series.$t.desc" "$(g config "branch.$t.description" 2>/dev/null | sha256sum | cut -c1-16)"
	note "exported $n patches and the cover letter to series/$B/$t"
done

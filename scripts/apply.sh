#!/bin/sh
# Apply topic series to your own kernel tree with git am: TOPIC= (default
# every topic of the base) with what each applies on, in order, from
# series/<BASE>/ (BASE= required when there is more than one base).
# Usage: apply.sh /path/to/linux (a git work tree, clean)
set -eu
. "$(dirname "$0")/lib.sh"
k=${1:?usage: make apply KERNEL=/path/to/linux BASE=<base> [TOPIC=<topic>]}
if [ -z "${B:-}" ]; then
	[ "$(all_bases | wc -l)" = 1 ] || die "say which base your tree is: BASE=$(all_bases | tr '\n' '|' | sed 's/|$//')"
	use_base "$(all_bases)"
fi
[ -n "$(topics)" ] || die "series/$B has no topic series yet"
sel=$(selected_topics) || exit 1
git -C "$k" rev-parse --git-dir >/dev/null 2>&1 || die "$k is not a git work tree"
[ -z "$(git -C "$k" status --porcelain --untracked-files=no)" ] ||
	die "$k has uncommitted changes"
# the topics and what they apply on, in topics order
want=$(stack $sel) || exit 1
orig=$(git -C "$k" rev-parse HEAD)
n=0
for t in $want; do
	set -- $(topic_patches "$t")
	[ $# -gt 0 ] || continue
	if ! git -C "$k" am --empty=drop "$@"; then
		p=$(git -C "$k" am --show-current-patch=raw 2>/dev/null | sed -n 's/^Subject: //p' | head -n 1)
		git -C "$k" am --abort
		git -C "$k" reset -q --hard "$orig"
		die "series/$B/$t does not apply to $k: it stops at \"$p\" (the tree is left as it was). The series are made for $BASE_PKG $BASE_VERSION."
	fi
	note "applied series/$B/$t ($# patches)"
	n=$((n + $#))
done
note "applied $n patches to $k"

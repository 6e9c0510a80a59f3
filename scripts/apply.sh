#!/bin/sh
# Apply series/ to your own kernel tree with git am.
# Usage: apply.sh /path/to/linux (a git work tree, clean)
set -eu
. "$(dirname "$0")/lib.sh"
k=${1:?usage: make apply KERNEL=/path/to/linux}
git -C "$k" rev-parse --git-dir >/dev/null 2>&1 || die "$k is not a git work tree"
[ -z "$(git -C "$k" status --porcelain --untracked-files=no)" ] ||
	die "$k has uncommitted changes"
if ! git -C "$k" am --empty=drop "$TOP"/series/[0-9][0-9][0-9][0-9]-*.patch; then
	p=$(git -C "$k" am --show-current-patch=raw 2>/dev/null | sed -n 's/^Subject: //p' | head -n 1)
	git -C "$k" am --abort
	die "the series does not apply to $k: it stops at \"$p\" (the tree is left as it was). The series is made for $BASE_PKG $BASE_VERSION."
fi
note "applied $(ls "$TOP"/series/[0-9][0-9][0-9][0-9]-*.patch | grep -vc /0000-) patches to $k"

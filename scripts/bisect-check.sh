#!/bin/sh
# Build every prefix of every topic series (BASE=, TOPIC=; default all), for
# every target of the base, the build-only ones too (or T=<target>), and
# run checkpatch on each patch. A topic's prefixes are built on what it
# applies on (and tooling/<base>/kunit), in a work tree of their own,
# build/<base>/bisect/linux, and in build/<base>/bisect/<target> so that
# each step is incremental. Slow: run it before exporting, not in CI.
# FROM=<n> builds only the prefixes ending at patch n of each topic or
# later (checkpatch still runs on all). Prints a result line per patch and
# target, then 'N passed, N failed'.
set -u
. "$(dirname "$0")/lib.sh"
bases=$(bases) || exit 1
res=$LOGS/bisect-results
mkdir -p "$LOGS"
: > "$res"
pkgs=
for b in $bases; do
	use_base "$b"
	for t in ${T:-$TARGETS $BUILD_TARGETS}; do
		pkgs="$pkgs $(target_var "$t" EXTRA_PKGS)" || exit 1
	done
done
EXTRA_PKGS=$pkgs "$TOP/scripts/deps.sh" || exit 1

for b in $bases; do
	use_base "$b"
	if [ -z "$(topics)" ]; then
		note "$B: no topic series on this base yet, skipped"
		continue
	fi
	sel=$(selected_topics) || exit 1
	BASE=$B "$TOP/scripts/tree.sh" || exit 1
	main=$LINUX
	wt=$BOUT/bisect/linux
	g() { git -C "$wt" "$@"; }
	if ! g rev-parse -q --verify HEAD >/dev/null 2>&1; then
		rm -rf "$wt"
		git -C "$main" worktree prune
		git -C "$main" worktree add -q --detach "$wt" base || die "cannot make $wt"
	fi
	logs=$BLOGS/bisect
	mkdir -p "$logs"
	for topic in $sel; do
		g am --abort >/dev/null 2>&1 || true
		g checkout -q -f --detach base
		set -- $(tooling_patches kunit)
		[ $# -eq 0 ] || g am -q "$@" || die "tooling/$B/kunit does not apply"
		for s in $(stack "$topic"); do
			set -- $(topic_patches "$s")
			[ $# -eq 0 ] || g am -q --empty=drop --committer-date-is-author-date "$@" ||
				die "series/$B/$s does not apply on its stack"
		done
		n=$(topic_patches "$topic" | wc -l)
		i=0
		for c in $(g rev-list --reverse -n "$n" HEAD); do
			i=$((i + 1))
			id=$topic-$(printf '%04d' $i)
			subj=$(g log -1 --format=%s "$c")
			echo "== $B $id $subj"
			g checkout -q -f --detach "$c"
			g format-patch -q --stdout -1 "$c" > "$logs/$id.patch"
			if LINUX=$wt checkpatch "$logs/$id.patch" > "$logs/$id-checkpatch.log" 2>&1; then
				echo "PASS $B $id checkpatch" | tee -a "$res"
			else
				echo "FAIL $B $id checkpatch: see build/logs/$B/bisect/$id-checkpatch.log" | tee -a "$res"
			fi
			[ "$i" -ge "${FROM:-1}" ] || continue
			for t in ${T:-$TARGETS $BUILD_TARGETS}; do
				start=$(date +%s)
				# The target's fragments, less the options that a later
				# patch brings (kunit.py refuses a config that drops one).
				frags=
				for f in $(target_kconfigs "$t" $(stack "$topic")); do
					mkdir -p "$BOUT/bisect/kconfig/$t"
					out=$BOUT/bisect/kconfig/$t/$(echo "$f" | tr / -)
					while IFS= read -r line; do
						sym=$(echo "$line" | sed -n 's/^CONFIG_\([A-Za-z0-9_]*\)=.*/\1/p')
						if [ -n "$sym" ] && ! g grep -qE "^(menu)?config $sym\$" -- '*Kconfig*'; then
							continue
						fi
						echo "$line"
					done < "$TOP/targets/$f" > "$out"
					frags="$frags $out"
				done
				if PPC_LINUX=$wt KCONFIGS=$frags BUILD_DIR=$BOUT/bisect/$t BASE=$B \
				   "$TOP/scripts/build.sh" "$t" > "$logs/$id-$t.log" 2>&1; then
					echo "PASS $B $id $t build ($(( $(date +%s) - start )) s)" | tee -a "$res"
				else
					echo "FAIL $B $id $t build: see build/logs/$B/bisect/$id-$t.log" | tee -a "$res"
				fi
			done
		done
	done
done
pass=$(grep -c '^PASS' "$res")
fail=$(grep -c '^FAIL' "$res")
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

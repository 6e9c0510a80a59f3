#!/bin/sh
# Make build/<base>/<target>/rig.cpio (BASE=; or BUILD_DIR/rig.cpio with the
# MODULEs given):
# the initramfs whose init loads the target's
# test modules (RIG_MODULES), runs its scripts (RIG_SCRIPTS) and powers off.
#   RIG=c:       initramfs/init.c built static with the target's compiler
#                (Debian has no 32-bit powerpc user space)
#   RIG=busybox: initramfs/init.sh on Debian's busybox-static and
#                bash-static for ppc64el (the livepatch selftests are bash)
# The archive is written by the kernel's own usr/gen_init_cpio (run where
# it was built: in the target's BUILD_ROOT, if it has one).
# Needs a built kernel in build/<base>/<target>, libc6-dev-powerpc-cross (RIG=c),
# the ppc64el dpkg architecture (RIG=busybox).
set -eu
. "$(dirname "$0")/lib.sh"
t=${1:?usage: initramfs.sh TARGET [BUILD_DIR MODULE...]}
out=${2:-$BOUT/$t}
if [ $# -gt 2 ]; then
	shift 2
	RIG_MODULES_ARGS=$*
fi
rig=$(target_var "$t" RIG)
cross=$(target_var "$t" CROSS_COMPILE)
gen=$out/usr/gen_init_cpio
[ -x "$gen" ] || die "no $gen: build the $t kernel first"
stage=$out/rig
rm -rf "$stage"
mkdir -p "$stage"
list=$stage/cpio.list
: > "$stage/list"

cat > "$list" <<LIST
dir /dev 0755 0 0
nod /dev/console 0600 0 0 c 5 1
dir /proc 0755 0 0
dir /sys 0755 0 0
dir /tmp 1777 0 0
dir /bin 0755 0 0
dir /sbin 0755 0 0
dir /rig 0755 0 0
file /rig/list $stage/list 0644 0 0
LIST

# debian_programs DEBS: RIG_DEBIAN_PROGRAMS (paths in the packages of
# RIG_DEBIAN_PACKAGES, ppc64el) go to /usr/local/bin (or to the path after
# a ':'; busybox does not replace them with its links), with the shared
# libraries they need (followed through DT_NEEDED) and the dynamic loader.
# The kernel's selftests expect the messages of these programs, not
# busybox's: kmod's insmod, procps' sysctl, coreutils' date.
debian_programs() {
	progs=$(target_var "$t" RIG_DEBIAN_PROGRAMS)
	[ -n "$progs" ] || return 0
	droot=$stage/debian
	mkdir -p "$droot"
	for p in $(target_var "$t" RIG_DEBIAN_PACKAGES); do
		if ! ls "$1"/${p}_*.deb >/dev/null 2>&1; then
			(cd "$1" && apt-get download "$p:ppc64el") ||
				die "cannot download $p:ppc64el (dpkg --add-architecture ppc64el; apt-get update)"
		fi
		dpkg -x "$(ls "$1"/${p}_*.deb | tail -n 1)" "$droot"
	done
	libdir=/lib/powerpc64le-linux-gnu
	echo "dir /usr 0755 0 0" >> "$list"
	echo "dir /usr/local 0755 0 0" >> "$list"
	echo "dir /usr/local/bin 0755 0 0" >> "$list"
	echo "dir /lib 0755 0 0" >> "$list"
	echo "dir $libdir 0755 0 0" >> "$list"
	echo "dir /lib64 0755 0 0" >> "$list"
	[ -f "$droot$libdir/ld64.so.2" ] || die "no ld64.so.2 in RIG_DEBIAN_PACKAGES"
	echo "file /lib64/ld64.so.2 $droot$libdir/ld64.so.2 0755 0 0" >> "$list"
	todo=
	for p in $progs; do
		# PATH or PATH:WHERE (for scripts that call /bin/stat)
		src=${p%%:*}
		dst=/usr/local/bin/${src##*/}
		case $p in *:*) dst=${p#*:} ;; esac
		[ -f "$droot$src" ] || die "no $src in RIG_DEBIAN_PACKAGES"
		echo "file $dst $droot$src 0755 0 0" >> "$list"
		todo="$todo $droot$src"
	done
	for l in $(target_var "$t" RIG_DEBIAN_LINKS); do
		echo "slink /usr/local/bin/${l%%:*} ${l#*:} 0777 0 0" >> "$list"
	done
	done_libs=' '
	while [ -n "$todo" ]; do
		set -- $todo
		todo=
		for f in "$@"; do
			for lib in $(${cross}readelf -d "$f" |
				     sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
				case $done_libs in *" $lib "*) continue ;; esac
				done_libs="$done_libs$lib "
				src=
				for d in $libdir /usr$libdir; do
					[ -e "$droot$d/$lib" ] && src=$droot$d/$lib
				done
				[ -n "$src" ] || die "${f##*/} needs $lib: add its package to RIG_DEBIAN_PACKAGES"
				src=$(readlink -f "$src")
				echo "file $libdir/$lib $src 0755 0 0" >> "$list"
				todo="$todo $src"
			done
		done
	done
}

case $rig in
c)
	${cross}gcc -static -O2 -Wall -Wextra -Werror -o "$stage/init" "$TOP/initramfs/init.c"
	echo "file /init $stage/init 0755 0 0" >> "$list"
	;;
busybox)
	debs=$CACHE/ppc64el
	mkdir -p "$debs"
	for p in busybox-static bash-static; do
		if ! ls "$debs"/${p}_*.deb >/dev/null 2>&1; then
			(cd "$debs" && apt-get download "$p:ppc64el") ||
				die "cannot download $p:ppc64el (dpkg --add-architecture ppc64el; apt-get update)"
		fi
		dpkg -x "$(ls "$debs"/${p}_*.deb | tail -n 1)" "$stage/root"
	done
	debian_programs "$debs"
	cat >> "$list" <<LIST
file /bin/busybox $stage/root/bin/busybox 0755 0 0
slink /bin/sh busybox 0777 0 0
file /bin/bash $stage/root/bin/bash-static 0755 0 0
file /init $TOP/initramfs/init.sh 0755 0 0
dir /rig/lib 0755 0 0
file /rig/lib/ktap_helpers.sh $LINUX/tools/testing/selftests/kselftest/ktap_helpers.sh 0644 0 0
LIST
	;;
*)
	die "targets/$t/target.env: unknown RIG=$rig"
	;;
esac

# kselftest_install: the kernel's kselftest collections RIG_KSELFTEST,
# built for the target (their test modules against build/<base>/<target>) and
# installed by their own Makefile to /rig/kselftest, run_kselftest.sh and all.
# Their programs are linked static: the rig's C library is Debian 12's, and
# a target's BUILD_ROOT links against a newer one.
kselftest_install() {
	ksft=$(target_var "$t" RIG_KSELFTEST)
	[ -n "$ksft" ] || return 0
	inst=$out/kselftest
	rm -rf "$inst"
	in_root "$t" make -s -C "$LINUX/tools/testing/selftests" ARCH="$(target_var "$t" SRCARCH)" \
		CROSS_COMPILE="$cross" CC="${cross}gcc" LDFLAGS=-static KDIR="$LINUX" O="$out" \
		TARGETS="$ksft" INSTALL_PATH="$inst" \
		install >"$stage/kselftest.log" 2>&1 ||
		die "kselftest $ksft: build failed, see $stage/kselftest.log"
	(cd "$inst" && find . -mindepth 1) | sort | while read -r f; do
		if [ -d "$inst/$f" ]; then
			echo "dir /rig/kselftest/${f#./} 0755 0 0"
		else
			echo "file /rig/kselftest/${f#./} $inst/$f $(stat -c %a "$inst/$f") 0 0"
		fi
	done > "$stage/kselftest.list"
	echo "dir /rig/kselftest 0755 0 0" >> "$list"
	cat "$stage/kselftest.list" >> "$list"
}
[ -n "${RIG_MODULES_ARGS:-}" ] || kselftest_install

echo "dir /rig/modules 0755 0 0" >> "$list"
for m in ${RIG_MODULES_ARGS:-$(target_list "$t" RIG_MODULES)}; do
	[ -f "$out/$m" ] || die "module $m was not built in build/$t"
	grep -q "^file /rig/modules/${m##*/} " "$list" ||
		echo "file /rig/modules/${m##*/} $out/$m 0644 0 0" >> "$list"
	echo "module modules/${m##*/}" >> "$stage/list"
done
echo "dir /rig/files 0755 0 0" >> "$list"
[ -n "${RIG_MODULES_ARGS:-}" ] || for f in $(target_list "$t" RIG_FILES); do
	[ -f "$out/$f" ] || die "$f was not built in build/$t"
	echo "file /rig/files/${f##*/} $out/$f 0644 0 0" >> "$list"
done
echo "dir /rig/scripts 0755 0 0" >> "$list"
sdir=$(target_var "$t" RIG_SCRIPT_DIR)
sdir=${sdir:-$t}
[ -n "${RIG_MODULES_ARGS:-}" ] || for s in $(target_list "$t" RIG_SCRIPTS); do
	[ -f "$TOP/targets/$sdir/$s" ] || die "no script targets/$sdir/$s"
	echo "file /rig/scripts/$s $TOP/targets/$sdir/$s 0755 0 0" >> "$list"
	echo "script scripts/$s" >> "$stage/list"
done
# in the target's build root when it has one: gen_init_cpio was built
# there, against that root's C library (newer than the machine's)
in_root "$t" "$gen" "$list" > "$out/rig.cpio"
note "$out/rig.cpio: $(grep -c . "$stage/list") steps"

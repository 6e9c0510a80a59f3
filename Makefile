# powerpc static-call slots and frameless livepatch: the series and its rig.
# Targets: ppc32-e500smp ppc32-book3s ppc64le, and ppc32-e500smp-kasan in
# make check (T=<target> picks one).

SHELL := /bin/sh
S := scripts

.PHONY: help check run bench tree export apply bisect-check build build-matrix deps clean

help:
	@sed -n 's/^## //p' Makefile

## make check          install deps, build, boot and test every target; checkpatch; W=1
check:
	@$(S)/check.sh

## make run            build the patched kernels, boot them, show what the series does
run:
	@$(S)/run.sh

## make bench          the benchmark on the unpatched base and the series, side by side
bench:
	@$(S)/bench.sh

## make tree           build/linux: the base plus one git commit per patch of series/
tree:
	@$(S)/tree.sh

## make export         write build/linux's commits back to series/
export:
	@$(S)/export.sh

## make apply KERNEL=  apply series/ to your own kernel tree with git am
apply:
	@$(S)/apply.sh "$(KERNEL)"

## make bisect-check   build every prefix of the series for every target; checkpatch
bisect-check:
	@$(S)/bisect-check.sh

## make build-matrix   build the compiled-only configurations (PCREL, big-endian ELFv2), W=1
build-matrix:
	@$(S)/build-matrix.sh

## make build T=       build one target's kernel in build/<target>
build:
	@test -n "$(T)" || { echo "make build T=<target>"; exit 1; }
	@$(S)/build.sh $(T)

## make deps           install the Debian packages the tooling needs (root)
deps:
	@$(S)/deps.sh

## make clean          remove build/ (the base cache in ~/.cache/ppc-series stays)
clean:
	rm -rf build

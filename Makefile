# powerpc static-call slots and frameless livepatch: the topic series of
# each base (series/<base>/<topic>/) and their rig.
# Every command takes BASE=<base> and TOPIC=<topic> (default: every base,
# every topic); check, run and build take T=<target>.

SHELL := /bin/sh
S := scripts
export BASE TOPIC T

.PHONY: help check run bench tree export apply bisect-check build build-matrix deps clean

help:
	@sed -n 's/^## //p' Makefile

## make check          install deps; per base: make the tree, build, boot and test every target; checkpatch; W=1
check:
	@$(S)/check.sh

## make run            build the patched kernels, boot them, show what the series do
run:
	@$(S)/run.sh

## make bench          the benchmark on the unpatched base and the series, side by side
bench:
	@$(S)/bench.sh

## make tree           build/<base>/linux: the base, a branch per topic, branch test stacking them
tree:
	@$(S)/tree.sh

## make export         write the topic branches of build/<base>/linux back to series/<base>/<topic>/
export:
	@$(S)/export.sh

## make apply KERNEL=  apply topic series (and what they apply on) to your own kernel tree with git am
apply:
	@$(S)/apply.sh "$(KERNEL)"

## make bisect-check   build every prefix of every topic series for every target; checkpatch
bisect-check:
	@$(S)/bisect-check.sh

## make build-matrix   build the compiled-only configurations (PCREL, big-endian ELFv2), W=1
build-matrix:
	@$(S)/build-matrix.sh

## make build T=       build one target's kernel in build/<base>/<target> (one BASE=)
build:
	@test -n "$(T)" || { echo "make build T=<target> [BASE=<base>]"; exit 1; }
	@$(S)/build.sh $(T)

## make deps           install the Debian packages the tooling needs (root)
deps:
	@$(S)/deps.sh

## make clean          remove build/ (the base cache in ~/.cache/ppc-series stays)
clean:
	rm -rf build

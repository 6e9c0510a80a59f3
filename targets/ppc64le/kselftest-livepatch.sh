#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Rig script (runs in the ppc64le guest): the kernel's livepatch selftests,
# tools/testing/selftests/livepatch, every test script, through kselftest's
# own runner (installed with its test modules to /rig/kselftest). It prints
# TAP 13, one case per script.
cd /rig/kselftest || exit 1
# functions.sh only checks that a KDIR exists: the modules are built already.
export KDIR=/rig/kselftest
exec ./run_kselftest.sh

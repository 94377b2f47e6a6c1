#!/usr/bin/env bash
# check-macos.sh: compiles (syntax and types only) every C file of libnxes and the launcher that
# is built on macOS against Apple's EndpointSecurity headers, with ../shared/tools/macos-headers.
# Needs a sysroot built by that tool's setup.sh (see native/README.md); MACSDK_SYSROOT names it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
check="${CHECK_SH:-$here/../../shared/tools/macos-headers/check.sh}"
[ -x "$check" ] || check="/work/shared/tools/macos-headers/check.sh"
jdk="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
cd "$here"
CHECK_WERROR=1 CHECK_CFLAGS="-std=c11 -I include -I $jdk/include -I $jdk/include/linux" "$check" \
	src/nxes_flatten.c src/nxes_es_system.c src/nxes_client.c src/nxes_ring.c src/nxes_catalog.c \
	src/nxes_platform_darwin.c src/nxes_wait_darwin.c launcher/nxes_launcher.c

#!/usr/bin/env bash
# Builds the Debian packages lantern-kiosk and lantern-hub (Release, CPack) into build-package/.
# usage: scripts/package.sh   (then: apt install ./build-package/lantern-*.deb)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
build=${LANTERN_PACKAGE_BUILD_DIR:-$PWD/build-package}
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLANTERN_PACKAGE=ON -DBUILD_TESTING=OFF "${launcher[@]}" >/dev/null
cmake --build "$build" -j "$(nproc)" --target lantern-kiosk lantern-hub lantern default_pack
(cd "$build" && cpack -G DEB >/dev/null)
ls "$build"/lantern-*.deb

#!/usr/bin/env bash
# Sets up, builds with AddressSanitizer and UndefinedBehaviorSanitizer, and runs every test.
# UI tests run in a real window on a private Xvfb display that this script starts and stops.
# Then the libFuzzer harnesses (tests/fuzz), built with clang in build-fuzz, each fuzz for a few seconds
# (scripts/soak.sh runs them for minutes). Arguments go to both ctest runs: -R fuzz_ runs the fuzzers alone.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

scripts/setup.sh

build=${LANTERN_TEST_BUILD_DIR:-$root/build-test}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DLANTERN_SANITIZE=ON >/dev/null
cmake --build "$build" -j "$(nproc)"

# A free display number: the first with no lock file.
n=99
while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 3840x2160x24 -nolisten tcp >"$build/xvfb.log" 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.05; done
[ -e "/tmp/.X11-unix/X$n" ] || { echo "test.sh: Xvfb did not start; see $build/xvfb.log" >&2; exit 1; }
export DISPLAY=":$n"

# Mesa, X11 and fontconfig keep allocations for the life of the process; those are not our leaks.
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

cd "$build"
ctest --output-on-failure -j 2 "$@"

cd "$root"
fuzz_build=${LANTERN_FUZZ_BUILD_DIR:-$root/build-fuzz}
cmake -S . -B "$fuzz_build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DLANTERN_FUZZ=ON -DCMAKE_C_COMPILER=clang-14 \
  -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
cmake --build "$fuzz_build" -j "$(nproc)" --target lantern_fuzzers fuzz_corpus
cd "$fuzz_build"
ctest --output-on-failure -j 2 "$@"

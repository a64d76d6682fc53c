#!/usr/bin/env bash
# Benchmarks Lantern side by side with a bare OpenGL floor and headless Chromium; prints a table of medians.
# Not a test: nothing here runs in CI or ctest. Figures and how to read them: bench/RESULTS.md.
#   scripts/bench.sh            9 interleaved rounds (BENCH_RUNS=N to change), about 4 minutes
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${BENCH_RUNS:-9}

scripts/setup.sh
# Chromium is the bench's yardstick only, so it is installed here and never by setup.sh.
if ! command -v chromium >/dev/null; then
  echo "bench: installing chromium (for the comparison only)"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends chromium >/dev/null ||
    echo "bench: chromium could not be installed; its row will say so" >&2
fi

build=${LANTERN_BENCH_BUILD_DIR:-$root/build-bench}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DLANTERN_BENCH=ON >/dev/null
cmake --build "$build" -j "$(nproc)" >/dev/null

out=$root/bench/out
mkdir -p "$out"

# A private display, as scripts/test.sh does: the first number with no lock file.
n=99
while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.05; done
[ -e "/tmp/.X11-unix/X$n" ] || { echo "bench: Xvfb did not start; see $out/xvfb.log" >&2; exit 1; }
export DISPLAY=":$n"

"$build/hub/lantern" content build assets/content -o "$out/pack.sqlite" >/dev/null
page=$("$build/bench/lantern-bench-page-html" --longest "$out/pack.sqlite")
rm -rf "$out/html"
"$build/bench/lantern-bench-page-html" "$out/pack.sqlite" "$page" "$out/html"
renderer=$("$build/bench/lantern-bench-floor" --renderer "$out/floor.png")

# Hub figures need the hub (branch hub-sync); until it is on main there is nothing honest to print.
hub_json=""
if [ -x "$build/hub/lantern-hub" ] && [ -x "$build/bench/lantern-bench-hub" ]; then
  hub_json=$("$build/bench/lantern-bench-hub" --hub "$build/hub/lantern-hub" --clients 20)
fi

echo "bench: $runs rounds on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); renderer: $renderer" >&2
python3 bench/run_bench.py --build "$build" --pack "$out/pack.sqlite" --page "$page" --html "$out/html/page.html" \
  --sources assets/content --runs "$runs" --chromium "$(command -v chromium || true)" --renderer "$renderer" \
  --hub "$hub_json" --json "$out/results.json"

#!/usr/bin/env bash
# Benchmarks Lantern side by side with a bare OpenGL floor and headless Chromium; prints a table of medians.
# Not a test: nothing here runs in CI or ctest. Figures and how to read them: bench/RESULTS.md.
#   scripts/bench.sh            9 interleaved rounds (BENCH_RUNS=N to change), about 6 minutes
#   BENCH_HUB_RUNS=N            hub ingest/drain runs (default 5), each on a fresh hub; each run ingests into SQLite,
#                               one hub on PostgreSQL and two hubs on one PostgreSQL database, side by side
#   BENCH_DAY_SECONDS=N         the national-day simulation's day (86,400 s) compressed into N s (default 600);
#                               run against one hub on SQLite, then two hubs on PostgreSQL; 0 skips it
#   BENCH_DAY_KIOSKS=N          kiosks in the national day (default 600), each with 20 referrals
#   BENCH_HUB_ONLY=1            only the hub figures (ingest, drain, national day): no window, no Chromium
#   BENCH_SKIP_BUILD=1          use the binaries already in the build folder
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${BENCH_RUNS:-9}
hub_runs=${BENCH_HUB_RUNS:-5}
day_seconds=${BENCH_DAY_SECONDS:-600}
day_kiosks=${BENCH_DAY_KIOSKS:-600}
hub_only=${BENCH_HUB_ONLY:-}
case "$runs,$hub_runs" in *[!0-9,]* | ,* | *, | 0,* | *,0) echo "bench: BENCH_RUNS and BENCH_HUB_RUNS must be whole numbers >= 1" >&2; exit 2 ;; esac
case "$day_seconds,$day_kiosks" in *[!0-9,]* | ,* | *, | *,0) echo "bench: BENCH_DAY_SECONDS and BENCH_DAY_KIOSKS must be whole numbers (kiosks >= 1)" >&2; exit 2 ;; esac
die() { echo "bench: $*" >&2; exit 1; }

scripts/setup.sh || die "scripts/setup.sh failed (system packages); see above"
[ -n "$hub_only" ] || command -v Xvfb >/dev/null || die "Xvfb is missing (scripts/setup.sh installs xvfb)"
# Chromium (the yardstick) and python3 (the bench's driver) serve the bench only, so they are installed
# here and never by setup.sh.
bench_missing=()
[ -n "$hub_only" ] || command -v chromium >/dev/null || bench_missing+=(chromium)
command -v python3 >/dev/null || bench_missing+=(python3)
if [ ${#bench_missing[@]} -gt 0 ]; then
  echo "bench: installing ${bench_missing[*]} (for the bench only)"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  # A stale package list makes apt fail to find them; refresh once. Neither step may hang the bench.
  { timeout 300 env DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${bench_missing[@]}" >/dev/null 2>&1 ||
    { timeout 300 "${sudo_cmd[@]}" apt-get update -qq >/dev/null 2>&1 &&
      timeout 300 env DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${bench_missing[@]}" >/dev/null 2>&1; }; } ||
    echo "bench: ${bench_missing[*]} could not be installed; the Chromium row will say so" >&2
fi
command -v python3 >/dev/null || die "python3 is missing and could not be installed"

build=${LANTERN_BENCH_BUILD_DIR:-$root/build-bench}
out=$root/bench/out
mkdir -p "$out"
# Only what the bench runs is built (the machine may be shared); the log is kept for when it fails.
targets=(lantern-hub lantern-bench-hub lantern-bench-day)
[ -n "$hub_only" ] || targets+=(lantern-kiosk lantern lantern-bench-floor lantern-bench-search lantern-bench-page-html)
if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DLANTERN_BENCH=ON >"$out/build.log" 2>&1 ||
    { tail -20 "$out/build.log" >&2; die "cmake configure failed; full log in $out/build.log"; }
  cmake --build "$build" -j "$(nproc)" --target "${targets[@]}" >>"$out/build.log" 2>&1 ||
    { grep -m 20 -E "error|Error" "$out/build.log" >&2 || tail -20 "$out/build.log" >&2; die "build failed; full log in $out/build.log"; }
fi
binaries=(hub/lantern-hub bench/lantern-bench-hub bench/lantern-bench-day)
[ -n "$hub_only" ] || binaries+=(kiosk/lantern-kiosk hub/lantern bench/lantern-bench-floor bench/lantern-bench-search
  bench/lantern-bench-page-html)
for t in "${binaries[@]}"; do
  [ -x "$build/$t" ] || die "$build/$t is missing (unset BENCH_SKIP_BUILD to build it)"
done

# Hub ingest and outbox drain (SQLite, and PostgreSQL beside it), then the national day: before the GUI rounds,
# since they need both cores to themselves as much as those do. A failure is reported in the table rather than
# ending the bench; its reason is in hub.log / day-STORE.log.
echo "bench: hub ingest, $hub_runs runs, SQLite and PostgreSQL side by side" >&2
if hub_json=$(timeout 1200 "$build/bench/lantern-bench-hub" --hub "$build/hub/lantern-hub" --clients 20 \
  --runs "$hub_runs" --postgres 2>"$out/hub.log"); then
  cat "$out/hub.log" >&2
else
  cat "$out/hub.log" >&2
  echo "bench: the hub bench failed; see $out/hub.log" >&2
  hub_json='{"error": "the hub bench failed; see bench/out/hub.log"}'
fi
day_json='[]'
if [ "$day_seconds" -gt 0 ]; then
  day_runs=()
  for store in sqlite postgresql; do
    echo "bench: national day, $day_kiosks kiosks, $store, a day in $day_seconds s" >&2
    if one=$(timeout $((day_seconds * 3 + 300)) "$build/bench/lantern-bench-day" --hub "$build/hub/lantern-hub" \
      --store "$store" --kiosks "$day_kiosks" --referrals 20 --day-seconds "$day_seconds" 2>"$out/day-$store.log"); then
      day_runs+=("$one")
    else
      echo "bench: the national day on $store failed; see $out/day-$store.log" >&2
      day_runs+=("{\"store\": \"$store\", \"error\": \"failed; see bench/out/day-$store.log\"}")
    fi
  done
  day_json="[$(IFS=,; echo "${day_runs[*]}")]"
fi
if [ -n "$hub_only" ]; then
  python3 bench/run_bench.py --hub-only --hub "$hub_json" --day "$day_json" --json "$out/hub-results.json"
  exit 0
fi

# A private display, as scripts/test.sh does: the first number with no lock file.
n=99
while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.05; done
[ -e "/tmp/.X11-unix/X$n" ] || { echo "bench: Xvfb did not start; see $out/xvfb.log" >&2; exit 1; }
export DISPLAY=":$n"

"$build/hub/lantern" content build assets/content -o "$out/pack.sqlite" >"$out/pack.log" 2>&1 ||
  { tail -20 "$out/pack.log" >&2; die "content build failed; see $out/pack.log"; }
page=$("$build/bench/lantern-bench-page-html" --longest "$out/pack.sqlite") || die "cannot find the longest page"
rm -rf "$out/html"
"$build/bench/lantern-bench-page-html" "$out/pack.sqlite" "$page" "$out/html" || die "HTML export of $page failed"
renderer=$(timeout 60 "$build/bench/lantern-bench-floor" --renderer "$out/floor.png") ||
  die "the floor program could not open an OpenGL 3.3 window on $DISPLAY"

echo "bench: $runs rounds on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); renderer: $renderer" >&2
python3 bench/run_bench.py --build "$build" --pack "$out/pack.sqlite" --page "$page" --html "$out/html/page.html" \
  --sources assets/content --runs "$runs" --chromium "$(command -v chromium || true)" --renderer "$renderer" \
  --hub "$hub_json" --day "$day_json" --json "$out/results.json"

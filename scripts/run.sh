#!/usr/bin/env bash
# Sets up, builds (Release), builds the default content pack and runs the kiosk.
# With no display, runs the kiosk under Xvfb and leaves a screenshot of its first screen in var/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)"

mkdir -p var
build/hub/lantern content build assets/content -o var/pack.sqlite

kiosk=(build/kiosk/lantern-kiosk --pack "$root/var/pack.sqlite" "$@")
if [ -n "${DISPLAY:-}" ]; then
  exec "${kiosk[@]}"
fi

echo "run.sh: no display found (DISPLAY is not set), so the kiosk runs under Xvfb, a virtual screen."
n=99
while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp >var/xvfb.log 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.05; done
DISPLAY=":$n" "${kiosk[@]}" --screenshot "$root/var/kiosk-first-screen.png"
echo "run.sh: the kiosk's first screen is in $root/var/kiosk-first-screen.png"

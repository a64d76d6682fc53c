#!/usr/bin/env bash
# Refreshes the README's gallery: plays tests/ui/gallery.txt on the default content at 1280x720 and writes
# the screenshots to docs/screenshots/. Needs a built tree (build/) and a display (or Xvfb on :59).
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$src/build}
out=$src/docs/screenshots
mkdir -p "$out"
"$build/hub/lantern" content build "$src/assets/content" -o "$out/.pack.sqlite" >/dev/null
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :59 -screen 0 1280x720x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill $xvfb' EXIT
  export DISPLAY=:59
  sleep 1
fi
(cd "$out" && "$build/kiosk/lantern-kiosk" --pack "$out/.pack.sqlite" --size 1280x720 --script "$src/tests/ui/gallery.txt")
rm -f "$out/.pack.sqlite"
ls "$out"

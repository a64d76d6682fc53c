#!/usr/bin/env bash
# Refreshes the README's gallery: plays tests/ui/gallery.txt on the default content at 1280x720 and writes
# the screenshots to docs/screenshots/; then staff mode (tests/ui/gallery_staff.txt) with a throwaway config
# and PIN. Needs a built tree (build/) and a display (or Xvfb on :59).
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

# Staff mode needs a config with a PIN hash, keys and a data folder: all made here and thrown away.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; [ -n "${xvfb:-}" ] && kill $xvfb' EXIT
"$build/hub/lantern" keys generate --out "$tmp/keys" >/dev/null
{
  printf '[kiosk]\nname = "gallery"\n[hub]\nreferral_public_key = "%s"\ncontent_public_key = "%s"\n' \
    "$tmp/keys/referral.pub" "$tmp/keys/content-signing.pub"
  printf '[paths]\npack = "%s"\ndata = "%s"\n' "$out/.pack.sqlite" "$tmp/data"
  echo 2468 | "$build/hub/lantern" kiosk pin | grep -v '^#'
  printf 'usb_paths = ["%s"]\n' "$tmp/usb"
} >"$tmp/kiosk.toml"
(cd "$out" && "$build/kiosk/lantern-kiosk" --config "$tmp/kiosk.toml" --size 1280x720 --script "$src/tests/ui/gallery_staff.txt")
rm -f "$out/.pack.sqlite"
ls "$out"

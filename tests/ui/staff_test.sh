#!/usr/bin/env bash
# Staff mode end to end in the real kiosk (tests/ui/staff.txt): a config with a staff PIN hash made by
# `lantern kiosk pin`, a kiosk with no hub, and a folder standing in for a USB stick with a signed pack.
# usage: staff_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
source "$(dirname "$0")/private_xvfb.sh"
out=$build/tests/ui/out/staff
rm -rf "$out" && mkdir -p "$out/usb/STICK" "$out/data"
lantern=$build/hub/lantern
"$lantern" keys generate --out "$out/keys" >/dev/null
"$lantern" content build "$src/tests/fixtures/content" -o "$out/pack.sqlite" --content-version 1 >/dev/null
"$lantern" content build "$src/tests/fixtures/content" -o "$out/usb/STICK/lantern-2.sqlite" --content-version 2 >/dev/null
"$lantern" content sign "$out/usb/STICK/lantern-2.sqlite" --key "$out/keys/content-signing.key" >/dev/null
pin_hash=$(echo 2468 | "$lantern" kiosk pin | sed -n 's/^pin_hash = //p')
[ -n "$pin_hash" ] || { echo "lantern kiosk pin printed no pin_hash" >&2; exit 1; }
cat >"$out/kiosk.toml" <<TOML
[kiosk]
name = "staff-test"
[hub]
referral_public_key = "$out/keys/referral.pub"
content_public_key = "$out/keys/content-signing.pub"
[paths]
pack = "$out/pack.sqlite"
data = "$out/data"
[staff]
pin_hash = $pin_hash
usb_paths = ["$out/usb"]
TOML
cd "$out"
"$build/kiosk/lantern-kiosk" --config "$out/kiosk.toml" --size 1920x1080 --script "$src/tests/ui/staff.txt" 2>"$out/kiosk.log" ||
  { cat "$out/kiosk.log" >&2; exit 1; }
# The imported pack is damaged on disk (zeroed): the next start falls back to the shipped pack and says why.
imported=$(ls "$out"/data/packs/pack-*.sqlite)
[ "$(echo "$imported" | wc -l)" = 1 ] || { echo "expected one imported pack, found: $imported" >&2; exit 1; }
head -c "$(stat -c %s "$imported")" /dev/zero >"$imported.zero" && mv "$imported.zero" "$imported"
"$build/kiosk/lantern-kiosk" --config "$out/kiosk.toml" --size 1920x1080 --script "$src/tests/ui/staff_fallback.txt" \
  2>"$out/kiosk-fallback.log" || { cat "$out/kiosk-fallback.log" >&2; exit 1; }
grep -q "content version 2 cannot be used" "$out/kiosk-fallback.log" ||
  { echo "the kiosk did not log why it fell back" >&2; exit 1; }
for png in "$out"/*.png; do "$build/tests/ui/png_check" "$png"; done
# The PIN is never written down: not in the kiosk's data folder, not in its log.
if grep -rl "2468" "$out/data" "$out/kiosk.log"; then
  echo "the staff PIN was found in plain text in the files above" >&2
  exit 1
fi
echo "staff mode: PIN, notice and USB import all worked"

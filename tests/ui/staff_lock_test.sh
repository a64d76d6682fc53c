#!/usr/bin/env bash
# The staff lock fails closed in the real kiosk (tests/ui/staff_lock_failed.txt): its store in the data folder
# is not a database, so the PIN pad refuses even the right PIN, says what to do, and logs why.
# usage: staff_lock_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
source "$(dirname "$0")/private_xvfb.sh"
out=$build/tests/ui/out/staff_lock
rm -rf "$out" && mkdir -p "$out/data"
lantern=$build/hub/lantern
"$lantern" content build "$src/tests/fixtures/content" -o "$out/pack.sqlite" --content-version 1 >/dev/null 2>&1
pin_hash=$(echo 2468 | "$lantern" kiosk pin | sed -n 's/^pin_hash = //p')
[ -n "$pin_hash" ] || { echo "lantern kiosk pin printed no pin_hash" >&2; exit 1; }
cat >"$out/kiosk.toml" <<TOML
[kiosk]
name = "staff-lock-test"
[paths]
pack = "$out/pack.sqlite"
data = "$out/data"
[staff]
pin_hash = $pin_hash
usb_paths = []
TOML
head -c 8192 /dev/zero | tr '\0' 'x' >"$out/data/staff.sqlite"
cd "$out"
"$build/kiosk/lantern-kiosk" --config "$out/kiosk.toml" --size 1920x1080 --script "$src/tests/ui/staff_lock_failed.txt" \
  2>"$out/kiosk.log" || { cat "$out/kiosk.log" >&2; exit 1; }
grep -q "PIN pad locked" "$out/kiosk.log" || { echo "the kiosk did not log why the PIN pad is locked" >&2; exit 1; }
for png in "$out"/*.png; do "$build/tests/ui/png_check" "$png"; done
echo "staff lock: a damaged store keeps the PIN pad locked"

#!/usr/bin/env bash
# Staff settings in the real kiosk (tests/ui/staff_settings.txt, then staff_settings_kept.txt after a restart):
# changed on the staff screen, used for the next visitor at once, kept in the data folder's staff store over
# kiosk.toml's, in landscape and portrait.
# usage: settings_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
source "$(dirname "$0")/private_xvfb.sh"
source "$(dirname "$0")/kiosk_folder.sh"
out=$build/tests/ui/out/settings
new_kiosk_folder "$out" settings-test "HMP Test visitor centre"
cat >>"$out/kiosk.toml" <<TOML
[idle]
seconds = 90
countdown_seconds = 30
TOML
cd "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }
run() { # SCRIPT SIZE SHOT
  sed "s|@SHOT@|$3|" "$src/tests/ui/$1" >"$1"
  "$build/kiosk/lantern-kiosk" --config "$out/kiosk.toml" --size "$2" --script "$1" 2>>"$out/kiosk.log" ||
    { cat "$out/kiosk.log" >&2; exit 1; }
  "$build/tests/ui/png_check" "$3"
}
run staff_settings.txt 1920x1080 staff-settings-landscape.png
row=$(sqlite3 -readonly data/staff.sqlite \
  "SELECT idle_seconds, countdown_seconds, languages, read_aloud_volume FROM settings")
[ "$row" = "120|20|en|70" ] || fail "staff store holds '$row', expected 120|20|en|70"
run staff_settings_kept.txt 1080x1920 staff-settings-portrait.png
row=$(sqlite3 -readonly data/staff.sqlite "SELECT languages FROM settings")
[ "$row" = "en,cy" ] || fail "Welsh turned back on: staff store holds '$row'"
echo "staff settings: used at once, kept across a restart, Welsh off and on again"

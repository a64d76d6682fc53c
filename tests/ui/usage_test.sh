#!/usr/bin/env bash
# Usage figures in the real kiosk (tests/ui/usage_staff.txt): two visits are counted into the data folder's
# usage.sqlite, staff see them, and what was typed in the search box is nowhere in the folder.
# usage: usage_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
source "$(dirname "$0")/private_xvfb.sh"
source "$(dirname "$0")/kiosk_folder.sh"
out=$build/tests/ui/out/usage
new_kiosk_folder "$out" usage-test "HMP Test visitor centre"
cd "$out"
fail() { echo "FAIL: $*" >&2; exit 1; }
"$build/kiosk/lantern-kiosk" --config "$out/kiosk.toml" --size 1920x1080 --script "$src/tests/ui/usage_staff.txt" \
  2>"$out/kiosk.log" || { cat "$out/kiosk.log" >&2; exit 1; }
"$build/tests/ui/png_check" staff-usage.png
count() { sqlite3 -readonly data/usage.sqlite "SELECT COALESCE(SUM(count), 0) FROM usage_counts WHERE name = '$1'"; }
[ "$(count visits)" = 2 ] || fail "visits: $(count visits), expected 2"
[ "$(count visit:adult:en)" = 1 ] || fail "adult visits in English: $(count visit:adult:en)"
[ "$(count visit:child:en)" = 1 ] || fail "child visits in English: $(count visit:child:en)"
[ "$(count page:first-visit)" = 1 ] || fail "first-visit read: $(count page:first-visit)"
[ "$(count search_nothing_unlisted)" = 1 ] || fail "searches of unlisted words: $(count search_nothing_unlisted)"
[ "$(count quick_exits)" = 2 ] || fail "quick exits: $(count quick_exits) (staff leaving is not a visitor's exit)"
centre=$(sqlite3 -readonly data/usage.sqlite "SELECT centre FROM usage_days")
[ "$centre" = "HMP Test visitor centre" ] || fail "centre: $centre"
if grep -r -a -l -i "quistcanary" data kiosk.log; then fail "the search's words are in the files above"; fi
echo "usage figures: two visits counted per day on disk, shown to staff, nothing typed kept"

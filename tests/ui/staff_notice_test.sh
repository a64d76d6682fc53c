#!/usr/bin/env bash
# Staff notices in English and Welsh with an audience, in the real kiosk (tests/ui/staff_notice.txt), portrait
# 1080x1920 and landscape 1920x1080: posted on the staff screen, read in Welsh by an adult, never by a child.
# usage: staff_notice_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
source "$(dirname "$0")/private_xvfb.sh"
source "$(dirname "$0")/kiosk_folder.sh"
for size in 1080x1920 1920x1080; do
  out=$build/tests/ui/out/staff_notice/$size
  new_kiosk_folder "$out" staff-notice-test
  cd "$out"
  "$build/kiosk/lantern-kiosk" --config "$out/kiosk.toml" --size "$size" --script "$src/tests/ui/staff_notice.txt" \
    2>"$out/kiosk.log" || { cat "$out/kiosk.log" >&2; exit 1; }
  for png in "$out"/*.png; do "$build/tests/ui/png_check" "$png"; done
done
echo "staff notices: English and Welsh, adults only, shown by the audience rule in both orientations"

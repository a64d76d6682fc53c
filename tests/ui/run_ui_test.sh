#!/usr/bin/env bash
# Runs one UI script against the real kiosk in a real window, then checks every screenshot it took.
# usage: run_ui_test.sh BUILD_DIR SOURCE_DIR SCRIPT [kiosk options...]
set -euo pipefail
build=$1 src=$2 script=$3
shift 3
if [ -z "${DISPLAY:-}" ]; then
  echo "UI tests need a display: scripts/test.sh starts Xvfb and sets DISPLAY" >&2
  exit 1
fi
out=$build/tests/ui/out/$(basename "$script" .txt)
rm -rf "$out" && mkdir -p "$out"
"$build/hub/lantern" content build "$src/tests/fixtures/content" -o "$out/pack.sqlite" >/dev/null
cd "$out"
# Mesa's driver is dlopen'ed and unloaded at exit, so its allocations reach LeakSanitizer with no module
# name to suppress them by; ASan and UBSan still check every access of the kiosk.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
"$build/kiosk/lantern-kiosk" --pack "$out/pack.sqlite" --script "$script" "$@"
shots=( "$out"/*.png )
[ -e "${shots[0]}" ] || { echo "the script took no screenshot" >&2; exit 1; }
for png in "${shots[@]}"; do "$build/tests/ui/png_check" "$png"; done

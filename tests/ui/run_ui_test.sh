#!/usr/bin/env bash
# Runs one UI script against the real kiosk in a real window, then checks every screenshot it took.
# usage: run_ui_test.sh BUILD_DIR SOURCE_DIR SCRIPT [kiosk options...]
set -euo pipefail
build=$1 src=$2 script=$3
shift 3
source "$(dirname "$0")/private_xvfb.sh"
# One script may run at several window sizes: LANTERN_UI_OUT names each run's own folder.
out=$build/tests/ui/out/${LANTERN_UI_OUT:-$(basename "$script" .txt)}
# A window bigger than the X screen cannot be touched all over (the pointer stops at the screen's edge):
# such a run is skipped (77), never passed. The private screen above is 3840x2160.
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [ "${args[$i]}" = "--size" ] && command -v xdpyinfo >/dev/null; then
    want=${args[$((i + 1))]}
    have=$(xdpyinfo | awk '/dimensions:/ {d = $2} END {print d}')
    if [ "${want%x*}" -gt "${have%x*}" ] || [ "${want#*x}" -gt "${have#*x}" ]; then
      echo "skipped: window $want is larger than the X screen $have" >&2
      exit 77
    fi
  fi
done
rm -rf "$out" && mkdir -p "$out"
# The small fixture content, or (LANTERN_UI_CONTENT=assets/content) the real default content.
"$build/hub/lantern" content build "$src/${LANTERN_UI_CONTENT:-tests/fixtures/content}" -o "$out/pack.sqlite" >/dev/null
cd "$out"
"$build/kiosk/lantern-kiosk" --pack "$out/pack.sqlite" --script "$script" "$@"
shots=( "$out"/*.png )
[ -e "${shots[0]}" ] || { echo "the script took no screenshot" >&2; exit 1; }
for png in "${shots[@]}"; do "$build/tests/ui/png_check" "$png"; done

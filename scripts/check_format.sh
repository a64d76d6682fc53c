#!/usr/bin/env bash
# Fails if a C++ file is not in the repo's .clang-format style (STYLE.md) and names it; `-i` reformats them.
set -euo pipefail
cd "$(dirname "$0")/.."
fmt=$(command -v clang-format-14 || command -v clang-format) ||
  { echo "check_format: clang-format is missing: run scripts/setup.sh" >&2; exit 1; }
mapfile -t files < <(find bench common content hub kiosk sync tests \( -name '*.cpp' -o -name '*.h' \) | sort)
if [ "${1:-}" = "-i" ]; then
  "$fmt" -i "${files[@]}"
  exit 0
fi
"$fmt" --dry-run --Werror "${files[@]}" || { echo "check_format: run scripts/check_format.sh -i" >&2; exit 1; }

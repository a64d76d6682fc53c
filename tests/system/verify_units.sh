#!/usr/bin/env bash
# `systemd-analyze verify` on the packaged unit files, pointed at the programs just built (cage: the system's,
# or /bin/true where it is not installed). systemd-analyze exits 0 on a line it ignores, so any output fails.
# usage: verify_units.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
command -v systemd-analyze >/dev/null || { echo "skipped: no systemd-analyze" >&2; exit 77; }
units=$(mktemp -d)
trap 'rm -rf "$units"' EXIT
cage=$(command -v cage || echo /bin/true)
for unit in "$src"/packaging/systemd/*.service; do
  sed -e "s|/usr/bin/lantern-hub|$build/hub/lantern-hub|" -e "s|/usr/bin/lantern-kiosk|$build/kiosk/lantern-kiosk|" \
      -e "s|/usr/bin/cage|$cage|" "$unit" >"$units/$(basename "$unit")"
done
out=$(systemd-analyze verify "$units"/*.service 2>&1) || { echo "$out" >&2; exit 1; }
[ -z "$out" ] || { echo "$out" >&2; exit 1; }
echo "systemd-analyze verify: $(cd "$units" && ls) clean"

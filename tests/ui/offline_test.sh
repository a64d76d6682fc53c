#!/usr/bin/env bash
# The kiosk started with its hub unreachable (a closed loopback port) and, where the machine allows a network
# namespace of its own (unshare -n), no network at all: it shows its content (tests/ui/offline.txt) and says in
# its log only that the hub could not be reached.
# usage: offline_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
source "$(dirname "$0")/private_xvfb.sh"
out=$build/tests/ui/out/offline
rm -rf "$out" && mkdir -p "$out/data"
lantern=$build/hub/lantern
"$lantern" keys generate --out "$out/keys" >/dev/null
"$lantern" content build "$src/tests/fixtures/content" -o "$out/pack.sqlite" >/dev/null
# Port 9 (discard): no Debian machine serves it unless someone installs inetd's discard service.
port=9
cat >"$out/kiosk.toml" <<TOML
[kiosk]
name = "offline-test"
centre = "HMP Example"
[hub]
url = "http://127.0.0.1:$port"
token = "lk_not-a-real-token"
referral_public_key = "$out/keys/referral.pub"
content_public_key = "$out/keys/content-signing.pub"
[paths]
pack = "$out/pack.sqlite"
data = "$out/data"
TOML
no_network=()
if unshare -n true 2>/dev/null; then
  no_network=(unshare -n)
  echo "running with no network (unshare -n: only a loopback that is down)"
else
  echo "unshare -n is not allowed here: the hub's port is closed, the network is still there"
fi
cd "$out"
"${no_network[@]}" "$build/kiosk/lantern-kiosk" --config "$out/kiosk.toml" --size 1280x800 \
  --script "$src/tests/ui/offline.txt" 2>"$out/kiosk.log" || { cat "$out/kiosk.log" >&2; exit 1; }
"$build/tests/ui/png_check" "$out/offline-page.png"
echo "offline: the kiosk showed its content with no hub and no network"

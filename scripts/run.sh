#!/usr/bin/env bash
# Sets up, builds (Release), builds the default content pack, starts a local hub with development keys,
# and runs the kiosk pointed at it, so a referral made on the kiosk really reaches the hub.
# With no display, runs the kiosk under Xvfb, leaves a screenshot of its first screen in var/, makes one
# scripted demo referral and shows it arriving in `lantern referrals export`.
#   LANTERN_HUB_PORT=8470   the local hub's port
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
port=${LANTERN_HUB_PORT:-8470}

scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)"
lantern=build/hub/lantern

# Everything this machine's demo keeps (keys, hub store, kiosk outbox) lives in the git-ignored var/.
mkdir -p var/keys var/hub var/kiosk
chmod 700 var/keys
if [ ! -f var/keys/referral.key ]; then
  echo "run.sh: making development keys in var/keys (never use these for real families)"
  "$lantern" keys generate --out var/keys >/dev/null
fi
"$lantern" content build assets/content -o var/pack.sqlite
[ -s var/admin-token ] || (umask 077 && "$lantern" admin-token --data var/hub >var/admin-token)

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "run.sh: port $port is already in use; set LANTERN_HUB_PORT to another port" >&2
  exit 1
fi
build/hub/lantern-hub --listen "127.0.0.1:$port" --data var/hub >>var/hub.log 2>&1 &
hub_pid=$!
cleanup() {
  kill "${xvfb_pid:-}" 2>/dev/null || true
  kill -TERM "$hub_pid" 2>/dev/null && wait "$hub_pid" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.05; done
(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "run.sh: the hub did not start; see var/hub.log" >&2; exit 1; }
hub_url="http://127.0.0.1:$port"
echo "run.sh: local hub on $hub_url (log: var/hub.log)"

# Enrolling again each run renews the token and keeps the config's hub address current.
"$lantern" kiosk enrol demo-kiosk --hub "$hub_url" --data var/hub --centre "Lantern demo visitor centre" \
  --referral-public-key "$root/var/keys/referral.pub" --content-public-key "$root/var/keys/content-signing.pub" \
  -o var/kiosk.toml >/dev/null
printf '\n[paths]\npack = "%s"\ndata = "%s"\n' "$root/var/pack.sqlite" "$root/var/kiosk" >>var/kiosk.toml
# Staff mode (hold the attract screen's top-left corner 3 s) with a development PIN anyone reading this knows.
echo 2468 | "$lantern" kiosk pin >>var/kiosk.toml
echo "run.sh: staff mode: hold the top-left corner of the first screen for 3 s, development PIN 2468"

export_referrals() {
  LANTERN_ADMIN_TOKEN=$(cat var/admin-token) "$lantern" referrals export --hub "$hub_url" \
    --key var/keys/referral.key --format json -o "$root/var/referrals.json"
}

kiosk=(build/kiosk/lantern-kiosk --config "$root/var/kiosk.toml" "$@")
if [ -n "${DISPLAY:-}" ]; then
  "${kiosk[@]}" || true
  export_referrals
  echo "run.sh: referrals the hub received and this run exported are in $root/var/referrals.json"
  exit 0
fi

echo "run.sh: no display found (DISPLAY is not set), so the kiosk runs under Xvfb, a virtual screen."
n=99
while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp >var/xvfb.log 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.05; done
export DISPLAY=":$n"
"${kiosk[@]}" --screenshot "$root/var/kiosk-first-screen.png"
echo "run.sh: the kiosk's first screen is in $root/var/kiosk-first-screen.png"

echo "run.sh: making a demo referral on the kiosk, as a visitor would (the script is tests/ui/referral_template.txt)"
sed -e 's|@NAME@|Demo Visitor|' -e 's|@PHONE@|07700 900000|' -e 's|@PRISON@|HMP Example|' \
  -e 's|@NOTE@|This is a demo referral made by scripts/run.sh|' tests/ui/referral_template.txt >var/demo-referral.txt
"${kiosk[@]}" --script var/demo-referral.txt --print-references 2>>var/kiosk.log
# The kiosk sends at once, but the script may end first: make sure the outbox is empty before exporting.
build/kiosk/lantern-kiosk --config "$root/var/kiosk.toml" --sync-now 30
export_referrals
echo "run.sh: the hub received it and \`lantern referrals export\` opened it with the private key ($root/var/referrals.json):"
cat var/referrals.json

#!/usr/bin/env bash
# A full disk and a read-only one under the real kiosk and the real hub. The data folders are size-limited
# tmpfs mounts (a real filesystem that answers ENOSPC and EROFS, no LD_PRELOAD): as root directly, otherwise in
# a user and mount namespace of its own (unshare -rm); where neither is allowed the test is skipped (77).
#   kiosk: one referral stored, then the disk fills: the form shows no reference, says it could not be saved
#          with the helplines, staff mode says so; the stored referral is intact and sends once space is back.
#          The same with the folder read-only.
#   hub:   its disk fills while a kiosk sends: it answers 5xx, the kiosk keeps the referral; space back, it
#          arrives once.
# usage: disk_full_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" -ne 0 ] && [ -z "${LANTERN_IN_NAMESPACE:-}" ]; then
  if unshare -rm true 2>/dev/null; then exec env LANTERN_IN_NAMESPACE=1 unshare -rm "$0" "$@"; fi
  echo "skipped: mounting a small filesystem needs root or unprivileged user namespaces" >&2
  exit 77
fi
source "$src/tests/ui/private_xvfb.sh"
out=$build/tests/system/out/disk_full
mounts=()
cleanup_mounts() { for m in "${mounts[@]}"; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true; done; }
trap 'cleanup_mounts; kill "$private_xvfb_pid" "${hub_pid:-}" 2>/dev/null || true' EXIT
for m in "$out"/kiosk-data "$out"/hub-data; do umount "$m" 2>/dev/null || true; done
rm -rf "$out" && mkdir -p "$out"
cd "$out"
lantern=$build/hub/lantern
fail() { echo "FAIL: $*" >&2; exit 1; }
small_fs() { # DIR SIZE
  mkdir -p "$1"
  mount -t tmpfs -o "size=$2,mode=0700" tmpfs "$1" || { echo "skipped: cannot mount a tmpfs here" >&2; exit 77; }
  mounts+=("$1")
}
# Fills the filesystem holding DIR to the last byte.
fill() { dd if=/dev/zero of="$1/filler" bs=4k 2>/dev/null || true; dd if=/dev/zero of="$1/filler2" bs=1 2>/dev/null || true; }
unfill() { rm -f "$1/filler" "$1/filler2"; }
opened() { "$build/tests/tools/outbox_inspect" kiosk-data/outbox.sqlite keys/referral.key; }

"$lantern" content build "$src/tests/fixtures/content" -o pack.sqlite >/dev/null
"$lantern" keys generate --out keys >/dev/null
pin_hash=$(echo 2468 | "$lantern" kiosk pin | sed -n 's/^pin_hash = //p')

# The hub's own small disk; the hub itself starts for the last part. Until then the kiosk's hub is away
# (nothing listens on port 9), as for a kiosk offline, so referrals stay in its outbox.
small_fs hub-data 4m
"$lantern" admin-token --data hub-data >admin-token
enrol() { # URL
  "$lantern" kiosk enrol disk-kiosk --hub "$1" --data hub-data --centre "HMP Test visitor centre" \
    --referral-public-key "$out/keys/referral.pub" --content-public-key "$out/keys/content-signing.pub" -o kiosk.toml >/dev/null
  printf '\n[paths]\npack = "%s"\ndata = "%s"\n[staff]\npin_hash = %s\n' "$out/pack.sqlite" "$out/kiosk-data" \
    "$pin_hash" >>kiosk.toml
}
enrol http://127.0.0.1:9
kiosk=("$build/kiosk/lantern-kiosk" --config kiosk.toml --print-references --size 1920x1080)

referral_script() { # NAME
  sed -e "s|@NAME@|$1|" -e "s|@PHONE@|07700 900123|" -e "s|@PRISON@|HMP Test|" -e "s|@NOTE@|disk test|" \
    "$src/tests/ui/referral_template.txt"
}
# The same visit, but the disk cannot take it: no reference, the kind message with the helplines; then staff
# mode (held corner, PIN) tells staff. Starts and ends on the attract screen, so it can follow another.
# STAFF_SEES: what the screen after the PIN says (default: the sync status with the referrals not saved).
failing_script() { # NAME SHOT [STAFF_SEES...]
  referral_script "$1" | sed -e '/^expect "Your reference is:"/,$d'
  cat <<SCRIPT
expect "Sorry, your form could not be saved."
expect_not "Your reference is:"
expect "In danger now? Call 999"
screenshot $2-form.png
tap "Quick exit"
press 30 30
wait 3
advance 3.5
wait 3
release
wait 2
tap "2"
tap "4"
tap "6"
tap "8"
tap "OK"
SCRIPT
  if [ $# -gt 2 ]; then
    for seen in "${@:3}"; do echo "expect \"$seen\""; done
  else
    printf '%s\n' 'expect "Is this kiosk syncing?"' 'expect "Referrals not saved"'
  fi
  cat <<SCRIPT
screenshot $2-staff.png
tap "Quick exit"
wait 3
SCRIPT
}

# --- the kiosk's disk fills while it runs, then it starts on the full disk ---
small_fs kiosk-data 1m
# One visitor's referral is stored; the moment its reference shows, the disk fills; the next visitor's cannot be.
{ referral_script "Stored First" && echo "wait 60" && failing_script "Lost Full" full; } >full.txt
timeout 600 "${kiosk[@]}" --script full.txt >full.out 2>full.err &
kiosk_pid=$!
for _ in $(seq 1 3000); do
  grep -q '^reference shown: ' full.out 2>/dev/null && break
  kill -0 "$kiosk_pid" 2>/dev/null || break
  sleep 0.1
done
grep -q '^reference shown: ' full.out || fail "no reference for the first referral: $(tail -3 full.err)"
fill kiosk-data
wait "$kiosk_pid" || fail "on a disk that filled: $(tail -5 full.err)"
[ "$(grep -c '^reference shown: ' full.out)" -eq 1 ] || fail "a reference was shown for a referral the full disk could not take"
grep -q 'referral not saved' full.err || fail "the kiosk's log does not say a referral was not saved"
# Restarted on the still-full disk: the outbox cannot even open; the form and staff say so, as above.
failing_script "Lost Start" start-full >start-full.txt
timeout 600 "${kiosk[@]}" --script start-full.txt >start-full.out 2>start-full.err || fail "started on a full disk: $(tail -5 start-full.err)"
! grep -q '^reference shown: ' start-full.out || fail "a reference was shown on a full disk"
df -h kiosk-data | tail -1
unfill kiosk-data
opened >outbox.txt || fail "the outbox did not open after the disk filled: $(head -3 outbox.txt)"
[ "$(head -1 outbox.txt)" = "integrity ok" ] || fail "integrity: $(head -1 outbox.txt)"
[ "$(tail -n +2 outbox.txt | wc -l)" -eq 1 ] || fail "expected just the stored referral: $(cat outbox.txt)"
grep -q '"call_me":"Stored First"' outbox.txt || fail "the referral stored before the disk filled is gone"
echo "kiosk, full disk (filling while it ran, and at start): no reference shown, the form said so with the helplines, staff told; the stored referral intact"

# --- the kiosk's folder read-only ---
mount -o remount,ro kiosk-data
# The staff lock's store cannot be written either, so the PIN pad stays locked (it fails closed) and says why.
failing_script "Lost Readonly" readonly "The staff lock could not be checked; restart the kiosk or call IT." >readonly.txt
timeout 600 "${kiosk[@]}" --script readonly.txt >readonly.out 2>readonly.err || fail "on a read-only disk: $(tail -5 readonly.err)"
! grep -q '^reference shown: ' readonly.out || fail "a reference was shown for a referral a read-only disk could not take"
mount -o remount,rw kiosk-data
opened >outbox.txt || fail "the outbox did not open after read-only"
[ "$(tail -n +2 outbox.txt | wc -l)" -eq 1 ] || fail "expected just the stored referral: $(cat outbox.txt)"
grep -q '"call_me":"Stored First"' outbox.txt || fail "the referral stored before is gone"
echo "kiosk, read-only: no reference shown, the form said so with the helplines, the PIN pad stayed locked and said why; the stored referral intact"

# --- the hub's disk fills while the kiosk sends ---
"$build/hub/lantern-hub" --listen 127.0.0.1:0 --data hub-data >hub.out 2>hub.log &
hub_pid=$!
for _ in $(seq 1 200); do grep -q listening hub.out 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' hub.out | head -1)
[ -n "$port" ] || fail "the hub did not start: $(cat hub.log)"
enrol "http://127.0.0.1:$port"
fill hub-data
set +e
timeout 120 "$build/kiosk/lantern-kiosk" --config kiosk.toml --sync-now 10 >sync-full.out 2>&1
status=$?
set -e
cat sync-full.out
[ "$status" -ne 0 ] || fail "the kiosk said its outbox was sent to a hub with a full disk"
grep -E -q ' (500|503|507) ' hub.log || fail "the hub's log shows no 5xx for the referral: $(tail -5 hub.log)"
opened >outbox.txt
grep -q '"call_me":"Stored First"' outbox.txt || fail "the kiosk lost the referral the hub could not store"
unfill hub-data
timeout 120 "$build/kiosk/lantern-kiosk" --config kiosk.toml --sync-now 30 >sync-ok.out 2>&1 ||
  fail "with space back the referral was not sent: $(cat sync-ok.out)"
stored=$(curl -s -H "Authorization: Bearer $(cat admin-token)" "http://127.0.0.1:$port/api/v1/referrals?include_exported=1" |
  grep -o '"id"' | wc -l)
[ "$stored" -eq 1 ] || fail "the hub holds $stored referrals, not 1"
for png in "$out"/*.png; do "$build/tests/ui/png_check" "$png"; done
echo "hub, full disk: 5xx and the kiosk kept the referral; with space back it arrived once"

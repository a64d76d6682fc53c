#!/usr/bin/env bash
# Referrals made on the real kiosk, in a real window, into the real sealed outbox.
# usage: referral_test.sh BUILD_DIR SOURCE_DIR MODE
#   roundtrip  the form_fill script, as a person fills the form: one sealed row that opens, with the
#              hub's private key, to exactly the answers given
#   canary     distinctive answers, then the kiosk's whole data folder and its logs are searched for
#              them in plaintext: none may be found (and the outbox must open to them, so they were sent)
#   crash      the kiosk is killed with SIGKILL again and again while it takes referrals; every
#              referral whose reference was shown must be in the outbox, intact, and none twice
#   powerloss  the same with a real hub it sends to and new content packs it downloads and switches to:
#              LANTERN_POWERLOSS_KILLS (20) SIGKILLs of a live kiosk at random points of submit, sync and
#              pack switch; after each the outbox and the current pack are intact, and at the end every
#              referral shown as sent is in the outbox or at the hub, once
set -euo pipefail
build=$1 src=$2 mode=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/private_xvfb.sh"

out=$build/tests/ui/out/referral_$mode
source "$here/referral_kiosk.sh"

# The template with this referral's values filled in.
referral_script() { # NAME PHONE PRISON NOTE
  sed -e "s|@NAME@|$1|" -e "s|@PHONE@|$2|" -e "s|@PRISON@|$3|" -e "s|@NOTE@|$4|" "$here/referral_template.txt"
}
fail() { echo "FAIL: $*" >&2; exit 1; }

case $mode in
roundtrip)
  "${kiosk[@]}" --script "$here/form_fill.txt" >kiosk.out 2>kiosk.err
  opened >outbox.txt || fail "the outbox did not open: $(cat outbox.txt)"
  [ "$(head -1 outbox.txt)" = "integrity ok" ] || fail "integrity: $(head -1 outbox.txt)"
  [ "$(tail -n +2 outbox.txt | wc -l)" -eq 1 ] || fail "expected one referral, found: $(cat outbox.txt)"
  shown=$(sed -n 's/^reference shown: //p' kiosk.out)
  row=$(tail -1 outbox.txt)
  [ "${row%%$'\t'*}" = "$shown" ] || fail "the reference shown ($shown) is not the one stored: $row"
  for answer in '"call_me":"Sam"' '"relationship":"parent"' '"interpreter":"no"' '"phone":"07700900123"' \
    '"safe_to_call":"yes"' '"safe_message":"no"' '"prison":"Cardiff"' '"has_children":"yes"' \
    '"children_count":"2"' '"needs":["housing","domestic-abuse"]' '"anything_else":"thanks"' \
    '"consent_sensitive":"yes"'; do
    [[ $row == *"$answer"* ]] || fail "the opened referral lacks $answer: $row"
  done
  echo "one sealed referral, reference $shown, opens to the answers given"
  ;;
canary)
  name="Zephyrine Quistcanary" phone="07700 900456" prison="HMP Canarywharfe" note="canary-plaintext-7731"
  referral_script "$name" "$phone" "$prison" "$note" >canary.txt
  "${kiosk[@]}" --script canary.txt >kiosk.out 2>kiosk.err
  grep -q '^reference shown: ' kiosk.out || fail "no reference was shown"
  rm canary.txt # the script itself holds the values, of course
  opened >outbox.txt || fail "the outbox did not open"
  for value in "$name" "$prison" "$note"; do
    grep -q -F "$value" outbox.txt || fail "the sealed referral does not hold $value, so the test proves nothing"
  done
  grep -q -F -e "$phone" -e "${phone// /}" outbox.txt || fail "the sealed referral does not hold the phone number"
  for value in "$name" "$phone" "${phone// /}" "$prison" "$note" "Quistcanary" "Canarywharfe" "900456"; do
    # Everything the kiosk wrote: outbox, WAL and journal files, anything else in its folder, its logs.
    if grep -r -a -l -F "$value" data kiosk.out kiosk.err; then fail "found \"$value\" in plaintext"; fi
  done
  echo "none of the answers is anywhere in the kiosk's data folder or logs in plaintext"
  ;;
crash)
  # Each round's kiosk makes referrals until it is killed; it never ends by itself (the script ends with a
  # long wait), so every SIGKILL must hit a live kiosk, and each round must have made at least one referral.
  rounds=${LANTERN_CRASH_ROUNDS:-6}
  : >shown.txt
  for ((round = 1; round <= rounds; round++)); do
    : >script.txt
    for ((i = 1; i <= 4; i++)); do referral_script "Crash $round-$i" "07700 900$((100 + i))" "HMP Test" "round $round" >>script.txt; done
    echo "wait 1000000" >>script.txt
    started=$(date +%s.%N)
    "${kiosk[@]}" --script script.txt >"round$round.out" 2>"round$round.err" &
    pid=$!
    # Once a referral has gone through, die at a random moment of the next one, timed by how long the first
    # took (however slow this build or machine is): while typing, while sealing and committing, or just after
    # the reference is shown.
    for _ in $(seq 1 1800); do
      grep -q '^reference shown: ' "round$round.out" 2>/dev/null && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    first=$(awk -v s="$started" -v n="$(date +%s.%N)" 'BEGIN { printf "%.1f", n - s }')
    delay=$(awk -v t="$first" -v r="$RANDOM" 'BEGIN { printf "%.1f", t * r / 32767 }')
    sleep "$delay"
    kill -0 "$pid" 2>/dev/null || fail "round $round: the kiosk ended by itself before the kill: $(tail -3 "round$round.err")"
    kill -KILL "$pid"
    status=0
    wait "$pid" 2>/dev/null || status=$?
    [ "$status" -eq 137 ] || fail "round $round: the kiosk ended with status $status, not by the SIGKILL: $(tail -3 "round$round.err")"
    made=$(grep -c '^reference shown: ' "round$round.out" || true)
    [ "$made" -ge 1 ] || fail "round $round: no referral was made before the kill: $(tail -3 "round$round.err")"
    sed -n 's/^reference shown: //p' "round$round.out" >>shown.txt
    echo "round $round: $made referral(s) shown (the first after ${first} s), then SIGKILL of a live kiosk ${delay} s later"
    echo "$made" >"round$round.made"
  done
  opened >outbox.txt || fail "the outbox did not open after the kills: $(head -3 outbox.txt)"
  [ "$(head -1 outbox.txt)" = "integrity ok" ] || fail "integrity: $(head -1 outbox.txt)"
  while read -r ref; do
    grep -q "^$ref"$'\t' outbox.txt || fail "reference $ref was shown but is not in the outbox"
  done <shown.txt
  # Each referral carries its own name: none may be stored twice.
  dups=$(tail -n +2 outbox.txt | grep -o '"call_me":"[^"]*"' | sort | uniq -d)
  [ -z "$dups" ] || fail "stored twice: $dups"
  # Per round: every referral shown is stored, plus at most the one killed between its commit and its
  # reference showing; and they are the round's first ones, in order, none skipped.
  for ((round = 1; round <= rounds; round++)); do
    made=$(cat "round$round.made")
    stored=$(grep -c "\"anything_else\":\"round $round\"" outbox.txt || true)
    [ "$stored" -ge "$made" ] && [ "$stored" -le $((made + 1)) ] ||
      fail "round $round: $made referral(s) shown but $stored stored"
    for ((i = 1; i <= stored; i++)); do
      grep -q "\"call_me\":\"Crash $round-$i\"" outbox.txt || fail "round $round: referral $i of $stored is missing"
    done
  done
  echo "$(wc -l <shown.txt) references shown across $rounds SIGKILLs of a live kiosk, all in the outbox intact, $(($(wc -l <outbox.txt) - 1)) stored, none twice"
  ;;
powerloss)
  kills=${LANTERN_POWERLOSS_KILLS:-20}
  lantern=$build/hub/lantern
  mkdir -p hub packs
  printf 'content_public_key = "%s"\nquiet = false\n' "$out/keys/content-signing.pub" >hub.toml
  "$lantern" admin-token --data hub >admin-token
  "$build/hub/lantern-hub" --listen 127.0.0.1:0 --data hub --config hub.toml >hub.out 2>hub.log &
  hub_pid=$!
  trap 'kill "$private_xvfb_pid" 2>/dev/null || true; kill "$hub_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 200); do grep -q listening hub.out 2>/dev/null && break; sleep 0.1; done
  port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' hub.out | head -1)
  [ -n "$port" ] || fail "the hub did not start: $(cat hub.log)"
  hub_url="http://127.0.0.1:$port"
  "$lantern" content build "$src/tests/fixtures/content" -o pack.sqlite --content-version 1 >/dev/null
  "$lantern" kiosk enrol test-kiosk --hub "$hub_url" --data hub --centre "HMP Test visitor centre" \
    --referral-public-key "$out/keys/referral.pub" --content-public-key "$out/keys/content-signing.pub" \
    -o kiosk.toml >/dev/null
  printf '\n[paths]\npack = "%s"\ndata = "%s"\n' "$out/pack.sqlite" "$out/data" >>kiosk.toml
  publish() { # VERSION
    "$lantern" content build "$src/tests/fixtures/content" -o "packs/v$1.sqlite" --content-version "$1" >/dev/null
    "$lantern" content sign "packs/v$1.sqlite" --key keys/content-signing.key >/dev/null
    LANTERN_ADMIN_TOKEN=$(cat admin-token) "$lantern" content publish "packs/v$1.sqlite" --hub "$hub_url" >/dev/null
  }
  state() { sqlite3 -readonly data/outbox.sqlite "SELECT value FROM sync_state WHERE key = '$1'" 2>/dev/null || true; }
  : >shown.txt
  version=1 early=0 late=0 switches=0 last_version=1 first=""
  for ((round = 1; round <= kills; round++)); do
    # A new pack every fourth round: the kiosk fetches it, then switches on its next attract screen.
    if ((round % 4 == 1)); then version=$((version + 1)) && publish "$version"; fi
    : >script.txt
    for ((i = 1; i <= 3; i++)); do referral_script "Loss $round-$i" "07700 900$((100 + i))" "HMP Test" "round $round" >>script.txt; done
    echo "wait 1000000" >>script.txt
    started=$(date +%s.%N)
    "${kiosk[@]}" --script script.txt >"round$round.out" 2>"round$round.err" &
    pid=$!
    if ((round % 2 == 1)) && [ -n "$first" ]; then
      # Odd rounds die anywhere from start-up (packs opened, the worker fetching and sending) to the first
      # referral; even ones at a random moment after the first, as in the crash mode.
      delay=$(awk -v t="$first" -v r="$RANDOM" 'BEGIN { printf "%.2f", t * r / 32767 }')
      sleep "$delay"
      early=$((early + 1))
      when="${delay} s after start"
    else
      for _ in $(seq 1 1800); do
        grep -q '^reference shown: ' "round$round.out" 2>/dev/null && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      took=$(awk -v s="$started" -v n="$(date +%s.%N)" 'BEGIN { printf "%.1f", n - s }')
      [ -n "$first" ] || first=$took
      delay=$(awk -v t="$took" -v r="$RANDOM" 'BEGIN { printf "%.2f", t * r / 32767 }')
      sleep "$delay"
      late=$((late + 1))
      when="${delay} s after the first reference"
    fi
    kill -0 "$pid" 2>/dev/null || fail "round $round: the kiosk ended by itself before the kill: $(tail -3 "round$round.err")"
    kill -KILL "$pid"
    status=0
    wait "$pid" 2>/dev/null || status=$?
    [ "$status" -eq 137 ] || fail "round $round: the kiosk ended with status $status, not by the SIGKILL"
    sed -n 's/^reference shown: //p' "round$round.out" >>shown.txt
    # After each kill: the outbox opens whole, and the pack it names as current is there, of that version.
    opened >outbox.txt || fail "round $round: the outbox did not open after the kill: $(head -3 outbox.txt)"
    [ "$(head -1 outbox.txt)" = "integrity ok" ] || fail "round $round: integrity: $(head -1 outbox.txt)"
    current=$(state current_pack_path) current_version=$(state current_pack_version)
    if [ -n "$current" ]; then
      [ -f "$current" ] || fail "round $round: the current pack $current is gone"
      got=$("$lantern" content info "$current" --json | sed -n 's/.*"content_version": *"\([^"]*\)".*/\1/p' | head -1)
      [ "$got" = "$current_version" ] || fail "round $round: the current pack is version '$got', the outbox says '$current_version'"
      [ "$current_version" = "$last_version" ] || switches=$((switches + 1))
      last_version=$current_version
    fi
    # The kiosk of the next round (or the check below) must not need to fall back from a damaged pack.
    if ((round > 1)) && grep -q 'cannot be used' "round$round.err"; then
      fail "round $round: the kiosk found its current pack damaged: $(grep 'cannot be used' "round$round.err")"
    fi
    echo "round $round: SIGKILL of a live kiosk $when; $(grep -c '^reference shown: ' "round$round.out" || true) reference(s) shown; pack in use ${current_version:-1}"
  done
  # Whatever the kills left queued goes now; the kiosk says by its exit code when its outbox is empty.
  "$build/kiosk/lantern-kiosk" --config kiosk.toml --sync-now 60 >sync.out 2>&1 || fail "the outbox did not drain: $(cat sync.out)"
  timeout 120 "$build/kiosk/lantern-kiosk" --config kiosk.toml --screenshot after.png 2>after.err || fail "the kiosk did not start after the kills"
  ! grep -q 'cannot be used' after.err || fail "after the kills the kiosk fell back: $(cat after.err)"
  opened >outbox.txt || fail "the outbox did not open: $(head -3 outbox.txt)"
  LANTERN_ADMIN_TOKEN=$(cat admin-token) "$lantern" referrals export --hub "$hub_url" --key keys/referral.key \
    --format json --all --no-mark -o hub.json 2>/dev/null
  python3 - "$out" <<'PY' || fail "referrals shown and referrals stored do not match (see above)"
import json, sys, os
os.chdir(sys.argv[1])
shown = [l.strip() for l in open("shown.txt") if l.strip()]
hub = json.load(open("hub.json"))
rows = hub if isinstance(hub, list) else hub.get("referrals", hub)
refs = [r["reference"] for r in rows]
names = [r["answers"]["answers"]["call_me"] for r in rows]  # the sealed {"answers": {...}} as opened
outbox = [l.split("\t") for l in open("outbox.txt").read().splitlines()[1:]]
queued = {o[0] for o in outbox if o[1] != "delivered"}
bad = [r for r in shown if r not in refs and r not in queued]
dups = {n for n in names if names.count(n) > 1}
print(f"{len(shown)} references shown, {len(rows)} at the hub, {len(queued)} still queued, {len(outbox)} in the outbox")
if bad: print("shown but neither at the hub nor queued:", bad)
if dups: print("stored twice at the hub:", dups)
if len(refs) != len(set(refs)): print("a reference twice at the hub")
if len(rows) != len(outbox): print("the hub holds", len(rows), "but the kiosk took", len(outbox))
sys.exit(1 if bad or dups or len(refs) != len(set(refs)) or len(rows) != len(outbox) else 0)
PY
  [ "$switches" -ge 1 ] || fail "no pack switch happened across $kills rounds, so the test proved nothing about it"
  echo "$kills SIGKILLs of a live kiosk ($early from start-up, $late after a first referral), $switches pack switch(es), up to version $version published; every referral shown is at the hub once"
  ;;
*) fail "unknown mode $mode" ;;
esac

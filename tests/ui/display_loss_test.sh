#!/usr/bin/env bash
# Losing the display, as when a screen's cable is pulled or the compositor dies under the kiosk unit: the kiosk
# must end promptly (so systemd's Restart=always starts it again) rather than hang or spin, lose nothing in
# its outbox, and start again on the next display with the referral still queued.
# usage: display_loss_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/private_xvfb.sh"
fail() { echo "FAIL: $*" >&2; exit 1; }

out=$build/tests/ui/out/display_loss
source "$here/referral_kiosk.sh"

# One referral, then the kiosk waits on its screen as it would for the next visitor.
sed -e "s|@NAME@|Display Loss|" -e "s|@PHONE@|07700 900111|" -e "s|@PRISON@|HMP Test|" -e "s|@NOTE@|display|" \
  "$here/referral_template.txt" >script.txt
echo "wait 1000000" >>script.txt
"${kiosk[@]}" --script script.txt >kiosk1.out 2>kiosk1.err &
pid=$!
for _ in $(seq 1 1800); do
  grep -q '^reference shown: ' kiosk1.out 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || fail "the kiosk ended before the display went: $(tail -3 kiosk1.err)"
  sleep 0.1
done
shown=$(sed -n 's/^reference shown: //p' kiosk1.out)
[ -n "$shown" ] || fail "no reference was shown"
sleep 1
kill -0 "$pid" 2>/dev/null || fail "the kiosk ended by itself: $(tail -3 kiosk1.err)"

# The display goes away under the running kiosk.
kill "$private_xvfb_pid"
wait "$private_xvfb_pid" 2>/dev/null || true
ended=
for _ in $(seq 1 100); do
  kill -0 "$pid" 2>/dev/null || { ended=1; break; }
  sleep 0.1
done
if [ -z "$ended" ]; then
  kill -KILL "$pid" 2>/dev/null || true
  fail "the kiosk was still running 10 s after its display went: systemd would never restart it"
fi
status=0
wait "$pid" 2>/dev/null || status=$?
[ "$status" -ne 0 ] || fail "the kiosk ended with status 0 after losing its display; systemd must see a failure"
[ "$status" -lt 128 ] || fail "the kiosk crashed (status $status) instead of ending: $(tail -5 kiosk1.err)"
echo "display gone: the kiosk ended within 10 s with status $status"

opened >outbox.txt || fail "the outbox did not open after the display went: $(head -3 outbox.txt)"
[ "$(head -1 outbox.txt)" = "integrity ok" ] || fail "integrity: $(head -1 outbox.txt)"
grep -q "^$shown"$'\t' outbox.txt || fail "reference $shown was shown but is not in the outbox"

# A new display, as when the screen comes back and systemd starts the kiosk again: it draws its first screen.
source "$here/private_xvfb.sh"
"${kiosk[@]}" --screenshot again.png >kiosk2.out 2>kiosk2.err || fail "the kiosk did not start again: $(tail -3 kiosk2.err)"
[ -s again.png ] || fail "no screenshot from the restarted kiosk"
opened >outbox2.txt || fail "the outbox did not open after the restart"
grep -q "^$shown"$'\t' outbox2.txt || fail "reference $shown is gone after the restart"
echo "restarted on a new display; reference $shown still queued, outbox integrity ok"

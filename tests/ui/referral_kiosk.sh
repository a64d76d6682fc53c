# Sourced by the UI tests that take referrals into a real outbox: a fresh folder $out (the current directory
# after this) with the fixture pack, a key pair, kiosk.toml pointing at both and at data/, and `kiosk`, the
# command line that runs the kiosk on it. Needs $build, $src and $out set.
rm -rf "$out" && mkdir -p "$out/data"
cd "$out"
"$build/hub/lantern" content build "$src/tests/fixtures/content" -o pack.sqlite >/dev/null
"$build/hub/lantern" keys generate --out keys >/dev/null
cat >kiosk.toml <<EOF
[kiosk]
name = "test-kiosk"
centre = "HMP Test visitor centre"
[hub]
referral_public_key = "$out/keys/referral.pub"
[paths]
pack = "$out/pack.sqlite"
data = "$out/data"
EOF
kiosk=("$build/kiosk/lantern-kiosk" --config kiosk.toml --print-references)
# The outbox opened with the test's private key: "integrity ok", then one line per referral.
opened() { "$build/tests/tools/outbox_inspect" data/outbox.sqlite keys/referral.key; }

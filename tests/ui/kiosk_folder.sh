# Sourced by the UI tests that run the real kiosk with no hub, after BUILD_DIR and SOURCE_DIR are in $build and
# $src. new_kiosk_folder OUT NAME [CENTRE] makes OUT afresh: keys, the fixture pack (content version 1), an empty
# data folder, and OUT/kiosk.toml with the staff PIN 2468. A test appends any other table ([idle], ...) to it.
new_kiosk_folder() {
  local out=$1 name=$2 centre=${3:-} lantern=$build/hub/lantern pin_hash
  rm -rf "$out" && mkdir -p "$out/data"
  "$lantern" keys generate --out "$out/keys" >/dev/null
  "$lantern" content build "$src/tests/fixtures/content" -o "$out/pack.sqlite" --content-version 1 >/dev/null
  pin_hash=$(echo 2468 | "$lantern" kiosk pin | sed -n 's/^pin_hash = //p')
  [ -n "$pin_hash" ] || { echo "lantern kiosk pin printed no pin_hash" >&2; exit 1; }
  {
    printf '[kiosk]\nname = "%s"\n' "$name"
    [ -z "$centre" ] || printf 'centre = "%s"\n' "$centre"
    cat <<TOML
[hub]
referral_public_key = "$out/keys/referral.pub"
[paths]
pack = "$out/pack.sqlite"
data = "$out/data"
[staff]
pin_hash = $pin_hash
TOML
  } >"$out/kiosk.toml"
}

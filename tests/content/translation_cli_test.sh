#!/bin/sh
# `lantern content hash`, `lint` and `info --json` on a translation: the hash an editor pastes, the warning when
# the English changes after, and the count of unreviewed translations.
set -eu
lantern="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$dir/src/pages/en" "$dir/src/pages/cy"
cat > "$dir/src/topics.yaml" <<'YAML'
topics:
  - id: visits
    audience: [adult]
    title: {en: "Visiting", cy: "Ymweld"}
YAML
english() {
    printf -- '---\nid: travel\nlang: en\ntitle: Travel\ntopic: visits\naudience: [adult]\nreviewed: 2026-11-24\n---\n%s\n' \
        "$1" > "$dir/src/pages/en/travel.md"
}
english "You can claim help with the cost of a visit."

out=$("$lantern" content hash "$dir/src" travel)
hash=${out#english_hash: }
echo "$hash" | grep -Eq '^[0-9a-f]{12}$' || fail "hash printed as '$out'"
"$lantern" content hash "$dir/src" | grep -qx "travel $hash" || fail "hash without a page id does not list travel"
if "$lantern" content hash "$dir/src" nosuchpage 2>/dev/null; then fail "hash of a missing page succeeded"; fi

printf -- '---\nid: travel\nlang: cy\ntranslation: unreviewed\nenglish_hash: %s\ntitle: Teithio\ntopic: visits\naudience: [adult]\nreviewed: 2026-11-24\n---\nGallwch chi hawlio help gyda chost ymweliad.\n' \
    "$hash" > "$dir/src/pages/cy/travel.md"
lint=$("$lantern" content lint --today 2026-12-01 "$dir/src") || fail "lint failed: $lint"
echo "$lint" | grep -q "translat" && fail "lint complains about an up-to-date translation: $lint"

"$lantern" content build "$dir/src" -o "$dir/pack.sqlite" > /dev/null
info=$("$lantern" content info --json "$dir/pack.sqlite")
echo "$info" | tr -d ' \n' | grep -q '"unreviewed":{"cy":1}' || fail "info --json: $info"
"$lantern" content info "$dir/pack.sqlite" | grep -q "^unreviewed: *cy 1" || fail "info does not count unreviewed"

english "You can claim help with the cost of a visit, and of parking."
lint=$("$lantern" content lint --today 2026-12-01 "$dir/src") || fail "lint failed: $lint"
echo "$lint" | grep -q "pages/cy/travel.md:5: warning: the English page pages/en/travel.md changed after this was translated" ||
    fail "lint does not flag the changed English: $lint"
echo ok

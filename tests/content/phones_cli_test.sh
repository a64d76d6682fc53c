#!/bin/sh
# `lantern content phones` through the command an editor runs: every number with its page and source, a page
# with no sources flagged (and warned by lint), JSON, and a clear error on sources that do not read.
set -eu
lantern="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$dir/src/pages/en"
cat > "$dir/src/topics.yaml" <<'YAML'
topics:
  - id: visits
    audience: [adult]
    title: {en: "Visiting"}
YAML
cat > "$dir/src/pages/en/cited.md" <<'MD'
---
id: cited
lang: en
title: Cited
topic: visits
audience: [adult]
reviewed: 2026-11-24
sources:
  - https://www.prisonadvice.org.uk
---
Call the helpline free on [0808 808 2003](tel:08088082003).
MD
cat > "$dir/src/pages/en/bare.md" <<'MD'
---
id: bare
lang: en
title: Bare
topic: visits
audience: [adult]
reviewed: 2026-11-24
---
Samaritans are there on 116 123.
MD

out=$("$lantern" content phones "$dir/src") || fail "phones exited non-zero"
echo "$out" | grep -qx '## 0808 808 2003' || fail "0808 808 2003 not listed: $out"
echo "$out" | grep -qF '| pages/en/cited.md:11 | https://www.prisonadvice.org.uk |' || fail "cited page row: $out"
echo "$out" | grep -qx '## 116 123' || fail "116 123 (text only, no tel: link) not listed"
echo "$out" | grep -qF '| pages/en/bare.md:9 | **no sources** |' || fail "the page with no sources is not flagged"
echo "$out" | grep -qF -- '- pages/en/bare.md:9: warning: shows phone number 116 123 but has no sources' ||
    fail "not listed under Not cited"

json=$("$lantern" content phones "$dir/src" --json)
echo "$json" | grep -q '"digits": "116123"' || fail "JSON lacks 116 123"
echo "$json" | grep -q '"not_cited": \[' || fail "JSON lacks not_cited"

"$lantern" content lint "$dir/src" | grep -qF 'pages/en/bare.md:9: warning: shows phone number 116 123 but has no sources' ||
    fail "lint does not warn on the page with no sources"

if "$lantern" content phones "$dir/nothing-here" 2>"$dir/err"; then fail "phones on a missing folder succeeded"; fi
grep -q "lantern content phones" "$dir/err" || fail "no clear error for a missing folder"
echo "ok"

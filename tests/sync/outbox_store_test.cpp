// The outbox: durable submit, oldest-first queue, delivered drops ciphertext, refused kept aside.
#include <doctest/doctest.h>

#include "sync/outbox_store.h"
#include "sync/sealing.h"
#include "tests/temp_dir.h"

using namespace lantern::sync;
using lantern::test::TempDir;

namespace {
SealedReferral sample(const Bytes& public_key, const std::string& text) {
    return {"3", seal(text, public_key), ReferralSummary{{"money"}, "adult", "HMP Example", "2024-05-01"}};
}
}  // namespace

TEST_CASE("a submitted referral is committed and survives reopening the outbox") {
    TempDir dir;
    auto keys = generate_referral_keys();
    auto ref = sample(keys.public_key, "answers one");
    SubmittedReferral sub;
    {
        OutboxStore outbox(dir / "outbox.sqlite");
        sub = outbox.submit(ref);
        CHECK(is_uuid(sub.id));
        CHECK(is_reference_code(sub.reference_code));
        CHECK(is_utc_iso(sub.created));
    }
    OutboxStore reopened(dir / "outbox.sqlite");
    auto row = reopened.find(sub.id);
    REQUIRE(row);
    CHECK(row->sealed == ref.sealed);
    CHECK(row->summary == ref.summary);
    CHECK(row->state == OutboxState::queued);
    CHECK(row->reference_code == sub.reference_code);
    CHECK(reopened.depth().queued == 1);
    CHECK(reopened.integrity_ok());
    // The kiosk holds only the public key: the row is ciphertext it cannot read.
    CHECK(open_sealed(row->sealed, keys.public_key, keys.secret_key) == "answers one");
}

TEST_CASE("the queue is read oldest first and skips refused and delivered rows") {
    TempDir dir;
    OutboxStore outbox(dir / "outbox.sqlite");
    auto keys = generate_referral_keys();
    std::vector<std::string> ids;
    for (int i = 0; i < 5; ++i) ids.push_back(outbox.submit(sample(keys.public_key, "r" + std::to_string(i))).id);
    auto rows = outbox.next_queued(10);
    REQUIRE(rows.size() == 5);
    for (int i = 0; i < 5; ++i) CHECK(rows[i].id == ids[i]);

    CHECK(outbox.mark_refused(ids[0], "HTTP 400: refused by the hub"));
    CHECK(outbox.mark_delivered(ids[1], "2024-05-01T10:00:00Z"));
    rows = outbox.next_queued(2);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].id == ids[2]);
    CHECK(rows[1].id == ids[3]);
    auto d = outbox.depth();
    CHECK(d.queued == 3);
    CHECK(d.refused == 1);
    CHECK(d.delivered == 1);
    auto refused = outbox.refused();
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].last_error == "HTTP 400: refused by the hub");
    CHECK(outbox.requeue(ids[0]));
    CHECK(outbox.next_queued(1)[0].id == ids[0]);
}

TEST_CASE("kept-aside referrals go back to the queue by themselves a bounded number of times, by staff always") {
    TempDir dir;
    OutboxStore outbox(dir / "outbox.sqlite");
    auto keys = generate_referral_keys();
    auto bad = outbox.submit(sample(keys.public_key, "bad")).id;
    auto other = outbox.submit(sample(keys.public_key, "other")).id;
    CHECK(outbox.requeue_refused(3) == 0);  // nothing kept aside
    CHECK(outbox.mark_refused(other, "HTTP 400"));
    // A truly bad referral the hub refuses each time comes back at most 3 times by itself...
    for (int i = 0; i < 3; ++i) {
        CHECK(outbox.mark_refused(bad, "HTTP 409"));
        CHECK(outbox.requeue_refused(3) == (i == 0 ? 2 : 1));
        CHECK(outbox.find(bad)->state == OutboxState::queued);
        if (i == 0) CHECK(outbox.mark_delivered(other, "2024-05-01T10:00:00Z"));
    }
    CHECK(outbox.mark_refused(bad, "HTTP 409"));
    CHECK(outbox.requeue_refused(3) == 0);
    CHECK(outbox.find(bad)->state == OutboxState::refused);
    CHECK(outbox.depth().refused == 1);
    // ...and staff can always try again, which starts the count again.
    CHECK(outbox.requeue_refused(-1) == 1);
    CHECK(outbox.find(bad)->state == OutboxState::queued);
    CHECK(outbox.mark_refused(bad, "HTTP 409"));
    CHECK(outbox.requeue_refused(3) == 1);
}

TEST_CASE("marking a referral delivered drops its ciphertext and keeps id and time") {
    TempDir dir;
    OutboxStore outbox(dir / "outbox.sqlite");
    auto keys = generate_referral_keys();
    auto sub = outbox.submit(sample(keys.public_key, "answers"));
    outbox.note_attempt_failed(sub.id, "network: timed out");
    CHECK(outbox.find(sub.id)->attempts == 1);
    CHECK(outbox.mark_delivered(sub.id, "2024-05-01T10:00:00Z"));
    CHECK_FALSE(outbox.mark_delivered(sub.id, "2024-05-01T10:00:01Z"));
    auto row = outbox.find(sub.id);
    REQUIRE(row);
    CHECK(row->sealed.empty());
    CHECK(row->state == OutboxState::delivered);
    CHECK(row->delivered_at == "2024-05-01T10:00:00Z");
    CHECK(row->attempts == 2);
    CHECK(outbox.next_queued(10).empty());
}

TEST_CASE("a submission with personal data in the summary or no payload is refused and nothing is stored") {
    TempDir dir;
    OutboxStore outbox(dir / "outbox.sqlite");
    auto keys = generate_referral_keys();
    auto bad = sample(keys.public_key, "x");
    bad.summary.needs = {"Sam Smith 07700 900123"};
    CHECK_THROWS_AS(outbox.submit(bad), std::invalid_argument);
    auto empty = sample(keys.public_key, "x");
    empty.sealed.clear();
    CHECK_THROWS_AS(outbox.submit(empty), std::invalid_argument);
    CHECK(outbox.depth().queued == 0);
}

TEST_CASE("sync state keys are stored and replaced") {
    TempDir dir;
    OutboxStore outbox(dir / "outbox.sqlite");
    CHECK_FALSE(outbox.get_state("k"));
    outbox.set_state("k", "1");
    outbox.set_state("k", "2");
    CHECK(outbox.get_state("k") == "2");
    outbox.erase_state("k");
    CHECK_FALSE(outbox.get_state("k"));
}

TEST_CASE("several state keys set and erased at once, and kept after reopening (the pack switch's one commit)") {
    TempDir dir;
    {
        OutboxStore outbox(dir / "outbox.sqlite");
        outbox.set_state("a", "old");
        outbox.set_state("b", "gone soon");
        outbox.update_state({{"a", "new"}, {"b", std::nullopt}, {"c", "added"}});
    }
    OutboxStore reopened(dir / "outbox.sqlite");
    CHECK(reopened.get_state("a") == "new");
    CHECK_FALSE(reopened.get_state("b"));
    CHECK(reopened.get_state("c") == "added");
}

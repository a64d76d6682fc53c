// Ids, reference codes, base64/hex and version order.
#include <doctest/doctest.h>

#include <set>

#include "sync/encoding.h"

using namespace lantern::sync;

TEST_CASE("a new referral id is a lower-case version 4 UUID and never repeats") {
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        auto id = new_uuid_v4();
        CHECK(is_uuid(id));
        CHECK(id[14] == '4');
        CHECK(seen.insert(id).second);
    }
    CHECK_FALSE(is_uuid("not-a-uuid"));
    CHECK_FALSE(is_uuid("123E4567-E89B-42D3-A456-426614174000"));
}

TEST_CASE("reference codes use only the unambiguous alphabet and show as ABCD-EFGH") {
    for (int i = 0; i < 200; ++i) {
        auto code = new_reference_code();
        REQUIRE(code.size() == 8);
        CHECK(is_reference_code(code));
        for (char c : std::string("0O1IL2Z5S8B6G")) CHECK(code.find(c) == std::string::npos);
    }
    CHECK(format_reference_code("ACDEFHJK") == "ACDE-FHJK");
    CHECK_FALSE(is_reference_code("ACDE-FHJK"));
}

TEST_CASE("base64 and hex round trip and reject junk") {
    Bytes b{0, 1, 2, 250, 255};
    CHECK(from_base64(to_base64(b)) == b);
    CHECK(from_hex(to_hex(b)) == b);
    CHECK_FALSE(from_base64("!!!"));
    CHECK_FALSE(from_base64("AAAA AAAA"));
    CHECK_FALSE(from_hex("abc"));
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("versions compare numerically part by part") {
    CHECK(compare_versions("20240501120000", "20240430000000") > 0);
    CHECK(compare_versions("1.10", "1.9") > 0);
    CHECK(compare_versions("2", "10") < 0);
    CHECK(compare_versions("7", "7") == 0);
    CHECK(compare_versions("1.2", "1.2.1") < 0);
}

TEST_CASE("timestamps are UTC ISO 8601 naming a real moment") {
    CHECK(is_utc_iso(utc_now_iso()));
    CHECK(is_utc_iso("2024-02-29T23:59:59Z"));
    CHECK_FALSE(is_utc_iso("2024-05-01 12:00:00"));
    CHECK_FALSE(is_utc_iso("2026-02-31T10:00:00Z"));
    CHECK_FALSE(is_utc_iso("2023-02-29T10:00:00Z"));
    CHECK_FALSE(is_utc_iso("2026-01-01T24:00:00Z"));
    CHECK_FALSE(is_utc_iso("2026-01-01T10:60:00Z"));
    CHECK_FALSE(is_utc_iso("2026-01-01T10:00:60Z"));
    CHECK_FALSE(is_utc_iso("2026-01-01T10:00:00+01"));
    CHECK_FALSE(is_utc_iso("2026-01-01T1a:00:00Z"));
}

TEST_CASE("parse_date accepts only days that exist") {
    auto d = parse_date("2024-02-29");
    REQUIRE(d);
    CHECK(d->year == 2024);
    CHECK(d->month == 2);
    CHECK(d->day == 29);
    CHECK(parse_date("2000-02-29"));  // divisible by 400: a leap year
    CHECK(parse_date("2026-12-31"));
    CHECK_FALSE(parse_date("2026-02-31"));
    CHECK_FALSE(parse_date("2023-02-29"));
    CHECK_FALSE(parse_date("1900-02-29"));
    CHECK_FALSE(parse_date("2026-04-31"));
    CHECK_FALSE(parse_date("2026-13-01"));
    CHECK_FALSE(parse_date("2026-00-10"));
    CHECK_FALSE(parse_date("2026-01-00"));
    CHECK_FALSE(parse_date("0000-01-01"));
    CHECK_FALSE(parse_date("2026-1-01"));
    CHECK_FALSE(parse_date("2026-01-01 "));
    CHECK_FALSE(parse_date("+026-01-01"));
    CHECK_FALSE(parse_date(""));
}

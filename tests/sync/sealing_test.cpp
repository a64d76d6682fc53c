// Sealed boxes, pack signatures and key files.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include "sync/sealing.h"
#include "tests/temp_dir.h"

using namespace lantern::sync;
using lantern::test::TempDir;

TEST_CASE("a sealed referral opens with the hub's key pair and gives back exactly what was sealed") {
    auto keys = generate_referral_keys();
    std::string plaintext = R"({"name":"Sam","phone":"07700 900123","needs":["money"]})";
    Bytes sealed = seal(plaintext, keys.public_key);
    CHECK(sealed.size() == plaintext.size() + 48);
    CHECK(std::string(sealed.begin(), sealed.end()).find("Sam") == std::string::npos);
    CHECK(open_sealed(sealed, keys.public_key, keys.secret_key) == plaintext);
    CHECK(referral_public_key_of(keys.secret_key) == keys.public_key);
}

TEST_CASE("a sealed referral does not open with another key or after one flipped bit") {
    auto keys = generate_referral_keys();
    auto other = generate_referral_keys();
    Bytes sealed = seal("answers", keys.public_key);
    CHECK_THROWS_AS(open_sealed(sealed, other.public_key, other.secret_key), CryptoError);
    sealed[sealed.size() / 2] ^= 1;
    CHECK_THROWS_AS(open_sealed(sealed, keys.public_key, keys.secret_key), CryptoError);
    CHECK_THROWS_AS(open_sealed(Bytes(10), keys.public_key, keys.secret_key), CryptoError);
}

TEST_CASE("a pack signature binds the version to the SHA-256") {
    auto keys = generate_signing_keys();
    std::string sha = sha256_hex("pack bytes");
    Bytes sig = sign_pack("12", sha, keys.secret_key);
    CHECK(verify_pack_signature("12", sha, sig, keys.public_key));
    CHECK_FALSE(verify_pack_signature("13", sha, sig, keys.public_key));
    CHECK_FALSE(verify_pack_signature("12", sha256_hex("other"), sig, keys.public_key));
    CHECK_FALSE(verify_pack_signature("12", sha, sig, generate_signing_keys().public_key));
    CHECK_FALSE(verify_pack_signature("12", sha, Bytes(3), keys.public_key));
}

TEST_CASE("key files are written 0600 and read as base64 or raw bytes") {
    TempDir dir;
    auto keys = generate_referral_keys();
    write_key_file(dir / "referral.key", keys.secret_key.bytes());
    struct stat st {};
    REQUIRE(stat((dir / "referral.key").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(read_key_file(dir / "referral.key", 32) == keys.secret_key.bytes());

    auto raw = dir.write_file("raw.pub", std::string(keys.public_key.begin(), keys.public_key.end()));
    CHECK(read_key_file(raw, 32) == keys.public_key);
    CHECK_THROWS_AS(read_key_file(dir.write_file("bad.key", "not a key\n"), 32), CryptoError);
    CHECK_THROWS_AS(read_key_file(dir / "referral.key", 64), CryptoError);
    CHECK_THROWS_AS(read_key_file(dir / "missing.key", 32), CryptoError);
}

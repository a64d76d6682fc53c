// Test tool: checks a kiosk outbox from outside the kiosk and opens every sealed referral with the
// hub's private key. Prints "integrity ok" (or the SQLite answer), then one line per referral:
// REFERENCE <tab> STATE <tab> the opened JSON (empty for one delivered, whose answers are gone). Exit 1 if the
// file is damaged or a referral will not open.
#include <SQLiteCpp/SQLiteCpp.h>

#include <iostream>

#include "sync/encoding.h"
#include "sync/sealing.h"

int main(int argc, char** argv) {
    using namespace lantern;
    if (argc != 3) {
        std::cerr << "usage: outbox_inspect OUTBOX.sqlite REFERRAL.key\n";
        return 2;
    }
    try {
        auto secret = sync::read_secret_key_file(argv[2], sync::k_referral_secret_key_bytes);
        auto public_key = sync::referral_public_key_of(secret);
        SQLite::Database db(argv[1], SQLite::OPEN_READONLY);
        std::string integrity = db.execAndGet("PRAGMA integrity_check").getString();
        std::cout << "integrity " << integrity << "\n";
        int bad = integrity == "ok" ? 0 : 1;
        SQLite::Statement q(db, "SELECT reference, state, sealed FROM referrals ORDER BY seq");
        while (q.executeStep()) {
            std::string reference = sync::format_reference_code(q.getColumn(0).getString());
            std::string state = q.getColumn(1).getString();
            const auto* blob = static_cast<const unsigned char*>(q.getColumn(2).getBlob());
            sync::Bytes sealed(blob, blob + q.getColumn(2).getBytes());
            std::string opened;
            // A delivered referral's sealed answers are dropped once the hub has them: nothing to open.
            if (state == "delivered" && q.getColumn(2).isNull()) {
                std::cout << reference << "\t" << state << "\t\n";
                continue;
            }
            try {
                opened = sync::open_sealed(sealed, public_key, secret);
            } catch (const std::exception& e) {
                opened = std::string("UNOPENABLE: ") + e.what();
                ++bad;
            }
            std::cout << reference << "\t" << state << "\t" << opened << "\n";
        }
        return bad ? 1 : 0;
    } catch (const std::exception& e) {
        std::cerr << "outbox_inspect: " << e.what() << "\n";
        return 1;
    }
}

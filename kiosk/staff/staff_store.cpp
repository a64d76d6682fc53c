// Staff mode's store: three small SQLite tables, durable like the outbox.
#include "kiosk/staff/staff_store.h"

#include <algorithm>
#include <array>
#include <ctime>

#include "content/utf8.h"
#include "kiosk/input/text_box.h"
#include "sync/durable_db.h"
#include "sync/protocol.h"

namespace lantern::kiosk {
namespace {

const char* const k_migrations[] = {
    "CREATE TABLE notices (id INTEGER PRIMARY KEY, day TEXT NOT NULL, text TEXT NOT NULL);"
    "CREATE INDEX notices_day ON notices(day);",
    "CREATE TABLE staff_lock (id INTEGER PRIMARY KEY CHECK (id = 1), wrong_pins INTEGER NOT NULL);",
    // languages: codes joined by commas ("en,cy"), empty for every language the pack has.
    "CREATE TABLE settings (id INTEGER PRIMARY KEY CHECK (id = 1), idle_seconds INTEGER NOT NULL,"
    " countdown_seconds INTEGER NOT NULL, languages TEXT NOT NULL, read_aloud_volume INTEGER NOT NULL);",
    // A notice's Welsh (empty: none written) and who may see it ("adult", comma-separated; empty: everyone).
    "ALTER TABLE notices ADD COLUMN text_cy TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE notices ADD COLUMN audiences TEXT NOT NULL DEFAULT '';",
};

// The notice's words, trimmed, or why they cannot be shown. `blank_ok`: the Welsh may be left out.
Result<std::string> notice_text(const std::string& raw, bool blank_ok) {
    if (!content::is_valid_utf8(raw)) return Error{"The notice has letters the kiosk cannot read."};
    auto first = raw.find_first_not_of(" \n");
    if (first == std::string::npos) {
        if (blank_ok) return std::string();
        return Error{"Write the notice first."};
    }
    std::string text = raw.substr(first, raw.find_last_not_of(" \n") - first + 1);
    for (unsigned char c : text)
        if (c < 0x20 || c == 0x7f) return Error{"The notice has a character that cannot be shown."};
    if (count_code_points(text) > k_max_notice_chars)
        return Error{"The notice is too long: at most " + std::to_string(k_max_notice_chars) + " letters."};
    return text;
}

}  // namespace

StaffStore::StaffStore(const std::filesystem::path& file) try
    : db_(sync::prepare_private_file(file), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) {
    sync::make_durable(db_);
    sync::migrate_schema(db_, k_migrations, "staff notices");
} catch (const SQLite::Exception& e) {
    throw std::runtime_error("cannot open the staff notices " + file.string() + ": " + e.what());
}

Result<> StaffStore::post(const BannerNotice& notice, const std::string& day) {
    Result<std::string> en = notice_text(notice.en, false);
    if (!en) return en.error();
    Result<std::string> cy = notice_text(notice.cy, true);
    if (!cy) return Error{"The Welsh: " + cy.error().message};
    std::string audiences;
    for (const auto& a : notice.audiences) {
        if (!sync::is_valid_audience(a)) return Error{"The notice is for an audience the kiosk does not know."};
        audiences += (audiences.empty() ? "" : ",") + a;
    }
    SQLite::Statement q(db_, "INSERT INTO notices(day, text, text_cy, audiences) VALUES (?, ?, ?, ?)");
    q.bind(1, day);
    q.bind(2, en.value());
    q.bind(3, cy.value());
    q.bind(4, audiences);
    q.exec();
    return {};
}

std::vector<BannerNotice> StaffStore::for_day(const std::string& day) const {
    SQLite::Statement q(db_, "SELECT text, text_cy, audiences FROM notices WHERE day = ? ORDER BY id");
    q.bind(1, day);
    std::vector<BannerNotice> out;
    while (q.executeStep()) {
        BannerNotice n{q.getColumn(0).getString(), q.getColumn(1).getString(), {}};
        std::string list = q.getColumn(2).getString();
        for (std::size_t at = 0; at < list.size();) {
            auto comma = list.find(',', at);
            if (comma == std::string::npos) comma = list.size();
            n.audiences.push_back(list.substr(at, comma - at));
            at = comma + 1;
        }
        out.push_back(std::move(n));
    }
    return out;
}

void StaffStore::clear_day(const std::string& day) {
    SQLite::Statement q(db_, "DELETE FROM notices WHERE day = ?");
    q.bind(1, day);
    q.exec();
}

int StaffStore::wrong_pins() const {
    SQLite::Statement q(db_, "SELECT wrong_pins FROM staff_lock WHERE id = 1");
    return q.executeStep() ? q.getColumn(0).getInt() : 0;
}

void StaffStore::set_wrong_pins(int count) {
    SQLite::Statement q(db_,
                        "INSERT INTO staff_lock(id, wrong_pins) VALUES (1, ?) "
                        "ON CONFLICT(id) DO UPDATE SET wrong_pins = excluded.wrong_pins");
    q.bind(1, count);
    q.exec();
}

std::optional<sync::KioskSettings> StaffStore::settings() const {
    SQLite::Statement q(
        db_, "SELECT idle_seconds, countdown_seconds, languages, read_aloud_volume FROM settings WHERE id = 1");
    if (!q.executeStep()) return std::nullopt;
    sync::KioskSettings s;
    s.idle_seconds = q.getColumn(0).getInt();
    s.countdown_seconds = q.getColumn(1).getInt();
    std::string langs = q.getColumn(2).getString();
    for (std::size_t start = 0; start < langs.size();) {
        std::size_t comma = std::min(langs.find(',', start), langs.size());
        s.languages.push_back(langs.substr(start, comma - start));
        start = comma + 1;
    }
    s.read_aloud_volume = q.getColumn(3).getInt();
    return s;
}

void StaffStore::save_settings(const sync::KioskSettings& s) {
    std::string langs;
    for (const auto& l : s.languages) langs += (langs.empty() ? "" : ",") + l;
    SQLite::Statement q(db_,
                        "INSERT INTO settings(id, idle_seconds, countdown_seconds, languages, read_aloud_volume) "
                        "VALUES (1, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET idle_seconds = excluded.idle_seconds, "
                        "countdown_seconds = excluded.countdown_seconds, languages = excluded.languages, "
                        "read_aloud_volume = excluded.read_aloud_volume");
    q.bind(1, s.idle_seconds);
    q.bind(2, s.countdown_seconds);
    q.bind(3, langs);
    q.bind(4, s.read_aloud_volume);
    q.exec();
}

std::string local_day_today() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    std::array<char, 16> buf{};
    std::strftime(buf.data(), buf.size(), "%Y-%m-%d", &tm);
    return buf.data();
}

}  // namespace lantern::kiosk

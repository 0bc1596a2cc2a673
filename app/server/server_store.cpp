// SQLite implementation of meedoen-server's store: schema, tokens, push (idempotent by event id,
// sequence checks per kiosk) and pull (revision cursors that follow commit order).
#include "server/server_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sodium.h>

#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <unordered_map>

#include "core/hlc.hpp"
#include "core/ids.hpp"
#include "core/journal.hpp"
#include "wire/event_codec.hpp"

namespace meedoen::server {

using core::TimeMs;
using nlohmann::json;

// [SECTION] Schema

namespace {

constexpr int kServerSchema = 1;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT OR IGNORE INTO counter VALUES ('rev', 0);
CREATE TABLE IF NOT EXISTS centres (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS kiosks (
  id TEXT PRIMARY KEY, centre_id TEXT NOT NULL REFERENCES centres (id), name TEXT NOT NULL,
  code_hash TEXT UNIQUE, code_expires_ms INTEGER, token_hash TEXT UNIQUE, device_id TEXT,
  enrolled_ms INTEGER, revoked INTEGER NOT NULL DEFAULT 0, last_seq INTEGER NOT NULL DEFAULT 0,
  gaps INTEGER NOT NULL DEFAULT 0, seq_reused INTEGER NOT NULL DEFAULT 0, last_seen_ms INTEGER);
CREATE TABLE IF NOT EXISTS readers (id TEXT PRIMARY KEY, name TEXT NOT NULL, centre_id TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS participants (
  id TEXT PRIMARY KEY, centre_id TEXT NOT NULL REFERENCES centres (id), first_name TEXT NOT NULL,
  last_name TEXT NOT NULL, card_code TEXT, pin_hash TEXT NOT NULL DEFAULT '', language TEXT NOT NULL DEFAULT '',
  mandatory INTEGER NOT NULL DEFAULT 0, coach_id TEXT NOT NULL DEFAULT '', active INTEGER NOT NULL DEFAULT 1,
  rev INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS participants_rev ON participants (centre_id, rev);
CREATE TABLE IF NOT EXISTS coaches (id TEXT PRIMARY KEY, centre_id TEXT NOT NULL REFERENCES centres (id),
  name TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1, rev INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS coaches_rev ON coaches (centre_id, rev);
CREATE TABLE IF NOT EXISTS activities (id TEXT PRIMARY KEY, centre_id TEXT NOT NULL REFERENCES centres (id),
  body TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1, rev INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS activities_rev ON activities (centre_id, rev);
CREATE TABLE IF NOT EXISTS settings (centre_id TEXT NOT NULL REFERENCES centres (id), key TEXT NOT NULL,
  value TEXT NOT NULL, rev INTEGER NOT NULL, PRIMARY KEY (centre_id, key));
-- Append-only; rev (the rowid) is handed out in commit order and is the pull cursor for events.
CREATE TABLE IF NOT EXISTS events (
  rev INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, centre_id TEXT NOT NULL,
  kiosk_id TEXT NOT NULL, device_id TEXT NOT NULL, seq INTEGER NOT NULL, wall_ms INTEGER NOT NULL,
  hlc TEXT NOT NULL, type TEXT NOT NULL, participant_id TEXT NOT NULL, date TEXT NOT NULL,
  payload TEXT NOT NULL, received_ms INTEGER NOT NULL, flags TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS events_centre ON events (centre_id, rev);
CREATE INDEX IF NOT EXISTS events_device_seq ON events (device_id, seq);
CREATE INDEX IF NOT EXISTS events_date ON events (centre_id, date);
CREATE TABLE IF NOT EXISTS rejections (id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, reason TEXT NOT NULL,
  received_ms INTEGER NOT NULL, body TEXT NOT NULL);
)sql";

// The event types of core's table (core/events.hpp, docs/events.md); anything else is refused with a reason.
const std::set<std::string> kKnownTypes(core::event_types().begin(), core::event_types().end());
const std::set<std::string> kCentreWideTypes{"activity_saved"};

std::string hex(const unsigned char* p, std::size_t n) {
  static const char* d = "0123456789abcdef";
  std::string s;
  for (std::size_t i = 0; i < n; ++i) {
    s += d[p[i] >> 4];
    s += d[p[i] & 15];
  }
  return s;
}

template <class F>
auto guarded(const char* what, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const SQLite::Exception& e) {
    throw ServerError(std::string(what) + ": " + e.what());
  }
}

}  // namespace

std::string token_hash(const std::string& token) {
  unsigned char out[crypto_generichash_BYTES];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  return hex(out, sizeof out);
}

std::string new_token() {
  unsigned char b[32];
  randombytes_buf(b, sizeof b);
  return hex(b, sizeof b);
}

std::string new_enrol_code() {
  static const char* alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";  // no 0/O, 1/I
  std::string code;
  for (int i = 0; i < 8; ++i) code += alphabet[randombytes_uniform(32)];
  return code;
}

// [SECTION] Impl

struct ServerStore::Impl {
  mutable std::mutex mu;
  SQLite::Database db;
  Faults faults;

  explicit Impl(const std::string& path) : db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX) {
    db.exec("PRAGMA busy_timeout = 5000");
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    if (version > kServerSchema)
      throw ServerError("the database " + path + " was written by a newer meedoen-server (schema " +
                        std::to_string(version) + "); nothing was changed");
    if (db.execAndGet("PRAGMA journal_mode = WAL").getString() != "wal") throw ServerError("cannot switch to WAL mode");
    db.exec("PRAGMA synchronous = FULL");  // a push is answered only after its events are on disk
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA cache_size = -131072");    // 128 MB: the id and seq indexes of millions of events
    db.exec("PRAGMA mmap_size = 1073741824");  // reads without a syscall per page
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    db.exec(kSchema);
    db.exec("PRAGMA user_version = " + std::to_string(kServerSchema));
    tx.commit();
  }

  std::int64_t next_rev() {
    return db.execAndGet("UPDATE counter SET value = value + 1 WHERE name = 'rev' RETURNING value").getInt64();
  }

  void require_centre(const std::string& id) {
    SQLite::Statement st(db, "SELECT 1 FROM centres WHERE id = ?");
    st.bind(1, id);
    if (!st.executeStep()) throw UsageError("there is no centre \"" + id + "\" (create-centre first)");
  }

  void put_setting(const std::string& centre, const std::string& key, const std::string& value) {
    SQLite::Statement st(db, "INSERT INTO settings (centre_id, key, value, rev) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT (centre_id, key) DO UPDATE SET value = excluded.value, rev = excluded.rev");
    st.bind(1, centre);
    st.bind(2, key);
    st.bind(3, value);
    st.bind(4, next_rev());
    st.exec();
  }

  // The programme row of an activity_saved event: applied when it is the last in fold order
  // of what this activity has seen (kept in the row's body as saved_key), like the kiosks' fold.
  // A losing event still touches the row's revision, so the kiosk that sent it pulls the winner.
  void apply_activity_saved(const std::string& centre, const wire::WireEvent& e, const core::ev::ActivitySaved& b) {
    // (hlc, device_id, id) as text: the hlc has a fixed width and device ids are UUIDs.
    const std::string key = e.hlc + "|" + e.device_id + "|" + e.id;
    SQLite::Statement cur(db, "SELECT body FROM activities WHERE id = ? AND centre_id = ?");
    cur.bind(1, b.activity.id);
    cur.bind(2, centre);
    std::string saved;
    if (cur.executeStep()) {
      const json old = json::parse(cur.getColumn(0).getString(), nullptr, false);
      if (old.is_object()) saved = old.value("saved_key", "");
    }
    cur.reset();
    if (key <= saved) {
      SQLite::Statement touch(db, "UPDATE activities SET rev = ? WHERE id = ?");
      touch.bind(1, next_rev());
      touch.bind(2, b.activity.id);
      touch.exec();
      return;
    }
    write_activity(centre, b.activity, b.activity.active, key);
  }

  void write_activity(const std::string& centre, const core::Activity& a, bool active, const std::string& saved_key) {
    const json body{{"title", a.title}, {"icon", a.icon}, {"weekday", a.weekday}, {"date", a.date},
                    {"dagdeel", core::dagdeel_key(a.dagdeel)}, {"start", a.start}, {"end", a.end},
                    {"place", a.place}, {"leader", a.leader}, {"capacity", a.capacity},
                    {"volunteer_work", a.volunteer_work}, {"saved_key", saved_key}};
    SQLite::Statement st(db, "INSERT INTO activities (id, centre_id, body, active, rev) VALUES (?, ?, ?, ?, ?) "
                             "ON CONFLICT (id) DO UPDATE SET body = excluded.body, active = excluded.active, "
                             "rev = excluded.rev WHERE centre_id = excluded.centre_id");
    st.bind(1, a.id);
    st.bind(2, centre);
    st.bind(3, body.dump(-1, ' ', false, json::error_handler_t::replace));
    st.bind(4, active ? 1 : 0);
    st.bind(5, next_rev());
    if (st.exec() == 0) throw UsageError("the activity id \"" + a.id + "\" belongs to another centre");
  }

  void upsert_participant(const std::string& centre, const core::Participant& p, const std::string& pin_hash,
                          bool keep_pin_if_empty) {
    SQLite::Statement st(db,
        "INSERT INTO participants (id, centre_id, first_name, last_name, card_code, pin_hash, language, mandatory, "
        "coach_id, active, rev) VALUES (?1, ?2, ?3, ?4, NULLIF(?5, ''), ?6, ?7, ?8, ?9, 1, ?10) "
        "ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name, last_name = excluded.last_name, "
        "card_code = excluded.card_code, pin_hash = CASE WHEN ?11 AND excluded.pin_hash = '' THEN pin_hash "
        "ELSE excluded.pin_hash END, language = excluded.language, mandatory = excluded.mandatory, "
        "coach_id = excluded.coach_id, active = 1, rev = excluded.rev");
    st.bind(1, p.id);
    st.bind(2, centre);
    st.bind(3, p.first_name);
    st.bind(4, p.last_name);
    st.bind(5, p.card_code);
    st.bind(6, pin_hash);
    st.bind(7, p.language);
    st.bind(8, p.mandatory ? 1 : 0);
    st.bind(9, p.coach_id);
    st.bind(10, next_rev());
    st.bind(11, keep_pin_if_empty ? 1 : 0);
    st.exec();
  }
};

ServerStore::ServerStore(std::unique_ptr<Impl> impl) : m(std::move(impl)) {}
ServerStore::~ServerStore() = default;

std::unique_ptr<ServerStore> ServerStore::open(const std::string& path) {
  if (sodium_init() < 0) throw ServerError("libsodium could not be initialised");
  try {
    return std::unique_ptr<ServerStore>(new ServerStore(std::make_unique<Impl>(path)));
  } catch (const SQLite::Exception& e) {
    throw ServerError("cannot open the database " + path + ": " + e.what());
  }
}

void ServerStore::set_faults(const Faults& f) {
  std::lock_guard lock(m->mu);
  m->faults = f;
}

// [SECTION] Administration

void ServerStore::create_centre(const std::string& id, const std::string& name, TimeMs now) {
  if (id.empty() || id.size() > 64 || id.find_first_of(" /?&#\"'") != std::string::npos)
    throw UsageError("a centre id is 1-64 characters without spaces or / ? & # quotes, got \"" + id + "\"");
  if (name.empty()) throw UsageError("the centre needs a name");
  std::lock_guard lock(m->mu);
  guarded("creating a centre", [&] {
    SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement st(m->db, "INSERT INTO centres (id, name, created_ms) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING");
    st.bind(1, id);
    st.bind(2, name);
    st.bind(3, now);
    if (st.exec() == 0) throw UsageError("the centre \"" + id + "\" exists already");
    m->put_setting(id, "centre_name", name);
    tx.commit();
  });
}

bool ServerStore::centre_exists(const std::string& id) const {
  std::lock_guard lock(m->mu);
  return guarded("reading centres", [&] {
    SQLite::Statement st(m->db, "SELECT 1 FROM centres WHERE id = ?");
    st.bind(1, id);
    return st.executeStep();
  });
}

std::vector<std::pair<std::string, std::string>> ServerStore::centres() const {
  std::lock_guard lock(m->mu);
  return guarded("reading centres", [&] {
    std::vector<std::pair<std::string, std::string>> out;
    SQLite::Statement st(m->db, "SELECT id, name FROM centres ORDER BY id");
    while (st.executeStep()) out.emplace_back(st.getColumn(0).getString(), st.getColumn(1).getString());
    return out;
  });
}

EnrolCode ServerStore::enrol_kiosk(const std::string& centre, const std::string& name, TimeMs now, TimeMs valid_ms) {
  std::lock_guard lock(m->mu);
  return guarded("enrolling a kiosk", [&] {
    SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
    m->require_centre(centre);
    EnrolCode c;
    core::RandomBytes r;
    randombytes_buf(r.data(), r.size());
    c.kiosk_id = core::make_uuid_v7(now, r);
    c.code = new_enrol_code();
    c.expires = now + valid_ms;
    SQLite::Statement st(m->db, "INSERT INTO kiosks (id, centre_id, name, code_hash, code_expires_ms) VALUES (?, ?, ?, ?, ?)");
    st.bind(1, c.kiosk_id);
    st.bind(2, centre);
    st.bind(3, name.empty() ? "kiosk" : name);
    st.bind(4, token_hash(c.code));
    st.bind(5, c.expires);
    st.exec();
    tx.commit();
    return c;
  });
}

void ServerStore::revoke_kiosk(const std::string& kiosk_id) {
  std::lock_guard lock(m->mu);
  guarded("revoking a kiosk", [&] {
    SQLite::Statement st(m->db, "UPDATE kiosks SET revoked = 1 WHERE id = ?");
    st.bind(1, kiosk_id);
    if (st.exec() == 0) throw UsageError("there is no kiosk \"" + kiosk_id + "\"");
  });
}

void ServerStore::add_coach(const std::string& centre, const core::Coach& c) {
  if (c.id.empty() || c.name.empty()) throw UsageError("a coach needs an id and a name");
  std::lock_guard lock(m->mu);
  guarded("saving a coach", [&] {
    SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
    m->require_centre(centre);
    SQLite::Statement st(m->db, "INSERT INTO coaches (id, centre_id, name, active, rev) VALUES (?, ?, ?, 1, ?) "
                                "ON CONFLICT (id) DO UPDATE SET name = excluded.name, active = 1, rev = excluded.rev "
                                "WHERE centre_id = excluded.centre_id");
    st.bind(1, c.id);
    st.bind(2, centre);
    st.bind(3, c.name);
    st.bind(4, m->next_rev());
    if (st.exec() == 0) throw UsageError("the coach id \"" + c.id + "\" belongs to another centre");
    tx.commit();
  });
}

void ServerStore::put_activity(const std::string& centre, const core::Activity& a, bool active, TimeMs now) {
  std::lock_guard lock(m->mu);
  guarded("saving an activity", [&] {
    SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
    m->require_centre(centre);
    // An edit on the command line takes part in "the last one wins" as of the server's clock
    // ("server" sorts after the kiosks' device ids when the stamps are equal).
    const std::string key = now > 0 ? core::hlc_to_string(core::Hlc{now, 0}) + "|server" : std::string();
    m->write_activity(centre, a, active, key);
    tx.commit();
  });
}

void ServerStore::set_setting(const std::string& centre, const std::string& key, const std::string& value) {
  std::lock_guard lock(m->mu);
  guarded("saving a setting", [&] {
    SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
    m->require_centre(centre);
    m->put_setting(centre, key, value);
    tx.commit();
  });
}

ServerStore::ImportCounts ServerStore::import_roster(const std::string& centre, const std::vector<RosterRow>& rows,
                                                     std::string (*pin_hash)(const std::string&)) {
  // Hash outside the lock: argon2id takes a while per PIN.
  std::vector<std::string> hashes;
  hashes.reserve(rows.size());
  for (const auto& r : rows) hashes.push_back(r.pin.empty() ? std::string() : pin_hash(r.pin));
  std::lock_guard lock(m->mu);
  return guarded("importing the roster", [&] {
    SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
    m->require_centre(centre);
    ImportCounts n;
    std::set<std::string> seen;
    SQLite::Statement owner(m->db, "SELECT centre_id FROM participants WHERE id = ?");
    SQLite::Statement card(m->db, "SELECT id FROM participants WHERE card_code = ? AND id <> ? AND centre_id = ? AND active = 1");
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& r = rows[i];
      owner.reset();
      owner.bind(1, r.p.id);
      const bool exists = owner.executeStep();
      if (exists && owner.getColumn(0).getString() != centre)
        throw UsageError("line " + std::to_string(r.line) + ": participant " + r.p.id + " belongs to another centre");
      seen.insert(r.p.id);
      m->upsert_participant(centre, r.p, hashes[i], true);
      (exists ? n.updated : n.added)++;
    }
    SQLite::Statement all(m->db, "SELECT id FROM participants WHERE centre_id = ? AND active = 1");
    all.bind(1, centre);
    std::vector<std::string> gone;
    while (all.executeStep())
      if (!seen.count(all.getColumn(0).getString())) gone.push_back(all.getColumn(0).getString());
    for (const auto& id : gone) {
      SQLite::Statement st(m->db, "UPDATE participants SET active = 0, card_code = NULL, rev = ? WHERE id = ?");
      st.bind(1, m->next_rev());
      st.bind(2, id);
      st.exec();
      ++n.deactivated;
    }
    // Two rows with one card: refuse (after the upserts, so moved cards between rows are fine).
    SQLite::Statement dup(m->db, "SELECT card_code FROM participants WHERE centre_id = ? AND active = 1 AND card_code "
                                 "IS NOT NULL GROUP BY card_code HAVING COUNT(*) > 1 LIMIT 1");
    dup.bind(1, centre);
    if (dup.executeStep()) throw UsageError("the card code " + dup.getColumn(0).getString() + " is on two participants");
    tx.commit();
    return n;
  });
}

void ServerStore::put_participants(const std::string& centre, const std::vector<core::Participant>& ps,
                                   const std::string& pin_hash) {
  std::lock_guard lock(m->mu);
  guarded("saving participants", [&] {
    SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
    m->require_centre(centre);
    for (const auto& p : ps) m->upsert_participant(centre, p, pin_hash, false);
    tx.commit();
  });
}

std::string ServerStore::add_reader(const std::string& name, const std::string& centre) {
  std::lock_guard lock(m->mu);
  return guarded("adding a reader", [&] {
    if (!centre.empty()) m->require_centre(centre);
    const std::string token = new_token();
    SQLite::Statement st(m->db, "INSERT INTO readers (id, name, centre_id, token_hash) VALUES (?, ?, ?, ?)");
    st.bind(1, token_hash(token).substr(0, 16));
    st.bind(2, name);
    st.bind(3, centre);
    st.bind(4, token_hash(token));
    st.exec();
    return token;
  });
}

std::vector<KioskInfo> ServerStore::kiosks(const std::string& centre) const {
  std::lock_guard lock(m->mu);
  return guarded("reading kiosks", [&] {
    std::vector<KioskInfo> out;
    SQLite::Statement st(m->db,
        "SELECT k.id, k.centre_id, k.name, COALESCE(k.device_id, ''), k.token_hash IS NOT NULL, k.revoked, k.last_seq, "
        "(SELECT COUNT(*) FROM events e WHERE e.kiosk_id = k.id), k.gaps, k.seq_reused, COALESCE(k.last_seen_ms, 0) "
        "FROM kiosks k WHERE ?1 = '' OR k.centre_id = ?1 ORDER BY k.centre_id, k.name");
    st.bind(1, centre);
    while (st.executeStep()) {
      KioskInfo k;
      k.kiosk_id = st.getColumn(0).getString();
      k.centre_id = st.getColumn(1).getString();
      k.name = st.getColumn(2).getString();
      k.device_id = st.getColumn(3).getString();
      k.enrolled = st.getColumn(4).getInt() != 0;
      k.revoked = st.getColumn(5).getInt() != 0;
      k.last_seq = st.getColumn(6).getInt64();
      k.events = st.getColumn(7).getInt64();
      k.gaps = st.getColumn(8).getInt64();
      k.seq_reused = st.getColumn(9).getInt64();
      k.last_seen = st.getColumn(10).getInt64();
      out.push_back(std::move(k));
    }
    return out;
  });
}

// [SECTION] Tokens

std::optional<wire::EnrolAnswer> ServerStore::enrol(const wire::EnrolRequest& r, TimeMs now, std::string& why) {
  if (!core::is_uuid(r.device_id)) {
    why = "device_id must be the kiosk's UUID";
    return std::nullopt;
  }
  std::lock_guard lock(m->mu);
  return guarded("enrolling", [&]() -> std::optional<wire::EnrolAnswer> {
    SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement st(m->db, "SELECT k.id, k.centre_id, c.name, k.code_expires_ms, k.token_hash IS NOT NULL, "
                                "COALESCE(k.device_id, '') FROM kiosks k JOIN centres c "
                                "ON c.id = k.centre_id WHERE k.code_hash = ? AND k.revoked = 0");
    std::string code;
    for (char ch : r.code)
      if (ch != '-' && ch != ' ') code += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    st.bind(1, token_hash(code));
    if (!st.executeStep()) {
      why = "unknown or already used enrolment code";
      return std::nullopt;
    }
    wire::EnrolAnswer a;
    a.kiosk_id = st.getColumn(0).getString();
    a.centre_id = st.getColumn(1).getString();
    a.centre_name = st.getColumn(2).getString();
    if (st.getColumn(3).getInt64() < now) {
      why = "the enrolment code has expired; make a new one with meedoen-server enrol-kiosk";
      return std::nullopt;
    }
    // Used already: only the same device may use it again while it is valid (its first answer
    // may have been lost on the way); it then gets a new token and the old one stops working.
    if (st.getColumn(4).getInt() != 0 && st.getColumn(5).getString() != r.device_id) {
      why = "unknown or already used enrolment code";
      return std::nullopt;
    }
    st.reset();
    a.token = new_token();
    a.server_time = now;
    SQLite::Statement up(m->db, "UPDATE kiosks SET token_hash = ?, device_id = ?, enrolled_ms = ? WHERE id = ?");
    up.bind(1, token_hash(a.token));
    up.bind(2, r.device_id);
    up.bind(3, now);
    up.bind(4, a.kiosk_id);
    up.exec();
    tx.commit();
    return a;
  });
}

std::optional<KioskAuth> ServerStore::kiosk_for_token(const std::string& token, std::string& why) {
  std::lock_guard lock(m->mu);
  return guarded("checking a token", [&]() -> std::optional<KioskAuth> {
    SQLite::Statement st(m->db, "SELECT id, centre_id, device_id, revoked FROM kiosks WHERE token_hash = ?");
    st.bind(1, token_hash(token));
    if (!st.executeStep()) {
      why = "unknown device token";
      return std::nullopt;
    }
    if (st.getColumn(3).getInt() != 0) {
      why = "token_revoked: this kiosk was revoked; enrol it again";
      return std::nullopt;
    }
    return KioskAuth{st.getColumn(0).getString(), st.getColumn(1).getString(), st.getColumn(2).getString()};
  });
}

std::optional<ReaderAuth> ServerStore::reader_for_token(const std::string& token) const {
  std::lock_guard lock(m->mu);
  return guarded("checking a token", [&]() -> std::optional<ReaderAuth> {
    SQLite::Statement st(m->db, "SELECT id, centre_id FROM readers WHERE token_hash = ?");
    st.bind(1, token_hash(token));
    if (!st.executeStep()) return std::nullopt;
    return ReaderAuth{st.getColumn(0).getString(), st.getColumn(1).getString()};
  });
}

// [SECTION] Push

namespace {

// Why an event cannot be stored, "" when it can. participant_known answers for this centre.
template <class Known>
std::string check_event(const wire::WireEvent& e, const KioskAuth& k, std::string& date, Known&& participant_known) {
  if (!core::is_uuid(e.id)) return "id is not a UUID";
  if (e.device_id != k.device_id) return "device_id " + e.device_id + " is not this kiosk's";
  if (e.seq < 1) return "seq must be 1 or more";
  core::Hlc h;
  if (!core::hlc_parse(e.hlc, h)) return "hlc is malformed";
  if (!kKnownTypes.count(e.type)) return "unknown event type \"" + e.type + "\"";
  // The payload was re-encoded by nlohmann::json when the request was read (compact, keys
  // sorted), so its top-level date reads as "date":"YYYY-MM-DD" without a second parse.
  date.clear();
  if (const auto at = e.payload.find("\"date\":\""); at != std::string::npos && e.payload.size() >= at + 18)
    date = e.payload.substr(at + 8, 10);
  // The journal's own reading of the payload (wire/event_codec) and its checks (core::validate):
  // the server accepts exactly what the kiosks' folds can read.
  std::string error;
  const core::EventBody body = wire::decode_payload(e.type, e.payload, e.wall_ms, &error);
  if (!error.empty()) return "payload: " + error;
  if (std::string why = core::validate(body); !why.empty()) return "payload: " + why;
  if (kCentreWideTypes.count(e.type)) {
    date.clear();  // an activity's "date" is its one-off day, not when the event happened
    return "";
  }
  if (e.participant_id.empty()) return "participant_id is missing";
  if (!participant_known(e.participant_id)) return "unknown participant " + e.participant_id + " at this centre";
  return "";
}

}  // namespace

wire::PushAnswer ServerStore::push(const KioskAuth& k, const wire::PushRequest& r, TimeMs now) {
  std::lock_guard lock(m->mu);
  return guarded("storing events", [&] {
    wire::PushAnswer a;
    a.server_time = now;
    SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement kiosk(m->db, "SELECT last_seq FROM kiosks WHERE id = ?");
    kiosk.bind(1, k.kiosk_id);
    kiosk.executeStep();
    std::int64_t last_seq = kiosk.getColumn(0).getInt64();
    kiosk.reset();
    SQLite::Statement rejected(m->db, "SELECT reason FROM rejections WHERE id = ?");
    SQLite::Statement known(m->db, "SELECT 1 FROM participants WHERE id = ? AND centre_id = ?");
    SQLite::Statement other_centre(m->db, "SELECT 1 FROM activities WHERE id = ? AND centre_id <> ?");
    SQLite::Statement same_seq(m->db, "SELECT 1 FROM events WHERE device_id = ? AND seq = ? AND id <> ?");
    // ON CONFLICT DO NOTHING: an id we have is a duplicate, found by the insert itself (one
    // index probe instead of a lookup and then an insert).
    SQLite::Statement insert(m->db,
        "INSERT INTO events (id, centre_id, kiosk_id, device_id, seq, wall_ms, hlc, type, participant_id, date, "
        "payload, received_ms, flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING");
    SQLite::Statement reject(m->db, "INSERT INTO rejections (id, kiosk_id, reason, received_ms, body) VALUES (?, ?, ?, ?, ?) "
                                    "ON CONFLICT (id) DO NOTHING");
    std::unordered_map<std::string, bool> roster;  // participant -> of this centre, per batch
    auto participant_known = [&](const std::string& pid) {
      auto it = roster.find(pid);
      if (it != roster.end()) return it->second;
      known.reset();
      known.bind(1, pid);
      known.bind(2, k.centre_id);
      return roster[pid] = known.executeStep();
    };
    std::int64_t gaps = 0, reused = 0;
    int inserted = 0;
    std::string date;
    for (const auto& e : r.events) {
      wire::PushResult res;
      res.id = e.id;
      std::string why = check_event(e, k, date, participant_known);
      core::EventBody body;
      if (why.empty() && e.type == "activity_saved") {
        body = wire::decode_payload(e.type, e.payload, e.wall_ms);
        const auto& act = std::get<core::ev::ActivitySaved>(body).activity;
        other_centre.reset();
        other_centre.bind(1, act.id);
        other_centre.bind(2, k.centre_id);
        if (other_centre.executeStep()) why = "activity " + act.id + " belongs to another centre";
      }
      if (!why.empty()) {
        res.status = wire::PushStatus::Rejected;
        rejected.reset();
        rejected.bind(1, e.id);
        res.reason = rejected.executeStep() ? rejected.getColumn(0).getString() : why;  // the first answer again
        if (core::is_uuid(e.id)) {  // remembered, so the same event gets the same answer again
          reject.reset();
          reject.bind(1, e.id);
          reject.bind(2, k.kiosk_id);
          reject.bind(3, why);
          reject.bind(4, now);
          std::string body;
          wire::append_event_json(body, e);
          reject.bind(5, body);
          reject.exec();
        }
      } else {
        insert.reset();
        insert.bind(1, e.id);
        insert.bind(2, k.centre_id);
        insert.bind(3, k.kiosk_id);
        insert.bind(4, e.device_id);
        insert.bind(5, e.seq);
        insert.bind(6, e.wall_ms);
        insert.bind(7, e.hlc);
        insert.bind(8, e.type);
        insert.bind(9, e.participant_id);
        insert.bind(10, date);
        insert.bind(11, e.payload);
        insert.bind(12, now);
        insert.bind(13, e.wall_ms > now + wire::kClockSkewLimit ? "clock_ahead" : "");
        if (insert.exec() == 0) {
          res.status = wire::PushStatus::Duplicate;
          a.results.push_back(std::move(res));
          continue;
        }
        if (e.seq > last_seq + 1) {
          a.warnings.push_back("gap: expected seq " + std::to_string(last_seq + 1) + ", got " + std::to_string(e.seq));
          ++gaps;
        } else if (e.seq <= last_seq) {
          same_seq.reset();
          same_seq.bind(1, e.device_id);
          same_seq.bind(2, e.seq);
          same_seq.bind(3, e.id);
          if (same_seq.executeStep()) {
            a.warnings.push_back("seq_reused: seq " + std::to_string(e.seq) +
                                 " was another event (a restored or recreated kiosk database)");
            ++reused;
          }
        }
        last_seq = std::max(last_seq, e.seq);
        ++inserted;
        if (const auto* saved = std::get_if<core::ev::ActivitySaved>(&body)) m->apply_activity_saved(k.centre_id, e, *saved);
        if (m->faults.fail_after_events > 0 && inserted >= m->faults.fail_after_events)
          throw ServerError("injected fault: the database failed in the middle of a batch");
        res.status = wire::PushStatus::Stored;
      }
      a.results.push_back(std::move(res));
    }
    SQLite::Statement up(m->db, "UPDATE kiosks SET last_seq = ?, gaps = gaps + ?, seq_reused = seq_reused + ?, "
                                "last_seen_ms = ? WHERE id = ?");
    up.bind(1, last_seq);
    up.bind(2, gaps);
    up.bind(3, reused);
    up.bind(4, now);
    up.bind(5, k.kiosk_id);
    up.exec();
    if (m->faults.push_delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(m->faults.push_delay_ms));
    tx.commit();
    a.last_seq = last_seq;
    return a;
  });
}

// [SECTION] Pull

namespace {

bool parse_cursor(const std::string& c, std::int64_t& r, std::int64_t& e) {
  r = e = 0;
  if (c.empty()) return true;
  long long a = 0, b = 0;
  char tail = 0;
  if (std::sscanf(c.c_str(), "r%lld.e%lld%c", &a, &b, &tail) != 2 || a < 0 || b < 0) return false;
  r = a;
  e = b;
  return true;
}

wire::WireEvent read_event_row(SQLite::Statement& st, int first) {
  wire::WireEvent e;
  e.id = st.getColumn(first).getString();
  e.device_id = st.getColumn(first + 1).getString();
  e.seq = st.getColumn(first + 2).getInt64();
  e.wall_ms = st.getColumn(first + 3).getInt64();
  e.hlc = st.getColumn(first + 4).getString();
  e.type = st.getColumn(first + 5).getString();
  e.participant_id = st.getColumn(first + 6).getString();
  e.payload = st.getColumn(first + 7).getString();
  return e;
}

}  // namespace

wire::PullPage ServerStore::pull(const KioskAuth& k, const std::string& cursor, int limit, TimeMs now) {
  std::lock_guard lock(m->mu);
  return guarded("reading changes", [&] {
    wire::PullPage page;
    page.server_time = now;
    limit = std::clamp(limit, 1, wire::kMaxPullLimit);
    // One read transaction: the page is one consistent snapshot.
    SQLite::Transaction tx(m->db, SQLite::TransactionBehavior::DEFERRED);
    std::int64_t r = 0, e = 0;
    const std::int64_t max_rev = m->db.execAndGet("SELECT value FROM counter WHERE name = 'rev'").getInt64();
    const std::int64_t max_event = m->db.execAndGet("SELECT COALESCE(MAX(rev), 0) FROM events").getInt64();
    if (!parse_cursor(cursor, r, e) || r > max_rev || e > max_event) {
      page.reset = true;  // not ours, or the server's database was restored: start over once
      r = e = 0;
    }
    {
      SQLite::Statement c(m->db, "SELECT name FROM centres WHERE id = ?");
      c.bind(1, k.centre_id);
      if (c.executeStep()) page.centre_name = c.getColumn(0).getString();
      page.centre_id = k.centre_id;
    }
    // Roster, coaches, programme and settings changed after r, in revision order, at most limit.
    struct Change { std::int64_t rev; int kind; std::string key; };
    std::vector<Change> changes;
    const char* queries[] = {
        "SELECT rev, id FROM participants WHERE centre_id = ? AND rev > ? ORDER BY rev LIMIT ?",
        "SELECT rev, id FROM coaches WHERE centre_id = ? AND rev > ? ORDER BY rev LIMIT ?",
        "SELECT rev, id FROM activities WHERE centre_id = ? AND rev > ? ORDER BY rev LIMIT ?",
        "SELECT rev, key FROM settings WHERE centre_id = ? AND rev > ? ORDER BY rev LIMIT ?"};
    for (int kind = 0; kind < 4; ++kind) {
      SQLite::Statement st(m->db, queries[kind]);
      st.bind(1, k.centre_id);
      st.bind(2, r);
      st.bind(3, limit + 1);  // one more than fits: then we know there is more
      while (st.executeStep()) changes.push_back({st.getColumn(0).getInt64(), kind, st.getColumn(1).getString()});
    }
    std::sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) { return a.rev < b.rev; });
    bool more = false;
    if (changes.size() > static_cast<std::size_t>(limit)) {
      changes.resize(static_cast<std::size_t>(limit));
      more = true;
    }
    std::int64_t new_r = more ? changes.back().rev : max_rev;
    SQLite::Statement part(m->db, "SELECT first_name, last_name, COALESCE(card_code, ''), pin_hash, language, mandatory, "
                                  "coach_id, active FROM participants WHERE id = ?");
    SQLite::Statement coach(m->db, "SELECT name, active FROM coaches WHERE id = ?");
    SQLite::Statement act(m->db, "SELECT body, active FROM activities WHERE id = ?");
    SQLite::Statement set(m->db, "SELECT value FROM settings WHERE centre_id = ? AND key = ?");
    for (const auto& ch : changes) {
      if (ch.kind == 0) {
        part.reset();
        part.bind(1, ch.key);
        if (!part.executeStep()) continue;
        wire::WireParticipant w;
        w.p.id = ch.key;
        w.p.first_name = part.getColumn(0).getString();
        w.p.last_name = part.getColumn(1).getString();
        w.p.card_code = part.getColumn(2).getString();
        w.pin_hash = part.getColumn(3).getString();
        w.p.language = part.getColumn(4).getString();
        w.p.mandatory = part.getColumn(5).getInt() != 0;
        w.p.coach_id = part.getColumn(6).getString();
        w.active = part.getColumn(7).getInt() != 0;
        page.participants.push_back(std::move(w));
      } else if (ch.kind == 1) {
        coach.reset();
        coach.bind(1, ch.key);
        if (!coach.executeStep()) continue;
        page.coaches.push_back({{ch.key, coach.getColumn(0).getString()}, coach.getColumn(1).getInt() != 0});
      } else if (ch.kind == 2) {
        act.reset();
        act.bind(1, ch.key);
        if (!act.executeStep()) continue;
        const json b = json::parse(act.getColumn(0).getString(), nullptr, false);
        wire::WireActivity w;
        w.a.id = ch.key;
        w.a.title = b.value("title", "");
        w.a.icon = b.value("icon", "");
        w.a.weekday = b.value("weekday", 0);
        core::dagdeel_from_key(b.value("dagdeel", "morning"), w.a.dagdeel);
        w.a.start = b.value("start", 0);
        w.a.end = b.value("end", 0);
        w.a.place = b.value("place", "");
        w.a.leader = b.value("leader", "");
        w.a.capacity = b.value("capacity", 0);
        w.a.volunteer_work = b.value("volunteer_work", false);
        w.a.date = b.value("date", "");
        w.active = act.getColumn(1).getInt() != 0;
        page.activities.push_back(std::move(w));
      } else {
        set.reset();
        set.bind(1, k.centre_id);
        set.bind(2, ch.key);
        if (set.executeStep()) page.settings.emplace_back(ch.key, set.getColumn(0).getString());
      }
    }
    // Then events of the centre's other kiosks, in commit order, with what is left of the page.
    std::int64_t new_e = e;
    const int budget = limit - static_cast<int>(changes.size());
    if (!more && budget > 0) {
      SQLite::Statement st(m->db, "SELECT rev, kiosk_id, id, device_id, seq, wall_ms, hlc, type, participant_id, "
                                  "payload FROM events WHERE centre_id = ? AND rev > ? ORDER BY rev LIMIT ?");
      st.bind(1, k.centre_id);
      st.bind(2, e);
      st.bind(3, budget);
      int n = 0;
      while (st.executeStep()) {
        ++n;
        new_e = st.getColumn(0).getInt64();
        if (st.getColumn(1).getString() == k.kiosk_id) continue;  // its own events it has already
        page.events.push_back(read_event_row(st, 2));
      }
      if (n == budget) more = true;
      else new_e = std::max(new_e, max_event);
    } else if (budget <= 0) {
      more = true;
    }
    page.more = more;
    page.cursor = "r" + std::to_string(new_r) + ".e" + std::to_string(new_e);
    return page;
  });
}

// [SECTION] Reads for the reports

std::vector<core::Participant> ServerStore::participants(const std::string& centre, bool active_only) const {
  std::lock_guard lock(m->mu);
  return guarded("reading participants", [&] {
    std::vector<core::Participant> out;
    SQLite::Statement st(m->db, "SELECT id, first_name, last_name, COALESCE(card_code, ''), language, mandatory, coach_id "
                                "FROM participants WHERE centre_id = ? AND (active = 1 OR ? = 0) ORDER BY last_name, first_name");
    st.bind(1, centre);
    st.bind(2, active_only ? 1 : 0);
    while (st.executeStep()) {
      core::Participant p;
      p.id = st.getColumn(0).getString();
      p.first_name = st.getColumn(1).getString();
      p.last_name = st.getColumn(2).getString();
      p.card_code = st.getColumn(3).getString();
      p.language = st.getColumn(4).getString();
      p.mandatory = st.getColumn(5).getInt() != 0;
      p.coach_id = st.getColumn(6).getString();
      out.push_back(std::move(p));
    }
    return out;
  });
}

std::vector<StoredEvent> ServerStore::events(const std::string& centre, const std::string& from,
                                             const std::string& to) const {
  std::lock_guard lock(m->mu);
  return guarded("reading events", [&] {
    std::vector<StoredEvent> out;
    SQLite::Statement st(m->db, "SELECT kiosk_id, date, received_ms, id, device_id, seq, wall_ms, hlc, type, "
                                "participant_id, payload FROM events WHERE centre_id = ? AND date BETWEEN ? AND ? "
                                "ORDER BY hlc, device_id, id");
    st.bind(1, centre);
    st.bind(2, from);
    st.bind(3, to);
    while (st.executeStep()) {
      StoredEvent s;
      s.centre_id = centre;
      s.kiosk_id = st.getColumn(0).getString();
      s.date = st.getColumn(1).getString();
      s.received = st.getColumn(2).getInt64();
      s.e = read_event_row(st, 3);
      out.push_back(std::move(s));
    }
    return out;
  });
}

std::vector<std::pair<std::string, std::string>> ServerStore::last_seen(const std::string& centre) const {
  std::lock_guard lock(m->mu);
  return guarded("reading events", [&] {
    std::vector<std::pair<std::string, std::string>> out;
    SQLite::Statement st(m->db, "SELECT p.id, COALESCE((SELECT MAX(e.date) FROM events e WHERE e.centre_id = p.centre_id "
                                "AND e.participant_id = p.id AND e.type = 'check_in'), '') FROM participants p "
                                "WHERE p.centre_id = ? AND p.active = 1");
    st.bind(1, centre);
    while (st.executeStep()) out.emplace_back(st.getColumn(0).getString(), st.getColumn(1).getString());
    return out;
  });
}

std::int64_t ServerStore::event_count(const std::string& centre) const {
  std::lock_guard lock(m->mu);
  return guarded("counting events", [&] {
    SQLite::Statement st(m->db, "SELECT COUNT(*) FROM events WHERE ?1 = '' OR centre_id = ?1");
    st.bind(1, centre);
    st.executeStep();
    return st.getColumn(0).getInt64();
  });
}

std::string ServerStore::integrity_check() const {
  std::lock_guard lock(m->mu);
  return guarded("checking the database", [&] { return m->db.execAndGet("PRAGMA integrity_check").getString(); });
}

}  // namespace meedoen::server

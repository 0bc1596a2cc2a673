// meedoen-server's tables on SQLite and on PostgreSQL. SQLite keeps its history (version 1 and
// the migrations after it); a new PostgreSQL database starts at the current version. Every
// text column on PostgreSQL compares byte by byte (COLLATE "C"), as SQLite's do: fold-order keys
// (hlc|device|id) and sorted lists come out the same on both, whatever the cluster's locale.
#include "server/store_schema.hpp"

#include <iterator>

#include "server/server_store.hpp"

namespace meedoen::server {

namespace {

// [SECTION] SQLite

constexpr const char* kSqliteSchema = R"sql(
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
-- Append-only; rev is the pull cursor for events (since schema 3 drawn from counter 'rev').
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

// Version 4 on both databases (the same DDL).
constexpr const char* kKioskReplacesColumn = "ALTER TABLE kiosks ADD COLUMN replaces TEXT NOT NULL DEFAULT '';\n";

// Schema changes after version 1, in order: kSqliteMigrations[i] takes a database from version
// i + 1 to i + 2. A database is brought up one step at a time in the transaction that opens it.
constexpr const char* kSqliteMigrations[] = {
    // 2: what a real centre needs on the server. Coaches log in with a PIN that travels to the
    // kiosks as an argon2id hash (pin_key: the fold-order key of the change that set it, so the
    // last change wins as with activities). Participants carry their agreements from the roster
    // or a coach's change (agreements_key: likewise).
    R"sql(
ALTER TABLE coaches ADD COLUMN pin_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE coaches ADD COLUMN pin_key TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN start_date TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN end_date TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN agreed_parts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE participants ADD COLUMN talk_every_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE participants ADD COLUMN agreed_minutes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE participants ADD COLUMN show_agreed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE participants ADD COLUMN photo_consent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE participants ADD COLUMN agreements_key TEXT NOT NULL DEFAULT '';
)sql",
    // 3: an event's rev is drawn from the counter in its write transaction, as the roster's revs
    // are (not from the rowid): one rule for both databases. The counter moves past every event
    // rev handed out so far, so the cursors kiosks hold stay valid (no event twice, none skipped).
    R"sql(
UPDATE counter SET value = MAX(value, (SELECT COALESCE(MAX(rev), 0) FROM events)) WHERE name = 'rev';
)sql",
    // 4: one device id per live kiosk. A kiosk made to replace another (enrol-kiosk --replace)
    // names it; its enrolment revokes that kiosk and takes over its device id.
    kKioskReplacesColumn,
};
static_assert(std::size(kSqliteMigrations) == kServerSchema - 1, "one migration per schema version after 1");

void migrate_sqlite(db::Connection& c) {
  db::Transaction tx(c, db::Mode::Write);
  int version = schema_version(c);
  c.script(kSqliteSchema);  // version 1 (or nothing, on a new file: then it is version 1 now)
  for (version = std::max(version, 1); version < kServerSchema; ++version) {
    // 4 adds a column; a database whose version number was set back by hand may have it already.
    if (version == 3 && static_cast<int>(c.one("SELECT COUNT(*) FROM pragma_table_info('kiosks') WHERE name = "
                                               "'replaces'")) > 0)
      continue;
    c.script(kSqliteMigrations[version - 1]);
  }
  c.script("PRAGMA user_version = " + std::to_string(kServerSchema));
  tx.commit();
}

// [SECTION] PostgreSQL

constexpr const char* kPostgresSchema = R"sql(
CREATE TABLE schema_version (version INTEGER NOT NULL);
CREATE TABLE counter (name TEXT COLLATE "C" PRIMARY KEY, value BIGINT NOT NULL);
INSERT INTO counter VALUES ('rev', 0);
CREATE TABLE centres (id TEXT COLLATE "C" PRIMARY KEY, name TEXT COLLATE "C" NOT NULL, created_ms BIGINT NOT NULL);
CREATE TABLE kiosks (
  id TEXT COLLATE "C" PRIMARY KEY, centre_id TEXT COLLATE "C" NOT NULL REFERENCES centres (id),
  name TEXT COLLATE "C" NOT NULL, code_hash TEXT COLLATE "C" UNIQUE, code_expires_ms BIGINT,
  token_hash TEXT COLLATE "C" UNIQUE, device_id TEXT COLLATE "C", enrolled_ms BIGINT,
  revoked INTEGER NOT NULL DEFAULT 0, last_seq BIGINT NOT NULL DEFAULT 0, gaps BIGINT NOT NULL DEFAULT 0,
  seq_reused BIGINT NOT NULL DEFAULT 0, last_seen_ms BIGINT, replaces TEXT COLLATE "C" NOT NULL DEFAULT '');
CREATE TABLE readers (id TEXT COLLATE "C" PRIMARY KEY, name TEXT COLLATE "C" NOT NULL,
  centre_id TEXT COLLATE "C" NOT NULL, token_hash TEXT COLLATE "C" NOT NULL UNIQUE);
CREATE TABLE participants (
  id TEXT COLLATE "C" PRIMARY KEY, centre_id TEXT COLLATE "C" NOT NULL REFERENCES centres (id),
  first_name TEXT COLLATE "C" NOT NULL, last_name TEXT COLLATE "C" NOT NULL, card_code TEXT COLLATE "C",
  pin_hash TEXT COLLATE "C" NOT NULL DEFAULT '', language TEXT COLLATE "C" NOT NULL DEFAULT '',
  mandatory INTEGER NOT NULL DEFAULT 0, coach_id TEXT COLLATE "C" NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1, rev BIGINT NOT NULL,
  start_date TEXT COLLATE "C" NOT NULL DEFAULT '', end_date TEXT COLLATE "C" NOT NULL DEFAULT '',
  agreed_parts BIGINT NOT NULL DEFAULT 0, talk_every_days INTEGER NOT NULL DEFAULT 0,
  agreed_minutes INTEGER NOT NULL DEFAULT 0, show_agreed INTEGER NOT NULL DEFAULT 0,
  photo_consent INTEGER NOT NULL DEFAULT 0, agreements_key TEXT COLLATE "C" NOT NULL DEFAULT '');
CREATE INDEX participants_rev ON participants (centre_id, rev);
CREATE TABLE coaches (id TEXT COLLATE "C" PRIMARY KEY, centre_id TEXT COLLATE "C" NOT NULL REFERENCES centres (id),
  name TEXT COLLATE "C" NOT NULL, active INTEGER NOT NULL DEFAULT 1, rev BIGINT NOT NULL,
  pin_hash TEXT COLLATE "C" NOT NULL DEFAULT '', pin_key TEXT COLLATE "C" NOT NULL DEFAULT '');
CREATE INDEX coaches_rev ON coaches (centre_id, rev);
CREATE TABLE activities (id TEXT COLLATE "C" PRIMARY KEY,
  centre_id TEXT COLLATE "C" NOT NULL REFERENCES centres (id), body TEXT COLLATE "C" NOT NULL,
  active INTEGER NOT NULL DEFAULT 1, rev BIGINT NOT NULL);
CREATE INDEX activities_rev ON activities (centre_id, rev);
CREATE TABLE settings (centre_id TEXT COLLATE "C" NOT NULL REFERENCES centres (id), key TEXT COLLATE "C" NOT NULL,
  value TEXT COLLATE "C" NOT NULL, rev BIGINT NOT NULL, PRIMARY KEY (centre_id, key));
-- Append-only; rev is drawn from counter 'rev' in the write transaction, never from a sequence:
-- a sequence hands out numbers at insert, not at commit (docs/sync-protocol.md).
CREATE TABLE events (
  rev BIGINT PRIMARY KEY, id TEXT COLLATE "C" NOT NULL UNIQUE, centre_id TEXT COLLATE "C" NOT NULL,
  kiosk_id TEXT COLLATE "C" NOT NULL, device_id TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL,
  wall_ms BIGINT NOT NULL, hlc TEXT COLLATE "C" NOT NULL, type TEXT COLLATE "C" NOT NULL,
  participant_id TEXT COLLATE "C" NOT NULL, date TEXT COLLATE "C" NOT NULL, payload TEXT COLLATE "C" NOT NULL,
  received_ms BIGINT NOT NULL, flags TEXT COLLATE "C" NOT NULL DEFAULT '');
CREATE INDEX events_centre ON events (centre_id, rev);
CREATE INDEX events_device_seq ON events (device_id, seq);
CREATE INDEX events_date ON events (centre_id, date);
CREATE TABLE rejections (id TEXT COLLATE "C" PRIMARY KEY, kiosk_id TEXT COLLATE "C" NOT NULL,
  reason TEXT COLLATE "C" NOT NULL, received_ms BIGINT NOT NULL, body TEXT COLLATE "C" NOT NULL);
)sql";

// Changes after version 3 (the first on PostgreSQL), one per version, as on SQLite:
// kPostgresMigrations[i] takes a database from version i + 3 to i + 4.
constexpr const char* kPostgresMigrations[] = {
    kKioskReplacesColumn,  // 4
};
constexpr int kFirstPostgresSchema = 3;
static_assert(std::size(kPostgresMigrations) == kServerSchema - kFirstPostgresSchema,
              "one migration per schema version after 3");

void migrate_postgres(db::Connection& c) {
  db::Transaction tx(c, db::Mode::Write);  // the writer lock: two servers starting at once migrate once
  const int version = schema_version(c);
  if (version == 0) {
    c.script(kPostgresSchema);
    c.run("INSERT INTO schema_version (version) VALUES (?)", kServerSchema);
  } else if (version < kServerSchema) {
    for (int v = version; v < kServerSchema; ++v) c.script(kPostgresMigrations[v - kFirstPostgresSchema]);
    c.run("UPDATE schema_version SET version = ?", kServerSchema);
  }
  tx.commit();
}

}  // namespace

int schema_version(db::Connection& c) {
  if (c.backend() == db::Backend::Sqlite) return static_cast<int>(c.one("PRAGMA user_version"));
  if (static_cast<int>(c.one("SELECT COUNT(*) FROM pg_tables WHERE tablename = 'schema_version' AND "
                             "schemaname = current_schema()")) == 0)
    return 0;
  return static_cast<int>(c.one("SELECT COALESCE(MAX(version), 0) FROM schema_version"));
}

db::Schema store_schema(const std::string& name) {
  db::Schema s;
  s.check = [name](db::Connection& c) {
    const int version = schema_version(c);
    if (version > kServerSchema)
      throw ServerError("the database " + name + " was written by a newer meedoen-server (schema " +
                        std::to_string(version) + "); nothing was changed");
  };
  s.migrate = [](db::Connection& c) {
    if (c.backend() == db::Backend::Sqlite) migrate_sqlite(c);
    else migrate_postgres(c);
  };
  return s;
}

const std::vector<std::string>& store_tables() {
  static const std::vector<std::string> tables{"counter", "centres",    "kiosks",   "readers", "participants",
                                               "coaches", "activities", "settings", "events",  "rejections"};
  return tables;
}

}  // namespace meedoen::server

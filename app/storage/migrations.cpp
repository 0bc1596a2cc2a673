// Schema history. Append a migration, never edit one that has shipped.
#include "storage/migrations.hpp"

#include <SQLiteCpp/Transaction.h>

#include <array>
#include <string>

#include "storage/projection.hpp"
#include "storage/store.hpp"

namespace meedoen::storage {

namespace {

// Index i brings the schema from version i to i + 1.
constexpr std::array<const char*, kSchemaVersion> kMigrations{
    // 0 -> 1: the journal, the device's identity and the first read models.
    R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

-- Append-only: rows are inserted, and only synced_at ever changes.
CREATE TABLE events (
  id             TEXT PRIMARY KEY,
  device_id      TEXT NOT NULL,
  seq            INTEGER NOT NULL,
  wall_ms        INTEGER NOT NULL,
  hlc            TEXT NOT NULL,
  type           TEXT NOT NULL,
  participant_id TEXT,
  payload        TEXT NOT NULL,
  synced_at      INTEGER,
  UNIQUE (device_id, seq)
);
CREATE INDEX events_unsynced ON events (seq) WHERE synced_at IS NULL;
CREATE INDEX events_participant ON events (participant_id, wall_ms);

CREATE TABLE participants (
  id          TEXT PRIMARY KEY,
  first_name  TEXT NOT NULL,
  last_name   TEXT NOT NULL,
  card_code   TEXT UNIQUE,
  pin_hash    TEXT NOT NULL DEFAULT '',
  language    TEXT NOT NULL DEFAULT '',
  mandatory   INTEGER NOT NULL DEFAULT 0,
  coach_id    TEXT NOT NULL DEFAULT '',
  active      INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE coaches (id TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE activities (
  id          TEXT PRIMARY KEY,
  title       TEXT NOT NULL,
  icon        TEXT NOT NULL DEFAULT '',
  weekday     INTEGER NOT NULL,
  dagdeel     TEXT NOT NULL,
  start_min   INTEGER NOT NULL,
  end_min     INTEGER NOT NULL,
  place       TEXT NOT NULL DEFAULT '',
  leader      TEXT NOT NULL DEFAULT '',
  capacity    INTEGER NOT NULL DEFAULT 0,
  volunteer_work INTEGER NOT NULL DEFAULT 0
);

-- Read model derived from check_in / check_out events.
CREATE TABLE attendance (
  check_in_event  TEXT PRIMARY KEY REFERENCES events (id),
  participant_id  TEXT NOT NULL,
  date            TEXT NOT NULL,
  dagdeel         TEXT NOT NULL,
  check_in_ms     INTEGER NOT NULL,
  check_out_ms    INTEGER,
  check_out_event TEXT REFERENCES events (id)
);
CREATE INDEX attendance_by_date ON attendance (date, participant_id);
)sql",
    // 1 -> 2: participant flows. Every event gets its fold subject (docs/events.md), and the
    // read models derived by the folds in core/journal.hpp.
    R"sql(
ALTER TABLE events ADD COLUMN subject TEXT NOT NULL DEFAULT '';
UPDATE events SET subject = COALESCE('attendance/' || participant_id || '/' || json_extract(payload, '$.date'), '')
  WHERE type IN ('check_in', 'check_out') AND json_valid(payload);
CREATE INDEX events_subject ON events (subject, hlc) WHERE subject <> '';

ALTER TABLE attendance ADD COLUMN auto_closed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE attendance ADD COLUMN answered INTEGER NOT NULL DEFAULT 0;
ALTER TABLE attendance ADD COLUMN proposed_end_ms INTEGER;
CREATE INDEX attendance_by_participant ON attendance (participant_id, date);
CREATE INDEX attendance_open ON attendance (date) WHERE check_out_ms IS NULL;

ALTER TABLE participants ADD COLUMN agreed_minutes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE participants ADD COLUMN show_agreed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE participants ADD COLUMN photo_consent INTEGER NOT NULL DEFAULT 0;

CREATE TABLE signups (
  activity_id       TEXT NOT NULL,
  date              TEXT NOT NULL,
  participant_id    TEXT NOT NULL,
  signed_at_ms      INTEGER NOT NULL,
  placed            INTEGER NOT NULL,
  waiting_position  INTEGER NOT NULL,
  from_waiting_list INTEGER NOT NULL,
  PRIMARY KEY (activity_id, date, participant_id)
) WITHOUT ROWID;
CREATE INDEX signups_by_date ON signups (date);
CREATE INDEX signups_by_participant ON signups (participant_id, date);

CREATE TABLE absences (
  event_id       TEXT PRIMARY KEY REFERENCES events (id),
  participant_id TEXT NOT NULL,
  date           TEXT NOT NULL,
  dagdeel        TEXT NOT NULL,
  reason         TEXT NOT NULL
);
CREATE INDEX absences_by_participant ON absences (participant_id, date);
CREATE INDEX absences_by_date ON absences (date);

CREATE TABLE hours (
  event_id         TEXT PRIMARY KEY REFERENCES events (id),
  participant_id   TEXT NOT NULL,
  date             TEXT NOT NULL,
  place            TEXT NOT NULL,
  minutes          INTEGER NOT NULL,
  approved_minutes INTEGER NOT NULL DEFAULT 0,
  status           TEXT NOT NULL,
  logged_at_ms     INTEGER NOT NULL
);
CREATE INDEX hours_by_participant ON hours (participant_id, date);
CREATE INDEX hours_waiting ON hours (status) WHERE status = 'waiting';

CREATE TABLE volunteer_places (id TEXT PRIMARY KEY, name TEXT NOT NULL, icon TEXT NOT NULL DEFAULT '');
CREATE TABLE appointments (
  id             TEXT PRIMARY KEY,
  participant_id TEXT NOT NULL,
  at_ms          INTEGER NOT NULL,
  title          TEXT NOT NULL,
  icon           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX appointments_by_participant ON appointments (participant_id, at_ms);
)sql",
    // 2 -> 3: coach mode. Coaches log in with a PIN, kept only as an argon2id hash ('' = no PIN
    // yet: that coach cannot log in on this kiosk).
    R"sql(
ALTER TABLE coaches ADD COLUMN pin_hash TEXT NOT NULL DEFAULT '';
)sql",
    // 3 -> 4: the coach's participant page, the ladder and the programme editor. Agreements come
    // with the roster; the coach's records are read models of their events (docs/events.md).
    R"sql(
ALTER TABLE participants ADD COLUMN start_date TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN end_date TEXT NOT NULL DEFAULT '';
ALTER TABLE participants ADD COLUMN talk_every_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE participants ADD COLUMN agreed_parts INTEGER NOT NULL DEFAULT 0;

ALTER TABLE attendance ADD COLUMN by_coach INTEGER NOT NULL DEFAULT 0;
ALTER TABLE activities ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE activities ADD COLUMN date TEXT NOT NULL DEFAULT '';  -- '' = weekly; else once, on this date

CREATE TABLE ladder (
  event_id       TEXT PRIMARY KEY REFERENCES events (id),
  participant_id TEXT NOT NULL,
  date           TEXT NOT NULL,
  moment         TEXT NOT NULL,
  rung           INTEGER NOT NULL,
  progress       INTEGER NOT NULL,
  areas          TEXT NOT NULL,
  coach_id       TEXT NOT NULL,
  at_ms          INTEGER NOT NULL
);
CREATE INDEX ladder_by_participant ON ladder (participant_id, date);
CREATE INDEX ladder_by_date ON ladder (date);

CREATE TABLE notes (
  event_id       TEXT PRIMARY KEY REFERENCES events (id),
  participant_id TEXT NOT NULL,
  date           TEXT NOT NULL,
  text           TEXT NOT NULL,
  talk           INTEGER NOT NULL,
  coach_id       TEXT NOT NULL,
  at_ms          INTEGER NOT NULL
);
CREATE INDEX notes_by_participant ON notes (participant_id, date);

CREATE TABLE exits (
  event_id       TEXT PRIMARY KEY REFERENCES events (id),
  participant_id TEXT NOT NULL,
  date           TEXT NOT NULL,
  reason         TEXT NOT NULL,
  coach_id       TEXT NOT NULL,
  at_ms          INTEGER NOT NULL
);
CREATE INDEX exits_by_date ON exits (date);
)sql",
    // 4 -> 5: the sync worker's tables (device token, pull cursor; events the server refused).
    // Kiosks that synced at version 4 have them already: SyncStore created them then, outside
    // the migrations, hence IF NOT EXISTS here (and only here).
    R"sql(
CREATE TABLE IF NOT EXISTS sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sync_rejected (event_id TEXT PRIMARY KEY, reason TEXT NOT NULL, at_ms INTEGER NOT NULL);
)sql",
    // 5 -> 6 (issue 14): PIN guards that survive a restart (local state, never synced): the coach
    // pad's wrong count, locks and lock end (participant_id ''), and each participant's PIN pause;
    // and the flags of events stamped by a clock far off.
    R"sql(
CREATE TABLE lockouts (
  participant_id TEXT PRIMARY KEY,
  wrong          INTEGER NOT NULL,
  locks          INTEGER NOT NULL,
  until_ms       INTEGER NOT NULL
) WITHOUT ROWID;
-- Other kiosks' events stamped by a clock far ahead (core::kMaxClockDrift): flagged by the
-- server in a pull ("clock_off") or found so here on arrival. Kept, and listed for the coach.
CREATE TABLE clock_flags (
  event_id    TEXT PRIMARY KEY REFERENCES events (id),
  by_server   INTEGER NOT NULL,
  received_ms INTEGER NOT NULL
) WITHOUT ROWID;
)sql",
    // 6 -> 7: the participant did not know when they left a forgotten check-out (checkout_unknown).
    // No earlier event sets it, so nothing needs projecting again.
    R"sql(
ALTER TABLE attendance ADD COLUMN end_unknown INTEGER NOT NULL DEFAULT 0;
)sql",
    // 7 -> 8 (issue 17): every page a check-in writes is fsynced before the screen confirms, so
    // the attendance read model keeps only the b-trees a read needs. It is stored in the order the
    // kiosk reads and writes it: by date (Today, the open check-in of a participant today, the
    // projection of one subject), so a check-in appends at the end of one b-tree instead of writing
    // a rowid table, its primary key and three indexes. Dropped: attendance_by_date (the key now),
    // the check_in_event key (the event's own key is in events; the fold finds it under its subject),
    // and attendance_open (only the rare closing of forgotten check-outs read it: once per dagdeel,
    // a scan of this table in the page cache). Same columns, same order, same rows.
    R"sql(
CREATE TABLE attendance_by_day (
  check_in_event  TEXT NOT NULL REFERENCES events (id),
  participant_id  TEXT NOT NULL,
  date            TEXT NOT NULL,
  dagdeel         TEXT NOT NULL,
  check_in_ms     INTEGER NOT NULL,
  check_out_ms    INTEGER,
  check_out_event TEXT REFERENCES events (id),
  auto_closed     INTEGER NOT NULL DEFAULT 0,
  answered        INTEGER NOT NULL DEFAULT 0,
  proposed_end_ms INTEGER,
  by_coach        INTEGER NOT NULL DEFAULT 0,
  end_unknown     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (date, participant_id, check_in_event)
) WITHOUT ROWID;
INSERT INTO attendance_by_day (check_in_event, participant_id, date, dagdeel, check_in_ms, check_out_ms,
  check_out_event, auto_closed, answered, proposed_end_ms, by_coach, end_unknown)
  SELECT check_in_event, participant_id, date, dagdeel, check_in_ms, check_out_ms, check_out_event, auto_closed,
  answered, proposed_end_ms, by_coach, end_unknown FROM attendance;
DROP TABLE attendance;
ALTER TABLE attendance_by_day RENAME TO attendance;
-- A participant's days (their home screen, the coach's page, last seen): covering for the counts.
CREATE INDEX attendance_by_participant ON attendance (participant_id, date);
)sql",
    // 8 -> 9 (issue 17): the journal's two lookup indexes become one for a tap. A check-in or
    // check-out wrote both events_participant and events_subject; the events of an attendance subject
    // ("attendance/<participant>/<date>") are all of one participant, so they are found under the
    // participant, in an events_participant that also holds the subject and the stamp (and wall_ms:
    // it stays covering for the go-live date), and events_subject keeps the other subjects only
    // (sign-ups of an activity, the programme, coaches, agreements, ...). Same rows, indexes rebuilt.
    R"sql(
DROP INDEX events_participant;
CREATE INDEX events_participant ON events (participant_id, subject, hlc, wall_ms);
DROP INDEX events_subject;
CREATE INDEX events_subject ON events (subject, hlc) WHERE subject <> '' AND subject NOT GLOB 'attendance/*';
)sql",
    // 9 -> 10 (issue 17): no index of unsent events. Every tap wrote a page of it, and the outbox
    // is found without it: this device's unsent events all come after its pushed-through seq (the
    // sync's cursor in sync_state, storage/sync_store), on the (device_id, seq) key.
    R"sql(
DROP INDEX IF EXISTS events_unsynced;
)sql",
    // 10 -> 11 (issue 17): each name's sort key (core::collation_key), made when a name is new or
    // changed (storage/rows: keep_sort_keys, also at the store's open for the rows this leaves
    // NULL), so the roster is sorted without opening ICU's collation data at every start.
    R"sql(
ALTER TABLE participants ADD COLUMN sort_key BLOB;
)sql",
};

}  // namespace

void refuse_newer_schema(SQLite::Database& db) {
  const int version = db.execAndGet("PRAGMA user_version").getInt();
  if (version > kSchemaVersion) {
    throw SchemaTooNew("The database " + db.getFilename() + " has schema version " + std::to_string(version) +
                       ", but this Meedoen knows only up to version " + std::to_string(kSchemaVersion) +
                       ". It was written by a newer Meedoen: install that version, or use another "
                       "database file. Nothing was changed.");
  }
}

void migrate(SQLite::Database& db) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  refuse_newer_schema(db);  // again inside the transaction: another process may have migrated
  const int version = db.execAndGet("PRAGMA user_version").getInt();
  for (int v = version; v < kSchemaVersion; ++v) db.exec(kMigrations[static_cast<std::size_t>(v)]);
  // Read models that version 2 added or widened are derived from the events already there.
  if (version >= 1 && version < 2) project_all(db);
  if (version != kSchemaVersion) db.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
  tx.commit();
}

}  // namespace meedoen::storage

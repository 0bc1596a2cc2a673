// Statements kept per connection, and the row writers shared by Store and SyncStore.
#include "storage/rows.hpp"

#include "core/collate.hpp"

namespace meedoen::storage {

SQLite::Statement& Statements::operator()(std::string_view sql) {
  auto found = m_kept.find(sql);
  if (found == m_kept.end())
    found = m_kept.emplace(std::string(sql), std::make_unique<SQLite::Statement>(m_db, std::string(sql))).first;
  SQLite::Statement* kept = found->second.get();
  kept->reset();
  kept->clearBindings();
  return *kept;
}

namespace {

void run_kept(Statements& sql, const char* text) {
  SQLite::Statement& st = sql(text);
  st.exec();
  st.reset();
}

}  // namespace

WriteTransaction::WriteTransaction(Statements& sql) : m_sql(sql) {
  run_kept(m_sql, "BEGIN IMMEDIATE");
  m_open = true;
}

WriteTransaction::~WriteTransaction() {
  if (!m_open) return;
  try {
    m_sql.db().exec("ROLLBACK");
  } catch (...) {  // as SQLite::Transaction: a destructor does not throw
  }
}

void WriteTransaction::commit() {
  run_kept(m_sql, "COMMIT");
  m_open = false;
}

void upsert_activity(SQLite::Database& db, const core::Activity& a) {
  SQLite::Statement st(
      db,
      "INSERT OR REPLACE INTO activities (id, title, icon, weekday, dagdeel, start_min, end_min, place, "
      "leader, capacity, volunteer_work, active, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::bind(st, a.id, a.title, a.icon, a.weekday, core::dagdeel_key(a.dagdeel), a.start, a.end, a.place, a.leader,
               a.capacity, a.volunteer_work, a.active, a.date);
  st.exec();
}

const char* const kUpsertParticipant =
    "INSERT INTO participants (id, first_name, last_name, card_code, pin_hash, language, mandatory, coach_id, "
    "active, start_date, end_date, agreed_parts, talk_every_days, agreed_minutes, show_agreed, photo_consent) "
    "VALUES (?, ?, ?, NULLIF(?, ''), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
    "first_name = excluded.first_name, last_name = excluded.last_name, card_code = excluded.card_code, "
    "pin_hash = excluded.pin_hash, language = excluded.language, mandatory = excluded.mandatory, "
    "coach_id = excluded.coach_id, active = excluded.active, start_date = excluded.start_date, "
    "end_date = excluded.end_date, agreed_parts = excluded.agreed_parts, talk_every_days = excluded.talk_every_days, "
    "agreed_minutes = excluded.agreed_minutes, show_agreed = excluded.show_agreed, "
    "photo_consent = excluded.photo_consent, "
    "sort_key = CASE WHEN first_name = excluded.first_name AND last_name = excluded.last_name THEN sort_key END";

void bind_participant(SQLite::Statement& st, const core::Participant& p, const std::string& pin_hash, bool active) {
  st.reset();
  SQLite::bind(st, p.id, p.first_name, p.last_name, p.card_code, pin_hash, p.language, p.mandatory, p.coach_id, active,
               p.start_date, p.end_date, static_cast<std::int64_t>(p.agreed_parts), p.talk_every_days,
               p.agreed_minutes_per_week, p.show_agreed_hours, p.photo_consent);
}

namespace {
std::string sort_keys_version(SQLite::Database& db) {
  const auto v = query_rows(db, "SELECT value FROM meta WHERE key = 'collation'", columns<std::string, 1>);
  return v.empty() ? std::string() : v.front();
}
}  // namespace

bool sort_keys_current(SQLite::Database& db) { return sort_keys_version(db) == core::collation_version(); }

void keep_sort_keys(SQLite::Database& db) {
  if (!sort_keys_current(db)) {
    db.exec("UPDATE participants SET sort_key = NULL");
    SQLite::Statement made_by(
        db,
        "INSERT INTO meta (key, value) VALUES ('collation', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    SQLite::bind(made_by, core::collation_version());
    made_by.exec();
  }
  const auto missing =
      query_rows(db, "SELECT id, first_name || ' ' || last_name FROM participants WHERE sort_key IS NULL",
                 columns<std::pair<std::string, std::string>, 2>);
  SQLite::Statement put(db, "UPDATE participants SET sort_key = ? WHERE id = ?");
  for (const auto& [id, name] : missing) {
    const std::string key = core::collation_key(name);
    if (key.empty()) continue;  // no collation here now (core/collate): made at a later open
    put.reset();
    put.bind(1, key.data(), static_cast<int>(key.size()));
    put.bind(2, id);
    put.exec();
  }
}

}  // namespace meedoen::storage

// Statements kept per connection, and the row writers shared by Store and SyncStore.
#include "storage/rows.hpp"

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

}  // namespace meedoen::storage

// Row mapping for every store (Store, SyncStore, meedoen-server's store): parameters are bound
// with SQLiteCpp's SQLite::bind and rows read with Statement::getColumns where the row type is
// made of plain values; query_rows below runs a query and maps its rows either way. Also the row
// writers shared by Store and SyncStore (two connections, one schema), so a table is written one
// way. Internal to storage: it speaks SQLiteCpp.
#pragma once
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/VariadicBind.h>

#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "core/model.hpp"

namespace meedoen::storage {

// [SECTION] Statements kept

// The prepared statements of one connection, each prepared on its first use and kept for the
// connection's life. Parsing and planning a statement cost a check-in more than running it (issue
// 17: a third of the tap's CPU went to SQLite's parser), so the statements the writes and the
// screens' reads run again and again are prepared once. Used by the thread that uses the connection.
class Statements {
 public:
  explicit Statements(SQLite::Database& db) : m_db(db) {}
  SQLite::Database& db() { return m_db; }
  // The statement of this SQL, reset and with no values bound. The caller steps it to its end or
  // resets it (query_rows does both), and does not ask for the same SQL while it still steps it.
  SQLite::Statement& operator()(std::string_view sql);

 private:
  // Found by the text as given: no copy of it is made to look it up.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  SQLite::Database& m_db;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>, TextHash, std::equal_to<>> m_kept;
};

// A write transaction (BEGIN IMMEDIATE, as SQLite::Transaction) whose BEGIN and COMMIT are among
// the connection's kept statements: SQLite::Transaction parses both on every use, a few per cent of
// a tap's CPU (issue 17). Rolled back when it goes out of scope uncommitted.
class WriteTransaction {
 public:
  explicit WriteTransaction(Statements& sql);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  void commit();

 private:
  Statements& m_sql;
  bool m_open = false;
};

// [SECTION] Reading rows

// A mapper for query_rows: the first N columns as a Row built from them in order (a struct of
// strings and numbers, a std::pair, or one value). Rows with flags or enums get a mapper of
// their own (SQLite has neither), most of them one aggregate of columns in member order.
template <class Row, int N>
Row columns(SQLite::Statement& st) {
  if constexpr (N == 1) {
    // Not getColumns: it builds Row{column}, and std::string{column} is a string of one char
    // (the initializer-list constructor wins, through Column's conversion to char).
    Row value = st.getColumn(0);
    return value;
  } else {
    return st.getColumns<Row, N>();
  }
}

// A 0/1 column as a flag, for the mappers of rows getColumns cannot build (SQLite has no bool).
inline bool flag(SQLite::Statement& st, int i) { return st.getColumn(i).getInt() != 0; }

// An enum stored by its key; `fallback` (the struct's default) for a key this version does not know.
template <class E>
E key_at(SQLite::Statement& st, int i, bool (*from_key)(const std::string&, E&), E fallback) {
  from_key(st.getColumn(i).getString(), fallback);
  return fallback;
}
inline core::Dagdeel dagdeel_at(SQLite::Statement& st, int i) {
  return key_at(st, i, core::dagdeel_from_key, core::Dagdeel::Morning);
}

// Binds args in order and returns map(st) for every row. st may be a kept statement: it is
// reset before and after, also when map throws, so a statement left mid-step keeps no read
// snapshot open (that would block checkpoints and show this connection an old journal).
template <class Map, class... Args>
auto query_rows(SQLite::Statement& st, Map&& map, const Args&... args) {
  struct ResetAfter {
    SQLite::Statement& st;
    ~ResetAfter() { st.tryReset(); }
  } reset_after{st};
  std::vector<std::decay_t<std::invoke_result_t<Map&, SQLite::Statement&>>> out;
  st.reset();
  SQLite::bind(st, args...);
  while (st.executeStep()) out.push_back(map(st));
  return out;
}

// The same for a statement used once.
template <class Map, class... Args>
auto query_rows(SQLite::Database& db, const std::string& sql, Map&& map, const Args&... args) {
  SQLite::Statement st(db, sql);
  return query_rows(st, map, args...);
}

// The same for a kept statement.
template <class Map, class... Args>
auto query_rows(Statements& kept, std::string_view sql, Map&& map, const Args&... args) {
  return query_rows(kept(sql), map, args...);
}

// [SECTION] Writing rows

// Inserts or replaces one activity of the weekly programme.
void upsert_activity(SQLite::Database& db, const core::Activity& a);

// Inserts or updates one participant (a local save, a pulled row: one statement for both). The
// name's sort key is kept while the name stays, else set to NULL for keep_sort_keys to make again.
// `card_code` "" is stored as NULL (UNIQUE: many have none). Prepare kUpsertParticipant once per
// batch and bind each row with bind_participant.
extern const char* const kUpsertParticipant;
void bind_participant(SQLite::Statement& st, const core::Participant& p, const std::string& pin_hash, bool active);

// Every participant whose name has no sort key (participants.sort_key, core::collation_key of
// "first last") gets one; all get a new one when this ICU is not the one that made them (meta
// "collation"). ICU's collation data is opened only when there is a key to make, so a kiosk that
// starts on a roster it has sorted before never opens it (issue 17). The caller holds the write
// transaction.
void keep_sort_keys(SQLite::Database& db);
// Whether the kept keys were made by this ICU (else a reader ignores them).
bool sort_keys_current(SQLite::Database& db);

}  // namespace meedoen::storage

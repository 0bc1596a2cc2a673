// meedoen-server's SQL connection behind one small interface, so the store's logic (server_store)
// is written once for both databases: SQLite (SQLiteCpp, the embedded default) and PostgreSQL
// (libpq). SQL is written once with SQLite's parameters (`?` in order, or `?N`); the PostgreSQL
// connection numbers them as `$N`. Values travel as text (PostgreSQL's text format), rows come
// back as text cells that convert to the member types of the row they fill.
#pragma once
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace meedoen::server::db {

enum class Backend { Sqlite, Postgres };

// Any failure of the database. lost: the connection to it went away (PostgreSQL stopped or
// restarted); the next connect() tries again.
struct Error : std::runtime_error {
  explicit Error(const std::string& what, bool connection_lost = false)
      : std::runtime_error(what), lost(connection_lost) {}
  bool lost = false;
};

// One parameter, as text or NULL. A flag is 1 or 0 (both databases keep flags in integer
// columns; PostgreSQL also reads "1" and "0" where a boolean is expected).
class Param {
 public:
  Param(std::nullptr_t) {}  // NOLINT: implicit on purpose, as are the others
  Param(std::string s) : m_value(std::move(s)) {}
  Param(const char* s) : m_value(std::string(s)) {}
  template <class T, std::enable_if_t<std::is_integral_v<T>, int> = 0>
  Param(T v) : m_value(std::is_same_v<T, bool> ? std::string(v ? "1" : "0") : std::to_string(v)), m_integer(true) {}
  const std::optional<std::string>& value() const { return m_value; }
  // SQLite compares an integer and a text as different (1 <> '1'): integers are bound as such.
  bool integer() const { return m_integer; }

 private:
  std::optional<std::string> m_value;
  bool m_integer = false;
};
using Params = std::vector<Param>;

// One cell of a row; converts to the type it initialises (a string, an integer or a flag).
class Cell {
 public:
  explicit Cell(const std::optional<std::string>& v) : m_v(v) {}
  template <class T, std::enable_if_t<std::is_same_v<T, std::string> || std::is_integral_v<T>, int> = 0>
  operator T() const {  // NOLINT: implicit, so Row::as<T, N> can build aggregates
    if constexpr (std::is_same_v<T, std::string>) return m_v ? *m_v : std::string();
    else if constexpr (std::is_same_v<T, bool>) return m_v && (*m_v == "1" || *m_v == "t" || *m_v == "true");
    else return static_cast<T>(m_v ? std::strtoll(m_v->c_str(), nullptr, 10) : 0);
  }

 private:
  const std::optional<std::string>& m_v;
};

class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> cells) : m_cells(std::move(cells)) {}
  Cell operator[](int i) const { return Cell(m_cells.at(static_cast<std::size_t>(i))); }
  std::string text(int i) const { return (*this)[i]; }
  std::int64_t integer(int i) const { return (*this)[i]; }
  bool flag(int i) const { return (*this)[i]; }
  bool null(int i) const { return !m_cells.at(static_cast<std::size_t>(i)).has_value(); }
  std::size_t size() const { return m_cells.size(); }
  // The first N cells as a T built from them in order (a struct of strings, integers and flags,
  // a std::pair, or one value).
  template <class T, int N>
  T as() const {
    if constexpr (N == 1) {
      T value = (*this)[0];
      return value;
    } else {
      return as<T>(std::make_index_sequence<N>{});
    }
  }

 private:
  template <class T, std::size_t... I>
  T as(std::index_sequence<I...>) const {
    return T{(*this)[static_cast<int>(I)]...};
  }
  std::vector<std::optional<std::string>> m_cells;
};

enum class Mode {
  Read,  // one consistent snapshot (SQLite: a deferred transaction; PostgreSQL: repeatable read)
  Write  // excludes other writers until commit (SQLite: BEGIN IMMEDIATE; PostgreSQL: the writer lock)
};

// One session with the database, used by one thread at a time.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Backend backend() const = 0;
  // Runs one statement and returns its rows.
  virtual std::vector<Row> query(const std::string& sql, const Params& params) = 0;
  // Runs one statement and returns how many rows it changed.
  virtual std::int64_t exec(const std::string& sql, const Params& params) = 0;
  // Runs several statements without parameters (schema scripts).
  virtual void script(const std::string& sql) = 0;
  virtual void begin(Mode mode) = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;

  template <class... A>
  std::vector<Row> rows(const std::string& sql, const A&... args) {
    return query(sql, Params{Param(args)...});
  }
  template <class... A>
  std::int64_t run(const std::string& sql, const A&... args) {
    return exec(sql, Params{Param(args)...});
  }
  // The first cell of the first row (a count, a value); fails when there is no row.
  template <class... A>
  Cell one(const std::string& sql, const A&... args) {
    m_last = rows(sql, args...);
    if (m_last.empty()) throw Error("no row from: " + sql);
    return m_last.front()[0];
  }

 private:
  std::vector<Row> m_last;  // keeps one()'s cell alive until the next call
};

// A mapper for query_rows: the first N columns as a T (Row::as).
template <class T, int N>
T columns(const Row& r) {
  return r.as<T, N>();
}

// Runs sql with args and returns map(row) for every row.
template <class Map, class... A>
auto query_rows(Connection& c, const std::string& sql, Map&& map, const A&... args) {
  std::vector<std::decay_t<std::invoke_result_t<Map&, const Row&>>> out;
  for (const Row& r : c.rows(sql, args...)) out.push_back(map(r));
  return out;
}

// A transaction that rolls back unless committed (as SQLite::Transaction).
class Transaction {
 public:
  Transaction(Connection& c, Mode mode) : m_c(c) { m_c.begin(mode); }
  ~Transaction() {
    if (m_open) try {
        m_c.rollback();
      } catch (...) {  // the connection is gone: the database rolled back itself
      }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    m_open = false;
    m_c.commit();
  }

 private:
  Connection& m_c;
  bool m_open = true;
};

// A connection lent for one task; given back when the lease ends.
class Lease {
 public:
  Lease(Connection& c, std::function<void()> give_back) : m_c(&c), m_give_back(std::move(give_back)) {}
  ~Lease() {
    if (m_give_back) m_give_back();
  }
  Lease(Lease&& o) noexcept : m_c(o.m_c), m_give_back(std::exchange(o.m_give_back, nullptr)) {}
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  Lease& operator=(Lease&&) = delete;
  Connection& operator*() const { return *m_c; }
  Connection* operator->() const { return m_c; }

 private:
  Connection* m_c;
  std::function<void()> m_give_back;
};

// What the store runs when it opens a database: check refuses a database it cannot use before
// anything changes it (a newer schema); migrate brings the schema up to date.
struct Schema {
  std::function<void(Connection&)> check;
  std::function<void(Connection&)> migrate;
};

// What a connection is lent for. Read: only reads (SQLite lends one of its reader connections,
// which in WAL mode never wait for the writer; PostgreSQL's pooled connections do both).
enum class Use { Write, Read };

// A database: SQLite (one writing connection lent to one thread at a time, as SQLite has one
// writer anyway, and a few reading ones) or PostgreSQL (a pool of connections, one per busy thread).
class Database {
 public:
  virtual ~Database() = default;
  virtual Backend backend() const = 0;
  // A connection for this thread; waits while all are busy. Throws Error when the database
  // cannot be reached (PostgreSQL down): the caller answers 503 and the next call tries again.
  virtual Lease connect(Use use = Use::Write) = 0;
  // For messages: the file, or the PostgreSQL URI without its password.
  virtual std::string name() const = 0;
};

// Where the database is: "sqlite:PATH", "postgresql://..." or "postgres://..." (a libpq
// connection URI), or a plain PATH (SQLite, as before there was a choice).
struct Location {
  Backend backend = Backend::Sqlite;
  std::string target;  // the path, or the whole URI
};
Location parse_location(const std::string& url);
// The URL without a password (postgresql://user:secret@host/db -> postgresql://user@host/db, and
// a password=... parameter): what logs and messages may show.
std::string redacted(const std::string& url);

// Opens (SQLite: creates) the database and runs schema on it. Throws Error.
std::unique_ptr<Database> open(const std::string& url, const Schema& schema);
std::unique_ptr<Database> open_sqlite(const std::string& path, const Schema& schema);
std::unique_ptr<Database> open_postgres(const std::string& uri, const Schema& schema);

}  // namespace meedoen::server::db

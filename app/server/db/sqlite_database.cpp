// The SQLite side of meedoen-server's database (the embedded default): one file in WAL mode,
// opened with our pragmas by storage::open_database, one connection lent to one thread at a time
// (SQLite admits one writer anyway), prepared statements compiled once and kept.
#include <SQLiteCpp/SQLiteCpp.h>

#include <condition_variable>
#include <mutex>
#include <unordered_map>

#include "server/db/database.hpp"
#include "storage/database.hpp"
#include "storage/store.hpp"

namespace meedoen::server::db {

namespace {

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(SQLite::Database& db) : m_db(db) {}
  Backend backend() const override { return Backend::Sqlite; }

  std::vector<Row> query(const std::string& sql, const Params& params) override {
    return guarded([&] {
      SQLite::Statement& st = prepared(sql, params);
      std::vector<Row> out;
      const int n = st.getColumnCount();
      while (st.executeStep()) {
        std::vector<std::optional<std::string>> cells;
        cells.reserve(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
          const SQLite::Column c = st.getColumn(i);
          if (c.isNull()) cells.emplace_back();
          else cells.emplace_back(c.getString());
        }
        out.emplace_back(std::move(cells));
      }
      st.reset();  // no read snapshot left open (it would block checkpoints)
      return out;
    });
  }

  std::int64_t exec(const std::string& sql, const Params& params) override {
    return guarded([&] {
      SQLite::Statement& st = prepared(sql, params);
      while (st.executeStep()) {}  // a RETURNING clause has rows; they are not wanted here
      st.reset();
      return static_cast<std::int64_t>(m_db.getChanges());
    });
  }

  void script(const std::string& sql) override {
    guarded([&] { return m_db.exec(sql); });
  }
  void begin(Mode mode) override { script(mode == Mode::Write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED"); }
  void commit() override { script("COMMIT"); }
  void rollback() override { script("ROLLBACK"); }

 private:
  template <class F>
  static auto guarded(F&& f) -> decltype(f()) {
    try {
      return f();
    } catch (const SQLite::Exception& e) {
      throw Error(e.what());
    }
  }

  // The statement for sql, compiled once and kept, with params bound (index i + 1: a `?` in
  // order, or `?N`).
  SQLite::Statement& prepared(const std::string& sql, const Params& params) {
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
      if (m_cache.size() > 256) m_cache.clear();  // ad hoc SQL (tests, tools) must not grow it for ever
      it = m_cache.emplace(sql, std::make_unique<SQLite::Statement>(m_db, sql)).first;
    }
    SQLite::Statement& st = *it->second;
    st.reset();
    st.clearBindings();
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int at = static_cast<int>(i) + 1;
      const auto& v = params[i].value();
      if (!v) st.bind(at);
      else if (params[i].integer()) st.bind(at, static_cast<std::int64_t>(std::stoll(*v)));
      else st.bind(at, *v);
    }
    return st;
  }

  SQLite::Database& m_db;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> m_cache;
};

// A connection that only reads, with its own handle on the file (WAL: it reads the last
// committed state and never waits for the writer, nor the writer for it).
struct SqliteReader {
  explicit SqliteReader(const std::string& path) : db(storage::open_database(path, reader_options())), c(db) {}
  static storage::DatabaseOptions reader_options() {
    storage::DatabaseOptions o;
    o.create = false;
    o.cache_kib = 32768;
    o.mmap_bytes = 1073741824;
    o.after_pragmas = [](SQLite::Database& d) { d.exec("PRAGMA query_only = ON"); };
    return o;
  }
  SQLite::Database db;
  SqliteConnection c;
};

constexpr std::size_t kReaders = 4;  // the server's threads that read at the same time, on 2-4 cores

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(const std::string& path, const Schema& schema)
      : m_path(path), m_db(storage::open_database(path, options(schema))), m_connection(m_db) {}
  Backend backend() const override { return Backend::Sqlite; }
  std::string name() const override { return m_path; }
  Lease connect(Use use) override {
    if (use == Use::Read) return reader();
    m_mu.lock();
    return Lease(m_connection, [this] { m_mu.unlock(); });
  }

 private:
  Lease reader() {
    std::unique_lock lock(m_readers_mu);
    m_reader_free.wait(lock, [&] { return !m_idle.empty() || m_readers.size() < kReaders; });
    SqliteReader* r = nullptr;
    if (!m_idle.empty()) {
      r = m_idle.back();
      m_idle.pop_back();
    } else {
      try {
        m_readers.push_back(std::make_unique<SqliteReader>(m_path));
      } catch (const SQLite::Exception& e) {
        throw Error("cannot open the database " + m_path + " for reading: " + e.what());
      }
      r = m_readers.back().get();
    }
    return Lease(r->c, [this, r] {
      std::lock_guard back(m_readers_mu);
      m_idle.push_back(r);
      m_reader_free.notify_one();
    });
  }

  // One file for many centres: a larger cache for the id and seq indexes of millions of events,
  // and reads without a syscall per page. The schema's check runs before anything could change
  // the file (even its journal mode), so a refused file is left as it was.
  static storage::DatabaseOptions options(const Schema& schema) {
    storage::DatabaseOptions o;
    o.cache_kib = 131072;  // 128 MB
    o.mmap_bytes = 1073741824;
    o.before_changes = [check = schema.check](SQLite::Database& db) {
      SqliteConnection c(db);
      if (check) check(c);
    };
    o.after_pragmas = [migrate = schema.migrate](SQLite::Database& db) {
      SqliteConnection c(db);
      if (migrate) migrate(c);
    };
    return o;
  }

  std::string m_path;
  std::mutex m_mu;
  SQLite::Database m_db;
  SqliteConnection m_connection;
  std::mutex m_readers_mu;
  std::condition_variable m_reader_free;
  std::vector<std::unique_ptr<SqliteReader>> m_readers;
  std::vector<SqliteReader*> m_idle;
};

}  // namespace

std::unique_ptr<Database> open_sqlite(const std::string& path, const Schema& schema) {
  try {
    return std::make_unique<SqliteDatabase>(path, schema);
  } catch (const SQLite::Exception& e) {
    throw Error("cannot open the database " + path + ": " + e.what());
  } catch (const storage::StorageError& e) {  // the file cannot switch to WAL mode
    throw Error("cannot open the database " + path + ": " + e.what());
  }
}

}  // namespace meedoen::server::db

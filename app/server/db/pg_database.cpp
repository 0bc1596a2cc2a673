// The PostgreSQL side of meedoen-server's database (libpq): a pool of connections, one per busy
// server thread, each with its statements prepared once; a connection lost (PostgreSQL stopped
// or restarted) is reset at its next use, so the server recovers by itself when the database is
// back. Write transactions take one transaction-level advisory lock, the writer lock: writers
// follow each other as they do on SQLite, so revisions handed out in a write transaction are in
// commit order (docs/sync-protocol.md, "The cursor and commit order").
#include <libpq-fe.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "server/db/database.hpp"

namespace meedoen::server::db {

namespace {

// pg_advisory_xact_lock's key for the writer lock ("Meedoen" in ASCII); advisory locks are per
// database, so two Meedoen databases on one cluster do not share it.
constexpr const char* kWriterLock = "SELECT pg_advisory_xact_lock(21780106575209838)";
constexpr int kPoolSize = 16;

// SQLite's parameters as PostgreSQL's: `?N` becomes `$N`, a bare `?` the next number after the
// largest so far (SQLite's rule). Quoted text is left alone.
std::string dollar_parameters(const std::string& sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int largest = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'') quoted = !quoted;
    if (c != '?' || quoted) {
      out += c;
      continue;
    }
    std::size_t j = i + 1;
    while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') ++j;
    const int n = j > i + 1 ? std::stoi(sql.substr(i + 1, j - i - 1)) : largest + 1;
    largest = std::max(largest, n);
    out += "$" + std::to_string(n);
    i = j - 1;
  }
  return out;
}

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

class PgConnection final : public Connection {
 public:
  explicit PgConnection(const std::string& uri) : m_conn(PQconnectdb(uri.c_str())) {
    if (!m_conn) throw Error("out of memory connecting to PostgreSQL", true);
    PQsetNoticeProcessor(
        m_conn, [](void*, const char*) {}, nullptr);  // "already exists, skipping"
    if (PQstatus(m_conn) != CONNECTION_OK) {
      const std::string why = PQerrorMessage(m_conn);
      PQfinish(m_conn);
      throw Error("cannot connect to PostgreSQL: " + trimmed(why), true);
    }
  }
  ~PgConnection() override { PQfinish(m_conn); }
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;
  Backend backend() const override { return Backend::Postgres; }

  std::vector<Row> query(const std::string& sql, const Params& params) override {
    const Result r = run_prepared(sql, params);
    std::vector<Row> out;
    const int rows = PQntuples(r.get()), cols = PQnfields(r.get());
    out.reserve(static_cast<std::size_t>(rows));
    for (int i = 0; i < rows; ++i) {
      std::vector<std::optional<std::string>> cells;
      cells.reserve(static_cast<std::size_t>(cols));
      for (int j = 0; j < cols; ++j) {
        if (PQgetisnull(r.get(), i, j)) cells.emplace_back();
        else
          cells.emplace_back(
              std::string(PQgetvalue(r.get(), i, j), static_cast<std::size_t>(PQgetlength(r.get(), i, j))));
      }
      out.emplace_back(std::move(cells));
    }
    return out;
  }

  std::int64_t exec(const std::string& sql, const Params& params) override {
    const Result r = run_prepared(sql, params);
    const char* n = PQcmdTuples(r.get());
    return n && *n ? std::strtoll(n, nullptr, 10) : 0;
  }

  void script(const std::string& sql) override { checked(Result(PQexec(m_conn, sql.c_str()), &PQclear), sql); }
  void begin(Mode mode) override {
    script(mode == Mode::Write ? std::string("BEGIN; ") + kWriterLock
                               : std::string("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
  }
  void commit() override { script("COMMIT"); }
  void rollback() override { script("ROLLBACK"); }

  // Ready for a new task: connected, and no transaction left open. A lost connection is reset
  // (libpq reconnects with the same URI); false when the database is still away.
  bool ready() {
    // An idle connection whose server went away (restarted, stopped) has its end of the socket
    // closed: reading what is there notices it now, not in the middle of the next request.
    if (m_lost || PQstatus(m_conn) != CONNECTION_OK || PQconsumeInput(m_conn) == 0) {
      m_prepared.clear();  // a new session has none of them
      m_lost = false;
      PQreset(m_conn);
      if (PQstatus(m_conn) != CONNECTION_OK) return false;
    }
    if (PQtransactionStatus(m_conn) != PQTRANS_IDLE) {
      try {
        rollback();
      } catch (const Error&) {
        return false;
      }
    }
    return true;
  }
  std::string error() const { return trimmed(PQerrorMessage(m_conn)); }

 private:
  // libpq's message on one line (it spreads a hint over indented lines).
  static std::string trimmed(const std::string& message) {
    std::string s;
    for (char c : message) {
      if (c == '\n' || c == '\t') {
        if (!s.empty() && s.back() != ' ') s += ' ';
      } else {
        s += c;
      }
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
  }

  // Throws Error unless r is a success; lost when the connection went with it.
  Result checked(Result r, const std::string& sql) {
    const ExecStatusType st = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return r;
    // Lost: libpq says so, or the error has no SQLSTATE (it never reached a server), or the
    // server said it is going away (class 08: connection exception; 57P: shutdown, crash).
    const char* state = r ? PQresultErrorField(r.get(), PG_DIAG_SQLSTATE) : nullptr;
    const std::string code = state ? state : "";
    const bool lost =
        PQstatus(m_conn) != CONNECTION_OK || code.empty() || code.rfind("08", 0) == 0 || code.rfind("57P", 0) == 0;
    m_lost = m_lost || lost;
    std::string why = r ? PQresultErrorMessage(r.get()) : PQerrorMessage(m_conn);
    if (why.empty()) why = PQerrorMessage(m_conn);
    throw Error(
        trimmed(why) + (lost ? " (the connection to PostgreSQL was lost)" : "") + " [" + sql.substr(0, 80) + "]", lost);
  }

  Result run_prepared(const std::string& sql, const Params& params) {
    auto it = m_prepared.find(sql);
    if (it == m_prepared.end()) {
      const std::string name = "s" + std::to_string(m_prepared.size() + 1);
      checked(Result(PQprepare(m_conn, name.c_str(), dollar_parameters(sql).c_str(), 0, nullptr), &PQclear), sql);
      it = m_prepared.emplace(sql, name).first;
    }
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const Param& p : params) values.push_back(p.value() ? p.value()->c_str() : nullptr);
    return checked(Result(PQexecPrepared(m_conn, it->second.c_str(), static_cast<int>(values.size()), values.data(),
                                         nullptr, nullptr, 0),
                          &PQclear),
                   sql);
  }

  PGconn* m_conn;
  bool m_lost = false;  // a statement found the connection gone: reset it before the next task
  std::unordered_map<std::string, std::string> m_prepared;  // SQL -> prepared statement name
};

class PgDatabase final : public Database {
 public:
  PgDatabase(const std::string& uri, const Schema& schema) : m_uri(uri) {
    Lease c = connect(Use::Write);
    if (schema.check) schema.check(*c);
    if (schema.migrate) schema.migrate(*c);
  }
  Backend backend() const override { return Backend::Postgres; }
  std::string name() const override { return redacted(m_uri); }

  Lease connect(Use) override {  // every pooled connection reads and writes
    std::unique_lock lock(m_mu);
    m_free.wait(lock, [&] { return !m_idle.empty() || m_open < kPoolSize; });
    PgConnection* c = nullptr;
    if (!m_idle.empty()) {
      c = m_idle.back();
      m_idle.pop_back();
    } else {
      ++m_open;
      lock.unlock();
      try {
        auto made = std::make_unique<PgConnection>(m_uri);
        c = made.get();
        lock.lock();
        m_all.push_back(std::move(made));
        lock.unlock();
      } catch (...) {
        lock.lock();
        --m_open;
        m_free.notify_one();
        throw;
      }
    }
    if (lock.owns_lock()) lock.unlock();
    if (!c->ready()) {
      const std::string why = c->error();
      give_back(c);
      throw Error("PostgreSQL is not reachable: " + why, true);
    }
    return Lease(*c, [this, c] { give_back(c); });
  }

 private:
  void give_back(PgConnection* c) {
    std::lock_guard lock(m_mu);
    m_idle.push_back(c);
    m_free.notify_one();
  }

  std::string m_uri;
  std::mutex m_mu;
  std::condition_variable m_free;
  std::vector<std::unique_ptr<PgConnection>> m_all;
  std::vector<PgConnection*> m_idle;
  int m_open = 0;
};

}  // namespace

std::unique_ptr<Database> open_postgres(const std::string& uri, const Schema& schema) {
  return std::make_unique<PgDatabase>(uri, schema);
}

}  // namespace meedoen::server::db

// A real meedoen-server for tests: its database (a SQLite file in a TempDir, or a fresh database
// in the executable's throwaway PostgreSQL cluster), `serve` on a loopback port as a child process
// (killed with SIGKILL or stopped with SIGTERM), and the admin subcommands.
#pragma once
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/pg_cluster.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#ifndef MEEDOEN_SERVER_BIN
#error "define MEEDOEN_SERVER_BIN to the meedoen-server executable"
#endif

namespace meedoen::test {

// The server's two stores: the contract tests run on each (GENERATE(Store::Sqlite, Store::Postgres)).
enum class Store { Sqlite, Postgres };
inline const char* store_name(Store s) { return s == Store::Sqlite ? "sqlite" : "postgresql"; }

// A new, empty store for a test: its --db value.
inline std::string new_store(const TempDir& dir, Store store, const std::string& name = "server.db") {
  return store == Store::Sqlite ? "sqlite:" + dir / name : PgCluster::instance().new_database();
}

// A benchmark's --db: "sqlite" (a new file in dir), "postgresql" (a throwaway cluster with fsync
// on, as SQLite's synchronous=FULL), or a --db value of your own, passed as it is.
inline std::string bench_store(const TempDir& dir, const std::string& db) {
  if (db == "sqlite") return new_store(dir, Store::Sqlite);
  if (db == "postgresql") return PgCluster::instance(PgCluster::Durability::Fsync).new_database();
  return db;
}

class ServerProcess {
 public:
  explicit ServerProcess(const TempDir& dir, std::string centre = "de-cirkel", Store store = Store::Sqlite)
      : ServerProcess(dir, new_store(dir, store), std::move(centre), 0) {}
  // A second server process on the same database (--db value db), with its own port and log.
  ServerProcess(const TempDir& dir, std::string db, std::string centre, int instance)
      : m_dir(dir),
        m_db(std::move(db)),
        m_log("server" + (instance ? std::to_string(instance) : "") + ".log"),
        m_port_file("port" + (instance ? std::to_string(instance) : "")) {
    if (!centre.empty()) admin("create-centre --id " + centre + " --name 'De Cirkel' --demo");
  }
  ~ServerProcess() { kill_hard(); }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Runs an admin subcommand on the server's database; throws when it fails.
  std::string admin(const std::string& args) const {
    const RunResult r = run(std::string(MEEDOEN_SERVER_BIN) + " --db " + sh_quote(m_db) + " " + args, m_dir);
    if (r.exit_code != 0) throw std::runtime_error("meedoen-server " + args + " failed: " + r.err);
    return r.out;
  }
  RunResult admin_result(const std::string& args) const {
    return run(std::string(MEEDOEN_SERVER_BIN) + " --db " + sh_quote(m_db) + " " + args, m_dir);
  }
  // A fresh enrolment code for a new kiosk of centre.
  std::string enrol_code(const std::string& centre = "de-cirkel", int valid_hours = 24) const {
    const std::string out = admin("enrol-kiosk --centre " + centre + " --valid-hours " + std::to_string(valid_hours));
    const auto at = out.find("code: ");
    return out.substr(at + 6, 8);
  }

  // Starts `serve` (the same port again after a restart); extra: e.g. "--fault-busy 2".
  void start(const std::string& extra = "") {
    const std::string port_file = m_dir / m_port_file;
    ::unlink(port_file.c_str());
    const std::string cmd = "exec " + std::string(MEEDOEN_SERVER_BIN) + " --db " + sh_quote(m_db) +
                            " serve --listen 127.0.0.1:" + std::to_string(m_port) + " --port-file " +
                            sh_quote(port_file) + " " + extra + " 2>>" + sh_quote(m_dir / m_log);
    m_pid = ::fork();
    if (m_pid == 0) {
      ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    for (int i = 0; i < 500; ++i) {  // up to 5 s
      const std::string p = slurp(port_file);
      if (!p.empty()) {
        m_port = std::stoi(p);
        return;
      }
      int status = 0;
      if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_pid = -1;
        throw std::runtime_error("meedoen-server serve exited: " + slurp(m_dir / m_log));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    throw std::runtime_error("meedoen-server did not start listening");
  }
  void kill_hard() { stop(SIGKILL); }
  void stop(int sig = SIGTERM) {
    if (m_pid <= 0) return;
    ::kill(m_pid, sig);
    int status = 0;
    ::waitpid(m_pid, &status, 0);
    m_pid = -1;
  }
  bool running() const { return m_pid > 0; }
  pid_t pid() const { return m_pid; }

  int port() const { return m_port; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
  // The --db value: sqlite:PATH or a postgresql:// URI.
  const std::string& db() const { return m_db; }
  bool on_postgres() const { return m_db.rfind("postgresql:", 0) == 0; }
  std::string log() const { return slurp(m_dir / m_log); }

 private:
  const TempDir& m_dir;
  std::string m_db, m_log, m_port_file;
  int m_port = 0;
  pid_t m_pid = -1;
};

}  // namespace meedoen::test

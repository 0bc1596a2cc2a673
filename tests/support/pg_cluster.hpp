// A throwaway PostgreSQL cluster for the tests: initdb into a folder as the postgres user (initdb
// refuses root; tests run as root here and in CI), a unix socket in that folder and no TCP at all,
// pg_ctl start/stop, no system service. Under ctest one cluster serves the whole run: the fixture
// tests pg/start and pg/stop (tests/CMakeLists.txt, tests/support/pg_fixture.cpp) make it in the
// build folder and name it in MEEDOEN_TEST_PG, and each test process attaches to it. Without that
// variable (a test executable run by hand, a benchmark) a process starts its own at first use,
// stopped and removed at exit, and by a guardian process when the executable dies without
// exiting (a crash, a kill by ctest's timeout). Each test gets a fresh database, dropped again
// when its process ends.
#pragma once
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "server/db/database.hpp"
#include "support/process.hpp"

namespace meedoen::test {

class PgCluster {
 public:
  static constexpr const char* kBin = "/usr/lib/postgresql/15/bin";

  // Tests: no fsync (nothing must survive a power cut). Benchmarks: fsync as a real server has
  // it, to compare with SQLite's synchronous=FULL.
  enum class Durability { None, Fsync };

  // The environment variable that names the shared cluster's folder.
  static constexpr const char* kSharedEnv = "MEEDOEN_TEST_PG";

  // The cluster of this executable: the shared one when MEEDOEN_TEST_PG names it and the tests
  // need no fsync, else its own (started at the first call, with that call's durability).
  static PgCluster& instance(Durability durability = Durability::None) {
    static const std::unique_ptr<PgCluster> cluster = [durability] {
      const char* shared = std::getenv(kSharedEnv);
      if (shared != nullptr && *shared != '\0' && durability == Durability::None)
        return std::unique_ptr<PgCluster>(new PgCluster(std::filesystem::path(shared)));
      return std::unique_ptr<PgCluster>(new PgCluster(durability, make_temp_dir()));
    }();
    return *cluster;
  }

  // For the fixture (pg_fixture): a new cluster in dir that outlives this process, and its end.
  static void create_shared(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    PgCluster cluster(Durability::None, dir, false);
    cluster.m_owned = false;
  }
  static void remove_shared(const std::filesystem::path& dir) {
    PgCluster cluster{std::filesystem::path(dir)};
    cluster.m_owned = true;
  }

  // A new, empty database (from template0); its libpq URI.
  std::string new_database() {
    const std::string name = "meedoen_t" + std::to_string(::getpid()) + "_" + std::to_string(++m_databases);
    admin("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
    const std::lock_guard lock(m_mutex);
    m_created.push_back(name);
    return uri(name);
  }
  std::string uri(const std::string& database) const {
    return "postgresql:///" + database + "?host=" + m_dir.string() + "&user=postgres";
  }
  const std::filesystem::path& dir() const { return m_dir; }

  // As if the database server died: every connection is cut, open transactions are lost. Only on
  // a cluster of this process's own: a test that stops PostgreSQL unsets MEEDOEN_TEST_PG first.
  void stop_immediate() {
    if (!m_owned) throw std::logic_error("stopping the shared PostgreSQL test cluster: unset MEEDOEN_TEST_PG first");
    pg_ctl("-m immediate stop");
  }
  void start() {
    pg_ctl("-w -l " + sh_quote((m_dir / "postgres.log").string()) + " -o " + sh_quote(options()) + " start");
  }

  ~PgCluster() {
    if (!m_owned) {
      drop_created();
      return;
    }
    try {
      pg_ctl("-m immediate stop");
    } catch (...) {  // stopped already
    }
    std::error_code ec;
    std::filesystem::remove_all(m_dir, ec);
  }

  PgCluster(const PgCluster&) = delete;
  PgCluster& operator=(const PgCluster&) = delete;

 private:
  // A new cluster in dir (a new temporary folder unless the fixture names one), started.
  PgCluster(Durability durability, std::filesystem::path dir, bool guarded = true)
      : m_durability(durability), m_dir(std::move(dir)) {
    if (guarded) guard();
    shell("chown postgres: " + sh_quote(m_dir.string()));
    // -N: no fsync of the new files (a throwaway cluster); the C.UTF-8 locale, the store's
    // columns compare byte by byte whatever the locale is.
    shell(as_postgres(std::string(kBin) + "/initdb -N -A trust -U postgres -E UTF8 --locale=C.UTF-8 -D " +
                      sh_quote((m_dir / "data").string())));
    start();
  }
  // The shared cluster in dir, running already.
  explicit PgCluster(std::filesystem::path dir)
      : m_durability(Durability::None), m_dir(std::move(dir)), m_owned(false) {}
  static std::filesystem::path make_temp_dir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "meedoen-pg-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed for " + pattern);
    return pattern;
  }
  void admin(const std::string& sql) const { server::db::open_postgres(uri("postgres"), {})->connect()->script(sql); }
  // This process's databases in the shared cluster go when it ends (its server processes have
  // stopped by then; FORCE ends any connection left).
  void drop_created() noexcept {
    for (const auto& name : m_created) {
      try {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      } catch (...) {  // the fixture's pg/stop removes the cluster anyway
      }
    }
  }

  // No TCP: a unix socket in the cluster's folder only. fsync off for tests: their data need not
  // survive a power cut (a stop -m immediate is a crash of PostgreSQL, not of the machine).
  std::string options() const {
    return "-c listen_addresses='' -c unix_socket_directories='" + m_dir.string() + "' -c max_connections=200" +
           (m_durability == Durability::None ? " -c fsync=off" : "");
  }
  void pg_ctl(const std::string& args) {
    shell(as_postgres(std::string(kBin) + "/pg_ctl -D " + sh_quote((m_dir / "data").string()) + " " + args));
  }
  static std::string as_postgres(const std::string& cmd) { return "runuser -u postgres -- " + cmd; }
  void shell(const std::string& cmd) const {
    const std::string log = (m_dir / "setup.log").string();
    if (std::system((cmd + " >>" + sh_quote(log) + " 2>&1 </dev/null").c_str()) != 0)
      throw std::runtime_error("PostgreSQL test cluster: `" + cmd + "` failed:\n" + slurp(log));
  }

  // A child that waits for this process to end (its end of a pipe closes, however it ends) and
  // then stops the cluster and removes its folder, so a crashed test leaves no postgres behind.
  void guard() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
      ::close(fds[1]);
      ::setsid();  // not in the test's process group: ctest's kill of the test leaves it to clean up
      const int null = ::open("/dev/null", O_RDWR);
      ::dup2(null, 0), ::dup2(null, 1), ::dup2(null, 2);
      char byte = 0;
      while (::read(fds[0], &byte, 1) > 0) {}
      const std::string data = (m_dir / "data").string();
      const std::string cmd = "runuser -u postgres -- " + std::string(kBin) + "/pg_ctl -D " + sh_quote(data) +
                              " -m immediate stop >/dev/null 2>&1; rm -rf " + sh_quote(m_dir.string());
      ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(fds[0]);  // fds[1] stays open (close-on-exec) until this process ends
  }

  Durability m_durability;
  std::filesystem::path m_dir;
  bool m_owned = true;  // started by this process: stopped and removed at its end
  std::atomic<int> m_databases{0};
  std::mutex m_mutex;
  std::vector<std::string> m_created;
};

}  // namespace meedoen::test

// Kiosks for sync tests: a real kiosk database (Store + the sync worker's own connection)
// talking to a real meedoen-server process on loopback.
#pragma once
#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <memory>

#include "core/time.hpp"
#include "storage/store.hpp"
#include "storage/sync_store.hpp"
#include "support/fake_clock.hpp"
#include "support/server_db.hpp"
#include "support/server_process.hpp"
#include "sync/worker.hpp"

namespace meedoen::test {

inline std::string demo_participant(int n) {
  char id[32];
  std::snprintf(id, sizeof id, "demo-p-%04d", n);
  return id;
}

class TestKiosk {
 public:
  TestKiosk(const TempDir& dir, const std::string& name, const std::string& url, const std::string& code,
            std::size_t batch = 500)
      : m_db(dir / (name + ".db")), m_store(storage::Store::open(m_db)) {
    m_opt.db_path = m_db;
    m_opt.server_url = url;
    m_opt.enrol_code = code;
    m_opt.backoff_base_ms = 10;
    m_opt.backoff_cap_ms = 200;
    m_opt.pull_interval_ms = 60'000;
    m_opt.push_delay_ms = 20;
    m_opt.batch_events = batch;
    m_opt.log = [log = m_log](const std::string& line) { log->push_back(line); };
    m_worker = std::make_unique<sync::Worker>(m_opt);
  }
  // A new worker (as after a restart of the kiosk), e.g. with another server URL or code.
  void restart_worker(const std::string& url, const std::string& code, const std::string& ca_bundle = "") {
    m_worker.reset();
    m_opt.server_url = url;
    m_opt.enrol_code = code;
    m_opt.ca_bundle = ca_bundle;
    m_worker = std::make_unique<sync::Worker>(m_opt);
  }

  sync::CycleResult sync() { return m_worker->run_once(); }
  // Cycles until one succeeds (bounded); returns how many it took, or -1.
  int sync_until_ok(int tries = 60) {
    for (int i = 1; i <= tries; ++i)
      if (m_worker->run_once().ok) return i;
    return -1;
  }

  // Writes n events: participants 1..42 in turn, each alternating check-in and check-out.
  void write_events(int n, core::TimeMs start, int first_participant = 1) {
    for (int i = 0; i < n; ++i) {
      const std::string pid = demo_participant(((i + first_participant - 1) % 42) + 1);
      const core::TimeMs at = start + i * 1000;
      const std::string date = core::format_date_iso(core::to_local(at));
      bool& open = m_open[pid + date];
      if (open) m_store.check_out(pid, at, date);
      else m_store.check_in(pid, at, date, core::Dagdeel::Morning);
      open = !open;
    }
  }

  storage::Store& store() { return m_store; }
  sync::Worker& worker() { return *m_worker; }
  const std::string& db() const { return m_db; }
  // The sync worker's log lines so far (sync() runs on the test's thread).
  const std::vector<std::string>& log() const { return *m_log; }
  std::int64_t unsent() const { return storage::SyncStore::open(m_db).unsent_count(); }

 private:
  std::string m_db;
  storage::Store m_store;
  sync::WorkerOptions m_opt;
  std::unique_ptr<sync::Worker> m_worker;
  std::map<std::string, bool> m_open;
  std::shared_ptr<std::vector<std::string>> m_log = std::make_shared<std::vector<std::string>>();
};

// Rows in the server's database (read from outside, like an auditor would), on either store.
inline std::int64_t server_count(const ServerProcess& s, const std::string& sql) { return server_number(s.db(), sql); }
inline std::int64_t server_events(const ServerProcess& s) { return server_count(s, "SELECT COUNT(*) FROM events"); }

}  // namespace meedoen::test

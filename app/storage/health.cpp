// The kiosk database's health: read-only, disk space and a budgeted PRAGMA quick_check.
#include "storage/health.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace meedoen::storage {

namespace fs = std::filesystem;
using core::StorageFault;

Health diagnose(SQLite::Database& db, const std::string& path) {
  Health h;
  // SQLite opens a write-protected file read-only without a word; every write would then fail.
  if (sqlite3_db_readonly(db.getHandle(), "main") == 1 || ::access(path.c_str(), W_OK) != 0) {
    h.fault = StorageFault::ReadOnly;
    h.detail = path + " is read-only";
    return h;
  }
  std::error_code ec;
  const fs::path dir = fs::absolute(path, ec).parent_path();
  const fs::space_info space = fs::space(dir, ec);
  if (!ec && space.available < kLowDiskBytes) {
    h.fault = StorageFault::DiskFull;
    h.detail = "the disk of " + dir.string() + " has " + std::to_string(space.available >> 10) + " KiB free";
  }
  return h;
}

Health check_at_start(SQLite::Database& db, const std::string& path, int budget_ms) {
  Health h = diagnose(db, path);
  if (h.fault != StorageFault::None) return h;
  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  const Clock::time_point deadline = start + std::chrono::milliseconds(budget_ms);
  // The progress handler interrupts the check when the budget is spent (every 1,000 VM steps).
  auto over_budget = [](void* p) { return Clock::now() > *static_cast<Clock::time_point*>(p) ? 1 : 0; };
  Clock::time_point d = deadline;
  sqlite3_progress_handler(db.getHandle(), 1000, over_budget, &d);
  try {
    SQLite::Statement q(db, "PRAGMA quick_check(5)");
    std::string first;
    while (q.executeStep()) {
      const std::string line = q.getColumn(0).getString();
      if (line == "ok") continue;
      if (first.empty()) first = line;
      std::replace(first.begin(), first.end(), '\n', ' ');  // one log line
    }
    if (!first.empty()) {
      h.fault = StorageFault::Damaged;
      h.detail = "quick_check: " + first;
    }
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_INTERRUPT) {
      h.complete = false;
    } else {
      h.fault = StorageFault::Damaged;
      h.detail = std::string("quick_check: ") + e.what();
    }
  }
  sqlite3_progress_handler(db.getHandle(), 0, nullptr, nullptr);
  // The check read every page: they leave the cache now (the screens' own come back as they are
  // read); kept, they were most of SQLite's 2 MB on the welcome screen's heap (issue 17).
  sqlite3_db_release_memory(db.getHandle());
  h.check_ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count());
  return h;
}

}  // namespace meedoen::storage

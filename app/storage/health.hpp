// The kiosk database's health: checked at start (a budgeted integrity check, a read-only file, a
// nearly full disk) and again when a write fails, so the coach is told which one by name.
#pragma once
#include <cstdint>
#include <string>

#include "core/model.hpp"

namespace SQLite {
class Database;  // health.cpp speaks SQLiteCpp; store.hpp users need only Health
}

namespace meedoen::storage {

// Below this much free space the disk counts as full: SQLite needs room for the WAL and its
// checkpoint, and fails with a bare "disk I/O error" before the disk is at 0 bytes.
constexpr std::uintmax_t kLowDiskBytes = 16u << 20;
// The start-up integrity check stops after this long (a very large database is then only
// partly checked, and the log says so): the kiosk must be up in seconds.
constexpr int kQuickCheckBudgetMs = 2'000;

struct Health {
  core::StorageFault fault = core::StorageFault::None;
  std::string detail;    // for the log: SQLite's first finding, the free space, ...
  int check_ms = 0;      // how long the integrity check took
  bool complete = true;  // false when the budget ran out before the check did
};

// The cheap checks (read-only file, free space): when a write failed, which of them it was.
Health diagnose(SQLite::Database& db, const std::string& path);
// diagnose() plus PRAGMA quick_check within budget_ms: at start, before anything is confirmed.
Health check_at_start(SQLite::Database& db, const std::string& path, int budget_ms = kQuickCheckBudgetMs);

}  // namespace meedoen::storage

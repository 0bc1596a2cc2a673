// Opening a SQLite database with our pragmas: the one place where the kiosk's Store, its
// SyncStore and meedoen-server's store get their connection. Internal to storage (it speaks
// SQLiteCpp); the server, which links SQLiteCpp itself, uses it too.
#pragma once
#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <functional>
#include <string>

namespace meedoen::storage {

// What differs between the stores. Every connection gets busy_timeout = 5000 ms,
// synchronous = FULL (a commit is on disk before it is answered) and foreign_keys = ON.
struct DatabaseOptions {
  bool create = true;           // a missing file is created (else: SQLITE_CANTOPEN)
  bool wal = true;              // switch to WAL; a file that cannot is refused
  int wal_autocheckpoint = 0;   // pages; 0 = SQLite's default (1,000)
  int cache_kib = 0;            // page cache; 0 = SQLite's default (2 MB)
  std::int64_t mmap_bytes = 0;  // memory-mapped reads; 0 = none
  // Runs first, before anything could change the file (even its journal mode): refusing a file
  // written by a newer program leaves it as it was.
  std::function<void(SQLite::Database&)> before_changes;
  // Runs last, after the pragmas: migrations, or checks that need the schema.
  std::function<void(SQLite::Database&)> after_pragmas;
};

// Opens (or creates) the file at path; throws SQLite::Exception, or StorageError when WAL
// cannot be switched on, or whatever the callbacks throw.
SQLite::Database open_database(const std::string& path, const DatabaseOptions& options);

}  // namespace meedoen::storage

// One way to open a database: the pragmas every store relies on, in the order that keeps a
// refused file untouched.
#include "storage/database.hpp"

#include "storage/store.hpp"

namespace meedoen::storage {

SQLite::Database open_database(const std::string& path, const DatabaseOptions& o) {
  const int flags = SQLite::OPEN_READWRITE | SQLite::OPEN_FULLMUTEX | (o.create ? SQLite::OPEN_CREATE : 0);
  SQLite::Database db(path, flags);
  // Another connection (the UI's check-ins, the sync worker, a second server thread) holds the
  // write lock for milliseconds: wait for it rather than fail.
  db.exec("PRAGMA busy_timeout = 5000");
  if (o.before_changes) o.before_changes(db);
  if (o.wal) {
    const std::string mode = db.execAndGet("PRAGMA journal_mode = WAL").getString();
    if (mode != "wal") throw StorageError("the database could not switch to WAL mode (got " + mode + ")");
  }
  // FULL: a commit is on disk (WAL fsynced) before a check-in is confirmed or a push answered.
  db.exec("PRAGMA synchronous = FULL");
  if (o.wal_autocheckpoint > 0) db.exec("PRAGMA wal_autocheckpoint = " + std::to_string(o.wal_autocheckpoint));
  db.exec("PRAGMA foreign_keys = ON");
  if (o.cache_kib > 0) db.exec("PRAGMA cache_size = -" + std::to_string(o.cache_kib));
  if (o.mmap_bytes > 0) db.exec("PRAGMA mmap_size = " + std::to_string(o.mmap_bytes));
  if (o.after_pragmas) o.after_pragmas(db);
  return db;
}

}  // namespace meedoen::storage

// Online backup and restore through SQLite's backup API (SQLiteCpp's SQLite::Backup).
#include "storage/backup.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "storage/store.hpp"

namespace meedoen::storage {

namespace {

namespace fs = std::filesystem;

// fsync a file or folder by path; the rename of a backup only counts once its folder is synced.
void sync_path(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) throw StorageError("cannot open " + path + " to sync it");
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) throw StorageError("cannot sync " + path + " to disk");
}

std::string parent_or_dot(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

// Every line integrity_check returns, joined ("ok" alone when sound).
std::string integrity(SQLite::Database& db) {
  SQLite::Statement st(db, "PRAGMA integrity_check");
  std::string out;
  while (st.executeStep()) out += (out.empty() ? "" : "; ") + st.getColumn(0).getString();
  return out;
}

}  // namespace

int backup_database(const std::string& source, const std::string& dest) {
  std::error_code ec;
  if (fs::exists(dest, ec)) throw StorageError(dest + " exists already; choose a new file name (nothing was written)");
  if (!fs::exists(source, ec)) throw StorageError("there is no database at " + source);
  const std::string tmp = dest + ".tmp";
  fs::remove(tmp, ec);  // a copy an earlier, interrupted backup left behind
  int pages = 0;
  try {
    SQLite::Database src(source, SQLite::OPEN_READWRITE);  // no create: a wrong path is an error
    src.exec("PRAGMA busy_timeout = 5000");
    {
      SQLite::Database out(tmp, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      ::chmod(tmp.c_str(), 0600);  // participants' data and token hashes: owner only
      SQLite::Backup copy(out, src);
      copy.executeStep(-1);  // all pages in one step: one read transaction, one snapshot
      pages = copy.getTotalPageCount();
    }
    SQLite::Database out(tmp, SQLite::OPEN_READWRITE);
    // One file that stands alone: no -wal beside it to lose when it is copied elsewhere.
    out.execAndGet("PRAGMA journal_mode = DELETE");
    if (const std::string check = integrity(out); check != "ok")
      throw StorageError("the copy of " + source + " failed its integrity check: " + check);
  } catch (const SQLite::Exception& e) {
    fs::remove(tmp, ec);
    throw StorageError("backup of " + source + " failed: " + e.what());
  } catch (...) {
    fs::remove(tmp, ec);
    throw;
  }
  sync_path(tmp, O_RDONLY);
  fs::rename(tmp, dest, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw StorageError("cannot put the backup in place as " + dest + ": " + ec.message());
  }
  sync_path(parent_or_dot(dest), O_RDONLY | O_DIRECTORY);
  return pages;
}

std::string check_database_file(const std::string& path, const std::string& must_have_table) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return "there is no file " + path;
  try {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    std::string check = integrity(db);
    if (check != "ok") return check;
    if (!must_have_table.empty() && !db.tableExists(must_have_table))
      return "it has no table " + must_have_table + " (a database of another program, or of the other Meedoen program)";
    return "ok";
  } catch (const SQLite::Exception& e) {
    return std::string("not a readable SQLite database: ") + e.what();
  }
}

void restore_database(const std::string& from, const std::string& target, const std::string& must_have_table) {
  if (const std::string check = check_database_file(from, must_have_table); check != "ok")
    throw StorageError(from + " cannot be restored: " + check + " (nothing was changed)");
  try {
    SQLite::Database dst(target, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    dst.exec("PRAGMA busy_timeout = 200");
    // Exclusive locking mode keeps the lock after the transaction: nobody opens target between
    // this check and the copy. Another process holding target open makes BEGIN EXCLUSIVE fail.
    dst.execAndGet("PRAGMA locking_mode = EXCLUSIVE");
    try {
      dst.exec("BEGIN EXCLUSIVE");
      dst.exec("COMMIT");
    } catch (const SQLite::Exception&) {
      throw StorageError(target + " is in use by another program (a running meedoen-server serve or meedoen-kiosk): " +
                         "stop it first (systemctl stop meedoen-server, or meedoen-kiosk), then restore again. "
                         "Nothing was changed");
    }
    SQLite::Database src(from, SQLite::OPEN_READONLY);
    SQLite::Backup copy(dst, src);
    copy.executeStep(-1);
    if (const std::string check = integrity(dst); check != "ok")
      throw StorageError(target + " failed its integrity check after the restore: " + check);
  } catch (const SQLite::Exception& e) {
    throw StorageError("restore of " + from + " into " + target + " failed: " + e.what());
  }
}

}  // namespace meedoen::storage

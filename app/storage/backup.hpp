// Backups of a SQLite database (the kiosk's journal, meedoen-server's store) while it is in use,
// and putting one back: the one place meedoen-kiosk backup/restore and meedoen-server
// backup/restore share. SQLite's online backup API copies one consistent snapshot (a single read
// transaction: in WAL mode the writers go on meanwhile), so every commit acknowledged before the
// copy began is in it.
#pragma once
#include <string>

namespace meedoen::storage {

// Copies the database at source into the new file dest (refused when dest exists): written as
// dest.tmp, checked (integrity_check), made a single self-contained file (rollback journal, not
// WAL), fsynced, mode 0600, then renamed into place. Throws StorageError with the reason.
// Returns the number of database pages copied.
int backup_database(const std::string& source, const std::string& dest);

// integrity_check of a database file opened read-only: "ok", or what SQLite found / why it
// could not be opened. must_have_table: also "no table <t>: not a ... database" when missing.
std::string check_database_file(const std::string& path, const std::string& must_have_table);

// Puts the backup at from back as the database at target (created when missing). Verifies the
// backup first (check_database_file), then takes target's exclusive lock: while any other
// process has target open (a running server or kiosk) it refuses with StorageError and changes
// nothing. The copy goes through the backup API into target under that lock, so a failure
// halfway leaves target as it was (SQLite's transaction), and its WAL stays consistent.
void restore_database(const std::string& from, const std::string& target, const std::string& must_have_table);

}  // namespace meedoen::storage

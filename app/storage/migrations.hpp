// Schema migrations, numbered by PRAGMA user_version. Internal to storage.
#pragma once
#include <SQLiteCpp/Database.h>

namespace meedoen::storage {

// Brings the schema to kSchemaVersion in one transaction; throws SchemaTooNew for a newer file.
void migrate(SQLite::Database& db);
// Throws SchemaTooNew when the file was written by a newer Meedoen; changes nothing.
void refuse_newer_schema(SQLite::Database& db);

}  // namespace meedoen::storage

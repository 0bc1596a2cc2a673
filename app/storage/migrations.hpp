// Schema migrations, numbered by PRAGMA user_version. Internal to storage.
#pragma once
#include <SQLiteCpp/Database.h>

namespace meedoen::storage {

// Brings the schema to kSchemaVersion in one transaction; throws SchemaTooNew for a newer file.
void migrate(SQLite::Database& db);

}  // namespace meedoen::storage

// Row writers shared by the kiosk's Store and its SyncStore (two connections, one schema), so a
// table is written one way. Internal to storage: it speaks SQLiteCpp.
#pragma once
#include <SQLiteCpp/Database.h>

#include "core/model.hpp"

namespace meedoen::storage {

// Inserts or replaces one activity of the weekly programme.
void upsert_activity(SQLite::Database& db, const core::Activity& a);

}  // namespace meedoen::storage

// Re-deriving the kiosk's read models after events of other kiosks arrived by sync. The one
// place sync calls into the projection: when the journal projection of core/journal.hpp lands
// (storage re-deriving every read model from events), this forwards to it.
#pragma once
#include <vector>

#include "sync/wire.hpp"

namespace SQLite {
class Database;
}

namespace meedoen::storage {

// Called inside the pull transaction, after the new events were inserted.
void reproject_after_pull(SQLite::Database& db, const std::vector<sync::WireEvent>& new_events);

}  // namespace meedoen::storage

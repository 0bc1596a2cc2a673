// Row writers shared by Store and SyncStore.
#include "storage/rows.hpp"

#include <SQLiteCpp/Statement.h>

namespace meedoen::storage {

void upsert_activity(SQLite::Database& db, const core::Activity& a) {
  SQLite::Statement st(db,
      "INSERT OR REPLACE INTO activities (id, title, icon, weekday, dagdeel, start_min, end_min, place, "
      "leader, capacity, volunteer_work, active, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, a.id);
  st.bind(2, a.title);
  st.bind(3, a.icon);
  st.bind(4, a.weekday);
  st.bind(5, core::dagdeel_key(a.dagdeel));
  st.bind(6, a.start);
  st.bind(7, a.end);
  st.bind(8, a.place);
  st.bind(9, a.leader);
  st.bind(10, a.capacity);
  st.bind(11, a.volunteer_work ? 1 : 0);
  st.bind(12, a.active ? 1 : 0);
  st.bind(13, a.date);
  st.exec();
}

}  // namespace meedoen::storage

// Moving a whole server database to another one (meedoen-server migrate): SQLite to PostgreSQL
// when a municipality outgrows one file, or back. Every table, every row, the revisions and the
// counter as they are, so enrolled kiosks keep their tokens and their cursors (no event twice,
// none skipped); then the rows are counted on both sides.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace meedoen::server {

struct TableCount {
  std::string table;
  std::int64_t from = 0, to = 0;
};

// Copies everything in from (a --db value) into to, which must be empty (a new SQLite file or
// a new PostgreSQL database: the schema is made there), in one transaction on to: all or nothing.
// Returns the rows per table on both sides after the copy. Throws UsageError for a target that is
// not empty, ServerError when a database fails.
std::vector<TableCount> copy_store(const std::string& from, const std::string& to);

}  // namespace meedoen::server

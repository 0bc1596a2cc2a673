// The server's database read and changed from outside, as an auditor would (or a test that breaks
// a row on purpose): through server/db, so the same SQL runs on SQLite and on PostgreSQL.
#pragma once
#include <string>
#include <vector>

#include "server/db/database.hpp"

namespace meedoen::test {

// The rows of sql with args, on the store at db (a --db value).
template <class... A>
std::vector<server::db::Row> server_rows(const std::string& db, const std::string& sql, const A&... args) {
  auto database = server::db::open(db, {});
  return database->connect()->rows(sql, args...);
}

// Runs a change; the rows it changed.
template <class... A>
std::int64_t server_change(const std::string& db, const std::string& sql, const A&... args) {
  auto database = server::db::open(db, {});
  return database->connect()->run(sql, args...);
}

// The first cell of sql's first row as a number (a count; 0 for NULL).
template <class... A>
std::int64_t server_number(const std::string& db, const std::string& sql, const A&... args) {
  const auto rows = server_rows(db, sql, args...);
  return rows.empty() ? 0 : rows.front().integer(0);
}

}  // namespace meedoen::test

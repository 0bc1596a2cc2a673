// meedoen-server migrate: the tables copied row by row in their own column names (each side's
// DDL may order them differently), in pages by primary key so millions of events need not fit in
// memory, into one transaction on the target.
#include "server/store_copy.hpp"

#include "server/db/database.hpp"
#include "server/server_store.hpp"
#include "server/store_schema.hpp"

namespace meedoen::server {

namespace {

constexpr int kPage = 5000;

// The table's columns, in the target's order.
std::vector<std::string> columns_of(db::Connection& c, const std::string& table) {
  const char* sql = c.backend() == db::Backend::Sqlite
                        ? "SELECT name FROM pragma_table_info(?) ORDER BY cid"
                        : "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND "
                          "table_schema = current_schema() ORDER BY ordinal_position";
  return db::query_rows(c, sql, db::columns<std::string, 1>, table);
}

std::string joined(const std::vector<std::string>& names, const std::string& each = "") {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + (each.empty() ? n : each);
  return out;
}

// The key a table is paged by; events by their revision (a number), the rest by their text id.
// settings (a few rows per centre) is read whole.
std::string page_key(const std::string& table) {
  if (table == "events") return "rev";
  if (table == "counter") return "name";
  if (table == "settings") return "";
  return "id";
}

std::int64_t count(db::Connection& c, const std::string& table) { return c.one("SELECT COUNT(*) FROM " + table); }

void refuse_unless_empty(db::Connection& c, const std::string& name) {
  for (const auto& table : store_tables()) {
    if (table == "counter") continue;
    if (const std::int64_t n = count(c, table); n > 0)
      throw UsageError("the target " + name + " is not empty (" + std::to_string(n) + " rows in " + table +
                       "); migrate only into a new database. Nothing was copied");
  }
  if (static_cast<std::int64_t>(c.one("SELECT value FROM counter WHERE name = 'rev'")) != 0)
    throw UsageError("the target " + name + " has handed out revisions already; migrate only into a new database");
}

// Copies one table; the target's counter row is replaced by the source's.
void copy_table(db::Connection& from, db::Connection& to, const std::string& table) {
  const auto names = columns_of(to, table);
  const std::string list = joined(names);
  std::string insert = "INSERT INTO " + table + " (" + list + ") VALUES (" + joined(names, "?") + ")";
  if (table == "counter") insert += " ON CONFLICT (name) DO UPDATE SET value = excluded.value";
  const std::string key = page_key(table);
  const std::string select = "SELECT " + list + " FROM " + table;
  const auto copy_rows = [&](const std::vector<db::Row>& rows) {
    for (const db::Row& r : rows) {
      db::Params params;
      params.reserve(names.size());
      for (std::size_t i = 0; i < names.size(); ++i)
        params.emplace_back(r.null(static_cast<int>(i)) ? db::Param(nullptr) : db::Param(r.text(static_cast<int>(i))));
      to.exec(insert, params);
    }
  };
  if (key.empty()) return copy_rows(from.rows(select));
  const std::size_t at = static_cast<std::size_t>(std::find(names.begin(), names.end(), key) - names.begin());
  const std::string page = select + " WHERE " + key + " > ? ORDER BY " + key + " LIMIT ?";
  if (key == "rev") {
    for (std::int64_t after = -1;;) {
      const auto rows = from.rows(page, after, kPage);
      copy_rows(rows);
      if (rows.size() < kPage) break;
      after = rows.back().integer(static_cast<int>(at));
    }
  } else {
    for (std::string after;;) {
      const auto rows = from.rows(page, after, kPage);
      copy_rows(rows);
      if (rows.size() < kPage) break;
      after = rows.back().text(static_cast<int>(at));
    }
  }
}

}  // namespace

std::vector<TableCount> copy_store(const std::string& from_url, const std::string& to_url) {
  if (db::parse_location(from_url).target == db::parse_location(to_url).target)
    throw UsageError("--from and --to are the same database");
  try {
    // Both opened as the server opens them: the source brought up to this schema, the target made.
    auto from_db = db::open(from_url, store_schema(db::redacted(from_url)));
    auto to_db = db::open(to_url, store_schema(db::redacted(to_url)));
    auto from = from_db->connect();
    auto to = to_db->connect();
    {
      db::Transaction read(*from, db::Mode::Read);  // one snapshot of the source
      db::Transaction write(*to, db::Mode::Write);  // all or nothing on the target
      refuse_unless_empty(*to, to_db->name());
      for (const auto& table : store_tables()) copy_table(*from, *to, table);
      write.commit();
    }
    std::vector<TableCount> counts;
    for (const auto& table : store_tables()) counts.push_back({table, count(*from, table), count(*to, table)});
    return counts;
  } catch (const db::Error& e) {
    throw ServerError(std::string("migrate: ") + e.what() + "; nothing was copied");
  }
}

}  // namespace meedoen::server

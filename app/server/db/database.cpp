// Choosing the database from --db: SQLite (a path, or sqlite:PATH) or PostgreSQL (a libpq URI).
#include "server/db/database.hpp"

#include <algorithm>

namespace meedoen::server::db {

std::string redacted(const std::string& url) {
  const auto scheme = url.find("://");
  const auto at = url.find('@');
  std::string out = url;
  if (scheme != std::string::npos && at != std::string::npos) {
    const auto colon = url.find(':', scheme + 3);
    if (colon != std::string::npos && colon < at) out = url.substr(0, colon) + url.substr(at);
  }
  if (const auto pw = out.find("password="); pw != std::string::npos)
    out = out.substr(0, pw) + "password=..." + out.substr(std::min(out.size(), out.find('&', pw)));
  return out;
}

Location parse_location(const std::string& url) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) return {Backend::Postgres, url};
  if (url.rfind("sqlite:", 0) == 0) return {Backend::Sqlite, url.substr(7)};
  return {Backend::Sqlite, url};
}

std::unique_ptr<Database> open(const std::string& url, const Schema& schema) {
  const Location at = parse_location(url);
  if (at.target.empty())
    throw Error("--db: expected sqlite:PATH, postgresql://... or a file path, got \"" + url + "\"");
  return at.backend == Backend::Postgres ? open_postgres(at.target, schema) : open_sqlite(at.target, schema);
}

}  // namespace meedoen::server::db

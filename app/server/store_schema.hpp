// meedoen-server's schema on both databases: the tables as DDL per backend (the only SQL that
// differs), one version number for both, and the migrations that bring an older database up.
#pragma once
#include <string>
#include <vector>

#include "server/db/database.hpp"

namespace meedoen::server {

// The schema version this meedoen-server writes (the same number on SQLite and PostgreSQL).
constexpr int kServerSchema = 4;

// What ServerStore runs when it opens a database (name: for messages): refuses a database of a
// newer meedoen-server untouched, creates a new one, migrates an older one step by step.
db::Schema store_schema(const std::string& name);

// The version the database is at (0: empty).
int schema_version(db::Connection& c);

// The tables in the order they can be copied (a row's references come first), for migrate.
const std::vector<std::string>& store_tables();

}  // namespace meedoen::server

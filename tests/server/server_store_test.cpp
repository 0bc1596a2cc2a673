// meedoen-server's database in process: its schema versions.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include "server/server_store.hpp"
#include "storage/pin_hash.hpp"
#include "support/people.hpp"
#include "support/temp_dir.hpp"

using namespace meedoen;

TEST_CASE("server store: a schema-1 database is migrated with its data intact", "[server][schema]") {
  test::TempDir dir;
  const std::string path = (dir.path() / "server.db").string();
  {
    auto s = server::ServerStore::open(path);
    s->create_centre("c1", "De Cirkel", 1000);
    s->add_coach("c1", {"marloes", "Marloes"}, storage::hash_pin("2468"), 1000);
    s->put_participants("c1", {test::person("p1", "Amal", "Haddad")}, "hash");
  }
  {  // take the database back to version 1, as an older meedoen-server left it
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    for (const char* col : {"pin_hash", "pin_key"}) db.exec(std::string("ALTER TABLE coaches DROP COLUMN ") + col);
    for (const char* col : {"start_date", "end_date", "agreed_parts", "talk_every_days", "agreed_minutes",
                            "show_agreed", "photo_consent", "agreements_key"})
      db.exec(std::string("ALTER TABLE participants DROP COLUMN ") + col);
    db.exec("PRAGMA user_version = 1");
  }
  auto s = server::ServerStore::open(path);
  REQUIRE(s->centre_exists("c1"));
  const auto ps = s->participants("c1", true);
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].first_name == "Amal");
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == 2);
  CHECK(db.execAndGet("SELECT COUNT(*) FROM coaches WHERE pin_hash = '' AND id = 'marloes'").getInt() == 1);
  CHECK(db.execAndGet("SELECT agreed_parts FROM participants WHERE id = 'p1'").getInt() == 0);
}

TEST_CASE("server store: a database of a newer meedoen-server is refused untouched", "[server][schema]") {
  test::TempDir dir;
  const std::string path = (dir.path() / "server.db").string();
  server::ServerStore::open(path).reset();
  SQLite::Database(path, SQLite::OPEN_READWRITE).exec("PRAGMA user_version = 99");
  CHECK_THROWS_WITH(server::ServerStore::open(path), Catch::Contains("newer meedoen-server"));
  CHECK(SQLite::Database(path, SQLite::OPEN_READONLY).execAndGet("PRAGMA user_version").getInt() == 99);
}

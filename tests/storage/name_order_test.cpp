// The roster's order from kept sort keys (migration 11, storage/rows keep_sort_keys): made when a
// name is new or changed, made again for another ICU, and read back so the kiosk's start sorts
// its roster without opening ICU's collation data (issue 17).
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/collate.hpp"
#include "storage/store.hpp"
#include "storage/sync_store.hpp"
#include "support/fake_clock.hpp"
#include "support/people.hpp"
#include "support/temp_dir.hpp"
#include "wire/wire.hpp"

using namespace meedoen;
using storage::Store;
using test::person;

namespace {

std::vector<std::string> first_names(const Store& store) {
  std::vector<std::string> out;
  const core::Roster roster = store.load_roster();  // all() refers into it
  for (const auto& p : roster.all()) out.push_back(p.first_name);
  return out;
}

void put_three(Store& store) {
  store.put_participant(person("p-z", "Zoë", "de Vries"), "");
  store.put_participant(person("p-l", "Łucja", "Nowak"), "");
  store.put_participant(person("p-m", "Maria", "Jansen"), "");
}

int missing_keys(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  return db.execAndGet("SELECT COUNT(*) FROM participants WHERE sort_key IS NULL").getInt();
}

std::string key_of(const std::string& path, const std::string& id) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement st(db, "SELECT sort_key FROM participants WHERE id = ?");
  st.bind(1, id);
  REQUIRE(st.executeStep());
  return st.getColumn(0).getString();
}

}  // namespace

TEST_CASE("name order: a participant's sort key is kept with the name, and the roster reads it", "[storage]") {
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  {
    Store store = Store::open(path);
    put_three(store);
    CHECK(first_names(store) == std::vector<std::string>{"Łucja", "Maria", "Zoë"});
  }
  CHECK(missing_keys(path) == 0);
  CHECK(key_of(path, "p-l") == core::collation_key("Łucja Nowak"));

  SECTION("the kept keys decide the order: they are not made again at open or read") {
    {
      SQLite::Database db(path, SQLite::OPEN_READWRITE);
      db.exec("UPDATE participants SET sort_key = X'01' WHERE id = 'p-z'");
    }
    CHECK(first_names(Store::open(path)) == std::vector<std::string>{"Zoë", "Łucja", "Maria"});
  }
  SECTION("a new name gets a new key; a change to anything else keeps it") {
    Store store = Store::open(path);
    {
      SQLite::Database db(path, SQLite::OPEN_READWRITE);
      db.exec("UPDATE participants SET sort_key = X'01' WHERE id = 'p-z'");  // to see whether it is kept
    }
    auto zoe = person("p-z", "Zoë", "de Vries", "", "en");
    store.put_participant(zoe, "");
    CHECK(key_of(path, "p-z") == "\x01");
    zoe.first_name = "Aaltje";
    store.put_participant(zoe, "");
    CHECK(key_of(path, "p-z") == core::collation_key("Aaltje de Vries"));
    CHECK(first_names(store) == std::vector<std::string>{"Aaltje", "Łucja", "Maria"});
  }
  SECTION("keys another ICU made are not read, and are made again at the next open") {
    const auto another_icu = [&] {
      SQLite::Database db(path, SQLite::OPEN_READWRITE);
      db.exec("UPDATE participants SET sort_key = X'01' WHERE id = 'p-z'");
      db.exec("UPDATE meta SET value = '0.1' WHERE key = 'collation'");
    };
    {
      const Store store = Store::open(path);
      another_icu();  // while this store is open: its reads see the other version and sort by ICU itself
      CHECK(first_names(store) == std::vector<std::string>{"Łucja", "Maria", "Zoë"});
    }
    another_icu();
    CHECK(first_names(Store::open(path)) == std::vector<std::string>{"Łucja", "Maria", "Zoë"});
    CHECK(key_of(path, "p-z") == core::collation_key("Zoë de Vries"));
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT value FROM meta WHERE key = 'collation'").getString() == core::collation_version());
  }
  SECTION("a journal from before version 11 gets its keys at the first open") {
    {
      SQLite::Database db(path, SQLite::OPEN_READWRITE);
      db.exec(
          "ALTER TABLE participants DROP COLUMN sort_key; DELETE FROM meta WHERE key = 'collation'; "
          "PRAGMA user_version = 10");
    }
    CHECK(first_names(Store::open(path)) == std::vector<std::string>{"Łucja", "Maria", "Zoë"});
    CHECK(missing_keys(path) == 0);
  }
}

TEST_CASE("name order: a pulled name that changed gets a new key, an unchanged one keeps its key", "[storage][sync]") {
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  {
    Store store = Store::open(path);
    put_three(store);
  }
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("UPDATE participants SET sort_key = X'01' WHERE id = 'p-m'");  // to see whether it is kept
  }
  auto sync = storage::SyncStore::open(path);
  wire::PullPage page;
  page.cursor = "r1";
  page.participants = {{person("p-m", "Maria", "Jansen", "", "tr"), "", true},
                       {person("p-z", "Aaltje", "de Vries"), "", true},
                       {person("p-n", "Bas", "Nieuw"), "", true}};
  sync.apply_pull(page, test::kMonday0942);
  CHECK(key_of(path, "p-m") == "\x01");
  CHECK(key_of(path, "p-z") == core::collation_key("Aaltje de Vries"));
  CHECK(key_of(path, "p-n") == core::collation_key("Bas Nieuw"));
  CHECK(first_names(Store::open(path)) == std::vector<std::string>{"Maria", "Aaltje", "Bas", "Łucja"});
}

// The device token at rest (issue 14): after enrolling and syncing, the token is in no log line
// and no journal line (what --print-journal and exports are made from), and the database that
// holds it is readable by its owner only.
#include <sys/stat.h>
#include <catch2/catch.hpp>

#include <string>

#include "storage/sync_store.hpp"
#include "support/sync_fixture.hpp"

using namespace meedoen;
using namespace meedoen::test;

TEST_CASE("sync: the device token is in no log or journal line, and its database is the owner's only",
          "[sync][security]") {
  use_amsterdam_time();
  TempDir dir;
  ServerProcess server(dir, "de-cirkel", Store::Sqlite);
  server.start();
  TestKiosk k(dir, "a", server.url(), server.enrol_code());
  REQUIRE(k.sync_until_ok() > 0);
  k.write_events(6, kMonday0942);
  REQUIRE(k.sync_until_ok() > 0);
  const std::string token = storage::SyncStore::open(k.db()).token();
  REQUIRE(token.size() >= 16);
  REQUIRE_FALSE(k.log().empty());
  for (const auto& line : k.log()) CHECK(line.find(token) == std::string::npos);
  for (const auto& e : k.store().journal()) CHECK(storage::journal_json_line(e).find(token) == std::string::npos);
  for (const std::string& f : {k.db(), k.db() + "-wal"}) {
    struct stat st {};
    REQUIRE(::stat(f.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
  }
}

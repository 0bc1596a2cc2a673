// The embedded demo centre.
#include <catch2/catch.hpp>

#include <cstdio>
#include <set>
#include <string>

#include "storage/demo_centre.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"

using namespace meedoen;

TEST_CASE("seed_demo_centre: 42 participants with demo cards and PINs, once", "[storage]") {
  test::TempDir dir;
  storage::Store store = storage::Store::open(dir.file("demo.db"));

  REQUIRE(storage::seed_demo_centre(store, test::kMonday0942));
  const core::Roster roster = store.load_roster();
  REQUIRE(roster.all().size() == static_cast<std::size_t>(storage::kDemoParticipants));
  CHECK(storage::kDemoParticipants == 42);

  SECTION("cards DEMO0001 .. DEMO0042, unique ids") {
    std::set<std::string> ids;
    for (int i = 1; i <= 42; ++i) {
      char code[16];
      std::snprintf(code, sizeof code, "DEMO%04d", i);
      const core::Participant* p = roster.find_by_card(code);
      INFO(code);
      REQUIRE(p != nullptr);
      ids.insert(p->id);
    }
    CHECK(ids.size() == 42);
    CHECK(roster.find_by_card("DEMO0001")->id == "demo-p-0001");
    CHECK(roster.find_by_card("DEMO0042")->id == "demo-p-0042");
    CHECK(roster.find_by_card("DEMO0043") == nullptr);
    CHECK(roster.find_by_card("DEMO0000") == nullptr);
  }
  SECTION("PINs") {
    CHECK(store.verify_pin("demo-p-0001", "0001"));
    CHECK(store.verify_pin("demo-p-0042", "0042"));
    CHECK_FALSE(store.verify_pin("demo-p-0001", "0002"));
    CHECK_FALSE(store.verify_pin("demo-p-0001", ""));
    CHECK_FALSE(store.verify_pin("demo-p-0001", "00010"));
    CHECK_FALSE(store.verify_pin("demo-p-9999", "9999"));  // nobody
  }
  SECTION("names are searchable without accents") {
    const auto found = roster.search("ayse yil", 6);
    REQUIRE(found.size() == 1);
    CHECK(found[0]->first_name == "Ayşe");
    CHECK(roster.search("celik", 6).size() == 1);
    CHECK(roster.search("lucja", 6).size() == 1);
  }
  SECTION("coaches, programme and centre name") {
    CHECK(store.load_coaches().size() == 2);
    const auto programme = store.load_programme();
    CHECK(programme.size() == 17);
    for (const auto& a : programme) {
      CHECK(a.start >= 0);
      CHECK(a.end > a.start);
    }
    CHECK(store.setting("centre_name") == "De Cirkel (demo)");
  }
  SECTION("seeding twice does nothing") {
    const auto history = store.event_count();
    CHECK(history > 500);  // four weeks of demo history
    CHECK_FALSE(storage::seed_demo_centre(store, test::kMonday0942));
    CHECK(store.load_roster().all().size() == 42);
    CHECK(store.load_programme().size() == 17);
    CHECK(store.event_count() == history);  // the second seeding adds nothing
  }
}

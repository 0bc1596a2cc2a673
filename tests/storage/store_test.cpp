// Check-in and check-out: the journal events and the attendance read model.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

#include "core/hlc.hpp"
#include "core/ids.hpp"
#include "storage/store.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"

using namespace meedoen;
using core::Dagdeel;
using storage::StorageError;
using storage::Store;
using test::kMonday0942;

namespace {
constexpr const char* kToday = "2026-11-23";
constexpr const char* kTomorrow = "2026-11-24";

core::Hlc hlc_of(const storage::JournalEntry& e) {
  core::Hlc h;
  REQUIRE(core::hlc_parse(e.hlc, h));
  return h;
}
}  // namespace

TEST_CASE("Store::check_in: writes one check_in event", "[storage]") {
  test::TempDir dir;
  Store store = Store::open(dir.file("kiosk.db"));

  const auto r = store.check_in("p-ayse", kMonday0942, kToday, Dagdeel::Morning);
  CHECK(r.new_event);
  CHECK(r.attendance.participant_id == "p-ayse");
  CHECK(r.attendance.date == kToday);
  CHECK(r.attendance.dagdeel == Dagdeel::Morning);
  CHECK(r.attendance.check_in == kMonday0942);
  CHECK(r.attendance.open());

  REQUIRE(store.event_count() == 1);
  const auto journal = store.journal();
  REQUIRE(journal.size() == 1);
  const auto& e = journal[0];
  CHECK(core::is_uuid(e.id));
  CHECK(e.id[14] == '7');
  CHECK(e.device_id == store.device_id());
  CHECK(e.seq == 1);
  CHECK(e.wall == kMonday0942);
  CHECK(hlc_of(e) == core::Hlc{kMonday0942, 0});
  CHECK(e.type == "check_in");
  CHECK(e.participant_id == "p-ayse");
  CHECK_FALSE(e.synced);
  const auto payload = nlohmann::json::parse(e.payload);
  CHECK(payload.at("date") == kToday);
  CHECK(payload.at("dagdeel") == "morning");
}

TEST_CASE("Store::check_in: seq counts 1, 2, 3 per device and the HLC only increases", "[storage]") {
  test::TempDir dir;
  Store store = Store::open(dir.file("kiosk.db"));

  // The kiosk clock goes backwards between the second and third event.
  store.check_in("p-1", kMonday0942, kToday, Dagdeel::Morning);
  store.check_in("p-2", kMonday0942, kToday, Dagdeel::Morning);
  store.check_in("p-3", kMonday0942 - 60'000, kToday, Dagdeel::Morning);
  store.check_in("p-4", kMonday0942 + 1000, kToday, Dagdeel::Morning);

  const auto journal = store.journal();  // ordered by HLC
  REQUIRE(journal.size() == 4);
  for (std::size_t i = 0; i < journal.size(); ++i) {
    CHECK(journal[i].seq == static_cast<std::int64_t>(i + 1));
    CHECK(journal[i].participant_id == "p-" + std::to_string(i + 1));
    if (i > 0) {
      CHECK(hlc_of(journal[i - 1]) < hlc_of(journal[i]));
      CHECK(journal[i - 1].hlc < journal[i].hlc);  // the text sorts the same way
      CHECK(journal[i - 1].id != journal[i].id);
    }
  }
  CHECK(hlc_of(journal[2]) == core::Hlc{kMonday0942, 2});  // wall kept, counter on
  CHECK(journal[2].wall == kMonday0942 - 60'000);          // the raw clock is still recorded
  CHECK(hlc_of(journal[3]) == core::Hlc{kMonday0942 + 1000, 0});
}

TEST_CASE("Store::check_in: a second check-in while checked in writes nothing", "[storage]") {
  test::TempDir dir;
  Store store = Store::open(dir.file("kiosk.db"));
  REQUIRE(store.check_in("p-ayse", kMonday0942, kToday, Dagdeel::Morning).new_event);

  const auto again = store.check_in("p-ayse", kMonday0942 + 5 * 60'000, kToday, Dagdeel::Afternoon);
  CHECK_FALSE(again.new_event);
  CHECK(again.attendance.check_in == kMonday0942);  // the existing one
  CHECK(again.attendance.dagdeel == Dagdeel::Morning);
  CHECK(again.attendance.open());
  CHECK(store.event_count() == 1);
  CHECK(store.load_attendance(kToday).size() == 1);

  SECTION("after a check-out, a new visit the same day is a new event") {
    store.check_out("p-ayse", kMonday0942 + 60 * 60'000, kToday);
    const auto later = store.check_in("p-ayse", test::kMonday1400, kToday, Dagdeel::Afternoon);
    CHECK(later.new_event);
    CHECK(store.event_count() == 3);
    const auto att = store.load_attendance(kToday);
    REQUIRE(att.size() == 2);
    CHECK_FALSE(att[0].open());
    CHECK(att[1].open());
    CHECK(att[1].dagdeel == Dagdeel::Afternoon);
  }
  SECTION("an open check-in of another day does not block today") {
    CHECK(store.check_in("p-ayse", kMonday0942 + 86'400'000, kTomorrow, Dagdeel::Morning).new_event);
    CHECK(store.event_count() == 2);
  }
}

TEST_CASE("Store::check_out: closes the attendance and writes a check_out event", "[storage]") {
  test::TempDir dir;
  Store store = Store::open(dir.file("kiosk.db"));
  store.check_in("p-ayse", kMonday0942, kToday, Dagdeel::Morning);
  const core::TimeMs out_at = kMonday0942 + 2 * 60 * 60'000;

  const auto r = store.check_out("p-ayse", out_at, kToday);
  CHECK(r.new_event);
  CHECK(r.attendance.participant_id == "p-ayse");
  CHECK(r.attendance.check_in == kMonday0942);
  CHECK(r.attendance.check_out == out_at);
  CHECK(r.attendance.dagdeel == Dagdeel::Morning);
  CHECK_FALSE(r.attendance.open());

  const auto journal = store.journal();
  REQUIRE(journal.size() == 2);
  CHECK(journal[1].type == "check_out");
  CHECK(journal[1].seq == 2);
  CHECK(journal[1].wall == out_at);
  const auto payload = nlohmann::json::parse(journal[1].payload);
  CHECK(payload.at("date") == kToday);
  CHECK(payload.at("at") == out_at);  // docs/events.md: check_out {date, at}

  const auto att = store.load_attendance(kToday);
  REQUIRE(att.size() == 1);
  CHECK(att[0].check_out == out_at);
  CHECK(att[0].check_in_event == journal[0].id);
  CHECK_FALSE(att[0].auto_closed);
}

TEST_CASE("Store::check_out: nothing open throws StorageError and writes nothing", "[storage]") {
  test::TempDir dir;
  Store store = Store::open(dir.file("kiosk.db"));

  CHECK_THROWS_AS(store.check_out("p-nobody", kMonday0942, kToday), StorageError);
  CHECK_THROWS_WITH(store.check_out("p-nobody", kMonday0942, kToday), Catch::Contains("no open check-in"));

  store.check_in("p-ayse", kMonday0942, kToday, Dagdeel::Morning);
  CHECK_THROWS_AS(store.check_out("p-ayse", kMonday0942 + 1000, kTomorrow), StorageError);  // other day
  store.check_out("p-ayse", kMonday0942 + 1000, kToday);
  CHECK_THROWS_AS(store.check_out("p-ayse", kMonday0942 + 2000, kToday), StorageError);  // twice
  CHECK(store.event_count() == 2);
  // The failed attempts left no transaction open: writing still works.
  CHECK(store.check_in("p-jan", kMonday0942 + 3000, kToday, Dagdeel::Morning).new_event);
}

TEST_CASE("Store::load_attendance: reflects check-ins and check-outs of that date only", "[storage]") {
  test::TempDir dir;
  Store store = Store::open(dir.file("kiosk.db"));
  CHECK(store.load_attendance(kToday).empty());

  store.check_in("p-b", kMonday0942 + 1000, kToday, Dagdeel::Morning);
  store.check_in("p-a", kMonday0942, kToday, Dagdeel::Morning);
  store.check_in("p-c", test::kMonday1400, kToday, Dagdeel::Afternoon);
  store.check_in("p-a", kMonday0942 + 86'400'000, kTomorrow, Dagdeel::Morning);
  store.check_out("p-b", kMonday0942 + 5000, kToday);

  const auto att = store.load_attendance(kToday);
  REQUIRE(att.size() == 3);
  CHECK(att[0].participant_id == "p-a");  // by check-in time
  CHECK(att[0].open());
  CHECK(att[1].participant_id == "p-b");
  CHECK(att[1].check_out == kMonday0942 + 5000);
  CHECK(att[2].participant_id == "p-c");
  CHECK(att[2].dagdeel == Dagdeel::Afternoon);
  for (const auto& a : att) CHECK(a.date == kToday);

  const auto tomorrow = store.load_attendance(kTomorrow);
  REQUIRE(tomorrow.size() == 1);
  CHECK(tomorrow[0].participant_id == "p-a");
  CHECK(store.load_attendance("2026-11-22").empty());
}

TEST_CASE("Store: events survive closing and reopening", "[storage]") {
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  std::vector<storage::JournalEntry> before;
  std::string device;
  {
    Store store = Store::open(path);
    device = store.device_id();
    store.check_in("p-1", kMonday0942, kToday, Dagdeel::Morning);
    store.check_in("p-2", kMonday0942 + 1000, kToday, Dagdeel::Morning);
    store.check_out("p-1", kMonday0942 + 2000, kToday);
    before = store.journal();
  }  // the Store is destroyed: the connection is closed

  Store store = Store::open(path);
  CHECK(store.integrity_check() == "ok");
  CHECK(store.device_id() == device);
  REQUIRE(store.event_count() == 3);
  const auto after = store.journal();
  REQUIRE(after.size() == before.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    CHECK(after[i].id == before[i].id);
    CHECK(after[i].seq == before[i].seq);
    CHECK(after[i].hlc == before[i].hlc);
    CHECK(after[i].payload == before[i].payload);
  }
  const auto att = store.load_attendance(kToday);
  REQUIRE(att.size() == 2);
  CHECK_FALSE(att[0].open());
  CHECK(att[1].open());

  // Sequence and HLC continue where they were, even with an earlier clock.
  store.check_in("p-3", kMonday0942 - 10'000, kToday, Dagdeel::Morning);
  const auto next = store.journal().back();
  CHECK(next.seq == 4);
  CHECK(next.hlc > before.back().hlc);
}

TEST_CASE("Store: roster, coaches, programme and settings round-trip", "[storage]") {
  test::TempDir dir;
  Store store = Store::open(dir.file("kiosk.db"));

  core::Participant p;
  p.id = "p-ayse";
  p.first_name = "Ayşe";
  p.last_name = "Yılmaz";
  p.card_code = "C001";
  p.language = "en";
  p.mandatory = true;
  p.coach_id = "c-1";
  store.put_participant(p, "");
  core::Participant no_card = p;
  no_card.id = "p-nocard";
  no_card.card_code = "";
  store.put_participant(no_card, "");
  store.put_participant(no_card, "");  // no card is not a duplicate card
  CHECK(store.has_roster());

  auto roster = store.load_roster();
  REQUIRE(roster.all().size() == 2);
  const core::Participant* back = roster.find_by_card("C001");
  REQUIRE(back != nullptr);
  CHECK(back->id == "p-ayse");
  CHECK(back->first_name == "Ayşe");
  CHECK(back->last_name == "Yılmaz");
  CHECK(back->language == "en");
  CHECK(back->mandatory);
  CHECK(back->coach_id == "c-1");
  CHECK(roster.find("p-nocard")->card_code.empty());

  SECTION("put_participant updates an existing participant") {
    p.last_name = "Yılmaz-de Vries";
    store.put_participant(p, "");
    roster = store.load_roster();
    CHECK(roster.all().size() == 2);
    CHECK(roster.find("p-ayse")->last_name == "Yılmaz-de Vries");
  }
  SECTION("coaches by name") {
    store.put_coach({"c-2", "Erik Bos"});
    store.put_coach({"c-1", "Marloes Kuipers"});
    const auto coaches = store.load_coaches();
    REQUIRE(coaches.size() == 2);
    CHECK(coaches[0].name == "Erik Bos");
    CHECK(coaches[1].id == "c-1");
  }
  SECTION("programme") {
    core::Activity a;
    a.id = "a-1";
    a.title = "Samen koken";
    a.icon = "cooking";
    a.weekday = 3;
    a.dagdeel = Dagdeel::Afternoon;
    a.start = 13 * 60 + 30;
    a.end = 16 * 60 + 30;
    a.place = "Keuken";
    a.leader = "Marloes";
    a.capacity = 10;
    a.volunteer_work = true;
    store.put_activity(a);
    const auto programme = store.load_programme();
    REQUIRE(programme.size() == 1);
    const auto& b = programme[0];
    CHECK(b.id == a.id);
    CHECK(b.title == a.title);
    CHECK(b.icon == a.icon);
    CHECK(b.weekday == 3);
    CHECK(b.dagdeel == Dagdeel::Afternoon);
    CHECK(b.start == a.start);
    CHECK(b.end == a.end);
    CHECK(b.place == a.place);
    CHECK(b.leader == a.leader);
    CHECK(b.capacity == 10);
    CHECK(b.volunteer_work);
  }
  SECTION("settings") {
    CHECK(store.setting("centre_name", "fallback") == "fallback");
    store.set_setting("centre_name", "De Cirkel");
    CHECK(store.setting("centre_name") == "De Cirkel");
    store.set_setting("centre_name", "De Ster");
    CHECK(store.setting("centre_name") == "De Ster");
  }
}

TEST_CASE("Store::in_transaction: all or nothing", "[storage]") {
  test::TempDir dir;
  Store store = Store::open(dir.file("kiosk.db"));
  core::Participant p;
  p.id = "p-1";
  p.first_name = "Jan";
  p.last_name = "de Vries";

  CHECK_THROWS_AS(store.in_transaction([&] {
    store.put_participant(p, "");
    throw std::runtime_error("the sync was interrupted");
  }),
                  std::runtime_error);
  CHECK_FALSE(store.has_roster());

  store.in_transaction([&] { store.put_participant(p, ""); });
  CHECK(store.has_roster());
}

TEST_CASE("Store: a 10,000-character participant name round-trips", "[storage]") {
  test::TempDir dir;
  Store store = Store::open(dir.file("kiosk.db"));

  core::Participant p;
  p.id = "p-long";
  p.first_name = std::string(10'000, 'a');
  for (int i = 0; i < 2000; ++i) p.last_name += "Çş";  // 4,000 characters, 8,000 bytes
  p.card_code = "LONG";
  store.put_participant(p, "");

  const auto roster = store.load_roster();
  const core::Participant* back = roster.find_by_card("LONG");
  REQUIRE(back != nullptr);
  CHECK(back->first_name.size() == 10'000);
  CHECK(back->first_name == p.first_name);
  CHECK(back->last_name == p.last_name);
  CHECK(roster.search("aaaa", 6).size() == 1);
  CHECK(roster.search("cs", 6).size() == 1);

  CHECK(store.check_in(p.id, kMonday0942, kToday, Dagdeel::Morning).new_event);
  CHECK(store.integrity_check() == "ok");
}

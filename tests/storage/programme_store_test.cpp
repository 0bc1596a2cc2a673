// activity_saved on real database files: the codec both ways, the projection into the
// activities table in the same transaction, sign-ups that move when the capacity changes, and a
// pulled programme that must not undo a local edit the server has not seen yet.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "core/journal.hpp"
#include "storage/store.hpp"
#include "storage/sync_store.hpp"
#include "support/fake_clock.hpp"
#include "support/people.hpp"
#include "support/temp_dir.hpp"
#include "wire/event_codec.hpp"

using namespace meedoen;
using storage::StorageError;
using storage::Store;
using test::find_activity;
using test::kMonday0942;
using test::knitting;
namespace ev = core::ev;

namespace {

constexpr const char* kThursday = "2026-11-26";

}  // namespace

TEST_CASE("event codec: activity_saved round-trips with every field", "[storage][codec][programme]") {
  core::Activity a = knitting(12);
  a.date = "2026-11-26";
  a.active = false;
  const std::string payload = wire::encode_payload(ev::ActivitySaved{a, "c-1"});
  const auto j = nlohmann::json::parse(payload);
  CHECK(j["start"] == "13:30");
  CHECK(j["end"] == "15:00");
  CHECK(j["dagdeel"] == "afternoon");
  CHECK(j["active"] == false);
  std::string error;
  const auto body = wire::decode_payload("activity_saved", payload, kMonday0942, &error);
  CHECK(error.empty());
  const auto* b = std::get_if<ev::ActivitySaved>(&body);
  REQUIRE(b != nullptr);
  CHECK(b->coach_id == "c-1");
  CHECK(b->activity.id == a.id);
  CHECK(b->activity.title == a.title);
  CHECK(b->activity.icon == a.icon);
  CHECK(b->activity.weekday == 3);
  CHECK(b->activity.date == a.date);
  CHECK(b->activity.start == a.start);
  CHECK(b->activity.end == a.end);
  CHECK(b->activity.place == a.place);
  CHECK(b->activity.leader == a.leader);
  CHECK(b->activity.capacity == 12);
  CHECK(b->activity.volunteer_work);
  CHECK_FALSE(b->activity.active);
}

TEST_CASE("event codec: malformed activity_saved payloads are refused with a reason", "[storage][codec][programme]") {
  auto reason = [](nlohmann::json j) {
    std::string error;
    const auto body = wire::decode_payload("activity_saved", j.dump(), 0, &error);
    CHECK(std::holds_alternative<ev::Other>(body));
    return error;
  };
  const auto good = nlohmann::json::parse(wire::encode_payload(ev::ActivitySaved{knitting(0), "c-1"}));
  auto j = good;
  j["title"] = std::string(10'000, 'x');
  CHECK(reason(j) == "activity_saved: the title is longer than 120 characters");
  j = good;
  j["start"] = "25:00";
  CHECK(reason(j) == "activity_saved: start and end must be times like 09:30");
  j = good;
  j["capacity"] = 4294967297ull;
  CHECK(reason(j) == "activity_saved: 'capacity' is out of range");
  j = good;
  j.erase("active");
  CHECK(reason(j) == "activity_saved: 'active' must be true or false");
  j = good;
  j["icon"] = "rocket";
  CHECK(reason(j) == "activity_saved: unknown pictogram 'rocket'");
}

TEST_CASE("Store::record: activity_saved writes the programme in the same transaction", "[storage][programme]") {
  test::use_amsterdam_time();
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  {
    Store store = Store::open(path);
    const auto e = store.record("", ev::ActivitySaved{knitting(0), "c-1"}, kMonday0942);
    CHECK(e.type == "activity_saved");
    CHECK(e.participant_id.empty());
    core::Activity changed = knitting(0);
    changed.title = "Breien en haken";
    store.record("", ev::ActivitySaved{changed, "c-2"}, kMonday0942 + 1000);
  }
  Store store = Store::open(path);
  const auto programme = store.load_programme();
  REQUIRE(programme.size() == 1);
  CHECK(programme[0].title == "Breien en haken");
  CHECK(programme[0].volunteer_work);
  CHECK(programme[0].active);
  // A 10,000-character title never reaches the journal.
  core::Activity huge = knitting(0);
  huge.title = std::string(10'000, 'x');
  CHECK_THROWS_AS(store.record("", ev::ActivitySaved{huge, "c-1"}, kMonday0942 + 2000), StorageError);
  CHECK(store.event_count() == 2);
  CHECK(store.load_programme()[0].title == "Breien en haken");
}

TEST_CASE("Store::record: a new capacity moves places and waiting lists of every date", "[storage][programme]") {
  test::use_amsterdam_time();
  test::TempDir dir;
  Store store = Store::open(dir.file("kiosk.db"));
  store.record("", ev::ActivitySaved{knitting(1), "c-1"}, kMonday0942);
  for (const char* p : {"p-1", "p-2", "p-3"}) store.record(p, ev::SignedUp{"a-breien", kThursday}, kMonday0942 + 1000);
  store.record("p-2", ev::SignedUp{"a-breien", "2026-12-03"}, kMonday0942 + 2000);
  store.record("p-3", ev::SignedUp{"a-breien", "2026-12-03"}, kMonday0942 + 2000);
  auto placed = [&](const std::string& date) {
    int n = 0;
    for (const auto& s : store.load_signups(date, date)) n += s.placed ? 1 : 0;
    return n;
  };
  CHECK(placed(kThursday) == 1);
  CHECK(placed("2026-12-03") == 1);
  store.record("", ev::ActivitySaved{knitting(2), "c-1"}, kMonday0942 + 3000);
  CHECK(placed(kThursday) == 2);
  CHECK(placed("2026-12-03") == 2);
  const auto rows = store.load_signups(kThursday, kThursday);
  CHECK(rows[1].participant_id == "p-2");
  CHECK(rows[1].placed);
  CHECK(rows[2].waiting_position == 1);
  store.record("", ev::ActivitySaved{knitting(0), "c-1"}, kMonday0942 + 4000);  // open to all
  CHECK(placed(kThursday) == 3);
}

TEST_CASE("SyncStore::apply_pull: a pulled programme keeps the local edit the server has not seen",
          "[storage][programme]") {
  test::use_amsterdam_time();
  test::TempDir dir;
  const std::string path = dir.file("kiosk.db");
  Store store = Store::open(path);
  store.put_activity(knitting(0));
  core::Activity mine = knitting(0);
  mine.title = "Breien (nieuw)";
  store.record("", ev::ActivitySaved{mine, "c-1"}, kMonday0942);
  auto sync = storage::SyncStore::open(path);

  wire::PullPage page;
  page.cursor = "r1.e0";
  wire::WireActivity old;
  old.a = knitting(6);  // the server's row, from before our edit
  page.activities.push_back(old);
  core::Activity other = knitting(0);
  other.id = "a-other";
  other.title = "Tekenen";
  page.activities.push_back({other, true});
  wire::WireActivity gone;
  gone.a = knitting(0);
  gone.a.id = "a-gone";
  gone.active = false;  // a tombstone: kept, inactive
  page.activities.push_back(gone);
  sync.apply_pull(page, kMonday0942 + 1000);
  auto programme = store.load_programme();
  REQUIRE(find_activity(programme, "a-breien") != std::nullopt);
  CHECK(find_activity(programme, "a-breien")->title == "Breien (nieuw)");
  CHECK(find_activity(programme, "a-breien")->capacity == 0);
  CHECK(find_activity(programme, "a-other")->title == "Tekenen");
  REQUIRE(find_activity(programme, "a-gone") != std::nullopt);
  CHECK_FALSE(find_activity(programme, "a-gone")->active);

  // Once the edit reached the server, the server's row is the word (it decided by fold order).
  const auto pending = sync.pending(100, 1 << 20);
  REQUIRE(pending.size() == 1);
  sync.mark_pushed({{pending[0].id, wire::PushStatus::Stored, ""}}, kMonday0942 + 2000);
  wire::PullPage later;
  later.cursor = "r2.e1";
  wire::WireActivity newer;
  newer.a = knitting(0);
  newer.a.title = "Breien (van kiosk B)";
  later.activities.push_back(newer);
  sync.apply_pull(later, kMonday0942 + 3000);
  CHECK(find_activity(store.load_programme(), "a-breien")->title == "Breien (van kiosk B)");
}

// Events stamped by a clock far off, pulled from the server (issue 14): kept like any other and
// flagged for the coach, whether the server said so ("clock_off") or this kiosk's own clock shows
// it; an event within kMaxClockDrift is not flagged, and a flag is never stored twice.
#include <catch2/catch.hpp>

#include <string>

#include "core/hlc.hpp"
#include "storage/store.hpp"
#include "storage/sync_store.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"
#include "wire/wire.hpp"

using namespace meedoen;
using test::kMonday0942;

namespace {

wire::WireEvent check_in(const std::string& id, core::TimeMs wall, bool server_flag) {
  wire::WireEvent e;
  e.id = id;
  e.device_id = "kiosk-b";
  e.seq = static_cast<std::int64_t>(id.back());
  e.wall_ms = wall;
  e.hlc = core::hlc_to_string(core::Hlc{wall, 0});
  e.type = "check_in";
  e.participant_id = "p-ayse";
  const std::string date = core::format_date_iso(core::to_local(wall));
  e.payload = R"({"date":")" + date + R"(","dagdeel":"morning","at":)" + std::to_string(wall) + "}";
  e.clock_off = server_flag;
  return e;
}

}  // namespace

TEST_CASE("clock flags: pulled events from a clock far ahead are kept and listed for the coach",
          "[storage][sync][security]") {
  test::use_amsterdam_time();
  test::TempDir dir;
  const std::string path = dir / "kiosk.db";
  storage::Store store = storage::Store::open(path);
  auto sync = storage::SyncStore::open(path);
  const core::TimeMs now = kMonday0942;
  wire::PullPage page;
  page.cursor = "r1.e4";
  page.events = {
      check_in("e-1", now - 60'000, false),                        // a normal one
      check_in("e-2", now + core::kMaxClockDrift - 1000, false),   // a little ahead: within the bound
      check_in("e-3", now + core::minutes(60 * 24 * 365), false),  // a year ahead: found here
      check_in("e-4", now - 120'000, true),                        // flagged by the server
  };
  sync.apply_pull(page, now);
  CHECK(store.event_count() == 4);  // every one kept
  const auto flagged = store.load_clock_off(now - 1000);
  REQUIRE(flagged.size() == 2);
  CHECK(flagged[0].event_id == "e-3");  // newest stamp first
  CHECK_FALSE(flagged[0].by_server);
  CHECK(flagged[0].participant_id == "p-ayse");
  CHECK(flagged[0].type == "check_in");
  CHECK(flagged[0].device_id == "kiosk-b");
  CHECK(flagged[0].wall == now + core::minutes(60 * 24 * 365));
  CHECK(flagged[0].received == now);
  CHECK(flagged[1].event_id == "e-4");
  CHECK(flagged[1].by_server);
  // The same page again (a retried pull) stores nothing twice; older flags fall out of the list.
  sync.apply_pull(page, now + 5000);
  CHECK(store.load_clock_off(now - 1000).size() == 2);
  CHECK(store.load_clock_off(now + 1).empty());
}

// Every event type the kiosk can write reaches a real meedoen-server and is stored there: the
// types come from the same table the code uses (core/events.hpp), so a new type cannot be
// forgotten on the server.
#include <catch2/catch.hpp>

#include <set>

#include "storage/demo_centre.hpp"
#include "support/sync_fixture.hpp"
#include "wire/event_samples.hpp"

using namespace meedoen;
using namespace meedoen::test;

namespace {

// A centre-wide type (its fold subject names no participant) travels with participant_id "".
bool centre_wide(const core::EventBody& body) {
  return std::visit(
      [](const auto& b) {
        using T = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<T, core::ev::Other>) return false;
        else return T::kFold == core::Fold::Activity || T::kFold == core::Fold::Coach;
      },
      body);
}

}  // namespace

TEST_CASE("sync: one event of every type the kiosk writes is stored by the server: none rejected, no gaps",
          "[sync][events]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  TestKiosk k(dir, "a", server.url(), server.enrol_code());
  const auto samples = event_samples();
  REQUIRE(samples.size() == core::kEventTypeCount);
  core::TimeMs at = kMonday0942;
  for (auto body : samples) {
    // A PIN change names a coach the centre has (the server refuses one for a coach it does not).
    if (auto* pin = std::get_if<core::ev::CoachPinChanged>(&body)) pin->coach_id = storage::kDemoCoaches[0].id;
    k.store().record(centre_wide(body) ? "" : demo_participant(7), body, at += 1000);
  }

  REQUIRE(k.sync_until_ok() > 0);
  CHECK(k.unsent() == 0);
  CHECK(storage::SyncStore::open(k.db()).rejected().empty());
  CHECK(k.worker().status().rejected == 0);
  CHECK(server_count(server, "SELECT COUNT(*) FROM rejections") == 0);
  CHECK(server_count(server, "SELECT COUNT(DISTINCT type) FROM events") == core::kEventTypeCount);
  for (const auto& type : core::event_types()) {
    INFO(type);
    CHECK(server_count(server, "SELECT COUNT(*) FROM events WHERE type = '" + std::string(type) + "'") == 1);
  }
  CHECK(server_count(server, "SELECT SUM(gaps) + SUM(seq_reused) FROM kiosks") == 0);
  CHECK(server.admin("kiosks --centre de-cirkel").find("gaps") != std::string::npos);
}

// Participants' agreements through a real meedoen-server: from the roster file to the kiosks
// (and to the coach's Today), a coach's change on kiosk A to kiosk B, a re-import that keeps the
// coaches' agreements and all history, and a kiosk's own unsent change that an older pulled row
// must not undo.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <memory>
#include <string>

#include "core/state.hpp"
#include "support/people.hpp"
#include "support/sync_fixture.hpp"
#include "ui/coach_views.hpp"

using namespace meedoen;
using namespace meedoen::test;

namespace {

// The server's import counts as of its real clock, so a coach's change after it must be later.
core::TimeMs wall_now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

const core::Participant& in(const core::Roster& r, const std::string& id) {
  const core::Participant* p = r.find(id);
  REQUIRE(p != nullptr);
  return *p;
}

// The coach's Today at Monday 09:42 over a kiosk's roster: is the participant expected and not in?
bool expected_today(const core::Roster& roster, const std::string& id) {
  core::State s;
  s.roster = std::make_shared<const core::Roster>(roster);
  s.now = s.last_input = kMonday0942;
  s.screen = core::Screen::CoachToday;
  s.coach.coach_id = "c-1";
  s.coach.data.loaded = true;
  ui::Strings tr;
  tr.load(MEEDOEN_ASSETS_DIR "/i18n", {"nl"});
  const ui::CoachTodayView v = ui::make_coach_today_view(s, tr);
  for (const auto& it : v.items)
    if (it.kind == ui::AttentionItem::Kind::NotHere && it.person_id == id) {
      CHECK(it.what == "Ochtend: nog niet binnen");
      return true;
    }
  return false;
}

core::ev::AgreementsChanged tuesdays(const std::string& start) {
  return {start, "2027-06-30", static_cast<int>(core::agreed_bit(1, core::Dagdeel::Morning)), 21, 90, true,
          true,  "c-1"};
}

int server_events(const ServerProcess& server, const std::string& type) {
  return static_cast<int>(server_number(server.db(), "SELECT COUNT(*) FROM events WHERE type = ?", type));
}

}  // namespace

TEST_CASE("sync: the roster's agreements reach the kiosks, a coach's change on A reaches B, a re-import keeps them",
          "[sync][roster]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "", store);
  server.admin("create-centre --id de-cirkel --name 'De Cirkel'");
  server.admin("add-coach --centre de-cirkel --id c-1 --name 'Marloes Kuipers' < " +
               sh_quote(dir.write("pin", "471100\n")));
  const std::string roster = dir.write(
      "roster.csv",
      "\xEF\xBB\xBFid;first_name;last_name;card_code;pin;language;coach_id;start_date;end_date;agreed_dagdelen;"
      "talk_every;agreed_hours;show_agreed_hours;photo_consent\n"
      "p1;Amal;Haddad;C1;1234;tr;c-1;01-09-2026;;ma-ochtend wo-middag;2 weken;4:30;ja;nee\n"
      "p2;Bram;Bos;C2;;nl;c-1;;;;;;;\n");
  CHECK(server.admin("import-roster --centre de-cirkel " + roster).find("2 added") != std::string::npos);
  server.start();
  TestKiosk a(dir, "a", server.url(), server.enrol_code());
  TestKiosk b(dir, "b", server.url(), server.enrol_code());
  REQUIRE(a.sync().ok);
  REQUIRE(b.sync().ok);

  const core::Roster on_b = b.store().load_roster();
  const core::Participant& amal = in(on_b, "p1");
  CHECK(amal.language == "tr");
  CHECK(amal.start_date == "2026-09-01");
  CHECK(amal.agreed_parts ==
        (core::agreed_bit(0, core::Dagdeel::Morning) | core::agreed_bit(2, core::Dagdeel::Afternoon)));
  CHECK(amal.talk_every_days == 14);
  CHECK(amal.agreed_minutes_per_week == 270);
  CHECK(amal.show_agreed_hours);
  CHECK_FALSE(amal.photo_consent);
  CHECK(expected_today(on_b, "p1"));  // Monday morning, agreed: expected and not in yet
  CHECK_FALSE(expected_today(on_b, "p2"));

  // A coach on kiosk A moves Amal to Tuesdays: A's roster shows it at once, B after a sync.
  a.store().record("p1", tuesdays("2026-10-01"), wall_now());
  CHECK(in(a.store().load_roster(), "p1").agreed_parts == core::agreed_bit(1, core::Dagdeel::Morning));
  REQUIRE(a.sync().ok);
  REQUIRE(b.sync().ok);
  const core::Roster after = b.store().load_roster();
  const core::Participant& moved = in(after, "p1");
  CHECK(moved.start_date == "2026-10-01");
  CHECK(moved.end_date == "2027-06-30");
  CHECK(moved.agreed_parts == core::agreed_bit(1, core::Dagdeel::Morning));
  CHECK(moved.talk_every_days == 21);
  CHECK(moved.agreed_minutes_per_week == 90);
  CHECK(moved.photo_consent);
  CHECK_FALSE(expected_today(after, "p1"));
  CHECK(server_events(server, "agreements_changed") == 1);

  // The client system's next export, without agreement columns: the coach's agreements stay,
  // the events stay, the new name arrives.
  const std::string export_csv =
      dir.write("export.csv", "id,first_name,last_name,card_code\np1,Amal,Haddad-Smit,C1\np2,Bram,Bos,C2\n");
  CHECK(server.admin("import-roster --centre de-cirkel " + export_csv).find("2 updated") != std::string::npos);
  REQUIRE(b.sync().ok);
  const core::Roster reimported = b.store().load_roster();
  CHECK(in(reimported, "p1").last_name == "Haddad-Smit");
  CHECK(in(reimported, "p1").agreed_parts == core::agreed_bit(1, core::Dagdeel::Morning));
  CHECK(in(reimported, "p1").language == "tr");
  CHECK(server_events(server, "agreements_changed") == 1);
  REQUIRE(a.sync().ok);
  CHECK(in(a.store().load_roster(), "p1").last_name == "Haddad-Smit");
  CHECK(in(a.store().load_roster(), "p1").agreed_minutes_per_week == 90);
}

TEST_CASE("sync: a kiosk's unsent agreements change is not undone by an older pulled row", "[sync][roster]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  TestKiosk a(dir, "a", server.url(), server.enrol_code());
  REQUIRE(a.sync().ok);
  const std::string pid = demo_participant(1);
  const core::Participant before = in(a.store().load_roster(), pid);
  a.store().record(pid, tuesdays("2026-10-01"), wall_now());
  // A page with the participant's row as the server had it before (the change is still unsent).
  auto sync_db = storage::SyncStore::open(a.db());
  REQUIRE(sync_db.unsent_count() == 1);
  wire::PullPage page;
  page.cursor = sync_db.cursor();
  page.participants = {{before, "", true}};
  sync_db.apply_pull(page, kMonday0942);
  CHECK(in(a.store().load_roster(), pid).agreed_parts == core::agreed_bit(1, core::Dagdeel::Morning));
  CHECK(in(a.store().load_roster(), pid).start_date == "2026-10-01");
  // Once sent, the server's row says the same.
  REQUIRE(a.sync().ok);
  REQUIRE(a.sync().ok);
  CHECK(in(a.store().load_roster(), pid).agreed_parts == core::agreed_bit(1, core::Dagdeel::Morning));
  CHECK(server_events(server, "agreements_changed") == 1);
}

TEST_CASE("sync: a malformed agreement in a pulled page skips that participant, the rest applies", "[sync][roster]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  TestKiosk a(dir, "a", server.url(), server.enrol_code());
  REQUIRE(a.sync().ok);
  // The server's row is corrupted by hand (an older or foreign server could send this).
  {
    server_change(server.db(),
                  "UPDATE participants SET end_date = 'gisteren', rev = rev + 1000 WHERE id = 'demo-p-0001'");
    server_change(server.db(),
                  "UPDATE participants SET first_name = 'Johannes', rev = rev + 1001 WHERE id = 'demo-p-0002'");
  }
  const auto r = a.sync();
  CHECK(r.ok);
  CHECK(in(a.store().load_roster(), demo_participant(2)).first_name == "Johannes");
  CHECK(in(a.store().load_roster(), demo_participant(1)).end_date != "gisteren");
  a.store().check_in(demo_participant(3), kMonday0942, "2026-11-23", core::Dagdeel::Morning);
  REQUIRE(a.sync().ok);  // and the kiosk keeps syncing
  CHECK(a.unsent() == 0);
}

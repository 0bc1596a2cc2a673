// Coaches and their PINs between meedoen-server and kiosks: a PIN set with add-coach opens coach
// mode on the kiosk after a pull; a PIN changed on kiosk A (through the real session, as a coach
// does it) opens it on kiosk B and the old one no longer does; a removed coach cannot log in after
// the next pull (and is logged out if they were); a malformed hash from the server is skipped for
// that coach only; an older change loses to a newer one, by fold order.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <string>

#include "platform/session.hpp"
#include "storage/pin_hash.hpp"
#include "support/sync_fixture.hpp"

using namespace meedoen;
using namespace meedoen::test;

namespace {

// Kiosk events that must win against the server's add-coach (stamped with the server's real
// clock) are stamped with the real clock too; the demo's fixed Monday lies in the past.
core::TimeMs wall_now() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// add-coach with the PIN on standard input, as a script or an operator's pipe gives it.
RunResult add_coach(const ServerProcess& server, const TempDir& dir, const std::string& id, const std::string& name,
                    const std::string& pin_line) {
  const std::string file = dir / ("pin-" + id);
  std::ofstream(file) << pin_line;
  return server.admin_result("add-coach --centre de-cirkel --id " + id + " --name " + sh_quote(name) + " < " +
                             sh_quote(file));
}

// A kiosk's session (the reducer and its effects on the kiosk's own database), read fresh.
struct Screen {
  platform::Session session;
  explicit Screen(storage::Store& store) : session(core::KioskConfig{}, store) {
    session.dispatch(core::Tick{wall_now()});
    session.reload(wall_now());
  }
  void type(const char* pin) {
    for (const char* d = pin; *d; ++d) session.dispatch(core::CoachPinDigit{*d});
  }
  // The coach who got in with this PIN, "" when it did not open coach mode.
  std::string log_in(const char* pin) {
    session.dispatch(core::CoachCornerTapped{});
    type(pin);
    const std::string who = session.state().coach.coach_id;
    if (!who.empty()) session.dispatch(core::CoachLeaveTapped{});
    return who;
  }
};

std::string server_coach(const ServerProcess& s, const std::string& id, const char* column) {
  const auto rows = server_rows(s.db(), std::string("SELECT ") + column + " FROM coaches WHERE id = ?", id);
  return rows.empty() ? "<none>" : rows.front().text(0);
}

// Changes a coach's hash on the server behind its back (a damaged or foreign server), with a new
// revision so kiosks pull the row.
void corrupt_hash(const ServerProcess& s, const std::string& id, const std::string& hash) {
  server_change(
      s.db(), "UPDATE coaches SET pin_hash = ?, rev = (SELECT value + 1 FROM counter WHERE name = 'rev') WHERE id = ?",
      hash, id);
  server_change(s.db(), "UPDATE counter SET value = value + 1 WHERE name = 'rev'");
}

}  // namespace

TEST_CASE("sync: a coach's PIN set with add-coach opens coach mode on the kiosk after a pull", "[sync][coach]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  TestKiosk k(dir, "a", server.url(), server.enrol_code());
  REQUIRE(k.sync().ok);
  // The demo centre's coaches came with their demo PINs (README: Marloes 246810, Erik 135790).
  CHECK(k.store().find_coach_by_pin("246810") == "demo-coach-1");
  CHECK(k.store().find_coach_by_pin("135790") == "demo-coach-2");
  const RunResult r = add_coach(server, dir, "c-anna", "Anna de Groot", "975310\n");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("975310") == std::string::npos);  // never echoed
  CHECK(k.store().find_coach_by_pin("975310").empty());
  REQUIRE(k.sync().ok);
  CHECK(k.store().find_coach_by_pin("975310") == "c-anna");
  Screen screen(k.store());
  CHECK(screen.log_in("975310") == "c-anna");
  // Stored as argon2id on both sides, never as the PIN.
  CHECK(server_coach(server, "c-anna", "pin_hash").rfind("$argon2id$", 0) == 0);
  SQLite::Database db(k.db(), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("SELECT pin_hash FROM coaches WHERE id = 'c-anna'").getString().rfind("$argon2id$", 0) == 0);
}

TEST_CASE("sync: kiosk A changes a coach's PIN, kiosk B opens with the new PIN and not the old", "[sync][coach]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  TestKiosk a(dir, "a", server.url(), server.enrol_code());
  TestKiosk b(dir, "b", server.url(), server.enrol_code());
  REQUIRE(a.sync().ok);
  REQUIRE(b.sync().ok);
  {  // On kiosk A, as Marloes does it: coach mode, the key button, old PIN, new PIN twice.
    Screen screen(a.store());
    screen.session.dispatch(core::CoachCornerTapped{});
    screen.type("246810");
    REQUIRE(screen.session.state().coach.coach_id == "demo-coach-1");
    screen.session.dispatch(core::PinChangeTapped{});
    screen.type("246810");
    screen.type("864200");
    screen.type("864200");
    CHECK(core::active_notice(screen.session.state()) == core::Notice::PinChanged);
    CHECK(screen.session.state().screen == core::Screen::CoachToday);
  }
  CHECK(a.store().find_coach_by_pin("864200") == "demo-coach-1");  // at once, on A itself
  SQLite::Database adb(a.db(), SQLite::OPEN_READONLY);
  CHECK(adb.execAndGet("SELECT COUNT(*) FROM events WHERE type = 'coach_pin_changed' AND participant_id = '' "
                       "AND payload NOT LIKE '%8642%'")
            .getInt() == 1);
  REQUIRE(a.sync().ok);
  CHECK(server_coach(server, "demo-coach-1", "pin_key").find(a.store().device_id()) != std::string::npos);
  REQUIRE(b.sync().ok);
  Screen on_b(b.store());
  CHECK(on_b.log_in("864200") == "demo-coach-1");
  CHECK(on_b.log_in("246810").empty());
  CHECK(b.store().find_coach_by_pin("135790") == "demo-coach-2");  // the other coach is untouched
  // A's own change comes back from the server as it is, and stays.
  REQUIRE(a.sync().ok);
  CHECK(a.store().find_coach_by_pin("864200") == "demo-coach-1");
  CHECK(server_count(server, "SELECT COUNT(*) FROM events WHERE type = 'coach_pin_changed'") == 1);
  CHECK(server_count(server, "SELECT COUNT(*) FROM rejections") == 0);
}

TEST_CASE("sync: an older PIN change loses to a newer add-coach, on the server and back on the kiosk",
          "[sync][coach]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  TestKiosk a(dir, "a", server.url(), server.enrol_code());
  REQUIRE(a.sync().ok);
  // Offline with a clock in the past: the change is older than the server's demo PIN.
  a.store().record("", core::ev::CoachPinChanged{"demo-coach-1", storage::hash_pin("864200")}, kMonday0942);
  CHECK(a.store().find_coach_by_pin("864200") == "demo-coach-1");
  REQUIRE(a.sync().ok);  // stored, not applied; the touched row comes back
  CHECK(server_count(server, "SELECT COUNT(*) FROM events WHERE type = 'coach_pin_changed'") == 1);
  CHECK(a.store().find_coach_by_pin("246810") == "demo-coach-1");
  CHECK(a.store().find_coach_by_pin("864200").empty());
  // An event for a coach the centre does not have is refused with a reason.
  a.store().record("", core::ev::CoachPinChanged{"c-nobody", storage::hash_pin("111100")}, wall_now());
  REQUIRE(a.sync().ok);
  CHECK(server_count(server, "SELECT COUNT(*) FROM rejections WHERE reason LIKE '%unknown coach c-nobody%'") == 1);
}

TEST_CASE("sync: a removed coach cannot log in after the next pull, and is logged out", "[sync][coach]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  TestKiosk k(dir, "a", server.url(), server.enrol_code());
  REQUIRE(k.sync().ok);
  Screen screen(k.store());
  screen.session.dispatch(core::CoachCornerTapped{});
  screen.type("135790");
  REQUIRE(screen.session.state().coach.coach_id == "demo-coach-2");
  const RunResult r = server.admin_result("remove-coach --centre de-cirkel --id demo-coach-2");
  REQUIRE(r.exit_code == 0);
  CHECK(server_coach(server, "demo-coach-2", "active") == "0");
  CHECK(server_coach(server, "demo-coach-2", "pin_hash").empty());
  CHECK(k.store().find_coach_by_pin("135790") == "demo-coach-2");  // until the kiosk pulls
  const auto pulled = k.sync();
  REQUIRE(pulled.ok);
  CHECK(pulled.data_changed);
  screen.session.reload(wall_now());  // what the kiosk's main loop does after a pull
  CHECK(screen.session.state().coach.coach_id.empty());
  CHECK(screen.session.state().screen == core::Screen::Welcome);
  CHECK(screen.log_in("135790").empty());
  CHECK(k.store().find_coach_by_pin("135790").empty());
  CHECK(screen.log_in("246810") == "demo-coach-1");
  // Removing every coach: the pad says how to add one (State::coaches is empty).
  REQUIRE(server.admin_result("remove-coach --centre de-cirkel --id demo-coach-1").exit_code == 0);
  REQUIRE(k.sync().ok);
  screen.session.reload(wall_now());
  REQUIRE(screen.session.state().coaches.has_value());
  CHECK(screen.session.state().coaches->empty());
  // Added again, with a new PIN: back on the kiosk.
  REQUIRE(add_coach(server, dir, "demo-coach-2", "Erik Bos", "432100\n").exit_code == 0);
  REQUIRE(k.sync().ok);
  CHECK(k.store().find_coach_by_pin("432100") == "demo-coach-2");
  CHECK(k.store().find_coach_by_pin("135790").empty());
}

TEST_CASE("sync: a malformed PIN hash from the server is skipped for that coach, the rest applies", "[sync][coach]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  TestKiosk k(dir, "a", server.url(), server.enrol_code());
  REQUIRE(k.sync().ok);
  const std::string bad = GENERATE(std::string("246810"), std::string("$2b$10$notargon2"),
                                   "$argon2id$v=19$m=4096,t=2,p=1$" + std::string(20'000, 'A') + "$AAAA");
  corrupt_hash(server, "demo-coach-1", bad);
  REQUIRE(add_coach(server, dir, "c-anna", "Anna de Groot", "975310\n").exit_code == 0);  // same page
  const auto r = k.sync();
  REQUIRE(r.ok);
  CHECK(k.store().find_coach_by_pin("246810") == "demo-coach-1");  // the previous hash stays
  CHECK(k.store().find_coach_by_pin("975310") == "c-anna");
  bool named = false;
  for (const auto& line : k.log()) named |= line.find("coach demo-coach-1") != std::string::npos;
  CHECK(named);
  // The cursor moved on: the next round is quiet (no endless retry of the page).
  const auto again = k.sync();
  CHECK(again.ok);
  CHECK_FALSE(again.data_changed);
}

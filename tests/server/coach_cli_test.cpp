// meedoen-server add-coach and remove-coach as an operator runs them: the PIN comes from
// standard input (one line when it is not a terminal), is checked by the kiosk pad's rules and
// is stored only as an argon2id hash; bad PINs exit 2 with a message and store nothing.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "storage/pin_hash.hpp"
#include "support/server_db.hpp"
#include "support/server_process.hpp"

using namespace meedoen;
using namespace meedoen::test;

namespace {

// add-coach for centre de-cirkel with `input` on standard input.
RunResult add_coach(const ServerProcess& s, const TempDir& dir, const std::string& id, const std::string& name,
                    const std::string& input) {
  static int n = 0;
  const std::string file = dir / ("stdin" + std::to_string(++n));
  std::ofstream(file, std::ios::binary) << input;
  return s.admin_result("add-coach --centre de-cirkel --id " + id + " --name " + sh_quote(name) + " < " +
                        sh_quote(file));
}

struct CoachRow {
  bool found = false;
  std::string name, pin_hash, pin_key;
  int active = 0;
  std::int64_t rev = 0;
};

CoachRow coach(const ServerProcess& s, const std::string& id) {
  const auto rows = server_rows(s.db(), "SELECT name, pin_hash, pin_key, active, rev FROM coaches WHERE id = ?", id);
  if (rows.empty()) return {};
  const auto& st = rows.front();
  return {true, st.text(0), st.text(1), st.text(2), static_cast<int>(st.integer(3)), st.integer(4)};
}

}  // namespace

TEST_CASE("server: add-coach reads the PIN from standard input and keeps only its argon2id hash", "[server][coach]") {
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  const RunResult r = add_coach(server, dir, "c-anna", "Anna de Groot", "975310\n");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("coach c-anna saved") != std::string::npos);
  CHECK(r.out.find("975310") == std::string::npos);
  CHECK(r.err.empty());  // no prompt when standard input is not a terminal
  const CoachRow row = coach(server, "c-anna");
  REQUIRE(row.found);
  CHECK(row.name == "Anna de Groot");
  CHECK(row.active == 1);
  CHECK(row.pin_hash.rfind("$argon2id$v=19$", 0) == 0);
  CHECK(storage::verify_pin_hash(row.pin_hash, "975310"));
  CHECK_FALSE(storage::verify_pin_hash(row.pin_hash, "975311"));
  // The fold key of a command-line change: the server's clock, "server" as its device.
  CHECK(row.pin_key.size() > 8);
  CHECK(row.pin_key.substr(row.pin_key.size() - 7) == "|server");
  SECTION("a Windows line end is not part of the PIN") {
    REQUIRE(add_coach(server, dir, "c-anna", "Anna de Groot", "864200\r\n").exit_code == 0);
    CHECK(storage::verify_pin_hash(coach(server, "c-anna").pin_hash, "864200"));
  }
  SECTION("no line end at all") {
    REQUIRE(add_coach(server, dir, "c-anna", "Anna de Groot", "864200").exit_code == 0);
    CHECK(storage::verify_pin_hash(coach(server, "c-anna").pin_hash, "864200"));
  }
  SECTION("an existing id is renamed and re-PINned, with a new revision for the kiosks") {
    const RunResult again = add_coach(server, dir, "c-anna", "Anna de Groot-Bakker", "147000\n");
    REQUIRE(again.exit_code == 0);
    const CoachRow now = coach(server, "c-anna");
    CHECK(now.name == "Anna de Groot-Bakker");
    CHECK(storage::verify_pin_hash(now.pin_hash, "147000"));
    CHECK_FALSE(storage::verify_pin_hash(now.pin_hash, "975310"));
    CHECK(now.rev > row.rev);
    CHECK(now.pin_key >= row.pin_key);
  }
}

TEST_CASE("server: add-coach refuses a bad PIN with a clear message, exit 2, nothing stored", "[server][coach]") {
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  REQUIRE(add_coach(server, dir, "c-anna", "Anna de Groot", "975310\n").exit_code == 0);
  const CoachRow before = coach(server, "c-anna");
  const struct {
    const char* input;
    const char* message;
  } cases[] = {
      {"2468\n", "a coach PIN is 6 digits (0-9), got 4 digits"},  // the old length: no longer taken
      {"2468100\n", "a coach PIN is 6 digits (0-9), got 7 digits"},
      {"24a810\n", "a coach PIN is 6 digits (0-9), got other characters"},
      {" 246810\n", "a coach PIN is 6 digits (0-9), got other characters"},
      {"\n", "a coach PIN is 6 digits (0-9), got nothing"},
      {"", "no PIN on standard input"},
  };
  for (const auto& c : cases) {
    INFO("input " << c.input);
    for (const char* id : {"c-new", "c-anna"}) {  // a new coach, and re-PINning one
      const RunResult r = add_coach(server, dir, id, "Someone", c.input);
      CHECK(r.exit_code == 2);
      CHECK(r.err.find(c.message) != std::string::npos);
      CHECK(r.err.find("nothing was stored") != std::string::npos);
    }
  }
  CHECK_FALSE(coach(server, "c-new").found);
  const CoachRow after = coach(server, "c-anna");
  CHECK(after.name == "Anna de Groot");
  CHECK(after.pin_hash == before.pin_hash);
  CHECK(after.rev == before.rev);
  SECTION("another coach of the centre has this PIN (coaches log in by PIN alone)") {
    const RunResult r = add_coach(server, dir, "c-new", "Someone", "246810\n");  // Marloes's demo PIN
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("coach demo-coach-1 of de-cirkel has this PIN already") != std::string::npos);
    CHECK_FALSE(coach(server, "c-new").found);
  }
  SECTION("an unknown centre") {
    const std::string file = dir / "pin";
    std::ofstream(file) << "246810\n";
    const RunResult r = server.admin_result("add-coach --centre nowhere --id c-x --name X < " + sh_quote(file));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("there is no centre \"nowhere\"") != std::string::npos);
  }
  SECTION("the PIN is no option") {
    const RunResult r = server.admin_result("add-coach --centre de-cirkel --id c-x --name X --pin 246810 < /dev/null");
    CHECK(r.exit_code != 0);
    CHECK_FALSE(coach(server, "c-x").found);
  }
}

TEST_CASE("server: remove-coach leaves a tombstone without a PIN, an unknown coach is an error", "[server][coach]") {
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  const CoachRow before = coach(server, "demo-coach-2");
  REQUIRE(before.found);
  CHECK(storage::verify_pin_hash(before.pin_hash, "135790"));  // the demo's coaches have their demo PINs
  const RunResult r = server.admin_result("remove-coach --centre de-cirkel --id demo-coach-2");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("coach demo-coach-2 removed") != std::string::npos);
  const CoachRow after = coach(server, "demo-coach-2");
  REQUIRE(after.found);  // old events still name the coach
  CHECK(after.active == 0);
  CHECK(after.pin_hash.empty());
  CHECK(after.rev > before.rev);
  const RunResult unknown = server.admin_result("remove-coach --centre de-cirkel --id c-nobody");
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("there is no coach \"c-nobody\" at the centre \"de-cirkel\"") != std::string::npos);
  // Their PIN is free again for another coach.
  const std::string file = dir / "pin";
  std::ofstream(file) << "135790\n";
  CHECK(server.admin_result("add-coach --centre de-cirkel --id c-anna --name Anna < " + sh_quote(file)).exit_code == 0);
}

TEST_CASE("server: add-coach on a terminal asks twice with echo off, and refuses two PINs that differ",
          "[server][coach]") {
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  // On a pseudo-terminal, an operator typing each PIN once its prompt shows.
  const auto on_terminal = [&](const std::string& id, const char* first, const char* second) {
    return run_on_terminal(std::string(MEEDOEN_SERVER_BIN) + " --db " + sh_quote(server.db()) +
                               " add-coach --centre de-cirkel --id " + id + " --name Someone",
                           {{"PIN:", first}, {"PIN again:", second}});
  };
  RunResult r = on_terminal("c-anna", "975310", "975310");
  CHECK(r.out.find("PIN:") != std::string::npos);
  CHECK(r.out.find("PIN again:") != std::string::npos);
  CHECK(r.out.find("975310") == std::string::npos);  // not echoed
  CHECK(r.exit_code == 0);
  CHECK(storage::verify_pin_hash(coach(server, "c-anna").pin_hash, "975310"));
  r = on_terminal("c-bert", "864200", "864201");
  CHECK(r.out.find("the two PINs differ; nothing was stored") != std::string::npos);
  CHECK(r.exit_code == 2);
  CHECK_FALSE(coach(server, "c-bert").found);
}

// meedoen-server as a process: bad requests refused with a reason and nothing stored, tokens
// and centres kept apart, the roster import, and the reports.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>

#include "export/csv.hpp"
#include "server/db/database.hpp"
#include "support/server_http.hpp"
#include "support/sync_fixture.hpp"

using namespace meedoen;
using namespace meedoen::test;
using nlohmann::json;

TEST_CASE("server: malformed, mistyped and oversized requests are refused with a reason, nothing stored", "[server]") {
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start("--max-body-bytes 100000");
  const auto [token, device] = enrol(server);
  Http h(server.port(), token);
  const std::string good = event_json(device, 1, "check_in", "demo-p-0001");
  struct Case {
    std::string body;
    int status;
    const char* reason;
  };
  const Case cases[] = {
      {"", 400, "not valid JSON"},
      {"{\"device_id\":", 400, "not valid JSON"},
      {"[1,2,3]", 400, "must be a JSON object"},
      {"{\"events\":[]}", 400, "device_id is missing"},
      {"{\"device_id\":\"" + device + "\",\"events\":{}}", 400, "events must be a list"},
      {"{\"device_id\":\"" + device + "\",\"events\":[" + good + ",7]}", 400, "events[1] must be an object"},
      {"{\"device_id\":\"" + device + "\",\"events\":[" + good + "," +
           event_json(device, 2, "check_in", "demo-p-0002")
               .replace(event_json(device, 2, "check_in", "demo-p-0002").find("\"seq\":2"), 7, "\"seq\":\"2\"") +
           "]}",
       400, "events[1].seq must be an integer"},
      {"{\"device_id\":\"" + device + "\",\"events\":[" + std::string(120000, ' ') + "]}", 413, "larger than"},
      {"{\"device_id\":\"0193a000-0000-7000-8000-000000000999\",\"events\":[" + good + "]}", 403, "not the device"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.body.substr(0, 120));
    auto r = h.post("/v1/push", c.body);
    REQUIRE(r);
    CHECK(r->status == c.status);
    CHECK(reason_of(r).find(c.reason) != std::string::npos);
    CHECK(json::parse(r->body).contains("server_time"));
  }
  CHECK(server_events(server) == 0);
  SECTION("an unknown type or a bad date is one rejected event, and the rest are stored") {
    auto r = h.post("/v1/push", "{\"device_id\":\"" + device + "\",\"events\":[" +
                                    event_json(device, 1, "teleported", "demo-p-0001") + "," +
                                    event_json(device, 2, "check_in", "demo-p-0001", R"({"date":"23-11-2026"})") + "," +
                                    event_json(device, 3, "check_in", "demo-p-0003") + "]}");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    const json a = json::parse(r->body);
    CHECK(a["results"][0]["status"] == "rejected");
    CHECK(a["results"][0]["reason"].get<std::string>().find("unknown event type") != std::string::npos);
    CHECK(a["results"][1]["status"] == "rejected");
    CHECK(a["results"][1]["reason"].get<std::string>().find("payload") != std::string::npos);
    CHECK(a["results"][2]["status"] == "stored");
    CHECK(server_events(server) == 1);
  }
  SECTION("random garbage never brings it down") {
    std::mt19937 rng(42);
    const std::string base = "{\"device_id\":\"" + device + "\",\"events\":[" + good + "]}";
    for (int i = 0; i < 150; ++i) {
      std::string body = base;
      for (int k = 0; k < 4; ++k) body[rng() % body.size()] = static_cast<char>(rng() % 256);
      auto r = h.post("/v1/push", body);
      REQUIRE(r);
      CHECK(r->status < 500);
    }
    CHECK(server_events(server) <= 1);
    auto t = Http(server.port()).get("/v1/time");
    REQUIRE(t);
    CHECK(t->status == 200);
  }
}

TEST_CASE("server: credentials: missing, wrong, used codes and read tokens", "[server]") {
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  Http anon(server.port());
  auto r = anon.get("/v1/pull");
  REQUIRE(r);
  CHECK(r->status == 401);
  CHECK(Http(server.port(), "nonsense").get("/v1/pull")->status == 401);
  const std::string code = server.enrol_code();
  const std::string device = "0193a000-0000-7000-8000-000000000001";
  CHECK(anon.post("/v1/enrol", json{{"code", "WRONG123"}, {"device_id", device}}.dump())->status == 401);
  CHECK(anon.post("/v1/enrol", json{{"code", code}, {"device_id", "not-a-uuid"}}.dump())->status == 401);
  CHECK(anon.post("/v1/enrol", json{{"code", code}, {"device_id", device}}.dump())->status == 200);
  // The same device again (its answer was lost): a new token; another device: refused.
  CHECK(anon.post("/v1/enrol", json{{"code", code}, {"device_id", device}}.dump())->status == 200);
  auto again =
      anon.post("/v1/enrol", json{{"code", code}, {"device_id", "0193a000-0000-7000-8000-000000000002"}}.dump());
  CHECK(again->status == 401);  // one kiosk only
  CHECK(reason_of(again).find("already used") != std::string::npos);
  // The server keeps hashes only.
  CHECK(server_count(server, "SELECT COUNT(*) FROM kiosks WHERE length(token_hash) = 64") == 1);
  const std::string reader = server.admin("add-reader --name 'gemeente' --centre de-cirkel").substr(7, 64);
  Http as_reader(server.port(), reader);
  CHECK(as_reader.post("/v1/push", "{}")->status == 403);
  auto report = as_reader.get("/v1/reports/attendance?centre=de-cirkel&from=2026-11-01&to=2026-11-30&format=csv");
  REQUIRE(report);
  CHECK(report->status == 200);
  CHECK(report->body.rfind("centre,date,dagdeel,participant_id", 0) == 0);
  server.admin("create-centre --id de-brug --name 'De Brug'");
  CHECK(as_reader.get("/v1/reports/attendance?centre=de-brug&from=2026-11-01&to=2026-11-30")->status == 403);
  CHECK(as_reader.get("/v1/reports/attendance?centre=de-cirkel&from=yesterday&to=2026-11-30")->status == 400);
}

TEST_CASE("server: import-roster reports bad rows by line number and imports nothing", "[server]") {
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "", store);
  server.admin("create-centre --id c1 --name 'C1'");
  const std::string bad = dir.write("bad.csv",
                                    "id,first_name,last_name,card_code,pin,language,mandatory,coach_id\n"
                                    "p1,Ann,Smit,C1,1234,nl,ja,\n"
                                    "p2,,Jansen,C2,1234,nl,nee,\n"
                                    "p3,Kees,Bos,C1,12a4,de,misschien,\n"
                                    "p1,Ann,Smit,C9,,,,\n");
  const RunResult r = server.admin_result("import-roster --centre c1 " + bad);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("line 3: first_name is empty") != std::string::npos);
  CHECK(r.err.find("line 4: pin must be 4 digits") != std::string::npos);
  CHECK(r.err.find("line 4: language must be") != std::string::npos);
  CHECK(r.err.find("line 4: mandatory must be ja or nee") != std::string::npos);
  CHECK(r.err.find("line 4: card_code C1 appears before on line 2") != std::string::npos);
  CHECK(r.err.find("line 5: id p1 appears before on line 2") != std::string::npos);
  CHECK(r.err.find("nothing was imported") != std::string::npos);
  CHECK(server_count(server, "SELECT COUNT(*) FROM participants") == 0);
  const std::string good = dir.write("good.csv",
                                     "\xEF\xBB\xBFid;first_name;last_name;card_code;pin;mandatory\n"
                                     "p1;Ann;\"Smit; de Jong\";C1;1234;ja\np2;Piet;Bos;;;nee\n");
  CHECK(server.admin("import-roster --centre c1 " + good).find("2 added") != std::string::npos);
  CHECK(server_count(server, "SELECT COUNT(*) FROM participants WHERE last_name = 'Smit; de Jong' AND mandatory = 1") ==
        1);
  CHECK(server.admin_result("import-roster --centre nowhere " + good).exit_code == 2);
}

TEST_CASE("server: import-roster with agreements: bad agreements refuse the file, an unknown coach only warns",
          "[server][roster]") {
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "", store);
  server.admin("create-centre --id c1 --name 'C1'");
  server.admin("add-coach --centre c1 --id c-1 --name 'Marloes' < " + sh_quote(dir.write("pin", "471100\n")));
  const std::string head =
      "id;first_name;last_name;card_code;coach_id;start_date;end_date;agreed_dagdelen;talk_every;agreed_hours\n";
  const std::string bad = dir.write("bad.csv", head +
                                                   "p1;Ann;Smit;C1;c-1;2026-09-01;2026-08-01;ma-ochtend;2w;4:30\n"
                                                   "p2;Bo;Bos;C2;c-1;;;zondagnacht;;\n"
                                                   "p3;Cem;Kaya;C3;c-1;;;;elke week;5,1\n");
  const RunResult r = server.admin_result("import-roster --centre c1 " + bad);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("line 2: end_date 2026-08-01 is before start_date 2026-09-01") != std::string::npos);
  CHECK(r.err.find("line 3: agreed_dagdelen \"zondagnacht\" is not a weekday and dagdeel") != std::string::npos);
  CHECK(r.err.find("line 4: talk_every is not a number of days or weeks") != std::string::npos);
  CHECK(r.err.find("line 4: agreed_hours must be in quarter hours") != std::string::npos);
  CHECK(r.err.find("nothing was imported (4 problems)") != std::string::npos);
  CHECK(server_count(server, "SELECT COUNT(*) FROM participants") == 0);

  const std::string good = dir.write("good.csv", head +
                                                     "p1;Ann;Smit;C1;c-1;01-09-2026;31-08-2027;ma-ochtend wo-middag;"
                                                     "2 weken;4,5\n"
                                                     "p2;Bo;Bos;C2;c-9;;;;;\n");
  const RunResult ok = server.admin_result("import-roster --centre c1 " + good);
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("2 added") != std::string::npos);
  CHECK(ok.err.find("warning: line 3: coach_id c-9 is not a coach of c1 (yet); add it with add-coach") !=
        std::string::npos);
  CHECK(ok.err.find("c-1") == std::string::npos);
  CHECK(server_count(server,
                     "SELECT COUNT(*) FROM participants WHERE id = 'p1' AND start_date = '2026-09-01' AND "
                     "end_date = '2027-08-31' AND agreed_parts = 129 AND talk_every_days = 14 AND agreed_minutes = 270 "
                     "AND agreements_key LIKE '%|server'") == 1);
  CHECK(server_count(server, "SELECT COUNT(*) FROM participants WHERE id = 'p2' AND coach_id = 'c-9'") == 1);
}

TEST_CASE("server: reports: attendance per dagdeel and today's exceptions, each row with centre, kiosk and time",
          "[server]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  // The demo centre goes live four weeks before the real today: this test's Monday must be after it.
  server.admin("set-go-live --centre de-cirkel --date 2026-01-05");
  TestKiosk k(dir, "a", server.url(), server.enrol_code());
  const std::string date = "2026-11-23";
  k.store().check_in("demo-p-0001", kMonday0942, date, core::Dagdeel::Morning);
  k.store().check_out("demo-p-0001", kMonday0942 + 2 * 3'600'000, date);
  k.store().check_in("demo-p-0002", kMonday0942, date, core::Dagdeel::Morning);
  REQUIRE(k.sync().ok);
  const json att = json::parse(server.admin("report attendance --centre de-cirkel --from 2026-11-23 --to 2026-11-23"));
  REQUIRE(att.size() == 2);
  const auto& fatima = att[0]["participant_id"] == "demo-p-0001" ? att[0] : att[1];
  CHECK(fatima["status"] == "present");
  CHECK(fatima["check_in"] == "2026-11-23T09:42:00");
  CHECK(fatima["check_out"] == "2026-11-23T11:42:00");
  CHECK(fatima["minutes"] == "120");
  CHECK(fatima["centre"] == "de-cirkel");
  CHECK(fatima["kiosk"].get<std::string>().size() == 36);
  CHECK(fatima["recorded_at"] == "2026-11-23T09:42:00");
  const std::string csv =
      server.admin("report attendance --centre de-cirkel --from 2026-11-23 --to 2026-11-23 --format csv");
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 3);
  const json exc = json::parse(server.admin("report exceptions --centre de-cirkel --date 2026-11-23 --days 14"));
  int no_shows = 0;
  for (const auto& row : exc) {
    if (row["kind"] == "mandatory_no_show") ++no_shows;
    CHECK(row["participant_id"] != "demo-p-0001");
    CHECK(row["centre"] == "de-cirkel");
  }
  // 28 of 42 demo participants are mandatory; two came. Nobody is missed before their start date
  // (the demo's start dates count back from the real today).
  CHECK(no_shows == server_count(server,
                                 "SELECT COUNT(*) FROM participants WHERE mandatory = 1 AND start_date <= '2026-11-23' "
                                 "AND id NOT IN ('demo-p-0001', 'demo-p-0002')"));
  CHECK(no_shows > 0);
}

TEST_CASE("server: the month overview and progress report refuse bad input with a reason", "[server][reports]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.admin("create-centre --id de-brug --name 'De Brug'");
  const std::string out = " --out " + sh_quote(dir / "out");
  auto refused = [&](const std::string& args, const std::string& why) {
    const RunResult r = server.admin_result(args);
    INFO(args << ": " << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(why) != std::string::npos);
  };
  SECTION("the command line: exit 2 and a message") {
    refused("report month --centre de-cirkel --month 2026-13" + out, "month must be YYYY-MM");
    refused("report month --centre nowhere --month 2026-11" + out, "there is no centre \"nowhere\"");
    refused("report month --centre de-cirkel --month 2026-11 --lang de" + out, "unknown language \"de\"");
    refused("report month --centre de-cirkel --month 2026-11 --as-of gisteren" + out, "--as-of: expected");
    refused("report progress --centre de-cirkel --participant nobody" + out, "no participant \"nobody\"");
    refused("report progress --centre de-brug --participant demo-p-0001" + out, "no participant \"demo-p-0001\"");
    refused("set-go-live --centre de-cirkel --date 2026-02-30", "--date: expected a date like");
    refused("set-go-live --centre nowhere --date 2026-02-03", "there is no centre \"nowhere\"");
    refused("create-centre --id de-wijk --name 'De Wijk' --go-live 1-2-2026", "--go-live: expected a date like");
    CHECK(server_count(server, "SELECT COUNT(*) FROM centres WHERE id = 'de-wijk'") == 0);  // nothing half made
    CHECK_FALSE(std::filesystem::exists(dir / "out"));
    CHECK(server.admin("create-centre --id de-wijk --name 'De Wijk' --go-live 2026-02-02").find("created") !=
          std::string::npos);
    CHECK(server_count(server,
                       "SELECT COUNT(*) FROM settings WHERE centre_id = 'de-wijk' AND key = 'go_live' "
                       "AND value = '2026-02-02'") == 1);
    const std::string files = server.admin("report month --centre de-wijk --month 2026-02 --lang en" + out);
    CHECK(files.find("maandoverzicht-2026-02-de-wijk.csv\n") != std::string::npos);
    CHECK(files.find("maandoverzicht-2026-02-de-wijk.pdf\n") != std::string::npos);
  }
  SECTION("the API: 400, 403 and 404 with a reason") {
    server.start();
    const std::string reader = server.admin("add-reader --name gemeente --centre de-cirkel").substr(7, 64);
    Http h(server.port(), reader);
    auto status = [&](const std::string& path, int want, const std::string& why) {
      const auto r = h.get(path);
      REQUIRE(r);
      INFO(path << ": " << r->body);
      CHECK(r->status == want);
      if (!why.empty()) CHECK(reason_of(r).find(why) != std::string::npos);
    };
    CHECK(Http(server.port()).get("/v1/reports/month?centre=de-cirkel&month=2026-11")->status == 401);
    status("/v1/reports/month?centre=de-brug&month=2026-11", 403, "may read centre de-cirkel only");
    status("/v1/reports/month?centre=de-cirkel&month=2026-13", 400, "month must be YYYY-MM");
    status("/v1/reports/month?centre=de-cirkel&month=2026-11&format=xml", 400, "format must be");
    status("/v1/reports/month?centre=de-cirkel&month=2026-11&lang=de", 400, "unknown language");
    status("/v1/reports/progress?centre=de-cirkel&participant=nobody", 404, "no participant \"nobody\"");
    status("/v1/reports/progress?centre=de-cirkel", 400, "participant is missing");
    status("/v1/reports/progress?centre=de-cirkel&participant=demo-p-0001&format=json", 400, "format must be csv");
    const auto csv = h.get("/v1/reports/month?centre=de-cirkel&month=2026-11");
    REQUIRE(csv);
    CHECK(csv->status == 200);
    CHECK(csv->get_header_value("Content-Type").rfind("text/csv", 0) == 0);
    CHECK(csv->body.rfind("\xEF\xBB\xBF", 0) == 0);
    const auto js = h.get("/v1/reports/month?centre=de-cirkel&month=2026-11&format=json");
    REQUIRE(js);
    CHECK(json::parse(js->body)["centre"]["participants"] == 42);
    const auto any = Http(server.port(), server.admin("add-reader --name provincie").substr(7, 64))
                         .get("/v1/reports/month?centre=nowhere&month=2026-11");
    CHECK(any->status == 404);  // a reader of every centre: the centre does not exist
  }
}

// [SECTION] Roll-out: enrol-kiosks

TEST_CASE("server: enrol-kiosks makes a CSV of one-time codes that each enrol one kiosk", "[server][rollout]") {
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  const std::string names =
      dir.write("names.txt", "\xEF\xBB\xBFhal\n\n# de keuken komt later\nbalie, beneden\r\nzaal 2\n");
  const std::string out = dir / "codes.csv";
  const RunResult r =
      server.admin_result("enrol-kiosks --centre de-cirkel --names " + sh_quote(names) + " --out " + sh_quote(out));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("3 enrolment codes for de-cirkel") != std::string::npos);
  const auto rows = exports::parse_csv(slurp(out));
  REQUIRE(rows.size() == 4);
  CHECK(rows[0] == std::vector<std::string>{"kiosk_id", "name", "code", "expires"});
  CHECK(rows[1][1] == "hal");
  CHECK(rows[2][1] == "balie, beneden");
  CHECK(rows[3][1] == "zaal 2");
  std::set<std::string> codes;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    CHECK(rows[i][2].size() == 8);
    codes.insert(rows[i][2]);
    CHECK(server_count(server, "SELECT COUNT(*) FROM kiosks WHERE id = '" + rows[i][0] + "' AND token_hash IS NULL") ==
          1);
  }
  CHECK(codes.size() == 3);
  // Each code enrols its own kiosk, once.
  server.start();
  Http h(server.port());
  const auto first =
      h.post("/v1/enrol", json{{"code", rows[2][2]}, {"device_id", "0193a000-0000-7000-8000-00000000000a"}}.dump());
  REQUIRE(first);
  CHECK(first->status == 200);
  CHECK(json::parse(first->body)["kiosk_id"] == rows[2][0]);
  const auto used =
      h.post("/v1/enrol", json{{"code", rows[2][2]}, {"device_id", "0193a000-0000-7000-8000-00000000000b"}}.dump());
  REQUIRE(used);
  CHECK(used->status == 401);
  SECTION("--count numbers them") {
    const RunResult n = server.admin_result("enrol-kiosks --centre de-cirkel --count 12 --valid-days 30 --out " +
                                            sh_quote(dir / "more.csv"));
    REQUIRE(n.exit_code == 0);
    const auto more = exports::parse_csv(slurp(dir / "more.csv"));
    REQUIRE(more.size() == 13);
    CHECK(more[1][1] == "kiosk-001");
    CHECK(more[12][1] == "kiosk-012");
    CHECK(server_count(server, "SELECT COUNT(*) FROM kiosks") == 15);
  }
}

TEST_CASE("server: enrol-kiosks refuses bad input with a clear message and stores nothing", "[server][rollout]") {
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  const std::string out = dir / "codes.csv";
  const auto enrol_many = [&](const std::string& args) { return server.admin_result("enrol-kiosks " + args); };
  SECTION("a name twice and one too long, each named by line") {
    const std::string names = dir.write("names.txt", "hal\nkeuken\nhal\n" + std::string(65, 'x') + "\n");
    const RunResult r = enrol_many("--centre de-cirkel --names " + sh_quote(names) + " --out " + sh_quote(out));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("names.txt line 3: \"hal\" is in the file twice") != std::string::npos);
    CHECK(r.err.find("names.txt line 4: a kiosk name is at most 64 characters") != std::string::npos);
    CHECK(r.err.find("no kiosk was enrolled") != std::string::npos);
  }
  SECTION("an empty file") {
    const std::string names = dir.write("names.txt", "\n# nothing yet\n");
    const RunResult r = enrol_many("--centre de-cirkel --names " + sh_quote(names) + " --out " + sh_quote(out));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("no kiosk names in it") != std::string::npos);
  }
  SECTION("an --out that exists is never overwritten") {
    dir.write("codes.csv", "the codes of last week\n");
    const RunResult r = enrol_many("--centre de-cirkel --count 3 --out " + sh_quote(out));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("exists already") != std::string::npos);
    CHECK(slurp(out) == "the codes of last week\n");
  }
  SECTION("an unknown centre, no names and no count, a count out of range") {
    CHECK(enrol_many("--centre de-wijk --count 3 --out " + sh_quote(out)).exit_code == 2);
    CHECK(enrol_many("--centre de-cirkel --out " + sh_quote(out)).err.find("--names FILE or a number with --count") !=
          std::string::npos);
    CHECK(enrol_many("--centre de-cirkel --count 0 --out " + sh_quote(out)).exit_code == 2);
    CHECK(enrol_many("--centre de-cirkel --count 3 --out " + sh_quote(dir / "no-such-dir/codes.csv")).exit_code == 2);
  }
  CHECK(server_count(server, "SELECT COUNT(*) FROM kiosks") == 0);
  CHECK((!std::filesystem::exists(out) || slurp(out) == "the codes of last week\n"));  // no codes file written
}

// [SECTION] Operations: health, backup and restore, the settings file (on SQLite: backup and the
// busy writer are SQLite's)

std::string sqlite_file(const ServerProcess& server) { return server::db::parse_location(server.db()).target; }

TEST_CASE("server: backup while a kiosk pushes holds every acknowledged event and passes integrity_check",
          "[server][operations]") {
  TempDir dir;
  ServerProcess server(dir);
  server.start();
  const auto [token, device] = enrol(server);
  std::atomic<int> acknowledged{0};
  std::atomic<bool> stop{false};
  std::thread pusher([&, token = token, device = device] {
    Http h(server.port(), token);
    for (int batch = 0; batch < 60 && !stop; ++batch) {
      std::string events;
      for (int i = 1; i <= 100; ++i) {
        const int seq = batch * 100 + i;
        char pid[20];
        std::snprintf(pid, sizeof pid, "demo-p-%04d", 1 + seq % 42);
        events += (i > 1 ? "," : "") + event_json(device, seq, "check_in", pid);
      }
      auto r = h.post("/v1/push", "{\"device_id\":\"" + device + "\",\"events\":[" + events + "]}");
      if (!r || r->status != 200) break;
      acknowledged += 100;  // answered: the kiosk may now mark these sent
    }
  });
  std::vector<std::pair<std::string, int>> backups;
  for (int i = 0; i < 3; ++i) {
    while (acknowledged < 500 * (i + 1)) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const int before = acknowledged.load();
    const std::string file = dir / ("backup-" + std::to_string(i) + ".db");
    const RunResult r = server.admin_result("backup " + sh_quote(file));
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    backups.push_back({file, before});
  }
  stop = true;
  pusher.join();
  for (const auto& [file, before] : backups) {
    SQLite::Database db(file, SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    CHECK(db.execAndGet("SELECT COUNT(*) FROM events").getInt() >= before);
    // Acknowledged means the events 1..before all arrived: none is missing from the copy.
    CHECK(db.execAndGet("SELECT COUNT(*) FROM events WHERE seq <= " + std::to_string(before)).getInt() == before);
  }
  CHECK(server_events(server) == acknowledged.load());
}

TEST_CASE("server: restore is refused while serving and puts a checked backup back once stopped",
          "[server][operations]") {
  TempDir dir;
  ServerProcess server(dir);
  server.admin("enrol-kiosk --centre de-cirkel --name hal");
  server.admin("backup " + sh_quote(dir / "one-kiosk.db"));
  server.admin("enrol-kiosk --centre de-cirkel --name gang");
  server.start();
  RunResult r = server.admin_result("restore " + sh_quote(dir / "one-kiosk.db"));
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("in use by another program") != std::string::npos);
  CHECK(r.err.find("systemctl stop meedoen-server") != std::string::npos);
  CHECK(server_count(server, "SELECT COUNT(*) FROM kiosks") == 2);
  server.stop();
  r = server.admin_result("restore " + sh_quote(dir / "missing.db"));
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("there is no file") != std::string::npos);
  r = server.admin_result("restore " + sh_quote(dir / "one-kiosk.db"));
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(server_count(server, "SELECT COUNT(*) FROM kiosks") == 1);
  server.start();  // and it serves again from the restored file
  CHECK(Http(server.port()).get("/v1/health")->status == 200);
}

TEST_CASE("server: GET /v1/health says ok and the version, 503 with the reason when the database takes no write",
          "[server][operations]") {
  TempDir dir;
  ServerProcess server(dir);
  server.start();
  auto r = Http(server.port()).get("/v1/health");
  REQUIRE(r);
  CHECK(r->status == 200);
  const json ok = json::parse(r->body);
  CHECK(ok["status"] == "ok");
  CHECK(ok["database"] == "writable");
  CHECK(ok["version"] == MEEDOEN_VERSION);
  {
    SQLite::Database locker(sqlite_file(server), SQLite::OPEN_READWRITE);
    locker.exec("BEGIN IMMEDIATE");  // another writer holds the lock past the server's busy timeout
    locker.exec("INSERT INTO counter (name, value) VALUES ('health-test', 1)");
    Http slow(server.port());
    slow.c.set_read_timeout(20, 0);  // the server waits out its 5 s busy timeout first
    r = slow.get("/v1/health");
    locker.exec("ROLLBACK");
  }
  REQUIRE(r);
  CHECK(r->status == 503);
  const json bad = json::parse(r->body);
  CHECK(bad["status"] == "unavailable");
  CHECK(bad["database"].get<std::string>().find("database is locked") != std::string::npos);
  CHECK(Http(server.port()).get("/v1/health")->status == 200);
}

TEST_CASE("server: --config FILE gives the database and serve's settings, flags override it", "[server][operations]") {
  TempDir dir;
  {
    std::ofstream(dir / "server.toml") << "[database]\ndb = \"" << (dir / "from-file.db") << "\"\n[serve]\n"
                                       << "listen = \"192.0.2.1:8470\"\nmax_in_flight = 3\n";
  }
  const std::string bin = std::string(MEEDOEN_SERVER_BIN) + " --config " + sh_quote(dir / "server.toml");
  RunResult r = run(bin + " create-centre --id a --name A", dir);
  CHECK(r.exit_code == 0);
  CHECK(std::filesystem::exists(dir / "from-file.db"));
  r = run(bin + " --db " + sh_quote(dir / "flag.db") + " create-centre --id b --name B", dir);
  CHECK(r.exit_code == 0);
  CHECK(std::filesystem::exists(dir / "flag.db"));
  // listen from the file (192.0.2.1 is a documentation address, never this machine's).
  r = run("timeout 5 " + bin + " serve", dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("cannot listen on 192.0.2.1:8470") != std::string::npos);
  { std::ofstream(dir / "bad.toml") << "[serve]\nmax_inflight = 3\n"; }
  r = run(std::string(MEEDOEN_SERVER_BIN) + " --config " + sh_quote(dir / "bad.toml") + " kiosks", dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("serve.max_inflight: unknown key") != std::string::npos);
}

TEST_CASE("server: SIGTERM during a push answers it after its commit, then exits 0", "[server][operations]") {
  TempDir dir;
  ServerProcess server(dir);
  server.start("--fault-push-delay-ms 1000");  // the push sleeps inside its transaction
  const auto [token, device] = enrol(server);
  std::string events;
  for (int seq = 1; seq <= 50; ++seq)
    events += (seq > 1 ? "," : "") + event_json(device, seq, "check_in", "demo-p-0001");
  int status = 0;
  std::thread pusher([&, token = token, device = device] {
    Http h(server.port(), token);
    auto r = h.post("/v1/push", "{\"device_id\":\"" + device + "\",\"events\":[" + events + "]}");
    status = r ? r->status : -1;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  server.stop(SIGTERM);  // waits for the process to exit
  pusher.join();
  // The push in flight was finished and answered: the kiosk may mark all 50 sent.
  CHECK(status == 200);
  CHECK(server_events(server) == 50);
  CHECK(server.log().find("stopping (signal 15)") != std::string::npos);
  SQLite::Database db(sqlite_file(server), SQLite::OPEN_READONLY);
  CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
}

// Same numbers everywhere (issue 11): a kiosk with the demo centre's history syncs to a real
// meedoen-server; the server's month overview and progress report (`meedoen-server report month|
// progress`, /v1/reports/...) equal the kiosk's (`meedoen-kiosk --export-*`): the CSV byte for
// byte, the PDF's text. And the centre's go-live date, set on the server, reaches the kiosk and
// changes its figures.
#include <httplib.h>
#include <catch2/catch.hpp>

#include <filesystem>

#include "platform/exports.hpp"
#include "storage/demo_centre.hpp"
#include "support/process.hpp"
#include "support/sync_fixture.hpp"

using namespace meedoen;
using namespace meedoen::test;

namespace {

// The demo history is seeded as of this moment, and both sides report as of it.
const std::string kClock = "2026-11-23T14:00";
core::TimeMs clock_ms() { return core::from_local("2026-11-23", 14 * 60); }

// Pushes the whole journal, then pulls once more (the settings set meanwhile).
void sync_all(TestKiosk& k) {
  for (int i = 0; i < 40 && k.unsent() > 0; ++i) REQUIRE(k.sync_until_ok() > 0);
  REQUIRE(k.unsent() == 0);
  REQUIRE(k.sync_until_ok() > 0);
}

// The kiosk's own command line on its database: the exports as a coach's files.
std::string kiosk_export(const TempDir& dir, const TestKiosk& k, const std::string& url, const std::string& args) {
  const RunResult r = run("TZ=Europe/Amsterdam XDG_CONFIG_HOME=" + sh_quote(dir / "config") +
                              " XDG_DATA_HOME=" + sh_quote(dir / "data") + " " + sh_quote(MEEDOEN_KIOSK_BIN) +
                              " --db " + sh_quote(k.db()) + " --server " + url + " --clock " + kClock + " " + args,
                          dir);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

// The paths a command printed, one a line: CSV then PDF.
std::vector<std::string> lines(const std::string& out) {
  std::vector<std::string> v;
  std::size_t start = 0;
  for (std::size_t nl; (nl = out.find('\n', start)) != std::string::npos; start = nl + 1)
    v.push_back(out.substr(start, nl - start));
  return v;
}

std::string pdf_text(const TempDir& dir, const std::string& pdf) {
  const RunResult r = run("pdftotext -layout " + sh_quote(pdf) + " -", dir);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

// The kiosk's and the server's files of one report: the same names, CSV bytes and PDF text (the
// xlsx carries its creation time, so its bytes differ; its figures are the CSV's: tests/export).
void same_files(const TempDir& dir, const std::string& kiosk_out, const std::string& server_out) {
  const auto kiosk = lines(kiosk_out), server = lines(server_out);
  REQUIRE(kiosk.size() == 3);
  REQUIRE(server.size() == 3);
  for (int i = 0; i < 3; ++i)
    CHECK(std::filesystem::path(kiosk[i]).filename() == std::filesystem::path(server[i]).filename());
  const std::string csv = slurp(kiosk[0]);
  REQUIRE(csv.size() > 100);
  CHECK(csv == slurp(server[0]));
  const std::string text = pdf_text(dir, kiosk[2]);
  REQUIRE(text.size() > 100);
  CHECK(text == pdf_text(dir, server[2]));
}

}  // namespace

TEST_CASE("sync: the server's month overview and progress report equal the kiosk's", "[sync][reports]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  TestKiosk k(dir, "a", server.url(), server.enrol_code());
  REQUIRE(storage::seed_demo_centre(k.store(), clock_ms()));
  // The demo kiosk went live four weeks before its clock; the server says so too.
  server.admin("set-go-live --centre de-cirkel --date 2026-10-26");
  sync_all(k);
  REQUIRE(k.store().go_live() == "2026-10-26");
  REQUIRE(server_count(server, "SELECT COUNT(*) FROM rejections") == 0);
  const std::string url = server.url();
  const std::string as_of = " --as-of " + kClock + " --out " + sh_quote(dir / "server");

  for (const std::string month : {"2026-11", "2026-10"}) {
    INFO(month);
    same_files(dir, kiosk_export(dir, k, url, "--export-month " + month + " --out " + sh_quote(dir / "kiosk")),
               server.admin("report month --centre de-cirkel --month " + month + as_of));
  }
  // Fatima (comes most days, volunteers), Jan (a forgotten check-out), Piotr... who left this month.
  for (const std::string pid : {"demo-p-0001", "demo-p-0002", "demo-p-0036"}) {
    INFO(pid);
    same_files(dir, kiosk_export(dir, k, url, "--export-progress " + pid + " --out " + sh_quote(dir / "kiosk")),
               server.admin("report progress --centre de-cirkel --participant " + pid + as_of));
  }

  SECTION("over HTTP with a reader token: the same CSV as the command line") {
    const std::string out = server.admin("add-reader --name gemeente --centre de-cirkel");
    const std::string token = out.substr(out.find("token: ") + 7, 64);
    httplib::Client c(url);
    const auto res =
        c.Get("/v1/reports/month?centre=de-cirkel&month=2026-10&format=csv", {{"Authorization", "Bearer " + token}});
    REQUIRE(res);
    CHECK(res->status == 200);
    const auto paths = lines(server.admin("report month --centre de-cirkel --month 2026-10 --out " +
                                          sh_quote(dir / "now")));  // as of now, like the API
    REQUIRE(paths.size() == 3);
    CHECK(res->body == slurp(paths[0]));
    const auto xlsx =
        c.Get("/v1/reports/month?centre=de-cirkel&month=2026-10&format=xlsx", {{"Authorization", "Bearer " + token}});
    REQUIRE(xlsx);
    CHECK(xlsx->status == 200);
    CHECK(xlsx->get_header_value("Content-Type") ==
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    CHECK(xlsx->body.rfind("PK", 0) == 0);  // a zip, as every xlsx
    const auto pdf = c.Get("/v1/reports/progress?centre=de-cirkel&participant=demo-p-0001&format=pdf",
                           {{"Authorization", "Bearer " + token}});
    REQUIRE(pdf);
    CHECK(pdf->status == 200);
    CHECK(pdf->get_header_value("Content-Type") == "application/pdf");
    CHECK(pdf->body.rfind("%PDF", 0) == 0);
  }
}

TEST_CASE("sync: the go-live date set on the server reaches the kiosk and changes its figures", "[sync][reports]") {
  use_amsterdam_time();
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  TestKiosk k(dir, "a", server.url(), server.enrol_code());
  REQUIRE(storage::seed_demo_centre(k.store(), clock_ms()));
  const core::KioskConfig cfg;
  auto no_shows = [&](const std::string& month) {
    return platform::load_month_report(k.store(), cfg, month, "", clock_ms()).centre;
  };
  SECTION("the demo went live when its history began: no phantom no-shows in October") {
    CHECK(k.store().go_live() == "2026-10-26");
    const core::MonthFigures live = no_shows("2026-10");
    // Without the setting the kiosk falls back to its first event (a ladder assessment a year back).
    k.store().set_setting("go_live", "");
    const core::MonthFigures unbounded = no_shows("2026-10");
    CHECK(unbounded.no_shows > unbounded.present);  // the phantoms of issue 11
    CHECK(live.no_shows < live.present);
    CHECK(live.present == unbounded.present);  // what happened still counts
  }
  SECTION("a later go-live from the server lowers the kiosk's no-shows") {
    const int before = no_shows("2026-11").no_shows;
    REQUIRE(before > 0);
    server.admin("set-go-live --centre de-cirkel --date 2026-11-16");
    sync_all(k);
    CHECK(k.store().setting("go_live") == "2026-11-16");
    CHECK(k.store().go_live() == "2026-11-16");
    const int after = no_shows("2026-11").no_shows;
    CHECK(after < before);
    CHECK(after > 0);  // the week since still has its no-shows
  }
}

// Issue 14, enrolment: one device id per live kiosk (a second enrolment is refused unless the code
// was made to replace that kiosk), and guessing codes is slowed per address with a bounded log.
#include <catch2/catch.hpp>

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "server/enrol_limiter.hpp"
#include "support/server_http.hpp"
#include "support/sync_fixture.hpp"

using namespace meedoen;
using namespace meedoen::test;
using nlohmann::json;

namespace {

const std::string kDevice = "0193a000-0000-7000-8000-0000000000d1";

httplib::Result enrol_with(Http& h, const std::string& code, const std::string& device) {
  return h.post("/v1/enrol", json{{"code", code}, {"device_id", device}}.dump());
}

std::string token_of(const httplib::Result& r) { return json::parse(r->body)["token"].get<std::string>(); }

// The kiosk id an enrol-kiosk printed ("kiosk: <id>").
std::string kiosk_of(const std::string& printed) {
  const auto at = printed.find("kiosk: ");
  return printed.substr(at + 7, printed.find('\n', at) - at - 7);
}

int pull_status(int port, const std::string& token) {
  Http h(port, token);
  auto r = h.get("/v1/pull");
  return r ? r->status : -1;
}

}  // namespace

TEST_CASE("server: a device id enrolled on a live kiosk is refused elsewhere (409) unless the code replaces it",
          "[server][hostile][enrol]") {
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "de-cirkel", store);
  server.start();
  Http h(server.port());
  const std::string first_printed = server.admin("enrol-kiosk --centre de-cirkel --name hal");
  const std::string first_kiosk = kiosk_of(first_printed);
  auto first = enrol_with(h, first_printed.substr(first_printed.find("code: ") + 6, 8), kDevice);
  REQUIRE(first);
  REQUIRE(first->status == 200);
  const std::string old_token = token_of(first);
  // Another kiosk's code with the same device id: refused, and the first kiosk goes on.
  auto second = enrol_with(h, server.enrol_code(), kDevice);
  REQUIRE(second);
  CHECK(second->status == 409);
  CHECK(reason_of(second).find("enrol-kiosk --replace " + first_kiosk) != std::string::npos);
  CHECK(pull_status(server.port(), old_token) == 200);
  CHECK(server.log().find("enrolment refused") != std::string::npos);
  // The first kiosk pushes up to seq 7.
  Http old(server.port(), old_token);
  PushEvent e{"0193b000-0000-7000-8000-000000000007", kDevice};
  e.seq = 7;
  auto pushed = old.post("/v1/push", push_body(kDevice, {e}));
  REQUIRE(pushed);
  REQUIRE(pushed->status == 200);
  // A code made to replace it: the device moves, the old token stops, the seqs go on.
  const std::string printed = server.admin("enrol-kiosk --centre de-cirkel --name hal-2 --replace " + first_kiosk);
  CHECK(printed.find("replaces: " + first_kiosk) != std::string::npos);
  auto moved = enrol_with(h, printed.substr(printed.find("code: ") + 6, 8), kDevice);
  REQUIRE(moved);
  REQUIRE(moved->status == 200);
  CHECK(pull_status(server.port(), old_token) == 401);
  CHECK(pull_status(server.port(), token_of(moved)) == 200);
  CHECK(server_count(server, "SELECT last_seq FROM kiosks WHERE id = '" + kiosk_of(printed) + "'") == 7);
  // --replace names a kiosk of the same centre.
  CHECK(server.admin_result("enrol-kiosk --centre de-cirkel --replace no-such-kiosk").exit_code != 0);
  // A revoked kiosk's device id is free again.
  server.admin("revoke-kiosk --kiosk " + kiosk_of(printed));
  auto again = enrol_with(h, server.enrol_code(), kDevice);
  REQUIRE(again);
  CHECK(again->status == 200);
}

TEST_CASE("server: guessing enrolment codes gets 429 after a few tries, the log stays small, others still enrol",
          "[server][hostile][enrol]") {
  TempDir dir;
  ServerProcess server(dir);
  server.start("--trusted-proxy 127.0.0.1");
  // The right codes are made first: each is a server process of its own, whose start (seconds in a
  // sanitized build on a loaded machine) would let the guesser's bucket refill before its last try.
  const std::string code_for_kiosk = server.enrol_code(), code_for_guesser = server.enrol_code();
  Http guesser(server.port());
  guesser.forwarded_for = "198.51.100.9, 203.0.113.7";  // the proxy's entry is the last one
  int refused = 0, limited = 0;
  std::string retry_after;
  const int tries = 300;
  const auto began = std::chrono::steady_clock::now();
  for (int i = 0; i < tries; ++i) {
    char code[16];
    std::snprintf(code, sizeof code, "ZZ%06d", i);
    auto r = enrol_with(guesser, code, kDevice);
    REQUIRE(r);
    if (r->status == 401) ++refused;
    if (r->status == 429) {
      ++limited;
      retry_after = r->get_header_value("Retry-After");
    }
  }
  // The bucket's five, and one more for every 12 s the tries took (one at most on a quick machine).
  const auto took = std::chrono::steady_clock::now() - began;
  const int refilled = 1 + static_cast<int>(took / std::chrono::seconds(12));
  CHECK(refused <= 5 + refilled);
  CHECK(limited >= tries - 5 - refilled);
  REQUIRE_FALSE(retry_after.empty());
  CHECK(std::stoi(retry_after) >= 1);
  CHECK(std::stoi(retry_after) <= 12);
  // The log: the first failure in full; the rest wait for the interval's summary line.
  const std::string log = server.log();
  int lines = 0;
  for (std::size_t at = log.find("enrol"); at != std::string::npos; at = log.find("enrol", log.find('\n', at))) ++lines;
  CHECK(lines <= 2);
  CHECK(log.size() < 2000);
  // A right code from another address works at once.
  Http kiosk(server.port());
  kiosk.forwarded_for = "203.0.113.8";
  auto ok = enrol_with(kiosk, code_for_kiosk, kDevice);
  REQUIRE(ok);
  CHECK(ok->status == 200);
  // The guesser's address, even with the right code, waits.
  auto waits = enrol_with(guesser, code_for_guesser, "0193a000-0000-7000-8000-0000000000d2");
  REQUIRE(waits);
  CHECK(waits->status == 429);
}

TEST_CASE("server: without a trusted proxy, X-Forwarded-For changes nothing: the peer is limited",
          "[server][hostile][enrol]") {
  TempDir dir;
  ServerProcess server(dir);
  server.start();
  int limited = 0;
  for (int i = 0; i < 40; ++i) {
    Http h(server.port());
    h.forwarded_for = "203.0.113." + std::to_string(i);  // a new "address" each time: believed by nobody
    auto r = enrol_with(h, "WRONG" + std::to_string(i), kDevice);
    REQUIRE(r);
    if (r->status == 429) ++limited;
  }
  CHECK(limited >= 34);
}

TEST_CASE("enrol limiter: a few tries, then one a refill, one full line and one summary per interval",
          "[server][enrol]") {
  std::vector<std::string> lines;
  server::EnrolLimiter limiter([&](const std::string& l) { lines.push_back(l); });
  const core::TimeMs t0 = 1'000'000;
  for (int i = 0; i < 5; ++i) {
    CHECK(limiter.wait_s("10.0.0.1", t0 + i) == 0);
    limiter.failed("10.0.0.1", "unknown or already used enrolment code", t0 + i);
  }
  CHECK(limiter.wait_s("10.0.0.1", t0 + 10) == 12);
  CHECK(limiter.wait_s("10.0.0.2", t0 + 10) == 0);  // another address has its own bucket
  for (int i = 0; i < 1000; ++i) limiter.wait_s("10.0.0.1", t0 + 100 + i);
  CHECK(limiter.wait_s("10.0.0.1", t0 + 12'010) == 0);  // one token came back
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] == "enrolment refused (10.0.0.1): unknown or already used enrolment code");
  // The interval ends: one summary of what was counted, then a new interval starts whole.
  limiter.failed("10.0.0.1", "unknown or already used enrolment code", t0 + 61'000);
  REQUIRE(lines.size() == 3);
  CHECK(lines[1].find("10.0.0.1: 4 more failed and 1001 refused with 429") != std::string::npos);
  CHECK(lines[2].find("enrolment refused (10.0.0.1)") == 0);
  // An address that goes quiet gets its summary at the next sweep, and is then forgotten.
  limiter.failed("10.0.0.1", "x", t0 + 61'001);
  limiter.wait_s("10.0.0.3", t0 + 200'000);
  CHECK(lines.back().find("10.0.0.1: 1 more failed") != std::string::npos);
}

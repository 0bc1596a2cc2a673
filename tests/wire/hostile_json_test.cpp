// JSON from outside (issue 14): nesting bounded before anything is parsed, payloads sized before
// they are written out, and the push answer's conflict status and clock_off flag in both directions.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "wire/event_codec.hpp"
#include "wire/wire.hpp"

using namespace meedoen;
using nlohmann::json;

TEST_CASE("wire: nesting is bounded by a scan of the bytes, strings and escapes skipped", "[wire][hostile]") {
  CHECK(wire::json_depth_ok(R"({"a":[{"b":[1,2]}]})", 4));
  CHECK_FALSE(wire::json_depth_ok(R"({"a":[{"b":[[1]]}]})", 4));
  CHECK(wire::json_depth_ok(R"({"a":"[[[[[[{{{{\"[[[["})", 1));  // brackets inside a string do not count
  CHECK(wire::json_depth_ok(R"({"a":"\\"})", 1));                // an escaped backslash ends nothing
  const std::string deep = std::string(75'000, '[') + std::string(75'000, ']');
  CHECK_FALSE(wire::json_depth_ok(deep));
  wire::PushRequest r;
  std::string error;
  CHECK_FALSE(wire::decode_push_request("{\"device_id\":\"d\",\"events\":" + deep + "}", r, error));
  CHECK(error.find("more than 32 deep") != std::string::npos);
  // The kiosk's readers of answers and its payload codec refuse it too, without a crash.
  CHECK(wire::server_time_of(deep) == 0);
  std::string why;
  wire::decode_payload("check_in", "{\"x\":" + deep + "}", 0, &why);
  CHECK(why == "the payload is not a JSON object");
}

TEST_CASE("wire: a payload too large is refused before it is written out", "[wire][hostile]") {
  const std::string big(wire::kMaxPayloadBytes, 'x');
  const std::string body = R"({"device_id":"d","events":[{"id":"i","device_id":"d","seq":1,"wall_ms":1,"hlc":"h",)"
                           R"("type":"t","payload":{"a":")" +
                           big + R"("}}]})";
  wire::PushRequest r;
  std::string error;
  CHECK_FALSE(wire::decode_push_request(body, r, error));
  CHECK(error == "events[0].payload is too large");
}

TEST_CASE("wire: the push answer carries conflict and clock_off, a pulled event its clock_off", "[wire][hostile]") {
  wire::PushAnswer a;
  a.server_time = 5;
  a.results = {{"e1", wire::PushStatus::Conflict, "the server has another event with this id (another payload)", false},
               {"e2", wire::PushStatus::Stored, "", true},
               {"e3", wire::PushStatus::Stored, "", false}};
  const std::string text = wire::encode_push_answer(a);
  CHECK(text.find(R"("status":"conflict")") != std::string::npos);
  wire::PushAnswer back;
  std::string error;
  REQUIRE(wire::decode_push_answer(text, back, error));
  REQUIRE(back.results.size() == 3);
  CHECK(back.results[0].status == wire::PushStatus::Conflict);
  CHECK(back.results[0].reason == a.results[0].reason);
  CHECK(back.results[1].clock_off);
  CHECK_FALSE(back.results[2].clock_off);
  CHECK_FALSE(json::parse(text)["results"][2].contains("clock_off"));  // only when set
  wire::PullPage p;
  p.server_time = 1;
  p.cursor = "r0.e1";
  wire::WireEvent e{"id", "dev", 1, 1, "hlc", "check_in", "p", "{}"};
  e.clock_off = true;
  p.events = {e};
  const std::string page = wire::encode_pull_page(p);
  CHECK(json::parse(page)["events"][0]["clock_off"] == true);
  wire::PullPage read;
  REQUIRE(wire::decode_pull_page(page, read, error));
  REQUIRE(read.events.size() == 1);
  CHECK(read.events[0].clock_off);
}

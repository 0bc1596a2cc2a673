// The JSON payloads of journal events (docs/events.md) <-> typed bodies: what every kiosk, the
// sync worker and the server read, so a malformed payload must never crash or fold.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "core/journal.hpp"
#include "wire/event_codec.hpp"

using namespace meedoen;
using namespace meedoen::core;
using nlohmann::json;
using wire::decode_payload;
using wire::encode_payload;

namespace {

constexpr TimeMs kT0 = 1'795'423'320'000;  // Monday 2026-11-23 09:42 CET
constexpr TimeMs kWall = kT0 + 123;

// Encodes, checks the payload is a JSON object, decodes it again under the body's wire name.
template <class Body>
Body round_trip(const Body& body) {
  const std::string payload = encode_payload(body);
  INFO("payload " << payload);
  const json j = json::parse(payload);
  CHECK(j.is_object());
  std::string error = "untouched";
  const EventBody back = decode_payload(event_type(body), payload, kWall, &error);
  CHECK(error == "untouched");  // nothing reported for a sound payload
  REQUIRE(std::holds_alternative<Body>(back));
  CHECK(encode_payload(back) == payload);
  return std::get<Body>(back);
}

struct Bad {
  const char* type;
  std::string payload;
  const char* reason;  // a part of the error text
};

}  // namespace

TEST_CASE("event codec: every type round-trips with all its fields", "[wire][codec]") {
  SECTION("check_in") {
    const auto b = round_trip(ev::CheckIn{"2026-11-23", Dagdeel::Evening, kT0});
    CHECK(b.date == "2026-11-23");
    CHECK(b.dagdeel == Dagdeel::Evening);
    CHECK(b.at == kT0);
    const json j = json::parse(encode_payload(ev::CheckIn{"2026-11-23", Dagdeel::Afternoon, kT0}));
    CHECK(j == json{{"date", "2026-11-23"}, {"dagdeel", "afternoon"}, {"at", kT0}});  // docs/events.md
  }
  SECTION("check_out") {
    const auto b = round_trip(ev::CheckOut{"2026-11-24", kT0 + 5});
    CHECK(b.date == "2026-11-24");
    CHECK(b.at == kT0 + 5);
  }
  SECTION("auto_check_out") {
    const auto b = round_trip(ev::AutoCheckOut{"2026-11-23", "0193a1b2-0000-7000-8000-000000000001", kT0 + 9});
    CHECK(b.date == "2026-11-23");
    CHECK(b.check_in_event == "0193a1b2-0000-7000-8000-000000000001");
    CHECK(b.at == kT0 + 9);
  }
  SECTION("checkout_confirmed") {
    const auto b = round_trip(ev::CheckoutConfirmed{"2026-11-23", "e-1"});
    CHECK(b.date == "2026-11-23");
    CHECK(b.check_in_event == "e-1");
  }
  SECTION("correction_requested") {
    const auto b = round_trip(ev::CorrectionRequested{"2026-11-23", "e-1", kT0 + 3'600'000});
    CHECK(b.date == "2026-11-23");
    CHECK(b.check_in_event == "e-1");
    CHECK(b.proposed_end == kT0 + 3'600'000);
  }
  SECTION("signed_up and sign_up_cancelled") {
    const auto s = round_trip(ev::SignedUp{"a-koken", "2026-11-26"});
    CHECK(s.activity_id == "a-koken");
    CHECK(s.date == "2026-11-26");
    const auto c = round_trip(ev::SignUpCancelled{"a-taal", "2026-11-27"});
    CHECK(c.activity_id == "a-taal");
    CHECK(c.date == "2026-11-27");
  }
  SECTION("absence_reported, every dagdeel and reason") {
    for (Dagdeel d : kDagdelen)
      for (AbsenceReason r : kAbsenceReasons) {
        INFO(dagdeel_key(d) << " " << reason_key(r));
        const auto b = round_trip(ev::AbsenceReported{"2026-11-25", d, r, ""});
        CHECK(b.date == "2026-11-25");
        CHECK(b.dagdeel == d);
        CHECK(b.reason == r);
      }
    const json j =
        json::parse(encode_payload(ev::AbsenceReported{"2026-11-25", Dagdeel::Morning, AbsenceReason::Care, ""}));
    CHECK(j.at("reason") == "care");
    CHECK(j.at("dagdeel") == "morning");
  }
  SECTION("absence_withdrawn") { CHECK(round_trip(ev::AbsenceWithdrawn{"abs-1"}).absence_event == "abs-1"); }
  SECTION("hours_logged, with text that needs escaping") {
    const std::string place = "Buurthuis \"De Ster\" \\ Çağrı's kringloop\n2e verdieping";
    const auto b = round_trip(ev::HoursLogged{"2026-11-23", place, 195});
    CHECK(b.date == "2026-11-23");
    CHECK(b.place == place);
    CHECK(b.minutes == 195);
  }
  SECTION("hours_decided") {
    const auto b = round_trip(ev::HoursDecided{"h-1", true, 90, "pauze afgetrokken", "c-marloes"});
    CHECK(b.hours_event == "h-1");
    CHECK(b.approved);
    CHECK(b.minutes == 90);
    CHECK(b.reason == "pauze afgetrokken");
    CHECK(b.coach_id == "c-marloes");
    const auto r = round_trip(ev::HoursDecided{"h-2", false, 0, "", ""});
    CHECK_FALSE(r.approved);
    CHECK(r.minutes == 0);
  }
  SECTION("ev::Other encodes as an empty object") { CHECK(encode_payload(ev::Other{}) == "{}"); }
}

TEST_CASE("event codec: older payloads without 'at' take the event's wall clock", "[wire][codec]") {
  // Schema v1 wrote check_in {date, dagdeel} and check_out {date, dagdeel, check_in_event}.
  const EventBody in = decode_payload("check_in", R"({"date":"2026-11-23","dagdeel":"morning"})", kWall);
  REQUIRE(std::holds_alternative<ev::CheckIn>(in));
  CHECK(std::get<ev::CheckIn>(in).at == kWall);
  const EventBody out =
      decode_payload("check_out", R"({"date":"2026-11-23","dagdeel":"morning","check_in_event":"e-1"})", kWall);
  REQUIRE(std::holds_alternative<ev::CheckOut>(out));
  CHECK(std::get<ev::CheckOut>(out).at == kWall);
  CHECK(std::get<ev::CheckOut>(out).date == "2026-11-23");
  // hours_decided without the optional reason and coach.
  const EventBody d = decode_payload("hours_decided", R"({"hours_event":"h-1","approved":true,"minutes":60})", kWall);
  REQUIRE(std::holds_alternative<ev::HoursDecided>(d));
  CHECK(std::get<ev::HoursDecided>(d).reason.empty());
}

TEST_CASE("event codec: malformed payloads give ev::Other and a reason, never an exception", "[wire][codec]") {
  const std::string long_place(10'000, 'x');
  const std::vector<Bad> cases{
      // Not a JSON object at all.
      {"check_in", "", "not a JSON object"},
      {"check_in", "not json", "not a JSON object"},
      {"check_in", R"({"date":"2026-11-23","dagdeel":"morning")", "not a JSON object"},  // truncated
      {"check_in", "[]", "not a JSON object"},
      {"check_in", "null", "not a JSON object"},
      {"check_in", "\"2026-11-23\"", "not a JSON object"},
      {"check_in", "42", "not a JSON object"},
      {"check_in", "{\"date\":\"2026-11-23\xFF\",\"dagdeel\":\"morning\"}", "not a JSON object"},  // bad UTF-8
      // Missing fields.
      {"check_in", "{}", "'date'"},
      {"check_in", R"({"date":"2026-11-23"})", "'dagdeel'"},
      {"check_out", R"({"at":1})", "'date'"},
      {"auto_check_out", R"({"date":"2026-11-23","at":1})", "'check_in_event'"},
      {"auto_check_out", R"({"date":"2026-11-23","check_in_event":"e-1"})", "'at' is missing"},
      {"checkout_confirmed", R"({"date":"2026-11-23"})", "'check_in_event'"},
      {"correction_requested", R"({"date":"2026-11-23","check_in_event":"e-1"})", "'proposed_end' is missing"},
      {"signed_up", R"({"date":"2026-11-23"})", "'activity_id'"},
      {"sign_up_cancelled", R"({"activity_id":"a-koken"})", "'date'"},
      {"absence_reported", R"({"date":"2026-11-23","dagdeel":"morning"})", "'reason'"},
      {"absence_withdrawn", "{}", "'absence_event'"},
      {"hours_logged", R"({"date":"2026-11-23","place":"Voedselbank"})", "'minutes' is missing"},
      {"hours_logged", R"({"date":"2026-11-23","minutes":60})", "'place'"},
      {"hours_decided", R"({"hours_event":"h-1","minutes":60})", "'approved'"},
      {"hours_decided", R"({"approved":true,"minutes":60})", "'hours_event'"},
      // Wrong types.
      {"check_in", R"({"date":20261123,"dagdeel":"morning"})", "'date' must be a string"},
      {"check_in", R"({"date":null,"dagdeel":"morning"})", "'date' must be a string"},
      {"check_in", R"({"date":"2026-11-23","dagdeel":1})", "'dagdeel' must be a string"},
      {"check_in", R"({"date":"2026-11-23","dagdeel":"morning","at":"09:42"})", "'at' must be an integer"},
      {"check_in", R"({"date":"2026-11-23","dagdeel":"morning","at":1.5})", "'at' must be an integer"},
      {"check_out", R"({"date":"2026-11-23","at":true})", "'at' must be an integer"},
      {"hours_logged", R"({"date":"2026-11-23","place":"Voedselbank","minutes":"60"})", "'minutes' must be an integer"},
      {"hours_logged", R"({"date":"2026-11-23","place":["Voedselbank"],"minutes":60})", "'place' must be a string"},
      {"hours_decided", R"({"hours_event":"h-1","approved":"yes","minutes":60})", "'approved' must be true or false"},
      {"hours_decided", R"({"hours_event":"h-1","approved":true,"minutes":60,"reason":7})",
       "'reason' must be a string"},
      {"hours_decided", R"({"hours_event":"h-1","approved":true,"minutes":60,"coach_id":{}})",
       "'coach_id' must be a string"},
      {"signed_up", R"({"activity_id":{"id":"a-koken"},"date":"2026-11-23"})", "'activity_id' must be a string"},
      // Unknown enumeration values.
      {"check_in", R"({"date":"2026-11-23","dagdeel":"night"})", "unknown dagdeel 'night'"},
      {"check_in", R"({"date":"2026-11-23","dagdeel":"Morning"})", "unknown dagdeel"},
      {"absence_reported", R"({"date":"2026-11-23","dagdeel":"noon","reason":"sick"})", "unknown dagdeel"},
      {"absence_reported", R"({"date":"2026-11-23","dagdeel":"morning","reason":"holiday"})",
       "unknown reason 'holiday'"},
      // Sound JSON, unsound values (core::validate).
      {"check_in", R"({"date":"2026-02-30","dagdeel":"morning"})", "not a date"},
      {"check_in", R"({"date":"23-11-2026","dagdeel":"morning"})", "not a date"},
      {"signed_up", R"({"activity_id":"a/koken","date":"2026-11-23"})", "bad activity_id"},
      {"hours_logged", R"({"date":"2026-11-23","place":"Voedselbank","minutes":50})", "multiple of 15"},
      {"hours_logged", R"({"date":"2026-11-23","place":"Voedselbank","minutes":735})", "multiple of 15"},
      {"hours_logged", R"({"date":"2026-11-23","place":"","minutes":60})", "bad place"},
      {"hours_logged", json{{"date", "2026-11-23"}, {"place", long_place}, {"minutes", 60}}.dump(), "bad place"},
      {"correction_requested", R"({"date":"2026-11-23","check_in_event":"e-1","proposed_end":0})", "bad proposed_end"},
      // Numbers that do not fit the field: they must not wrap around into a sound value.
      {"hours_logged", R"({"date":"2026-11-23","place":"Voedselbank","minutes":4294967356})", "'minutes'"},
      {"hours_logged", R"({"date":"2026-11-23","place":"Voedselbank","minutes":-4294967236})", "'minutes'"},
      {"hours_decided", R"({"hours_event":"h-1","approved":true,"minutes":4294967356})", "'minutes'"},
      {"check_in", R"({"date":"2026-11-23","dagdeel":"morning","at":18446744073709551615})", "'at'"},
  };
  for (const Bad& c : cases) {
    INFO(c.type << " " << c.payload.substr(0, 200));
    std::string error;
    EventBody body = ev::CheckIn{};  // overwritten by the decode
    REQUIRE_NOTHROW(body = decode_payload(c.type, c.payload, kWall, &error));
    CHECK(std::holds_alternative<ev::Other>(body));
    CHECK_THAT(error, Catch::Contains(c.reason));
    CHECK_THAT(error, Catch::StartsWith(std::string(c.type) + ": ") || Catch::Contains("not a JSON object"));
    CHECK(error.size() < 200);  // reasons quote a little, never the whole payload
    // Without an error pointer the result is the same.
    CHECK(std::holds_alternative<ev::Other>(decode_payload(c.type, c.payload, kWall)));
  }
}

TEST_CASE("event codec: unknown types are kept as ev::Other without complaint", "[wire][codec]") {
  for (const char* type : {"from_the_future", ""}) {
    INFO("type '" << type << "'");
    std::string error;
    const EventBody b =
        decode_payload(type, R"({"rung":3,"areas":{"wonen":"working"},"coach_id":"c-1"})", kWall, &error);
    CHECK(std::holds_alternative<ev::Other>(b));
    CHECK(error.empty());
    CHECK(event_subject("p-1", b).empty());  // no fold reads it
  }
  // A known type is matched exactly: no case folding, no trimming.
  std::string error;
  CHECK(std::holds_alternative<ev::Other>(
      decode_payload("Check_In", R"({"date":"2026-11-23","dagdeel":"morning"})", kWall, &error)));
  CHECK(error.empty());
}

TEST_CASE("event codec: extra fields are ignored, so newer kiosks can add them", "[wire][codec]") {
  std::string error;
  const EventBody b = decode_payload(
      "check_in", R"({"date":"2026-11-23","dagdeel":"evening","at":5,"source":"nfc","v":2})", kWall, &error);
  CHECK(error.empty());
  REQUIRE(std::holds_alternative<ev::CheckIn>(b));
  CHECK(std::get<ev::CheckIn>(b).dagdeel == Dagdeel::Evening);
  CHECK(std::get<ev::CheckIn>(b).at == 5);
}

// The event-type table (core/events.hpp) and what follows it: every type has one entry with a
// unique wire name, the codec encodes each type to the exact bytes kiosks in the field write
// (captured from the per-type codec this table replaced) and reads them back unchanged, and
// docs/events.md documents exactly the table's types.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/events.hpp"
#include "wire/event_codec.hpp"
#include "wire/event_samples.hpp"

using namespace meedoen;
using namespace meedoen::core;

namespace {

constexpr TimeMs kWall = 1'795'423'320'123;

struct Golden {
  const char* type;
  const char* payload;
};

// The payloads of test::event_samples(), in its order, as the codec wrote them before the table.
const std::vector<Golden> kGolden{
    {"check_in", R"({"at":1795423320000,"dagdeel":"evening","date":"2026-11-23"})"},
    {"check_out", R"({"at":1795423320001,"date":"2026-11-23"})"},
    {"auto_check_out", R"({"at":1795423320002,"check_in_event":"e-in","date":"2026-11-23"})"},
    {"checkout_confirmed", R"({"check_in_event":"e-in","date":"2026-11-23"})"},
    {"correction_requested", R"({"check_in_event":"e-in","date":"2026-11-23","proposed_end":1795423320003})"},
    {"signed_up", R"({"activity_id":"a-koken","date":"2026-11-26"})"},
    {"sign_up_cancelled", R"({"activity_id":"a-koken","date":"2026-11-26"})"},
    {"absence_reported", R"({"coach_id":"c-1","dagdeel":"afternoon","date":"2026-11-24","reason":"appointment"})"},
    {"absence_withdrawn", R"({"absence_event":"e-abs"})"},
    {"hours_logged", R"({"date":"2026-11-23","minutes":195,"place":"Voedselbank\n\"2e\" \\ verdieping"})"},
    {"hours_decided", R"({"approved":true,"coach_id":"c-1","hours_event":"e-hours","minutes":180,"reason":"pauze"})"},
    {"correction_decided", R"({"accepted":true,"check_in_event":"e-in","coach_id":"c-1","correction_event":"e-corr",)"
                           R"("date":"2026-11-23","end":1795423320004,"reason":"seen"})"},
    {"attendance_recorded", R"({"coach_id":"c-1","dagdeel":"morning","date":"2026-11-23","end":1795423320005,)"
                            R"("reason":"checked","start":1795423319995})"},
    {"ladder_assessed", R"({"areas":{"addiction":"working","financial":"none","physical":"none",)"
                        R"("psychological":"working","social":"under_control"},"coach_id":"c-1","date":"2026-11-23",)"
                        R"("moment":"exit","progress":3,"rung":4})"},
    {"note_added", R"({"coach_id":"c-1","date":"2026-11-23","talk":true,"text":"Gesprek over werk; één regel"})"},
    {"participant_left", R"({"coach_id":"c-1","date":"2026-11-23","reason":"subsidised_work"})"},
    {"activity_saved", R"({"active":false,"capacity":8,"coach_id":"c-1","dagdeel":"afternoon","date":"2026-11-26",)"
                       R"("end":"15:05","icon":"cooking","id":"a-koken","leader":"Marloes","place":"Keuken",)"
                       R"("start":"13:30","title":"Koken \"met\" Çağrı","volunteer_work":true,"weekday":3})"},
    {"coach_pin_changed",
     R"({"coach_id":"c-1","pin_hash":"$argon2id$v=19$m=4096,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo"})"},
    // New with the agreements editor: a coach's change of a participant's agreements.
    {"agreements_changed", R"({"agreed_minutes":270,"agreed_parts":129,"coach_id":"c-1","end_date":"2027-08-31",)"
                           R"("photo_consent":true,"show_agreed_hours":true,"start_date":"2026-09-01",)"
                           R"("talk_every_days":14})"},
    // New with issue 15: the participant did not know when they left a forgotten check-out.
    {"checkout_unknown", R"({"check_in_event":"e-in","date":"2026-11-23"})"},
    // New with issue 15: the language a participant chose on home, remembered as their preference.
    {"language_chosen", R"({"language":"pl"})"},
};

template <std::size_t... I>
std::vector<std::string> alternative_names(std::index_sequence<I...>) {
  return {std::variant_alternative_t<I, EventBody>::kName...};
}

// The type names docs/events.md documents: the first cell of each row of a table whose first
// column is headed "type" (the marker the document explains at its top).
std::set<std::string> documented_types(std::istream& in) {
  std::set<std::string> names;
  bool in_types = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("|", 0) != 0) {
      in_types = false;
      continue;
    }
    const std::size_t end = line.find('|', 1);
    std::string cell = line.substr(1, end == std::string::npos ? std::string::npos : end - 1);
    cell.erase(0, cell.find_first_not_of(' '));
    cell.erase(cell.find_last_not_of(' ') + 1);
    if (cell == "type") in_types = true;
    else if (in_types && cell.size() > 2 && cell.front() == '`' && cell.back() == '`')
      names.insert(cell.substr(1, cell.size() - 2));
  }
  return names;
}

}  // namespace

TEST_CASE("event table: every type but ev::Other has one entry with a unique wire name", "[wire][table]") {
  const auto names = alternative_names(std::make_index_sequence<kEventTypeCount>{});
  REQUIRE(names.size() == std::variant_size_v<EventBody> - 1);
  CHECK(std::string(ev::Other::kName).empty());
  CHECK(ev::Other::kFold == Fold::None);
  std::set<std::string> unique;
  for (std::size_t i = 0; i < names.size(); ++i) {
    INFO(names[i]);
    CHECK_FALSE(names[i].empty());
    CHECK(unique.insert(names[i]).second);
    CHECK(event_types()[i] == names[i]);
  }
  // The samples hold one body of every type, in the variant's order.
  const auto samples = test::event_samples();
  REQUIRE(samples.size() == kEventTypeCount);
  for (std::size_t i = 0; i < samples.size(); ++i) {
    CHECK(samples[i].index() == i);
    CHECK(event_type(samples[i]) == names[i]);
    CHECK_FALSE(event_subject("p-1", samples[i]).empty());  // every known type is read by a fold
    CHECK(validate(samples[i]).empty());
  }
}

TEST_CASE("event table: each type encodes to the same bytes as before the table", "[wire][table][codec]") {
  const auto samples = test::event_samples();
  REQUIRE(samples.size() == kGolden.size());
  for (std::size_t i = 0; i < samples.size(); ++i) {
    INFO(kGolden[i].type);
    CHECK(event_type(samples[i]) == std::string(kGolden[i].type));
    CHECK(wire::encode_payload(samples[i]) == kGolden[i].payload);
  }
  // A participant's own absence report leaves coach_id out; ev::Other is an empty object.
  CHECK(wire::encode_payload(ev::AbsenceReported{"2026-11-24", Dagdeel::Morning, AbsenceReason::Sick, ""}) ==
        R"({"dagdeel":"morning","date":"2026-11-24","reason":"sick"})");
  CHECK(wire::encode_payload(ev::Other{}) == "{}");
}

TEST_CASE("event table: decode(encode(x)) == x for a sample of every type", "[wire][table][codec]") {
  for (const EventBody& body : test::event_samples()) {
    const std::string type = event_type(body);
    INFO(type);
    std::string error;
    const EventBody back = wire::decode_payload(type, wire::encode_payload(body), kWall, &error);
    CHECK(error.empty());
    CHECK(back == body);
  }
  // Unknown types stay ev::Other, whatever their payload.
  std::string error;
  CHECK(std::holds_alternative<ev::Other>(wire::decode_payload("from_the_future", R"({"a":1})", kWall, &error)));
  CHECK(error.empty());
}

TEST_CASE("event table: docs/events.md documents exactly the table's types", "[wire][table][docs]") {
  std::ifstream in(std::string(MEEDOEN_SOURCE_DIR) + "/docs/events.md");
  REQUIRE(in.good());
  const std::set<std::string> documented = documented_types(in);
  const std::set<std::string> table(event_types().begin(), event_types().end());
  for (const auto& name : table) {
    INFO("in core/events.hpp, not in a `type` table of docs/events.md: " << name);
    CHECK(documented.count(name) == 1);
  }
  for (const auto& name : documented) {
    INFO("in docs/events.md, not in core/events.hpp: " << name);
    CHECK(table.count(name) == 1);
  }
}

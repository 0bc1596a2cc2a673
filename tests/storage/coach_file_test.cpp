// The coach's file in the journal: ladder assessments, notes (talks), exits and attendance a coach
// records. Codec round trips and refusals, the folds, and the read models through Store::record.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>

#include "core/journal.hpp"
#include "storage/demo_centre.hpp"
#include "storage/store.hpp"
#include "support/fake_clock.hpp"
#include "support/temp_dir.hpp"
#include "wire/event_codec.hpp"

using namespace meedoen;
using namespace meedoen::core;
using storage::Store;
using test::kMonday0942;
using wire::decode_payload;
using wire::encode_payload;

namespace {

constexpr const char* kToday = "2026-11-23";

ev::LadderAssessed assessment(int rung, int progress) {
  ev::LadderAssessed a;
  a.date = kToday;
  a.moment = LadderMoment::Monthly;
  a.rung = rung;
  a.progress = progress;
  a.areas = {AreaStatus::Working, AreaStatus::None, AreaStatus::UnderControl, AreaStatus::None, AreaStatus::Working};
  a.coach_id = "c-1";
  return a;
}

template <class Body>
Body round_trip(const Body& body) {
  const std::string payload = encode_payload(body);
  INFO("payload " << payload);
  std::string error;
  const EventBody back = decode_payload(event_type(body), payload, kMonday0942, &error);
  CHECK(error.empty());
  REQUIRE(std::holds_alternative<Body>(back));
  CHECK(encode_payload(back) == payload);
  return std::get<Body>(back);
}

}  // namespace

TEST_CASE("coach file: codec round trips every field", "[storage][codec][coach]") {
  const auto a = round_trip(assessment(3, 2));
  CHECK(a.rung == 3);
  CHECK(a.progress == 2);
  CHECK(a.areas[2] == AreaStatus::UnderControl);
  CHECK(a.areas[4] == AreaStatus::Working);
  const auto j = nlohmann::json::parse(encode_payload(assessment(3, 2)));
  CHECK(j["areas"]["social"] == "under_control");
  CHECK(j["moment"] == "monthly");

  const auto n = round_trip(ev::NoteAdded{kToday, "Wil \"meer\" doen,\nin de tuin. Çok iyi ł", false, "c-1"});
  CHECK(n.text == "Wil \"meer\" doen,\nin de tuin. Çok iyi ł");
  CHECK(round_trip(ev::NoteAdded{kToday, "", true, "c-1"}).talk);
  CHECK(round_trip(ev::ParticipantLeft{kToday, ExitReason::VolunteerWork, "c-1"}).reason == ExitReason::VolunteerWork);
  const auto r = round_trip(
      ev::AttendanceRecorded{kToday, Dagdeel::Afternoon, kMonday0942, kMonday0942 + minutes(60), "seen", "c-1"});
  CHECK(r.dagdeel == Dagdeel::Afternoon);
  CHECK(r.reason == "seen");
  CHECK(round_trip(ev::AbsenceReported{kToday, Dagdeel::Morning, AbsenceReason::Sick, "c-2"}).coach_id == "c-2");
  // A participant's own report carries no coach_id field at all.
  CHECK(encode_payload(ev::AbsenceReported{kToday, Dagdeel::Morning, AbsenceReason::Sick, ""}).find("coach_id") ==
        std::string::npos);
}

TEST_CASE("coach file: malformed or out-of-range payloads are refused with a reason", "[storage][codec][coach]") {
  struct Bad {
    const char* type;
    std::string payload;
  };
  const std::string long_note(kMaxNoteLength + 1, 'x');
  const Bad bad[] = {
      {"ladder_assessed",
       R"({"date":"2026-11-23","moment":"monthly","rung":0,"progress":0,"areas":{},"coach_id":"c-1"})"},
      {"ladder_assessed",
       R"({"date":"2026-11-23","moment":"monthly","rung":11,"progress":0,"areas":{},"coach_id":"c-1"})"},
      {"ladder_assessed",
       R"({"date":"2026-11-23","moment":"monthly","rung":2,"progress":5,"areas":{},"coach_id":"c-1"})"},
      {"ladder_assessed",
       R"({"date":"2026-11-23","moment":"weekly","rung":2,"progress":1,"areas":{},"coach_id":"c-1"})"},
      {"ladder_assessed",
       R"({"date":"2026-11-23","moment":"monthly","rung":2,"progress":1,"areas":{"social":"great"},"coach_id":"c-1"})"},
      {"ladder_assessed",
       R"({"date":"2026-11-23","moment":"monthly","rung":2,"progress":1,"areas":[1,2],"coach_id":"c-1"})"},
      {"ladder_assessed",
       R"({"date":"2026-11-23","moment":"monthly","rung":4294967298,"progress":1,"areas":{},"coach_id":"c-1"})"},
      {"note_added", R"({"date":"2026-11-23","text":"","talk":false,"coach_id":"c-1"})"},
      {"note_added", R"({"date":"2026-11-23","text":")" + long_note + R"(","coach_id":"c-1"})"},
      {"note_added", R"({"date":"23-11-2026","text":"x","coach_id":"c-1"})"},
      {"note_added", R"({"date":"2026-11-23","text":"x"})"},
      {"participant_left", R"({"date":"2026-11-23","reason":"fraud","coach_id":"c-1"})"},
      {"attendance_recorded",
       R"({"date":"2026-11-23","dagdeel":"morning","start":100,"end":50,"reason":"seen","coach_id":"c-1"})"},
      {"attendance_recorded",
       R"({"date":"2026-11-23","dagdeel":"morning","start":100,"end":200,"reason":"","coach_id":"c-1"})"},
  };
  for (const auto& b : bad) {
    INFO(b.type << " " << b.payload.substr(0, 160));
    std::string error;
    CHECK(std::holds_alternative<ev::Other>(decode_payload(b.type, b.payload, kMonday0942, &error)));
    CHECK_FALSE(error.empty());
  }
  // Areas a newer kiosk knows and this one does not are left out, not refused.
  std::string error;
  const auto b = decode_payload("ladder_assessed",
                                R"({"date":"2026-11-23","moment":"exit","rung":2,"progress":1,)"
                                R"("areas":{"housing":"working","financial":"working"},"coach_id":"c-1"})",
                                kMonday0942, &error);
  CHECK(error.empty());
  REQUIRE(std::holds_alternative<ev::LadderAssessed>(b));
  CHECK(std::get<ev::LadderAssessed>(b).areas[1] == AreaStatus::Working);
  CHECK(std::get<ev::LadderAssessed>(b).moment == LadderMoment::Exit);
}

TEST_CASE("coach file: subjects and the fold keep every assessment, note and exit in order", "[core][coach]") {
  CHECK(event_subject("p-1", assessment(2, 1)) == "file/p-1");
  CHECK(event_subject("p-1", ev::NoteAdded{kToday, "x", false, "c-1"}) == "file/p-1");
  CHECK(event_subject("p-1", ev::ParticipantLeft{kToday, ExitReason::Work, "c-1"}) == "file/p-1");
  CHECK(event_subject("p-1", ev::AttendanceRecorded{kToday, Dagdeel::Morning, 1, 2, "seen", "c-1"}) ==
        "attendance/p-1/2026-11-23");
  std::vector<Event> events;
  auto add = [&](const char* id, EventBody b) {
    Event e;
    e.id = id;
    e.hlc = std::string("0000000000000001.000000000") + std::to_string(events.size());
    e.participant_id = "p-1";
    e.wall = kMonday0942 + static_cast<TimeMs>(events.size());
    e.body = std::move(b);
    events.push_back(e);
  };
  add("e1", assessment(2, 0));
  add("e2", ev::NoteAdded{kToday, "eerste", false, "c-1"});
  add("e3", assessment(2, 3));
  add("e4", ev::ParticipantLeft{kToday, ExitReason::Moved, "c-2"});
  const CoachFile f = fold_file(events);
  REQUIRE(f.ladder.size() == 2);
  CHECK(f.ladder[0].event_id == "e1");
  CHECK(f.ladder[1].progress == 3);
  REQUIRE(f.notes.size() == 1);
  CHECK(f.notes[0].text == "eerste");
  REQUIRE(f.exits.size() == 1);
  CHECK(f.exits[0].reason == ExitReason::Moved);
  CHECK(f.exits[0].coach_id == "c-2");
}

TEST_CASE("coach file: recorded through the store, read back from the read models", "[storage][coach]") {
  test::TempDir dir;
  Store store = Store::open(dir.file("kiosk.db"));
  store.record("p-1", assessment(2, 1), kMonday0942);
  store.record("p-1", assessment(3, 0), kMonday0942 + 1000);
  store.record("p-2", assessment(1, 4), kMonday0942 + 2000);
  store.record("p-1", ev::NoteAdded{kToday, "Wil meer doen", false, "c-1"}, kMonday0942 + 3000);
  store.record("p-1", ev::NoteAdded{"2026-11-20", "", true, "c-1"}, kMonday0942 + 4000);
  store.record("p-2", ev::ParticipantLeft{kToday, ExitReason::Work, "c-1"}, kMonday0942 + 5000);

  const auto all = store.load_ladder("", "2026-01-01", kToday);
  CHECK(all.size() == 3);
  const auto mine = store.load_ladder("p-1", "2026-01-01", kToday);
  REQUIRE(mine.size() == 2);
  CHECK(mine[1].rung == 3);
  CHECK(mine[0].areas[0] == AreaStatus::Working);
  CHECK(mine[0].areas[2] == AreaStatus::UnderControl);
  CHECK(store.load_ladder("p-1", "2026-11-24", "2026-12-31").empty());

  const auto notes = store.load_notes("p-1");
  REQUIRE(notes.size() == 2);
  CHECK(notes[0].talk);  // newest first
  CHECK(notes[1].text == "Wil meer doen");
  CHECK(store.last_talks().at("p-1") == "2026-11-20");

  const auto exits = store.load_exits("2026-11-01", "2026-11-30");
  REQUIRE(exits.size() == 1);
  CHECK(exits[0].participant_id == "p-2");
  CHECK(exits[0].reason == ExitReason::Work);

  // A 10,000-character note is refused as a whole; nothing is written.
  const auto before = store.event_count();
  CHECK_THROWS_AS(
      store.record("p-1", ev::NoteAdded{kToday, std::string(10'000, 'a'), false, "c-1"}, kMonday0942 + 6000),
      storage::StorageError);
  CHECK(store.event_count() == before);
  // The history of a participant is every event about them, in fold order.
  CHECK(store.events_of("p-1").size() == 4);
}

TEST_CASE("coach file: a coach records an attendance nobody checked in, once per dagdeel", "[storage][coach]") {
  test::TempDir dir;
  Store store = Store::open(dir.file("kiosk.db"));
  const TimeMs start = from_local(kToday, 9 * 60), end = from_local(kToday, 12 * 60 + 30);
  store.record("p-1", ev::AttendanceRecorded{kToday, Dagdeel::Morning, start, end, "seen", "c-1"}, kMonday0942);
  auto rows = store.load_attendance_of("p-1", kToday, kToday);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].by_coach);
  CHECK(rows[0].check_out == end);
  CHECK(rows[0].answered);  // nobody asks the participant about it
  // A second one for the same dagdeel changes nothing; the afternoon is another attendance.
  store.record("p-1", ev::AttendanceRecorded{kToday, Dagdeel::Morning, start, end, "checked", "c-2"}, kMonday0942 + 1);
  CHECK(store.load_attendance_of("p-1", kToday, kToday).size() == 1);
  store.record("p-1",
               ev::AttendanceRecorded{kToday, Dagdeel::Afternoon, from_local(kToday, 13 * 60),
                                      from_local(kToday, 17 * 60), "seen", "c-1"},
               kMonday0942 + 2);
  CHECK(store.load_attendance_of("p-1", kToday, kToday).size() == 2);
}

TEST_CASE("coach file: the demo centre has agreements, ladder history, talks and two exits", "[storage][coach][demo]") {
  test::TempDir dir;
  Store store = Store::open(dir.file("kiosk.db"));
  REQUIRE(storage::seed_demo_centre(store, kMonday0942));
  const auto roster = store.load_roster();
  const Participant* fatima = roster.find("demo-p-0001");
  REQUIRE(fatima);
  CHECK_FALSE(fatima->start_date.empty());
  CHECK(fatima->end_date > fatima->start_date);
  CHECK(fatima->talk_every_days >= 14);
  CHECK((fatima->agreed_parts & agreed_bit(0, Dagdeel::Morning)) != 0);  // Monday morning
  CHECK(store.load_ladder("demo-p-0001", "2000-01-01", kToday).size() >= 2);
  CHECK(store.load_exits("2026-11-01", kToday).size() == 2);
  CHECK(store.last_talks().size() >= 30);
}

// Demo data: names of an Almere neighbourhood, two coaches, a week's programme per dagdeel.
#include "storage/demo_centre.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include "storage/pin_hash.hpp"

namespace meedoen::storage {

namespace {

struct DemoName {
  const char* first;
  const char* last;
  const char* language;
};

// Dutch, Surinamese, Antillean, Moroccan, Turkish, Polish, Syrian, Eritrean, Cape Verdean and
// other backgrounds, as in Almere Haven.
constexpr std::array<DemoName, kDemoParticipants> kNames{{
    {"Fatima", "El Amrani", "nl"},  {"Jan", "de Vries", "nl"},       {"Ayşe", "Yılmaz", "nl"},
    {"Wim", "Bakker", "nl"},        {"Marieke", "Jansen", "nl"},     {"Mohamed", "Bouzid", "nl"},
    {"Gülşen", "Özdemir", "nl"},    {"Kofi", "Mensah", "en"},        {"Agnieszka", "Wiśniewska", "nl"},
    {"Ruud", "van den Berg", "nl"}, {"Sandra", "Kromodikoro", "nl"}, {"Henk", "Visser", "nl"},
    {"Nadia", "Haddou", "nl"},      {"Priya", "Ramdin", "nl"},       {"Tomasz", "Kowalczyk", "en"},
    {"Ingrid", "Smit", "nl"},       {"Hüseyin", "Çelik", "nl"},      {"Elif", "Şahin", "nl"},
    {"Ahmed", "Al-Khatib", "en"},   {"Yohannes", "Tesfaye", "en"},   {"Petra", "Mulder", "nl"},
    {"Gerard", "de Boer", "nl"},    {"Rachida", "Ouali", "nl"},      {"Zeynep", "Aydın", "nl"},
    {"Joke", "Hendriks", "nl"},     {"Dewi", "Soerjadi", "nl"},      {"Łucja", "Nowak", "en"},
    {"René", "Dekker", "nl"},       {"Chantal", "Martina", "nl"},    {"Youssef", "Benali", "nl"},
    {"Anneke", "Vermeulen", "nl"},  {"Emre", "Doğan", "nl"},         {"Natasja", "Pinas", "nl"},
    {"Khadija", "Tahiri", "nl"},    {"Bram", "van Dijk", "nl"},      {"Maria", "dos Santos", "en"},
    {"Saskia", "Brouwer", "nl"},    {"Gökhan", "Kılıç", "nl"},       {"Abdi", "Warsame", "en"},
    {"Thea", "Schouten", "nl"},     {"Noël", "Meijer", "nl"},        {"Zoë", "Hoekstra", "nl"},
}};

struct DemoActivity {
  const char* title;
  const char* icon;
  int weekday;
  core::Dagdeel dagdeel;
  const char* start;
  const char* end;
  const char* place;
  const char* leader;
  int capacity;
  bool volunteer;
};

using core::Dagdeel;
constexpr std::array<DemoActivity, 17> kProgramme{{
    {"Koffie-inloop", "coffee", 0, Dagdeel::Morning, "09:30", "11:00", "Huiskamer", "Marloes", 0, false},
    {"Samen koken", "cooking", 0, Dagdeel::Afternoon, "13:30", "16:30", "Keuken", "Marloes", 10, false},
    {"Buurtmoestuin", "garden", 1, Dagdeel::Morning, "09:30", "12:00", "Tuin achter", "Erik", 8, true},
    {"Nederlands oefenen", "language", 1, Dagdeel::Afternoon, "13:30", "15:30", "Huiskamer", "Erik", 12, false},
    {"Ruilwinkel 't Cirkeltje", "shop", 2, Dagdeel::Morning, "10:00", "12:30", "Voorkamer", "Marloes", 6, true},
    {"Computerles", "computer", 2, Dagdeel::Afternoon, "13:30", "15:30", "Kantoor", "Erik", 6, false},
    {"Wandelen in het park", "walk", 2, Dagdeel::Afternoon, "15:45", "16:45", "Verzamelen bij de deur", "Marloes", 0,
     false},
    {"Koffie-inloop", "coffee", 3, Dagdeel::Morning, "09:30", "11:00", "Huiskamer", "Erik", 0, false},
    {"Website van de buurt", "computer", 3, Dagdeel::Morning, "11:00", "12:30", "Kantoor", "Erik", 5, true},
    {"Creatief atelier", "craft", 3, Dagdeel::Afternoon, "13:30", "16:00", "Huiskamer", "Marloes", 10, false},
    {"Taalmaatje voor buren", "language", 3, Dagdeel::Evening, "19:00", "20:30", "Huiskamer", "Erik", 8, true},
    {"Buurtfeest voorbereiden", "party", 4, Dagdeel::Morning, "10:00", "12:00", "Huiskamer", "Marloes", 12, true},
    {"Samen lunchen", "cooking", 4, Dagdeel::Afternoon, "12:30", "13:30", "Keuken", "Marloes", 16, false},
    {"Fietsen repareren", "bike", 4, Dagdeel::Afternoon, "14:00", "16:00", "Schuur", "Erik", 6, true},
    {"Muziekavond", "music", 4, Dagdeel::Evening, "19:00", "21:00", "Huiskamer", "Marloes", 20, false},
    {"Ruilwinkel 't Cirkeltje", "shop", 5, Dagdeel::Morning, "10:00", "12:30", "Voorkamer", "Erik", 6, true},
    {"Bewegen op muziek", "sport", 0, Dagdeel::Morning, "11:00", "12:00", "Huiskamer", "Erik", 12, false},
}};

struct DemoPlace {
  const char* id;
  const char* name;
  const char* icon;
};
constexpr std::array<DemoPlace, 3> kPlaces{{
    {"demo-place-1", "Voedselbank Almere", "shop"},
    {"demo-place-2", "Kringloop Almere Haven", "shop"},
    {"demo-place-3", "Buurthuis De Schakel", "coffee"},
}};

std::string demo_id(const char* prefix, int n) {
  char id[32];
  std::snprintf(id, sizeof id, "%s%04d", prefix, n);
  return id;
}

std::string activity_id(int n) {
  char id[32];
  std::snprintf(id, sizeof id, "demo-a-%02d", n);
  return id;
}

// A small deterministic hash, so the demo history is the same on every machine.
unsigned mix(unsigned a, unsigned b) {
  unsigned h = a * 2654435761u ^ (b + 0x9e3779b9u + (a << 6) + (a >> 2));
  h ^= h >> 15;
  h *= 2246822519u;
  h ^= h >> 13;
  return h;
}

// The agreements of participant i: one dagdeel a week in the living room (De Cirkel's rhythm),
// volunteers a second one; a talk every 2-5 weeks; a year's programme, a few ending soon and one
// already past its end date.
constexpr int kStartDaysBack[] = {40, 95, 160, 220, 300, 330, 62, 130};

std::string start_of(int i, const std::string& today) { return core::add_days(today, -kStartDaysBack[i % 8] - i); }

core::Dagdeel agreed_dagdeel(int i) { return (i / 5) % 2 == 0 ? core::Dagdeel::Morning : core::Dagdeel::Afternoon; }

void agree(core::Participant& p, int i, const std::string& today) {
  p.start_date = start_of(i, today);
  p.end_date = core::add_days(p.start_date, 365);
  if (i == 6) p.end_date = core::add_days(today, -5);                 // past: the coach should act
  if (i == 3 || i == 17) p.end_date = core::add_days(today, 12 + i);  // within 30 days
  p.talk_every_days = 14 + 7 * (i % 4);
  p.agreed_parts = core::agreed_bit(i % 5, agreed_dagdeel(i));
  if (i % 4 == 0) p.agreed_parts |= core::agreed_bit((i + 2) % 5, core::Dagdeel::Morning);
}

bool agreed_on(int i, int weekday, core::Dagdeel d) {
  core::Participant p;
  agree(p, i, "2026-01-01");
  return (p.agreed_parts & core::agreed_bit(weekday, d)) != 0;
}

core::TimeMs at(const std::string& date, int minute) { return core::from_local(date, minute); }

bool by_time(const Store::TimedEvent& a, const Store::TimedEvent& b) { return a.at < b.at; }

// The coach's file: a ladder assessment at the start and then monthly, talks, a few notes, and
// two participants who left this month.
void seed_file(Store& store, core::TimeMs now) {
  namespace ev = core::ev;
  std::vector<Store::TimedEvent> out;
  const std::string today = core::format_date_iso(core::to_local(now));
  for (int i = 0; i < kDemoParticipants; ++i) {
    const std::string pid = demo_id("demo-p-", i + 1);
    const std::string coach = i % 2 == 0 ? "demo-coach-1" : "demo-coach-2";
    const std::string start = start_of(i, today);
    int rung = 1 + i % 3;
    int progress = 0;
    std::array<core::AreaStatus, 5> areas{};
    for (std::size_t a = 0; a < areas.size(); ++a) {
      const unsigned h = mix(static_cast<unsigned>(i + 300), static_cast<unsigned>(a));
      areas[a] = h % 3 == 0 ? core::AreaStatus::Working : core::AreaStatus::None;
    }
    // Assessments at the start and every 30 days, on a working day, up to a week ago.
    int month = 0;
    for (std::string d = start; core::days_between(d, today) > 7; d = core::add_days(d, 30), ++month) {
      std::string day = d;
      while (core::weekday_of(day) >= 5) day = core::add_days(day, 1);
      if (month > 0) {
        const unsigned h = mix(static_cast<unsigned>(i + 500), static_cast<unsigned>(month));
        if (h % 4 != 0) ++progress;  // most months some progress within the rung
        if (progress > core::kLadderProgressSteps || (progress >= 3 && h % 5 == 0)) {
          rung = std::min(rung + 1, 5);
          progress = 0;
        }
        for (auto& st : areas)
          if (st == core::AreaStatus::Working && h % 3 == 0) st = core::AreaStatus::UnderControl;
      }
      out.push_back({pid, core::from_local(day, 11 * 60 + i % 50),
                     ev::LadderAssessed{day, month == 0 ? core::LadderMoment::Start : core::LadderMoment::Monthly, rung,
                                        std::min(progress, core::kLadderProgressSteps), areas, coach}});
    }
    // The last talk: a few are overdue (their rhythm is shorter than the time since).
    std::string talk = core::add_days(today, -(3 + (i * 5) % 38));
    while (core::weekday_of(talk) >= 5) talk = core::add_days(talk, -1);
    if (talk > start) out.push_back({pid, core::from_local(talk, 14 * 60), ev::NoteAdded{talk, "", true, coach}});
  }
  const std::string recent = core::add_days(today, -7);
  out.push_back({"demo-p-0001", core::from_local(recent, 14 * 60 + 30),
                 ev::NoteAdded{recent, "Wil graag meer doen in de moestuin. Vraagt naar de Voedselbank.", false,
                               "demo-coach-1"}});
  out.push_back({"demo-p-0002", core::from_local(recent, 15 * 60),
                 ev::NoteAdded{recent, "Rugklachten, komt liever 's ochtends.", false, "demo-coach-2"}});
  // Two left the programme this month (when the month is young: the days before).
  out.push_back({"demo-p-0036", core::from_local(core::add_days(today, -16), 12 * 60),
                 ev::ParticipantLeft{core::add_days(today, -16), core::ExitReason::Work, "demo-coach-2"}});
  out.push_back({"demo-p-0039", core::from_local(core::add_days(today, -9), 12 * 60),
                 ev::ParticipantLeft{core::add_days(today, -9), core::ExitReason::VolunteerWork, "demo-coach-1"}});
  std::sort(out.begin(), out.end(), by_time);
  store.record_history(out);
}

// Four weeks of visits, agreed dagdelen and volunteer hours before today: the demo kiosk's use
// begins kHistoryDays ago, its go-live date (the ladder assessments before it came from paper).
constexpr int kHistoryDays = 28;

void seed_visits(std::vector<Store::TimedEvent>& out, const std::string& today) {
  namespace ev = core::ev;
  // Four weeks of mornings and afternoons; participant 1 (Fatima) comes most days.
  for (int back = kHistoryDays; back >= 1; --back) {
    const std::string d = core::add_days(today, -back);
    if (core::weekday_of(d) >= 5) continue;
    for (int i = 0; i < kDemoParticipants; ++i) {
      const std::string pid = demo_id("demo-p-", i + 1);
      const unsigned h = mix(static_cast<unsigned>(i), static_cast<unsigned>(back));
      const unsigned chance = i == 0 ? 85 : 35 + static_cast<unsigned>(i % 5) * 10;
      if (h % 100 >= chance) continue;
      const bool afternoon = (h >> 8) % 3 == 0;
      const int in =
          afternoon ? 13 * 60 + 5 + static_cast<int>((h >> 12) % 40) : 9 * 60 + 5 + static_cast<int>((h >> 12) % 50);
      const int out_min =
          afternoon ? 16 * 60 + static_cast<int>((h >> 16) % 55) : 12 * 60 + static_cast<int>((h >> 16) % 28);
      out.push_back({pid, at(d, in), ev::CheckIn{d, afternoon ? Dagdeel::Afternoon : Dagdeel::Morning, at(d, in)}});
      out.push_back({pid, at(d, out_min), ev::CheckOut{d, at(d, out_min)}});
    }
  }
  // The agreed dagdeel: most come; some phoned in sick the day before, a few did not turn up.
  for (int back = kHistoryDays; back >= 1; --back) {
    const std::string d = core::add_days(today, -back);
    const int wd = core::weekday_of(d);
    if (wd >= 5) continue;
    for (int i = 0; i < kDemoParticipants; ++i) {
      const core::Dagdeel dd = agreed_dagdeel(i);
      if (!agreed_on(i, wd, dd) || d < start_of(i, today)) continue;
      const std::string pid = demo_id("demo-p-", i + 1);
      const unsigned h = mix(static_cast<unsigned>(i + 700), static_cast<unsigned>(back));
      const bool random_visit = [&] {  // the loop above may have brought them already
        const unsigned r = mix(static_cast<unsigned>(i), static_cast<unsigned>(back));
        return r % 100 < (i == 0 ? 85u : 35u + static_cast<unsigned>(i % 5) * 10u);
      }();
      if (random_visit) continue;
      if (h % 100 < 80) {
        const int in = dd == core::Dagdeel::Morning ? 9 * 60 + 3 + static_cast<int>(h % 30)
                                                    : 13 * 60 + 4 + static_cast<int>(h % 30);
        const int out_min = in + 150 + static_cast<int>((h >> 8) % 30);
        out.push_back({pid, at(d, in), ev::CheckIn{d, dd, at(d, in)}});
        out.push_back({pid, at(d, out_min), ev::CheckOut{d, at(d, out_min)}});
      } else if (h % 100 < 92) {
        out.push_back(
            {pid, at(core::add_days(d, -1), 16 * 60),
             ev::AbsenceReported{d, dd, h % 2 ? core::AbsenceReason::Sick : core::AbsenceReason::Appointment, ""}});
      }  // else: a no-show
    }
  }
}

void seed_hours(std::vector<Store::TimedEvent>& out, const std::string& today) {
  namespace ev = core::ev;
  // Volunteer hours: every fourth participant, two entries a week; all but this week approved.
  for (int i = 0; i < kDemoParticipants; i += 4) {
    const std::string pid = demo_id("demo-p-", i + 1);
    for (int back = 27; back >= 1; back -= 3) {
      const std::string d = core::add_days(today, -back);
      if (core::weekday_of(d) >= 5) continue;
      const unsigned h = mix(static_cast<unsigned>(i + 100), static_cast<unsigned>(back));
      const int minutes = (4 + static_cast<int>(h % 9)) * 15;  // 1:00 .. 3:00
      out.push_back({pid, at(d, 17 * 60), ev::HoursLogged{d, kPlaces[h % kPlaces.size()].name, minutes}});
    }
  }
}

// The coach's decisions on stored history (approved hours, a closed forgotten check-out); returns
// the last working day before today.
std::string seed_decisions(Store& store, std::vector<Store::TimedEvent>& decisions, core::TimeMs now) {
  namespace ev = core::ev;
  const std::string today = core::format_date_iso(core::to_local(now));
  // The coach approves at the end of the week; approvals name the stored hours events.
  const std::string week_start = core::add_days(today, -core::to_local(now).weekday);
  for (const auto& h : store.load_hours("", core::add_days(today, -40))) {
    if (h.date >= week_start) continue;  // this week's hours wait for the coach
    const core::TimeMs when = h.logged_at + core::minutes(60 * 24 * 2);
    decisions.push_back({h.participant_id, std::min(when, now - core::minutes(60)),
                         ev::HoursDecided{h.event_id, true, h.minutes, "",
                                          h.participant_id == "demo-p-0001" ? "demo-coach-1" : "demo-coach-2"}});
  }

  // Jan (participant 2) forgot to check out on the last working day before today; the kiosk
  // closed his check-in at the end of that morning.
  std::string last = core::add_days(today, -1);
  while (core::weekday_of(last) >= 5) last = core::add_days(last, -1);
  store.record_history(
      {{"demo-p-0002", at(last, 9 * 60 + 31), ev::CheckIn{last, Dagdeel::Morning, at(last, 9 * 60 + 31)}}});
  for (const auto& a : store.load_attendance_of("demo-p-0002", last, last))
    if (a.open()) {
      const core::TimeMs end = at(last, core::KioskConfig{}.dagdelen[0].end);
      decisions.push_back({"demo-p-0002", end, ev::AutoCheckOut{last, a.check_in_event, end}});
    }
  return last;
}

// This week's sign-ups and absences reported ahead.
void seed_week(std::vector<Store::TimedEvent>& decisions, core::TimeMs now) {
  namespace ev = core::ev;
  const std::string today = core::format_date_iso(core::to_local(now));
  // Sign-ups for the coming week; "Samen koken" on Monday is full, with two on the waiting list.
  const core::TimeMs signup_time = now - core::minutes(60 * 24 * 3);
  for (int day = 0; day < core::kWeekDays; ++day) {
    const std::string d = core::add_days(today, day);
    int n = 0;
    for (const auto& a : kProgramme) {
      ++n;
      if (a.weekday != core::weekday_of(d) || a.capacity == 0) continue;
      const bool full = std::string(a.title) == "Samen koken";
      const int count = full ? a.capacity + 2 : a.capacity / 2;
      for (int k = 0; k < count; ++k) {
        const int who = 2 + (n * 7 + k) % (kDemoParticipants - 2);  // never Fatima or Jan
        decisions.push_back({demo_id("demo-p-", who + 1), signup_time + k * 60'000, ev::SignedUp{activity_id(n), d}});
      }
    }
  }
  // Fatima joined the garden the next day it runs, and told the centre she has a doctor's
  // appointment one afternoon.
  for (int day = 1; day < core::kWeekDays; ++day) {
    const std::string d = core::add_days(today, day);
    if (core::weekday_of(d) == 1) {
      decisions.push_back({"demo-p-0001", signup_time, ev::SignedUp{"demo-a-03", d}});
      break;
    }
  }
  for (int day = 1; day < core::kWeekDays; ++day) {
    const std::string d = core::add_days(today, day);
    if (core::weekday_of(d) == 3) {
      decisions.push_back(
          {"demo-p-0001", signup_time, ev::AbsenceReported{d, Dagdeel::Afternoon, core::AbsenceReason::Medical, ""}});
      break;
    }
  }
  decisions.push_back({"demo-p-0005", signup_time,
                       ev::AbsenceReported{core::add_days(today, 1), Dagdeel::Morning, core::AbsenceReason::Sick, ""}});
}

void seed_today(std::vector<Store::TimedEvent>& decisions, core::TimeMs now, const std::string& last) {
  namespace ev = core::ev;
  const std::string today = core::format_date_iso(core::to_local(now));
  const core::TimeMs signup_time = now - core::minutes(60 * 24 * 3);
  // For coach mode's Today: this morning so far (before `now`), two absences reported for today,
  // and hours from the last working day that wait for the coach. Participants no test of the
  // participant flows uses, so those flows start from the same state as before.
  if (core::weekday_of(today) < 5) {
    const int arrivals[][2] = {
        {10, 9 * 60 + 5}, {12, 9 * 60 + 12}, {15, 9 * 60 + 20}, {20, 9 * 60 + 26}, {24, 9 * 60 + 33}};
    for (const auto& [n, minute] : arrivals) {
      if (at(today, minute) >= now) continue;
      decisions.push_back(
          {demo_id("demo-p-", n), at(today, minute), ev::CheckIn{today, Dagdeel::Morning, at(today, minute)}});
    }
    decisions.push_back({"demo-p-0011", std::min(now, at(today, 8 * 60 + 15)),
                         ev::AbsenceReported{today, Dagdeel::Morning, core::AbsenceReason::Sick, ""}});
    decisions.push_back({"demo-p-0014", signup_time,
                         ev::AbsenceReported{today, Dagdeel::Afternoon, core::AbsenceReason::Appointment, ""}});
  }
  decisions.push_back({"demo-p-0009", at(last, 16 * 60 + 40), ev::HoursLogged{last, kPlaces[0].name, 150}});
  decisions.push_back({"demo-p-0013", at(last, 17 * 60 + 5), ev::HoursLogged{last, kPlaces[2].name, 90}});
}

void seed_talks(Store& store, const std::string& today) {
  for (int i = 0; i < kDemoParticipants; i += 3) {
    const core::TimeMs talk = core::from_local(core::add_days(today, 1 + i % 6), 10 * 60 + (i % 4) * 30);
    store.put_appointment({demo_id("demo-talk-", i + 1), demo_id("demo-p-", i + 1), talk,
                           i % 2 == 0 ? "Gesprek met Marloes" : "Gesprek met Erik", "talk"});
  }
}

void seed_history(Store& store, core::TimeMs now) {
  const std::string today = core::format_date_iso(core::to_local(now));
  std::vector<Store::TimedEvent> out;
  seed_visits(out, today);
  seed_hours(out, today);
  std::sort(out.begin(), out.end(), by_time);
  store.record_history(out);

  std::vector<Store::TimedEvent> decisions;
  const std::string last = seed_decisions(store, decisions, now);
  seed_week(decisions, now);
  seed_today(decisions, now, last);
  std::sort(decisions.begin(), decisions.end(), by_time);
  store.record_history(decisions);
  seed_talks(store, today);
}

}  // namespace

bool seed_demo_centre(Store& store, core::TimeMs now) {
  if (store.has_roster()) return false;
  store.in_transaction([&] {
    store.set_setting("centre_name", "De Cirkel (demo)");
    // Nobody is expected before the history begins: no phantom no-shows in its reports and strips.
    store.set_setting("go_live", core::add_days(core::format_date_iso(core::to_local(now)), -kHistoryDays));
    for (const DemoCoach& c : kDemoCoaches) store.put_coach({c.id, c.name}, hash_pin(c.pin));
    for (int i = 0; i < kDemoParticipants; ++i) {
      char code[16], pin[12], id[32];
      std::snprintf(code, sizeof code, "DEMO%04d", i + 1);
      std::snprintf(pin, sizeof pin, "%04d", i + 1);
      std::snprintf(id, sizeof id, "demo-p-%04d", i + 1);
      core::Participant p;
      p.id = id;
      p.first_name = kNames[i].first;
      p.last_name = kNames[i].last;
      p.card_code = code;
      p.language = kNames[i].language;
      p.mandatory = i % 3 != 2;  // two in three take part by decision of the sociale dienst
      p.coach_id = i % 2 == 0 ? "demo-coach-1" : "demo-coach-2";
      p.photo_consent = i % 3 != 1;
      agree(p, i, core::format_date_iso(core::to_local(now)));
      if (i % 4 == 0) {  // volunteers with agreed hours; Fatima's coach shows them on the kiosk
        p.agreed_minutes_per_week = (4 + i % 5) * 60;
        p.show_agreed_hours = i == 0;
      }
      store.put_participant(p, hash_pin(pin));
    }
    int n = 0;
    for (const auto& d : kProgramme) {
      core::Activity a;
      a.id = activity_id(++n);
      a.title = d.title;
      a.icon = d.icon;
      a.weekday = d.weekday;
      a.dagdeel = d.dagdeel;
      a.start = core::parse_hhmm(d.start);
      a.end = core::parse_hhmm(d.end);
      a.place = d.place;
      a.leader = d.leader;
      a.capacity = d.capacity;
      a.volunteer_work = d.volunteer;
      store.put_activity(a);
    }
    for (const auto& place : kPlaces) store.put_place({place.id, place.name, place.icon});
  });
  seed_history(store, now);
  seed_file(store, now);
  return true;
}

}  // namespace meedoen::storage

// Demo data: names of an Almere neighbourhood, two coaches, a week's programme per dagdeel.
#include "storage/demo_centre.hpp"

#include <array>
#include <cstdio>

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
    {"Fatima", "El Amrani", "nl"},      {"Jan", "de Vries", "nl"},
    {"Ayşe", "Yılmaz", "nl"},           {"Wim", "Bakker", "nl"},
    {"Marieke", "Jansen", "nl"},        {"Mohamed", "Bouzid", "nl"},
    {"Gülşen", "Özdemir", "nl"},        {"Kofi", "Mensah", "en"},
    {"Agnieszka", "Wiśniewska", "nl"},  {"Ruud", "van den Berg", "nl"},
    {"Sandra", "Kromodikoro", "nl"},    {"Henk", "Visser", "nl"},
    {"Nadia", "Haddou", "nl"},          {"Priya", "Ramdin", "nl"},
    {"Tomasz", "Kowalczyk", "en"},      {"Ingrid", "Smit", "nl"},
    {"Hüseyin", "Çelik", "nl"},         {"Elif", "Şahin", "nl"},
    {"Ahmed", "Al-Khatib", "en"},       {"Yohannes", "Tesfaye", "en"},
    {"Petra", "Mulder", "nl"},          {"Gerard", "de Boer", "nl"},
    {"Rachida", "Ouali", "nl"},         {"Zeynep", "Aydın", "nl"},
    {"Joke", "Hendriks", "nl"},         {"Dewi", "Soerjadi", "nl"},
    {"Łucja", "Nowak", "en"},           {"René", "Dekker", "nl"},
    {"Chantal", "Martina", "nl"},       {"Youssef", "Benali", "nl"},
    {"Anneke", "Vermeulen", "nl"},      {"Emre", "Doğan", "nl"},
    {"Natasja", "Pinas", "nl"},         {"Khadija", "Tahiri", "nl"},
    {"Bram", "van Dijk", "nl"},         {"Maria", "dos Santos", "en"},
    {"Saskia", "Brouwer", "nl"},        {"Gökhan", "Kılıç", "nl"},
    {"Abdi", "Warsame", "en"},          {"Thea", "Schouten", "nl"},
    {"Noël", "Meijer", "nl"},           {"Zoë", "Hoekstra", "nl"},
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
    {"Wandelen in het park", "walk", 2, Dagdeel::Afternoon, "15:45", "16:45", "Verzamelen bij de deur", "Marloes", 0, false},
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

}  // namespace

bool seed_demo_centre(Store& store) {
  if (store.has_roster()) return false;
  store.in_transaction([&] {
    store.set_setting("centre_name", "De Cirkel (demo)");
    store.put_coach({"demo-coach-1", "Marloes Kuipers"});
    store.put_coach({"demo-coach-2", "Erik Bos"});
    for (int i = 0; i < kDemoParticipants; ++i) {
      char code[16], pin[8], id[32];
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
      store.put_participant(p, hash_pin(pin));
    }
    int n = 0;
    for (const auto& d : kProgramme) {
      core::Activity a;
      char id[32];
      std::snprintf(id, sizeof id, "demo-a-%02d", ++n);
      a.id = id;
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
  });
  return true;
}

}  // namespace meedoen::storage

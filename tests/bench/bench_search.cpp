// Name search per keystroke over a roster of 10,000 participants with Dutch, Turkish, Moroccan,
// Polish and Surinamese names (diacritics included). Each simulated person types their first
// name letter by letter, then a space and their surname, until their own tile is among the six
// the kiosk shows; every keystroke runs core::Roster::search as the search screen's view model
// does (it runs again on each of the few frames drawn after the tap, so the budget is per call).
// Half the people type accents with the accent layer, half type plain letters.
//   build/tests/bench/bench_search [people] [sessions]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "bench/plain_build.hpp"
#include "core/roster.hpp"
#include "core/state.hpp"

using namespace meedoen;
using Clock = std::chrono::steady_clock;

namespace {

struct Origin {
  std::vector<const char*> first, last;
};

// Names as they are common in Dutch neighbourhoods; the mix of origins is a rough guess.
const std::vector<Origin>& origins() {
  static const std::vector<Origin> o{
      {{"Jan",     "Piet",     "Kees",   "Henk",     "Anouk",   "Sanne",  "Fleur",  "Daan",   "Bram",   "Lotte",
        "Marieke", "Annelies", "Gerrit", "Wim",      "Joke",    "Ineke",  "Mirjam", "Thijs",  "Ruud",   "Chloë",
        "Zoë",     "Noëlle",   "Anaïs",  "Daniëlle", "Michiel", "Sjoerd", "Jeroen", "Esther", "Ingrid", "Truus"},
       {"de Vries",    "van den Berg", "Jansen",   "de Jong",   "Bakker",     "Visser", "Smit",     "Meijer",
        "de Boer",     "Mulder",       "de Groot", "Bos",       "Vos",        "Peters", "Hendriks", "van Dijk",
        "van Leeuwen", "Dekker",       "Brouwer",  "de Wit",    "Dijkstra",   "Smits",  "de Graaf", "van der Meer",
        "Kok",         "Jacobs",       "de Haan",  "Vermeulen", "van 't Hof", "'t Hart"}},
      {{"Ayşe",    "Fatma",  "Emine", "Hatice",  "Zeynep", "Elif",    "Özlem",  "Gülşen", "Şükrü", "Mehmet",
        "Mustafa", "Ahmet",  "Ali",   "Hüseyin", "Hasan",  "İbrahim", "İsmail", "Yusuf",  "Ömer",  "Murat",
        "Çağlar",  "Gökhan", "Ümit",  "Burak",   "Ebru",   "Derya",   "Songül", "Nazlı",  "Tuğba", "Büşra"},
       {"Yılmaz",  "Kaya",   "Demir", "Şahin",   "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
        "Özdemir", "Arslan", "Doğan", "Kılıç",   "Aslan", "Çetin",  "Kara",     "Koç",    "Kurt",
        "Özkan",   "Şimşek", "Polat", "Erdoğan", "Güneş", "Aksoy",  "Uçar"}},
      {{"Mohamed", "Mohammed", "Ahmed", "Youssef", "Said",    "Mustapha", "Rachid", "Abdelkader", "Hamid",   "Karim",
        "Fatima",  "Khadija",  "Aïcha", "Naima",   "Malika",  "Samira",   "Nadia",  "Latifa",     "Souad",   "Hanane",
        "Bilal",   "Soufiane", "Ilham", "Imane",   "Zakaria", "Nordin",   "Hafida", "Salma",      "Yassine", "Anouar"},
       {"El Amrani", "Benali",      "El Idrissi", "Bouzid",  "Haddad",      "Amrani",  "El Khatib",
        "Boukhari",  "Ait Ben Ali", "Azzouzi",    "Bouchta", "El Hamdaoui", "Tahiri",  "Ouali",
        "Mansouri",  "El Ouahabi",  "Belhaj",     "Chaoui",  "Zerouali",    "Bakkali", "Aboutaleb",
        "Ziani",     "El Bakkali",  "Benchikh",   "Lahlou"}},
      {{"Piotr",     "Krzysztof", "Andrzej",   "Tomasz",     "Paweł",     "Michał",    "Łukasz",   "Grzegorz",
        "Wojciech",  "Marek",     "Agnieszka", "Małgorzata", "Katarzyna", "Joanna",    "Ewa",      "Anna",
        "Magdalena", "Barbara",   "Żaneta",    "Łucja",      "Jędrzej",   "Bożena",    "Zdzisław", "Grażyna",
        "Stanisław", "Mirosław",  "Jolanta",   "Dorota",     "Kamil",     "Bartłomiej"},
       {"Kowalski",   "Nowak",     "Wiśniewski", "Wójcik",     "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński",
        "Szymański",  "Woźniak",   "Dąbrowski",  "Kozłowski",  "Jankowski", "Mazur",    "Kwiatkowski", "Krawczyk",
        "Piotrowski", "Grabowski", "Nowakowski", "Pawłowski",  "Michalski", "Król",     "Wieczorek",   "Jabłoński",
        "Wróbel",     "Żak",       "Łuczak",     "Ślusarczyk", "Gąsior",    "Błaszczyk"}},
      {{"Priya", "Rajesh", "Shanti", "Sunita", "Ravi", "Dewi", "Sharon", "Glenn", "Jermaine", "Rosita", "João",
        "Conceição"},
       {"Ramdin", "Sewdien", "Kartosen", "Pinas", "Doelwijt", "Rozenblad", "Martina", "Girigorie", "Gonçalves",
        "Lopes"}},
  };
  return o;
}

std::vector<core::Participant> roster_people(int n, std::mt19937& rng) {
  const auto& o = origins();
  std::discrete_distribution<int> origin_of({40, 22, 22, 10, 6});
  std::vector<core::Participant> people;
  people.reserve(static_cast<std::size_t>(n));
  auto pick = [&](const std::vector<const char*>& v) { return v[rng() % v.size()]; };
  for (int i = 0; i < n; ++i) {
    const Origin& a = o[static_cast<std::size_t>(origin_of(rng))];
    // One in eight has a surname from another origin (marriage, adoption).
    const Origin& b = rng() % 8 == 0 ? o[static_cast<std::size_t>(origin_of(rng))] : a;
    core::Participant p;
    char id[16];
    std::snprintf(id, sizeof id, "p-%05d", i);
    p.id = id;
    p.first_name = pick(a.first);
    p.last_name = pick(b.last);
    people.push_back(std::move(p));
  }
  return people;
}

// What the keyboard can type for one character of a name: the letter itself when the person
// uses the accent layer, else its plain letter (the search folds accents either way).
std::string keystroke(const std::string& name, std::size_t& i, bool accents) {
  const auto b = static_cast<unsigned char>(name[i]);
  const std::size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  const std::string c = name.substr(i, len);
  i += len;
  return accents || len == 1 ? c : core::fold_for_search(c);
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
  meedoen::bench::say_if_sanitized("bench_search");
  const int n = argc > 1 ? std::max(1, std::atoi(argv[1])) : 10'000;
  const int sessions = argc > 2 ? std::max(1, std::atoi(argv[2])) : 2'000;
  std::mt19937 rng(20261123);

  const auto t0 = Clock::now();
  const core::Roster roster(roster_people(n, rng));
  const double build_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();

  std::vector<double> ms;
  std::size_t found = 0, results = 0;
  for (int s = 0; s < sessions; ++s) {
    const core::Participant& p = roster.all()[rng() % roster.all().size()];
    const bool accents = s % 2 == 0;
    const std::string full = p.first_name + " " + p.last_name;
    std::string query;
    for (std::size_t i = 0; i < full.size() && query.size() < core::kMaxQueryLength;) {
      query += keystroke(full, i, accents);
      if (query.back() == ' ') continue;  // the space shows the same tiles: the person types on
      const auto k0 = Clock::now();
      const auto matches = roster.search(query, core::kMaxSearchMatches);
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - k0).count());
      results += matches.size();
      // Stop typing once the own tile shows (with 10,000 people, namesakes often keep it out).
      if (std::any_of(matches.begin(), matches.end(), [&](const auto* m) { return m->id == p.id; })) {
        ++found;
        break;
      }
    }
  }
  std::printf("roster: %d participants (index built in %.1f ms)\n", n, build_ms);
  std::printf("sessions: %d people typing, %zu keystrokes, %zu saw their own tile, %.1f tiles on average\n", sessions,
              ms.size(), found, static_cast<double>(results) / static_cast<double>(ms.size()));
  const double median = percentile(ms, 0.5), p99 = percentile(ms, 0.99), worst = percentile(ms, 1.0);
  std::printf("search per keystroke: median %.3f ms, p99 %.3f ms, max %.3f ms (target p99 < 2 ms): %s\n", median, p99,
              worst, p99 < 2.0 ? "ok" : "MISSED");
  return p99 < 2.0 ? 0 : 1;
}

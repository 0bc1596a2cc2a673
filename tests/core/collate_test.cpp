// Names in the order people expect (core/collate, ICU's Dutch collation), on names a Dutch
// centre has: Polish, Turkish, French and Dutch ones with IJ and particles.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/collate.hpp"
#include "core/roster.hpp"
#include "support/people.hpp"

using namespace meedoen;

TEST_CASE("collate: Ł with the L's, accents with their letter, IJ as I-J, case a tie-break", "[core]") {
  std::vector<std::string> names{"Zoë",   "Łucja", "Ömer",  "IJsbrand", "Élodie", "Çelik", "anna",  "Anna",
                                 "Ilse",  "Lucas", "Maria", "Emma",     "Şule",   "Sara",  "Yusuf", "Ivo",
                                 "Eelco", "Öykü",  "Oscar", "Lotte",    "Zeynep", "Ádám"};
  std::sort(names.begin(), names.end(), core::collate_less);
  // "Ádám" before "anna": letters first (a-d before a-n), the accent only breaks a tie.
  const std::vector<std::string> expected{"Ádám", "anna", "Anna",  "Çelik", "Eelco",  "Élodie", "Emma", "IJsbrand",
                                          "Ilse", "Ivo",  "Lotte", "Lucas", "Łucja",  "Maria",  "Ömer", "Oscar",
                                          "Öykü", "Sara", "Şule",  "Yusuf", "Zeynep", "Zoë"};
  CHECK(names == expected);
  CHECK(core::collate("Łucja", "Zoë") < 0);  // it used to sort after Z (byte order)
  CHECK(core::collate("Lucas", "Łucja") < 0);
  CHECK(core::collate("Łucja", "Maria") < 0);
  CHECK(core::collate("Anna", "Anna") == 0);
  CHECK(core::collate("10 Ali", "2 Ali") > 0);             // numbers by value
  CHECK(core::collate("bad \xff byte", "bad byte") != 0);  // invalid UTF-8 still has an order
}

TEST_CASE("collate: the roster (the kiosk's name lists) is in that order", "[core]") {
  core::Roster r({test::person("p1", "Zoë", "de Vries"), test::person("p2", "Łucja", "Zielińska"),
                  test::person("p3", "Lucas", "Bakker"), test::person("p4", "Ömer", "Kaya"),
                  test::person("p5", "Maria", "Jansen")});
  std::vector<std::string> order;
  for (const auto& p : r.all()) order.push_back(p.first_name);
  CHECK(order == std::vector<std::string>{"Lucas", "Łucja", "Maria", "Ömer", "Zoë"});
}

TEST_CASE("collate: a name's sort key orders as collate() does", "[core]") {
  const std::vector<std::string> names{"Zoë",  "Łucja", "Ömer", "IJsbrand", "Élodie",       "Çelik",    "anna",
                                       "Anna", "Ilse",  "Ivo",  "10 Ali",   "2 Ali",        "bad \xff", "Şule",
                                       "Ádám", "",      "Ömer", "O'Brien",  "van den Berg", "Ğ",        "ß"};
  for (const auto& a : names)
    for (const auto& b : names) {
      INFO(a << " / " << b);
      const std::string ka = core::collation_key(a), kb = core::collation_key(b);
      const int by_key = ka < kb ? -1 : kb < ka ? 1 : (a < b ? -1 : b < a ? 1 : 0);
      CHECK(by_key == core::collate(a, b));
    }
  CHECK_FALSE(core::collation_key("Anna").empty());
  CHECK(core::collation_key("Anna").find('\0') == std::string::npos);  // ICU's keys hold no 0 but the last
  CHECK(core::collation_version().find('.') != std::string::npos);     // "72.1"
}

TEST_CASE("collate: a roster given its kept sort keys orders by them, without ICU", "[core]") {
  std::vector<core::Participant> people{test::person("p1", "Anna", "Bakker"), test::person("p2", "Bram", "Smit"),
                                        test::person("p3", "Cor", "Visser")};
  SECTION("keys as ICU makes them: the same order as without them") {
    std::vector<std::string> keys;
    for (const auto& p : people) keys.push_back(core::collation_key(p.first_name + " " + p.last_name));
    std::vector<std::string> order;
    const core::Roster roster(people, keys);
    for (const auto& p : roster.all()) order.push_back(p.id);
    CHECK(order == std::vector<std::string>{"p1", "p2", "p3"});
  }
  SECTION("the keys decide (they are not made again), a missing one is made") {
    std::vector<std::string> order;
    const core::Roster roster(people, {"\x03", "\x02", ""});
    for (const auto& p : roster.all()) order.push_back(p.id);
    // "" for Cor: its own ICU key (letters start above 0x03) sorts after both.
    CHECK(order == std::vector<std::string>{"p2", "p1", "p3"});
  }
}

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

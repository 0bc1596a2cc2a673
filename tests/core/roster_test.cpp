// Accent-insensitive folding and the roster's card and name lookups.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/roster.hpp"
#include "core/state.hpp"
#include "support/people.hpp"

using namespace meedoen;
using test::person;

namespace {

core::Roster neighbourhood() {
  return core::Roster({
      person("p-ayse", "Ayşe", "Yılmaz", "C001"),
      person("p-jan", "Jan", "de Vries", "C002"),
      person("p-lucja", "Łucja", "Nowak", "C003"),
      person("p-huseyin", "Hüseyin", "Çelik", "C004"),
      person("p-zoe", "Zoë", "Hoekstra", "C005"),
      person("p-ruud", "Ruud", "van den Berg", "C006"),
      person("p-ahmed", "Ahmed", "Al-Khatib", "C007"),
      person("p-obrien", "Siobhán", "O'Brien", ""),
      person("p-marieke", "Marieke", "Jansen", "C009"),
  });
}

std::vector<std::string> ids(const std::vector<const core::Participant*>& found) {
  std::vector<std::string> out;
  for (const auto* p : found) out.push_back(p->id);
  return out;
}

bool ascii_only(const std::string& s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

}  // namespace

TEST_CASE("fold_for_search: folds diacritics to lower-case ASCII", "[core]") {
  CHECK(core::fold_for_search("Ayşe Yılmaz") == "ayse yilmaz");
  CHECK(core::fold_for_search("Łucja") == "lucja");
  CHECK(core::fold_for_search("Çelik") == "celik");
  CHECK(core::fold_for_search("Zoë") == "zoe");
  CHECK(core::fold_for_search("Gülşen Özdemir") == "gulsen ozdemir");
  CHECK(core::fold_for_search("Agnieszka Wiśniewska") == "agnieszka wisniewska");
  CHECK(core::fold_for_search("Gökhan Kılıç") == "gokhan kilic");
  CHECK(core::fold_for_search("Emre Doğan") == "emre dogan");
  CHECK(core::fold_for_search("René Noël") == "rene noel");
  CHECK(core::fold_for_search("ÀÉÎÕÜÝ àéîõüÿ") == "aeiouy aeiouy");
  CHECK(core::fold_for_search("Ærø Ðž") == "aro dz");
  CHECK(core::fold_for_search("JAN DE VRIES") == "jan de vries");

  SECTION("spaces collapse and are trimmed") {
    CHECK(core::fold_for_search("  Jan   de  Vries ") == "jan de vries");
    CHECK(core::fold_for_search("   ") == "");
    CHECK(core::fold_for_search("") == "");
  }
  SECTION("typographic apostrophes become ASCII ones") {
    CHECK(core::fold_for_search("O\xE2\x80\x99"
                                "Brien") == "o'brien");  // U+2019
    CHECK(core::fold_for_search("O\xE2\x80\x98"
                                "Brien") == "o'brien");  // U+2018
  }
  SECTION("combining accents (decomposed text) are dropped") {
    CHECK(core::fold_for_search("Zoe\xCC\x88") == "zoe");  // e + U+0308
  }
  SECTION("characters outside Latin script are dropped, not mangled") {
    CHECK(core::fold_for_search("Jan \xF0\x9F\x98\x80") == "jan");  // emoji
    CHECK(ascii_only(core::fold_for_search("Мария محمد")));
  }
}

TEST_CASE("fold_for_search: malformed UTF-8 does not crash", "[core]") {
  CHECK(core::fold_for_search("\xFF") == "");
  CHECK(core::fold_for_search("Zo\xC3") == "zo");  // truncated 2-byte sequence
  CHECK(core::fold_for_search("\xC3"
                              "Abc") == "abc");          // lead byte without continuation
  CHECK(core::fold_for_search("a\xE2\x82") == "a");      // truncated 3-byte sequence
  CHECK(core::fold_for_search("b\xF0\x9F\x98") == "b");  // truncated 4-byte sequence
  CHECK(core::fold_for_search("\x80\x80jan") == "jan");  // lone continuation bytes
  CHECK(core::fold_for_search("Jan\xFF de Vries") == "jan de vries");
  CHECK(ascii_only(core::fold_for_search("\xC0\x80\xED\xA0\x80\xF8\x88\x80\x80\x80")));  // overlong, surrogate, 5-byte

  SECTION("every single byte and many byte soups fold to ASCII") {
    int not_ascii = 0;
    for (int b = 0; b < 256; ++b) {
      const std::string one(1, static_cast<char>(b));
      if (!ascii_only(core::fold_for_search(one))) ++not_ascii;
    }
    unsigned x = 12345;
    for (int n = 0; n < 2000; ++n) {
      std::string soup;
      for (int k = 0; k < 1 + n % 13; ++k) {
        x = x * 1103515245u + 12345u;
        soup.push_back(static_cast<char>((x >> 16) & 0xFF));
      }
      if (!ascii_only(core::fold_for_search(soup))) ++not_ascii;
    }
    CHECK(not_ascii == 0);
  }
}

TEST_CASE("Roster::search: prefix on any word, accent-insensitive", "[core]") {
  const core::Roster roster = neighbourhood();
  auto find = [&](const char* q) { return ids(roster.search(q, 10)); };
  using V = std::vector<std::string>;

  SECTION("first name, last name or full name") {
    CHECK(find("ay") == V{"p-ayse"});
    CHECK(find("yil") == V{"p-ayse"});
    CHECK(find("ayse yil") == V{"p-ayse"});
    CHECK(find("ruud van") == V{"p-ruud"});
    CHECK(find("van den") == V{"p-ruud"});
    CHECK(find("berg") == V{"p-ruud"});
  }
  SECTION("accents in the query or the name do not matter") {
    CHECK(find("AYŞE") == V{"p-ayse"});
    CHECK(find("celik") == V{"p-huseyin"});
    CHECK(find("Çel") == V{"p-huseyin"});
    CHECK(find("huseyin") == V{"p-huseyin"});
    CHECK(find("zoe") == V{"p-zoe"});
    CHECK(find("Zoë") == V{"p-zoe"});
    CHECK(find("lucja") == V{"p-lucja"});
    CHECK(find("siobhan") == V{"p-obrien"});
  }
  SECTION("hyphens and apostrophes separate words") {
    CHECK(find("khatib") == V{"p-ahmed"});
    CHECK(find("al-k") == V{"p-ahmed"});
    CHECK(find("brien") == V{"p-obrien"});
  }
  SECTION("only prefixes of words match") {
    CHECK(find("uud").empty());
    CHECK(find("ries").empty());
    CHECK(find("xyz").empty());
  }
  SECTION("results come in alphabetical order of the folded full name") {
    CHECK(find("j") == V{"p-jan", "p-marieke"});  // "jan de vries" < "marieke jansen"
  }
}

TEST_CASE("Roster::search: at most max results, nothing for an empty query", "[core]") {
  std::vector<core::Participant> people;
  for (int i = 0; i < 10; ++i) {
    const std::string id = "p-" + std::to_string(i);
    people.push_back(person(id.c_str(), ("Kind" + std::to_string(i)).c_str(), "Jansen"));
  }
  people.push_back(person("p-other", "Wim", "Bakker"));
  const core::Roster roster(people);

  CHECK(roster.search("jansen", core::kMaxSearchMatches).size() == 6);
  CHECK(roster.search("jansen", 100).size() == 10);
  CHECK(roster.search("jansen", 1).size() == 1);
  CHECK(roster.search("jansen", 0).empty());
  CHECK(roster.search("", 100).empty());
  CHECK(roster.search("   ", 100).empty());
  CHECK(roster.search("\xF0\x9F\x98\x80", 100).empty());  // folds to nothing
  CHECK(ids(roster.search("wim", 100)) == std::vector<std::string>{"p-other"});
}

TEST_CASE("Roster::find_by_card and find: exact lookups", "[core]") {
  const core::Roster roster = neighbourhood();
  REQUIRE(roster.all().size() == 9);

  const core::Participant* ayse = roster.find_by_card("C001");
  REQUIRE(ayse != nullptr);
  CHECK(ayse->id == "p-ayse");
  CHECK(ayse->first_name == "Ayşe");
  REQUIRE(roster.find_by_card("C007") != nullptr);
  CHECK(roster.find_by_card("C007")->id == "p-ahmed");

  CHECK(roster.find_by_card("c001") == nullptr);  // codes are exact
  CHECK(roster.find_by_card("C0010") == nullptr);
  CHECK(roster.find_by_card("") == nullptr);  // a participant without card is not found by ""
  CHECK(roster.find_by_card("nope") == nullptr);

  REQUIRE(roster.find("p-zoe") != nullptr);
  CHECK(roster.find("p-zoe")->card_code == "C005");
  CHECK(roster.find("p-nobody") == nullptr);

  const core::Roster empty;
  CHECK(empty.find_by_card("C001") == nullptr);
  CHECK(empty.search("a", 6).empty());
}

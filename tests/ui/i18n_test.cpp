// Translations: the .po parser, fallbacks, placeholders, and the shipped catalogues.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ui/i18n.hpp"
#include "ui_fixtures.hpp"

using namespace meedoen;
using ui::Catalogue;
using ui::Strings;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every msgid written in a .po file, read independently of Catalogue (single-line msgids; the
// kiosk's keys are short), including entries whose msgstr is empty.
std::vector<std::string> msgids_in(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("msgid \"", 0) != 0) continue;
    const std::size_t close = line.rfind('"');
    out.push_back(line.substr(7, close - 7));
  }
  return out;
}

std::set<std::string> required() {
  std::set<std::string> out;
  for (std::string_view k : ui::required_keys()) out.emplace(k);
  return out;
}

}  // namespace

TEST_CASE("i18n: parse reads entries, comments, multi-line strings and escapes", "[ui]") {
  const Catalogue c = Catalogue::parse(
      "# translator comment\n"
      "#, fuzzy\n"
      "msgid \"\"\n"
      "msgstr \"\"\n"
      "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
      "\n"
      "msgid \"simple\"\n"
      "msgstr \"Eenvoudig\"\n"
      "\n"
      "#. a comment between entries\n"
      "msgid \"multi\"\n"
      "msgstr \"\"\n"
      "\"Eerste regel \"\n"
      "  \"en de tweede\"\n"
      "\n"
      "msgid \"\"\n"
      "\"split.\"\n"
      "\"key\"\n"
      "msgstr \"gesplitste sleutel\"\n"
      "\n"
      "msgid \"escapes\"\n"
      "msgstr \"Zeg \\\"hallo\\\"\\nnieuwe regel\\\\ en\\ttab\"\n"
      "\r\n"
      "msgid \"crlf\"\r\n"
      "msgstr \"Windows\"\r\n"
      "msgid \"untranslated\"\n"
      "msgstr \"\"\n");
  CHECK(c.errors().empty());
  REQUIRE(c.find("simple"));
  CHECK(*c.find("simple") == "Eenvoudig");
  REQUIRE(c.find("multi"));
  CHECK(*c.find("multi") == "Eerste regel en de tweede");
  REQUIRE(c.find("split.key"));
  CHECK(*c.find("split.key") == "gesplitste sleutel");
  REQUIRE(c.find("escapes"));
  CHECK(*c.find("escapes") == "Zeg \"hallo\"\nnieuwe regel\\ en\ttab");
  REQUIRE(c.find("crlf"));
  CHECK(*c.find("crlf") == "Windows");
  // The header (msgid "") and untranslated entries are not translations.
  CHECK_FALSE(c.find(""));
  CHECK_FALSE(c.find("untranslated"));
  CHECK(c.size() == 5);
  std::vector<std::string> keys = c.keys();
  std::sort(keys.begin(), keys.end());
  CHECK(keys == std::vector<std::string>{"crlf", "escapes", "multi", "simple", "split.key"});
}

TEST_CASE("i18n: parse skips malformed lines and reports them by line number", "[ui]") {
  const Catalogue c = Catalogue::parse(
      "msgid \"before\"\n"    // 1
      "msgstr \"Voor\"\n"     // 2
      "\n"                    // 3
      "this is not po\n"      // 4
      "msgid \"after\"\n"     // 5
      "msgstr \"Na\"\n"       // 6
      "msgctxt \"menu\"\n"    // 7: not supported, reported
      "msgid \"last\"\n"      // 8
      "msgstr \"Laatste\"\n"  // 9
      "\"unterminated\n");    // 10
  REQUIRE(c.errors().size() == 3);
  CHECK(c.errors()[0].find("line 4") != std::string::npos);
  CHECK(c.errors()[0].find("this is not po") != std::string::npos);
  CHECK(c.errors()[1].find("line 7") != std::string::npos);
  CHECK(c.errors()[2].find("line 10") != std::string::npos);
  // The good entries around the bad lines are all read.
  REQUIRE(c.find("before"));
  CHECK(*c.find("before") == "Voor");
  REQUIRE(c.find("after"));
  CHECK(*c.find("after") == "Na");
  REQUIRE(c.find("last"));
  CHECK(c.find("last")->rfind("Laatste", 0) == 0);
  CHECK_FALSE(c.find("this is not po"));

  SECTION("empty and comment-only text is no error") {
    CHECK(Catalogue::parse("").size() == 0);
    CHECK(Catalogue::parse("").errors().empty());
    CHECK(Catalogue::parse("# only a comment\n\n").errors().empty());
  }
  SECTION("a missing file is one error, not a crash") {
    const Catalogue missing = Catalogue::load(test::assets_dir() + "/i18n/xx-does-not-exist.po");
    CHECK(missing.size() == 0);
    REQUIRE(missing.errors().size() == 1);
    CHECK(missing.errors()[0].find("cannot be read") != std::string::npos);
  }
}

// The header promises "malformed entries are skipped"; an entry whose msgid line is broken
// must not end up in the catalogue under a half-read key, and a msgstr without msgid must not
// leak into the next entry.
TEST_CASE("i18n: a malformed entry is skipped as a whole", "[ui]") {
  SECTION("unterminated msgid") {
    const Catalogue c = Catalogue::parse(
        "msgid \"home.check_in\n"
        "msgstr \"Inchecken\"\n"
        "\n"
        "msgid \"ok\"\n"
        "msgstr \"OK\"\n");
    CHECK(c.errors().size() == 1);
    REQUIRE(c.find("ok"));
    CHECK(c.size() == 1);  // only "ok": the broken entry is skipped
  }
  SECTION("orphan msgstr") {
    const Catalogue c = Catalogue::parse(
        "msgstr \"zwerver\"\n"
        "\n"
        "msgid \"home.done\"\n"
        "msgstr \"Klaar\"\n");
    REQUIRE(c.find("home.done"));
    CHECK(*c.find("home.done") == "Klaar");
    CHECK(c.errors().size() == 1);
  }
  SECTION("unterminated continuation line") {
    const Catalogue c = Catalogue::parse(
        "msgid \"last\"\n"
        "msgstr \"Laatste\"\n"
        "\"unterminated\n");
    CHECK(c.errors().size() == 1);
    REQUIRE(c.find("last"));
    CHECK(*c.find("last") == "Laatste");  // the broken line adds nothing
  }
}

TEST_CASE("i18n: Strings falls back to the first language, then to the key", "[ui]") {
  Strings tr;
  tr.add("nl", Catalogue::parse("msgid \"a\"\nmsgstr \"A-nl\"\nmsgid \"only.nl\"\nmsgstr \"alleen nl\"\n"));
  tr.add("en", Catalogue::parse("msgid \"a\"\nmsgstr \"A-en\"\nmsgid \"only.en\"\nmsgstr \"only en\"\n"));
  CHECK(tr.language() == "nl");  // the first language is the start language
  CHECK(tr.get("a") == "A-nl");

  tr.set_language("en");
  CHECK(tr.language() == "en");
  CHECK(tr.get("a") == "A-en");
  CHECK(tr.get("only.en") == "only en");
  CHECK(tr.get("only.nl") == "alleen nl");           // fallback: first language
  CHECK(tr.get("nowhere.at.all") == "nowhere.at.all");  // then the key, never ""

  tr.set_language("tr");  // no catalogue: stays on the current language
  CHECK(tr.language() == "en");

  tr.set_language("nl");
  CHECK(tr.get("only.en") == "only.en");  // English is not a fallback for Dutch
}

TEST_CASE("i18n: fmt replaces every placeholder", "[ui]") {
  Strings tr;
  tr.add("nl", Catalogue::parse("msgid \"greet\"\nmsgstr \"Goedemorgen, {name}\"\n"
                                "msgid \"twice\"\nmsgstr \"{x} en {x} en {y}\"\n"
                                "msgid \"date\"\nmsgstr \"{weekday} {day} {month}\"\n"));
  CHECK(tr.fmt("greet", {{"name", "Fatima"}}) == "Goedemorgen, Fatima");
  CHECK(tr.fmt("twice", {{"x", "1"}, {"y", "2"}}) == "1 en 1 en 2");
  CHECK(tr.fmt("date", {{"weekday", "maandag"}, {"day", "23"}, {"month", "november"}}) == "maandag 23 november");
  // A value that contains its own placeholder is inserted once, not recursively.
  CHECK(tr.fmt("greet", {{"name", "{name}"}}) == "Goedemorgen, {name}");
  // Unknown placeholders stay visible; missing keys give the key.
  CHECK(tr.fmt("greet", {{"other", "x"}}) == "Goedemorgen, {name}");
  CHECK(tr.fmt("missing.key", {{"name", "x"}}) == "missing.key");
  // Names with diacritics pass through unchanged.
  CHECK(tr.fmt("greet", {{"name", "Ayşe"}}) == "Goedemorgen, Ayşe");
}

TEST_CASE("i18n: nl.po and en.po are complete and load without errors", "[ui]") {
  const std::set<std::string> keys = required();
  REQUIRE(keys.size() == ui::required_keys().size());  // no duplicates in the list itself
  for (const char* lang : {"nl", "en"}) {
    INFO("language " << lang);
    const std::string path = test::assets_dir() + "/i18n/" + lang + ".po";
    const Catalogue c = Catalogue::load(path);
    CHECK(c.errors().empty());
    for (const std::string& e : c.errors()) UNSCOPED_INFO(e);
    for (const std::string& k : keys) {
      INFO("key " << k);
      const std::string* s = c.find(k);
      REQUIRE(s != nullptr);
      CHECK_FALSE(s->empty());
      CHECK(s->find(k) == std::string::npos);  // not the key copied as its own translation
    }
    CHECK(c.size() == keys.size());
  }
  SECTION("the placeholders of a translation are those of the Dutch original") {
    const Catalogue nl = Catalogue::load(test::assets_dir() + "/i18n/nl.po");
    const Catalogue en = Catalogue::load(test::assets_dir() + "/i18n/en.po");
    for (const char* k : {"pin.title", "home.greeting.morning", "home.greeting.afternoon", "home.greeting.evening",
                          "home.here_since", "confirm.checked_in", "confirm.checked_out", "prompt.countdown"}) {
      INFO("key " << k);
      const std::string& n = *nl.find(k);
      const std::string& e = *en.find(k);
      for (const char* ph : {"{name}", "{time}", "{seconds}"})
        CHECK((n.find(ph) == std::string::npos) == (e.find(ph) == std::string::npos));
    }
    for (const Catalogue* c : {&nl, &en}) {
      const std::string& d = *c->find("date.format");
      CHECK(d.find("{weekday}") != std::string::npos);
      CHECK(d.find("{day}") != std::string::npos);
      CHECK(d.find("{month}") != std::string::npos);
    }
  }
}

TEST_CASE("i18n: every msgid in the .po files is a key the kiosk uses", "[ui]") {
  const std::set<std::string> keys = required();
  for (const char* lang : {"nl", "en"}) {
    INFO("language " << lang);
    const std::string text = read_file(test::assets_dir() + "/i18n/" + lang + ".po");
    REQUIRE_FALSE(text.empty());
    const std::vector<std::string> ids = msgids_in(text);
    CHECK(ids.size() == keys.size() + 1);  // + the header entry
    std::set<std::string> seen;
    for (const std::string& id : ids) {
      INFO("msgid \"" << id << "\"");
      CHECK(seen.insert(id).second);  // no duplicates
      if (id.empty()) continue;       // the header
      CHECK(keys.count(id) == 1);
    }
    for (const std::string& k : Catalogue::load(test::assets_dir() + "/i18n/" + lang + ".po").keys()) {
      INFO("key " << k);
      CHECK(keys.count(k) == 1);
    }
  }
}

TEST_CASE("i18n: Strings::load reads the shipped catalogues", "[ui]") {
  Strings tr = test::strings();
  CHECK(tr.language() == "nl");
  CHECK(tr.get("language.name") == "Nederlands");
  CHECK(tr.get("home.check_in") == "Inchecken");
  tr.set_language("en");
  CHECK(tr.get("language.name") == "English");
  CHECK(tr.get("home.check_in") == "Check in");
  CHECK(tr.fmt("home.greeting.morning", {{"name", "Fatima"}}) == "Good morning, Fatima");
}

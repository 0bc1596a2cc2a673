// Translations: the .po parser, fallbacks, placeholders, and the shipped catalogues.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/ui_fixtures.hpp"
#include "ui/bidi/bidi.hpp"
#include "ui/i18n.hpp"
#include "ui/theme.hpp"

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

// The catalogues the kiosk ships; nl is the source every other one is checked against.
constexpr const char* kLanguages[] = {"nl", "en", "tr", "pl", "ar", "ti"};
// Arabic and Tigrinya cover what a participant sees; coach mode is in the centre's default
// language and falls back to Dutch there (README, "Languages").
bool participant_only(const std::string& lang) { return lang == "ar" || lang == "ti"; }
bool coach_key(const std::string& k) {
  for (const char* p :
       {"coach.", "reports.", "prog.", "exit.", "area.", "moment.", "area_status.", "storage.", "activity.problem."})
    if (k.rfind(p, 0) == 0) return true;
  return false;
}

std::string po_path(const std::string& lang) { return test::assets_dir() + "/i18n/" + lang + ".po"; }

// The {placeholders} of a text, in order, e.g. {"{h}", "{mm}"}.
std::vector<std::string> placeholders(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t open = s.find('{'); open != std::string::npos; open = s.find('{', open + 1)) {
    const std::size_t close = s.find('}', open);
    if (close == std::string::npos) break;
    out.push_back(s.substr(open, close - open + 1));
  }
  return out;
}

using ui::bidi::code_points;  // the kiosk's own UTF-8 decoder (ui/bidi)

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
  CHECK(tr.get("only.nl") == "alleen nl");              // fallback: first language
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

TEST_CASE("i18n: in a right-to-left language fmt isolates names, not numbers", "[ui]") {
  Strings tr;
  tr.add("nl", Catalogue::parse("msgid \"greet\"\nmsgstr \"Goedemorgen, {name}.\"\n"));
  tr.add("ar", Catalogue::parse("msgid \"greet\"\nmsgstr \"مرحبا {name}.\"\n"
                                "msgid \"hours\"\nmsgstr \"{h}:{mm} ساعة\"\n"));
  // Dutch text is left as it is (exports and logs read it too).
  CHECK(tr.fmt("greet", {{"name", "Jan V."}}) == "Goedemorgen, Jan V..");
  tr.set_language("ar");
  // "Jan V." is its own left-to-right run inside the Arabic sentence (U+2068 ... U+2069).
  CHECK(tr.fmt("greet", {{"name", "Jan V."}}) == "مرحبا \u2068Jan V.\u2069.");
  // Digits keep their order without it, and "{h}:{mm}" stays one number.
  CHECK(tr.fmt("hours", {{"h", "2"}, {"mm", "30"}}) == "2:30 ساعة");
}

TEST_CASE("i18n: every catalogue is complete and loads without errors", "[ui]") {
  const std::set<std::string> keys = required();
  REQUIRE(keys.size() == ui::required_keys().size());  // no duplicates in the list itself
  for (const char* lang : kLanguages) {
    INFO("language " << lang);
    const Catalogue c = Catalogue::load(po_path(lang));
    CHECK(c.errors().empty());
    for (const std::string& e : c.errors()) UNSCOPED_INFO(e);
    std::size_t expected = 0;
    for (const std::string& k : keys) {
      INFO("key " << k);
      if (participant_only(lang) && coach_key(k)) continue;
      ++expected;
      const std::string* s = c.find(k);
      REQUIRE(s != nullptr);
      CHECK_FALSE(s->empty());
      CHECK(s->find(k) == std::string::npos);                     // not the key copied as its own translation
      CHECK(s->find_first_not_of(" \t\n") != std::string::npos);  // not only blanks
    }
    CHECK(c.size() == expected);  // nothing more: no stale keys
  }
}

// Catalogue drops an entry whose msgstr is "" (it falls back to Dutch): read the files as text too,
// so an untranslated entry is a failure here rather than a Dutch word on a Turkish screen.
TEST_CASE("i18n: no catalogue has an empty translation", "[ui]") {
  for (const char* lang : kLanguages) {
    INFO("language " << lang);
    const std::string text = read_file(po_path(lang));
    REQUIRE_FALSE(text.empty());
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::string id;
    int empty = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].rfind("msgid \"", 0) == 0) id = lines[i].substr(7, lines[i].rfind('"') - 7);
      if (lines[i].rfind("msgstr \"\"", 0) != 0 || id.empty()) continue;
      // msgstr "" followed by "continued" lines is a multi-line translation, not an empty one.
      const bool continued = i + 1 < lines.size() && lines[i + 1].rfind('"', 0) == 0 && lines[i + 1] != "\"\"";
      if (!continued) {
        UNSCOPED_INFO("msgid \"" << id << "\" has an empty msgstr");
        ++empty;
      }
    }
    CHECK(empty == 0);
  }
}

TEST_CASE("i18n: every translation has the placeholders of the Dutch original", "[ui]") {
  const Catalogue nl = Catalogue::load(po_path("nl"));
  for (const char* lang : kLanguages) {
    INFO("language " << lang);
    const Catalogue c = Catalogue::load(po_path(lang));
    for (std::string_view key : ui::required_keys()) {
      const std::string k(key);
      INFO("key " << k);
      REQUIRE(nl.find(k));
      if (participant_only(lang) && coach_key(k)) continue;
      REQUIRE(c.find(k));
      const std::string& s = *c.find(k);
      std::vector<std::string> want = placeholders(*nl.find(k)), got = placeholders(s);
      INFO("\"" << s << "\"");
      // Every placeholder kept, none invented, none broken ("{n" or "n}").
      CHECK(std::set<std::string>(got.begin(), got.end()) == std::set<std::string>(want.begin(), want.end()));
      CHECK(std::count(s.begin(), s.end(), '{') == static_cast<long>(got.size()));
      CHECK(std::count(s.begin(), s.end(), '}') == static_cast<long>(got.size()));
    }
    const std::string& d = *c.find("date.format");
    CHECK(d.find("{weekday}") != std::string::npos);
    CHECK(d.find("{day}") != std::string::npos);
    CHECK(d.find("{month}") != std::string::npos);
  }
}

TEST_CASE("i18n: names of languages, days and months", "[ui]") {
  std::set<std::string> names;
  for (const char* lang : kLanguages) {
    INFO("language " << lang);
    const Catalogue c = Catalogue::load(po_path(lang));
    REQUIRE(c.find("language.name"));
    CHECK(names.insert(*c.find("language.name")).second);  // each button says something else
    // Seven different weekdays, short weekdays and twelve different months.
    for (const char* group : {"day.", "dayshort."}) {
      std::set<std::string> seen;
      for (int i = 0; i < 7; ++i) {
        const std::string* s = c.find(group + std::to_string(i));
        REQUIRE(s);
        CHECK(seen.insert(*s).second);
      }
    }
    std::set<std::string> months;
    for (int i = 1; i <= 12; ++i) {
      const std::string* s = c.find("month." + std::to_string(i));
      REQUIRE(s);
      CHECK(months.insert(*s).second);
    }
    // A short weekday is shorter than the weekday (it labels narrow day tabs).
    for (int i = 0; i < 7; ++i)
      CHECK(code_points(*c.find("dayshort." + std::to_string(i))).size() <
            code_points(*c.find("day." + std::to_string(i))).size());
  }
  // Each language calls itself by its own name.
  CHECK(*Catalogue::load(po_path("nl")).find("language.name") == "Nederlands");
  CHECK(*Catalogue::load(po_path("en")).find("language.name") == "English");
  CHECK(*Catalogue::load(po_path("tr")).find("language.name") == "Türkçe");
  CHECK(*Catalogue::load(po_path("pl")).find("language.name") == "Polski");
}

// A letter missing from the font atlas is drawn as "?": every character of every translation, as
// it is drawn (Arabic joined and shaped), must be in the atlas the kiosk builds for that language
// (the atlas holds one script at a time, ui/theme.hpp, so each language gets its own here).
TEST_CASE("i18n: the kiosk fonts can draw every translation", "[ui]") {
  for (const char* lang : kLanguages) {
    INFO("language " << lang);
    test::Headless h(1280, 800);
    ui::Strings tr;
    tr.load(test::assets_dir() + "/i18n", {lang});
    tr.set_language(lang);
    const ui::FontPlan plan = ui::font_plan(lang, tr);
    std::string error;
    INFO(error);
    REQUIRE(ui::load_fonts(h.theme, plan, error));
    unsigned char* pixels = nullptr;
    int w = 0, ht = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &ht);
    REQUIRE(pixels != nullptr);
    std::set<char32_t> chars;
    for (char32_t cp : code_points(plan.glyphs)) chars.insert(cp);
    if (plan.script == ui::Script::Latin) {  // drawn as written: the catalogue's own characters
      const Catalogue c = Catalogue::load(po_path(lang));
      for (const std::string& k : c.keys())
        for (char32_t cp : code_points(*c.find(k))) chars.insert(cp);
    }
    CHECK(chars.count(0xFFFD) == 0);  // valid UTF-8
    // The 76 px font draws the clock, figures, the keypad and three labels only (issue 17): it
    // holds just those, as drawn.
    std::set<char32_t> huge_chars;
    for (char32_t cp : code_points("0123456789:")) huge_chars.insert(cp);
    for (const char* key : {"welcome.start", "home.check_in", "home.check_out", "hours.amount"})
      for (char32_t cp : code_points(ui::bidi::visual_line(tr.get(key), ui::bidi::direction_of(lang))))
        huge_chars.insert(cp);
    for (ImFont* f : {h.theme.fonts.body, h.theme.fonts.bold, h.theme.fonts.large, h.theme.fonts.huge})
      for (char32_t cp : f == h.theme.fonts.huge ? huge_chars : chars) {
        if (cp == '\n' || cp == 0x200F || cp == 0x200E) continue;  // line breaks and direction marks draw nothing
        INFO("U+" << std::hex << static_cast<unsigned>(cp));
        CHECK(cp <= 0xFFFF);
        CHECK(f->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr);
      }
    CHECK(h.theme.fonts.huge->Glyphs.Size < h.theme.fonts.bold->Glyphs.Size / 2);
  }
}

// The welcome screen draws one row of language buttons, 240 px each at scale 1: four must fit
// at every kiosk size, apart from each other and from the rest, each label inside its button.
TEST_CASE("i18n: four language buttons fit on the welcome screen", "[ui]") {
  test::use_amsterdam_time();
  Strings tr;
  tr.load(test::assets_dir() + "/i18n", {kLanguages[0], kLanguages[1], kLanguages[2], kLanguages[3]});
  for (const ImVec2 size : {ImVec2(1024, 600), ImVec2(1280, 800), ImVec2(1920, 1080)}) {
    INFO("display " << size.x << "x" << size.y);
    test::Headless h(size.x, size.y);
    REQUIRE(h.fonts_loaded);
    core::State st = test::centre();
    st.config.languages = {"nl", "en", "tr", "pl"};
    test::FakeKiosk k(std::move(st), test::kMonday0942);
    for (const char* current : {"nl", "en", "tr", "pl"}) {
      INFO("current language " << current);
      k.touch(core::LanguageTapped{current});
      REQUIRE(k.state().language == current);
      h.frames_of(ui::make_frame_view(k.state(), tr), 2);
      const auto& targets = ui::frame_record().targets;
      std::vector<const ui::FrameRecord::Target*> buttons;
      for (const auto& t : targets)
        if (t.id.rfind("lang:", 0) == 0) buttons.push_back(&t);
      REQUIRE(buttons.size() == 4);
      for (const auto* b : buttons) {
        INFO("button " << b->id << " \"" << b->label << "\" [" << b->min.x << "," << b->min.y << " - " << b->max.x
                       << "," << b->max.y << "]");
        CHECK(b->min.x >= 0);
        CHECK(b->max.x <= size.x);
        CHECK(b->max.y <= size.y);
        ImFont* f = h.theme.fonts.bold;
        const float label_w = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, b->label.c_str()).x;
        CHECK(label_w <= b->max.x - b->min.x - h.theme.px(24));
        for (const auto& t : targets) {
          if (&t == b) continue;
          INFO("other target " << t.id);
          CHECK_FALSE((b->min.x < t.max.x && t.min.x < b->max.x && b->min.y < t.max.y && t.min.y < b->max.y));
        }
      }
      // The buttons name the languages in their own words, whatever the current language.
      CHECK(buttons[0]->label == "Nederlands");
      CHECK(buttons[1]->label == "English");
      CHECK(buttons[2]->label == "Türkçe");
      CHECK(buttons[3]->label == "Polski");
    }
  }
}

TEST_CASE("i18n: every msgid in the .po files is a key the kiosk uses", "[ui]") {
  const std::set<std::string> keys = required();
  for (const char* lang : kLanguages) {
    INFO("language " << lang);
    const std::string text = read_file(test::assets_dir() + "/i18n/" + lang + ".po");
    REQUIRE_FALSE(text.empty());
    const std::vector<std::string> ids = msgids_in(text);
    std::size_t expected = 0;
    for (const std::string& k : keys) expected += participant_only(lang) && coach_key(k) ? 0 : 1;
    CHECK(ids.size() == expected + 1);  // + the header entry
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

TEST_CASE("i18n: Turkish and Polish load and format like the others", "[ui]") {
  Strings tr;
  tr.load(test::assets_dir() + "/i18n", {"nl", "en", "tr", "pl"});
  tr.set_language("tr");
  REQUIRE(tr.language() == "tr");
  CHECK(tr.get("language.name") == "Türkçe");
  CHECK(tr.fmt("home.greeting.morning", {{"name", "Ayşe"}}) == "Günaydın, Ayşe");
  CHECK(tr.fmt("date.format", {{"weekday", tr.get("day.0")}, {"day", "23"}, {"month", tr.get("month.11")}}) ==
        "23 Kasım Pazartesi");
  CHECK(tr.fmt("hours.amount", {{"h", "2"}, {"mm", "30"}}) == "2:30 saat");
  tr.set_language("pl");
  REQUIRE(tr.language() == "pl");
  CHECK(tr.get("language.name") == "Polski");
  CHECK(tr.fmt("home.greeting.morning", {{"name", "Piotr"}}) == "Dzień dobry, Piotr");
  CHECK(tr.fmt("date.format", {{"weekday", tr.get("day.0")}, {"day", "23"}, {"month", tr.get("month.11")}}) ==
        "poniedziałek, 23 listopada");
  CHECK(tr.fmt("hours.amount", {{"h", "2"}, {"mm", "30"}}) == "2:30 h");
  // Polish counts: one text right for 2, 5 and 22 ("2 miejsca", "5 miejsc", "22 miejsca").
  for (const char* n : {"2", "5", "22"})
    CHECK(tr.fmt("activities.places", {{"n", n}}) == std::string("Wolne miejsca: ") + n);
}

// gettext's own check: every catalogue is a valid .po file (format strings, header, escapes), as
// a translator's tools will read it.
TEST_CASE("i18n: every catalogue passes msgfmt -c", "[ui]") {
  for (const char* lang : kLanguages) {
    INFO("language " << lang);
    const std::string cmd = "msgfmt -c -o /dev/null '" + po_path(lang) + "' 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    std::string out;
    char buf[256];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    const int status = pclose(p);
    INFO(out);
    CHECK(status == 0);
    CHECK(out.find("error") == std::string::npos);
  }
}

// kiosk.toml: strict parsing, every error names the key (or the line).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "config/kiosk_config.hpp"
#include "support/temp_dir.hpp"

using namespace meedoen;
using config::ConfigError;

namespace {

core::KioskConfig parse(const std::string& text) { return config::parse_kiosk_config(text, "kiosk.toml"); }

// The message of the ConfigError that text raises ("" when it parses).
std::string error_of(const std::string& text) {
  try {
    parse(text);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

const char* const kFullExample = R"toml(
# A centre in Almere Haven.
[centre]
id = "de-ster"
name = "Buurtcentrum De Ster"

[dagdelen]
morning = { start = "08:30", end = "12:00" }
afternoon = { start = "12:00", end = "16:30" }
[dagdelen.evening]
start = "19:00"
end = "22:00"

[identification]
card = false
name_search = true
photo_grid = true

[languages]
default = "en"
available = ["en", "nl"]

[database]
path = "/var/lib/meedoen/kiosk.db"

[kiosk]
inactivity_seconds = 45
prompt_seconds = 15
confirmation_seconds = 3

[server]
url = "https://meedoen.almere.example/"
)toml";

}  // namespace

TEST_CASE("parse_kiosk_config: empty text gives the defaults", "[config]") {
  const core::KioskConfig defaults;
  for (const char* text : {"", "# only a comment\n", "\n\n"}) {
    const core::KioskConfig cfg = parse(text);
    CHECK(cfg.centre_id == defaults.centre_id);
    CHECK(cfg.centre_name == defaults.centre_name);
    for (int i = 0; i < 3; ++i) {
      CHECK(cfg.dagdelen[i].start == defaults.dagdelen[i].start);
      CHECK(cfg.dagdelen[i].end == defaults.dagdelen[i].end);
    }
    CHECK(cfg.identification.card);
    CHECK(cfg.identification.name_search);
    CHECK_FALSE(cfg.identification.photo_grid);
    CHECK(cfg.default_language == "nl");
    CHECK(cfg.languages == std::vector<std::string>{"nl", "en", "tr", "pl"});
    CHECK(cfg.database_path.empty());
    CHECK(cfg.inactivity_seconds == 30);
    CHECK(cfg.prompt_seconds == 10);
    CHECK(cfg.confirmation_seconds == 5);
    CHECK(cfg.server_url.empty());
  }
}

TEST_CASE("parse_kiosk_config: a full example parses", "[config]") {
  const core::KioskConfig cfg = parse(kFullExample);
  CHECK(cfg.centre_id == "de-ster");
  CHECK(cfg.centre_name == "Buurtcentrum De Ster");
  CHECK(cfg.dagdelen[0].start == 8 * 60 + 30);
  CHECK(cfg.dagdelen[0].end == 12 * 60);
  CHECK(cfg.dagdelen[1].start == 12 * 60);  // may start where the morning ends
  CHECK(cfg.dagdelen[1].end == 16 * 60 + 30);
  CHECK(cfg.dagdelen[2].start == 19 * 60);
  CHECK(cfg.dagdelen[2].end == 22 * 60);
  CHECK_FALSE(cfg.identification.card);
  CHECK(cfg.identification.name_search);
  CHECK(cfg.identification.photo_grid);
  CHECK(cfg.default_language == "en");
  CHECK(cfg.languages == std::vector<std::string>{"en", "nl"});
  CHECK(cfg.database_path == "/var/lib/meedoen/kiosk.db");
  CHECK(cfg.inactivity_seconds == 45);
  CHECK(cfg.prompt_seconds == 15);
  CHECK(cfg.confirmation_seconds == 3);
  CHECK(cfg.server_url == "https://meedoen.almere.example/");

  SECTION("a partial file keeps the defaults for the rest") {
    const core::KioskConfig part = parse("[kiosk]\ninactivity_seconds = 60\n[dagdelen.evening]\nstart = \"18:30\"\n");
    CHECK(part.inactivity_seconds == 60);
    CHECK(part.prompt_seconds == 10);
    CHECK(part.dagdelen[2].start == 18 * 60 + 30);
    CHECK(part.dagdelen[2].end == 21 * 60 + 30);
    CHECK(part.centre_name == "De Cirkel");
  }
}

TEST_CASE("parse_kiosk_config: unknown keys are refused by name", "[config]") {
  struct Case {
    const char* text;
    const char* key;
  };
  for (const Case c :
       {Case{"centre_name = \"x\"\n", "centre_name"}, Case{"[centre]\nnmae = \"De Ster\"\n", "centre.nmae"},
        Case{"[kiosk]\ninactivity = 30\n", "kiosk.inactivity"},
        Case{"[dagdelen]\nnight = { start = \"22:00\", end = \"23:00\" }\n", "dagdelen.night"},
        Case{"[dagdelen.morning]\nbegin = \"09:00\"\n", "dagdelen.morning.begin"},
        Case{"[languages]\nlist = [\"nl\"]\n", "languages.list"},
        Case{"[server]\nurl = \"\"\ntoken = \"secret\"\n", "server.token"},
        Case{"[sync]\ninterval = 5\n", "sync.interval"}}) {
    const std::string msg = error_of(c.text);
    INFO("toml: " << c.text << "message: " << msg);
    CHECK(contains(msg, std::string("kiosk.toml: ") + c.key + ": unknown key"));
  }
  // The message lists what is known, so the typo is easy to fix.
  CHECK(contains(error_of("[centre]\nnmae = \"x\"\n"), "known here: id, name"));
}

TEST_CASE("parse_kiosk_config: bad dagdeel times are refused by key", "[config]") {
  SECTION("not HH:MM") {
    const std::string msg = error_of("[dagdelen.morning]\nstart = \"9:3\"\n");
    INFO(msg);
    CHECK(contains(msg, "dagdelen.morning.start"));
    CHECK(contains(msg, "\"9:3\""));
    CHECK(contains(error_of("[dagdelen.evening]\nend = \"24:00\"\n"), "dagdelen.evening.end"));
    CHECK(contains(error_of("[dagdelen.afternoon]\nstart = \"\"\n"), "dagdelen.afternoon.start"));
  }
  SECTION("not text") {
    CHECK(contains(error_of("[dagdelen.morning]\nstart = 9\n"), "dagdelen.morning.start: must be a text"));
    CHECK(contains(error_of("[dagdelen]\nmorning = \"09:00-12:00\"\n"), "dagdelen.morning: must be a table"));
  }
  SECTION("end before or at start") {
    const std::string msg = error_of("[dagdelen.morning]\nstart = \"11:00\"\nend = \"10:00\"\n");
    INFO(msg);
    CHECK(contains(msg, "dagdelen.morning.end"));
    CHECK(contains(msg, "later than start"));
    CHECK(contains(error_of("[dagdelen.evening]\nstart = \"19:00\"\nend = \"19:00\"\n"), "dagdelen.evening.end"));
  }
  SECTION("overlapping dagdelen") {
    const std::string msg = error_of("[dagdelen]\nmorning = { start = \"09:00\", end = \"13:30\" }\n");
    INFO(msg);
    CHECK(contains(msg, "dagdelen.afternoon.start"));  // the default afternoon starts at 13:00
    CHECK(
        contains(error_of("[dagdelen]\nevening = { start = \"16:00\", end = \"20:00\" }\n"), "dagdelen.evening.start"));
  }
}

TEST_CASE("parse_kiosk_config: languages", "[config]") {
  SECTION("the default must be one of the available languages") {
    const std::string msg = error_of("[languages]\ndefault = \"en\"\navailable = [\"nl\"]\n");
    INFO(msg);
    CHECK(contains(msg, "languages.default"));
    CHECK(contains(msg, "\"en\""));
  }
  SECTION("unknown language codes") {
    const std::string msg = error_of("[languages]\navailable = [\"nl\", \"de\"]\n");
    CHECK(contains(msg, "languages.available"));
    CHECK(contains(msg, "\"de\""));
    CHECK(contains(msg, "known: nl, en, tr, pl, ar, ti"));  // the message says what can be used instead
    CHECK(contains(error_of("[languages]\ndefault = \"fr\"\n"), "languages.default"));
    // Arabic and Tigrinya are known (issue 15); Farsi is not.
    CHECK(parse("[languages]\navailable = [\"nl\", \"ar\", \"ti\"]\n").languages ==
          std::vector<std::string>{"nl", "ar", "ti"});
    const std::string fa = error_of("[languages]\navailable = [\"nl\", \"tr\", \"fa\"]\n");
    INFO(fa);
    CHECK(contains(fa, "kiosk.toml: languages.available: unknown language \"fa\""));
    // Codes are exact: no upper case, no regions.
    for (const char* code : {"TR", "pl-PL", "tr_TR", " pl", ""}) {
      const std::string m = error_of(std::string("[languages]\navailable = [\"nl\", \"") + code + "\"]\n");
      INFO(code << " -> " << m);
      CHECK(contains(m, std::string("unknown language \"") + code + "\""));
    }
  }
  SECTION("Turkish and Polish are known languages") {
    const auto all = parse("[languages]\ndefault = \"nl\"\navailable = [\"nl\", \"en\", \"tr\", \"pl\"]\n");
    CHECK(all.default_language == "nl");
    CHECK(all.languages == std::vector<std::string>{"nl", "en", "tr", "pl"});
    const auto tr = parse("[languages]\ndefault = \"tr\"\navailable = [\"pl\", \"tr\"]\n");
    CHECK(tr.default_language == "tr");
    CHECK(tr.languages == std::vector<std::string>{"pl", "tr"});  // the order of the buttons is kept
    CHECK(parse("[languages]\ndefault = \"pl\"\navailable = [\"pl\"]\n").default_language == "pl");
    // The default must still be listed.
    CHECK(contains(error_of("[languages]\ndefault = \"pl\"\navailable = [\"nl\", \"tr\"]\n"), "languages.default"));
  }
  SECTION("every known language has its translations") {
    // The kiosk loads assets/i18n/<code>.po for each available language: accepting a code
    // without a catalogue would show Dutch (the fallback) behind a "Türkçe" button.
    for (const char* code : {"nl", "en", "tr", "pl"}) {
      INFO(code);
      CHECK(error_of(std::string("[languages]\navailable = [\"") + code + "\"]\ndefault = \"" + code + "\"\n").empty());
      CHECK(std::filesystem::exists(std::string(MEEDOEN_SOURCE_DIR) + "/assets/i18n/" + code + ".po"));
    }
  }
  SECTION("a language listed twice") {
    const std::string msg = error_of("[languages]\navailable = [\"nl\", \"tr\", \"nl\"]\n");
    INFO(msg);
    CHECK(contains(msg, "languages.available"));
    CHECK(contains(msg, "\"nl\" is listed twice"));
  }
  SECTION("an empty or malformed list") {
    CHECK(contains(error_of("[languages]\navailable = []\n"), "languages.available"));
    CHECK(contains(error_of("[languages]\navailable = \"nl\"\n"), "languages.available"));
    CHECK(contains(error_of("[languages]\navailable = [\"nl\", 3]\n"), "languages.available"));
  }
  SECTION("a valid choice") {
    const auto cfg = parse("[languages]\ndefault = \"en\"\navailable = [\"en\"]\n");
    CHECK(cfg.default_language == "en");
    CHECK(cfg.languages == std::vector<std::string>{"en"});
  }
}

TEST_CASE("parse_kiosk_config: the server url must be http or https", "[config]") {
  for (const char* bad : {"ftp://meedoen.example/", "meedoen.example", "HTTPS//x", "file:///etc/passwd"}) {
    const std::string msg = error_of(std::string("[server]\nurl = \"") + bad + "\"\n");
    INFO(bad << " -> " << msg);
    CHECK(contains(msg, "server.url"));
    CHECK(contains(msg, "http://"));
  }
  CHECK(parse("[server]\nurl = \"http://10.0.0.5:8080\"\n").server_url == "http://10.0.0.5:8080");
  CHECK(parse("[server]\nurl = \"\"\n").server_url.empty());
  CHECK(contains(error_of("[server]\nurl = 8080\n"), "server.url: must be a text"));
}

TEST_CASE("parse_kiosk_config: whole numbers within their range", "[config]") {
  struct Case {
    const char* text;
    const char* key;
    const char* range;
  };
  for (const Case c :
       {Case{"inactivity_seconds = 5", "kiosk.inactivity_seconds", "between 10 and 600"},
        Case{"inactivity_seconds = 601", "kiosk.inactivity_seconds", "between 10 and 600"},
        Case{"prompt_seconds = 0", "kiosk.prompt_seconds", "between 5 and 120"},
        Case{"prompt_seconds = -10", "kiosk.prompt_seconds", "between 5 and 120"},
        Case{"confirmation_seconds = 61", "kiosk.confirmation_seconds", "between 2 and 60"},
        Case{"confirmation_seconds = 9999999999999", "kiosk.confirmation_seconds", "between 2 and 60"}}) {
    const std::string msg = error_of(std::string("[kiosk]\n") + c.text + "\n");
    INFO(c.text << " -> " << msg);
    CHECK(contains(msg, c.key));
    CHECK(contains(msg, c.range));
  }
  CHECK(
      contains(error_of("[kiosk]\ninactivity_seconds = \"30\"\n"), "kiosk.inactivity_seconds: must be a whole number"));
  CHECK(contains(error_of("[kiosk]\ninactivity_seconds = 30.5\n"), "kiosk.inactivity_seconds: must be a whole number"));
  const auto edges = parse("[kiosk]\ninactivity_seconds = 10\nprompt_seconds = 120\nconfirmation_seconds = 2\n");
  CHECK(edges.inactivity_seconds == 10);
  CHECK(edges.prompt_seconds == 120);
  CHECK(edges.confirmation_seconds == 2);
}

TEST_CASE("parse_kiosk_config: other wrong types and values", "[config]") {
  CHECK(contains(error_of("centre = \"De Ster\"\n"), "centre: must be a table"));
  CHECK(contains(error_of("[centre]\nname = \"\"\n"), "centre.name: must not be empty"));
  CHECK(contains(error_of("[centre]\nname = \"" + std::string(201, 'x') + "\"\n"), "centre.name: is longer than 200"));
  CHECK(contains(error_of("[identification]\ncard = \"yes\"\n"), "identification.card: must be true or false"));
  CHECK(contains(error_of("[identification]\ncard = false\nname_search = false\n"), "at least one way"));
  CHECK(contains(error_of("[database]\npath = 3\n"), "database.path"));
}

TEST_CASE("parse_kiosk_config: a TOML syntax error names the line", "[config]") {
  const std::string msg = error_of("[centre]\nid = \"de-ster\"\nname = \"unterminated\n[kiosk]\n");
  INFO(msg);
  CHECK(contains(msg, "kiosk.toml:3:"));

  const std::string dup = error_of("[kiosk]\nprompt_seconds = 10\n\nprompt_seconds = 12\n");
  INFO(dup);
  CHECK(contains(dup, "kiosk.toml:4:"));
  CHECK(contains(error_of("[centre\n"), "kiosk.toml:1:"));
}

TEST_CASE("load_kiosk_config: reads a file, and names the path when it cannot", "[config]") {
  test::TempDir dir;
  SECTION("missing file") {
    const std::string path = dir.file("nowhere/kiosk.toml");
    try {
      config::load_kiosk_config(path);
      FAIL("a missing file was read");
    } catch (const ConfigError& e) {
      CHECK(contains(e.what(), path));
    }
  }
  SECTION("a file with an error names the file") {
    const std::string path = dir.write("kiosk.toml", "[centre]\nnmae = \"x\"\n");
    CHECK_THROWS_WITH(config::load_kiosk_config(path), Catch::Contains(path + ": centre.nmae"));
  }
  SECTION("a good file") {
    const std::string path = dir.write("kiosk.toml", kFullExample);
    CHECK(config::load_kiosk_config(path).centre_id == "de-ster");
  }
}

TEST_CASE("load_kiosk_config: the documented config/kiosk.toml parses to the defaults", "[config]") {
  const std::string path = std::string(MEEDOEN_SOURCE_DIR) + "/config/kiosk.toml";
  if (!std::filesystem::exists(path)) {
    WARN("skipped: " << path << " does not exist (yet)");
    CHECK_FALSE(std::filesystem::exists(path));
    return;
  }
  const core::KioskConfig cfg = config::load_kiosk_config(path);
  const core::KioskConfig defaults;
  // The file says "the values below are the built-in defaults": keep the two in step.
  CHECK(cfg.centre_id == defaults.centre_id);
  CHECK(cfg.centre_name == defaults.centre_name);
  for (int i = 0; i < 3; ++i) {
    CHECK(cfg.dagdelen[i].start == defaults.dagdelen[i].start);
    CHECK(cfg.dagdelen[i].end == defaults.dagdelen[i].end);
  }
  CHECK(cfg.identification.card == defaults.identification.card);
  CHECK(cfg.identification.name_search == defaults.identification.name_search);
  CHECK(cfg.identification.photo_grid == defaults.identification.photo_grid);
  CHECK(cfg.default_language == defaults.default_language);
  CHECK(cfg.languages == defaults.languages);
  CHECK(cfg.database_path == defaults.database_path);
  CHECK(cfg.inactivity_seconds == defaults.inactivity_seconds);
  CHECK(cfg.prompt_seconds == defaults.prompt_seconds);
  CHECK(cfg.confirmation_seconds == defaults.confirmation_seconds);
  CHECK(cfg.server_url == defaults.server_url);
}

TEST_CASE("parse_kiosk_config: [coach] sets not-seen days, the ladder's rungs and the export folder", "[config]") {
  const core::KioskConfig defaults = parse("");
  CHECK(defaults.not_seen_days == 14);
  CHECK(defaults.ladder_rungs.size() == 6);
  CHECK(defaults.export_dir.empty());

  const core::KioskConfig cfg = parse(
      "[coach]\nnot_seen_days = 21\nladder_rungs = [\"Thuis\", \"Buiten de deur\", \"Vrijwilligerswerk\"]\n"
      "export_dir = \"/srv/meedoen/exports\"\n");
  CHECK(cfg.not_seen_days == 21);
  CHECK(cfg.ladder_rungs == std::vector<std::string>{"Thuis", "Buiten de deur", "Vrijwilligerswerk"});
  CHECK(cfg.export_dir == "/srv/meedoen/exports");

  // Each key alone leaves the others at their defaults.
  const core::KioskConfig only_days = parse("[coach]\nnot_seen_days = 7\n");
  CHECK(only_days.not_seen_days == 7);
  CHECK(only_days.ladder_rungs == defaults.ladder_rungs);
  CHECK(parse("[coach]\nexport_dir = \"\"\n").export_dir.empty());
  CHECK(parse("[coach]\n").not_seen_days == 14);
}

TEST_CASE("parse_kiosk_config: coach.not_seen_days lies between 1 and 365", "[config]") {
  for (const char* v : {"0", "366", "-14", "100000000000"}) {
    const std::string msg = error_of(std::string("[coach]\nnot_seen_days = ") + v + "\n");
    INFO(v << " -> " << msg);
    CHECK(contains(msg, "kiosk.toml: coach.not_seen_days: must be between 1 and 365"));
  }
  CHECK(contains(error_of("[coach]\nnot_seen_days = \"14\"\n"), "coach.not_seen_days: must be a whole number"));
  CHECK(contains(error_of("[coach]\nnot_seen_days = 14.5\n"), "coach.not_seen_days: must be a whole number"));
  CHECK(parse("[coach]\nnot_seen_days = 1\n").not_seen_days == 1);
  CHECK(parse("[coach]\nnot_seen_days = 365\n").not_seen_days == 365);
}

TEST_CASE("parse_kiosk_config: coach.ladder_rungs is a list of 2 to 10 names", "[config]") {
  auto rungs = [](int n, const std::string& name = "Trede") {
    std::string list = "[";
    for (int i = 0; i < n; ++i) list += (i ? ", \"" : "\"") + name + std::to_string(i + 1) + "\"";
    return "[coach]\nladder_rungs = " + list + "]\n";
  };
  CHECK(parse(rungs(2)).ladder_rungs == std::vector<std::string>{"Trede1", "Trede2"});
  CHECK(parse(rungs(10)).ladder_rungs.size() == 10);
  CHECK(parse(rungs(10)).ladder_rungs.back() == "Trede10");
  for (int n : {0, 1, 11}) {
    const std::string msg = error_of(rungs(n));
    INFO(n << " rungs -> " << msg);
    CHECK(contains(msg, "kiosk.toml: coach.ladder_rungs: must be a list of 2 to 10 rung names"));
  }
  CHECK(contains(error_of("[coach]\nladder_rungs = \"Thuis\"\n"), "coach.ladder_rungs: must be a list"));
  CHECK(contains(error_of("[coach]\nladder_rungs = 6\n"), "coach.ladder_rungs: must be a list"));
  for (const char* bad : {"[\"Thuis\", \"\"]", "[\"Thuis\", 2]", "[\"Thuis\", [\"Werk\"]]", "[\"Thuis\", true]"}) {
    const std::string msg = error_of(std::string("[coach]\nladder_rungs = ") + bad + "\n");
    INFO(bad << " -> " << msg);
    CHECK(contains(msg, "coach.ladder_rungs: must contain rung names in quotes"));
  }
  // A name of 80 characters is the longest.
  CHECK(parse("[coach]\nladder_rungs = [\"Thuis\", \"" + std::string(80, 'x') + "\"]\n").ladder_rungs[1].size() == 80);
  CHECK(contains(error_of("[coach]\nladder_rungs = [\"Thuis\", \"" + std::string(81, 'x') + "\"]\n"),
                 "coach.ladder_rungs: must contain rung names in quotes, at most 80 characters each"));
}

TEST_CASE("parse_kiosk_config: coach.export_dir is text, and [coach] refuses unknown keys", "[config]") {
  CHECK(contains(error_of("[coach]\nexport_dir = 3\n"), "kiosk.toml: coach.export_dir: must be a text in quotes"));
  CHECK(contains(error_of("[coach]\nexport_dir = \"" + std::string(201, 'x') + "\"\n"),
                 "coach.export_dir: is longer than 200"));
  const std::string msg = error_of("[coach]\nnot_seen_dayz = 14\n");
  CHECK(contains(msg, "kiosk.toml: coach.not_seen_dayz: unknown key"));
  CHECK(contains(msg, "not_seen_days, ladder_rungs, export_dir"));
  CHECK(contains(error_of("[coach]\npin = \"1234\"\n"), "coach.pin: unknown key"));
  CHECK(contains(error_of("coach = 14\n"), "coach: must be a table"));
}

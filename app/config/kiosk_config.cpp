// kiosk.toml parsing with toml++.
#include "config/kiosk_config.hpp"

#include "core/report.hpp"

#include "config/toml_reader.hpp"
#include "core/journal.hpp"
#include "core/report.hpp"

#include <toml++/toml.h>
#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

namespace meedoen::config {

namespace {

// The languages the kiosk offers: one list, in core (core::kLanguages).
using core::known_language;
using core::known_languages_text;

bool is_http_url(const std::string& url) { return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0; }

// [SECTION] One reader per table of kiosk.toml

void read_centre(const Reader& r, const toml::table& t, core::KioskConfig& cfg) {
  r.only_keys(t, "centre.", {"id", "name", "locale"});
  r.text(t, "id", "centre.", cfg.centre_id, false);
  r.text(t, "name", "centre.", cfg.centre_name, false);
  r.text(t, "locale", "centre.", cfg.locale, false);
  if (!core::valid_locale(cfg.locale))
    r.fail("centre.locale",
           "must be a language, maybe with a region, like \"nl-NL\" or \"en\", got \"" + cfg.locale + "\"");
}

// [dagdelen.morning] start = "09:00", end = "12:30"; each ends after it starts, none overlaps the one before.
void read_dagdelen(const Reader& r, const toml::table& t, core::KioskConfig& cfg) {
  r.only_keys(t, "dagdelen.", {"morning", "afternoon", "evening"});
  for (core::Dagdeel d : core::kDagdelen) {
    const std::string prefix = std::string("dagdelen.") + core::dagdeel_key(d) + ".";
    const auto* part = r.table(t, core::dagdeel_key(d), "dagdelen.");
    if (!part) continue;
    r.only_keys(*part, prefix, {"start", "end"});
    auto& times = cfg.dagdelen[static_cast<int>(d)];
    for (const char* key : {"start", "end"}) {
      std::string hhmm;
      r.text(*part, key, prefix, hhmm, false);
      if (hhmm.empty()) continue;
      const int minute = core::parse_hhmm(hhmm);
      if (minute < 0) r.fail(prefix + key, "must be a time like \"09:30\", got \"" + hhmm + "\"");
      (std::string(key) == "start" ? times.start : times.end) = minute;
    }
    if (times.end <= times.start) r.fail(prefix + "end", "must be later than start");
  }
  for (int i = 1; i < 3; ++i)
    if (cfg.dagdelen[i].start < cfg.dagdelen[i - 1].end)
      r.fail(std::string("dagdelen.") + core::dagdeel_key(core::kDagdelen[i]) + ".start",
             "must not be earlier than the end of the dagdeel before it");
}

void read_identification(const Reader& r, const toml::table& t, core::KioskConfig& cfg) {
  r.only_keys(t, "identification.", {"card", "name_search", "photo_grid"});
  r.boolean(t, "card", "identification.", cfg.identification.card);
  r.boolean(t, "name_search", "identification.", cfg.identification.name_search);
  r.boolean(t, "photo_grid", "identification.", cfg.identification.photo_grid);
  if (!cfg.identification.card && !cfg.identification.name_search && !cfg.identification.photo_grid)
    r.fail("identification", "at least one way to identify must be on");
}

void read_languages(const Reader& r, const toml::table& t, core::KioskConfig& cfg) {
  r.only_keys(t, "languages.", {"default", "available"});
  if (const toml::node* n = t.get("available")) {
    const toml::array* arr = n->as_array();
    if (!arr || arr->empty()) r.fail("languages.available", "must be a list like [\"nl\", \"en\"]");
    cfg.languages.clear();
    for (const auto& item : *arr) {
      if (!item.is_string()) r.fail("languages.available", "must contain language codes in quotes");
      const std::string code = item.as_string()->get();
      if (!known_language(code))
        r.fail("languages.available", "unknown language \"" + code + "\" (known: " + known_languages_text() + ")");
      if (std::find(cfg.languages.begin(), cfg.languages.end(), code) != cfg.languages.end())
        r.fail("languages.available", "\"" + code + "\" is listed twice");
      cfg.languages.push_back(code);
    }
  }
  r.text(t, "default", "languages.", cfg.default_language, false);
  if (std::find(cfg.languages.begin(), cfg.languages.end(), cfg.default_language) == cfg.languages.end())
    r.fail("languages.default", "\"" + cfg.default_language + "\" is not in languages.available");
}

void read_database(const Reader& r, const toml::table& t, core::KioskConfig& cfg) {
  r.only_keys(t, "database.", {"path"});
  r.text(t, "path", "database.", cfg.database_path, true);
}

void read_kiosk(const Reader& r, const toml::table& t, core::KioskConfig& cfg) {
  r.only_keys(t, "kiosk.", {"inactivity_seconds", "prompt_seconds", "confirmation_seconds"});
  r.integer(t, "inactivity_seconds", "kiosk.", cfg.inactivity_seconds, 10, 600);
  r.integer(t, "prompt_seconds", "kiosk.", cfg.prompt_seconds, 5, 120);
  r.integer(t, "confirmation_seconds", "kiosk.", cfg.confirmation_seconds, 2, 60);
}

// The older spelling of [sync] server_url.
void read_server(const Reader& r, const toml::table& t, core::KioskConfig& cfg) {
  r.only_keys(t, "server.", {"url"});
  r.text(t, "url", "server.", cfg.server_url, true);
  if (!cfg.server_url.empty() && !is_http_url(cfg.server_url))
    r.fail("server.url", "must start with http:// or https://");
}

// Read after [server]: both may name the server, but not two different ones.
void read_sync(const Reader& r, const toml::table& t, core::KioskConfig& cfg) {
  r.only_keys(t, "sync.", {"server_url", "enrol_code", "ca_bundle", "pull_seconds"});
  std::string url;
  r.text(t, "server_url", "sync.", url, true);
  if (!url.empty() && !is_http_url(url)) r.fail("sync.server_url", "must start with http:// or https://");
  if (!url.empty() && !cfg.server_url.empty() && url != cfg.server_url)
    r.fail("sync.server_url", "differs from server.url; keep one of them");
  if (!url.empty()) cfg.server_url = url;
  r.text(t, "enrol_code", "sync.", cfg.sync_enrol_code, true);
  r.text(t, "ca_bundle", "sync.", cfg.sync_ca_bundle, true);
  r.integer(t, "pull_seconds", "sync.", cfg.sync_pull_seconds, 5, 3600);
}

void read_coach(const Reader& r, const toml::table& t, core::KioskConfig& cfg) {
  r.only_keys(t, "coach.", {"not_seen_days", "ladder_rungs", "export_dir"});
  r.integer(t, "not_seen_days", "coach.", cfg.not_seen_days, 1, 365);
  r.text(t, "export_dir", "coach.", cfg.export_dir, true);
  const toml::node* n = t.get("ladder_rungs");
  if (!n) return;
  const toml::array* arr = n->as_array();
  if (!arr || arr->size() < 2 || arr->size() > static_cast<std::size_t>(core::kMaxLadderRungs))
    r.fail("coach.ladder_rungs",
           "must be a list of 2 to " + std::to_string(core::kMaxLadderRungs) + " rung names, lowest first");
  cfg.ladder_rungs.clear();
  for (const auto& item : *arr) {
    if (!item.is_string() || item.as_string()->get().empty() || item.as_string()->get().size() > 80)
      r.fail("coach.ladder_rungs", "must contain rung names in quotes, at most 80 characters each");
    cfg.ladder_rungs.push_back(item.as_string()->get());
  }
}

// [screen] off_from = "22:00", on_at = "07:00": both or neither.
void read_screen(const Reader& r, const toml::table& t, core::KioskConfig& cfg) {
  r.only_keys(t, "screen.", {"off_from", "on_at"});
  std::string off, on;
  r.text(t, "off_from", "screen.", off, true);
  r.text(t, "on_at", "screen.", on, true);
  if (off.empty() && on.empty()) return;
  if (off.empty() != on.empty()) r.fail(off.empty() ? "screen.off_from" : "screen.on_at", "set both or neither");
  cfg.screen_off_from = core::parse_hhmm(off);
  cfg.screen_on_at = core::parse_hhmm(on);
  if (cfg.screen_off_from < 0) r.fail("screen.off_from", "must be a time like \"22:00\", got \"" + off + "\"");
  if (cfg.screen_on_at < 0) r.fail("screen.on_at", "must be a time like \"07:00\", got \"" + on + "\"");
  if (cfg.screen_off_from == cfg.screen_on_at) r.fail("screen.on_at", "must differ from off_from");
}

// [security] require_encrypted_storage = true: the packaged kiosk's database must be on an
// encrypted disk (docs/deploy.md); the demo and a developer's machine leave it false.
void read_security(const Reader& r, const toml::table& t, core::KioskConfig& cfg) {
  r.only_keys(t, "security.", {"require_encrypted_storage"});
  r.boolean(t, "require_encrypted_storage", "security.", cfg.require_encrypted_storage);
}

}  // namespace

core::KioskConfig parse_kiosk_config(const std::string& text, const std::string& source) {
  core::KioskConfig cfg;
  const toml::table root = parse_toml(text, source);
  Reader r(source);
  r.only_keys(root, "",
              {"centre", "dagdelen", "identification", "languages", "database", "kiosk", "server", "sync", "coach",
               "screen", "security"});
  // In this order: [sync] checks its server against [server]'s.
  using ReadTable = void (*)(const Reader&, const toml::table&, core::KioskConfig&);
  const std::pair<const char*, ReadTable> tables[] = {
      {"centre", read_centre},       {"dagdelen", read_dagdelen}, {"identification", read_identification},
      {"languages", read_languages}, {"database", read_database}, {"kiosk", read_kiosk},
      {"server", read_server},       {"sync", read_sync},         {"coach", read_coach},
      {"screen", read_screen},       {"security", read_security},
  };
  for (const auto& [name, read] : tables)
    if (const auto* t = r.table(root, name, "")) read(r, *t, cfg);
  return cfg;
}

core::KioskConfig load_kiosk_config(const std::string& path) {
  return parse_kiosk_config(read_config_file(path), path);
}

}  // namespace meedoen::config

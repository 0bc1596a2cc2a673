// Translation catalogues read from gettext .po files (assets/i18n/<lang>.po). Keys are the
// msgids; a missing translation falls back to the default language, then to the key itself,
// so a gap shows up as a visible key, never as an empty button.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace meedoen::ui {

class Catalogue {
 public:
  // Parses .po text; malformed entries are skipped and reported in errors().
  static Catalogue parse(std::string_view po_text);
  static Catalogue load(const std::string& path);

  const std::string* find(std::string_view key) const;
  std::size_t size() const { return m_entries.size(); }
  const std::vector<std::string>& errors() const { return m_errors; }
  std::vector<std::string> keys() const;
  std::vector<std::string> values() const;

 private:
  std::unordered_map<std::string, std::string> m_entries;
  std::vector<std::string> m_errors;
};

// The catalogues of all languages, and the current one.
class Strings {
 public:
  Strings() = default;
  // Loads <dir>/<lang>.po for each language; the first is the fallback.
  void load(const std::string& dir, const std::vector<std::string>& languages);
  void add(const std::string& language, Catalogue c);
  void set_language(const std::string& language);
  const std::string& language() const { return m_language; }
  std::vector<std::string> languages() const;                            // the loaded ones, in code order
  std::vector<std::string> texts_of(const std::string& language) const;  // every translation it has

  // The translation of key in the current language.
  const std::string& get(std::string_view key) const;
  // With {name} placeholders replaced: fmt("home.greeting.morning", {{"name", "Fatima"}}).
  std::string fmt(std::string_view key, std::initializer_list<std::pair<const char*, std::string>> args) const;

 private:
  std::map<std::string, Catalogue> m_catalogues;
  std::string m_fallback;
  std::string m_language;
  mutable std::string m_missing;
};

// Where the catalogues live (<dir>/i18n/<lang>.po): $MEEDOEN_ASSETS, else <exe dir>/../share/meedoen
// when it exists (installed), else the source tree's assets/ of this build (a developer's build),
// else /usr/share/meedoen. The kiosk and meedoen-server both ask here.
std::string assets_dir();

// Every key the kiosk uses: a test checks that each catalogue has all of them.
const std::vector<std::string_view>& required_keys();

}  // namespace meedoen::ui

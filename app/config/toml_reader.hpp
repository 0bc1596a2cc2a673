// The strict TOML reading both settings files share (kiosk.toml, server.toml): an unknown key
// or a bad value throws ConfigError naming the file and the key. Internal to config (toml++).
#pragma once
#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>

#include "config/kiosk_config.hpp"

namespace meedoen::config {

class Reader {
 public:
  explicit Reader(std::string source) : m_source(std::move(source)) {}

  [[noreturn]] void fail(const std::string& key, const std::string& why) const {
    throw ConfigError(m_source + ": " + key + ": " + why);
  }

  // Refuses keys of a table that the kiosk does not know.
  void only_keys(const toml::table& t, const std::string& prefix, std::initializer_list<const char*> known) const {
    for (const auto& [k, v] : t) {
      const std::string key(k.str());
      if (std::none_of(known.begin(), known.end(), [&](const char* n) { return key == n; }))
        fail(prefix + key, "unknown key (known here: " + join(known) + ")");
    }
  }

  const toml::table* table(const toml::table& t, const char* key, const std::string& prefix) const {
    const toml::node* n = t.get(key);
    if (!n) return nullptr;
    if (!n->is_table()) fail(prefix + key, "must be a table");
    return n->as_table();
  }

  void text(const toml::table& t, const char* key, const std::string& prefix, std::string& out,
            bool allow_empty) const {
    const toml::node* n = t.get(key);
    if (!n) return;
    if (!n->is_string()) fail(prefix + key, "must be a text in quotes");
    std::string v = n->as_string()->get();
    if (!allow_empty && v.empty()) fail(prefix + key, "must not be empty");
    if (v.size() > 200) fail(prefix + key, "is longer than 200 characters");
    out = std::move(v);
  }

  void boolean(const toml::table& t, const char* key, const std::string& prefix, bool& out) const {
    const toml::node* n = t.get(key);
    if (!n) return;
    if (!n->is_boolean()) fail(prefix + key, "must be true or false");
    out = n->as_boolean()->get();
  }

  void integer(const toml::table& t, const char* key, const std::string& prefix, int& out, int lo, int hi) const {
    const toml::node* n = t.get(key);
    if (!n) return;
    if (!n->is_integer()) fail(prefix + key, "must be a whole number");
    const auto v = n->as_integer()->get();
    if (v < lo || v > hi) fail(prefix + key, "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
    out = static_cast<int>(v);
  }

  static std::string join(std::initializer_list<const char*> names) {
    std::string s;
    for (const char* n : names) s += (s.empty() ? "" : ", ") + std::string(n);
    return s;
  }

 private:
  std::string m_source;
};

// The file's text; ConfigError when it cannot be read.
inline std::string read_config_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path + ": cannot be read");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Parsed TOML; a syntax error names source:line:column.
inline toml::table parse_toml(const std::string& text, const std::string& source) {
  try {
    return toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    std::ostringstream msg;
    msg << source << ":" << e.source().begin.line << ":" << e.source().begin.column << ": " << e.description();
    throw ConfigError(msg.str());
  }
}

}  // namespace meedoen::config

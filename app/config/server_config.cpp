// server.toml parsing with toml++ (config/toml_reader.hpp, as kiosk.toml).
#include "config/server_config.hpp"

#include <cstdlib>
#include <filesystem>

#include "config/toml_reader.hpp"

namespace meedoen::config {

namespace {

void text(const Reader& r, const toml::table& t, const char* key, const std::string& prefix,
          std::optional<std::string>& out) {
  if (!t.get(key)) return;
  std::string v;
  r.text(t, key, prefix, v, true);
  out = v;
}

void integer(const Reader& r, const toml::table& t, const char* key, const std::string& prefix, std::optional<int>& out,
             int lo, int hi) {
  if (!t.get(key)) return;
  int v = 0;
  r.integer(t, key, prefix, v, lo, hi);
  out = v;
}

}  // namespace

ServerConfig parse_server_config(const std::string& text_in, const std::string& source) {
  const toml::table root = parse_toml(text_in, source);
  Reader r(source);
  r.only_keys(root, "", {"database", "serve"});
  ServerConfig c;
  if (const auto* t = r.table(root, "database", "")) {
    r.only_keys(*t, "database.", {"db"});
    text(r, *t, "db", "database.", c.db);
    if (c.db && c.db->empty()) r.fail("database.db", "must not be empty");
  }
  if (const auto* t = r.table(root, "serve", "")) {
    r.only_keys(*t, "serve.",
                {"listen", "tls_cert", "tls_key", "max_body_bytes", "max_in_flight", "workers", "idle_timeout",
                 "max_connections", "trusted_proxy"});
    text(r, *t, "listen", "serve.", c.listen);
    if (c.listen && c.listen->rfind(':') == std::string::npos)
      r.fail("serve.listen", "expected \"HOST:PORT\", got \"" + *c.listen + "\"");
    text(r, *t, "tls_cert", "serve.", c.tls_cert);
    text(r, *t, "tls_key", "serve.", c.tls_key);
    if (c.tls_cert.value_or("").empty() != c.tls_key.value_or("").empty())
      r.fail("serve.tls_key", "tls_cert and tls_key go together (both set: HTTPS)");
    integer(r, *t, "max_body_bytes", "serve.", c.max_body_bytes, 64 << 10, 64 << 20);
    integer(r, *t, "max_in_flight", "serve.", c.max_in_flight, 1, 100000);
    integer(r, *t, "workers", "serve.", c.workers, 1, 256);
    integer(r, *t, "idle_timeout", "serve.", c.idle_timeout, 1, 3600);
    integer(r, *t, "max_connections", "serve.", c.max_connections, 1, 1000000);
    text(r, *t, "trusted_proxy", "serve.", c.trusted_proxy);
  }
  return c;
}

ServerConfig load_server_config(const std::string& path) { return parse_server_config(read_config_file(path), path); }

std::string find_server_config(const std::string& explicit_path) {
  if (!explicit_path.empty()) return explicit_path;
  if (const char* env = std::getenv("MEEDOEN_SERVER_CONFIG"); env && *env) return env;
  std::error_code ec;
  const std::string system = "/etc/meedoen/server.toml";
  return std::filesystem::exists(system, ec) ? system : "";
}

}  // namespace meedoen::config

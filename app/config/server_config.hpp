// Reading server.toml (/etc/meedoen/server.toml when installed): the database and everything
// `meedoen-server serve` takes. Strict like kiosk.toml: an unknown key or a bad value is an
// error naming the key. Command-line flags override the file (server_main.cpp applies it as the
// defaults before parsing them).
#pragma once
#include <optional>
#include <string>

#include "config/kiosk_config.hpp"  // ConfigError

namespace meedoen::config {

// Each field set only when the file has the key.
struct ServerConfig {
  std::optional<std::string> db;                              // [database] db: a path, or a URL the store accepts
  std::optional<std::string> listen, tls_cert, tls_key;       // [serve]
  std::optional<int> max_body_bytes, max_in_flight;           // [serve]
  std::optional<int> workers, idle_timeout, max_connections;  // [serve]
  std::optional<std::string> trusted_proxy;                   // [serve]: its X-Forwarded-For is believed
};

ServerConfig parse_server_config(const std::string& toml_text, const std::string& source_name);
ServerConfig load_server_config(const std::string& path);

// --config PATH, else $MEEDOEN_SERVER_CONFIG, else /etc/meedoen/server.toml when it exists; ""
// when none (built-in defaults).
std::string find_server_config(const std::string& explicit_path);

}  // namespace meedoen::config

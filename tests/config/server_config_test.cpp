// server.toml: strict parsing (every error names the key), the documented config/server.toml,
// and the screen-off hours of kiosk.toml ([screen]) with core's schedule.
#include <catch2/catch.hpp>

#include <string>

#include "config/kiosk_config.hpp"
#include "config/server_config.hpp"
#include "core/time.hpp"

using namespace meedoen;

namespace {

std::string server_error(const std::string& text) {
  try {
    config::parse_server_config(text, "server.toml");
  } catch (const config::ConfigError& e) {
    return e.what();
  }
  return "";
}

std::string kiosk_error(const std::string& text) {
  try {
    config::parse_kiosk_config(text, "kiosk.toml");
  } catch (const config::ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("parse_server_config: every key of serve and the database", "[config]") {
  const auto c = config::parse_server_config(R"([database]
db = "/var/lib/meedoen/server.db"
[serve]
listen = "0.0.0.0:9000"
tls_cert = "/etc/ssl/c.pem"
tls_key = "/etc/ssl/k.pem"
max_body_bytes = 1048576
max_in_flight = 8
trusted_proxy = "127.0.0.1"
)",
                                             "server.toml");
  CHECK(c.trusted_proxy == "127.0.0.1");
  CHECK(c.db == "/var/lib/meedoen/server.db");
  CHECK(c.listen == "0.0.0.0:9000");
  CHECK(c.tls_cert == "/etc/ssl/c.pem");
  CHECK(c.tls_key == "/etc/ssl/k.pem");
  CHECK(c.max_body_bytes == 1048576);
  CHECK(c.max_in_flight == 8);
  const auto empty = config::parse_server_config("", "server.toml");
  CHECK_FALSE(empty.db);
  CHECK_FALSE(empty.listen);
  CHECK_FALSE(empty.max_in_flight);
}

TEST_CASE("parse_server_config: bad keys and values are refused by name", "[config]") {
  CHECK(server_error("[serve]\nport = 1\n").find("serve.port: unknown key") != std::string::npos);
  CHECK(server_error("[serve]\nlisten = \"8470\"\n").find("serve.listen: expected \"HOST:PORT\"") != std::string::npos);
  CHECK(server_error("[serve]\nmax_in_flight = 0\n").find("serve.max_in_flight: must be between 1") !=
        std::string::npos);
  CHECK(server_error("[serve]\nmax_body_bytes = \"4m\"\n").find("serve.max_body_bytes: must be a whole number") !=
        std::string::npos);
  CHECK(server_error("[serve]\ntls_cert = \"c.pem\"\n").find("serve.tls_key: tls_cert and tls_key go together") !=
        std::string::npos);
  CHECK(server_error("[database]\ndb = \"\"\n").find("database.db: must not be empty") != std::string::npos);
  CHECK(server_error("[tls]\ncert = \"x\"\n").find("tls: unknown key") != std::string::npos);
  CHECK(server_error("[serve\n").find("server.toml:1:") != std::string::npos);
}

TEST_CASE("load_server_config: the documented config/server.toml names the package's paths", "[config]") {
  const auto c = config::load_server_config(std::string(MEEDOEN_SOURCE_DIR) + "/config/server.toml");
  CHECK(c.db == "/var/lib/meedoen/server.db");
  CHECK(c.listen == "127.0.0.1:8470");
  CHECK(c.tls_cert == "");
  CHECK(c.max_body_bytes == 4 << 20);
  CHECK(c.max_in_flight == 512);
  CHECK(c.workers == 8);
  CHECK(c.idle_timeout == 15);
  CHECK(c.max_connections == 10000);
}

TEST_CASE("kiosk.toml [screen]: off at night, both times or neither", "[config]") {
  const auto cfg = config::parse_kiosk_config("[screen]\noff_from = \"22:00\"\non_at = \"07:00\"\n", "kiosk.toml");
  CHECK(cfg.screen_off_from == 22 * 60);
  CHECK(cfg.screen_on_at == 7 * 60);
  CHECK(kiosk_error("[screen]\noff_from = \"22:00\"\n").find("screen.on_at: set both or neither") != std::string::npos);
  CHECK(kiosk_error("[screen]\noff_from = \"25:00\"\non_at = \"07:00\"\n").find("screen.off_from: must be a time") !=
        std::string::npos);
  CHECK(kiosk_error("[screen]\noff_from = \"07:00\"\non_at = \"07:00\"\n").find("must differ") != std::string::npos);
  CHECK(kiosk_error("[screen]\nbrightness = 3\n").find("screen.brightness: unknown key") != std::string::npos);
  const auto none = config::parse_kiosk_config("[screen]\noff_from = \"\"\non_at = \"\"\n", "kiosk.toml");
  CHECK(none.screen_off_from == -1);
}

TEST_CASE("screen_dark_at: the night wraps past midnight, a daytime pause does not", "[config]") {
  core::KioskConfig night;
  night.screen_off_from = 22 * 60;
  night.screen_on_at = 7 * 60;
  CHECK_FALSE(core::screen_dark_at(night, 21 * 60 + 59));
  CHECK(core::screen_dark_at(night, 22 * 60));
  CHECK(core::screen_dark_at(night, 0));
  CHECK(core::screen_dark_at(night, 6 * 60 + 59));
  CHECK_FALSE(core::screen_dark_at(night, 7 * 60));
  CHECK(core::minutes_to_screen_switch(night, 21 * 60) == 60);
  CHECK(core::minutes_to_screen_switch(night, 23 * 60) == 8 * 60);
  core::KioskConfig lunch;
  lunch.screen_off_from = 12 * 60;
  lunch.screen_on_at = 13 * 60;
  CHECK(core::screen_dark_at(lunch, 12 * 60 + 30));
  CHECK_FALSE(core::screen_dark_at(lunch, 11 * 60));
  CHECK_FALSE(core::screen_dark_at(lunch, 13 * 60 + 1));
  const core::KioskConfig always_on;
  CHECK_FALSE(core::screen_dark_at(always_on, 23 * 60));
  CHECK(core::minutes_to_screen_switch(always_on, 23 * 60) == -1);
}

// Where the kiosk looks for kiosk.toml and keeps its database.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "config/paths.hpp"
#include "support/scoped_env.hpp"
#include "support/temp_dir.hpp"

using namespace meedoen;
using test::ScopedEnv;

TEST_CASE("find_config_file: --config, then the system file, then the user's", "[config]") {
  test::TempDir dir;
  const std::string system = dir.file("etc/kiosk.toml");
  const ScopedEnv sys("MEEDOEN_SYSTEM_CONFIG", system);
  const ScopedEnv xdg("XDG_CONFIG_HOME", dir.file("xdg"));

  CHECK(config::find_config_file("/explicit/kiosk.toml") == "/explicit/kiosk.toml");  // even when missing
  CHECK(config::find_config_file("").empty());                                        // none exists: built-in defaults

  std::filesystem::create_directories(dir.path() / "xdg/meedoen");
  const std::string user = dir.write("xdg/meedoen/kiosk.toml", "");
  CHECK(config::find_config_file("") == user);

  std::filesystem::create_directories(dir.path() / "etc");
  dir.write("etc/kiosk.toml", "");
  CHECK(config::find_config_file("") == system);
}

TEST_CASE("find_config_file: without XDG_CONFIG_HOME, ~/.config", "[config]") {
  test::TempDir dir;
  const ScopedEnv sys("MEEDOEN_SYSTEM_CONFIG", dir.file("none.toml"));
  const ScopedEnv xdg("XDG_CONFIG_HOME", std::nullopt);
  const ScopedEnv home("HOME", dir.path().string());
  std::filesystem::create_directories(dir.path() / ".config/meedoen");
  const std::string user = dir.write(".config/meedoen/kiosk.toml", "");
  CHECK(config::find_config_file("") == user);
}

TEST_CASE("default_database_path: XDG_DATA_HOME, else ~/.local/share", "[config]") {
  SECTION("XDG_DATA_HOME set") {
    const ScopedEnv data("XDG_DATA_HOME", std::string("/srv/data"));
    CHECK(config::default_database_path() == "/srv/data/meedoen/kiosk.db");
  }
  SECTION("XDG_DATA_HOME empty or unset") {
    const ScopedEnv home("HOME", std::string("/home/kiosk"));
    {
      const ScopedEnv data("XDG_DATA_HOME", std::string(""));
      CHECK(config::default_database_path() == "/home/kiosk/.local/share/meedoen/kiosk.db");
    }
    const ScopedEnv data("XDG_DATA_HOME", std::nullopt);
    CHECK(config::default_database_path() == "/home/kiosk/.local/share/meedoen/kiosk.db");
  }
}

// XDG lookups.
#include "config/paths.hpp"

#include <cstdlib>
#include <filesystem>

namespace meedoen::config {

namespace {
std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}
std::string home() { return env_or("HOME", "/tmp"); }
}  // namespace

std::string find_config_file(const std::string& explicit_path) {
  if (!explicit_path.empty()) return explicit_path;
  std::error_code ec;
  const std::string system = env_or("MEEDOEN_SYSTEM_CONFIG", "/etc/meedoen/kiosk.toml");
  if (std::filesystem::exists(system, ec)) return system;
  const std::string user = env_or("XDG_CONFIG_HOME", home() + "/.config") + "/meedoen/kiosk.toml";
  if (std::filesystem::exists(user, ec)) return user;
  return "";
}

std::string default_cache_dir() { return env_or("XDG_CACHE_HOME", home() + "/.cache") + "/meedoen"; }

std::string default_database_path() { return env_or("XDG_DATA_HOME", home() + "/.local/share") + "/meedoen/kiosk.db"; }

}  // namespace meedoen::config

// Where the kiosk looks for its configuration and keeps its database (XDG base directories).
#pragma once
#include <string>

namespace meedoen::config {

// --config PATH, else /etc/meedoen/kiosk.toml, else $XDG_CONFIG_HOME/meedoen/kiosk.toml
// (~/.config/meedoen/kiosk.toml); "" when none exists (built-in defaults apply).
std::string find_config_file(const std::string& explicit_path);
// $XDG_DATA_HOME/meedoen/kiosk.db, else ~/.local/share/meedoen/kiosk.db.
std::string default_database_path();
// $XDG_CACHE_HOME/meedoen, else ~/.cache/meedoen: what the kiosk can rebuild (the font atlas).
std::string default_cache_dir();

}  // namespace meedoen::config

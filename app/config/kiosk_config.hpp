// Reading kiosk.toml into core::KioskConfig. Strict: an unknown key or a bad value is an error
// that names the key, so a typo never silently falls back to a default.
#pragma once
#include <stdexcept>
#include <string>

#include "core/model.hpp"

namespace meedoen::config {

struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

core::KioskConfig parse_kiosk_config(const std::string& toml_text, const std::string& source_name);
core::KioskConfig load_kiosk_config(const std::string& path);

}  // namespace meedoen::config

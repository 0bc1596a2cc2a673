// One log line per event worth keeping: to stderr (journald picks it up under systemd).
#pragma once
#include <string>

namespace meedoen::platform {

void log_line(const std::string& text);

}  // namespace meedoen::platform

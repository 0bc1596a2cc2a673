// Timestamped log lines.
#include "platform/log.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace meedoen::platform {

void log_line(const std::string& text) {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  localtime_r(&t, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &tm);
  std::fprintf(stderr, "%s meedoen-kiosk: %s\n", stamp, text.c_str());
}

}  // namespace meedoen::platform

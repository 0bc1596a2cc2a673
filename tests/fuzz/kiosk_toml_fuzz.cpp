// libFuzzer target: the strict kiosk.toml reader (config/kiosk_config.hpp). Any text gives either
// a configuration or a ConfigError naming what is wrong; any other exception, or a crash, is a bug.
#include <cstddef>
#include <cstdint>

#include "config/kiosk_config.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace meedoen;
  try {
    (void)config::parse_kiosk_config(fuzz::text(data, size), "kiosk.toml");
  } catch (const config::ConfigError& e) {
    fuzz::require(e.what()[0] != '\0', "a refused kiosk.toml says why");
  }
  return 0;
}

// libFuzzer target: the .po catalogue reader (ui/i18n.hpp). Any text parses without throwing or
// crashing (malformed entries are skipped and reported), and every key it kept can be looked up.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"
#include "ui/i18n.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace meedoen;
  const auto catalogue = ui::Catalogue::parse(std::string_view(reinterpret_cast<const char*>(data), size));
  for (const auto& key : catalogue.keys()) fuzz::require(catalogue.find(key) != nullptr, "a kept key is found");
  return 0;
}

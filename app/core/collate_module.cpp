// The collation module's entry (core/collate_module.hpp): ICU's collation (core/collate.cpp) behind the table.
#include "core/collate_module.hpp"
#include "core/collate.hpp"
#include "version.hpp"

namespace meedoen::core {
namespace {

const CollateTable kTable{
    {kCollateModule.abi, kVersion},
    [](std::string_view a, std::string_view b) { return collate(a, b); },
    [](std::string_view s, std::string& out, std::string& error) {
      return modules::guarded(error, [&] { out = collation_key(s); });
    },
};

}  // namespace
}  // namespace meedoen::core

MEEDOEN_MODULE_ENTRY const meedoen::modules::ModuleHead* meedoen_collate_module() {
  return &meedoen::core::kTable.head;
}

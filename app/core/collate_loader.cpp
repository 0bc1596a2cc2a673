// meedoen-kiosk's collation: core/collate.hpp through the module loaded on first use
// (core/collate_module.hpp). Without the module names still have an order, their bytes' (logged
// once by the loader), and no sort key is made: the roster keeps them unkept until one can be.
#include "core/collate.hpp"
#include "core/collate_module.hpp"

namespace meedoen::core {

namespace {
// Looked up once: a coach's list compares names every frame.
const CollateTable* collation() {
  static const CollateTable* const table = modules::load_table<CollateTable>(kCollateModule, nullptr);
  return table;
}
}  // namespace

int collate(std::string_view a, std::string_view b) {
  if (const CollateTable* t = collation()) return t->collate(a, b);
  return a < b ? -1 : b < a ? 1 : 0;
}

std::string collation_key(std::string_view s) {
  std::string key, error;
  if (const CollateTable* t = collation(); t && t->collation_key(s, key, error)) return key;
  return {};
}

}  // namespace meedoen::core

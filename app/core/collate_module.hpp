// The collation's module (meedoen-collate.so): core/collate's two ICU functions behind one table.
// ICU's libraries (libicui18n, libicuuc: ~1.7 MiB of pages and 800 symbol bindings at start, issue 17)
// are then loaded only when names are compared or a name gets its sort key: a coach's list, a
// report, a new or renamed participant. meedoen-kiosk loads it on first use (core/collate_loader.cpp);
// meedoen-server and the tests link core/collate.cpp directly. modules/loader.hpp says how.
#pragma once
#include <string>
#include <string_view>

#include "modules/loader.hpp"

namespace meedoen::core {

struct CollateTable {
  modules::ModuleHead head;
  int (*collate)(std::string_view a, std::string_view b);  // never throws
  bool (*collation_key)(std::string_view s, std::string& out, std::string& error);
};

// Bump the last number when CollateTable changes.
inline constexpr modules::ModuleSpec kCollateModule{"meedoen-collate.so", "meedoen_collate_module", 1};

}  // namespace meedoen::core

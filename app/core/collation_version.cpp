// Which ICU makes the sort keys (core/collate.hpp): the version of the headers this build was
// compiled against, which the collation module (or core/collate.cpp) was built with too. A header
// only: reading it loads no ICU library.
#include <unicode/uvernum.h>

#include "core/collate.hpp"

namespace meedoen::core {

std::string collation_version() { return U_ICU_VERSION; }

}  // namespace meedoen::core

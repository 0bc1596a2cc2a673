// Names in the order people expect, in one place for the reports, their exports and the coach's
// participant lists: ICU's collation for Dutch (CLDR), not byte order and not a hand-made table.
// "Łucja" sorts with the L's (after Lucas, before Maria), "Çelik" with the C's, "IJsbrand" as
// I-J, "Élodie" with the E's; case and accents only break ties. The interface is the standard
// library's: ICU (Debian libicu-dev) is linked privately, its types never leak.
#pragma once
#include <string_view>

namespace meedoen::core {

// <0, 0, >0 as a sorts before, with or after b (UTF-8; invalid bytes sort as U+FFFD).
int collate(std::string_view a, std::string_view b);
inline bool collate_less(std::string_view a, std::string_view b) { return collate(a, b) < 0; }

}  // namespace meedoen::core

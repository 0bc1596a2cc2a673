// Names in the order people expect, in one place for the reports, their exports and the coach's
// participant lists: ICU's collation for Dutch (CLDR), not byte order and not a hand-made table.
// "Łucja" sorts with the L's (after Lucas, before Maria), "Çelik" with the C's, "IJsbrand" as
// I-J, "Élodie" with the E's; case and accents only break ties. The interface is the standard
// library's: ICU (Debian libicu-dev) is linked privately, its types never leak.
#pragma once
#include <string>
#include <string_view>

namespace meedoen::core {

// <0, 0, >0 as a sorts before, with or after b (UTF-8; invalid bytes sort as U+FFFD).
int collate(std::string_view a, std::string_view b);
inline bool collate_less(std::string_view a, std::string_view b) { return collate(a, b) < 0; }

// The bytes ICU compares for a name (its sort key, without the final 0): two keys compare byte by
// byte as collate() compares their names. A roster keeps them (storage, participants.sort_key),
// so the kiosk orders names without opening ICU's collation data (2 MiB of it, issue 17) unless a
// name changed.
std::string collation_key(std::string_view s);
// Which ICU made collation_key's bytes ("72.1"): a key made by another version is not comparable.
// Reading it loads no ICU (core/collation_version.cpp).
std::string collation_version();

}  // namespace meedoen::core

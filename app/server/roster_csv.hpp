// Reading a roster export of the municipality's client system (CSV) for import-roster.
// Columns (header row required, any order, "," or ";" between fields, UTF-8):
//   id (required), first_name (required), last_name (required), card_code, pin (4 digits),
//   language (nl/en or empty), mandatory (ja/nee, yes/no, 1/0, true/false), coach_id
#pragma once
#include <string>
#include <vector>

#include "server/server_store.hpp"

namespace meedoen::server {

struct RosterParse {
  std::vector<RosterRow> rows;
  std::vector<std::string> errors;  // "line 7: pin must be 4 digits" ...; any error: import nothing
};

RosterParse parse_roster_csv(const std::string& text);

}  // namespace meedoen::server

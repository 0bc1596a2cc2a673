// Reading a roster export of the municipality's client system (CSV) for import-roster. The
// columns and their formats are documented in docs/roster.md (kept in step by
// tests/server/roster_csv_test.cpp): a header row is required, columns in any order, "," or ";"
// between fields, UTF-8 with or without a byte-order mark. Only id, first_name and last_name are
// required; a column the file leaves out keeps a known participant's current value.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "server/server_store.hpp"

namespace meedoen::server {

// Every column a roster file may have, in the order docs/roster.md lists them.
inline constexpr std::array<std::string_view, 15> kRosterColumns{
    "id",           "first_name", "last_name", "card_code",       "pin",        "language",     "mandatory",
    "coach_id",     "start_date", "end_date",  "agreed_dagdelen", "talk_every", "agreed_hours", "show_agreed_hours",
    "photo_consent"};

struct RosterParse {
  std::vector<RosterRow> rows;
  std::vector<std::string> errors;  // "line 7: pin must be 4 digits" ...; any error: import nothing
};

RosterParse parse_roster_csv(const std::string& text);

// The fields a person types in a spreadsheet: each returns "" and sets out, or says what is wrong
// (without the line: the caller adds it). An empty text is "not agreed" (0, "").
namespace roster_field {
// 2027-01-31, or day first as a Dutch spreadsheet writes it: 31-1-2027, 31/01/2027.
std::string date(const std::string& text, std::string& iso);
// "ma-ochtend wo-middag", "mon-morning, wed-afternoon": a weekday and a dagdeel joined by '-',
// several separated by spaces, ',', ';', '+' or '/'.
std::string dagdelen(const std::string& text, std::uint32_t& parts);
// "14" or "14 dagen" / "14d" / "14 days"; "2 weken" / "2w" / "2 weeks": days, 1 to 365.
std::string talk_every(const std::string& text, int& days);
// "4:30", "4,5", "4.5", "4": hours a week in quarter hours, at most 60.
std::string hours(const std::string& text, int& minutes);
// ja/nee, j/n, yes/no, y/n, 1/0, true/false, x/"" (empty is no).
std::string yes_no(const std::string& text, bool& out);
}  // namespace roster_field

}  // namespace meedoen::server

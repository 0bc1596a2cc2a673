// CSV roster parsing: RFC 4180 quoting, "," or ";" (Dutch spreadsheet exports), every bad row
// reported with its line number.
#include "server/roster_csv.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace meedoen::server {

namespace {

// Splits text into records of fields; line numbers are those where each record starts.
struct Record {
  int line = 0;
  std::vector<std::string> fields;
};

std::vector<Record> split_csv(const std::string& text, char sep, std::string& error) {
  std::vector<Record> out;
  Record rec;
  std::string field;
  bool quoted = false, any = false;
  int line = 1;
  rec.line = 1;
  auto end_record = [&] {
    rec.fields.push_back(field);
    field.clear();
    const bool blank = rec.fields.size() == 1 && rec.fields[0].empty();
    if (!blank) out.push_back(rec);
    rec = Record{};
    rec.line = line;
    any = false;
  };
  std::size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;  // a spreadsheet's byte-order mark
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        field += c;
      }
    } else if (c == '"' && field.empty()) {
      quoted = any = true;
    } else if (c == sep) {
      rec.fields.push_back(field);
      field.clear();
    } else if (c == '\r') {
      continue;
    } else if (c == '\n') {
      ++line;
      end_record();
    } else {
      field += c;
      any = true;
    }
  }
  if (quoted) error = "line " + std::to_string(rec.line) + ": a quoted field is not closed";
  if (!field.empty() || !rec.fields.empty()) end_record();
  (void)any;
  return out;
}

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t");
  const auto e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

}  // namespace

RosterParse parse_roster_csv(const std::string& text) {
  RosterParse out;
  const std::size_t nl = text.find('\n');
  const std::string head = text.substr(0, nl);
  const char sep = std::count(head.begin(), head.end(), ';') > std::count(head.begin(), head.end(), ',') ? ';' : ',';
  std::string error;
  auto records = split_csv(text, sep, error);
  if (!error.empty()) {
    out.errors.push_back(error);
    return out;
  }
  if (records.empty()) {
    out.errors.push_back("line 1: the file is empty; expected a header row (id,first_name,last_name,...)");
    return out;
  }
  static const std::set<std::string> known{"id",  "first_name", "last_name", "card_code",
                                           "pin", "language",   "mandatory", "coach_id"};
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < records[0].fields.size(); ++i) {
    std::string name = trim(records[0].fields[i]);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!known.count(name)) out.errors.push_back("line 1: unknown column \"" + name + "\"");
    else if (col.count(name)) out.errors.push_back("line 1: column \"" + name + "\" appears twice");
    col[name] = i;
  }
  for (const char* need : {"id", "first_name", "last_name"})
    if (!col.count(need)) out.errors.push_back(std::string("line 1: the column \"") + need + "\" is missing");
  if (!out.errors.empty()) return out;

  std::map<std::string, int> ids, cards;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    const std::string at = "line " + std::to_string(rec.line) + ": ";
    auto get = [&](const char* name) {
      auto it = col.find(name);
      return it == col.end() || it->second >= rec.fields.size() ? std::string() : trim(rec.fields[it->second]);
    };
    if (rec.fields.size() != records[0].fields.size()) {
      out.errors.push_back(at + "has " + std::to_string(rec.fields.size()) + " fields, the header has " +
                           std::to_string(records[0].fields.size()));
      continue;
    }
    RosterRow row;
    row.line = rec.line;
    row.p.id = get("id");
    row.p.first_name = get("first_name");
    row.p.last_name = get("last_name");
    row.p.card_code = get("card_code");
    row.pin = get("pin");
    row.p.language = get("language");
    row.p.coach_id = get("coach_id");
    std::string mandatory = get("mandatory");
    std::transform(mandatory.begin(), mandatory.end(), mandatory.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    const std::size_t errors_before = out.errors.size();
    if (row.p.id.empty() || row.p.id.size() > 64) out.errors.push_back(at + "id must be 1-64 characters");
    if (row.p.first_name.empty()) out.errors.push_back(at + "first_name is empty");
    if (row.p.first_name.size() > 100 || row.p.last_name.size() > 100)
      out.errors.push_back(at + "a name is longer than 100 characters");
    if (!row.pin.empty() && (row.pin.size() != 4 || !std::all_of(row.pin.begin(), row.pin.end(), ::isdigit)))
      out.errors.push_back(at + "pin must be 4 digits");
    if (!row.p.language.empty() && row.p.language != "nl" && row.p.language != "en")
      out.errors.push_back(at + "language must be nl, en or empty, got \"" + row.p.language + "\"");
    if (mandatory == "ja" || mandatory == "yes" || mandatory == "1" || mandatory == "true" || mandatory == "verplicht")
      row.p.mandatory = true;
    else if (mandatory.empty() || mandatory == "nee" || mandatory == "no" || mandatory == "0" || mandatory == "false" ||
             mandatory == "vrijwillig")
      row.p.mandatory = false;
    else out.errors.push_back(at + "mandatory must be ja or nee, got \"" + mandatory + "\"");
    if (!row.p.id.empty() && ids.count(row.p.id))
      out.errors.push_back(at + "id " + row.p.id + " appears before on line " + std::to_string(ids[row.p.id]));
    if (!row.p.card_code.empty() && cards.count(row.p.card_code))
      out.errors.push_back(at + "card_code " + row.p.card_code + " appears before on line " +
                           std::to_string(cards[row.p.card_code]));
    ids.emplace(row.p.id, rec.line);
    if (!row.p.card_code.empty()) cards.emplace(row.p.card_code, rec.line);
    if (out.errors.size() == errors_before) out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace meedoen::server

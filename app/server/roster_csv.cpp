// CSV roster parsing: RFC 4180 quoting, "," or ";" (Dutch spreadsheet exports), every bad row
// reported with its line number and field, and the spreadsheet-friendly forms of dates, dagdelen,
// talk rhythm and hours a municipal officer types (docs/roster.md).
#include "server/roster_csv.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>

#include "core/events.hpp"

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

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string quoted(const std::string& s) { return "\"" + (s.size() > 40 ? s.substr(0, 40) + "..." : s) + "\""; }

std::size_t code_points(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// A weekday: Dutch (ma, maandag) or English (mon, monday); -1 when neither.
int weekday_word(const std::string& w) {
  static const std::array<std::array<const char*, 4>, 7> names{{{"ma", "maandag", "mon", "monday"},
                                                                {"di", "dinsdag", "tue", "tuesday"},
                                                                {"wo", "woensdag", "wed", "wednesday"},
                                                                {"do", "donderdag", "thu", "thursday"},
                                                                {"vr", "vrijdag", "fri", "friday"},
                                                                {"za", "zaterdag", "sat", "saturday"},
                                                                {"zo", "zondag", "sun", "sunday"}}};
  for (int d = 0; d < 7; ++d)
    for (const char* n : names[static_cast<std::size_t>(d)])
      if (w == n) return d;
  return -1;
}

bool dagdeel_word(const std::string& w, core::Dagdeel& out) {
  if (w == "ochtend" || w == "morgen" || w == "morning") out = core::Dagdeel::Morning;
  else if (w == "middag" || w == "afternoon") out = core::Dagdeel::Afternoon;
  else if (w == "avond" || w == "evening") out = core::Dagdeel::Evening;
  else return false;
  return true;
}

}  // namespace

// [SECTION] Fields

namespace roster_field {

std::string date(const std::string& text, std::string& iso) {
  iso.clear();
  if (text.empty()) return {};
  std::string candidate = text;
  const char sep = text.find('/') != std::string::npos ? '/' : '-';
  const auto a = text.find(sep), b = text.find(sep, a == std::string::npos ? a : a + 1);
  if (a != std::string::npos && b != std::string::npos && a <= 2) {  // day first: 31-1-2027
    const std::string d = text.substr(0, a), m = text.substr(a + 1, b - a - 1), y = text.substr(b + 1);
    if (all_digits(d) && all_digits(m) && all_digits(y) && m.size() <= 2 && y.size() == 4)
      candidate = y + "-" + (m.size() == 1 ? "0" : "") + m + "-" + (d.size() == 1 ? "0" : "") + d;
  }
  if (!core::valid_date_iso(candidate)) return "is not a date: " + quoted(text) + " (write 2027-01-31 or 31-01-2027)";
  iso = candidate;
  return {};
}

std::string dagdelen(const std::string& text, std::uint32_t& parts) {
  parts = 0;
  std::string token;
  auto take = [&]() -> std::string {
    if (token.empty()) return {};
    const auto dash = token.find('-');
    const int day = dash == std::string::npos ? -1 : weekday_word(token.substr(0, dash));
    core::Dagdeel d{};
    if (day < 0 || !dagdeel_word(token.substr(dash + 1), d))
      return quoted(token) + " is not a weekday and dagdeel like ma-ochtend or mon-morning";
    parts |= core::agreed_bit(day, d);
    token.clear();
    return {};
  };
  for (const char c : lower(text) + " ") {
    if (c == ' ' || c == ',' || c == ';' || c == '+' || c == '/' || c == '\t') {
      if (std::string why = take(); !why.empty()) return why;
    } else {
      token += c;
    }
  }
  return {};
}

std::string talk_every(const std::string& text, int& days) {
  days = 0;
  const std::string t = lower(text);
  if (t.empty()) return {};
  std::size_t n = 0;
  while (n < t.size() && std::isdigit(static_cast<unsigned char>(t[n]))) ++n;
  const std::string unit = trim(t.substr(n));
  const bool weeks = unit == "w" || unit == "week" || unit == "weken" || unit == "weeks";
  const bool plain = unit.empty() || unit == "d" || unit == "dag" || unit == "dagen" || unit == "day" || unit == "days";
  if (n == 0 || n > 3 || (!weeks && !plain))
    return "is not a number of days or weeks: " + quoted(text) + " (write 14, 14 dagen or 2 weken)";
  days = std::stoi(t.substr(0, n)) * (weeks ? 7 : 1);
  if (days < 1 || days > core::kMaxTalkEveryDays) {
    days = 0;
    return "must be 1 to " + std::to_string(core::kMaxTalkEveryDays) + " days, got " + quoted(text);
  }
  return {};
}

std::string hours(const std::string& text, int& minutes) {
  minutes = 0;
  if (text.empty()) return {};
  const std::string bad = "is not hours like 4:30 or 4,5: " + quoted(text);
  const auto sep = text.find_first_of(":,.");
  const std::string h = text.substr(0, sep), rest = sep == std::string::npos ? "" : text.substr(sep + 1);
  if (!all_digits(h) || h.size() > 3 || (sep != std::string::npos && (!all_digits(rest) || rest.size() > 2)))
    return bad;
  int m = std::stoi(h) * 60;
  if (!rest.empty() && text[sep] == ':') {
    if (rest.size() != 2 || std::stoi(rest) >= 60) return bad;
    m += std::stoi(rest);
  } else if (!rest.empty()) {  // a decimal fraction of an hour: 4,5 / 4,25 / 4.75
    const int hundredths = std::stoi(rest) * (rest.size() == 1 ? 10 : 1);
    if (hundredths * 60 % 100 != 0) return "must be in quarter hours (4,25 / 4:15), got " + quoted(text);
    m += hundredths * 60 / 100;
  }
  if (m % core::kAgreedMinutesStep != 0) return "must be in quarter hours (4,25 / 4:15), got " + quoted(text);
  if (m > core::kMaxAgreedMinutes)
    return "must be at most " + std::to_string(core::kMaxAgreedMinutes / 60) + " hours a week, got " + quoted(text);
  minutes = m;
  return {};
}

std::string yes_no(const std::string& text, bool& out) {
  const std::string t = lower(text);
  if (t == "ja" || t == "j" || t == "yes" || t == "y" || t == "1" || t == "true" || t == "x") out = true;
  else if (t.empty() || t == "nee" || t == "n" || t == "no" || t == "0" || t == "false") out = false;
  else return "must be ja or nee, got " + quoted(text);
  return {};
}

}  // namespace roster_field

// [SECTION] Rows

namespace {

struct Header {
  std::map<std::string, std::size_t> col;  // column name -> field index
  std::size_t fields = 0;
  std::set<std::string> names;
};

Header read_header(const Record& rec, std::vector<std::string>& errors) {
  Header h;
  h.fields = rec.fields.size();
  for (std::size_t i = 0; i < rec.fields.size(); ++i) {
    const std::string name = lower(trim(rec.fields[i]));
    if (std::find(kRosterColumns.begin(), kRosterColumns.end(), name) == kRosterColumns.end())
      errors.push_back("line 1: unknown column " + quoted(name) + " (docs/roster.md lists the columns)");
    else if (h.col.count(name)) errors.push_back("line 1: column \"" + name + "\" appears twice");
    h.col[name] = i;
    h.names.insert(name);
  }
  for (const char* need : {"id", "first_name", "last_name"})
    if (!h.col.count(need)) errors.push_back(std::string("line 1: the column \"") + need + "\" is missing");
  return h;
}

// The identity half of a row: id, names, card, PIN, language, mandatory, coach.
void read_person(const std::function<std::string(const char*)>& get, RosterRow& row,
                 const std::function<void(const std::string&)>& fail) {
  row.p.id = get("id");
  row.p.first_name = get("first_name");
  row.p.last_name = get("last_name");
  row.p.card_code = get("card_code");
  row.pin = get("pin");
  row.p.language = lower(get("language"));
  row.p.coach_id = get("coach_id");
  if (const std::string why = core::check::id(row.p.id, "id"); !why.empty())
    fail("id must be 1-64 characters without '/', got " + quoted(row.p.id));
  if (row.p.first_name.empty()) fail("first_name is empty");
  for (const auto& [field, value] : {std::pair{"first_name", &row.p.first_name}, {"last_name", &row.p.last_name}}) {
    if (!core::check::valid_utf8(*value)) fail(std::string(field) + " is not UTF-8 text (save the file as UTF-8)");
    else if (code_points(*value) > core::kMaxNameLength)
      fail(std::string(field) + " is " + std::to_string(code_points(*value)) + " characters long; at most " +
           std::to_string(core::kMaxNameLength));
  }
  if (row.p.card_code.size() > 64 || row.p.card_code.find_first_of(" \t") != std::string::npos)
    fail("card_code must be at most 64 characters without spaces");
  if (!row.pin.empty() && (row.pin.size() != 4 || !all_digits(row.pin))) fail("pin must be 4 digits");
  if (!row.p.language.empty() && !core::known_language(row.p.language))
    fail("language must be one of " + core::known_languages_text() + " or empty, got " + quoted(row.p.language));
  if (!row.p.coach_id.empty() && !core::check::id(row.p.coach_id, "coach_id").empty())
    fail("coach_id must be 1-64 characters without '/'");
  std::string mandatory = lower(get("mandatory"));
  if (mandatory == "verplicht") mandatory = "ja";
  if (mandatory == "vrijwillig") mandatory = "nee";
  if (const std::string why = roster_field::yes_no(mandatory, row.p.mandatory); !why.empty())
    fail("mandatory must be ja or nee, got " + quoted(mandatory));
}

// The agreements half: dates, dagdelen, rhythm, hours and the two consents.
void read_agreements(const std::function<std::string(const char*)>& get, RosterRow& row,
                     const std::function<void(const std::string&)>& fail) {
  core::Participant& p = row.p;
  auto field = [&](const char* name, const std::string& why) {
    if (!why.empty()) fail(std::string(name) + " " + why);
  };
  field("start_date", roster_field::date(get("start_date"), p.start_date));
  field("end_date", roster_field::date(get("end_date"), p.end_date));
  if (!p.start_date.empty() && !p.end_date.empty() && p.end_date < p.start_date)
    fail("end_date " + p.end_date + " is before start_date " + p.start_date);
  field("agreed_dagdelen", roster_field::dagdelen(get("agreed_dagdelen"), p.agreed_parts));
  field("talk_every", roster_field::talk_every(get("talk_every"), p.talk_every_days));
  field("agreed_hours", roster_field::hours(get("agreed_hours"), p.agreed_minutes_per_week));
  field("show_agreed_hours", roster_field::yes_no(get("show_agreed_hours"), p.show_agreed_hours));
  field("photo_consent", roster_field::yes_no(get("photo_consent"), p.photo_consent));
}

}  // namespace

RosterParse parse_roster_csv(const std::string& text) {
  RosterParse out;
  const std::string head = text.substr(0, text.find('\n'));
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
  const Header header = read_header(records[0], out.errors);
  if (!out.errors.empty()) return out;

  std::map<std::string, int> ids, cards;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& rec = records[r];
    const std::string at = "line " + std::to_string(rec.line) + ": ";
    if (rec.fields.size() != header.fields) {
      out.errors.push_back(at + "has " + std::to_string(rec.fields.size()) + " fields, the header has " +
                           std::to_string(header.fields) + " (a missing or extra \"" + std::string(1, sep) + "\"?)");
      continue;
    }
    auto get = [&](const char* name) {
      const auto it = header.col.find(name);
      return it == header.col.end() ? std::string() : trim(rec.fields[it->second]);
    };
    const std::size_t errors_before = out.errors.size();
    auto fail = [&](const std::string& why) { out.errors.push_back(at + why); };
    RosterRow row;
    row.line = rec.line;
    row.columns = header.names;
    read_person(get, row, fail);
    read_agreements(get, row, fail);
    if (!row.p.id.empty() && ids.count(row.p.id))
      fail("id " + row.p.id + " appears before on line " + std::to_string(ids[row.p.id]));
    if (!row.p.card_code.empty() && cards.count(row.p.card_code))
      fail("card_code " + row.p.card_code + " appears before on line " + std::to_string(cards[row.p.card_code]));
    ids.emplace(row.p.id, rec.line);
    if (!row.p.card_code.empty()) cards.emplace(row.p.card_code, rec.line);
    if (out.errors.size() == errors_before) out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace meedoen::server

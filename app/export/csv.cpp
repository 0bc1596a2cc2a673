// The CSV writer and reader (RFC 4180).
#include "export/csv.hpp"

#include <algorithm>

#include "core/overloaded.hpp"

namespace meedoen::exports {

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back('"');
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string csv_records(const std::vector<std::vector<std::string>>& rows) {
  std::size_t width = 0;
  for (const auto& r : rows) width = std::max(width, r.size());
  std::string out;
  for (const auto& r : rows) {
    for (std::size_t i = 0; i < width; ++i) {
      if (i > 0) out.push_back(',');
      if (i < r.size()) out += csv_field(r[i]);
    }
    out += "\r\n";
  }
  return out;
}

std::string to_csv(const Document& d) {
  std::vector<std::vector<std::string>> rows;
  rows.push_back({d.centre, d.title});
  rows.push_back({d.date, d.sender});
  for (const auto& [label, value] : d.facts) rows.push_back({label, value});
  for (const auto& b : d.blocks) {
    std::visit(core::Overloaded{
                   [&](const Heading& h) {
                     rows.push_back({});
                     rows.push_back({h.text});
                   },
                   [&](const Paragraph& p) { rows.push_back({p.text}); },
                   [&](const Table& t) {
                     rows.push_back(t.columns);
                     for (const auto& r : t.rows) rows.push_back(r);
                   },
                   [&](const BarChart& c) {
                     // A chart is its numbers in a spreadsheet: label and value, without the unit.
                     rows.push_back({});
                     rows.push_back({c.title});
                     for (std::size_t i = 0; i < c.labels.size() && i < c.values.size(); ++i) {
                       std::string v = std::to_string(c.values[i]);
                       v.erase(v.find_last_not_of('0') + 1);
                       if (!v.empty() && v.back() == '.') v.pop_back();
                       rows.push_back({c.labels[i], v});
                     }
                   },
               },
               b);
  }
  // Excel reads a CSV without a byte order mark in the PC's legacy code page (Windows-1252 in
  // the Netherlands) and shows "Ay≈üe" for "Ayşe"; with the BOM it reads UTF-8. LibreOffice and
  // Numbers accept the BOM too.
  return std::string(kUtf8Bom) + csv_records(rows);
}

std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    any = true;
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      any = false;
    } else {
      field.push_back(c);
    }
  }
  if (any) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace meedoen::exports

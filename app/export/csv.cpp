// The CSV writer and reader (RFC 4180, or ';' for a Dutch Excel).
#include "export/csv.hpp"

#include <algorithm>

#include "export/sheet.hpp"

namespace meedoen::exports {

CsvStyle csv_style(std::string_view locale) {
  const bool dutch = locale.size() >= 2 && (locale[0] == 'n' || locale[0] == 'N') &&
                     (locale[1] == 'l' || locale[1] == 'L') &&
                     (locale.size() == 2 || locale[2] == '-' || locale[2] == '_');
  return dutch ? CsvStyle{';', ','} : CsvStyle{};
}

std::string csv_field(std::string_view s, char separator) {
  const char special[] = {separator, '"', '\r', '\n', '\0'};
  if (s.find_first_of(special) == std::string_view::npos) return std::string(s);
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

std::string csv_records(const std::vector<std::vector<std::string>>& rows, char separator) {
  std::size_t width = 0;
  for (const auto& r : rows) width = std::max(width, r.size());
  std::string out;
  for (const auto& r : rows) {
    for (std::size_t i = 0; i < width; ++i) {
      if (i > 0) out.push_back(separator);
      if (i < r.size()) out += csv_field(r[i], separator);
    }
    out += "\r\n";
  }
  return out;
}

std::string csv_value(const Cell& c, CsvStyle style) {
  switch (c.kind) {
    case CellKind::Text: return c.text;
    case CellKind::Count: return std::to_string(c.value);
    case CellKind::Date: return c.iso;
    case CellKind::Minutes: {
      // Decimal hours to the hundredth, in whole numbers so 0.1 never becomes 0.0999: exact for the
      // kiosk's quarter hours (0.25, 0.5, 0.75); the xlsx keeps every minute.
      const long long m = c.value < 0 ? -c.value : c.value;
      const long long hundredths = (m * 100 + 30) / 60;
      const long long frac = hundredths % 100;
      return std::string(c.value < 0 ? "-" : "") + std::to_string(hundredths / 100) + style.decimal +
             (frac < 10 ? "0" : "") + std::to_string(frac);
    }
  }
  return c.text;
}

std::string to_csv(const Document& d, CsvStyle style) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : sheet_rows(d)) {
    std::vector<std::string>& out = rows.emplace_back();
    for (const auto& c : r.cells) out.push_back(csv_value(c, style));
  }
  // Excel reads a CSV without a byte order mark in the PC's legacy code page (Windows-1252 in
  // the Netherlands) and shows "Ay≈üe" for "Ayşe"; with the BOM it reads UTF-8. LibreOffice and
  // Numbers accept the BOM too. (No "sep=;" line: with it Excel ignores the BOM.)
  return std::string(kUtf8Bom) + csv_records(rows, style.separator);
}

std::vector<std::vector<std::string>> parse_csv(std::string_view text, char separator) {
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
    } else if (c == separator) {
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

// A report as a neutral document: a header (centre, title, date, sender), then headings,
// paragraphs, tables and bar charts, every word already translated. The ui layer builds it
// (ui/report_views.hpp); the CSV, xlsx and PDF writers only lay it out. Header-only and free of
// cairo, so builders need not link the writers.
//
// A figure is a typed Cell: its text is what a reader reads (the PDF, the screen: "106:45",
// "23 november 2026"), its kind and value what a spreadsheet sums (the CSV's decimal hours, the
// xlsx's time values and dates). Each output picks one form for every cell of a kind
// (docs/reports.md, "Hours and dates in each output").
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace meedoen::exports {

enum class CellKind : std::uint8_t {
  Text,
  Count,    // value: a whole number
  Minutes,  // value: a duration in minutes; text "h:mm"
  Date,     // iso: "2026-11-23"; text the translated date
};

struct Cell {
  std::string text;
  CellKind kind = CellKind::Text;
  long long value = 0;
  std::string iso;

  Cell() = default;
  Cell(std::string t) : text(std::move(t)) {}  // NOLINT: a plain text cell reads best as a string
  Cell(const char* t) : text(t) {}             // NOLINT
  static Cell count(long long n) { return {std::to_string(n), CellKind::Count, n, ""}; }
  static Cell minutes(long long m) { return {hhmm(m), CellKind::Minutes, m, ""}; }
  static Cell date(std::string iso_date, std::string shown) {
    return {std::move(shown), CellKind::Date, 0, std::move(iso_date)};
  }
  // 750 -> "12:30": hours and minutes, the one form a duration has on paper and on screen.
  static std::string hhmm(long long minutes) {
    const long long h = minutes / 60, m = (minutes < 0 ? -minutes : minutes) % 60;
    return std::to_string(h) + ":" + (m < 10 ? "0" : "") + std::to_string(m);
  }

 private:
  Cell(std::string t, CellKind k, long long v, std::string i)
      : text(std::move(t)), kind(k), value(v), iso(std::move(i)) {}
};

struct Heading {
  std::string text;
};
struct Paragraph {
  std::string text;
};
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
  std::vector<bool> numeric;    // per column: right-aligned figures (missing = text)
  bool last_row_total = false;  // drawn bold with a rule above it
};
// Bars of whole numbers (kind Count) or of durations (kind Minutes: values in minutes, shown as
// h:mm). A chart's bars add up to a figure in the table beside it.
struct BarChart {
  std::string title;
  std::vector<std::string> labels;
  std::vector<long long> values;
  CellKind kind = CellKind::Count;
};
using Block = std::variant<Heading, Paragraph, Table, BarChart>;

struct Document {
  std::string centre;                                      // "De Cirkel"
  std::string title;                                       // "Maandoverzicht november 2026"
  std::string date;                                        // the report's date, "23 november 2026"
  std::string sender;                                      // "Marloes Kuipers, De Cirkel"
  std::vector<std::pair<std::string, std::string>> facts;  // label, value: period, scope, ...
  std::vector<Block> blocks;
  std::string page_label = "Pagina {n} van {total}";  // translated; {n} and {total}
};

}  // namespace meedoen::exports

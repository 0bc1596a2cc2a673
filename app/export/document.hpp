// A report as a neutral document: a header (centre, title, date, sender), then headings,
// paragraphs, tables and bar charts, every word already translated. The ui layer builds it
// (ui/report_views.hpp); the CSV and PDF writers only lay it out. Header-only and free of
// cairo, so builders need not link the writers.
#pragma once
#include <string>
#include <variant>
#include <vector>

namespace meedoen::exports {

struct Heading {
  std::string text;
};
struct Paragraph {
  std::string text;
};
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> numeric;    // per column: right-aligned figures (missing = text)
  bool last_row_total = false;  // drawn bold with a rule above it
};
struct BarChart {
  std::string title;
  std::vector<std::string> labels;
  std::vector<double> values;
  std::string unit;  // shown after each value, e.g. "u"
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

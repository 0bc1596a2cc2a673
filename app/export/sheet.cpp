// The rows a spreadsheet gets from a Document.
#include "export/sheet.hpp"

#include "core/overloaded.hpp"

namespace meedoen::exports {

std::vector<SheetRow> sheet_rows(const Document& d) {
  std::vector<SheetRow> rows;
  rows.push_back({RowRole::Title, {d.centre, d.title}});
  rows.push_back({RowRole::Fact, {d.date, d.sender}});
  for (const auto& [label, value] : d.facts) rows.push_back({RowRole::Fact, {label, value}});
  for (const auto& b : d.blocks) {
    std::visit(core::Overloaded{
                   [&](const Heading& h) {
                     rows.push_back({RowRole::Blank, {}});
                     rows.push_back({RowRole::Heading, {h.text}});
                   },
                   [&](const Paragraph& p) {
                     rows.push_back({RowRole::Text, {p.text}});
                   },
                   [&](const Table& t) {
                     rows.push_back({RowRole::Columns, {t.columns.begin(), t.columns.end()}});
                     for (std::size_t i = 0; i < t.rows.size(); ++i)
                       rows.push_back(
                           {t.last_row_total && i + 1 == t.rows.size() ? RowRole::Total : RowRole::Body, t.rows[i]});
                   },
                   [&](const BarChart& c) {
                     // A chart is its numbers in a spreadsheet: a label and a typed value per bar.
                     rows.push_back({RowRole::Blank, {}});
                     rows.push_back({RowRole::Heading, {c.title}});
                     for (std::size_t i = 0; i < c.labels.size() && i < c.values.size(); ++i)
                       rows.push_back({RowRole::Body,
                                       {c.labels[i], c.kind == CellKind::Minutes ? Cell::minutes(c.values[i])
                                                                                 : Cell::count(c.values[i])}});
                   },
               },
               b);
  }
  return rows;
}

}  // namespace meedoen::exports

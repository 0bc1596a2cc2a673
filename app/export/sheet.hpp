// A Document as the rows of a spreadsheet, in one place for both spreadsheet outputs (the CSV and
// the xlsx): the header facts, then each heading, table and chart under the other, every figure a
// typed Cell. The CSV writes each row as a record; the xlsx writes the same rows as typed cells
// with a style per role.
#pragma once
#include <cstdint>
#include <vector>

#include "export/document.hpp"

namespace meedoen::exports {

enum class RowRole : std::uint8_t {
  Title,    // centre and title
  Fact,     // a label and its value (the sender, the date, the period)
  Blank,    // space between blocks
  Heading,  // a heading, a chart's title
  Columns,  // a table's column heads
  Body,     // a table's row, a chart's bar
  Total,    // a table's last row when it is the total
  Text,     // a paragraph
};

struct SheetRow {
  RowRole role = RowRole::Body;
  std::vector<Cell> cells;
};

std::vector<SheetRow> sheet_rows(const Document& d);

}  // namespace meedoen::exports

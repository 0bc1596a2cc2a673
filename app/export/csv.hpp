// CSV: the text a spreadsheet opens. One cell grid per document (export/sheet): its header facts,
// then each table and chart under its heading, padded to one width (RFC 4180 wants every record
// to have the same number of fields). The separator and the decimal mark follow the centre's
// locale: Excel splits a CSV at the list separator of the PC's regional settings, which is ';'
// (with a decimal comma) in Dutch, ',' in English; with the wrong one every line lands in column A.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "export/document.hpp"

namespace meedoen::exports {

struct CsvStyle {
  char separator = ',';  // RFC 4180
  char decimal = '.';
};
// The style Excel expects on a PC with this locale ("nl", "nl-NL", "nl_BE.UTF-8": ';' and a decimal
// comma; anything else, "" included: RFC 4180's ',' and a decimal point).
CsvStyle csv_style(std::string_view locale);

// One field: quoted when it holds the separator, a quote, CR or LF (quotes doubled), else as is.
std::string csv_field(std::string_view s, char separator = ',');
// Records joined by CRLF (also after the last one); rows shorter than the widest are padded.
std::string csv_records(const std::vector<std::vector<std::string>>& rows, char separator = ',');
// A cell as the CSV writes it: a count as a whole number, a duration as decimal hours with two
// decimals (44.25, "44,25" in Dutch: a spreadsheet sums them), a date as ISO 2026-11-23 (Excel reads
// it as a date in every locale), text as is.
std::string csv_value(const Cell& c, CsvStyle style);
// The whole file: a UTF-8 byte order mark, then the records of the document.
std::string to_csv(const Document& d, CsvStyle style = {});
// Reads CSV text back into records (for tests and imports): the inverse of csv_records.
std::vector<std::vector<std::string>> parse_csv(std::string_view text, char separator = ',');
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace meedoen::exports

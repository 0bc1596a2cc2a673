// RFC 4180 CSV: the text a spreadsheet opens. One cell grid per document: its header facts,
// then each table and chart under its heading, padded to one width (RFC 4180 wants every record
// to have the same number of fields).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "export/document.hpp"

namespace meedoen::exports {

// One field: quoted when it holds a comma, a quote, CR or LF (quotes doubled), else as is.
std::string csv_field(std::string_view s);
// Records joined by CRLF (also after the last one); rows shorter than the widest are padded.
std::string csv_records(const std::vector<std::vector<std::string>>& rows);
// The whole file: a UTF-8 byte order mark, then the records of the document.
std::string to_csv(const Document& d);
// Reads CSV text back into records (for tests and imports): the inverse of csv_records.
std::vector<std::vector<std::string>> parse_csv(std::string_view text);
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

}  // namespace meedoen::exports

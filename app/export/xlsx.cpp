// Writing a Document as an xlsx workbook with libxlsxwriter. The library writes to a file, so the
// workbook goes to a private temporary file that is read back and removed.
#include "export/xlsx.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/time.hpp"
#include "export/files.hpp"
#include "export/pdf.hpp"
#include "export/sheet.hpp"

namespace meedoen::exports {

namespace {

constexpr std::size_t kMaxCell = 32'767;  // Excel's longest text in a cell, in characters
constexpr double kMinutesPerDay = 24 * 60;

// Valid UTF-8 without control characters (as the PDF), at most Excel's cell length.
std::string cell_text(const std::string& s) {
  std::string t = clean_utf8(s);
  if (t.size() > kMaxCell) {
    t.resize(kMaxCell);
    while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80) t.pop_back();
    if (!t.empty() && static_cast<unsigned char>(t.back()) >= 0xC0) t.pop_back();
  }
  return t;
}

std::size_t letters(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// A sheet's name: at most 31 characters, none of []:*?/\ (Excel's rules), whole letters.
std::string sheet_name(const std::string& title) {
  std::string out;
  for (std::size_t i = 0; i < title.size();) {
    const unsigned char c = static_cast<unsigned char>(title[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    const std::string letter = title.substr(i, n);
    i += n;
    if (std::string_view("[]:*?/\\'").find(letter[0]) != std::string_view::npos && n == 1) continue;
    if (letters(out) >= 31) break;
    out += letter;
  }
  return out.empty() ? "Rapport" : out;
}

class Workbook {
 public:
  explicit Workbook(const std::string& path) : m_wb(workbook_new(path.c_str())) {
    if (!m_wb) throw ExportError("cannot make the Excel file");
    m_bold = format(true);
    m_title = format(true);
    format_set_font_size(m_title, 14);
    m_heading = format(true);
    format_set_font_size(m_heading, 12);
    m_head = format(true);
    format_set_text_wrap(m_head);
    format_set_align(m_head, LXW_ALIGN_VERTICAL_TOP);
    format_set_bottom(m_head, LXW_BORDER_THIN);
    for (bool total : {false, true}) {
      lxw_format* dur = format(total);
      format_set_num_format(dur, "[h]:mm");  // past 24 hours: 106:45, not 10:45
      lxw_format* date = format(total);
      format_set_num_format_index(date, 14);  // the reader's own short date (d-m-yyyy in Dutch)
      lxw_format* text = format(total);
      if (total)
        for (lxw_format* f : {dur, date, text}) format_set_top(f, LXW_BORDER_THIN);
      m_duration[total] = dur;
      m_date[total] = date;
      m_text[total] = text;
    }
  }
  ~Workbook() {
    if (m_wb) workbook_close(m_wb);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  void write(const Document& d) {
    lxw_doc_properties props{};
    const std::string title = cell_text(d.title), author = cell_text(d.sender);
    props.title = const_cast<char*>(title.c_str());
    props.author = const_cast<char*>(author.c_str());
    props.company = const_cast<char*>("Meedoen");
    workbook_set_properties(m_wb, &props);
    lxw_worksheet* ws = workbook_add_worksheet(m_wb, sheet_name(title).c_str());
    if (!ws) throw ExportError("cannot make the Excel sheet");
    std::vector<double> widths;
    lxw_row_t row = 0;
    for (const SheetRow& r : sheet_rows(d)) {
      for (std::size_t i = 0; i < r.cells.size(); ++i) {
        cell(ws, row, static_cast<lxw_col_t>(i), r.cells[i], r.role, i);
        // Widths from the tables' cells (a paragraph or title may run on over empty cells).
        if (r.role == RowRole::Body || r.role == RowRole::Total || r.role == RowRole::Fact) {
          if (widths.size() <= i) widths.resize(i + 1, 8);
          widths[i] = std::min(60.0, std::max(widths[i], 1.1 * static_cast<double>(letters(r.cells[i].text)) + 2));
        }
      }
      ++row;
    }
    for (std::size_t i = 0; i < widths.size(); ++i)
      worksheet_set_column(ws, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), widths[i], nullptr);
  }

  void close() {
    const lxw_error e = workbook_close(m_wb);
    m_wb = nullptr;
    if (e != LXW_NO_ERROR) throw ExportError(std::string("cannot write the Excel file: ") + lxw_strerror(e));
  }

 private:
  lxw_format* format(bool bold) {
    lxw_format* f = workbook_add_format(m_wb);
    if (bold) format_set_bold(f);
    return f;
  }

  void cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const Cell& c, RowRole role, std::size_t i) {
    const bool total = role == RowRole::Total;
    switch (c.kind) {
      case CellKind::Count: worksheet_write_number(ws, row, col, static_cast<double>(c.value), m_text[total]); return;
      case CellKind::Minutes:
        worksheet_write_number(ws, row, col, static_cast<double>(c.value) / kMinutesPerDay, m_duration[total]);
        return;
      case CellKind::Date: {
        int y = 0, m = 0, d = 0;
        if (core::parse_date_iso(c.iso, y, m, d)) {
          lxw_datetime dt{y, m, d, 0, 0, 0};
          worksheet_write_datetime(ws, row, col, &dt, m_date[total]);
          return;
        }
        break;
      }
      case CellKind::Text: break;
    }
    lxw_format* f = m_text[total];
    if (role == RowRole::Title) f = m_title;
    if (role == RowRole::Heading) f = m_heading;
    if (role == RowRole::Columns) f = m_head;
    if (role == RowRole::Fact && i == 0) f = m_bold;
    const std::string t = cell_text(c.text);
    if (!t.empty()) worksheet_write_string(ws, row, col, t.c_str(), f);
  }

  lxw_workbook* m_wb;
  lxw_format *m_bold, *m_title, *m_heading, *m_head;
  std::array<lxw_format*, 2> m_duration{}, m_date{}, m_text{};  // [plain, total]
};

}  // namespace

std::string to_xlsx(const Document& d) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "meedoen-xlsx-XXXXXX").string();
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) throw ExportError("cannot make a temporary file for the Excel file");
  ::close(fd);
  struct Remove {
    std::string path;
    ~Remove() { std::filesystem::remove(path); }
  } remove{tmpl};
  {
    Workbook wb(tmpl);
    wb.write(d);
    wb.close();
  }
  std::ifstream in(tmpl, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw ExportError("cannot read the Excel file back");
  return bytes.str();
}

}  // namespace meedoen::exports

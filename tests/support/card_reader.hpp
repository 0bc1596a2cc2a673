// Reading printed participant cards back as a scanner would: each card's place on each page
// rendered to PNG (pdftoppm, poppler-utils) at a given resolution and held to a real reader
// (zbarimg, zbar-tools), one card at a time as at the kiosk (zbar misses codes when a whole page
// of them lines up in one image); and the PDF's text (pdftotext) to check what else is on it.
#pragma once
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "export/cards.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace meedoen::test {

inline int pdf_pages(const TempDir& dir, const std::string& pdf) {
  const RunResult r = run("pdfinfo " + sh_quote(pdf) + " | sed -n 's/^Pages: *//p'", dir);
  return r.exit_code == 0 && !r.out.empty() ? std::stoi(r.out) : -1;
}

// What zbarimg reads on one card's place (page from 1, cell 0..9 row by row): its codes.
inline std::vector<std::string> decode_card(const TempDir& dir, const std::string& pdf, int page, int cell, int dpi) {
  namespace x = meedoen::exports;
  const double px = dpi / 25.4;
  const double left = x::kGridLeftMm + (cell % x::kCardColumns) * x::kCardWidthMm;
  const double top = x::kGridTopMm + (cell / x::kCardColumns) * x::kCardHeightMm;
  const std::string png = dir / ("card-" + std::to_string(dpi));
  const RunResult r =
      run("pdftoppm -singlefile -gray -png -r " + std::to_string(dpi) + " -f " + std::to_string(page) + " -l " +
              std::to_string(page) + " -x " + std::to_string(std::lround(left * px)) + " -y " +
              std::to_string(std::lround(top * px)) + " -W " + std::to_string(std::lround(x::kCardWidthMm * px)) +
              " -H " + std::to_string(std::lround(x::kCardHeightMm * px)) + " " + sh_quote(pdf) + " " + sh_quote(png),
          dir);
  if (r.exit_code != 0) throw std::runtime_error("pdftoppm failed: " + r.err);
  // --raw: one decoded code a line; exit 4 means "no code here".
  const RunResult z = run("zbarimg --raw -q -Sdisable -Sqrcode.enable " + sh_quote(png + ".png"), dir);
  if (z.exit_code != 0 && z.exit_code != 4) throw std::runtime_error("zbarimg failed: " + z.err);
  std::vector<std::string> codes;
  std::istringstream lines(z.out);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) codes.push_back(line);
  return codes;
}

// Every code read on every card's place of every page, sorted; dpi 150 is a print held to a
// webcam. An empty place reads nothing, a card exactly one code (else the result shows it twice).
inline std::vector<std::string> decode_cards(const TempDir& dir, const std::string& pdf, int dpi = 150) {
  std::vector<std::string> codes;
  const int pages = pdf_pages(dir, pdf);
  for (int page = 1; page <= pages; ++page)
    for (int cell = 0; cell < exports::kCardColumns * exports::kCardRows; ++cell)
      for (auto& c : decode_card(dir, pdf, page, cell, dpi)) codes.push_back(std::move(c));
  std::sort(codes.begin(), codes.end());
  return codes;
}

inline std::string pdf_text(const TempDir& dir, const std::string& pdf) {
  const RunResult r = run("pdftotext -layout " + sh_quote(pdf) + " -", dir);
  if (r.exit_code != 0) throw std::runtime_error("pdftotext failed: " + r.err);
  return r.out;
}

}  // namespace meedoen::test

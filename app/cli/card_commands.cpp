// Choosing whose cards to print, in what order, and saying who was left out and why; the layout
// itself is export/cards.
#include "cli/card_commands.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "export/cards.hpp"
#include "export/files.hpp"

namespace meedoen::cli {

namespace {

std::string centre_name(const server::ServerStore& store, const std::string& centre) {
  for (const auto& [id, name] : store.centres())
    if (id == centre) return name;
  throw server::UsageError("there is no centre \"" + centre + "\"");
}

// Letters compared without case, so "anouk" sorts with "Anouk" (accented letters by their bytes).
std::string sort_key(const std::string& s) {
  std::string k = s;
  for (char& c : k)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return k;
}

// The participants asked for (all when none was named), each named one checked to be there.
std::vector<core::Participant> chosen(const server::ServerStore& store, const PrintCardsCommand& c) {
  std::vector<core::Participant> all = store.participants(c.centre, true);
  if (c.participants.empty()) return all;
  std::vector<core::Participant> out;
  std::set<std::string> seen;
  for (const auto& id : c.participants) {
    if (!seen.insert(id).second) continue;
    const auto it = std::find_if(all.begin(), all.end(), [&](const core::Participant& p) { return p.id == id; });
    if (it == all.end())
      throw server::UsageError("--participant " + id + ": no active participant with that id in centre " + c.centre);
    out.push_back(*it);
  }
  return out;
}

void assign_missing(server::ServerStore& store, const std::string& centre, std::vector<core::Participant>& ps) {
  std::vector<std::string> ids;
  for (const auto& p : ps)
    if (p.card_code.empty()) ids.push_back(p.id);
  if (ids.empty()) return;
  const auto given = store.assign_card_codes(centre, ids);
  for (auto& p : ps)
    for (const auto& [id, code] : given)
      if (p.id == id) p.card_code = code;
  std::printf("gave %zu participant%s a new card code (kiosks get it on their next pull):\n", given.size(),
              given.size() == 1 ? "" : "s");
  for (const auto& [id, code] : given) std::printf("  %s\n", id.c_str());
}

}  // namespace

int print_cards(server::ServerStore& store, const PrintCardsCommand& c) {
  if (c.out.empty()) throw server::UsageError("--out: the PDF file to write");
  exports::CardSheet sheet;
  sheet.centre = centre_name(store, c.centre);
  std::vector<core::Participant> ps = chosen(store, c);
  if (c.assign_missing) assign_missing(store, c.centre, ps);
  std::stable_sort(ps.begin(), ps.end(), [](const core::Participant& a, const core::Participant& b) {
    return std::make_pair(sort_key(a.first_name), a.id) < std::make_pair(sort_key(b.first_name), b.id);
  });
  std::vector<std::string> skipped;
  for (const auto& p : ps) {
    if (const std::string why = exports::card_code_problem(p.card_code); !why.empty()) {
      skipped.push_back(p.id + " " + p.first_name + " " + p.last_name + ": " + why);
      continue;
    }
    sheet.cards.push_back({p.first_name, p.card_code});
  }
  if (!sheet.cards.empty()) {
    exports::write_file_atomic(c.out, exports::to_cards_pdf(sheet));
    const std::size_t pages = (sheet.cards.size() + exports::kCardColumns * exports::kCardRows - 1) /
                              (exports::kCardColumns * exports::kCardRows);
    std::printf("printed %zu card%s of %s to %s (%zu page%s)\n", sheet.cards.size(), sheet.cards.size() == 1 ? "" : "s",
                sheet.centre.c_str(), c.out.c_str(), pages, pages == 1 ? "" : "s");
  }
  if (!skipped.empty()) {
    std::printf("skipped %zu participant%s (card codes come from the roster; --assign-missing gives new ones):\n",
                skipped.size(), skipped.size() == 1 ? "" : "s");
    for (const auto& s : skipped) std::printf("  %s\n", s.c_str());
  }
  if (sheet.cards.empty()) {
    std::fprintf(stderr, "meedoen-server: no card to print for centre %s; nothing written\n", c.centre.c_str());
    return 1;
  }
  return 0;
}

}  // namespace meedoen::cli

// meedoen-server print-cards: a centre's participant cards as one A4 PDF to print (export/cards),
// optionally giving a new card code to whoever has none. Its own file, beside server_commands,
// because it alone of the server's commands writes a PDF.
#pragma once
#include <string>
#include <vector>

#include "server/server_store.hpp"

namespace meedoen::cli {

struct PrintCardsCommand {
  std::string centre, out;                // --centre C --out FILE.pdf
  std::vector<std::string> participants;  // --participant ID ... ("" = every active participant)
  bool assign_missing = false;            // --assign-missing: a new code for whoever has none
};
// The centre's active participants with a card code, sorted by first name; says how many were
// printed and who was skipped and why. Exit 0 when a PDF was written, 1 when nobody had a card to
// print (nothing written); an unknown centre or participant is a usage error (2).
int print_cards(server::ServerStore& store, const PrintCardsCommand& c);

}  // namespace meedoen::cli

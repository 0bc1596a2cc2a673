// meedoen-server print-cards: a centre's cards as one PDF, read back with a real QR reader
// (zbarimg): exactly the active participants with a card code, sorted by first name, no last
// names in the text, who was skipped named; --assign-missing gives new codes that a kiosk pulls
// and finds the participant by.
#include <catch2/catch.hpp>

#include <regex>

#include "support/card_reader.hpp"
#include "support/sync_fixture.hpp"

using namespace meedoen;
using namespace meedoen::test;

namespace {

const char* const kHeader = "id,first_name,last_name,card_code,pin,language,mandatory,coach_id\n";

// Centre c1 with four participants on the roster (Bram without a card) and Piet, who left.
void roster(ServerProcess& server, const TempDir& dir) {
  server.admin("create-centre --id c1 --name 'Buurtcentrum De Brug'");
  server.admin("import-roster --centre c1 " +
               dir.write("first.csv", std::string(kHeader) + "p1,Zeynep,Kaya,KAYA0001,1234,nl,ja,\n"
                                                             "p2,anouk,Jansen,JANS0002,,,nee,\n"
                                                             "p3,Bram,Bosschaert,,,,nee,\n"
                                                             "p4,Ali,Öztürk,OZTU0004,,,ja,\n"
                                                             "p5,Piet,Vermeulen,VERM0005,,,nee,\n"));
  server.admin("import-roster --centre c1 " +
               dir.write("second.csv", std::string(kHeader) + "p1,Zeynep,Kaya,KAYA0001,1234,nl,ja,\n"
                                                              "p2,anouk,Jansen,JANS0002,,,nee,\n"
                                                              "p3,Bram,Bosschaert,,,,nee,\n"
                                                              "p4,Ali,Öztürk,OZTU0004,,,ja,\n"));
}

}  // namespace

TEST_CASE("server: print-cards prints the active participants with a card code, sorted by first name",
          "[server][cards]") {
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "", store);
  roster(server, dir);
  const std::string pdf = dir / "cards.pdf";
  const RunResult r = server.admin_result("print-cards --centre c1 --out " + sh_quote(pdf));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("printed 3 cards of Buurtcentrum De Brug to " + pdf + " (1 page)") != std::string::npos);
  CHECK(r.out.find("skipped 1 participant") != std::string::npos);
  CHECK(r.out.find("p3 Bram Bosschaert: no card code") != std::string::npos);
  CHECK(r.out.find("Piet") == std::string::npos);  // left: no card, and not listed either

  // Every code on the sheet, read by a real reader, is one of theirs: Ali, anouk, Zeynep in that order.
  CHECK(decode_cards(dir, pdf) == std::vector<std::string>{"JANS0002", "KAYA0001", "OZTU0004"});
  CHECK(decode_card(dir, pdf, 1, 0, 150) == std::vector<std::string>{"OZTU0004"});
  CHECK(decode_card(dir, pdf, 1, 1, 150) == std::vector<std::string>{"JANS0002"});
  CHECK(decode_card(dir, pdf, 1, 2, 150) == std::vector<std::string>{"KAYA0001"});
  // First names and the centre, and no last name, id or card code as text.
  const std::string text = pdf_text(dir, pdf);
  for (const char* shown : {"Ali", "anouk", "Zeynep", "Buurtcentrum De Brug"})
    CHECK(text.find(shown) != std::string::npos);
  for (const char* hidden : {"Kaya", "Jansen", "Bosschaert", "Öztürk", "Vermeulen", "p1", "KAYA0001", "Bram"})
    CHECK(text.find(hidden) == std::string::npos);

  SECTION("only the participants asked for") {
    const std::string two = dir / "two.pdf";
    CHECK(server.admin("print-cards --centre c1 --out " + sh_quote(two) + " --participant p4 --participant p1")
              .find("printed 2 cards") != std::string::npos);
    CHECK(decode_cards(dir, two) == std::vector<std::string>{"KAYA0001", "OZTU0004"});
  }
  SECTION("an unknown centre, a participant not (or no longer) there: refused, nothing written") {
    const std::string none = dir / "none.pdf";
    RunResult bad = server.admin_result("print-cards --centre nowhere --out " + sh_quote(none));
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("no centre \"nowhere\"") != std::string::npos);
    bad = server.admin_result("print-cards --centre c1 --out " + sh_quote(none) + " --participant p5");
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("--participant p5: no active participant") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(none));
  }
  SECTION("nobody with a card code: exit 1, no file") {
    const std::string none = dir / "none.pdf";
    const RunResult bad = server.admin_result("print-cards --centre c1 --out " + sh_quote(none) + " --participant p3");
    CHECK(bad.exit_code == 1);
    CHECK(bad.err.find("no card to print") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(none));
  }
  SECTION("a folder that does not exist: a message, not a crash") {
    const RunResult bad = server.admin_result("print-cards --centre c1 --out " + sh_quote(dir / "missing/x.pdf"));
    CHECK(bad.exit_code == 3);
    CHECK(bad.err.find("cannot write") != std::string::npos);
  }
}

TEST_CASE("server: print-cards --assign-missing gives a new code that the kiosk pulls and knows", "[server][cards]") {
  TempDir dir;
  const Store store = GENERATE(Store::Sqlite, Store::Postgres);
  INFO("store: " << store_name(store));
  ServerProcess server(dir, "", store);
  roster(server, dir);
  const std::int64_t rev_before = server_count(server, "SELECT rev FROM participants WHERE id = 'p3'");
  const std::string pdf = dir / "cards.pdf";
  const std::string out = server.admin("print-cards --centre c1 --out " + sh_quote(pdf) + " --assign-missing");
  CHECK(out.find("gave 1 participant a new card code") != std::string::npos);
  CHECK(out.find("printed 4 cards") != std::string::npos);
  CHECK(out.find("skipped") == std::string::npos);
  CHECK(server_count(server, "SELECT rev FROM participants WHERE id = 'p3'") > rev_before);
  CHECK(server_count(server, "SELECT COUNT(*) FROM participants WHERE id = 'p5' AND card_code IS NULL") == 1);

  // Bram's card is the third (Ali, anouk, Bram, Zeynep): a code of unambiguous characters.
  const std::vector<std::string> bram = decode_card(dir, pdf, 1, 2, 150);
  REQUIRE(bram.size() == 1);
  CHECK(std::regex_match(bram[0], std::regex("[BCDEFGHJKNPRSTUVX2-9]{8}")));
  CHECK(decode_cards(dir, pdf).size() == 4);

  // A kiosk of the centre pulls it, and the scanned code finds Bram.
  server.start();
  TestKiosk k(dir, "kiosk", server.url(), server.enrol_code("c1"));
  REQUIRE(k.sync_until_ok() > 0);
  const core::Roster pulled = k.store().load_roster();
  const core::Participant* p = pulled.find_by_card(bram[0]);
  REQUIRE(p != nullptr);
  CHECK(p->id == "p3");
  CHECK(p->first_name == "Bram");

  // Again: nobody is without a code now, and Bram keeps his.
  const std::string again = server.admin("print-cards --centre c1 --out " + sh_quote(pdf) + " --assign-missing");
  CHECK(again.find("gave") == std::string::npos);
  CHECK(decode_card(dir, pdf, 1, 2, 150) == bram);
}

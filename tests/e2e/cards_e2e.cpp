// End-to-end: a coach prints a participant's card from the participant page (the real kiosk
// under Xvfb), a real reader (zbarimg) decodes the printed QR code, and that code, typed into the
// kiosk's window as a USB card scanner does (xdotool: the keys, then Enter), checks the
// participant in. And a participant without a card code gets a page that says why, no card.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "support/card_reader.hpp"
#include "support/demo_replay.hpp"
#include "support/headless.hpp"
#include "support/process.hpp"

using meedoen::test::headless;
using meedoen::test::run;
using meedoen::test::RunResult;
using meedoen::test::sh_quote;
using meedoen::test::TempDir;

namespace {

const std::string kKiosk = MEEDOEN_KIOSK_BIN;
const std::string kClock = "2026-11-23T09:42";
// Ahmed Al-Khatib of the demo centre: demo-p-0019, card DEMO0019. His page opens on the ladder; the
// card's row is a page further down (one tap on the arrow, and a moment for the list to ease there).
const std::string kOpenAhmed = R"(
)" + meedoen::test::kDemoCoachSignsIn +
                               R"(
tap "Deelnemers"
tap "Iedereen"
tap "Ahmed Al-Khatib"
expect "Deelnemerskaart"
tap "person:down"
wait 1s
)";

// The exports land in $XDG_DATA_HOME/meedoen/exports: the test's own folder.
RunResult replay(const TempDir& dir, const std::string& script, const std::string& size = "1280x800") {
  meedoen::test::write_file(dir / "script.replay", script);
  return run("XDG_DATA_HOME=" + sh_quote(dir.path().string()) + " " + headless(size) + sh_quote(kKiosk) +
                 " --demo --db " + sh_quote(dir / "kiosk.db") + " --size " + size + " --clock " + kClock +
                 " --replay " + sh_quote(dir / "script.replay"),
             dir);
}

std::vector<nlohmann::json> session_events(const TempDir& dir) {
  const RunResult r =
      run("TZ=Europe/Amsterdam " + sh_quote(kKiosk) + " --db " + sh_quote(dir / "kiosk.db") + " --print-journal", dir);
  REQUIRE(r.exit_code == 0);
  std::vector<nlohmann::json> events;
  std::size_t pos = 0;
  while (pos < r.out.size()) {
    const std::size_t end = r.out.find('\n', pos);
    auto e = nlohmann::json::parse(r.out.substr(pos, end - pos));
    if (e.at("time").get<std::string>() >= kClock) events.push_back(std::move(e));
    pos = end == std::string::npos ? r.out.size() : end + 1;
  }
  return events;
}

}  // namespace

TEST_CASE("kiosk: a coach prints a card, a reader decodes it, and the scanned code checks in", "[e2e][cards]") {
  TempDir dir;
  const std::string pdf = (dir.path() / "meedoen" / "exports" / "kaart-demo-p-0019.pdf").string();
  RunResult r = replay(dir, std::string(kOpenAhmed) + R"(
tap "Kaart afdrukken"
expect "kaart-demo-p-0019.pdf"
screenshot )" + dir.file("page.png") +
                                "\n");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(std::filesystem::exists(pdf));

  // One card, and the reader finds exactly Ahmed's code on it; as text only his first name and the centre.
  const std::vector<std::string> codes = meedoen::test::decode_cards(dir, pdf);
  REQUIRE(codes == std::vector<std::string>{"DEMO0019"});
  const std::string text = meedoen::test::pdf_text(dir, pdf);
  CHECK(text.find("Ahmed") != std::string::npos);
  CHECK(text.find("De Cirkel (demo)") != std::string::npos);
  CHECK(text.find("Al-Khatib") == std::string::npos);
  CHECK(text.find("demo-p-0019") == std::string::npos);

  // The decoded code, typed into the window key by key and Enter as a USB scanner does (xdotool,
  // as in kiosk_e2e), identifies Ahmed: one tap checks him in (in English, his roster language).
  meedoen::test::write_file(dir / "scan.replay",
                            "wait 3s\nexpect \"Ahmed\"\nexpect-not \"Al-Khatib\"\ntap \"Check in\"\n"
                            "expect \"You are checked in\"\n");
  const std::string inner = sh_quote(kKiosk) + " --db " + sh_quote(dir / "kiosk.db") + " --clock " + kClock +
                            " --replay " + sh_quote(dir / "scan.replay") + " & pid=$!; sleep 1.5; " +
                            "xdotool search --sync --name Meedoen windowactivate --sync >/dev/null 2>&1; " +
                            "xdotool type --delay 20 " + sh_quote(codes[0]) + "; xdotool key Return; wait $pid; " +
                            "echo status=$?";
  r = run(headless() + "sh -c " + sh_quote(inner), dir);
  INFO(r.err);
  REQUIRE(r.out.find("status=0") != std::string::npos);
  const auto events = session_events(dir);
  REQUIRE(events.size() == 1);
  CHECK(events[0]["type"] == "check_in");
  CHECK(events[0]["participant"] == "demo-p-0019");
}

TEST_CASE("kiosk: without a card code the page says why and prints nothing", "[e2e][cards]") {
  TempDir dir;
  // The demo centre first, then Ahmed's card code taken off the roster. The button is there but
  // disabled: the replay refuses to tap it ("on screen but cannot be tapped now").
  REQUIRE(replay(dir, "expect \"Start\"\n").exit_code == 0);
  const RunResult q = run("sqlite3 " + sh_quote(dir / "kiosk.db") +
                              " \"UPDATE participants SET card_code = NULL WHERE id = 'demo-p-0019'\"",
                          dir);
  REQUIRE(q.exit_code == 0);
  for (const std::string size : {"1280x800", "1024x600"}) {
    const RunResult r = replay(dir,
                               std::string(kOpenAhmed) + R"(
expect "Geen kaartcode"
expect "De kaartcode komt uit de deelnemerslijst op de server."
expect-not "Kaart afdrukken"
screenshot )" + dir.file("no-card-" + size + ".png") +
                                   "\n",
                               size);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(std::filesystem::exists(dir / ("no-card-" + size + ".png")));
  }
  CHECK_FALSE(std::filesystem::exists(dir.path() / "meedoen" / "exports" / "kaart-demo-p-0019.pdf"));
}

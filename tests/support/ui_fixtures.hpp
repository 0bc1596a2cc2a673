// Shared pieces of the UI tests: a small centre (roster with diacritics, a weekly programme),
// the real translations from assets/i18n, and a headless ImGui context that draws the real
// screens for a few frames and can tap a target like a finger does.
#pragma once
#include <imgui.h>

#include <memory>
#include <string>
#include <vector>

#include "core/state.hpp"
#include "support/fake_clock.hpp"
#include "support/people.hpp"
#include "ui/i18n.hpp"
#include "ui/screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/view_models.hpp"
#include "ui/widgets/widgets.hpp"

namespace meedoen::test {

inline std::string assets_dir() { return MEEDOEN_ASSETS_DIR; }

// Nine people; seven of them have a name part starting with "a", so "a" fills all six tiles.
inline std::vector<core::Participant> people() {
  return {
      person("p-ayse", "Ayşe", "Yılmaz", "C001", "en"),  person("p-ruud", "Ruud", "van den Berg", "C002"),
      person("p-fatima", "Fatima", "El Amrani", "C003"), person("p-anouk", "Anouk", "Bakker", "C004"),
      person("p-ahmed", "Ahmed", "Benali", "C005"),      person("p-ali", "Ali", "Öztürk", "C006"),
      person("p-amira", "Amira", "Haddad", "C007"),      person("p-annelies", "Annelies", "de Groot", "C008"),
      person("p-piotr", "Piotr", "Kowalski", "C009"),
  };
}

// Monday has two activities (listed out of order), Tuesday one.
inline std::vector<core::Activity> programme() {
  return {
      activity("a-koken").title("Samen koken").icon("cooking").on(0).at(13 * 60, 15 * 60).place("Keuken"),
      activity("a-tuin").title("Moestuin").icon("garden").on(1).at(10 * 60, 12 * 60).place("Tuin achter"),
      activity("a-koffie").title("Koffieochtend").icon("coffee").on(0).at(9 * 60 + 30, 11 * 60).place("Huiskamer"),
  };
}

// A Monday full of activities, more than a screen shows at once: the list fills its room.
inline std::vector<core::Activity> busy_programme() {
  std::vector<core::Activity> all = programme();
  const char* titles[] = {"Taalcafé", "Fietsen repareren in de werkplaats van Ruilwinkel 't Cirkeltje", "Naaiatelier",
                          "Bewegen op muziek", "Computerhulp"};
  for (int i = 0; i < 5; ++i)
    all.push_back(activity(("a-busy-" + std::to_string(i)).c_str())
                      .title(titles[i])
                      .icon("coffee")
                      .on(0)
                      .at(10 * 60 + 60 * i, 11 * 60 + 60 * i)
                      .place("Huiskamer"));
  return all;
}

// The centre "De Cirkel" with languages nl (default) and en.
inline core::State centre() {
  core::State s;
  s.roster = std::make_shared<const core::Roster>(people());
  s.programme = programme();
  return s;
}

// The same centre with the photo grid switched on and every participant's consent to appear in it.
inline core::State photo_grid_centre() {
  core::State s = centre();
  std::vector<core::Participant> all = people();
  for (core::Participant& p : all) p.photo_consent = true;
  s.roster = std::make_shared<const core::Roster>(all);
  s.config.identification.photo_grid = true;
  return s;
}

// nl.po and en.po from the repository, nl first (the fallback).
inline ui::Strings strings() {
  ui::Strings tr;
  tr.load(assets_dir() + "/i18n", {"nl", "en"});
  return tr;
}

// An ImGui context without window or GPU: fonts are rasterised into a CPU atlas, frames are
// built and rendered to draw lists that nobody displays. One per test; destroyed at scope end.
class Headless {
 public:
  Headless(float width, float height) {
    m_ctx = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    theme.scale = ui::scale_for(static_cast<int>(width), static_cast<int>(height));
    fonts_loaded = ui::load_fonts(theme, font_error);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    atlas_built = pixels != nullptr && w > 0 && h > 0;
    ui::apply_style(theme);
  }
  ~Headless() { ImGui::DestroyContext(m_ctx); }
  Headless(const Headless&) = delete;
  Headless& operator=(const Headless&) = delete;

  ImVec2 display() const { return ImGui::GetIO().DisplaySize; }

  // One frame of the real screens; the actions it produced.
  ui::Actions frame(const ui::FrameView& v) {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ui::frame_record().clear();
    ui::Actions out;
    ui::draw_frame(v, theme, io.DisplaySize, out);
    ImGui::Render();
    ++frames;
    return out;
  }

  // n frames; the actions of all of them.
  ui::Actions frames_of(const ui::FrameView& v, int n) {
    ui::Actions all;
    for (int i = 0; i < n; ++i) {
      ui::Actions a = frame(v);
      all.insert(all.end(), a.begin(), a.end());
    }
    return all;
  }

  // A finger on pos: it arrives (one frame), presses (one frame), lifts (one frame).
  ui::Actions tap(const ui::FrameView& v, ImVec2 pos) {
    ImGuiIO& io = ImGui::GetIO();
    ui::Actions all;
    for (bool down : {false, true, false}) {
      io.MousePos = pos;
      io.MouseDown[0] = down;
      ui::Actions a = frame(v);
      all.insert(all.end(), a.begin(), a.end());
    }
    // The finger leaves the screen, as on a touchscreen.
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    return all;
  }

  ui::Theme theme;
  bool fonts_loaded = false;
  bool atlas_built = false;
  std::string font_error;
  int frames = 0;

 private:
  ImGuiContext* m_ctx = nullptr;
};

inline ImVec2 centre_of(const ui::FrameRecord::Target& t) {
  return ImVec2((t.min.x + t.max.x) * 0.5f, (t.min.y + t.max.y) * 0.5f);
}

}  // namespace meedoen::test

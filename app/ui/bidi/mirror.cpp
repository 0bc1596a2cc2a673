// Mirroring a finished ImGui frame.
#include "ui/bidi/mirror.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <unordered_map>

namespace meedoen::ui::bidi {

namespace {

// A glyph's side bearings (font units at its font's size) and ink width, found by where its
// top-left corner sits in the atlas.
struct Bearings {
  float left, right, ink;
};

std::uint64_t uv_key(ImVec2 uv) {
  std::uint32_t u = 0, v = 0;
  std::memcpy(&u, &uv.x, sizeof u);
  std::memcpy(&v, &uv.y, sizeof v);
  return (std::uint64_t{u} << 32) | v;
}

// Every glyph of the atlas by its corner; built again when the atlas is (a language change).
const std::unordered_map<std::uint64_t, Bearings>& bearings(const ImFontAtlas& atlas) {
  static std::unordered_map<std::uint64_t, Bearings> map;
  static const void* built_for = nullptr;
  static ImTextureID built_tex = nullptr;
  static std::size_t built_glyphs = 0;
  std::size_t glyphs = 0;
  for (const ImFont* f : atlas.Fonts) glyphs += static_cast<std::size_t>(f->Glyphs.Size);
  if (built_for == &atlas && built_tex == atlas.TexID && built_glyphs == glyphs) return map;
  map.clear();
  map.reserve(glyphs);
  for (const ImFont* f : atlas.Fonts)
    for (const ImFontGlyph& g : f->Glyphs)
      if (g.Visible && g.X1 > g.X0)
        map.emplace(uv_key(ImVec2(g.U0, g.V0)), Bearings{g.X0, g.AdvanceX - g.X1, g.X1 - g.X0});
  built_for = &atlas;
  built_tex = atlas.TexID;
  built_glyphs = glyphs;
  return map;
}

}  // namespace

void mirror_draw_data(ImDrawData& data, float width) {
  const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
  const auto& glyphs = bearings(*ImGui::GetIO().Fonts);
  for (int l = 0; l < data.CmdListsCount; ++l) {
    ImDrawList& list = *data.CmdLists[l];
    ImDrawVert* v = list.VtxBuffer.Data;
    const int n = list.VtxBuffer.Size;
    for (int i = 0; i < n;) {
      const bool glyph = (v[i].uv.x != white.x || v[i].uv.y != white.y) && i + 3 < n;
      if (!glyph) {
        v[i].pos.x = width - v[i].pos.x;
        ++i;
        continue;
      }
      // ImFont::RenderText writes a glyph as one quad: top-left, top-right, bottom-right,
      // bottom-left. Its box moves to the mirrored place; the glyph itself is not flipped. The
      // box sits in its advance with the left bearing first: mirrored, the right one would come
      // first ("Huisk amer"), so the box moves by the difference, at the size it is drawn.
      const float x0 = v[i].pos.x, x1 = v[i + 1].pos.x;
      float shift = 0.0f;
      if (const auto g = glyphs.find(uv_key(v[i].uv)); g != glyphs.end() && x1 > x0)
        shift = (g->second.left - g->second.right) * (x1 - x0) / g->second.ink;
      v[i].pos.x = v[i + 3].pos.x = width - x1 + shift;
      v[i + 1].pos.x = v[i + 2].pos.x = width - x0 + shift;
      i += 4;
    }
    for (ImDrawCmd& cmd : list.CmdBuffer) {
      const float x0 = cmd.ClipRect.x, x1 = cmd.ClipRect.z;
      cmd.ClipRect.x = width - x1;
      cmd.ClipRect.z = width - x0;
    }
  }
}

void mirror_record(FrameRecord& record, float width) {
  for (auto& t : record.targets) {
    const float x0 = t.min.x, x1 = t.max.x;
    t.min.x = width - x1;
    t.max.x = width - x0;
  }
  for (auto& s : record.scrollers) {
    const float x0 = s.min.x, x1 = s.max.x;
    s.min.x = width - x1;
    s.max.x = width - x0;
  }
}

}  // namespace meedoen::ui::bidi

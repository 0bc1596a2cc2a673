// Mirroring a finished ImGui frame.
#include "ui/bidi/mirror.hpp"

#include <algorithm>

namespace meedoen::ui::bidi {

void mirror_draw_data(ImDrawData& data, float width) {
  const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
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
      // bottom-left. Its box moves to the mirrored place; the glyph itself is not flipped.
      const float x0 = v[i].pos.x, x1 = v[i + 1].pos.x;
      v[i].pos.x = v[i + 3].pos.x = width - x1;
      v[i + 1].pos.x = v[i + 2].pos.x = width - x0;
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

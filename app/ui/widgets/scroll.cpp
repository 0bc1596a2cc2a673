// Drag-to-scroll regions: drag, glide, arrows, edge fades.
#include "ui/widgets/scroll.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "ui/widgets/icons.hpp"
#include "ui/widgets/widgets.hpp"

namespace meedoen::ui {

namespace {

// [SECTION] Per-region state, kept in the child window's ImGui storage

// A flick glides on and slows down within about half a second: enough to move through a long
// list, calm enough that nobody loses their place.
constexpr float kFriction = 6.0f;        // velocity decays as exp(-kFriction * t)
constexpr float kEase = 14.0f;           // arrows: the list eases towards its target
constexpr float kPage = 0.8f;            // an arrow moves 80% of the visible height
constexpr float kMinVelocity = 30.0f;    // px/s below which a glide stops
constexpr float kMaxVelocity = 3000.0f;  // px/s at scale 1: a glide covers at most 500 px

struct State {
  ImGuiStorage* s;
  ImGuiID armed_key, dragging_key, velocity_key, target_key;
  bool armed() const { return s->GetBool(armed_key); }
  bool dragging() const { return s->GetBool(dragging_key); }
  float velocity() const { return s->GetFloat(velocity_key); }
  float target() const { return s->GetFloat(target_key, -1.0f); }  // < 0: none
  void set_armed(bool v) { s->SetBool(armed_key, v); }
  void set_dragging(bool v) { s->SetBool(dragging_key, v); }
  void set_velocity(float v) { s->SetFloat(velocity_key, v); }
  void set_target(float v) { s->SetFloat(target_key, v); }
};

State state_of(ImGuiWindow* w) {
  return {&w->StateStorage, w->GetID("##armed"), w->GetID("##dragging"), w->GetID("##velocity"), w->GetID("##target")};
}

float clamp_scroll(ImGuiWindow* w, float y) { return std::clamp(y, 0.0f, w->ScrollMax.y); }

// ImGui moves a list to a new scroll at the next frame's start (and to a whole pixel): a move
// asks for that frame, or a list that came to rest this frame would be drawn short of its place
// (its fade and down arrow still showing at the end) until some input woke the loop.
void scroll_to(ImGuiWindow* w, float y) {
  ImGui::SetScrollY(w, y);
  frame_record().animating |= std::floor(y) != w->Scroll.y;
}

// Turns a press in the region into a drag once it travelled far enough, and scrolls with it.
// Runs before the list's buttons, so a drag takes the press away from its button before the
// button could see the release (even when press and release are only a frame apart).
void follow_finger(const Theme& t, ImGuiWindow* w, State& st, bool disabled) {
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsMouseClicked(0)) {
    const bool moving = std::fabs(st.velocity()) > kMinVelocity || st.target() >= 0;
    st.set_armed(!disabled && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows |
                                                     ImGuiHoveredFlags_AllowWhenBlockedByActiveItem));
    // A finger on a gliding list stops it, as on a phone; that touch is not a tap either.
    st.set_dragging(st.armed() && moving);
    st.set_velocity(0);
    st.set_target(-1);
  }
  if (!st.armed()) return;
  const bool released = ImGui::IsMouseReleased(0);
  if (!released && !ImGui::IsMouseDown(0)) {
    st.set_armed(false);
    return;
  }
  if (!st.dragging()) {
    const ImVec2 d(io.MousePos.x - io.MouseClickedPos[0].x, io.MousePos.y - io.MouseClickedPos[0].y);
    const bool valid = ImGui::IsMousePosValid(&io.MousePos);
    const float dist2 = std::max(io.MouseDragMaxDistanceSqr[0], valid ? d.x * d.x + d.y * d.y : 0.0f);
    const float thr = drag_threshold(t);
    st.set_dragging(dist2 > thr * thr);
  }
  // On the frame of the press the pointer may have jumped from where the last touch lifted:
  // that jump is no movement of this finger.
  if (st.dragging() && !ImGui::IsMouseClicked(0)) {
    ImGui::ClearActiveID();  // the button under the finger must not take this as a tap
    const float dy = io.MouseDelta.y;
    scroll_to(w, clamp_scroll(w, w->Scroll.y - dy));
    // Capped, so that even a wild flick glides at most about half a screen.
    const float cap = t.px(kMaxVelocity);
    if (io.DeltaTime > 0) st.set_velocity(std::clamp(0.7f * st.velocity() + 0.3f * (-dy / io.DeltaTime), -cap, cap));
  }
  if (released) {
    st.set_armed(false);
    st.set_dragging(false);
  }
}

// After a flick the list glides on; after an arrow it eases to its target.
void glide(ImGuiWindow* w, State& st) {
  const float dt = ImGui::GetIO().DeltaTime;
  if (st.armed() || dt <= 0) return;
  if (st.target() >= 0) {
    const float target = clamp_scroll(w, st.target());
    float step = (target - w->Scroll.y) * std::min(1.0f, dt * kEase);
    if (std::fabs(step) < 1.0f) step = target - w->Scroll.y;  // ImGui floors scroll to whole px
    const float y = w->Scroll.y + step;
    const bool done = std::fabs(target - y) < 0.5f;
    scroll_to(w, done ? target : y);
    st.set_target(done ? -1.0f : target);
    frame_record().animating |= !done;
    return;
  }
  const float v = st.velocity();
  if (std::fabs(v) < kMinVelocity) {
    st.set_velocity(0);
    return;
  }
  const float y = clamp_scroll(w, w->Scroll.y + v * dt);
  const bool at_edge = (v < 0 && y <= 0) || (v > 0 && y >= w->ScrollMax.y);
  scroll_to(w, y);
  st.set_velocity(at_edge ? 0.0f : v * std::exp(-kFriction * dt));
  frame_record().animating |= !at_edge;
}

// A band that fades the list into its background where more of it lies beyond the edge.
void edge_fade(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 bg, bool at_top) {
  const ImU32 clear = bg & ~IM_COL32_A_MASK;
  if (at_top) dl->AddRectFilledMultiColor(min, max, bg, bg, clear, clear);
  else dl->AddRectFilledMultiColor(min, max, clear, clear, bg, bg);
}

}  // namespace

// [SECTION] Public

ArrowColumn arrow_column(const Theme& t, ImVec2 region) {
  const float gap = t.px(8);
  // Up at the top, down at the bottom; in a short region (a panel on the home screen) smaller, down
  // to 64 px; shorter still, side by side in the middle.
  const float a = std::clamp((region.y - gap) / 2, 64.0f, std::max(t.px(84), 64.0f));
  const bool beside = 2 * a + gap > region.y;
  return {a, beside, beside ? 2 * a + gap : a};
}
float drag_threshold(const Theme& t) { return std::max(t.px(16), 12.0f); }

ScrollRegion begin_drag_scroll(const Theme& t, const ScrollSpec& spec) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float arrows_h = std::min(spec.size.y, spec.arrows_bottom - pos.y);
  ScrollRegion r{spec.id,
                 pos,
                 spec.size,
                 arrows_h,
                 spec.size.x - arrow_column(t, ImVec2(spec.size.x, arrows_h)).width - t.px(16),
                 spec.background,
                 nullptr};
  // Read before BeginChild: whether the screen around the list is disabled (a prompt above it).
  const bool disabled = (GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled) != 0;
  ImGui::BeginChild(spec.id, ImVec2(r.list_width, spec.size.y), false, ImGuiWindowFlags_NoScrollbar);
  r.window = ImGui::GetCurrentWindow();
  State st = state_of(r.window);
  follow_finger(t, r.window, st, disabled);
  glide(r.window, st);
  return r;
}

void end_drag_scroll(const Theme& t, const ScrollRegion& r) {
  ImGuiWindow* w = r.window;
  // This frame's content height, not ImGui's ScrollMax (last frame's): the arrows and fades are
  // right from the first frame, which is often the only one drawn before the loop sleeps. In whole
  // pixels, as ImGui counts it (the content's height floored, the child's own floored height), so
  // that a list scrolled to its end is at its end by both counts.
  const float content_h = std::floor(w->DC.CursorMaxPos.y - w->DC.CursorStartPos.y);
  const float scroll = w->Scroll.y, scroll_max = std::max(0.0f, content_h - w->InnerRect.GetHeight());
  const ImVec2 list_max(r.pos.x + r.list_width, r.pos.y + r.size.y);
  const float fade = std::min(t.px(48), r.size.y * 0.25f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (scroll > 0.5f) edge_fade(dl, r.pos, ImVec2(list_max.x, r.pos.y + fade), r.background, true);
  if (scroll < scroll_max - 0.5f) edge_fade(dl, ImVec2(r.pos.x, list_max.y - fade), list_max, r.background, false);
  frame_record().scrollers.push_back({r.id, r.pos, list_max, scroll, scroll_max});
  ImGui::EndChild();

  if (scroll_max > 0.5f) {
    const ArrowColumn col = arrow_column(t, ImVec2(r.size.x, r.arrows_h));
    const float a = col.side;
    const float x = r.pos.x + r.size.x - col.width;
    const ImVec2 up_at(x, col.beside ? r.pos.y + (r.arrows_h - a) / 2 : r.pos.y);
    const ImVec2 down_at(col.beside ? x + a + t.px(8) : x, col.beside ? up_at.y : r.pos.y + r.arrows_h - a);
    const std::string up = std::string(r.id) + ":up", down = std::string(r.id) + ":down";
    const float page = kPage * r.size.y;
    State st = state_of(w);
    const RepeatKeys keys;  // each tap scrolls a page further
    ImGui::SetCursorScreenPos(up_at);
    if (big_button(t, {up.c_str(), icons::utf8("up"), nullptr, ImVec2(a, a), ButtonStyle::Neutral, scroll > 0.5f}))
      st.set_target(std::max(0.0f, (st.target() >= 0 ? st.target() : scroll) - page));
    ImGui::SetCursorScreenPos(down_at);
    if (big_button(t, {down.c_str(), icons::utf8("down"), nullptr, ImVec2(a, a), ButtonStyle::Neutral,
                       scroll < scroll_max - 0.5f}))
      st.set_target(std::min(scroll_max, (st.target() >= 0 ? st.target() : scroll) + page));
    if (st.target() >= 0) frame_record().animating = true;

    // Between the arrows, a quiet bar shows where in the list the view is (not a control).
    const float track_top = r.pos.y + a + t.px(12), track_bottom = r.pos.y + r.arrows_h - a - t.px(12);
    if (!col.beside && track_bottom - track_top > t.px(24)) {
      ImDrawList* pdl = ImGui::GetWindowDrawList();
      const float cx = x + a * 0.5f, half = t.px(4);
      const float track = track_bottom - track_top;
      const float thumb = std::max(t.px(24), track * r.size.y / (r.size.y + scroll_max));
      const float y0 = track_top + (track - thumb) * (scroll / scroll_max);
      pdl->AddRectFilled(ImVec2(cx - half, track_top), ImVec2(cx + half, track_bottom), colors::neutral, half);
      pdl->AddRectFilled(ImVec2(cx - half, y0), ImVec2(cx + half, y0 + thumb), colors::text_muted, half);
    }
  }
  // Leave the cursor below the region, as after any other widget.
  ImGui::SetCursorScreenPos(r.pos);
  ImGui::Dummy(r.size);
}

}  // namespace meedoen::ui

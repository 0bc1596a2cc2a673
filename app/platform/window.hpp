// The SDL window with an OpenGL context and the ImGui backends. RAII: closed in the destructor.
#pragma once
#include <functional>
#include <string>

union SDL_Event;
struct ImDrawData;
struct SDL_Window;

namespace meedoen::platform {

class Window {
 public:
  // The size the window's drawable is expected to have, told before the window and its GL context
  // are made (the slow part: the X server, Mesa, the backend's shaders): work that depends only
  // on it, such as the font atlas, can go on meanwhile. The drawable may still differ (a window
  // manager or a scaled output): size() says what it is.
  using SizeKnown = std::function<void(int width, int height)>;
  // Throws std::runtime_error with a readable message (e.g. no display).
  Window(const std::string& title, int width, int height, bool fullscreen, const SizeKnown& size_known = nullptr);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  // Waits for the next event up to timeout_ms (0: just poll). True if ev was filled.
  bool wait_event(SDL_Event& ev, int timeout_ms);
  bool poll_event(SDL_Event& ev);
  void process_for_imgui(const SDL_Event& ev);
  void begin_frame();  // backends' NewFrame; the caller then calls ImGui::NewFrame
  // ImGui::Render + GL draw, before present(); adjust (if any) changes the frame's draw data first.
  // background (an ImU32, as ui/theme.hpp's colours): the screen's own colour, laid by the clear.
  // Screens leave it to the clear rather than draw it as a window's quad: to llvmpipe that quad is
  // a whole screen of blended pixels, ~8 ms of the first frame (issue 17).
  void render(unsigned background, void (*adjust)(ImDrawData& data, float width) = nullptr);
  void present();
  // After the font atlas was (re)built: uploads it as the GPU texture (one channel where the GL
  // can swizzle) and frees ImGui's CPU copies of its pixels.
  void upload_font_texture();
  void size(int& w, int& h) const;
  // An event type the sync thread will post to wake the loop.
  unsigned wake_event_type() const { return m_wake_type; }

 private:
  SDL_Window* m_window = nullptr;
  void* m_gl = nullptr;
  unsigned m_wake_type = 0;
  unsigned m_font_texture = 0;    // GLuint of the font atlas
  bool m_single_channel = false;  // GL_R8 with swizzle, else RGBA as ImGui's backend
};

}  // namespace meedoen::platform

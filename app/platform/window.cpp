// SDL2 + OpenGL 3 + Dear ImGui backends.
#include "platform/window.hpp"

#include <SDL.h>
#include <SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <stdexcept>

namespace meedoen::platform {

Window::Window(const std::string& title, int width, int height, bool fullscreen) {
  SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
  const char* display = SDL_getenv("DISPLAY");
  const char* wayland = SDL_getenv("WAYLAND_DISPLAY");
  const std::string no_display =
      "no display: DISPLAY is not set. Start the kiosk from a desktop session, or under Xvfb "
      "(xvfb-run -a meedoen-kiosk --demo --screenshot welcome.png).";
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    if ((!display || !*display) && (!wayland || !*wayland)) throw std::runtime_error(no_display);
    throw std::runtime_error(std::string("cannot open a window: ") + SDL_GetError());
  }
  // Without a display SDL falls back to an invisible "offscreen" window: nobody would see the
  // kiosk, so say so, unless that driver was asked for on purpose (SDL_VIDEODRIVER).
  const std::string driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
  if ((driver == "offscreen" || driver == "dummy") && !SDL_getenv("SDL_VIDEODRIVER")) {
    SDL_Quit();
    throw std::runtime_error(no_display);
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
  if (fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
  m_window = SDL_CreateWindow(title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height, flags);
  if (!m_window) {
    const std::string err = SDL_GetError();
    SDL_Quit();
    throw std::runtime_error("cannot create the window: " + err);
  }
  m_gl = SDL_GL_CreateContext(m_window);
  if (!m_gl) {
    const std::string err = SDL_GetError();
    SDL_DestroyWindow(m_window);
    SDL_Quit();
    throw std::runtime_error("cannot create an OpenGL 3.0 context: " + err);
  }
  SDL_GL_MakeCurrent(m_window, m_gl);
  SDL_GL_SetSwapInterval(1);  // vsync caps busy frames
  m_wake_type = SDL_RegisterEvents(1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk keeps no window layout
  io.LogFilename = nullptr;
  ImGui_ImplSDL2_InitForOpenGL(m_window, m_gl);
  ImGui_ImplOpenGL3_Init("#version 130");
}

Window::~Window() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_GL_DeleteContext(m_gl);
  SDL_DestroyWindow(m_window);
  SDL_Quit();
}

bool Window::wait_event(SDL_Event& ev, int timeout_ms) {
  return timeout_ms <= 0 ? SDL_PollEvent(&ev) != 0 : SDL_WaitEventTimeout(&ev, timeout_ms) != 0;
}
bool Window::poll_event(SDL_Event& ev) { return SDL_PollEvent(&ev) != 0; }
void Window::process_for_imgui(const SDL_Event& ev) { ImGui_ImplSDL2_ProcessEvent(&ev); }

void Window::begin_frame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
}

void Window::render(void (*adjust)(ImDrawData& data, float width)) {
  ImGui::Render();
  if (adjust) adjust(*ImGui::GetDrawData(), ImGui::GetIO().DisplaySize.x);
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(m_window, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(0.965f, 0.953f, 0.925f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::reload_font_texture() {
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

void Window::present() { SDL_GL_SwapWindow(m_window); }

void Window::size(int& w, int& h) const { SDL_GL_GetDrawableSize(m_window, &w, &h); }

}  // namespace meedoen::platform

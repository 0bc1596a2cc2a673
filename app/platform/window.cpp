// SDL2 + OpenGL 3 + Dear ImGui backends.
#include "platform/window.hpp"

#include <SDL.h>
#include <SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <cstdint>
#include <cstdio>
#include <stdexcept>

namespace meedoen::platform {

Window::Window(const std::string& title, int width, int height, bool fullscreen, const SizeKnown& size_known) {
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
  if (size_known) {
    SDL_DisplayMode desktop{};
    if (!fullscreen) size_known(width, height);
    else if (SDL_GetDesktopDisplayMode(0, &desktop) == 0) size_known(desktop.w, desktop.h);
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
  // The backend's shaders now, without its font texture: it would build an atlas on demand and
  // upload it as RGBA32 (16 MiB for 2048x2048, kept on the CPU too). A one-pixel stand-in
  // satisfies it; the kiosk's atlas is uploaded by upload_font_texture.
  ImFontAtlas& atlas = *io.Fonts;
  atlas.TexPixelsRGBA32 = static_cast<unsigned int*>(IM_ALLOC(sizeof(unsigned int)));
  atlas.TexPixelsRGBA32[0] = 0xFFFFFFFF;
  atlas.TexWidth = atlas.TexHeight = 1;
  ImGui_ImplOpenGL3_CreateDeviceObjects();
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  atlas.ClearTexData();
  // One channel is enough for glyphs when the GL can swizzle (3.3 or later; llvmpipe and every
  // current driver): sampled as (1, 1, 1, coverage), just what the backend's RGBA32 holds.
  int major = 0, minor = 0;
  const char* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
  m_single_channel =
      version && std::sscanf(version, "%d.%d", &major, &minor) == 2 && (major > 3 || (major == 3 && minor >= 3));
}

Window::~Window() {
  if (m_font_texture) glDeleteTextures(1, &m_font_texture);
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

void Window::render(unsigned background, void (*adjust)(ImDrawData& data, float width)) {
  ImGui::Render();
  if (adjust) adjust(*ImGui::GetDrawData(), ImGui::GetIO().DisplaySize.x);
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(m_window, &w, &h);
  glViewport(0, 0, w, h);
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(background);
  glClearColor(c.x, c.y, c.z, c.w);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Window::upload_font_texture() {
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  GLint last = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &last);
  if (m_font_texture) glDeleteTextures(1, &m_font_texture);
  glGenTextures(1, &m_font_texture);
  glBindTexture(GL_TEXTURE_2D, m_font_texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  if (m_single_channel) {
    atlas.GetTexDataAsAlpha8(&pixels, &w, &h);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
  } else {
    atlas.GetTexDataAsRGBA32(&pixels, &w, &h);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  }
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last));
  atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(m_font_texture)));
  // The GPU has it: ImGui's CPU copies (Alpha8 and RGBA32) are not read again. The glyphs'
  // metrics and UVs stay in the atlas; only a rebuild (a new atlas) needs pixels again.
  atlas.ClearTexData();
}

void Window::present() { SDL_GL_SwapWindow(m_window); }

void Window::size(int& w, int& h) const { SDL_GL_GetDrawableSize(m_window, &w, &h); }

}  // namespace meedoen::platform

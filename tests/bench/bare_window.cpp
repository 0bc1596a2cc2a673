// The reference for the kiosk's weight (issue 17): the least a window of our own stack can be.
// SDL2 + OpenGL 3 + Dear ImGui from Debian's packages, ImGui's one default font, one window
// with a line of text. Same GL attributes and vsync as platform/window.cpp.
//   bare_window --bench-startup   prints first_frame_unix_ms=<ms> after the first frame, exits
//   bare_window                   draws on events and sleeps, as the kiosk's welcome screen does
#include <SDL.h>
#include <SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <cstring>

namespace {

long long system_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void draw_frame(SDL_Window* window) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  ImGui::Begin("bare", nullptr, ImGuiWindowFlags_NoDecoration);
  ImGui::TextUnformatted("Welkom");
  ImGui::End();
  ImGui::Render();
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(window, &w, &h);
  glViewport(0, 0, w, h);
  glClearColor(0.965f, 0.953f, 0.925f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace

int main(int argc, char** argv) {
  const bool bench_startup = argc > 1 && std::strcmp(argv[1], "--bench-startup") == 0;
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    std::fprintf(stderr, "bare_window: %s\n", SDL_GetError());
    return 1;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_Window* window = SDL_CreateWindow("bare", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800,
                                        SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI);
  SDL_GLContext gl = window ? SDL_GL_CreateContext(window) : nullptr;
  if (!gl) {
    std::fprintf(stderr, "bare_window: %s\n", SDL_GetError());
    return 1;
  }
  SDL_GL_MakeCurrent(window, gl);
  SDL_GL_SetSwapInterval(1);
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui_ImplSDL2_InitForOpenGL(window, gl);
  ImGui_ImplOpenGL3_Init("#version 130");

  draw_frame(window);
  if (bench_startup) {
    glFinish();  // as the kiosk: the frame is drawn, not just queued
    std::printf("first_frame_unix_ms=%lld\n", system_ms());
    return 0;
  }
  SDL_GL_SwapWindow(window);
  for (bool running = true; running;) {
    SDL_Event ev;
    if (!SDL_WaitEvent(&ev)) break;
    do {
      ImGui_ImplSDL2_ProcessEvent(&ev);
      running = running && ev.type != SDL_QUIT;
    } while (SDL_PollEvent(&ev));
    draw_frame(window);
    SDL_GL_SwapWindow(window);
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_GL_DeleteContext(gl);
  SDL_DestroyWindow(window);
  SDL_Quit();
  return 0;
}

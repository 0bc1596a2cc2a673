// glReadPixels + stb_image_write (Debian libstb).
#include "platform/screenshot.hpp"

#include <SDL_opengl.h>
#include <stb_image_write.h>

#include <string>
#include <vector>

namespace meedoen::platform {

bool write_screenshot(const std::string& path, int width, int height, std::string& error) {
  if (width <= 0 || height <= 0) {
    error = "the window has no size";
    return false;
  }
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 3);
  while (glGetError() != GL_NO_ERROR) {
    // Errors left by earlier calls are not ours to report.
  }
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  if (const GLenum err = glGetError(); err != GL_NO_ERROR) {
    error = "could not read the window's pixels (GL error " + std::to_string(err) + ")";
    return false;
  }
  stbi_flip_vertically_on_write(1);
  if (!stbi_write_png(path.c_str(), width, height, 3, pixels.data(), width * 3)) {
    error = "could not write " + path;
    return false;
  }
  return true;
}

}  // namespace meedoen::platform

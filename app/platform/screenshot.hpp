// PNG of what the window shows (the GL back buffer of the frame just rendered).
#pragma once
#include <string>

namespace meedoen::platform {

bool write_screenshot(const std::string& path, int width, int height, std::string& error);

}  // namespace meedoen::platform

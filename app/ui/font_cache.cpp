// The font atlas on disk: one file holds the key, the atlas's white pixel and custom rectangles,
// each font's metrics and glyphs, the pixels, and a checksum of all of it.
#include "ui/font_cache.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <type_traits>

namespace meedoen::ui {

namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'M', 'D', 'N', 'A', 'T', 'L', 'S', '1'};
constexpr int kMaxSide = 16384;
constexpr int kMaxGlyphs = 0xFFFE;  // ImGui's lookup table indexes glyphs with 16 bits, -1 reserved

static_assert(std::is_trivially_copyable_v<ImFontGlyph> && std::is_trivially_copyable_v<ImFontAtlasCustomRect>);

// What identifies a file: its path, size and last change, or "missing".
std::string identity(const std::string& path) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) return path + " missing;";
  const auto time = fs::last_write_time(path, ec).time_since_epoch().count();
  return path + " " + std::to_string(size) + " " + std::to_string(time) + ";";
}

// FNV-1a over 8-byte words: enough to tell a torn or damaged file, ~0.1 ms for an atlas.
std::uint64_t checksum(const char* data, std::size_t size) {
  std::uint64_t h = 14695981039346656037ULL;
  std::size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, data + i, 8);
    h = (h ^ w) * 1099511628211ULL;
  }
  for (; i < size; ++i) h = (h ^ static_cast<unsigned char>(data[i])) * 1099511628211ULL;
  return h;
}

class Writer {
 public:
  template <typename... T>
  void put(const T&... v) {
    static_assert((std::is_trivially_copyable_v<T> && ...));
    (out.append(reinterpret_cast<const char*>(&v), sizeof v), ...);
  }
  void bytes(const void* p, std::size_t n) { out.append(static_cast<const char*>(p), n); }
  std::string out;
};

// Every read checked against the end: a short or damaged file is a miss, never a crash.
class Reader {
 public:
  explicit Reader(const std::string& in) : m_in(in) {}
  template <typename... T>
  bool get(T&... v) {
    static_assert((std::is_trivially_copyable_v<T> && ...));
    return (bytes(&v, sizeof v) && ...);
  }
  bool bytes(void* p, std::size_t n) {
    if (n > m_in.size() - m_at) return false;
    std::memcpy(p, m_in.data() + m_at, n);
    m_at += n;
    return true;
  }
  std::size_t at() const { return m_at; }

 private:
  const std::string& m_in;
  std::size_t m_at = 0;
};

int index_of(const ImFontAtlas& atlas, const ImFont* f) {
  for (int i = 0; i < atlas.Fonts.Size; ++i)
    if (atlas.Fonts[i] == f) return i;
  return -1;
}

std::array<ImFont**, 6> roles(Fonts& f) { return {&f.body, &f.bold, &f.large, &f.huge, &f.icon, &f.icon_huge}; }

// A font's metrics in the order get_font reads them.
void put_font(Writer& w, const ImFont& f) {
  w.put(f.FontSize, f.Scale, f.Ascent, f.Descent, f.MetricsTotalSurface, f.FallbackChar, f.EllipsisChar, f.DotChar,
        f.Glyphs.Size);
  w.bytes(f.Glyphs.Data, sizeof(ImFontGlyph) * static_cast<std::size_t>(f.Glyphs.Size));
}

bool sane(const ImFontGlyph& g) {
  const float uv[] = {g.U0, g.V0, g.U1, g.V1};
  for (float v : uv)
    if (!(v >= 0.0f && v <= 1.0f)) return false;
  return g.AdvanceX == g.AdvanceX && g.X0 == g.X0 && g.X1 == g.X1 && g.Y0 == g.Y0 && g.Y1 == g.Y1;
}

bool get_font(Reader& r, ImFontAtlas& atlas, std::string& error) {
  auto* f = IM_NEW(ImFont)();
  atlas.Fonts.push_back(f);  // the atlas owns it from here, whatever follows
  f->ContainerAtlas = &atlas;
  int glyphs = 0;
  if (!r.get(f->FontSize, f->Scale, f->Ascent, f->Descent, f->MetricsTotalSurface, f->FallbackChar, f->EllipsisChar,
             f->DotChar, glyphs) ||
      glyphs < 1 || glyphs > kMaxGlyphs) {
    error = "a font's metrics are cut short";
    return false;
  }
  f->Glyphs.resize(glyphs);
  if (!r.bytes(f->Glyphs.Data, sizeof(ImFontGlyph) * static_cast<std::size_t>(glyphs))) {
    error = "a font's glyphs are cut short";
    return false;
  }
  for (const ImFontGlyph& g : f->Glyphs)
    if (!sane(g)) {
      error = "a glyph lies outside the texture";
      return false;
    }
  // As the build ends: the lookup tables from the glyphs (the tab glyph the build added is the
  // last one, so it is reused, not added again), the fallback from the saved character.
  f->BuildLookupTable();
  return true;
}

std::string serialize(const BuiltFonts& built, const std::string& key) {
  const ImFontAtlas& a = *built.atlas;
  Writer w;
  w.bytes(kMagic, sizeof kMagic);
  w.put(static_cast<std::uint32_t>(key.size()));
  w.bytes(key.data(), key.size());
  w.put(a.Flags, a.TexWidth, a.TexHeight, a.TexUvWhitePixel, a.PackIdMouseCursors, a.PackIdLines, a.CustomRects.Size);
  for (ImFontAtlasCustomRect rect : a.CustomRects) {
    rect.Font = nullptr;  // only glyph rectangles name a font; ours are the cursors' and white pixel's
    w.put(rect);
  }
  w.put(a.Fonts.Size);
  for (const ImFont* f : a.Fonts) put_font(w, *f);
  Fonts fonts = built.fonts;
  for (ImFont** role : roles(fonts)) w.put(index_of(a, *role));
  w.bytes(a.TexPixelsAlpha8, static_cast<std::size_t>(a.TexWidth) * static_cast<std::size_t>(a.TexHeight));
  w.put(checksum(w.out.data(), w.out.size()));
  return std::move(w.out);
}

bool read_atlas(Reader& r, BuiltFonts& out, const std::string& key, std::string& error) {
  char magic[sizeof kMagic];
  std::uint32_t key_size = 0;
  if (!r.bytes(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof magic) != 0 || !r.get(key_size)) {
    error = "not a font cache file";
    return false;
  }
  std::string saved_key(key_size <= key.size() ? key_size : 0, '\0');
  if (key_size != key.size() || !r.bytes(saved_key.data(), key_size) || saved_key != key) {
    error = "made for other fonts, another scale or another build";
    return false;
  }
  ImFontAtlas& a = *out.atlas;
  int rects = 0, fonts = 0;
  if (!r.get(a.Flags, a.TexWidth, a.TexHeight, a.TexUvWhitePixel, a.PackIdMouseCursors, a.PackIdLines, rects) ||
      rects < 0 || rects > 64 || a.TexWidth < 1 || a.TexHeight < 1 || a.TexWidth > kMaxSide || a.TexHeight > kMaxSide) {
    error = "the atlas's header is damaged";
    return false;
  }
  a.CustomRects.resize(rects);
  for (ImFontAtlasCustomRect& rect : a.CustomRects)
    if (!r.get(rect)) {
      error = "the atlas's rectangles are cut short";
      return false;
    }
  if (!r.get(fonts) || fonts < 1 || fonts > 32) {
    error = "the atlas's font count is damaged";
    return false;
  }
  for (int i = 0; i < fonts; ++i)
    if (!get_font(r, a, error)) return false;
  for (ImFont** role : roles(out.fonts)) {
    int i = -1;
    if (!r.get(i) || i < 0 || i >= fonts) {
      error = "the atlas's font roles are damaged";
      return false;
    }
    *role = a.Fonts[i];
  }
  const std::size_t pixels = static_cast<std::size_t>(a.TexWidth) * static_cast<std::size_t>(a.TexHeight);
  a.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(pixels));
  if (!r.bytes(a.TexPixelsAlpha8, pixels)) {
    error = "the atlas's pixels are cut short";
    return false;
  }
  a.TexUvScale = ImVec2(1.0f / static_cast<float>(a.TexWidth), 1.0f / static_cast<float>(a.TexHeight));
  a.TexReady = true;
  return true;
}

}  // namespace

std::string font_cache_key(const FontPlan& plan, float scale) {
  char head[160];
  std::snprintf(head, sizeof head, "meedoen font atlas 1; imgui %d; glyph %zu; scale %a; script %d;", IMGUI_VERSION_NUM,
                sizeof(ImFontGlyph), static_cast<double>(scale), static_cast<int>(plan.script));
  std::string key = head;
  key += "exe " + identity("/proc/self/exe");
  for (const std::string& f : font_files()) key += identity(f);
  key += "glyphs " + std::to_string(plan.glyphs.size()) + ":" + plan.glyphs + ";";
  key += "huge " + std::to_string(plan.huge_glyphs.size()) + ":" + plan.huge_glyphs + ";";
  return key;
}

std::string font_cache_file(const std::string& dir, const FontPlan& plan, float scale) {
  static const char* const names[] = {"latin", "arabic", "ethiopic"};
  char name[64];
  std::snprintf(name, sizeof name, "atlas-%s-%.4f.bin", names[static_cast<int>(plan.script)],
                static_cast<double>(scale));
  return (fs::path(dir) / name).string();
}

bool save_fonts(const BuiltFonts& built, const std::string& file, const std::string& key, std::string& error) {
  if (!built.ok || !built.atlas || !built.atlas->TexPixelsAlpha8) {
    error = "the atlas was not built";
    return false;
  }
  const std::string data = serialize(built, key);
  std::error_code ec;
  fs::create_directories(fs::path(file).parent_path(), ec);
  // Written aside and renamed: a reader sees the old file or the whole new one.
  const std::string aside = file + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(aside, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.close();
    if (!out) {
      fs::remove(aside, ec);
      error = "cannot write " + aside;
      return false;
    }
  }
  fs::rename(aside, file, ec);
  if (ec) {
    error = "cannot rename " + aside + " to " + file + ": " + ec.message();
    fs::remove(aside, ec);
    return false;
  }
  return true;
}

BuiltFonts load_saved_fonts(const std::string& file, const std::string& key) {
  BuiltFonts out;
  std::ifstream in(file, std::ios::binary | std::ios::ate);
  if (!in) {
    out.error = "no file";
    return out;
  }
  std::string data(static_cast<std::size_t>(std::max<std::streamoff>(0, in.tellg())), '\0');
  in.seekg(0);
  in.read(data.data(), static_cast<std::streamsize>(data.size()));
  if (!in) data.clear();  // read short: the checksum below says damaged
  std::uint64_t sum = 0;
  if (data.size() < sizeof sum + sizeof kMagic ||
      (std::memcpy(&sum, data.data() + data.size() - sizeof sum, sizeof sum),
       sum != checksum(data.data(), data.size() - sizeof sum))) {
    out.error = "damaged (its checksum does not match)";
    return out;
  }
  out.atlas.reset(IM_NEW(ImFontAtlas)());
  out.ranges = std::make_shared<std::deque<ImVector<ImWchar>>>();
  Reader r(data);
  out.ok = read_atlas(r, out, key, out.error) && r.at() == data.size() - sizeof sum;
  if (out.ok) return out;
  if (out.error.empty()) out.error = "it has bytes after the atlas";
  out.atlas.reset();
  out.fonts = Fonts{};
  return out;
}

BuiltFonts cached_fonts(const FontPlan& plan, float scale, const std::string& dir) {
  if (dir.empty()) return build_fonts(plan, scale);
  const std::string key = font_cache_key(plan, scale);
  const std::string file = font_cache_file(dir, plan, scale);
  BuiltFonts loaded = load_saved_fonts(file, key);
  if (loaded.ok) {
    loaded.origin = "read from " + file;
    return loaded;
  }
  BuiltFonts built = build_fonts(plan, scale);
  std::string error;
  if (!built.ok || !built.error.empty()) built.origin = "built, not kept (" + built.error + ")";
  else if (save_fonts(built, file, key, error)) built.origin = "built and kept in " + file + " (" + loaded.error + ")";
  else built.origin = "built, not kept: " + error;
  return built;
}

}  // namespace meedoen::ui

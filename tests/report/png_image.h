#ifndef CORPUS_TESTS_REPORT_PNG_IMAGE_H_
#define CORPUS_TESTS_REPORT_PNG_IMAGE_H_

#include <zlib.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace corpus::testing {

// The pixels of a PNG file (ISO/IEC 15948), enough of the format to check a
// browser's screenshot: 8-bit RGB or RGBA, not interlaced, every filter type.
struct RgbaImage {
  uint32_t width = 0;
  uint32_t height = 0;
  std::vector<uint8_t> rgba;  // 4 bytes per pixel, rows top to bottom

  uint32_t Pixel(uint32_t x, uint32_t y) const {
    const uint8_t* p = &rgba[(static_cast<size_t>(y) * width + x) * 4];
    return (uint32_t{p[0]} << 16) | (uint32_t{p[1]} << 8) | p[2];  // 0xRRGGBB
  }
};

inline uint32_t ReadBe32(const std::string& s, size_t at) {
  return (uint32_t{static_cast<uint8_t>(s[at])} << 24) | (uint32_t{static_cast<uint8_t>(s[at + 1])} << 16) |
         (uint32_t{static_cast<uint8_t>(s[at + 2])} << 8) | uint32_t{static_cast<uint8_t>(s[at + 3])};
}

// Returns an empty string on success, else what is wrong with `png`.
inline std::string DecodePng(const std::string& png, RgbaImage* img) {
  if (png.size() < 8 || png.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return "not a PNG signature";
  std::string idat;
  int color_type = -1;
  for (size_t at = 8; at + 12 <= png.size();) {
    const uint32_t len = ReadBe32(png, at);
    const std::string type = png.substr(at + 4, 4);
    if (at + 12 + len > png.size()) return "chunk " + type + " runs past the end";
    if (type == "IHDR") {
      img->width = ReadBe32(png, at + 8);
      img->height = ReadBe32(png, at + 12);
      const int depth = static_cast<uint8_t>(png[at + 16]);
      color_type = static_cast<uint8_t>(png[at + 17]);
      if (depth != 8 || (color_type != 2 && color_type != 6) || png[at + 20] != 0) {
        return "unsupported PNG: depth " + std::to_string(depth) + ", color type " + std::to_string(color_type);
      }
    } else if (type == "IDAT") {
      idat += png.substr(at + 8, len);
    } else if (type == "IEND") {
      break;
    }
    at += 12 + len;
  }
  if (color_type < 0 || img->width == 0 || img->height == 0) return "no IHDR";
  const size_t bpp = color_type == 6 ? 4 : 3;
  const size_t stride = img->width * bpp;
  std::vector<uint8_t> raw((stride + 1) * img->height);
  uLongf raw_len = raw.size();
  if (uncompress(raw.data(), &raw_len, reinterpret_cast<const Bytef*>(idat.data()), idat.size()) != Z_OK ||
      raw_len != raw.size()) {
    return "IDAT does not inflate to the image size";
  }
  std::vector<uint8_t> prev(stride, 0), cur(stride);
  img->rgba.assign(static_cast<size_t>(img->width) * img->height * 4, 255);
  for (uint32_t y = 0; y < img->height; ++y) {
    const uint8_t filter = raw[y * (stride + 1)];
    const uint8_t* in = &raw[y * (stride + 1) + 1];
    for (size_t i = 0; i < stride; ++i) {
      const int a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
      int pred = 0;
      switch (filter) {
        case 0: pred = 0; break;
        case 1: pred = a; break;
        case 2: pred = b; break;
        case 3: pred = (a + b) / 2; break;
        case 4: {
          const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
          pred = (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c);
          break;
        }
        default: return "bad filter type " + std::to_string(filter) + " in row " + std::to_string(y);
      }
      cur[i] = static_cast<uint8_t>(in[i] + pred);
    }
    for (uint32_t x = 0; x < img->width; ++x) {
      for (size_t k = 0; k < bpp; ++k) img->rgba[(static_cast<size_t>(y) * img->width + x) * 4 + k] = cur[x * bpp + k];
    }
    prev.swap(cur);
  }
  return "";
}

}  // namespace corpus::testing

#endif  // CORPUS_TESTS_REPORT_PNG_IMAGE_H_

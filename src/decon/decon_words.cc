#include "corpus/decon/decon_words.h"

#include <utf8proc.h>

#include <array>

#include "corpus/text/word_segmenter.h"
#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// Odd multiplier of the polynomial hash (invertible modulo 2^64).
constexpr uint64_t kBase = 0x9E3779B97F4A7C15ULL;

struct Powers {
  std::array<uint64_t, kMaxDeconNgram + 1> p{};
  constexpr Powers() {
    p[0] = 1;
    for (size_t k = 1; k <= kMaxDeconNgram; ++k) p[k] = p[k - 1] * kBase;
  }
};
constexpr Powers kPowers;

}  // namespace

void AppendNormalizedWord(std::string_view word, std::string* out) {
  for (size_t i = 0; i < word.size();) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      ++i;
      if (IsPunctuation(c)) continue;  // Python's string.punctuation
      out->push_back(AsciiLower(static_cast<char>(c)));
      continue;
    }
    const char32_t cp = NextCodePoint(word, &i);
    if (IsPunctuation(cp)) continue;
    AppendUtf8(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))), out);
  }
}

void DeconWords::Assign(std::string_view text) {
  SegmentWords(text, &segmented_);
  words_.clear();
  norm_.clear();
  prefix_.clear();
  prefix_.push_back(0);
  for (const Word& w : segmented_) {
    const size_t before = norm_.size();
    AppendNormalizedWord(w.text, &norm_);
    if (norm_.size() == before) continue;
    DeconWord d;
    d.begin = static_cast<uint32_t>(w.text.data() - text.data());
    d.end = d.begin + static_cast<uint32_t>(w.text.size());
    d.norm_begin = static_cast<uint32_t>(before);
    d.norm_len = static_cast<uint32_t>(norm_.size() - before);
    d.hash = HashBytes(std::string_view(norm_).substr(before));
    prefix_.push_back(prefix_.back() * kBase + d.hash);
    words_.push_back(d);
  }
}

uint64_t DeconWords::NgramKey(size_t i, size_t k) const {
  const uint64_t poly = prefix_[i + k] - prefix_[i] * kPowers.p[k];
  return MixHash(poly, k);
}

std::string DeconWords::NgramText(size_t i, size_t k) const {
  std::string out;
  for (size_t j = i; j < i + k; ++j) {
    if (j > i) out.push_back(' ');
    out.append(norm(j));
  }
  return out;
}

}  // namespace corpus

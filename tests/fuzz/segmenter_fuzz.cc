// libFuzzer target: arbitrary bytes as text through the word segmenter,
// with its own Han/Kana engine (CjkDictionary) and with ICU's iterator alone.
// Built with -DCORPUS_BUILD_FUZZERS=ON and clang:
//   ./segmenter_fuzz -max_total_time=300 -max_len=256 tests/fuzz/seeds/segmenter/
// Invariant checked (abort): both give the same words (same bytes of the
// text, same character counts and letter flags).

#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "corpus/text/word_segmenter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static corpus::WordSegmenter own;
  static corpus::WordSegmenter icu(/*icu_only=*/true);
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<corpus::Word> a, b;
  own.Segment(text, &a);
  icu.Segment(text, &b);
  if (a.size() != b.size()) std::abort();
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].text.data() != b[i].text.data() || a[i].text.size() != b[i].text.size() || a[i].chars != b[i].chars ||
        a[i].has_letter != b[i].has_letter) {
      std::abort();
    }
  }
  return 0;
}

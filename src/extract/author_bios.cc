#include "corpus/extract/author_bios.h"

#include <algorithm>
#include <string_view>

#include "corpus/text/text_units.h"
#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// The letters and digits of `text` in order, ASCII letters lower-cased,
// with markup (`<...>`) and character references (`&...;`) left out when
// `markup` is set: what a block's text and a description written in
// JSON-LD (raw, sometimes as HTML) have in common however each is spaced,
// punctuated and escaped.
std::string LetterKey(std::string_view text, bool markup) {
  std::string key;
  key.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (markup && text[i] == '<') {
      const size_t close = text.find('>', i);
      i = close == std::string_view::npos ? text.size() : close + 1;
      continue;
    }
    if (markup && text[i] == '&') {
      const size_t semi = text.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 10) {
        i = semi + 1;
        continue;
      }
    }
    const size_t at = i;
    const char32_t c = NextCodePoint(text, &i);
    if (c < 0x80) {
      if (IsAsciiAlnum(static_cast<char>(c))) key.push_back(AsciiLower(static_cast<char>(c)));
    } else if (IsLetter(c)) {
      key.append(text.substr(at, i - at));
    }
  }
  return key;
}

}  // namespace

void MarkAuthorBios(DomIndex* dom, const std::vector<std::string>& descriptions,
                    uint64_t max_box_text) {
  std::vector<std::string> bios;
  size_t longest = 0;
  for (const std::string& d : descriptions) {
    std::string key = LetterKey(d, true);
    if (key.size() < kMinBioLetters) continue;
    longest = std::max(longest, d.size());
    bios.push_back(std::move(key));
  }
  if (bios.empty()) return;
  // A bio's box holds its text and a little more (the name, a link): a
  // block of more than twice the longest description's bytes is not one.
  const uint64_t max_text = std::min<uint64_t>(max_box_text, 2 * longest + 200);
  const std::vector<DomNode>& nodes = dom->nodes();
  std::string text;
  MarkSmallBlocks(dom, max_text, [&](int32_t i) {
    text.clear();
    AppendSmallText(nodes, i, &text);
    const std::string block = LetterKey(text, false);
    if (block.size() < kMinBioLetters) return false;
    return std::any_of(bios.begin(), bios.end(), [&](const std::string& bio) {
      // A paragraph of the bio, or the bio with its author's name or a
      // link beside it (at most a fifth more).
      return bio.find(block) != std::string::npos ||
             (block.find(bio) != std::string::npos && 5 * bio.size() >= 4 * block.size());
    });
  });
}

}  // namespace corpus

#include "corpus/extract/reply_subjects.h"

#include <string>
#include <string_view>
#include <vector>

#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// A subject line is a prefix and a thread's title: at most this many bytes
// of text.
constexpr uint64_t kMaxSubjectBytes = 300;
// The title's part after the prefix holds at least this many bytes (folded):
// "Re: Hi" on a page about hiking is no subject line.
constexpr size_t kMinSubjectTitleBytes = 8;
// A reply prefix and its colon lie within this many bytes of the line's
// start (leading spaces included): the raw text is looked at before it is
// folded, which costs more.
constexpr size_t kMaxPrefixBytes = 24;

}  // namespace

void MarkReplySubjects(DomIndex* dom, const PhraseSet& phrases) {
  const std::string title = FoldPhrase(dom->html_title());
  if (title.size() < kMinSubjectTitleBytes) return;
  const std::vector<DomNode>& nodes = dom->nodes();
  std::string text;
  MarkSmallBlocks(dom, kMaxSubjectBytes, [&](int32_t i) {
    if (nodes[i].own_text != nodes[i].text) return false;
    // The line's start first, with an ASCII or fullwidth (U+FF1A) colon
    // (folding makes them one); the whole line only then.
    text.clear();
    AppendSmallText(nodes, i, &text, kMaxPrefixBytes + 3);
    const std::string_view head = std::string_view(text).substr(0, kMaxPrefixBytes + 3);
    if (head.find(':') == std::string_view::npos &&
        head.find("\xEF\xBC\x9A") == std::string_view::npos) {
      return false;
    }
    text.clear();
    AppendSmallText(nodes, i, &text);
    const std::string folded = FoldPhrase(text);
    const size_t colon = folded.find(':');
    if (colon == std::string::npos || colon == 0) return false;
    const std::string_view rest = StripAsciiWhitespace(std::string_view(folded).substr(colon + 1));
    return rest.size() >= kMinSubjectTitleBytes && title.find(rest) != std::string::npos &&
           phrases.Has(PhraseClass::kReplyPrefix, std::string_view(folded).substr(0, colon));
  });
}

}  // namespace corpus

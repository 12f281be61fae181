#include "corpus/extract/date_lines.h"

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/extract/phrase_fold.h"
#include "corpus/text/text_units.h"
#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// A date line is a label, a date and a time: "Zuletzt aktualisiert am
// Donnerstag, 12. Dezember 2024, 14:32 Uhr" is 58 bytes.
constexpr uint64_t kMaxDateLine = 100;
// At most this many words of the rest are four letters or longer: a month,
// a weekday, a time zone's name.
constexpr int kMaxLongWords = 2;
constexpr size_t kLongWordLetters = 4;
// No word of the rest is longer: "septiembre" and "Donnerstag" are ten
// letters; a run of more, in a script written without spaces, is a clause.
constexpr size_t kMaxWordLetters = 12;
// A page with more date lines lists items, each under its date.
constexpr size_t kMaxDateLinesOnAPage = 2;

// Whether `word` holds a year (four digits from 1900 to 2099 with no digit
// beside them: "2024", "2024年", "05.12.2024") or three numbers joined by
// '.', '/' or '-' ("05.12.24", "3/5/24").
bool HoldsDate(std::string_view word) {
  int joins = 0;  // joiners between the runs of digits read so far
  size_t i = 0;
  while (i < word.size()) {
    if (!IsAsciiDigit(word[i])) {
      joins = 0;
      ++i;
      continue;
    }
    const size_t start = i;
    while (i < word.size() && IsAsciiDigit(word[i])) ++i;
    const std::string_view run = word.substr(start, i - start);
    if (run.size() == 4 && (run.starts_with("19") || run.starts_with("20"))) return true;
    if (i + 1 < word.size() && (word[i] == '.' || word[i] == '/' || word[i] == '-') &&
        IsAsciiDigit(word[i + 1])) {
      if (++joins == 2) return true;
      ++i;
    } else {
      joins = 0;
    }
  }
  return false;
}

// The letters of `word` (a CJK date's 年, 月 and 日 among them).
size_t LettersOfWord(std::string_view word) {
  size_t letters = 0;
  for (size_t i = 0; i < word.size();) {
    if (IsLetter(NextCodePoint(word, &i))) ++letters;
  }
  return letters;
}

}  // namespace

bool IsDateLine(const PhraseSet& phrases, std::string_view text) {
  if (!phrases.MayOpenWith(PhraseClass::kDateLabel, text)) return false;
  const std::string folded = FoldPhrase(text);
  const size_t label = phrases.LongestOpening(PhraseClass::kDateLabel, folded);
  if (label == 0) return false;
  bool date = false;
  int long_words = 0;
  std::string_view rest = std::string_view(folded).substr(label);
  while (!rest.empty()) {
    const size_t space = rest.find(' ');
    const std::string_view word = rest.substr(0, space);
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    if (HoldsDate(word)) date = true;
    const size_t letters = LettersOfWord(word);
    if (letters > kMaxWordLetters) return false;
    if (letters >= kLongWordLetters && ++long_words > kMaxLongWords) return false;
  }
  return date;
}

void MarkDateLines(DomIndex* dom, const PhraseSet& phrases) {
  const std::vector<DomNode>& nodes = dom->nodes();
  std::vector<int32_t> lines;
  MarkSmallBlocks(dom, kMaxDateLine, [&](int32_t i) {
    if (nodes[i].flags & (kDomHeading | kDomInPre)) return false;
    std::string text;
    AppendSmallText(nodes, i, &text);
    if (IsDateLine(phrases, text)) lines.push_back(i);
    return false;
  });
  // A story has its date once, or twice (under the headline and at its
  // end); a page with more dates them item by item, a listing's metadata.
  if (lines.size() > kMaxDateLinesOnAPage) return;
  for (const int32_t i : lines) dom->mutable_nodes()[i].flags |= kDomBoilerplate;
}

}  // namespace corpus

#include "corpus/extract/page_language.h"

#include "corpus/text/language_id.h"

namespace corpus {
namespace {

// Enough text for a confident answer (CLD2 wants a couple of sentences;
// filter/language.h reads 2 KB for the same reason).
constexpr size_t kSampleBytes = 2048;
// Below this score CLD2's guess is not used.
constexpr double kMinScore = 0.5;

}  // namespace

std::string DetectPageLanguage(const DomIndex& dom) {
  const auto& nodes = dom.nodes();
  std::string sample;
  const int32_t start = dom.first_h1() >= 0 ? dom.first_h1() : 0;
  for (int32_t i = start; i < static_cast<int32_t>(nodes.size()) && sample.size() < kSampleBytes;
       ++i) {
    if (!(nodes[i].flags & kDomText) || nodes[i].text == 0) continue;
    sample += nodes[i].node->v.text.text;
    sample += '\n';
  }
  if (sample.size() < kSampleBytes / 4 && start > 0) {
    // A short article: the page's text from the top.
    sample.clear();
    for (size_t i = 0; i < nodes.size() && sample.size() < kSampleBytes; ++i) {
      if (!(nodes[i].flags & kDomText) || nodes[i].text == 0) continue;
      sample += nodes[i].node->v.text.text;
      sample += '\n';
    }
  }
  const LanguageGuess guess = IdentifyLanguage(sample, kSampleBytes);
  if (guess.code == "un" || guess.score < kMinScore) return "";
  return guess.code;
}

PhraseSet PagePhrases(const DomIndex& dom, std::string_view content_language,
                      const PhraseBook& book) {
  const std::string_view declared =
      content_language.empty() ? std::string_view(dom.declared_language()) : content_language;
  // A page that declares a language other than English is taken at its
  // word; "en" (the default of many templates) or nothing is checked.
  const PhraseSet by_declared = book.For(declared);
  if (by_declared.languages().size() > 1) return by_declared;
  return book.For(declared, DetectPageLanguage(dom));
}

}  // namespace corpus

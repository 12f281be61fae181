#ifndef CORPUS_TESTS_EXTRACT_EXTRACT_TEST_UTIL_H_
#define CORPUS_TESTS_EXTRACT_EXTRACT_TEST_UTIL_H_

#include <string>

#include "corpus/extract/extractor.h"
#include "corpus/extract/phrase_book.h"

namespace corpus::testing {

inline bool Has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// The phrases of a page in English (and of no other language).
inline PhraseSet EnglishPhrases() { return PhraseBook::Default().For("en"); }

// `count` paragraphs of German prose (about 215 bytes of non-space text
// each), "<tag> <i>: ..." so that a test can find each one.
inline std::string GermanParagraphs(const std::string& tag, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += "<p>" + tag + " " + std::to_string(i) +
           ": Der Gemeinderat hat am Dienstagabend nach langer Debatte beschlossen, die "
           "Brücke über den Fluss im kommenden Frühjahr zu sanieren, und die Kosten auf "
           "drei Jahre verteilt, damit die Schulen und das Schwimmbad nicht warten müssen.</p>";
  }
  return out;
}

// The plain-text extraction of a page whose <body> is `body`.
inline std::string ExtractBody(const std::string& body, const ExtractOptions& options = {}) {
  return ExtractMainContent("<html><body>" + body + "</body></html>", "", options).text;
}

}  // namespace corpus::testing

#endif  // CORPUS_TESTS_EXTRACT_EXTRACT_TEST_UTIL_H_

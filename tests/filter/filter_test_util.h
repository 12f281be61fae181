#ifndef CORPUS_TESTS_FILTER_FILTER_TEST_UTIL_H_
#define CORPUS_TESTS_FILTER_FILTER_TEST_UTIL_H_

#include <string>
#include <string_view>

#include "corpus/filter/document.h"

namespace corpus::testing {

// `n` copies of `word` separated by single spaces.
inline std::string Repeat(int n, std::string_view word, std::string_view sep = " ") {
  std::string out;
  for (int i = 0; i < n; ++i) {
    if (i) out += sep;
    out += word;
  }
  return out;
}

inline Document MakeDoc(std::string text, std::string lang = "en", std::string url = "") {
  Document doc(std::move(text), std::move(url));
  doc.set_language(std::move(lang), 0.99);
  return doc;
}

// English-like prose that passes every default rule: `paragraphs`
// paragraphs of five sentences of 8 to 15 words, drawn by a fixed
// pseudo-random walk from English function and content words.
inline std::string EnglishProse(int paragraphs, unsigned seed = 1) {
  static constexpr std::string_view kFunction[] = {"the", "of", "and", "to", "in", "a", "with", "that", "for", "on"};
  static constexpr std::string_view kContent[] = {
      "river",   "morning", "village", "teacher", "garden",  "window",   "winter",  "market",  "letter",  "family",
      "history", "kitchen", "journey", "country", "evening", "station",  "library", "student", "picture", "weather",
      "problem", "answer",  "summer",  "forest",  "friend",  "doctor",   "machine", "pattern", "harbor",  "island",
      "council", "bridge",  "meadow",  "painter", "walked",  "found",    "opened",  "watched", "carried", "painted",
      "visited", "heard",   "noticed", "followed", "quiet",  "bright",   "ancient", "careful", "simple",  "heavy",
      "early",   "later",   "often",   "never",   "slowly",  "together", "people",  "water",   "light",   "story",
      "school",  "road",    "house",   "field",   "music",   "paper",    "stone",   "voice",   "season",  "travel"};
  unsigned state = seed * 2654435761u + 12345u;
  auto next = [&state](unsigned n) {
    state = state * 1103515245u + 12345u;
    return (state >> 8) % n;
  };
  std::string out;
  for (int p = 0; p < paragraphs; ++p) {
    if (p) out += "\n\n";
    for (int s = 0; s < 5; ++s) {
      if (s) out += ' ';
      const unsigned len = 8 + next(8);
      for (unsigned w = 0; w < len; ++w) {
        std::string word(next(100) < 35 ? kFunction[next(10)] : kContent[next(70)]);
        if (w == 0) word[0] = static_cast<char>(word[0] - 32);
        if (w) out += ' ';
        out += word;
      }
      out += '.';
    }
  }
  return out;
}

}  // namespace corpus::testing

#endif  // CORPUS_TESTS_FILTER_FILTER_TEST_UTIL_H_

#ifndef CORPUS_TEXT_LANGUAGE_ID_H_
#define CORPUS_TEXT_LANGUAGE_ID_H_

#include <string>
#include <string_view>
#include <vector>

namespace corpus {

// What the identifier found in a text.
struct LanguageGuess {
  std::string code = "un";  // CLD2's code: "en", "fr", "zh", "zh-Hant", ...; "un" if unknown
  double score = 0;         // share of the text's letters in that language, 0..1
};

// Identifies the main language of plain text with CLD2 (thread-safe). The
// score is CLD2's percentage of the text bytes attributed to the top
// language, so 0.65 means "at least 65% of the text is in it"; it plays the
// part of fastText's probability in FineWeb's 0.65 threshold (Penedo et al.
// 2024, section 3.3). At most `max_bytes` from the start are read (a whole
// paragraph boundary is not needed: CLD2 scores letter runs).
LanguageGuess IdentifyLanguage(std::string_view text, size_t max_bytes = 1 << 20);

// Bytes per piece of a language sample: CLD2 is designed for texts of at
// least 200 characters (its README: "about two sentences"), so each piece
// is one such unit and the sample is a few of them from all over the page.
inline constexpr size_t kLanguageSamplePiece = 256;
// Score from which the sample's answer is final (the keep threshold of
// FineWeb is 0.65, well below).
inline constexpr double kConfidentLanguageScore = 0.9;

// At most `max_bytes` of `text` for identification: the text itself if it
// fits, else max_bytes / kLanguageSamplePiece pieces (at least one) evenly
// spaced from the start to the end, each cut to whole code points and,
// where a space allows, whole words, joined by newlines into `*buffer`.
std::string_view LanguageSample(std::string_view text, size_t max_bytes, std::string* buffer);

}  // namespace corpus

#endif  // CORPUS_TEXT_LANGUAGE_ID_H_

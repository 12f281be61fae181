#ifndef CORPUS_DEDUP_TEXT_NORMALIZER_H_
#define CORPUS_DEDUP_TEXT_NORMALIZER_H_

#include <string>
#include <string_view>

namespace corpus::dedup {

// Normalises text before it is hashed for deduplication, so trivial edits
// (case, accents, numbers, punctuation, spacing) do not hide a duplicate.
//
// The steps are those of FineWeb's MinHash deduplication (datatrove's
// `simplify_text` / TextNormConfig, used by the FineWeb paper, Penedo et al.
// 2024, §3.3): Unicode NFKD (compatibility decomposition, so full-width
// and half-width forms of CJK text fold to their usual width: "ＡＢＣ１２"
// is "abc0") with combining marks (diacritics, kana voicing marks) stripped
// and case folded (utf8proc), every run of decimal digits replaced by one
// "0", punctuation and symbols (Unicode categories P* and S*) turned into
// spaces, and whitespace runs collapsed to one space, trimmed at both ends.
//
// Text in a script written without spaces (Chinese, Japanese, Thai, ...) is
// first split into words by the product's segmenter (SegmentWords, ICU's
// dictionaries), the words joined by spaces, so MinHash shingles are word
// n-grams there as in English (docs/LANGUAGES.md).
//
// Contract: the output is valid UTF-8 made of words separated by single
// spaces. Invalid UTF-8 input is repaired byte-wise (bad bytes dropped) so
// the function never fails.
std::string NormalizeDedupText(std::string_view text);

// Names the normalisation above in config fingerprints and index metadata,
// so signatures made by an earlier version are never mixed with these
// ("fineweb-v1": before word segmentation and width folding).
inline constexpr std::string_view kDedupNormalizerVersion = "fineweb-v2-segmented";

// Normalises a URL for exact-URL deduplication with the crawler's NormalizeUrl
// (url/url.h): scheme and host canonical (WHATWG host spellings), default
// port and fragment dropped, dot segments and percent-encoding normalised, an
// empty path made "/". Query strings are kept (they may select different
// content). A URL that is not http(s) only loses its fragment.
std::string NormalizeDedupUrl(std::string_view url);

}  // namespace corpus::dedup

#endif  // CORPUS_DEDUP_TEXT_NORMALIZER_H_

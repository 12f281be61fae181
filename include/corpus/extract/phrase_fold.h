#ifndef CORPUS_EXTRACT_PHRASE_FOLD_H_
#define CORPUS_EXTRACT_PHRASE_FOLD_H_

#include <string>
#include <string_view>

namespace corpus {

// Punctuation, arrows and symbols that decorate a label or heading at either
// end: ASCII punctuation, Latin-1 guillemets, the middle dot and the
// inverted marks that open Spanish exclamations and questions, General
// Punctuation (dashes, curly quotes, the ellipsis, single guillemets),
// arrows, geometric shapes (triangles), dingbats, CJK punctuation
// (U+3000..U+303F), fullwidth ASCII punctuation, and emoji ("📲 Participe
// do canal", "🔥 Mais lidas"): the pictographs' planes (U+1F000..U+1FAFF),
// the symbols and arrows beside them (U+2B00..U+2BFF: ⭐ ⬇) and the
// variation selector that asks for the emoji form.
bool IsFoldDecoration(char32_t c);

// NFKC and Unicode case folding of `text` (utf8proc's, with stable
// normalization); ASCII lower-casing when `text` is not valid UTF-8.
std::string CaseFold(std::string_view text);

// Folds a short text for comparison with phrases: NFKC and Unicode case
// folding; then the spellings sites use for one another made one (curly
// and modifier apostrophes and the grave accent made straight, the four
// Turkish i's made "i", Romanian ş ţ made ș ț, Hebrew geresh and gershayim
// made ASCII quotes, Arabic-script harakat and tatweel left out, alef with
// or without hamza, the Arabic and Persian yeh and kaf and the alef maksura
// made one, zero width joiners and non-joiners left out, Malayalam chillus
// written as consonant and virama, Hebrew points left out and Yiddish
// ligatures written as their two letters); whitespace runs made one space, and
// none kept beside a letter of a script written without spaces (Han, Kana,
// Thai...: where markup split a line, "您需要 登录 才可以"); leading
// and trailing punctuation, arrows and symbols ("Read more »", "Recently
// viewed…", "関連記事：", "اقرأ أيضا:") removed. Invalid UTF-8 is folded as ASCII. docs/LANGUAGES.md has the why.
std::string FoldPhrase(std::string_view text);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_PHRASE_FOLD_H_

#include "corpus/extract/phrase_fold.h"

#include <utf8proc.h>

#include <array>
#include <cstdlib>

#include "corpus/text/text_units.h"
#include "corpus/util/ascii.h"
#include "corpus/util/utf8.h"

namespace corpus {

bool IsFoldDecoration(char32_t c) {
  if (c < 0x80) return !IsAsciiAlnum(static_cast<char>(c));
  return c == 0xA0 || c == 0xAB || c == 0xBB || c == 0xB7 || c == 0xA9 || c == 0xA1 || c == 0xBF ||
         (c >= 0x2000 && c <= 0x206F) || (c >= 0x2190 && c <= 0x21FF) ||
         (c >= 0x25A0 && c <= 0x27BF) || (c >= 0x3000 && c <= 0x303F) ||
         (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2B00 && c <= 0x2BFF) || c == 0xFE0F ||
         (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
         // Armenian comma and full stop; Arabic comma, semicolon, question
         // mark, full stop; the tatweel; the danda and double danda that end
         // sentences in the scripts of India and Bangladesh; Ethiopic
         // punctuation (wordspace, full stop, commas, colons); Khmer's full
         // stops and colon; Tibetan head marks, the tsheg that ends each
         // syllable and the shads that end clauses (U+0F04..U+0F14).
         c == 0x055D || c == 0x0589 || c == 0x060C || c == 0x061B || c == 0x061F ||
         c == 0x06D4 || c == 0x0640 || c == 0x0964 || c == 0x0965 || (c >= 0x1361 && c <= 0x1368) ||
         (c >= 0x17D4 && c <= 0x17D6) || (c >= 0x0F04 && c <= 0x0F14);
}


namespace {

// Marks a phrase is compared without: the Arabic tatweel (a stretched
// joint) and harakat (short vowels, tanween, shadda, sukun, superscript
// alef), which sites write on some words and not on others ("أيضاً",
// "أيضا"); the zero width non-joiner and joiner, which Persian and Indic
// sites put in one word and leave out of another, or scatter through words
// ("కార్ట్‌కు", "కార్ట్కు"); the zero width space, word joiner and byte order
// mark, which Khmer, Lao and Burmese text puts between words; Hebrew
// points (vowels, dagesh, rafe, the shin and sin dots), which Yiddish
// written in the standard spelling puts on letters that Hasidic spelling
// and Hebrew leave bare ("אַרטיקלען", "ארטיקלען"; "פֿאַר", "פאר"); the
// Devanagari nukta, which Hindi sites write in loanwords on one page and
// leave out on the next ("ख़बर", "खबर"; "फ़ोटो", "फोटो").
bool IsIgnoredMark(char32_t c) {
  return c == 0x0640 || (c >= 0x064B && c <= 0x0652) || c == 0x0670 || c == 0x200B ||
         c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF ||
         (c >= 0x05B0 && c <= 0x05BD) || c == 0x05BF || c == 0x05C1 || c == 0x05C2 ||
         c == 0x05C4 || c == 0x05C5 || c == 0x05C7 || c == 0x093C;
}

// A Latin letter with diacritics (U+00C0..U+024F, U+1E00..U+1EFF) as the
// ASCII letter it is built on ("ẹ" as "e", "ș" and "ş" as "s"), 0 for other
// code points (and for letters not built on one, such as "ł" or "ø").
// Sites type letters without their marks where the keyboard makes them
// hard (the French capital: "A lire aussi" for "À lire aussi"; the tones
// of Yoruba, Igbo and Wolof) or where capitals drop them ("MAS NOTICIAS"),
// and a chrome phrase does not meet a different phrase of its language
// once the marks are gone. See docs/LANGUAGES.md.
char32_t BareLatinLetter(char32_t c) {
  constexpr char32_t kLow = 0xC0, kHigh = 0x250, kAddLow = 0x1E00, kAddHigh = 0x1F00;
  static const std::array<char32_t, (kHigh - kLow) + (kAddHigh - kAddLow)>* const table = [] {
    auto* t = new std::array<char32_t, (kHigh - kLow) + (kAddHigh - kAddLow)>{};
    auto fill = [t](char32_t from, char32_t to, size_t at) {
      for (char32_t c = from; c < to; ++c, ++at) {
        utf8proc_int32_t parts[8];
        int last = 0;
        const utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(c), parts, 8,
                                                           UTF8PROC_DECOMPOSE, &last);
        if (n >= 2 && parts[0] < 0x80) (*t)[at] = static_cast<char32_t>(parts[0]);
      }
    };
    fill(kLow, kHigh, 0);
    fill(kAddLow, kAddHigh, kHigh - kLow);
    return t;
  }();
  if (c >= kLow && c < kHigh) return (*table)[c - kLow];
  if (c >= kAddLow && c < kAddHigh) return (*table)[(kHigh - kLow) + (c - kAddLow)];
  return 0;
}

// The code point a letter or mark is compared as, where sites write one for
// another: curly and modifier apostrophes, and the grave accent typed for
// one, as "'" ("пов’язані", "повʼязані", Uzbek "oʻqing", "o`qing"); the
// Turkish dotless ı as "i" (the fold already gives "I" as "i", and "İ" as
// "i" and a combining dot, dropped in FoldPhrase); Greek vowels with the
// tonos as the bare vowels (or the vowel with the dialytika), since Greek
// written in capitals drops the accent ("ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ" is "Διαβάστε
// επίσης"); the Russian ё as е, which most Russian text writes for it
// ("Ещё новости", "Еще новости"); a Latin letter with diacritics as its
// bare letter (BareLatinLetter); Hebrew's geresh and gershayim as
// the ASCII marks most pages type for them; in Arabic script, alef with or
// without hamza or madda as alef (U+0627), the Persian yeh and the alef
// maksura as the Arabic yeh (U+064A), the Persian kaf as the Arabic kaf
// (U+0643), the teh marbuta as the heh that much Egyptian and Gulf web
// text types for it ("ذات صلة", "ذات صله"); the Devanagari candrabindu as
// the anusvara that Hindi sites often write for it ("टिप्पणियाँ",
// "टिप्पणियां"); letters of Pashto, Urdu and Kurdish that sites typing on an
// Arabic or Persian keyboard write with the nearest letter it has: Urdu's
// gol he and Sorani Kurdish's ae as heh (U+0647, "متعلقہ" typed "متعلقه",
// "بابەتی" typed "بابه‌تی"), Pashto's gaf with a ring as gaf (U+06AF) and its
// e as yeh ("ګټې", "گټي"). Other code points are returned as they are.
char32_t ComparedAs(char32_t c) {
  if (const char32_t bare = BareLatinLetter(c); bare != 0) return bare;
  switch (c) {
    case 0x2018: case 0x2019: case 0x02BB: case 0x02BC: case 0x0060: return 0x0027;
    case 0x0131: return 0x0069;
    case 0x03AC: return 0x03B1;
    case 0x03AD: return 0x03B5;
    case 0x03AE: return 0x03B7;
    case 0x03AF: return 0x03B9;
    case 0x03CC: return 0x03BF;
    case 0x03CD: return 0x03C5;
    case 0x03CE: return 0x03C9;
    case 0x0390: return 0x03CA;
    case 0x03B0: return 0x03CB;
    case 0x0451: return 0x0435;
    case 0x05F3: return 0x0027;
    case 0x05F4: return 0x0022;
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;
    case 0x0649: case 0x06CC: return 0x064A;
    case 0x06A9: return 0x0643;
    case 0x0629: return 0x0647;
    case 0x0901: return 0x0902;
    case 0x06C1: case 0x06D5: return 0x0647;
    case 0x06AB: return 0x06AF;
    case 0x06D0: return 0x064A;
    default: return c;
  }
}

constexpr char32_t kMalayalamVirama = 0x0D4D;

// The two code points one letter is compared as, where sites write either:
// a Malayalam chillu (U+0D7A..U+0D7F: ൺ ൻ ർ ൽ ൾ ൿ), the letter Unicode 5.1
// gave to a consonant and virama written with a joiner ("വാർത്തകൾ"), as
// its consonant and virama; a Yiddish ligature (U+05F0..U+05F2: װ ױ ײ) as
// its two letters (וו וי יי). {0, 0} for other code points.
std::array<char32_t, 2> ComparedAsTwo(char32_t c) {
  switch (c) {
    case 0x0D7A: return {0x0D23, kMalayalamVirama};
    case 0x0D7B: return {0x0D28, kMalayalamVirama};
    case 0x0D7C: return {0x0D30, kMalayalamVirama};
    case 0x0D7D: return {0x0D32, kMalayalamVirama};
    case 0x0D7E: return {0x0D33, kMalayalamVirama};
    case 0x0D7F: return {0x0D15, kMalayalamVirama};
    case 0x05F0: return {0x05D5, 0x05D5};
    case 0x05F1: return {0x05D5, 0x05D9};
    case 0x05F2: return {0x05D9, 0x05D9};
    default: return {0, 0};
  }
}

constexpr auto kFoldOptions =
    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);

// utf8proc's fold (kFoldOptions) of `text` into *out; false if utf8proc
// refuses it (not valid UTF-8).
bool Utf8procFold(std::string_view text, std::string* out) {
  utf8proc_uint8_t* folded = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                          static_cast<utf8proc_ssize_t>(text.size()), &folded, kFoldOptions);
  if (n >= 0) out->assign(reinterpret_cast<const char*>(folded), static_cast<size_t>(n));
  std::free(folded);
  return n >= 0;
}

// The NFKC case fold of code points below kFoldTableEnd (Latin, Greek and
// Cyrillic) and of General Punctuation (U+2000..U+206F: the curly quotes,
// dashes, ellipsis and spaces of text in every script) that do not
// combine: each one's fold, computed once by utf8proc for that code point
// alone. A text made only of such code points folds to the concatenation
// of their folds (normalization changes a text only around combining
// marks, and no fold here starts with one; a unit test checks every pair),
// so most European text is folded by table lookups instead of utf8proc's
// decomposition and recomposition of the whole text.
constexpr char32_t kFoldTableEnd = 0x530;
constexpr char32_t kPunctuationBegin = 0x2000, kPunctuationEnd = 0x2070;
constexpr size_t kFoldTableSize = kFoldTableEnd + (kPunctuationEnd - kPunctuationBegin);
struct FoldTable {
  std::array<std::string, kFoldTableSize> fold;
  std::array<bool, kFoldTableSize> known{};
};

// The slot of code point `c` in FoldTable, or kFoldTableSize if it has none.
size_t FoldSlot(char32_t c) {
  if (c < kFoldTableEnd) return c;
  if (c >= kPunctuationBegin && c < kPunctuationEnd) return kFoldTableEnd + (c - kPunctuationBegin);
  return kFoldTableSize;
}

const FoldTable& Folds() {
  static const FoldTable* const table = [] {
    auto* t = new FoldTable;
    for (char32_t c = 0; c < kPunctuationEnd; ++c) {
      const size_t slot = FoldSlot(c);
      if (slot == kFoldTableSize) continue;
      if (utf8proc_get_property(static_cast<utf8proc_int32_t>(c))->combining_class != 0) continue;
      char one[4];
      t->known[slot] = Utf8procFold(std::string_view(one, EncodeUtf8(c, one)), &t->fold[slot]);
    }
    return t;
  }();
  return *table;
}

}  // namespace

std::string CaseFold(std::string_view text) {
  bool ascii = true;
  for (char c : text) ascii = ascii && !(c & 0x80);
  if (ascii) return AsciiLowercase(text);
  const FoldTable& table = Folds();
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size();) {
    char32_t c;
    const size_t len = DecodeUtf8(text, i, &c);
    const size_t slot = len == 0 ? kFoldTableSize : FoldSlot(c);
    if (slot == kFoldTableSize || !table.known[slot]) {
      // A code point the table does not hold: utf8proc folds the whole text.
      return Utf8procFold(text, &out) ? out : AsciiLowercase(text);
    }
    out += table.fold[slot];
    i += len;
  }
  return out;
}

std::string FoldPhrase(std::string_view text) {
  const std::string folded = CaseFold(text);
  std::string out;
  out.reserve(folded.size());
  const std::string_view s(folded);
  // Trim decoration at both ends, then copy with whitespace runs folded.
  size_t b = 0, e = s.size();
  while (b < e) {
    size_t next = b;
    if (!IsFoldDecoration(NextCodePoint(s, &next))) break;
    b = next;
  }
  while (e > b) {
    size_t prev = e;
    if (!IsFoldDecoration(PrevCodePoint(s, &prev))) break;
    e = prev;
  }
  bool space = false;
  char32_t last = 0;  // the last code point written out
  for (size_t i = b; i < e;) {
    if (const auto byte = static_cast<unsigned char>(s[i]); byte < 0x80) {
      // ASCII, the common case, by the rules below: no ASCII character is
      // an ignored mark, in a script without spaces, or compared as two;
      // the grave accent is compared as the apostrophe (ComparedAs).
      ++i;
      if (byte == ' ' || byte == '\t' || byte == '\n' || byte == '\r' || byte == '\f') {
        space = true;
        continue;
      }
      if (space && !out.empty() && !IsNonSpacingScript(last)) out.push_back(' ');
      space = false;
      last = byte;
      out.push_back(byte == '`' ? '\'' : static_cast<char>(byte));
      continue;
    }
    const size_t at = i;
    const char32_t c = NextCodePoint(s, &i);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0 ||
        c == 0x3000) {
      space = true;
      continue;
    }
    if (IsIgnoredMark(c)) continue;
    // The dot the fold leaves after the "i" of a Turkish "İ": all four
    // Turkish i's are compared as "i" (with ComparedAs), so "İLGİLİ
    // HABERLER" and "DEVAMINI OKU" match "İlgili haberler", "Devamını oku".
    if (c == 0x0307 && !out.empty() && out.back() == 'i') continue;
    // Scripts written without spaces between words (Han, Kana, Thai...):
    // a space beside their letters is where markup split the line (a link
    // inside a sentence), not a word boundary; it is left out.
    if (space && !out.empty() && !IsNonSpacingScript(c) && !IsNonSpacingScript(last)) {
      out.push_back(' ');
    }
    space = false;
    last = c;
    if (const std::array<char32_t, 2> two = ComparedAsTwo(c); two[0] != 0) {
      // A chillu or a ligature, as its two code points (the joiner of an
      // older chillu is ignored above).
      char bytes[8];
      size_t n = EncodeUtf8(two[0], bytes);
      n += EncodeUtf8(two[1], bytes + n);
      out.append(bytes, n);
    } else if (const char32_t same = ComparedAs(c); same != c) {
      char bytes[4];
      out.append(bytes, EncodeUtf8(same, bytes));
    } else {
      out.append(s.substr(at, i - at));
    }
  }
  return out;
}

}  // namespace corpus

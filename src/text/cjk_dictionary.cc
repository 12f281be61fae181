#include "corpus/text/cjk_dictionary.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/ubrk.h>
#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/unorm2.h>
#include <unicode/ures.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <string>

namespace corpus {

namespace {

// The layout of ICU's dictionary files (ICU's dictionarydata.h; see
// docs/LANGUAGES.md): a header of int32 indexes, the trie at byte offset
// indexes[kIndexTrieOffset], its kind in the low bits of indexes[kIndexTrieType].
constexpr int kIndexTrieOffset = 0;
constexpr int kIndexTrieType = 4;
constexpr int kIndexCount = 8;
constexpr int32_t kTrieTypeMask = 7;
constexpr int32_t kTrieTypeUChars = 1;

// ICU's engine: words of at most 20 UTF-16 units, an unknown character as a
// one-character word of cost 255, a run of n Katakana (n < 20) as one
// candidate word of cost kKatakanaCost[n] (8192 past 8).
constexpr int kMaxWordUnits = 20;
constexpr uint32_t kUnknownCost = 255;
constexpr size_t kMaxKatakanaRun = 20;
constexpr uint32_t kKatakanaCost[] = {8192, 984, 408, 240, 204, 252, 300, 372, 480};

// The ICU whose engine this is.
constexpr uint8_t kIcuMajorVersion = 72;

// ICU's engine's own test for Katakana (not the Unicode property).
bool IsKatakana(char32_t c) { return (c >= 0x30A1 && c <= 0x30FE && c != 0x30FB) || (c >= 0xFF66 && c <= 0xFF9F); }

uint32_t KatakanaCost(size_t n) { return n < std::size(kKatakanaCost) ? kKatakanaCost[n] : 8192; }

// Opens ICU's dictionary for Han the way ICU's break iterator does: the
// file named under "dictionaries" / "Hani" in ICU's break-iterator data.
const char16_t* OpenHanDictionary(UDataMemory** file) {
  static constexpr char kTree[] = U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr";
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* root = ures_open(kTree, "", &status);
  UResourceBundle* dicts = ures_getByKey(root, "dictionaries", nullptr, &status);
  int32_t len = 0;
  const UChar* name = ures_getStringByKey(dicts, "Hani", &len, &status);
  std::string base, ext;
  if (U_SUCCESS(status)) {
    std::string s;
    for (int32_t i = 0; i < len; ++i) s.push_back(static_cast<char>(name[i]));
    const size_t dot = s.rfind('.');
    base = s.substr(0, dot);
    if (dot != std::string::npos) ext = s.substr(dot + 1);
  }
  ures_close(dicts);
  ures_close(root);
  if (U_FAILURE(status) || base.empty()) return nullptr;
  UDataMemory* data = udata_open(kTree, ext.c_str(), base.c_str(), &status);
  if (U_FAILURE(status)) return nullptr;
  const auto* bytes = static_cast<const uint8_t*>(udata_getMemory(data));
  const auto* indexes = reinterpret_cast<const int32_t*>(bytes);
  if (bytes == nullptr || indexes[kIndexTrieOffset] < kIndexCount * 4 ||
      (indexes[kIndexTrieType] & kTrieTypeMask) != kTrieTypeUChars) {
    udata_close(data);
    return nullptr;
  }
  *file = data;
  return reinterpret_cast<const char16_t*>(bytes + indexes[kIndexTrieOffset]);
}

}  // namespace

const CjkDictionary* CjkDictionary::Get() {
  static const CjkDictionary* const instance = []() -> const CjkDictionary* {
    // The algorithm is ICU 72's, checked against ICU 72 (docs/LANGUAGES.md);
    // with another ICU at run time, ICU splits every run itself.
    UVersionInfo version;
    u_getVersion(version);
    if (version[0] != kIcuMajorVersion) return nullptr;
    UDataMemory* file = nullptr;
    const char16_t* trie = OpenHanDictionary(&file);
    if (trie == nullptr) return nullptr;
    return new CjkDictionary(trie, file);  // lives as long as the process
  }();
  return instance;
}

uint8_t CjkDictionary::ClassOfUncached(char32_t c) {
  const auto cp = static_cast<UChar32>(c);
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(cp, &status);
  const bool han_kana = script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA;
  // ICU's Han/Kana engine's characters.
  const bool engine = han_kana || c == 0x30FC || c == 0xFF70 || c == 0xFF9E || c == 0xFF9F;
  const int32_t wb = u_getIntPropertyValue(cp, UCHAR_WORD_BREAK);
  // The word rules' Han, Hiragana and Katakana (Katakana by Word_Break).
  const bool kana_kanji = script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || wb == U_WB_KATAKANA;
  const bool ex_fm = wb == U_WB_EXTEND || wb == U_WB_FORMAT || wb == U_WB_ZWJ;
  const bool nfkc = u_getIntPropertyValue(cp, UCHAR_NFKC_QUICK_CHECK) == UNORM_YES && u_getCombiningClass(cp) == 0;
  // The word rules' dictionary characters: Han, Kana, Hangul syllables and
  // the scripts of Thai, Lao, Khmer and Myanmar.
  const bool dictionary = kana_kanji || (c >= 0xAC00 && c <= 0xD7A3) ||
                          u_getIntPropertyValue(cp, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT;
  uint8_t bits = 0;
  if (engine && kana_kanji && !ex_fm && nfkc) bits |= kRun;
  if ((bits & kRun) && han_kana) bits |= kRunStart;
  if (!dictionary && !ex_fm && wb != U_WB_KATAKANA && wb != U_WB_EXTENDNUMLET) bits |= kBreaksRun;
  return bits;
}

CjkDictionary::CjkDictionary(const char16_t* trie, void* data_file)
    : trie_(trie), data_file_(data_file), table_(kTableSize), first_state_(kTableSize, 0), first_result_(kTableSize, 0) {
  icu::UCharsTrie walker(trie_);
  for (char32_t c = 0; c < kTableSize; ++c) {
    table_[c] = ClassOfUncached(c);
    if ((table_[c] & kRun) == 0) continue;
    const UStringTrieResult r = walker.firstForCodePoint(static_cast<UChar32>(c));
    first_result_[c] = static_cast<uint8_t>(r);
    if (r != USTRINGTRIE_NO_MATCH) first_state_[c] = walker.getState64();
  }
  MarkSeparators();
}

void CjkDictionary::MarkSeparators() {
  // ICU's word rules are Unicode's with changes of their own ("@" is a
  // letter there), so a candidate is asked of ICU itself: between runs of
  // each script, it must stand alone as a piece that is no word.
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || words == nullptr) return;
  static constexpr char16_t kSides[][3] = {u"中文", u"ひら", u"カタ"};  // Han, Hiragana, Katakana
  const auto separates = [&](char16_t c, const char16_t* left, const char16_t* right) {
    const char16_t text[5] = {left[0], left[1], c, right[0], right[1]};
    icu::UnicodeString s(false, text, 5);
    words->setText(s);
    // Boundaries at 2 and 3 (the runs' own words may split them further),
    // the piece between them no word.
    bool before = false, after = false;
    for (int32_t b = words->first(); b != icu::BreakIterator::DONE; b = words->next()) {
      before = before || b == 2;
      if (b == 3) after = before && words->getRuleStatus() < UBRK_WORD_NONE_LIMIT;
    }
    return after;
  };
  // The punctuation of the blocks Chinese and Japanese text draws on (ICU
  // takes ~15,000 instructions a question, so not all 625 of the BMP's):
  // ASCII and Latin-1, General Punctuation, CJK Symbols and Punctuation,
  // the vertical, compatibility and small forms, Halfwidth and Fullwidth Forms.
  static constexpr char32_t kBlocks[][2] = {
      {0x0000, 0x00FF}, {0x2000, 0x206F}, {0x3000, 0x303F}, {0xFE10, 0xFE1F}, {0xFE30, 0xFE6F}, {0xFF00, 0xFFEF}};
  for (const auto& block : kBlocks) {
    for (char32_t c = block[0]; c <= block[1]; ++c) {
      const auto cp = static_cast<UChar32>(c);
      if ((table_[c] & kBreaksRun) == 0 || (U_GET_GC_MASK(cp) & U_GC_P_MASK) == 0 ||
          u_hasBinaryProperty(cp, UCHAR_EXTENDED_PICTOGRAPHIC)) {
        continue;
      }
      const auto u = static_cast<char16_t>(c);
      if (separates(u, kSides[0], kSides[1]) && separates(u, kSides[1], kSides[2]) &&
          separates(u, kSides[2], kSides[0])) {
        table_[c] |= kSeparator;
      }
    }
  }
}

namespace {

// Slots of Scratch::pairs: 16,384 of 16 bytes.
constexpr int kPairSlotsLog2 = 14;

// The trie's step to the second character of `key` from the state after its
// first (which *trie is in), through the cache.
UStringTrieResult PairStepOf(uint32_t key, icu::UCharsTrie* trie, CjkDictionary::Scratch* scratch) {
  if (scratch->pairs.empty()) scratch->pairs.resize(size_t{1} << kPairSlotsLog2);
  CjkDictionary::PairStep& slot = scratch->pairs[(key * 0x9E3779B1u) >> (32 - kPairSlotsLog2)];
  if (slot.key == key) {
    const auto r = static_cast<UStringTrieResult>(slot.result);
    if (r != USTRINGTRIE_NO_MATCH) trie->resetToState64(slot.state);
    return r;
  }
  const UStringTrieResult r = trie->next(static_cast<int32_t>(key & 0xFFFF));
  slot.key = key;
  slot.result = static_cast<uint8_t>(r);
  if (r != USTRINGTRIE_NO_MATCH) slot.state = trie->getState64();
  return r;
}

}  // namespace

void CjkDictionary::Split(const char32_t* run, size_t n, Scratch* scratch, std::vector<uint32_t>* ends) const {
  std::vector<uint32_t>& cost = scratch->cost;
  std::vector<uint32_t>& prev = scratch->prev;
  cost.assign(n + 1, UINT32_MAX);
  prev.assign(n + 1, 0);
  cost[0] = 0;
  const auto relax = [&](size_t from, size_t to, uint32_t c) {
    if (c < cost[to]) {
      cost[to] = c;
      prev[to] = static_cast<uint32_t>(from);
    }
  };
  icu::UCharsTrie trie(trie_);
  bool prev_katakana = false;
  for (size_t i = 0; i < n; ++i) {
    if (cost[i] == UINT32_MAX) continue;  // as ICU (never true: every character is a word)
    const uint32_t base = cost[i];
    // Dictionary words starting at i, shortest first.
    bool one_char_word = false;
    UStringTrieResult r;
    if (run[i] < kTableSize) {
      r = static_cast<UStringTrieResult>(first_result_[run[i]]);
      if (r != USTRINGTRIE_NO_MATCH) trie.resetToState64(first_state_[run[i]]);
    } else {
      r = trie.firstForCodePoint(static_cast<UChar32>(run[i]));
    }
    int units = U16_LENGTH(run[i]);
    for (size_t k = 1;; ++k) {
      if (r == USTRINGTRIE_NO_MATCH) break;
      if (USTRINGTRIE_HAS_VALUE(r)) {
        relax(i, i + k, base + static_cast<uint32_t>(trie.getValue()));
        one_char_word = one_char_word || k == 1;
        if (r == USTRINGTRIE_FINAL_VALUE) break;
      }
      if (units >= kMaxWordUnits || i + k >= n) break;
      if (k == 1 && run[i] < kTableSize && run[i + 1] < kTableSize) {
        r = PairStepOf(static_cast<uint32_t>(run[i]) << 16 | static_cast<uint32_t>(run[i + 1]), &trie, scratch);
      } else {
        r = trie.nextForCodePoint(static_cast<UChar32>(run[i + k]));
      }
      units += U16_LENGTH(run[i + k]);
    }
    if (!one_char_word) relax(i, i + 1, base + kUnknownCost);
    // A run of Katakana is a candidate word of its own.
    const bool katakana = IsKatakana(run[i]);
    if (katakana && !prev_katakana) {
      size_t len = 1;
      while (i + len < n && len < kMaxKatakanaRun && IsKatakana(run[i + len])) ++len;
      if (len < kMaxKatakanaRun) relax(i, i + len, base + KatakanaCost(len));
    }
    prev_katakana = katakana;
  }
  const size_t first = ends->size();
  for (size_t e = n; e > 0; e = prev[e]) ends->push_back(static_cast<uint32_t>(e));
  std::reverse(ends->begin() + static_cast<std::ptrdiff_t>(first), ends->end());
}

}  // namespace corpus

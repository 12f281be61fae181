#ifndef CORPUS_TEXT_CJK_DICTIONARY_H_
#define CORPUS_TEXT_CJK_DICTIONARY_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace corpus {

// CjkDictionary splits runs of Chinese and Japanese characters into words
// exactly as ICU 72's dictionary engine for Han and Kana does (the cost-based
// best path over the words of ICU's own "cjdict" dictionary, unknown
// characters as one-character words of the highest cost, ICU's costs for
// runs of Katakana), without going through ICU's break iterator. It also
// tells which characters such a run may hold and which characters around a
// run keep ICU's word rules from joining the run to its neighbours, so that
// WordSegmenter can hand it exactly the runs ICU would hand its engine.
// docs/LANGUAGES.md ("How CJK runs are split") describes the algorithm and
// why its answers equal ICU's.
//
// Thread-safety: the instance is immutable once built and shared by all
// threads; Split and ClassOf may be called concurrently (each caller passes
// its own Scratch).
class CjkDictionary {
 public:
  // Character classes (bit flags) for ClassOf.
  enum : uint8_t {
    // The character may be inside a run handed to Split: ICU's engine and
    // ICU's word rules both take it as a Han/Kana dictionary character, it is
    // not Extend/Format/ZWJ for the word rules, and it is already in NFKC.
    kRun = 1,
    // A run may begin with it: its script is Han, Hiragana or Katakana (ICU
    // chooses its engine by the script of a run's first character; U+30FC
    // and U+FF70 are of no script).
    kRunStart = 2,
    // Next to a run, ICU's word rules break between it and the run on that
    // side: it is no dictionary character (nor Hangul or Thai-like), not
    // Katakana, ExtendNumLet, Extend, Format or ZWJ for the word rules.
    kBreaksRun = 4,
    // A punctuation character (general category P*, not
    // Extended_Pictographic) of the blocks Chinese and Japanese text uses
    // (ASCII, Latin-1, General Punctuation, CJK Symbols and Punctuation,
    // vertical, compatibility, small, halfwidth and fullwidth forms) with
    // kBreaksRun that ICU's word iterator,
    // asked once per process, splits off as a piece of no word between
    // runs of Han, Hiragana and Katakana. A token of runs with one such
    // character between each two has the runs' words as its words.
    kSeparator = 8,
  };

  // One remembered step of the trie: after the BMP characters `key` >> 16
  // and `key` & 0xFFFF, its result and (unless USTRINGTRIE_NO_MATCH) state.
  struct PairStep {
    uint32_t key = 0;  // 0: empty (no run character is U+0000)
    uint8_t result = 0;
    uint64_t state = 0;
  };

  // Per-caller working memory of Split.
  struct Scratch {
    std::vector<uint32_t> cost;  // best cost of the first i code points
    std::vector<uint32_t> prev;  // start of the last word of that best path
    // The trie's step after the first two characters of a word, cached by
    // the pair's hash (one entry a slot, a newer pair replaces an older):
    // the second character's step is the costliest, a search among all
    // the words that follow the first, and text repeats its pairs.
    std::vector<PairStep> pairs;
  };

  // The process's instance, built on first use from ICU's data; nullptr when
  // ICU's data has no usable Han dictionary or the ICU loaded is not ICU 72
  // (then nothing may use it).
  static const CjkDictionary* Get();

  CjkDictionary(const CjkDictionary&) = delete;
  CjkDictionary& operator=(const CjkDictionary&) = delete;

  // The class bits of `c` (0 for none).
  uint8_t ClassOf(char32_t c) const { return c < kTableSize ? table_[c] : ClassOfUncached(c); }

  // Appends to *ends the end (code point index into `run`, ascending, the
  // last one n) of each word ICU's engine finds in run[0, n).
  // REQUIRES: n > 0 and every run[i] has kRun.
  void Split(const char32_t* run, size_t n, Scratch* scratch, std::vector<uint32_t>* ends) const;

 private:
  static constexpr char32_t kTableSize = 0x10000;

  CjkDictionary(const char16_t* trie, void* data_file);
  static uint8_t ClassOfUncached(char32_t c);
  // Adds kSeparator to the table's characters that earn it.
  void MarkSeparators();

  const char16_t* trie_;  // ICU's serialized UCharsTrie of the dictionary
  void* data_file_;       // ICU's UDataMemory holding it, kept open
  std::vector<uint8_t> table_;  // ClassOf for the BMP
  // The trie after the first character, per BMP character: its result
  // (USTRINGTRIE_NO_MATCH when no word starts with it) and its getState64().
  std::vector<uint64_t> first_state_;
  std::vector<uint8_t> first_result_;
};

}  // namespace corpus

#endif  // CORPUS_TEXT_CJK_DICTIONARY_H_

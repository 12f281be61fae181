#include "corpus/text/word_segmenter.h"

#include "corpus/text/cjk_dictionary.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <unicode/utext.h>

#include <algorithm>
#include <climits>
#include <cstring>

namespace corpus {

struct WordSegmenter::Run {
  uint32_t begin;  // code point index of its first character in the token
  uint32_t end;    // past its last
  int32_t at;      // the UTF-16 index of its placeholder in the text ICU reads
};

struct WordSegmenter::Impl {
  std::unique_ptr<icu::BreakIterator> iter;
  UText text = UTEXT_INITIALIZER;
  std::vector<UChar> utf16;        // the token being split, in UTF-16
  std::vector<uint32_t> offsets;   // UTF-16 index -> byte offset in the token, and its size last
  // Whether runs of Han and Kana are split by CjkDictionary (fetched on the
  // first token that has such a run, so that text without any never builds
  // it); the token's code points with their byte offsets (and its size
  // last) while it is split.
  bool own_cjk = true;
  const CjkDictionary* cjk = nullptr;
  CjkDictionary::Scratch cjk_scratch;
  std::vector<char32_t> cps;
  std::vector<uint32_t> cp_offsets;
  std::vector<Run> runs;
  std::vector<uint32_t> ends;

  ~Impl() { utext_close(&text); }
};

namespace {

// `s` as code points into *cps, with the byte offset of each (and s.size()
// after them) into *offsets; false if `s` is not well-formed UTF-8.
bool Decode(std::string_view s, std::vector<char32_t>* cps, std::vector<uint32_t>* offsets) {
  cps->clear();
  offsets->clear();
  if (s.size() > static_cast<size_t>(INT32_MAX)) return false;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    const auto at = static_cast<uint32_t>(i);
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
    cps->push_back(static_cast<char32_t>(c));
    offsets->push_back(at);
  }
  offsets->push_back(static_cast<uint32_t>(n));
  return true;
}

// Appends `piece` as a word.
void AppendWord(std::string_view piece, std::vector<Word>* out) {
  Word w{piece, 0, false};
  for (size_t i = 0; i < piece.size();) {
    const char32_t c = NextCodePoint(piece, &i);
    ++w.chars;
    w.has_letter = w.has_letter || IsLetter(c);
  }
  out->push_back(w);
}

// The placeholder a run of Han/Kana stands as in the text ICU reads: one
// Han character, which ICU's word rules treat as any character of the run
// (docs/LANGUAGES.md, "How CJK runs are split").
constexpr UChar kRunPlaceholder = 0x4E00;

}  // namespace

WordSegmenter::WordSegmenter(bool icu_only) {
  UErrorCode status = U_ZERO_ERROR;
  // The root locale's word rules already use ICU's dictionaries for Han,
  // Kana, Thai, Lao, Khmer and Myanmar; no per-language instance is needed.
  std::unique_ptr<icu::BreakIterator> iter(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || iter == nullptr) return;
  impl_ = std::make_unique<Impl>();
  impl_->iter = std::move(iter);
  impl_->own_cjk = !icu_only;
}

WordSegmenter::~WordSegmenter() = default;

size_t FindNonSpacingScript(std::string_view text) {
  // Every non-spacing script lies at U+0E00 or above: three- and four-byte
  // sequences only, so only bytes >= 0xE0 (never continuation bytes) are
  // decoded, and eight bytes without a top bit set (ASCII) are passed over
  // at once.
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t block;
      std::memcpy(&block, text.data() + i, 8);
      if ((block & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<uint8_t>(text[i]) < 0xE0) {
      ++i;
      continue;
    }
    const size_t at = i;
    if (IsNonSpacingScript(NextCodePoint(text, &i))) return at;
  }
  return std::string_view::npos;
}

bool HasNonSpacingScript(std::string_view word) { return FindNonSpacingScript(word) != std::string_view::npos; }

void WordSegmenter::Segment(std::string_view text, std::vector<Word>* words, std::vector<uint32_t>* line_tokens) {
  TokenizeWords(text, words, line_tokens);
  if (impl_ == nullptr) return;
  // One scan of the text finds the first character that needs the
  // dictionary; the words ending before it are final as they are (most
  // texts: all of them). A byte >= 0xE0 starts a code point wherever it is,
  // so the scan decodes what the tokeniser decoded.
  const size_t at = FindNonSpacingScript(text);
  if (at == std::string_view::npos) return;
  const char* const from = text.data() + at;
  const auto first_it = std::partition_point(words->begin(), words->end(),
                                             [from](const Word& w) { return w.text.data() + w.text.size() <= from; });
  if (first_it == words->end()) return;
  // Rebuild from the first token that may need the dictionary on.
  scratch_.assign(first_it, words->end());
  words->erase(first_it, words->end());
  for (const Word& token : scratch_) {
    if (HasNonSpacingScript(token.text)) {
      SplitToken(token, words);
    } else {
      words->push_back(token);
    }
  }
}

void WordSegmenter::SplitToken(const Word& token, std::vector<Word>* out) {
  Impl& m = *impl_;
  UErrorCode status = U_ZERO_ERROR;
  const bool wide = Decode(token.text, &m.cps, &m.cp_offsets);
  if (wide) {
    FindRuns();
    if (OnlyRunsAndSeparators()) {
      // Runs, and punctuation between them: the words are the runs' words.
      for (const Run& run : m.runs) AppendRun(token, run, out);
      return;
    }
    // Well-formed text goes to ICU as UTF-16, its own form, with each run
    // the dictionary splits here as one placeholder character: ICU's word
    // rules break on both sides of such a run and of the placeholder alike.
    m.utf16.clear();
    m.offsets.clear();
    size_t next_run = 0;
    for (size_t i = 0; i < m.cps.size();) {
      if (next_run < m.runs.size() && m.runs[next_run].begin == i) {
        m.runs[next_run].at = static_cast<int32_t>(m.utf16.size());
        m.utf16.push_back(kRunPlaceholder);
        m.offsets.push_back(m.cp_offsets[i]);
        i = m.runs[next_run++].end;
        continue;
      }
      const char32_t c = m.cps[i];
      if (c <= 0xFFFF) {
        m.utf16.push_back(static_cast<UChar>(c));
        m.offsets.push_back(m.cp_offsets[i]);
      } else {
        m.utf16.push_back(U16_LEAD(c));
        m.utf16.push_back(U16_TRAIL(c));
        m.offsets.push_back(m.cp_offsets[i]);
        m.offsets.push_back(m.cp_offsets[i]);
      }
      ++i;
    }
    m.offsets.push_back(static_cast<uint32_t>(token.text.size()));
    utext_openUChars(&m.text, m.utf16.data(), static_cast<int64_t>(m.utf16.size()), &status);
  } else {
    // Ill-formed text is read over its bytes, where ICU takes each bad byte
    // as U+FFFD.
    m.runs.clear();
    utext_openUTF8(&m.text, token.text.data(), static_cast<int64_t>(token.text.size()), &status);
  }
  if (U_FAILURE(status)) {
    out->push_back(token);
    return;
  }
  icu::BreakIterator& it = *m.iter;
  it.setText(&m.text, status);
  if (U_FAILURE(status)) {
    out->push_back(token);
    return;
  }
  // Breaks are native indexes: UTF-16 units, or bytes of token.text.
  const auto byte = [&](int32_t k) { return wide ? size_t{m.offsets[static_cast<size_t>(k)]} : static_cast<size_t>(k); };
  size_t next_run = 0;
  int32_t begin = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; begin = end, end = it.next()) {
    if (next_run < m.runs.size() && m.runs[next_run].at == begin) {
      AppendRun(token, m.runs[next_run++], out);
      continue;
    }
    // UBRK_WORD_NONE..UBRK_WORD_NONE_LIMIT: spaces, punctuation, symbols.
    if (it.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
    AppendWord(token.text.substr(byte(begin), byte(end) - byte(begin)), out);
  }
}

void WordSegmenter::FindRuns() {
  Impl& m = *impl_;
  m.runs.clear();
  if (!m.own_cjk) return;
  if (m.cjk == nullptr) {
    m.cjk = CjkDictionary::Get();
    m.own_cjk = m.cjk != nullptr;
    if (!m.own_cjk) return;
  }
  const CjkDictionary& dict = *m.cjk;
  const size_t n = m.cps.size();
  for (size_t i = 0; i < n;) {
    if ((dict.ClassOf(m.cps[i]) & CjkDictionary::kRun) == 0) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < n && (dict.ClassOf(m.cps[j]) & CjkDictionary::kRun) != 0) ++j;
    // A run of one character costs ICU nothing; a run whose neighbours may
    // join it, or which starts with a character of no script, stays ICU's.
    if (j - i >= 2 && (dict.ClassOf(m.cps[i]) & CjkDictionary::kRunStart) != 0 &&
        (i == 0 || (dict.ClassOf(m.cps[i - 1]) & CjkDictionary::kBreaksRun) != 0) &&
        (j == n || (dict.ClassOf(m.cps[j]) & CjkDictionary::kBreaksRun) != 0)) {
      m.runs.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j), -1});
    }
    i = j;
  }
}

bool WordSegmenter::OnlyRunsAndSeparators() const {
  const Impl& m = *impl_;
  if (m.runs.empty()) return false;
  // The token starts and ends with a run, and one separator lies between
  // each two runs (two in a row are ICU's to judge).
  if (m.runs.front().begin != 0 || m.runs.back().end != m.cps.size()) return false;
  for (size_t k = 1; k < m.runs.size(); ++k) {
    const uint32_t gap = m.runs[k - 1].end;
    if (m.runs[k].begin != gap + 1 || (m.cjk->ClassOf(m.cps[gap]) & CjkDictionary::kSeparator) == 0) return false;
  }
  return true;
}

void WordSegmenter::AppendRun(const Word& token, const Run& run, std::vector<Word>* out) {
  Impl& m = *impl_;
  m.ends.clear();
  m.cjk->Split(m.cps.data() + run.begin, run.end - run.begin, &m.cjk_scratch, &m.ends);
  // The words are written in place: a push_back per word is a call.
  const size_t first = out->size();
  out->resize(first + m.ends.size());
  Word* w = out->data() + first;
  uint32_t from = 0;
  for (const uint32_t to : m.ends) {
    const uint32_t byte = m.cp_offsets[run.begin + from];
    *w = Word{token.text.substr(byte, m.cp_offsets[run.begin + to] - byte), to - from, false};
    for (uint32_t k = from; k < to && !w->has_letter; ++k) {
      w->has_letter = IsLetter(m.cps[run.begin + k]);
    }
    ++w;
    from = to;
  }
}

void SegmentWords(std::string_view text, std::vector<Word>* words, std::vector<uint32_t>* line_tokens) {
  thread_local WordSegmenter segmenter;
  segmenter.Segment(text, words, line_tokens);
}

size_t CountWords(std::string_view text) {
  thread_local std::vector<Word> words;
  SegmentWords(text, &words);
  return words.size();
}

}  // namespace corpus

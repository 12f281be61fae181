#include "corpus/filter/c4.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// Policy boilerplate phrases of C4 (c4_utils._POLICY_SUBSTRINGS as read by
// datatrove's POLICY_SUBSTRINGS).
constexpr std::array<std::string_view, 6> kPolicySubstrings = {
    "terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies", "use cookies"};

// The phrases the line and page rules look for. Their first letters differ,
// so a table maps a byte to the phrase that may start there; a second table
// gives that phrase's second letter, and only where the next byte matches it
// (about 3% of the bytes of English) is the rest compared. The common case
// is then a branch that is almost never taken.
constexpr std::array<std::string_view, 5> kKeywords = {"lorem ipsum", "javascript", "cookie", "terms of use",
                                                       "privacy policy"};
enum : uint8_t { kLoremIpsum = 1, kJavascript = 2, kCookie = 4, kTermsOfUse = 8, kPrivacyPolicy = 16 };
constexpr size_t kShortestKeyword = 6;

struct KeywordTables {
  std::array<uint8_t, 256> phrase{};  // 1 + index of the phrase starting with the byte (either case)
  std::array<uint8_t, 256> second{};  // its second letter (lower case), or 0
};
constexpr KeywordTables MakeKeywordTables() {
  KeywordTables t;
  for (size_t k = 0; k < kKeywords.size(); ++k) {
    const auto c = static_cast<uint8_t>(kKeywords[k][0]);
    t.phrase[c] = t.phrase[c - 32] = static_cast<uint8_t>(k + 1);
    t.second[c] = t.second[c - 32] = static_cast<uint8_t>(kKeywords[k][1]);
  }
  return t;
}
constexpr KeywordTables kKeywordTables = MakeKeywordTables();

// Which keywords occur in `line`, ignoring ASCII case (as searching the
// lower-cased line, which is what C4 does).
uint8_t FindKeywords(std::string_view line) {
  uint8_t found = 0;
  if (line.size() < kShortestKeyword) return 0;
  for (size_t i = 0; i + kShortestKeyword <= line.size(); ++i) {
    const auto b = static_cast<uint8_t>(line[i]);
    if (b >= 0x80) {
      // No phrase starts at a byte outside ASCII: text in other scripts
      // passes eight such bytes at a time.
      uint64_t block;
      if (i + 8 <= line.size()) {
        std::memcpy(&block, line.data() + i, 8);
        if ((block & 0x8080808080808080ULL) == 0x8080808080808080ULL) i += 7;
      }
      continue;
    }
    // '| 0x20' lower-cases a letter; a byte that is not a letter cannot
    // become one of the (lower-case) second letters.
    if ((static_cast<uint8_t>(line[i + 1]) | 0x20) != kKeywordTables.second[b]) continue;
    const std::string_view word = kKeywords[kKeywordTables.phrase[b] - 1];
    if (line.size() - i < word.size()) continue;
    size_t j = 2;
    while (j < word.size()) {
      if (AsciiLower(line[i + j]) != word[j]) break;
      ++j;
    }
    if (j == word.size()) found |= static_cast<uint8_t>(1 << (kKeywordTables.phrase[b] - 1));
  }
  return found;
}

// `s` lower-cased into `out`, whose buffer is reused line after line.
void AssignAsciiLowercase(std::string_view s, std::string* out) {
  out->assign(s);
  for (char& c : *out) c = AsciiLower(c);
}

// Removes Wikipedia-style citations: "[<digits>]", "[edit]", "[citation needed]".
void RemoveCitations(std::string_view line, std::string* out) {
  out->clear();
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] == '[') {
      const size_t close = line.find(']', i);
      if (close != std::string_view::npos) {
        const std::string_view inner = line.substr(i + 1, close - i - 1);
        bool digits = true;
        for (char c : inner) digits = digits && c >= '0' && c <= '9';
        if (digits || inner == "edit" || inner == "citation needed") {
          i = close + 1;
          continue;
        }
      }
    }
    out->push_back(line[i++]);
  }
}

bool HasLongWord(std::string_view line, long long max_len) {
  size_t run = 0;  // code points in the current token
  size_t i = 0;
  while (i < line.size()) {
    if (IsSpace(NextCodePoint(line, &i))) {
      run = 0;
    } else if (static_cast<long long>(++run) > max_len) {
      return true;
    }
  }
  return false;
}

// Byte length of a sentence-ending mark at s[i], or 0.
inline size_t SentenceEndAt(std::string_view s, size_t i) {
  const auto c = static_cast<uint8_t>(s[i]);
  if (c < 0x80) return c == '.' || c == '!' || c == '?';
  return SentenceMarkAt(s, i);
}

// Bytes as CountSentences sees them: ASCII whitespace, ASCII sentence ends
// (. ! ?), other ASCII, and non-ASCII (decoded, may be a mark of another
// script).
enum : uint8_t { kPlain = 0, kBlank = 1, kEnd = 2, kNonAscii = 3 };
constexpr std::array<uint8_t, 256> MakeSentenceTable() {
  std::array<uint8_t, 256> t{};
  for (int c = 0x80; c < 256; ++c) t[c] = kNonAscii;
  for (char c : {' ', '\t', '\n', '\v', '\f', '\r'}) t[static_cast<uint8_t>(c)] = kBlank;
  for (char c : {'.', '!', '?'}) t[static_cast<uint8_t>(c)] = kEnd;
  return t;
}
constexpr std::array<uint8_t, 256> kAsciiSentence = MakeSentenceTable();

// Per-thread line buffers: the filter is shared by all workers.
struct LineBuffers {
  std::string line;   // the line without citations
  std::string lower;  // ASCII lower case of it
  std::vector<Document::LineCopy> kept_lines;  // the lines of the kept text
};

}  // namespace

bool EndsWithTerminalPunct(std::string_view line) {
  line = TrimSpace(line);
  if (line.empty() || line.ends_with("...")) return false;
  const char last = line.back();
  if (last == '.' || last == '?' || last == '!' || last == '"' || last == '\'') return true;
  return EndsWithSentenceMark(line);
}

size_t CountSentences(std::string_view line) {
  size_t sentences = 0;
  bool pending = false;  // non-space text since the last sentence end
  size_t i = 0;
  while (i < line.size()) {
    // ASCII between marks goes byte by byte without decoding: once there is
    // text since the last end, only the next mark or non-ASCII byte matters;
    // before, only the next byte that is not a space.
    if (pending) {
      while (i < line.size() && kAsciiSentence[static_cast<uint8_t>(line[i])] < kEnd) ++i;
    } else {
      while (i < line.size() && kAsciiSentence[static_cast<uint8_t>(line[i])] == kBlank) ++i;
    }
    if (i >= line.size()) break;
    size_t len = SentenceEndAt(line, i);
    if (len == 0) {
      // The skips above stop only at an ASCII byte that is not a space, so
      // only a non-ASCII character can be one here.
      if (static_cast<uint8_t>(line[i]) < 0x80) {
        ++i;
        pending = true;
      } else {
        const bool space = IsSpace(NextCodePoint(line, &i));  // advances i
        pending = pending || !space;
      }
      continue;
    }
    bool non_latin = false;  // such marks end a sentence even without a space after
    while (len > 0) {  // a run of marks: "?!", "..."
      non_latin = non_latin || len > 1;
      i += len;
      len = i < line.size() ? SentenceEndAt(line, i) : 0;
    }
    size_t next = i;
    if (pending && (non_latin || i >= line.size() || IsSpace(NextCodePoint(line, &next)))) {
      ++sentences;
      pending = false;
    }
  }
  return sentences + (pending ? 1 : 0);
}

void C4Filter::EnabledRules(std::vector<SignalRule>* out) const {
  using Op = SignalRule::Op;
  if (opts_.lorem_ipsum) AddThresholdRule(out, "c4_lorem_ipsum", "c4_lorem_ipsum", Op::kGreater, 0);
  if (opts_.curly_bracket) AddThresholdRule(out, "c4_curly_bracket", "c4_curly_bracket", Op::kGreater, 0);
  if (opts_.min_sentences > 0) {
    AddThresholdRule(out, "c4_min_sentences", "c4_sentences", Op::kLess, static_cast<double>(opts_.min_sentences));
  }
}

FilterVerdict C4Filter::Judge(Document& doc, QualitySignals* signals) const {
  const bool measuring = signals != nullptr;
  bool lorem_found = false, curly_found = false;
  const bool marks = doc.MarksSentences();
  // Lines, their trimmed forms and their token counts come from the
  // document's single split and tokenisation.
  const std::vector<Line>& lines = doc.lines();
  const std::vector<uint32_t>& line_words = doc.line_words();
  thread_local LineBuffers buffers;
  const bool count_sentences = (opts_.min_sentences > 0 || measuring) && marks;
  // Measuring counts every sentence.
  const size_t min_sentences =
      measuring ? SIZE_MAX : static_cast<size_t>(std::max(opts_.min_sentences, 0LL));
  std::string kept;
  kept.reserve(doc.text().size());
  buffers.kept_lines.clear();
  bool blank_since_kept = false;
  size_t sentences = 0;
  for (size_t k = 0; k < lines.size(); ++k) {
    const std::string_view trimmed = lines[k].trimmed;
    if (trimmed.empty()) {  // a paragraph break, not a line
      blank_since_kept = true;
      continue;
    }
    // A word cannot have more characters than its line has bytes.
    if (opts_.max_word_length > 0 && static_cast<long long>(trimmed.size()) > opts_.max_word_length &&
        HasLongWord(trimmed, opts_.max_word_length)) {
      doc.Count("c4_lines_long_word");
      continue;
    }
    // The word count is taken before citations are removed, as in datatrove
    // (CountTokens of the line, counted by the document's tokeniser).
    const size_t n_words = line_words[k];
    std::string_view line = trimmed;
    if (opts_.remove_citations && trimmed.find('[') != std::string_view::npos) {
      RemoveCitations(trimmed, &buffers.line);
      line = buffers.line;
    }
    if (opts_.terminal_punct && marks && !EndsWithTerminalPunct(line)) {
      doc.Count("c4_lines_no_terminal_punct");
      continue;
    }
    if (opts_.min_words_per_line > 0 && static_cast<long long>(n_words) < opts_.min_words_per_line) {
      doc.Count("c4_lines_few_words");
      continue;
    }
    const uint8_t keywords = FindKeywords(line);
    if ((opts_.lorem_ipsum || measuring) && (keywords & kLoremIpsum)) {
      if (!measuring) return FilterVerdict::RejectString("c4_lorem_ipsum", line.substr(0, 200));
      lorem_found = true;
    }
    if (opts_.javascript && (keywords & kJavascript)) {
      doc.Count("c4_lines_javascript");
      continue;
    }
    if ((opts_.curly_bracket || measuring) && line.find('{') != std::string::npos) {
      if (!measuring) return FilterVerdict::RejectString("c4_curly_bracket", line.substr(0, 200));
      curly_found = true;
    }
    // Every policy phrase contains "cookie", "terms of use" or "privacy policy".
    if (opts_.policy && (keywords & (kCookie | kTermsOfUse | kPrivacyPolicy))) {
      AssignAsciiLowercase(line, &buffers.lower);
      bool policy = false;
      for (std::string_view p : kPolicySubstrings) policy = policy || buffers.lower.find(p) != std::string::npos;
      if (policy) {
        doc.Count("c4_lines_policy");
        continue;
      }
    }
    // Only "fewer than min_sentences" matters: once there are enough, the
    // rest need not be counted (the count is reported only below it).
    if (count_sentences && sentences < min_sentences) sentences += CountSentences(line);
    if (!kept.empty()) kept += blank_since_kept ? "\n\n" : "\n";
    // A line kept as it was keeps its words (Document::set_text_from_lines).
    buffers.kept_lines.push_back(
        Document::LineCopy{kept.size(), line.size(), line.data() == trimmed.data() ? k : Document::kNewLine});
    kept += line;
    blank_since_kept = false;
  }
  if (measuring) {
    signals->Set("c4_lorem_ipsum", lorem_found ? 1 : 0);
    signals->Set("c4_curly_bracket", curly_found ? 1 : 0);
    if (count_sentences) signals->Set("c4_sentences", static_cast<double>(sentences));
    if (kept != doc.text()) doc.set_text_from_lines(std::move(kept), buffers.kept_lines);
    return FilterVerdict::Keep();  // the verdict comes from Rules
  }
  if (count_sentences && sentences < min_sentences) {
    return FilterVerdict::Reject("c4_min_sentences", static_cast<double>(sentences));
  }
  if (kept != doc.text()) doc.set_text_from_lines(std::move(kept), buffers.kept_lines);
  return FilterVerdict::Keep();
}

}  // namespace corpus

#include "corpus/dedup/text_normalizer.h"

#include <utf8proc.h>

#include <cstdlib>
#include <optional>
#include <vector>

#include "corpus/url/url.h"
#include "corpus/text/word_segmenter.h"
#include "corpus/util/ascii.h"

namespace corpus::dedup {
namespace {

enum class CharClass { kWord, kDigit, kSpace };

CharClass Classify(utf8proc_int32_t cp) {
  if (cp < 0x80) {  // fast path for ASCII, most of the web
    if (cp >= '0' && cp <= '9') return CharClass::kDigit;
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return CharClass::kWord;
    return CharClass::kSpace;  // controls, whitespace and ASCII punctuation
  }
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_ND:
      return CharClass::kDigit;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO: case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK: case UTF8PROC_CATEGORY_SO: case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
      return CharClass::kSpace;
    default:
      return CharClass::kWord;
  }
}

// Case-folds and strips marks; returns false if utf8proc refuses the input.
bool Decompose(std::string_view text, std::string* out) {
  utf8proc_uint8_t* mapped = nullptr;
  const auto options = static_cast<utf8proc_option_t>(
      UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                          static_cast<utf8proc_ssize_t>(text.size()), &mapped,
                                          options);
  if (n < 0) return false;
  out->assign(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
  std::free(mapped);
  return true;
}

// Keeps only the well-formed UTF-8 sequences of `text`.
std::string DropInvalidBytes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    const utf8proc_ssize_t len = utf8proc_iterate(p, left, &cp);
    if (len <= 0) {
      ++p;
      --left;
      continue;
    }
    out.append(reinterpret_cast<const char*>(p), static_cast<size_t>(len));
    p += len;
    left -= len;
  }
  return out;
}

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

}  // namespace

std::string NormalizeDedupText(std::string_view text) {
  // Scripts written without spaces: their words (the product's segmenter,
  // ICU's dictionaries) are separated by spaces first, so shingles are word
  // n-grams as in every other script. Elsewhere the segmenter's words are
  // the whitespace tokens, which the steps below give anyway.
  std::string spaced;
  if (HasNonSpacingScript(text)) {
    thread_local std::vector<Word> words;
    SegmentWords(text, &words);
    spaced.reserve(text.size() + words.size());
    for (const Word& w : words) {
      if (!spaced.empty()) spaced.push_back(' ');
      spaced.append(w.text);
    }
    text = spaced;
  }
  std::string folded;
  if (IsAscii(text)) {
    // ASCII needs no decomposition; lowercasing is the whole case fold.
    folded = AsciiLowercase(text);
  } else if (!Decompose(text, &folded)) {
    Decompose(DropInvalidBytes(text), &folded);
  }

  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  bool in_digits = false;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(folded.size());
  while (left > 0) {
    utf8proc_int32_t cp = *p;
    utf8proc_ssize_t len = 1;
    if (cp >= 0x80) {
      len = utf8proc_iterate(p, left, &cp);
      if (len <= 0) {  // cannot happen after utf8proc_map; be safe anyway
        ++p;
        --left;
        continue;
      }
    }
    const CharClass cls = Classify(cp);
    if (cls == CharClass::kSpace) {
      pending_space = !out.empty();
      in_digits = false;
    } else {
      if (pending_space) {
        out.push_back(' ');
        pending_space = false;
      }
      if (cls == CharClass::kDigit) {
        if (!in_digits) out.push_back('0');
        in_digits = true;
      } else {
        in_digits = false;
        out.append(reinterpret_cast<const char*>(p), static_cast<size_t>(len));
      }
    }
    p += len;
    left -= len;
  }
  return out;
}

std::string NormalizeDedupUrl(std::string_view url) {
  // One URL normaliser for the whole product: the crawler's seen set and
  // dedup's exact-URL key agree on which spellings are one page.
  if (std::optional<std::string> n = NormalizeUrl(url)) return *n;
  // Not an http(s) URL (WARC records may hold others): only the fragment goes.
  return std::string(url.substr(0, url.find('#')));
}

}  // namespace corpus::dedup

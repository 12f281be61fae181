#include "bpe_tokenizer.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

#include "corpus/tokenize/utf8_repair.h"

namespace corpus {
namespace {

// Unicode normalization through utf8proc (Hugging Face's NFC/NFKC/... normalizers).
std::string Normalize(std::string_view text, UnicodeForm form) {
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return std::string(text);  // ASCII is the same in every normalization form
  }
  int options = UTF8PROC_STABLE;
  switch (form) {
    case UnicodeForm::kNfc: options |= UTF8PROC_COMPOSE; break;
    case UnicodeForm::kNfd: options |= UTF8PROC_DECOMPOSE; break;
    case UnicodeForm::kNfkc: options |= UTF8PROC_COMPOSE | UTF8PROC_COMPAT; break;
    case UnicodeForm::kNfkd: options |= UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT; break;
    case UnicodeForm::kNone: return std::string(text);
  }
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                   static_cast<utf8proc_ssize_t>(text.size()), &mapped,
                   static_cast<utf8proc_option_t>(options));
  if (n < 0) return std::string(text);  // only on invalid UTF-8, repaired before
  std::string out(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
  std::free(mapped);
  return out;
}

}  // namespace

BpeTokenizer::BpeTokenizer(BpeSpec spec) : spec_(std::move(spec)) {
  uint32_t max_id = spec_.model->max_id();
  for (const auto& [text, id] : spec_.specials) max_id = std::max(max_id, id);
  vocab_size_ = max_id + 1;
  // Longest first, so the leftmost match is also the longest one there.
  std::stable_sort(spec_.specials.begin(), spec_.specials.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (const auto& [t, id] : spec_.specials) {
    if (!t.empty()) special_first_byte_[static_cast<unsigned char>(t[0])] = true;
  }
}

std::optional<uint32_t> BpeTokenizer::SpecialTokenId(std::string_view text) const {
  for (const auto& [t, id] : spec_.specials) {
    if (t == text) return id;
  }
  return std::nullopt;
}

void BpeTokenizer::Encode(std::string_view text, std::vector<uint32_t>* ids) const {
  std::string repaired;
  if (RepairUtf8(text, &repaired)) text = repaired;
  if (!spec_.match_specials_in_text || spec_.specials.empty()) {
    EncodeOrdinary(text, ids);
    return;
  }
  // Cut at added tokens (leftmost, then longest), as Hugging Face does
  // before normalizing and pre-tokenizing.
  size_t done = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    if (!special_first_byte_[static_cast<unsigned char>(text[pos])]) {
      ++pos;
      continue;
    }
    const std::pair<std::string, uint32_t>* hit = nullptr;
    for (const auto& s : spec_.specials) {
      if (text.compare(pos, s.first.size(), s.first) == 0) {
        hit = &s;
        break;
      }
    }
    if (hit == nullptr) {
      ++pos;
      continue;
    }
    if (pos > done) EncodeOrdinary(text.substr(done, pos - done), ids);
    ids->push_back(hit->second);
    pos += hit->first.size();
    done = pos;
  }
  if (done < text.size()) EncodeOrdinary(text.substr(done), ids);
}

void BpeTokenizer::EncodeOrdinary(std::string_view text, std::vector<uint32_t>* ids) const {
  std::string owned;
  if (spec_.normalize != UnicodeForm::kNone) {
    owned = Normalize(text, spec_.normalize);
    text = owned;
  }
  if (spec_.add_prefix_space && !text.empty() && text.front() != ' ') {
    owned = " " + std::string(text);
    text = owned;
  }
  SplitFrom(0, text, ids);
}

void BpeTokenizer::SplitFrom(size_t level, std::string_view text, std::vector<uint32_t>* ids) const {
  if (level == spec_.splitters.size()) {
    spec_.model->EncodePiece(text, spec_.whole_piece_first, ids);
    return;
  }
  spec_.splitters[level]->Split(text, spec_.split_gaps,
                                [&](std::string_view piece) { SplitFrom(level + 1, piece, ids); });
}

}  // namespace corpus

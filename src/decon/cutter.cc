#include "corpus/decon/cutter.h"

#include <algorithm>

#include "corpus/text/text_units.h"

namespace corpus {

CutResult CutMatches(std::string_view text, std::vector<TextSpan> matches, const CutOptions& options) {
  CutResult r;
  std::stable_sort(matches.begin(), matches.end(),
                   [](const TextSpan& a, const TextSpan& b) { return a.begin < b.begin; });
  for (const TextSpan& m : matches) {
    TextSpan cut = m;
    for (int c = 0; c < options.window_chars && cut.begin > 0; ++c) PrevCodePoint(text, &cut.begin);
    for (int c = 0; c < options.window_chars && cut.end < text.size(); ++c) NextCodePoint(text, &cut.end);
    if (!r.cuts.empty() && cut.begin <= r.cuts.back().end) {
      r.cuts.back().end = std::max(r.cuts.back().end, cut.end);
    } else {
      r.cuts.push_back(cut);
    }
  }
  size_t pos = 0;
  auto piece = [&](size_t begin, size_t end) {
    if (end <= begin) return;
    ++r.pieces;
    const std::string_view p = text.substr(begin, end - begin);
    if (CountCodePoints(p) < static_cast<size_t>(options.min_piece_chars)) return;
    const std::string_view trimmed = TrimSpace(p);
    if (trimmed.empty()) return;
    if (!r.text.empty()) r.text += "\n\n";
    r.text.append(trimmed);
  };
  for (const TextSpan& cut : r.cuts) {
    piece(pos, cut.begin);
    pos = cut.end;
  }
  piece(pos, text.size());
  r.drop = r.pieces > static_cast<size_t>(options.max_pieces) || r.text.empty();
  if (r.drop) r.text.clear();
  return r;
}

}  // namespace corpus

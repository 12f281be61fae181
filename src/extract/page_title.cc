#include "corpus/extract/page_title.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/extract/dom_text.h"

namespace corpus {
namespace {

// Lower-cased ASCII letters and digits of `s`, and its characters beyond
// ASCII but the typographic quotes (U+2018, U+2019, U+201A, U+201C,
// U+201D, U+201E: a headline's “…” or „…“ is a <title>'s "..." typed
// plainly; guillemets separate a <title>'s parts and stay), to compare
// texts loosely.
std::string Fold(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\xE2' && i + 2 < s.size() && s[i + 1] == '\x80' &&
        (s[i + 2] == '\x98' || s[i + 2] == '\x99' || s[i + 2] == '\x9A' || s[i + 2] == '\x9C' ||
         s[i + 2] == '\x9D' || s[i + 2] == '\x9E')) {
      i += 2;
    } else if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c + 32));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c & 0x80)) {
      out.push_back(c);
    }
  }
  return out;
}

// The first <h1> of the page, if any.
std::string FirstHeading(const DomIndex& dom) {
  if (dom.first_h1() < 0) return "";
  return RenderText(dom, dom.first_h1(), {}, TextFormat::kPlain);
}

// Headings looked at for a post's title, and the separators a <title> puts
// between the post's and the blog's names that Fold keeps (non-ASCII):
// U+FF5C FULLWIDTH VERTICAL LINE, U+2014 EM DASH, U+2013 EN DASH, U+00BB
// and U+00AB guillemets, U+00B7 MIDDLE DOT, U+2022 BULLET, U+FF1A
// FULLWIDTH COLON.
constexpr int kMaxTitleHeadings = 40;
// The shortest opening of a heading that a <title> cut short may name.
constexpr size_t kMinCutTitleBytes = 24;
constexpr std::string_view kTitleSeparators[] = {
    "\xEF\xBD\x9C", "\xE2\x80\x94", "\xE2\x80\x93", "\xC2\xBB",
    "\xC2\xAB",       "\xC2\xB7",     "\xE2\x80\xA2", "\xEF\xBC\x9A"};

// The separators between the parts of a <title> ("post | blog | site"):
// ASCII marks set between spaces, the underscore, and kTitleSeparators.
constexpr std::string_view kSpacedSeparators[] = {" | ", " - ", " :: ", " / "};
// The shortest part of a <title> that names a heading (Fold's bytes).
constexpr size_t kMinPartBytes = 8;

// The parts of `title` between separators, as [begin, end) byte ranges;
// parts with nothing that Fold keeps are left out.
std::vector<std::pair<size_t, size_t>> TitleParts(std::string_view title) {
  std::vector<std::pair<size_t, size_t>> parts;
  size_t start = 0;
  for (size_t i = 0; i <= title.size();) {
    size_t sep = 0;
    if (i < title.size()) {
      const std::string_view rest = title.substr(i);
      if (rest[0] == '_') sep = 1;
      for (std::string_view s : kSpacedSeparators) {
        if (rest.starts_with(s)) sep = s.size();
      }
      for (std::string_view s : kTitleSeparators) {
        if (rest.starts_with(s)) sep = s.size();
      }
      if (sep == 0) {
        ++i;
        continue;
      }
    }
    if (!Fold(title.substr(start, i - start)).empty()) parts.emplace_back(start, i);
    if (i == title.size()) break;
    i += sep;
    start = i;
  }
  return parts;
}

// Whether node `i` or one of its ancestors is boilerplate.
bool InBoilerplate(const std::vector<DomNode>& nodes, int32_t i) {
  for (int32_t a = i; a >= 0; a = nodes[a].parent) {
    if (nodes[a].flags & kDomBoilerplate) return true;
  }
  return false;
}

// The text of the parts [a, b] of `title` (TitleParts), separators
// between them included, folded (Fold).
std::string FoldedParts(std::string_view title, const std::vector<std::pair<size_t, size_t>>& parts,
                        size_t a, size_t b) {
  return Fold(title.substr(parts[a].first, parts[b].second - parts[a].first));
}

// The first heading from node `from` on, other than `skip`, outside
// boilerplate and of at most 300 bytes of text, whose folded text
// `matches`; at most kMaxTitleHeadings headings are looked at. -1 if none.
template <typename Matches>
int32_t FirstHeadingWhere(const DomIndex& dom, int32_t from, int32_t skip, Matches matches) {
  const std::vector<DomNode>& nodes = dom.nodes();
  int seen = 0;
  for (int32_t i = from; i < static_cast<int32_t>(nodes.size()) && seen < kMaxTitleHeadings; ++i) {
    const DomNode& n = nodes[i];
    if ((n.flags & kDomText) || !(n.flags & kDomHeading) || i == skip) continue;
    ++seen;
    if (n.text > 300 || InBoilerplate(nodes, i)) continue;
    if (matches(Fold(RenderText(dom, i, {}, TextFormat::kPlain)))) return i;
    i = n.end - 1;
  }
  return -1;
}

// On a page with no <h1>, the first heading whose text is a part of
// <title>, or a run of its parts, short of the whole ("Harmonogram … –
// jesień 2025" of "Harmonogram … – jesień 2025 - Urząd Gminy"): the
// headline of a template that sets it in an <h2>. -1 if none.
int32_t HeadingNamedByTitle(const DomIndex& dom, std::string_view title) {
  const auto parts = TitleParts(title);
  if (parts.size() < 2) return -1;
  std::vector<std::string> runs;
  for (size_t a = 0; a < parts.size(); ++a) {
    for (size_t b = a; b < parts.size(); ++b) {
      if (a == 0 && b + 1 == parts.size()) continue;
      std::string run = FoldedParts(title, parts, a, b);
      if (run.size() >= kMinPartBytes) runs.push_back(std::move(run));
    }
  }
  return FirstHeadingWhere(dom, 0, -1, [&](const std::string& folded) {
    return std::find(runs.begin(), runs.end(), folded) != runs.end();
  });
}

}  // namespace

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string PickTitle(const DomIndex& dom, int32_t post_heading) {
  std::string h1 = CollapseSpaces(FirstHeading(dom));
  std::string og = CollapseSpaces(dom.og_title());
  std::string title = CollapseSpaces(dom.html_title());
  // The <h1> is the page's own headline; <title> often adds " | Site". But
  // when the rest of <title> is another heading, the <h1> is the site's
  // name and that heading the page's.
  if (!h1.empty() && h1.size() < 300 &&
      (Fold(title).find(Fold(h1)) != std::string::npos ||
       Fold(og).find(Fold(h1)) != std::string::npos)) {
    if (post_heading >= 0) {
      return CollapseSpaces(RenderText(dom, post_heading, {}, TextFormat::kPlain));
    }
    return h1;
  }
  if (!og.empty()) return og;
  if (h1.empty()) {
    if (const int32_t headline = HeadingNamedByTitle(dom, title); headline >= 0) {
      return CollapseSpaces(RenderText(dom, headline, {}, TextFormat::kPlain));
    }
  }
  if (!title.empty()) return title;
  return h1.size() < 300 ? h1 : "";
}

int32_t PostHeadingNode(const DomIndex& dom) {
  const std::vector<DomNode>& nodes = dom.nodes();
  const int32_t first_h1 = dom.first_h1();
  if (first_h1 < 0) return -1;
  // The blog's name: in boilerplate, a link through and through (to the
  // blog's front page), or at least outside <main> and <article>, where a
  // headline is.
  const DomNode& h = nodes[first_h1];
  const bool linked_name = h.text > 0 && h.link == h.text;
  if (!linked_name && (h.flags & kDomMainHint) && !InBoilerplate(nodes, first_h1)) return -1;
  const std::string title = CollapseSpaces(dom.html_title());
  const std::string folded_title = Fold(title), folded_h1 = Fold(FirstHeading(dom));
  const size_t at = folded_title.find(folded_h1);
  if (folded_h1.empty() || at == std::string::npos) return -1;
  std::string_view rest_parts[] = {std::string_view(folded_title).substr(0, at),
                                   std::string_view(folded_title).substr(at + folded_h1.size())};
  std::string rest;
  for (std::string_view part : rest_parts) {
    for (bool trimmed = true; trimmed;) {
      trimmed = false;
      for (std::string_view sep : kTitleSeparators) {
        if (part.starts_with(sep)) part.remove_prefix(sep.size()), trimmed = true;
        if (part.ends_with(sep)) part.remove_suffix(sep.size()), trimmed = true;
      }
    }
    rest += part;
  }
  // A <title> cut short ("… or: why my kitchen...") names the heading
  // that it opens. (`title` is trimmed; Fold leaves out ASCII dots, not
  // U+2026.)
  const bool cut = title.ends_with("...") || title.ends_with(kEllipsis);
  if (rest.ends_with(kEllipsis)) rest.resize(rest.size() - kEllipsis.size());
  if (rest.size() < (cut ? kMinCutTitleBytes : 8)) return -1;
  // A <title> of three parts or more ("post | blog | platform") names the
  // post in a run of parts beside the blog's (a post's own title may hold
  // a separator: "Home again: the tea garden").
  std::vector<std::string> runs;
  if (const auto parts = TitleParts(title); parts.size() >= 3) {
    const auto text_of = [&](size_t a, size_t b) { return FoldedParts(title, parts, a, b); };
    std::vector<bool> blog(parts.size());
    for (size_t k = 0; k < parts.size(); ++k) blog[k] = text_of(k, k) == folded_h1;
    for (size_t a = 0; a < parts.size(); ++a) {
      for (size_t b = a; b < parts.size() && !blog[b]; ++b) runs.push_back(text_of(a, b));
    }
  }
  // The post's heading comes after the blog's name, which heads the page: a
  // heading before the <h1> that matches the rest of <title> is the blog's
  // name set as a heading, and the <h1> the post's own, linked to itself.
  return FirstHeadingWhere(dom, h.end, first_h1, [&](const std::string& folded) {
    const bool part = folded.size() >= kMinPartBytes &&
                      std::find(runs.begin(), runs.end(), folded) != runs.end();
    return folded == rest || (cut && folded.starts_with(rest)) || part;
  });
}

}  // namespace corpus

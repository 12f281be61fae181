#include "corpus/extract/block_features.h"

#include <gumbo.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <unordered_map>

#include "corpus/extract/markup_names.h"
#include "corpus/extract/teaser_lines.h"
#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// Blocks longer than this are never a label or a box heading: their text is
// not gathered for the phrase lookups (which are the costly part).
constexpr uint64_t kMaxPhraseBytes = 200;

float Log1p(double v) { return static_cast<float>(std::log1p(v)); }

float Share(double part, double whole) {
  return whole > 0 ? static_cast<float>(part / whole) : 0.0f;
}

bool IsElement(const DomNode& n) {
  return !(n.flags & kDomText) && n.node &&
         (n.node->type == GUMBO_NODE_ELEMENT || n.node->type == GUMBO_NODE_TEMPLATE);
}

const char* Attr(const DomNode& n, const char* name) {
  return IsElement(n) ? ElementAttr(n.node->v.element, name) : nullptr;
}

// Character-level measures of a block's text, and the text itself when short.
struct TextStats {
  uint32_t chars = 0, digits = 0, upper = 0, letters = 0, words = 0, anchors = 0;
  bool ends_sentence = false;
  std::string text;  // only when kept (short blocks)
};

// Adds `s` to the measures; returns the offset of its last non-space byte
// (npos when it is all space).
size_t AddText(std::string_view s, bool keep, TextStats* st) {
  size_t last = std::string_view::npos;
  bool in_word = false;  // text nodes are usually split by markup
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      in_word = false;
      continue;
    }
    if (!in_word) ++st->words;
    in_word = true;
    last = i;
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++st->chars;  // ASCII or a UTF-8 lead
    if (IsAsciiDigit(c)) ++st->digits;
    if (IsAsciiAlpha(c)) {
      ++st->letters;
      if (c >= 'A' && c <= 'Z') ++st->upper;
    }
  }
  if (keep) {
    st->text.append(s);
    st->text.push_back(' ');
  }
  return last;
}

// Whether the character ending at byte `last` of `s` closes a sentence:
// . ! ? or the full-width 。！？ of CJK text.
bool EndsSentence(std::string_view s, size_t last) {
  size_t lead = last;
  while (lead > 0 && (static_cast<unsigned char>(s[lead]) & 0xC0) == 0x80) --lead;
  const std::string_view ch = s.substr(lead, last - lead + 1);
  return ch == "." || ch == "!" || ch == "?" || ch == "\xE3\x80\x82" || ch == "\xEF\xBC\x81" ||
         ch == "\xEF\xBC\x9F";
}

TextStats MeasureBlock(const DomIndex& dom, int32_t b, bool keep_text) {
  const std::vector<DomNode>& nodes = dom.nodes();
  TextStats st;
  for (int32_t i = b; i < nodes[b].end; ++i) {
    const DomNode& n = nodes[i];
    if (!(n.flags & kDomText) && n.tag == GUMBO_TAG_A) ++st.anchors;
    if (!(n.flags & kDomText) || !n.node) continue;
    const std::string_view s(n.node->v.text.text);
    const size_t last = AddText(s, keep_text, &st);
    if (last != std::string_view::npos) st.ends_sentence = EndsSentence(s, last);
  }
  return st;
}

// A hash of the non-space bytes of the text of subtree `b`, in order: two
// blocks that read the same hash the same however their markup splits them.
uint64_t TextHash(const DomIndex& dom, int32_t b) {
  const std::vector<DomNode>& nodes = dom.nodes();
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (int32_t i = b; i < nodes[b].end; ++i) {
    const DomNode& n = nodes[i];
    if (!(n.flags & kDomText) || !n.node) continue;
    for (const char c : std::string_view(n.node->v.text.text)) {
      if (IsAsciiWhitespace(c)) continue;
      h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    }
  }
  return h;
}

// How many leaf blocks of the whole page (boilerplate included) have each
// text of at most kMaxPhraseBytes bytes, by TextHash: a line that a menu,
// footer or card repeats.
std::unordered_map<uint64_t, uint32_t> PageBlockTexts(const DomIndex& dom) {
  const std::vector<DomNode>& nodes = dom.nodes();
  std::unordered_map<uint64_t, uint32_t> count;
  for (int32_t i = 0; i < static_cast<int32_t>(nodes.size()); ++i) {
    const DomNode& n = nodes[i];
    if ((n.flags & kDomText) || !(n.flags & kDomBlock) || n.text == 0) continue;
    if (n.own_text < n.text) continue;  // a block below holds text
    if (n.text <= kMaxPhraseBytes) ++count[TextHash(dom, i)];
    i = n.end - 1;
  }
  return count;
}

BlockFeature TagFeature(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: return kBfTagP;
    case GUMBO_TAG_LI: return kBfTagLi;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6:
      return kBfTagHeading;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: return kBfTagCell;
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: return kBfTagDefinition;
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION: return kBfTagCaption;
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: return kBfTagQuote;
    default: return kBfTagOther;
  }
}

bool IsChromeTag(GumboTag tag) {
  return tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_FOOTER ||
         tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_FORM;
}

// The tests of related_sections.h (IsRelatedHeading, IsArticleBoxHeading,
// IsShopBoxHeading) on text already folded (FoldPhrase): folding is the
// costly part, done once per block.
bool IsBoxHeading(const PhraseSet& phrases, std::string_view folded) {
  return phrases.StartsWith(PhraseClass::kRelatedHeading, folded) ||
         phrases.Has(PhraseClass::kArticleBoxHeading, folded) ||
         phrases.Has(PhraseClass::kShopBoxHeading, folded);
}

// The names in BlockFeature order, separated by white space: one text, so
// that the list reads as data and not as 52 lines of code.
constexpr std::string_view kFeatureNameList = R"(
log_bytes link_density navlink_density punct_per_100 digit_share upper_share log_words
ends_sentence whole_link tag_p tag_li tag_heading tag_cell tag_definition tag_caption
tag_quote tag_other depth_in_content pos_in_page pos_in_content index_in_content
share_of_content in_list in_table in_chrome_tag in_main_hint in_comments has_role
log_class_repeat has_name parent_link_density log_siblings prev_log_bytes prev_link_density
next_log_bytes next_link_density section_link_density section_log_bytes heading_then_links
is_prose before_first_prose after_last_prose phrase_label phrase_teaser phrase_credit
phrase_shop phrase_box_heading section_box_heading page_product page_links page_prose
log_content_bytes content_share_of_page grandparent_link_density wide_ancestor_link_density
side_of_h1 from_longest log_sentence_marks log_anchors log_same_shape prev2_log_bytes
prev2_link_density next2_log_bytes next2_link_density prev_ends_sentence next_ends_sentence
log_page_repeats in_title)";

constexpr size_t CountNames(std::string_view list) {
  size_t count = 0;
  for (size_t pos = list.find_first_not_of(" \n"); pos != std::string_view::npos;
       pos = list.find_first_not_of(" \n", list.find_first_of(" \n", pos))) {
    ++count;
  }
  return count;
}
static_assert(CountNames(kFeatureNameList) == kBlockFeatureCount,
              "one name for each BlockFeature");

}  // namespace

const std::array<std::string_view, kBlockFeatureCount>& BlockFeatureNames() {
  static const std::array<std::string_view, kBlockFeatureCount> kNames = [] {
    std::array<std::string_view, kBlockFeatureCount> names{};
    size_t count = 0, pos = 0;
    while (count < names.size()) {
      pos = kFeatureNameList.find_first_not_of(" \n", pos);
      const size_t end = kFeatureNameList.find_first_of(" \n", pos);
      names[count++] = kFeatureNameList.substr(pos, end - pos);
      pos = end;
    }
    return names;
  }();
  return kNames;
}

std::vector<BlockFeatures> ComputeBlockFeatures(const DomIndex& dom, const ContentSelection& sel,
                                                const PhraseSet& phrases,
                                                const BlockPageFacts& page) {
  const std::vector<DomNode>& nodes = dom.nodes();
  std::vector<BlockFeatures> out;
  const int32_t root = sel.root;
  const int32_t root_end = nodes[root].end;

  // The candidate blocks, in document order.
  for (int32_t i = root + 1; i < root_end; ++i) {
    const DomNode& n = nodes[i];
    if (sel.drop[i]) {
      i = n.end - 1;
      continue;
    }
    if ((n.flags & kDomText) || !(n.flags & kDomBlock) || n.text == 0) continue;
    if (n.own_text < n.text) continue;  // a block below holds text: descend
    out.emplace_back().node = i;
    i = n.end - 1;
  }
  if (out.empty()) return out;

  // How often each class value occurs on the page (a template's repeated
  // teaser, menu item or card names itself the same each time).
  std::unordered_map<std::string_view, uint32_t> class_count;
  for (const DomNode& n : nodes) {
    if (const char* c = Attr(n, "class"); c && *c) ++class_count[c];
  }
  // Candidate blocks per parent element (offset from the root).
  std::vector<uint16_t> siblings(static_cast<size_t>(root_end - root), 0);
  double content_text = 0;
  int32_t first_prose = -1, last_prose = -1;
  for (size_t k = 0; k < out.size(); ++k) {
    const DomNode& n = nodes[out[k].node];
    if (n.parent >= root) {
      uint16_t& s = siblings[n.parent - root];
      if (s < UINT16_MAX) ++s;
    }
    content_text += static_cast<double>(n.text);
    if (IsProseBlock(n)) {
      if (first_prose < 0) first_prose = static_cast<int32_t>(k);
      last_prose = static_cast<int32_t>(k);
    }
  }

  // The longest block, blocks of one shape (tag, parent's tag, class value:
  // a template's repeated item), the page's repeated lines, its titles.
  size_t longest = 0;
  std::unordered_map<uint64_t, uint32_t> shape_count;
  std::vector<uint64_t> shape(out.size());
  for (size_t k = 0; k < out.size(); ++k) {
    const DomNode& n = nodes[out[k].node];
    if (n.text > nodes[out[longest].node].text) longest = k;
    const char* c = Attr(n, "class");
    const uint64_t tags =
        static_cast<uint64_t>(n.tag) << 16 | (n.parent >= 0 ? nodes[n.parent].tag : 0);
    shape[k] = std::hash<std::string_view>()(c ? c : "") * 0x9E3779B97F4A7C15ull ^ tags;
    ++shape_count[shape[k]];
  }
  const std::unordered_map<uint64_t, uint32_t> page_texts = PageBlockTexts(dom);
  const std::string title = FoldPhrase(dom.html_title()), og_title = FoldPhrase(dom.og_title());
  const int32_t h1 = dom.first_h1();
  const double page_text = static_cast<double>(nodes[0].text);

  double before = 0;
  for (size_t k = 0; k < out.size(); ++k) {
    const int32_t b = out[k].node;
    const DomNode& n = nodes[b];
    auto& x = out[k].x;
    const double text = static_cast<double>(n.text);
    const bool short_block = n.text <= kMaxPhraseBytes;
    const TextStats st = MeasureBlock(dom, b, short_block);

    x[kBfLogBytes] = Log1p(text);
    x[kBfLinkDensity] = Share(static_cast<double>(n.link), text);
    x[kBfNavLinkDensity] = Share(static_cast<double>(n.navlink), text);
    x[kBfPunctPer100] = std::min(20.0f, 100.0f * Share(static_cast<double>(n.punct), text));
    x[kBfDigitShare] = Share(st.digits, st.chars);
    x[kBfUpperShare] = Share(st.upper, st.letters);
    x[kBfLogWords] = Log1p(st.words);
    x[kBfEndsSentence] = st.ends_sentence;
    x[kBfWholeLink] = n.link >= n.text;
    x[TagFeature(n.tag)] = 1;
    x[kBfDepthInContent] = std::min(3.0f, static_cast<float>(n.depth - nodes[root].depth) / 10);
    x[kBfPosInPage] = Share(b, static_cast<double>(nodes.size()));
    x[kBfPosInContent] = Share(before, content_text);
    x[kBfIndexInContent] = Share(static_cast<double>(k), static_cast<double>(out.size()));
    x[kBfShareOfContent] = Share(text, content_text);
    before += text;

    // Ancestors: markup up to the root, section verdicts up to the page.
    bool chrome = IsChromeTag(n.tag), role = Attr(n, "role") != nullptr;
    bool main_hint = n.flags & kDomMainHint, comments = n.flags & kDomComments;
    bool list = false, table = false;
    std::string_view class_value;
    if (const char* c = Attr(n, "class"); c && *c) class_value = c;
    bool named = !class_value.empty() || Attr(n, "id") != nullptr;
    int up = 0;
    for (int32_t a = n.parent; a >= 0; a = nodes[a].parent, ++up) {
      const DomNode& an = nodes[a];
      main_hint |= (an.flags & kDomMainHint) != 0;
      comments |= (an.flags & kDomComments) != 0;
      if (a < root) continue;
      chrome |= IsChromeTag(an.tag);
      if (a > root) {
        role |= Attr(an, "role") != nullptr;
        list |= an.tag == GUMBO_TAG_UL || an.tag == GUMBO_TAG_OL || an.tag == GUMBO_TAG_DL;
        table |= an.tag == GUMBO_TAG_TABLE;
      }
      if (up < 3 && class_value.empty()) {
        if (const char* c = Attr(an, "class"); c && *c) class_value = c;
      }
      if (up == 0) named |= Attr(an, "class") != nullptr || Attr(an, "id") != nullptr;
    }
    x[kBfInList] = list;
    x[kBfInTable] = table;
    x[kBfInChromeTag] = chrome;
    x[kBfInMainHint] = main_hint;
    x[kBfInComments] = comments;
    x[kBfHasRole] = role;
    x[kBfLogClassRepeat] = class_value.empty() ? 0.0f : Log1p(class_count[class_value]);
    x[kBfHasName] = named;
    if (n.parent >= 0) {
      const DomNode& p = nodes[n.parent];
      x[kBfParentLinkDensity] = Share(static_cast<double>(p.link), static_cast<double>(p.text));
      if (n.parent >= root) x[kBfLogSiblings] = Log1p(siblings[n.parent - root]);
    }
    x[kBfIsProse] = IsProseBlock(n);
    x[kBfBeforeFirstProse] = first_prose >= 0 && static_cast<int32_t>(k) < first_prose;
    x[kBfAfterLastProse] = last_prose >= 0 && static_cast<int32_t>(k) > last_prose;
    if (short_block) {
      const std::string folded = FoldPhrase(st.text);
      x[kBfPhraseLabel] = phrases.Has(PhraseClass::kLabel, folded);
      x[kBfPhraseTeaser] = StartsWithTeaserLabel(phrases, st.text);
      x[kBfPhraseCredit] = IsCreditLine(phrases, st.text);
      x[kBfPhraseShop] = phrases.Has(PhraseClass::kShopPhrase, folded);
      x[kBfPhraseBoxHeading] = IsBoxHeading(phrases, folded);
      const auto it = page_texts.find(TextHash(dom, b));
      if (it != page_texts.end() && it->second > 1) x[kBfLogPageRepeats] = Log1p(it->second - 1);
      x[kBfInTitle] = folded.size() >= 8 && (title.find(folded) != std::string::npos ||
                                             og_title.find(folded) != std::string::npos);
    }
    x[kBfPageProduct] = page.product_page;
    x[kBfPageLinks] = page.link_page;
    x[kBfPageProse] = page.prose;
    x[kBfLogContentBytes] = Log1p(content_text);
    x[kBfContentShareOfPage] = std::min(1.0f, Share(content_text, page_text));
    if (n.parent >= 0 && nodes[n.parent].parent >= 0) {
      const DomNode& g = nodes[nodes[n.parent].parent];
      x[kBfGrandparentLinkDensity] =
          Share(static_cast<double>(g.link), static_cast<double>(g.text));
    }
    for (int32_t a = n.parent; a >= 0; a = nodes[a].parent) {
      if (nodes[a].text >= 4 * n.text) {
        x[kBfWideAncestorLinkDensity] =
            Share(static_cast<double>(nodes[a].link), static_cast<double>(nodes[a].text));
        break;
      }
    }
    if (h1 >= 0 && (b < h1 || b >= nodes[h1].end)) x[kBfSideOfH1] = b < h1 ? -1.0f : 1.0f;
    x[kBfFromLongest] = (static_cast<float>(k) - static_cast<float>(longest)) /
                        static_cast<float>(out.size());
    x[kBfLogSentenceMarks] = Log1p(static_cast<double>(n.punct));
    x[kBfLogAnchors] = Log1p(st.anchors);
    x[kBfLogSameShape] = Log1p(shape_count[shape[k]]);
  }

  // Neighbours and sections (a heading and the blocks up to the next one).
  size_t start = 0;
  while (start < out.size()) {
    size_t end = start + 1;
    while (end < out.size() && out[end].x[kBfTagHeading] == 0) ++end;
    double text = 0, link = 0;
    for (size_t k = start; k < end; ++k) {
      text += static_cast<double>(nodes[out[k].node].text);
      link += static_cast<double>(nodes[out[k].node].link);
    }
    const bool box = out[start].x[kBfTagHeading] != 0 && out[start].x[kBfPhraseBoxHeading] != 0;
    for (size_t k = start; k < end; ++k) {
      out[k].x[kBfSectionLinkDensity] = Share(link, text);
      out[k].x[kBfSectionLogBytes] = Log1p(text);
      out[k].x[kBfSectionBoxHeading] = box;
    }
    start = end;
  }
  for (size_t k = 0; k < out.size(); ++k) {
    auto& x = out[k].x;
    if (k > 0) {
      x[kBfPrevLogBytes] = out[k - 1].x[kBfLogBytes];
      x[kBfPrevLinkDensity] = out[k - 1].x[kBfLinkDensity];
      x[kBfPrevEndsSentence] = out[k - 1].x[kBfEndsSentence];
    }
    if (k > 1) {
      x[kBfPrev2LogBytes] = out[k - 2].x[kBfLogBytes];
      x[kBfPrev2LinkDensity] = out[k - 2].x[kBfLinkDensity];
    }
    if (k + 2 < out.size()) {
      x[kBfNext2LogBytes] = out[k + 2].x[kBfLogBytes];
      x[kBfNext2LinkDensity] = out[k + 2].x[kBfLinkDensity];
    }
    if (k + 1 < out.size()) {
      x[kBfNextLogBytes] = out[k + 1].x[kBfLogBytes];
      x[kBfNextLinkDensity] = out[k + 1].x[kBfLinkDensity];
      x[kBfNextEndsSentence] = out[k + 1].x[kBfEndsSentence];
      x[kBfHeadingThenLinks] = x[kBfTagHeading] != 0 && out[k + 1].x[kBfLinkDensity] > 0.5f;
    }
  }
  return out;
}

}  // namespace corpus

#include "corpus/extract/post_chrome.h"

#include <gumbo.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "corpus/extract/markup_name_book.h"
#include "corpus/extract/markup_names.h"
#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// A <noscript> notice ("Please enable JavaScript") is at most this long.
constexpr uint64_t kMaxNoscriptNotice = 400;

// Cards larger than this are not cards: a page that puts itemprop=author on
// the whole post would otherwise lose its text.
constexpr uint64_t kMaxCardText = 1500;
constexpr int32_t kMaxCardScan = 2000;

// An ordinal is at most this many bytes of text ("12", "#3").
constexpr uint64_t kMaxOrdinal = 6;

enum class Chrome { kNone, kCard, kSignature, kDrop, kOrdinal, kCaption, kByline };

Chrome ClassifyChrome(const GumboElement& el) {
  // Captions, and form labels (sort and filter controls, consent boxes).
  if (el.tag == GUMBO_TAG_FIGCAPTION || el.tag == GUMBO_TAG_LABEL) return Chrome::kDrop;
  if (const char* prop = ElementAttr(el, "itemprop")) {
    if (EqualsIgnoreAsciiCase(prop, "author")) return Chrome::kCard;
    if (EqualsIgnoreAsciiCase(prop, "jobtitle")) return Chrome::kDrop;
    // A list item's ordinal (schema.org ListItem's "position"): a thread's
    // post numbers, a breadcrumb's steps.
    if (EqualsIgnoreAsciiCase(prop, "position")) return Chrome::kOrdinal;
  }
  if (const char* type = ElementAttr(el, "itemtype")) {
    const std::string t = AsciiLowercase(type);
    if (t.size() >= 7 && t.compare(t.size() - 7, 7, "/person") == 0) return Chrome::kCard;
  }
  using Book = MarkupNameBook;
  const Book& names = Book::Default();
  thread_local std::string v;  // the value, lower-cased (no allocation per element)
  for (const char* name : {"class", "id"}) {
    const char* value = name[0] == 'c' ? ElementAttr(el, name) : NameId(el);
    if (!value) continue;
    v.assign(value);
    AsciiLowercaseInPlace(&v);
    // The lists of configs/extract/names.txt that hold a whole class name
    // of the value, and those that hold one of its alphanumeric tokens.
    const uint32_t whole = names.ListsNamingPieces(v, false);
    const uint32_t tokens = names.ListsNamingPieces(v, true);
    const auto in = [](uint32_t lists, NameList l) { return (lists & Book::Bit(l)) != 0; };
    // Author cards (whole class names), a poster's rank or title, fine
    // print and captions, signatures.
    if (name[0] == 'c' && in(whole, NameList::kAuthorCardClasses)) return Chrome::kCard;
    if (in(whole | tokens, NameList::kUserTitleNames)) return Chrome::kDrop;
    if (in(tokens, NameList::kFinePrintTokens) || in(whole, NameList::kCaptionClasses)) return Chrome::kDrop;
    if (in(tokens, NameList::kSignatureTokens)) return Chrome::kSignature;
    if (in(tokens, NameList::kCaptionTokens)) return Chrome::kCaption;
    if (in(tokens, NameList::kBylineTokens)) return Chrome::kByline;
  }
  return Chrome::kNone;
}

// Drops every text-bearing block of the card at `card` but the one that
// holds its first text (the poster's or author's name).
void TrimCard(std::vector<DomNode>& nodes, int32_t card) {
  const int32_t end = nodes[card].end;
  int32_t first = -1;
  for (int32_t j = card + 1; j < end; ++j) {
    if ((nodes[j].flags & kDomText) && nodes[j].text > 0) {
      first = nodes[j].block;
      break;
    }
  }
  if (first < card) return;  // no text, or an inline card inside a line: nothing to trim
  for (int32_t j = card + 1; j < end; ++j) {
    DomNode& d = nodes[j];
    if ((d.flags & kDomText) || d.text == 0) continue;
    // The name's block, or an ancestor of it: look inside.
    if ((d.flags & kDomBlock) && j <= first && first < d.end) continue;
    // An inline element set in the card's own line after the name's block
    // (a link "all articles by the author" under the bio) goes with the
    // bio; before it, or in the name's block, it is the name's.
    if (!(d.flags & kDomBlock) && (d.block != card || j < nodes[first].end)) continue;
    d.flags |= kDomBoilerplate;
    j = d.end - 1;
  }
}

// Whether the subtree at `i` holds an author card. Looks at a bounded number
// of nodes, so nested signature-named elements cannot make the pass quadratic.
bool HoldsCard(const std::vector<DomNode>& nodes, int32_t i) {
  const int32_t end = std::min(nodes[i].end, i + 1 + kMaxCardScan);
  for (int32_t j = i + 1; j < end; ++j) {
    if (!(nodes[j].flags & kDomText) &&
        ClassifyChrome(nodes[j].node->v.element) == Chrome::kCard) {
      return true;
    }
  }
  return false;
}

// Whether the subtree at `i` has text that mentions JavaScript (ASCII case
// folded). Looks at a bounded number of nodes, like HoldsCard.
bool MentionsJavaScript(const std::vector<DomNode>& nodes, int32_t i) {
  const int32_t end = std::min(nodes[i].end, i + 1 + kMaxCardScan);
  for (int32_t j = i + 1; j < end; ++j) {
    if (!(nodes[j].flags & kDomText)) continue;
    const std::string text = AsciiLowercase(nodes[j].node->v.text.text);
    if (text.find("javascript") != std::string::npos) return true;
  }
  return false;
}

// A caption named only by a "caption" token is one when it is short, has no
// link (the titles under a grid of products or galleries link to them) and
// sits beside a picture (its parent holds an <img>).
constexpr uint64_t kMaxCaptionText = 300;
// A byline is a line or two: a name, a date, a place.
constexpr uint64_t kMaxBylineText = 300;
// Most bylines on a page that is one article (see MarkPostChrome).
constexpr size_t kMaxBylines = 2;

// A picture's credit set beside it: a short inline element with no link
// right after an <img>, the two alone in their wrapper, inside a <figure>
// ("<figure><div><img><span>Getty Images</span></div><figcaption>...").
constexpr uint64_t kMaxPictureCredit = 60;

// Whether element `i` is such a credit.
bool IsCreditBesidePicture(const std::vector<DomNode>& nodes, int32_t i) {
  const DomNode& n = nodes[i];
  if ((n.flags & (kDomText | kDomBlock)) || n.text == 0 || n.text > kMaxPictureCredit ||
      n.link > 0 || n.parent < 0) {
    return false;
  }
  if (nodes[n.parent].text != n.text) return false;
  // The node before it among the wrapper's children, in gumbo's tree
  // (pictures are not in DomIndex): an <img>.
  const GumboNode* g = n.node;
  const GumboVector& kids = g->parent->v.element.children;
  const GumboNode* prev = nullptr;
  for (unsigned k = g->index_within_parent; k-- > 0 && !prev;) {
    const GumboNode* c = static_cast<const GumboNode*>(kids.data[k]);
    if (c->type != GUMBO_NODE_WHITESPACE) prev = c;
  }
  if (!prev || prev->type != GUMBO_NODE_ELEMENT || prev->v.element.tag != GUMBO_TAG_IMG) {
    return false;
  }
  for (int32_t a = n.parent; a >= 0; a = nodes[a].parent) {
    if (nodes[a].tag == GUMBO_TAG_FIGURE) return true;
  }
  return false;
}

// Whether element `i` is followed, among its siblings, by running text:
// the first sibling after it that holds text is a sentence or more
// (IsRunningText).
bool HeadsText(const std::vector<DomNode>& nodes, int32_t i) {
  const int32_t parent = nodes[i].parent;
  if (parent < 0) return false;
  const int32_t next = NextWithText(nodes, nodes[i].end, nodes[parent].end);
  return next < nodes[parent].end && IsRunningText(nodes[next]);
}

// Quotation marks that open a quote, in UTF-8: " ' and the typographic
// forms of Latin, Cyrillic and Greek scripts (“ ‘ „ ‚ « » ‹ ›) and of CJK
// (「 『).
constexpr std::string_view kOpeningQuotes[] = {
    "\"", "'", "\xE2\x80\x9C", "\xE2\x80\x98", "\xE2\x80\x9E", "\xE2\x80\x9A", "\xC2\xAB",
    "\xC2\xBB", "\xE2\x80\xB9", "\xE2\x80\xBA", "\xE3\x80\x8C", "\xE3\x80\x8E"};

// Whether element `i` comes right after a quotation among what its parent
// holds: the line before it opens with a quotation mark. An "author" there
// is the speaker of the quote ("article__quote-author" under the quoted
// words), not the article's byline.
bool FollowsQuotation(const std::vector<DomNode>& nodes, int32_t i) {
  const int32_t parent = nodes[i].parent;
  if (parent < 0) return false;
  const int32_t line = LineBefore(nodes, i, parent + 1);
  if (line < 0) return false;
  for (int32_t j = line; j < nodes[line].end; ++j) {
    if (!(nodes[j].flags & kDomText) || nodes[j].text == 0) continue;
    const std::string_view t = StripAsciiWhitespace(nodes[j].node->v.text.text);
    for (std::string_view mark : kOpeningQuotes) {
      if (t.starts_with(mark)) return true;
    }
    return false;
  }
  return false;
}

// A thread laid out as a table (the classic forum "post bit"): each post a
// row of two cells, the poster's card (name, rank, join date, post count)
// beside the post's text. A card is at most this long...
constexpr uint64_t kMaxTableCardText = 600;
// ...and a thread has this many such rows or more.
constexpr size_t kMinPostRows = 2;

// Whether table cell `card` is a poster's card beside cell `post`: the card
// opens with a link (the poster's name, to their profile), holds two lines
// or more and no paragraph of running text; the post holds running text.
bool IsCardBesidePost(const std::vector<DomNode>& nodes, int32_t card, int32_t post) {
  const DomNode& c = nodes[card];
  if (c.text > kMaxTableCardText || !IsRunningText(nodes[post])) return false;
  int32_t first_text = -1;
  int lines = 0;
  for (int32_t j = card + 1; j < c.end; ++j) {
    const DomNode& d = nodes[j];
    if (d.flags & kDomText) {
      if (d.text > 0 && first_text < 0) first_text = j;
    } else if (IsRunningParagraph(d)) {
      return false;
    } else if ((d.flags & kDomBlock) && d.own_text > 0) {
      ++lines;
    }
  }
  return first_text >= 0 && nodes[first_text].anchor >= 0 && lines >= 2;
}

// Trims the posters' cards of a thread laid out as a table to their first
// line, as named cards are (TrimCard): rows of exactly two cells with text,
// one a card beside the other (IsCardBesidePost), kMinPostRows of them or
// more on the page. One row alone is a table in an article.
void TrimPostTableCards(std::vector<DomNode>& nodes) {
  std::vector<int32_t> cards;
  for (int32_t i = 0; i < static_cast<int32_t>(nodes.size()); ++i) {
    const DomNode& row = nodes[i];
    if ((row.flags & kDomText) || row.tag != GUMBO_TAG_TR || row.text == 0) continue;
    int32_t cells[2];
    int count = 0;
    for (int32_t c = i + 1; c < row.end; c = nodes[c].end) {
      if (nodes[c].text == 0 || (nodes[c].flags & kDomText)) continue;
      if (count == 2 || (nodes[c].tag != GUMBO_TAG_TD && nodes[c].tag != GUMBO_TAG_TH)) {
        count = 3;
        break;
      }
      cells[count++] = c;
    }
    if (count != 2) continue;
    if (IsCardBesidePost(nodes, cells[0], cells[1])) {
      cards.push_back(cells[0]);
    } else if (IsCardBesidePost(nodes, cells[1], cells[0])) {
      cards.push_back(cells[1]);
    }
  }
  if (cards.size() < kMinPostRows) return;
  for (int32_t card : cards) TrimCard(nodes, card);
}

// A signature drawn under its rule: a block whose first line is a run of
// underscores alone ("__________________", the line forum software such as
// vBulletin draws above a poster's signature), at most this long.
constexpr uint64_t kMaxRuledSignature = 500;
constexpr size_t kMinSignatureRule = 5;

// Whether block `i` is such a signature.
bool IsRuledSignature(const std::vector<DomNode>& nodes, int32_t i) {
  const DomNode& n = nodes[i];
  if (!(n.flags & kDomBlock) || n.text > kMaxRuledSignature) return false;
  for (int32_t j = i + 1; j < n.end; ++j) {
    const DomNode& d = nodes[j];
    if (!(d.flags & kDomText) || d.text == 0) continue;
    if (d.block != i) return false;  // the first line is an inner block's
    const std::string_view t = StripAsciiWhitespace(d.node->v.text.text);
    return t.size() >= kMinSignatureRule && t.find_first_not_of('_') == std::string_view::npos &&
           d.text < n.text;
  }
  return false;
}

// An audio player's box: what is shown around an <audio> element
// (a label, the clip's title, its running time: "Audio", "Rosengartenstrasse:
// Gemeinderat will Tempo 30", "02:13 min, aus Regionaljournal…"), at most
// this much text and no paragraph of running text.
constexpr uint64_t kMaxPlayerText = 240;

// Marks the largest box around each <audio> element (DomIndex::players)
// that holds at most kMaxPlayerText bytes, no paragraph of running text
// (IsRunningParagraph) and not the headline. Each step up reads only what
// the box below it did not hold.
void MarkPlayerBoxes(const DomIndex& dom, std::vector<DomNode>& nodes) {
  const int32_t h1 = dom.first_h1();
  for (int32_t at : dom.players()) {
    int32_t box = -1;
    for (int32_t a = at; a > 0; a = nodes[a].parent) {
      const DomNode& n = nodes[a];
      if (n.text > kMaxPlayerText || n.tag == GUMBO_TAG_MAIN || n.tag == GUMBO_TAG_ARTICLE ||
          (h1 >= a && h1 < n.end)) {
        break;
      }
      bool running = false;
      for (int32_t j = a; j < n.end && !running; ++j) {
        if (j == box) {
          j = nodes[box].end - 1;
          continue;
        }
        running = (nodes[j].flags & kDomBlock) && IsRunningParagraph(nodes[j]);
      }
      if (running) break;
      box = a;
    }
    if (box >= 0 && nodes[box].text > 0) nodes[box].flags |= kDomBoilerplate;
  }
}

// A checklist has at least this many items.
constexpr int kMinChecklistItems = 3;

// Whether the element at `i` is a <label> that is all the text of a list
// item, in a list of at least kMinChecklistItems items and outside any
// form: a checklist the reader ticks off (a recipe's ingredients, a packing
// list), not a control.
bool IsChecklistItem(const std::vector<DomNode>& nodes, int32_t i) {
  const DomNode& n = nodes[i];
  if (n.tag != GUMBO_TAG_LABEL || n.parent < 0) return false;
  const DomNode& item = nodes[n.parent];
  if (item.tag != GUMBO_TAG_LI || item.text != n.text || item.parent < 0) return false;
  const DomNode& list = nodes[item.parent];
  int items = 0;
  for (int32_t k = item.parent + 1; k < list.end; k = nodes[k].end) {
    if (nodes[k].tag == GUMBO_TAG_LI) ++items;
  }
  if (items < kMinChecklistItems) return false;
  // Boxes to tick in a form are a choice sent to the site (filters, topics
  // to subscribe to), not a list of the page's.
  for (int32_t a = item.parent; a >= 0; a = nodes[a].parent) {
    if (nodes[a].tag == GUMBO_TAG_FORM) return false;
  }
  return true;
}

// Whether the element at `i` is a post's permalink written as its number:
// a link whose whole text is "#" and a few digits ("#1", "#12"), last on
// its line, as forum software links each post from the end of its head. In
// a sentence, such a link is a reference to an issue or a ticket.
bool IsPostNumberLink(const std::vector<DomNode>& nodes, int32_t i) {
  const DomNode& n = nodes[i];
  if (n.tag != GUMBO_TAG_A || n.text < 2 || n.text > kMaxOrdinal || n.link != n.text ||
      n.block < 0) {
    return false;
  }
  for (int32_t k = n.end; k < nodes[n.block].end; ++k) {
    if (nodes[k].flags & kDomBoilerplate) {
      k = nodes[k].end - 1;  // hidden or already dropped
    } else if ((nodes[k].flags & kDomText) && nodes[k].text > 0) {
      return false;
    }
  }
  std::string text;
  AppendSmallText(nodes, i, &text);
  size_t k = 0;
  while (k < text.size() && text[k] == ' ') ++k;
  if (k == text.size() || text[k] != '#') return false;
  size_t digits = 0;
  for (++k; k < text.size() && IsAsciiDigit(text[k]); ++k) ++digits;
  while (k < text.size() && text[k] == ' ') ++k;
  return digits > 0 && k == text.size();
}

}  // namespace

void MarkPostChrome(DomIndex* dom) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  if (nodes.empty()) return;
  const uint64_t page_text = nodes[0].text;
  TrimPostTableCards(nodes);
  MarkPlayerBoxes(*dom, nodes);
  // The outermost elements named as bylines, flagged after the walk: an
  // article has one or two (under the headline, at the end); a page with
  // more lists the bylines of many posts, each part of its teaser.
  std::vector<int32_t> bylines;
  int32_t byline_end = 0;
  for (int32_t i = 1; i < static_cast<int32_t>(nodes.size()); ++i) {
    DomNode& n = nodes[i];
    if ((n.flags & kDomText) || (n.flags & kDomBoilerplate) || n.text == 0) continue;
    // What a page says to readers without scripts ("enable JavaScript to
    // use this site") is about the reader's browser, not the page's text.
    if (n.tag == GUMBO_TAG_NOSCRIPT && n.text <= kMaxNoscriptNotice &&
        MentionsJavaScript(nodes, i)) {
      n.flags |= kDomBoilerplate;
      i = n.end - 1;
      continue;
    }
    if (IsCreditBesidePicture(nodes, i) || IsRuledSignature(nodes, i) ||
        IsPostNumberLink(nodes, i)) {
      n.flags |= kDomBoilerplate;
      i = n.end - 1;
      continue;
    }
    const Chrome c = ClassifyChrome(n.node->v.element);
    if (c == Chrome::kNone) continue;
    // Whatever its name, an element with much of the page's text is content.
    if (n.text > kMaxCardText || 2 * n.text > page_text) continue;
    switch (c) {
      case Chrome::kCard:
        TrimCard(nodes, i);
        break;
      case Chrome::kDrop:
        if (IsChecklistItem(nodes, i)) continue;
        n.flags |= kDomBoilerplate;
        break;
      case Chrome::kOrdinal:
        // A number, not a name the markup calls a position.
        if (n.text > kMaxOrdinal) continue;
        n.flags |= kDomBoilerplate;
        break;
      case Chrome::kCaption:
        // Not a caption: what it holds is looked at on its own.
        if (n.link > 0 || n.text > kMaxCaptionText || n.parent < 0 ||
            !HoldsPicture(nodes[n.parent].node)) {
          continue;
        }
        n.flags |= kDomBoilerplate;
        break;
      case Chrome::kByline:
        if (FollowsQuotation(nodes, i)) continue;
        if (i >= byline_end) {
          bylines.push_back(i);
          byline_end = n.end;
        }
        continue;
      case Chrome::kSignature:
        if (HoldsCard(nodes, i)) continue;  // the author block, handled when reached
        // A poster's signature is a block under the post. An inline one, a
        // definition's term, or a line without sentence punctuation over
        // running text is an API reference's function signature over its
        // description (Sphinx's <dt class="sig">, Javadoc's
        // "member-signature"): the page's.
        if (!(n.flags & kDomBlock) || n.tag == GUMBO_TAG_DT ||
            (n.punct == 0 && HeadsText(nodes, i))) {
          continue;
        }
        n.flags |= kDomBoilerplate;
        break;
      case Chrome::kNone:
        break;
    }
    i = n.end - 1;
  }
  if (bylines.size() > kMaxBylines) return;
  for (int32_t b : bylines) {
    if (nodes[b].text <= kMaxBylineText) nodes[b].flags |= kDomBoilerplate;
  }
}

}  // namespace corpus

#include "corpus/extract/signup_boxes.h"

#include <gumbo.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/extract/html_prescan.h"
#include "corpus/extract/markup_name_book.h"
#include "corpus/extract/markup_names.h"
#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// A sign-up pitch is a sentence or two; more text is an article that happens
// to hold a form.
constexpr uint64_t kMaxSignupBoxText = 500;
// Elements of a form looked at for an e-mail field: forms are small, and
// the bound keeps a page that is one giant form linear.
constexpr int kMaxFormScan = 400;

// A call to action's line: a few words in one or two elements.
constexpr uint64_t kMaxActionBytes = 64;
constexpr int32_t kMaxActionNodes = 8;
// A row of such buttons side by side: a few of them.
constexpr uint64_t kMaxButtonRowBytes = 3 * kMaxActionBytes;
// A line that invites the reader to follow, join or subscribe is a
// sentence or two; its opening words are compared.
constexpr uint64_t kMaxPitchLineBytes = 300;
constexpr size_t kPitchOpeningBytes = 160;

// A pitch for a subscription or a donation may run longer, up to three
// paragraphs; more running text is the article's.
constexpr uint64_t kMaxPitchBoxText = 800;
constexpr int kMaxPitchParagraphs = 3;
// What a paywall shows after its opening line (the offers, a list of what
// subscribers get, a log-in line) runs to this much text; more after the
// line is the article's.
constexpr uint64_t kMaxPaywallTail = 1500;

bool MentionsEmail(const char* value) {
  if (!value) return false;
  const std::string v = AsciiLowercase(value);
  return v.find("email") != std::string::npos || v.find("e-mail") != std::string::npos;
}

// Whether the gumbo subtree of `form` has an e-mail input (inputs are not in
// DomIndex), looking at no more than kMaxFormScan nodes.
bool AsksForEmail(const GumboNode* form) {
  return AnyElementWithin(form, kMaxFormScan, [](const GumboElement& el) {
    if (el.tag != GUMBO_TAG_INPUT) return false;
    if (const char* type = ElementAttr(el, "type"); type && std::string_view(type) == "email") {
      return true;
    }
    return MentionsEmail(ElementAttr(el, "name")) || MentionsEmail(ElementAttr(el, "id")) ||
           MentionsEmail(ElementAttr(el, "placeholder")) ||
           MentionsEmail(ElementAttr(el, "aria-label"));
  });
}

// A call to support a site by its name ("Support the Guardian", "Apoiar a
// Travessa") is its verb and at most this many words more.
constexpr size_t kMaxWordsAfterPitchVerb = 3;

// Whether `label` asks the reader to subscribe, sign up or donate
// ([pitch_actions], or a verb of [pitch_verbs] before a short name) or to
// load what waits for consent ([consent_actions]): the action that ends a
// pitch box or a consent placeholder.
bool IsActionPhrase(const PhraseSet& phrases, const std::string& label) {
  if (!phrases.MayOpenWith(PhraseClass::kPitchAction, label) &&
      !phrases.MayOpenWith(PhraseClass::kConsentAction, label) &&
      !phrases.MayOpenWith(PhraseClass::kPitchVerb, label)) {
    return false;
  }
  const std::string folded = FoldPhrase(label);
  if (phrases.Has(PhraseClass::kPitchAction, folded) ||
      phrases.Frames(PhraseClass::kPitchAction, folded) ||
      phrases.Has(PhraseClass::kConsentAction, folded)) {
    return true;
  }
  const size_t spaces = static_cast<size_t>(std::count(folded.begin(), folded.end(), ' '));
  return spaces >= 1 && spaces <= kMaxWordsAfterPitchVerb &&
         phrases.StartsWith(PhraseClass::kPitchVerb, folded);
}

// The text, in bytes, of the last line of block `block`: the run of its
// last children with text between block children and <br>s. Sets
// `*holds` to whether that run holds node `i`.
uint64_t LastLineText(const std::vector<DomNode>& nodes, int32_t block, int32_t i, bool* holds) {
  uint64_t line = 0;
  *holds = false;
  for (int32_t c = block + 1; c < nodes[block].end; c = nodes[c].end) {
    if (nodes[c].text == 0) continue;
    if (!(nodes[c].flags & kDomText) &&
        ((nodes[c].flags & kDomBlock) || nodes[c].tag == GUMBO_TAG_BR)) {
      line = 0;
      *holds = false;
      continue;
    }
    line += nodes[c].text;
    *holds = *holds || (c <= i && i < nodes[c].end);
  }
  return line;
}

// Whether element `i`, not a block, is alone on the last line of its
// block (DomNode::block), as a button closes a box set between paragraphs
// of running text (SetInRunningText), where an article's editors put
// their pitches; a pricing table's buttons close cards set side by side.
bool ClosesABoxInTheText(const std::vector<DomNode>& nodes, int32_t i) {
  const int32_t block = nodes[i].block;
  bool holds = false;
  return LastLineText(nodes, block, i, &holds) == nodes[i].text && holds &&
         SetInRunningText(nodes, OutermostWrapper(nodes, block, 0));
}

// Whether the own text of `block` is a row of calls to action: two links
// or more side by side, each an action phrase (IsActionPhrase), and no
// other text of its own ("Jetzt registrieren" and "Abo abschließen" under
// a paywall's pitch). A row with any other link (a pricing card's "Compare
// plans") is not one.
bool InARowOfActions(const std::vector<DomNode>& nodes, const PhraseSet& phrases, int32_t block,
                     std::string* text) {
  const DomNode& b = nodes[block];
  if (b.own_text != b.own_link || b.own_text > kMaxButtonRowBytes) return false;
  int actions = 0;
  for (int32_t c = block + 1; c < b.end; ++c) {
    const DomNode& n = nodes[c];
    if ((n.flags & kDomText) || n.text == 0) continue;
    if (n.flags & kDomBlock) {
      c = n.end - 1;
      continue;
    }
    if (n.tag != GUMBO_TAG_A) continue;
    text->clear();
    AppendSmallText(nodes, c, text);
    if (!IsActionPhrase(phrases, *text)) return false;
    ++actions;
    c = n.end - 1;
  }
  return actions >= 2;
}

// Whether element `i` is a call to action: a link, or a form control's
// <label> (a consent placeholder's "show external content" switch), whose
// whole text is an action phrase (IsActionPhrase), and the only text of its
// own block or the last line of a box in the text (ClosesABoxInTheText): a
// button's line, not a link inside a sentence. (A <button>'s text is not
// read as the page's: dom_index.h.)
bool IsCallToAction(const std::vector<DomNode>& nodes, const PhraseSet& phrases, int32_t i,
                    std::string* text) {
  const DomNode& n = nodes[i];
  if ((n.flags & kDomText) || (n.tag != GUMBO_TAG_A && n.tag != GUMBO_TAG_LABEL) ||
      n.text == 0 || n.text > kMaxActionBytes || n.end - i > kMaxActionNodes || n.block < 0 ||
      (nodes[n.block].own_text != n.text && !ClosesABoxInTheText(nodes, i) &&
       !InARowOfActions(nodes, phrases, n.block, text))) {
    return false;
  }
  text->clear();
  AppendSmallText(nodes, i, text);
  return IsActionPhrase(phrases, *text);
}

// Paragraphs of running text (IsRunningText) in the subtree at `root`,
// counted up to `limit`.
int RunningParagraphs(const std::vector<DomNode>& nodes, int32_t root, int limit) {
  int count = 0;
  for (int32_t i = root; i < nodes[root].end && count <= limit; ++i) {
    const DomNode& n = nodes[i];
    if (!(n.flags & kDomText) && (n.flags & kDomBlock) && n.own_text == n.text &&
        IsRunningText(n)) {
      ++count;
      i = n.end - 1;
    }
  }
  return count;
}

// The question marks that end a reader's question: ASCII, full-width
// (U+FF1F) and Arabic (U+061F).
constexpr std::string_view kQuestionMarks[] = {"?", "\xEF\xBC\x9F", "\xD8\x9F"};

// Whether the last visible character of the subtree at `root` is a
// question mark (kQuestionMarks).
bool EndsQuestion(const std::vector<DomNode>& nodes, int32_t root) {
  const std::string_view t = LastText(nodes, root, " \n\t\r");
  for (std::string_view q : kQuestionMarks) {
    if (t.ends_with(q)) return true;
  }
  return false;
}

// The own text of block `line` (DomNode::own_text) less what of it lies in
// inline elements already flagged as chrome: a consent placeholder's
// button shares its line with the form label of an "always allow" box
// (post_chrome.h).
uint64_t OwnTextBesideChrome(const std::vector<DomNode>& nodes, int32_t line) {
  uint64_t own = nodes[line].own_text;
  for (int32_t j = line + 1; j < nodes[line].end && own > 0; ++j) {
    const DomNode& d = nodes[j];
    if (d.flags & kDomText) continue;
    if (d.flags & kDomBlock) {
      j = d.end - 1;
    } else if (d.flags & kDomBoilerplate) {
      own -= std::min(own, d.text);
      j = d.end - 1;
    }
  }
  return own;
}

// Marks the siblings after the paywall line `line` to the end of its
// parent, when they hold at most kMaxPaywallTail bytes of text.
void MarkPaywallTail(std::vector<DomNode>* nodes_ptr, int32_t line) {
  std::vector<DomNode>& nodes = *nodes_ptr;
  const int32_t parent = nodes[line].parent;
  if (parent < 0) return;
  uint64_t tail = 0;
  for (int32_t j = nodes[line].end; j < nodes[parent].end; j = nodes[j].end) tail += nodes[j].text;
  if (tail > kMaxPaywallTail) return;
  for (int32_t j = nodes[line].end; j < nodes[parent].end; j = nodes[j].end) {
    if (!(nodes[j].flags & kDomText)) nodes[j].flags |= kDomBoilerplate;
  }
}

// Whether the block at `i` is a call to follow the site on its social
// networks, in any language: its links, two or more, are all the site's
// profiles on social networks (SocialProfileDomain; the prescan cuts such
// an href to the network's domain), on two networks at least, or an e-mail
// address or phone number to send tips to ("Follow City News on
// <a>Facebook</a>, <a>X</a> and <a>Instagram</a>. Send your story ideas to
// <a href=mailto:…>…</a>", "Síguenos en <a>Facebook</a> y <a>TikTok</a>").
bool IsFollowLine(const std::vector<DomNode>& nodes, int32_t i) {
  std::string_view first_network;
  bool two_networks = false;
  for (int32_t k = i + 1; k < nodes[i].end; ++k) {
    const DomNode& n = nodes[k];
    if ((n.flags & kDomText) || n.tag != GUMBO_TAG_A) continue;
    const char* attr = ElementAttr(n.node->v.element, "href");
    if (!attr) continue;
    const std::string_view href = attr;
    if (href.starts_with("mailto:") || href.starts_with("tel:")) continue;
    std::string_view network = SocialProfileDomain(href);
    if (network.empty() && MarkupNameBook::Default().Has(NameList::kSocialHosts, href)) {
      network = href;
    }
    if (network.empty()) return false;
    if (first_network.empty()) {
      first_network = network;
    } else if (network != first_network) {
      two_networks = true;
    }
  }
  return two_networks;
}

// Whether the line `text` (its opening, unfolded) invites the reader to
// follow, join or subscribe: it opens with a [pitch_openings] phrase, or
// with one question and then such a phrase ("Sie möchten wissen, was in
// Essen passiert? Abonnieren Sie hier unseren Newsletter", "Want more
// stories like this? Sign up for our newsletter"): the teaser question
// pitches put first, in every language.
bool OpensWithPitch(const PhraseSet& phrases, std::string_view text) {
  if (phrases.OpensWith(PhraseClass::kPitchOpening, text)) return true;
  size_t end = std::string_view::npos, mark = 0;
  for (std::string_view q : kQuestionMarks) {
    const size_t at = text.find(q);
    if (at < end) {
      end = at;
      mark = q.size();
    }
  }
  if (end == std::string_view::npos) return false;
  // One question: no sentence ends before it.
  const std::string_view question = text.substr(0, end);
  if (question.find(". ") != std::string_view::npos ||
      question.find("! ") != std::string_view::npos) {
    return false;
  }
  std::string_view rest = text.substr(end + mark);
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\n')) rest.remove_prefix(1);
  return !rest.empty() && phrases.OpensWith(PhraseClass::kPitchOpening, rest);
}

// The last line of the block at `i`, after a line break (<br>), when it
// opens with an invitation to follow, join or subscribe: the call a story
// written as lines ends with ("…운행하게 된다.<br>▶ 제보하기 : 카카오톡 …").
// The line's text goes; the lines above it stay.
void MarkPitchLastLine(std::vector<DomNode>* nodes, int32_t i, const PhraseSet& phrases,
                       std::string* text) {
  std::vector<DomNode>& n = *nodes;
  const int32_t line = LastBrokenLine(n, i);
  if (line < 0) return;
  text->clear();
  uint64_t bytes = 0;
  for (int32_t k = line; k < n[i].end; ++k) {
    if (!(n[k].flags & kDomText)) continue;
    bytes += n[k].text;
    if (text->size() < kPitchOpeningBytes) {
      *text += n[k].node->v.text.text;
      *text += ' ';
    }
  }
  if (bytes > kMaxPitchLineBytes || !OpensWithPitch(phrases, *text)) return;
  for (int32_t k = line; k < n[i].end; ++k) {
    if (n[k].flags & kDomText) n[k].flags |= kDomBoilerplate;
  }
}

}  // namespace

void MarkSignupBoxes(DomIndex* dom, const PhraseSet& phrases, uint64_t max_box_text) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  const int32_t first_h1 = dom->first_h1();
  const auto too_big = [&](int32_t p, uint64_t max_text = kMaxSignupBoxText) {
    const DomNode& up = nodes[p];
    return up.text > max_text || up.text > max_box_text || up.tag == GUMBO_TAG_MAIN ||
           up.tag == GUMBO_TAG_ARTICLE || (first_h1 >= p && first_h1 < up.end);
  };
  for (int32_t i = 0; i < static_cast<int32_t>(nodes.size()); ++i) {
    const DomNode& n = nodes[i];
    if ((n.flags & kDomText) || n.tag != GUMBO_TAG_FORM) continue;
    if (!AsksForEmail(n.node)) {
      i = n.end - 1;
      continue;
    }
    int32_t box = i;
    while (nodes[box].parent > 0 && !too_big(nodes[box].parent)) box = nodes[box].parent;
    nodes[box].flags |= kDomBoilerplate;
    i = nodes[box].end - 1;
  }
  // The pitch around the call to action on the line `line`, of which
  // `action` bytes are the action's own: the largest wrapper of blocks
  // whose own text is at most its buttons' links. Once the box holds text
  // besides the action, it takes no more paragraphs of running text: those
  // are the text it is set in (a consent placeholder under a live ticker's
  // entry does not take the entry).
  const auto mark_pitch = [&](int32_t line, uint64_t action) {
    if (too_big(line, kMaxPitchBoxText)) return;
    int32_t box = line;
    int box_paragraphs = RunningParagraphs(nodes, box, kMaxPitchParagraphs);
    while (nodes[box].parent > 0) {
      const int32_t up = nodes[box].parent;
      if (too_big(up, kMaxPitchBoxText) || nodes[up].own_text != nodes[up].own_link) break;
      const int up_paragraphs = RunningParagraphs(nodes, up, kMaxPitchParagraphs);
      if (up_paragraphs > kMaxPitchParagraphs ||
          (nodes[box].text > action && up_paragraphs > box_paragraphs)) {
        break;
      }
      box = up;
      box_paragraphs = up_paragraphs;
    }
    if (nodes[box].text > action) nodes[box].flags |= kDomBoilerplate;
  };
  std::string text;
  for (int32_t i = 0; i < static_cast<int32_t>(nodes.size()); ++i) {
    if (!IsCallToAction(nodes, phrases, i, &text)) continue;
    mark_pitch(nodes[i].block, nodes[i].text);
    i = nodes[i].end - 1;
  }
  // Lines that open with an invitation to follow, join or subscribe
  // ("Síguenos en ...", "Join our WhatsApp channel ...", "Iscriviti alla
  // newsletter ..."); and lines saying the rest is for subscribers ("To view
  // the full story, please subscribe…", "Dieser Artikel ist nur für
  // Abonnenten"), which go with the pitch after them to the end of their
  // parent when that is short (what a paywall shows in place of the
  // article's rest).
  for (int32_t i = 0; i < static_cast<int32_t>(nodes.size()); ++i) {
    DomNode& n = nodes[i];
    if (n.flags & kDomBoilerplate) {
      i = n.end - 1;
      continue;
    }
    if ((n.flags & kDomText) || !(n.flags & kDomBlock) || n.text == 0 || n.own_text != n.text) {
      continue;
    }
    if (n.text <= kMaxPitchLineBytes && n.link > 0 && !too_big(i) && IsFollowLine(nodes, i)) {
      n.flags |= kDomBoilerplate;
      i = n.end - 1;
      continue;
    }
    if (n.text <= kMaxPitchLineBytes && !too_big(i)) {
      text.clear();
      AppendSmallText(nodes, i, &text, kPitchOpeningBytes);
      const bool paywall = phrases.OpensWith(PhraseClass::kPaywallOpening, text);
      if (paywall || OpensWithPitch(phrases, text)) {
        n.flags |= kDomBoilerplate;
        mark_pitch(i, 0);
        if (paywall) MarkPaywallTail(&nodes, i);
        i = n.end - 1;
        continue;
      }
    }
    MarkPitchLastLine(&nodes, i, phrases, &text);
  }
  // A question with buttons for answers ("Was this page helpful?" Yes, No;
  // a poll): two buttons or more in a row whose nearest block is one box of
  // a few lines; or, when each button has a block of its own (a list of
  // them, one to an item), whose nearest block holding both, or the block
  // around that when it holds only the buttons, is a box of a few lines
  // ending with a question mark.
  const std::vector<DomIndex::Button>& buttons = dom->buttons();
  const auto block_above = [&](int32_t block) {
    const int32_t up = nodes[block].parent;
    return up < 0 ? -1 : nodes[up].block;
  };
  for (size_t k = 0; k + 1 < buttons.size(); ++k) {
    const int32_t next = buttons[k + 1].parent;
    int32_t box = nodes[buttons[k].parent].block;
    const bool apart = box >= 0 && nodes[next].block != box;
    while (box >= 0 && (next < box || next >= nodes[box].end) && !too_big(box)) {
      box = block_above(box);
    }
    if (apart && box >= 0 && nodes[box].text == 0 && !too_big(box)) box = block_above(box);
    if (box < 0 || nodes[box].text == 0 || too_big(box) || RunningParagraphs(nodes, box, 0) > 0 ||
        (apart && !EndsQuestion(nodes, box))) {
      continue;
    }
    nodes[box].flags |= kDomBoilerplate;
  }
  // Buttons: their labels are not the page's text, so the line holding one
  // has no text of its own.
  for (const DomIndex::Button& b : dom->buttons()) {
    const int32_t line = nodes[b.parent].block;
    if (line < 0 || OwnTextBesideChrome(nodes, line) != 0 || !ButtonLabel(b.node, kMaxActionNodes, 2 * kMaxActionBytes, &text) ||
        !IsActionPhrase(phrases, text)) {
      continue;
    }
    mark_pitch(line, 0);
  }
}

}  // namespace corpus

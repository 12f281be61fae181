#include "corpus/extract/teaser_lines.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// A teaser line is a label and a headline.
constexpr uint64_t kMaxTeaserLine = 300;
// A picture credit is a label and a name or two.
constexpr uint64_t kMaxCreditLine = 120;
// A caption is a sentence or two about the picture, and may end in its credit.
constexpr uint64_t kMaxCaptionLine = 300;
// A copyright notice under a story: the owner, "All rights reserved", and a
// sentence forbidding republication.
constexpr uint64_t kMaxCopyrightNotice = 240;
// A label and its colon lie within this many bytes of a line's start: 32
// letters of a script written in three bytes a letter (Thai's longest
// teaser label, "อ่านข่าวที่เกี่ยวข้อง", is 63 bytes, and sites in many
// scripts put a space before the colon).
constexpr size_t kMaxLabelOpening = 96;
// A credit label written as an abbreviation ("Fot.") or a short word
// ("Фото.") is this many bytes at most before its full stop.
constexpr size_t kMaxAbbreviationBytes = 8;
// A credit after a copyright sign is an agency and a name or two.
constexpr size_t kMaxCopyrightCredit = 60;
// Marks that sites in some scripts type for the colon after a label, in
// UTF-8: the Bengali, Devanagari, Gujarati and Odia visarga (U+0983,
// U+0903, U+0A83, U+0B03: "ছবিঃ ...", "फोटोः ...", "તસવીરઃ ..."), letters
// inside words as well; the Armenian comma (U+055D: "Լուսանկարը՝ ..."), a
// pause inside sentences as well; the Ethiopic wordspace (U+1361: "ፎቶ፡
// ..."), also the space between words of older text; the Burmese comma
// (U+104A). Each ends a label only where all the text before it is one
// (docs/LANGUAGES.md).
constexpr std::string_view kColonLikeMarks[] = {
    "\xE0\xA6\x83", "\xE0\xA4\x83", "\xE0\xAA\x83", "\xE0\xAC\x83",
    "\xD5\x9D",      "\xE1\x8D\xA1", "\xE1\x81\x8A"};
// U+3010 and U+3011, the lenticular brackets around a label in Chinese and
// Japanese ("【写真】").
constexpr std::string_view kOpenLenticular = "\xE3\x80\x90";
constexpr std::string_view kCloseLenticular = "\xE3\x80\x91";
// U+2013 EN DASH and U+2014 EM DASH in UTF-8 (kEllipsis: dom_index.h).
constexpr std::string_view kEnDash = "\xE2\x80\x93";
constexpr std::string_view kEmDash = "\xE2\x80\x94";
// U+00A9 COPYRIGHT SIGN in UTF-8, and U+24D2 CIRCLED LATIN SMALL LETTER C
// and U+24B8 CIRCLED LATIN CAPITAL LETTER C, set for it in Korean and
// Japanese notices.
constexpr std::string_view kCopyrightSign = "\xC2\xA9";
constexpr std::string_view kCircledSmallC = "\xE2\x93\x92";
constexpr std::string_view kCircledCapitalC = "\xE2\x92\xB8";

// The first `limit` bytes of the text of the subtree at `root`.
std::string Opening(const std::vector<DomNode>& nodes, int32_t root, size_t limit) {
  std::string out;
  for (int32_t i = root; i < nodes[root].end && out.size() < limit; ++i) {
    if (nodes[i].flags & kDomText) out += nodes[i].node->v.text.text;
  }
  return out;
}

// The length of the closing parenthesis that ends `t`, ASCII or fullwidth
// (U+FF09), 0 if none does.
size_t ClosingParenthesisLength(std::string_view t) {
  if (t.ends_with(')')) return 1;
  return t.ends_with("\xEF\xBC\x89") ? 3 : 0;
}

// Whether a copyright sign (U+00A9) opens the last kMaxCopyrightCredit
// bytes of `text`, after some text of its own: "... Schweiz. © AFP / Marco
// Bertorello". (One that opens the text is IsCreditLine's.)
bool EndsWithCopyrightCredit(std::string_view text) {
  const size_t sign = text.rfind(kCopyrightSign);
  return sign != std::string_view::npos && sign > 0 &&
         !StripAsciiWhitespace(text.substr(0, sign)).empty() &&
         text.size() - sign <= kMaxCopyrightCredit;
}

// What sets a credit apart from the caption before it, when it is not
// in parentheses: an em dash, an en dash, a hyphen or a bar between spaces;
// in Chinese and Japanese, the ideographic full stop that ends the caption
// ("市民在绿道上骑行。图片来源：东方晨报").
constexpr std::string_view kCreditSeparators[] = {" \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ",
                                                  " | ", "\xE3\x80\x82"};

// Whether the text of the subtree at `root` ends, spacing aside, in a
// closing parenthesis, or holds a copyright sign or a credit separator in
// its last kMaxCopyrightCredit bytes: the cheap test before EndsWithCredit
// reads the whole text.
bool MayEndWithCredit(const std::vector<DomNode>& nodes, int32_t root) {
  size_t tail = 0;  // bytes of text after the node looked at
  for (int32_t i = nodes[root].end - 1; i >= root && tail <= kMaxCopyrightCredit; --i) {
    if (!(nodes[i].flags & kDomText)) continue;
    const std::string_view t = StripAsciiWhitespace(nodes[i].node->v.text.text);
    if (tail == 0 && ClosingParenthesisLength(t) > 0) return true;
    if (t.find(kCopyrightSign) != std::string_view::npos) return true;
    for (std::string_view separator : kCreditSeparators) {
      if (t.find(separator) != std::string_view::npos) return true;
    }
    tail += t.size();
  }
  return false;
}

// Whether the nodes [first, end), the subtrees of one line, are a teaser
// label with no mark after it, then one link: the line's text outside
// links all comes before the link and is a teaser label, decoration aside
// ("<b>Leggi anche</b> <a href=...>...</a>", "Read more » <a
// href=...>...</a>"). A label before many links heads a list (of tags, of
// products), not a teaser.
bool IsBareLabelLine(const std::vector<DomNode>& nodes, int32_t first, int32_t end,
                     const PhraseSet& phrases) {
  std::string label;
  int32_t link = -1;  // the anchor of the first link with text
  for (int32_t i = first; i < end; ++i) {
    if (!(nodes[i].flags & kDomText) || nodes[i].text == 0) continue;
    if (!(nodes[i].flags & kDomInLink)) {
      if (link >= 0) return false;  // text after the link
      label += nodes[i].node->v.text.text;
      if (label.size() > kMaxLabelOpening) return false;
    } else if (link < 0) {
      link = nodes[i].anchor;
    } else if (nodes[i].anchor != link) {
      return false;
    }
  }
  return link >= 0 && phrases.Matches(PhraseClass::kTeaserLabel, label);
}

// Whether the nodes [first, end), the subtrees of one line, hold text in
// one link and in nothing else.
bool IsOneLinkLine(const std::vector<DomNode>& nodes, int32_t first, int32_t end) {
  int32_t link = -1;
  for (int32_t i = first; i < end; ++i) {
    if (!(nodes[i].flags & kDomText) || nodes[i].text == 0) continue;
    if (!(nodes[i].flags & kDomInLink) || (link >= 0 && nodes[i].anchor != link)) return false;
    link = nodes[i].anchor;
  }
  return link >= 0;
}

// Flags kDomBoilerplate on the nodes of a teaser line that is not a block of
// its own but a line of one, between <br>s ("...<br><br>Lesen Sie auch: <a
// href=...>...</a><br>"), as older sites and forum posts write paragraphs:
// the children of a block element from one <br> (or block child) to the
// next, with at most kMaxTeaserLine bytes of text, at least half of it in
// links, opening with a teaser label.
void MarkTeaserLinesBetweenBreaks(DomIndex* dom, const PhraseSet& phrases) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  // The first node of the line before the one looked at, in the same
  // block, when that line was a label alone ("Anzeige", "Advertisement");
  // -1 if it was not.
  int32_t label_line = -1;
  // Flags the run of children [first, end) of one element if it is a teaser line.
  auto check_line = [&](int32_t first, int32_t end) {
    uint64_t text = 0, link = 0;
    std::string opening;
    for (int32_t c = first; c < end; c = nodes[c].end) {
      text += nodes[c].text;
      link += nodes[c].link;
      if (opening.size() < kMaxLabelOpening) {
        opening += Opening(nodes, c, kMaxLabelOpening - opening.size());
      }
    }
    if (text == 0) return;  // an empty line between the label and its link
    const int32_t label = label_line;
    label_line = -1;
    if (link == 0 && phrases.Matches(PhraseClass::kLabel, opening)) {
      label_line = first;
      return;
    }
    // A link alone on the line after a label is the label's ("Anzeige<br>
    // <a href=...>Bei Amazon ansehen</a>"): both go.
    if (label >= 0 && link == text && IsOneLinkLine(nodes, first, end)) {
      for (int32_t c = label; c < end; c = nodes[c].end) nodes[c].flags |= kDomBoilerplate;
      return;
    }
    if (text > kMaxTeaserLine || 2 * link < text) return;
    if (!StartsWithTeaserLabel(phrases, opening) &&
        !IsBareLabelLine(nodes, first, end, phrases)) {
      return;
    }
    for (int32_t c = first; c < end; c = nodes[c].end) nodes[c].flags |= kDomBoilerplate;
  };
  for (int32_t i = 0; i < static_cast<int32_t>(nodes.size()); ++i) {
    const DomNode& n = nodes[i];
    if (n.flags & kDomBoilerplate) {
      i = n.end - 1;
      continue;
    }
    if ((n.flags & kDomText) || !(n.flags & kDomBlock)) continue;
    bool has_break = false;
    for (int32_t c = i + 1; c < n.end && !has_break; c = nodes[c].end) {
      has_break = nodes[c].tag == GUMBO_TAG_BR && !(nodes[c].flags & kDomText);
    }
    if (!has_break) continue;
    label_line = -1;
    int32_t first = i + 1;
    for (int32_t c = i + 1; c < n.end; c = nodes[c].end) {
      const bool ends_line = !(nodes[c].flags & kDomText) &&
                             (nodes[c].tag == GUMBO_TAG_BR || (nodes[c].flags & kDomBlock));
      if (!ends_line) continue;
      check_line(first, c);
      first = nodes[c].end;
    }
    check_line(first, n.end);
  }
}

// `text` without the spaces, tabs and line ends that open it.
std::string_view SkipLeadingSpace(std::string_view text) {
  size_t b = 0;
  while (b < text.size() && (text[b] == ' ' || text[b] == '\n' || text[b] == '\t')) ++b;
  return text.substr(b);
}

// Whether `text` opens with a character that is the copyright sign: "©",
// or a circled letter c set for it (kCircledSmallC, kCircledCapitalC).
bool OpensWithSignCharacter(std::string_view text) {
  return text.starts_with(kCopyrightSign) || text.starts_with(kCircledSmallC) ||
         text.starts_with(kCircledCapitalC);
}

// Whether `text` opens with a copyright sign: "©", the circled letter that
// Korean and Japanese notices set for it ("ⓒ 한국경제", U+24D2; U+24B8 "Ⓒ"),
// or "(c)" typed for it; inside an opening bracket or not ("[ⓒ 매일경제 &
// mk.co.kr, 무단전재 및 재배포 금지]").
bool OpensWithCopyrightSign(std::string_view text) {
  if (text.starts_with('[')) text = SkipLeadingSpace(text.substr(1));
  return OpensWithSignCharacter(text) || text.substr(0, 3) == "(c)" || text.substr(0, 3) == "(C)";
}

// A copyright line opens with one word at most this long before its sign.
constexpr size_t kMaxOwnerWord = 16;

// Whether `text` opens with one word and then a copyright sign, in angle or
// square brackets or not: "<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습
// 및 활용 금지>" (the notice Korean news agencies close every story with,
// "copyright holder" and the sign), "[저작권자ⓒ ...]". The word is any
// word, so no language's is listed; "(c)" counts only right after it.
bool IsOwnerWordAndSign(std::string_view text) {
  // An opening bracket: "<", "[", or U+2039 SINGLE LEFT-POINTING ANGLE
  // QUOTATION MARK, which some sites type for "<".
  if (text.starts_with('<') || text.starts_with('[')) {
    text.remove_prefix(1);
  } else if (text.starts_with("\xE2\x80\xB9")) {
    text.remove_prefix(3);
  }
  const std::string_view word = text.substr(0, kMaxOwnerWord + 1);
  size_t end = 0;
  while (end < word.size() && word[end] != ' ' && word[end] != '(' &&
         !OpensWithSignCharacter(word.substr(end))) {
    ++end;
  }
  if (end == 0 || end > kMaxOwnerWord) return false;
  std::string_view rest = text.substr(end);
  if (rest.starts_with("(c)") || rest.starts_with("(C)")) return true;
  return OpensWithSignCharacter(SkipLeadingSpace(rest));
}

}  // namespace

bool StartsWithLabel(const PhraseSet& phrases, PhraseClass c, std::string_view text) {
  // The label is what comes before the first colon, ASCII, fullwidth
  // (U+FF1A), Ethiopic (U+1365, U+1366) or Khmer (U+17D6), within the
  // opening bytes.
  text = text.substr(0, kMaxLabelOpening);
  size_t colon = text.find(':');
  for (const std::string_view other :
       {"\xEF\xBC\x9A", "\xE1\x8D\xA5", "\xE1\x8D\xA6", "\xE1\x9F\x96"}) {
    colon = std::min(colon, text.find(other));
  }
  for (const std::string_view mark : kColonLikeMarks) {
    const size_t at = text.find(mark);
    if (at < colon && phrases.Matches(c, text.substr(0, at))) return true;
  }
  if (colon == std::string_view::npos) return false;
  return phrases.Matches(c, text.substr(0, colon));
}

bool StartsWithTeaserLabel(const PhraseSet& phrases, std::string_view text) {
  if (StartsWithLabel(phrases, PhraseClass::kTeaserLabel, text)) return true;
  // In Chinese and Japanese the label may stand in lenticular brackets
  // before the headline ("【写真】…", "【関連記事】…", "【相关阅读】…").
  if (const std::string_view bracketed = StripAsciiWhitespace(text);
      bracketed.starts_with(kOpenLenticular)) {
    const size_t close = bracketed.find(kCloseLenticular);
    if (close != std::string_view::npos && close <= kMaxLabelOpening &&
        phrases.Matches(PhraseClass::kTeaserLabel,
                        bracketed.substr(kOpenLenticular.size(), close - kOpenLenticular.size()))) {
      return true;
    }
  }
  // A teaser's label may also end in a dash, a bar or a run of dots ("ये भी
  // पढ़ें- ...", "ఇవి కూడా చదవండి.. ...", "Lesen Sie auch – ...", "READ |
  // ..."), with a space
  // before or after it. A teaser line is mostly its link, so a label before
  // one is as sure a sign as before a colon. A mark between two letters
  // joins them ("сондай-ақ оқыңыз", "Next post-processing").
  text = text.substr(0, kMaxLabelOpening);
  for (size_t i = 1; i < text.size(); ++i) {
    const std::string_view rest = text.substr(i);
    size_t mark = 0;
    if (rest.starts_with("..")) {
      mark = rest.find_first_not_of('.');
    } else if (rest[0] == '-' || rest[0] == '|') {
      mark = 1;
    } else if (rest.starts_with(kEnDash) || rest.starts_with(kEmDash) || rest.starts_with(kEllipsis)) {
      mark = 3;
    }
    if (mark == 0) continue;
    if (mark == std::string_view::npos) mark = rest.size();
    const bool spaced = text[i - 1] == ' ' || mark == rest.size() || rest[mark] == ' ';
    if (spaced && phrases.Matches(PhraseClass::kTeaserLabel, text.substr(0, i))) return true;
    // The rest of the mark: a text ending inside it folds to the same label
    // (FoldPhrase drops the dots), so it is not looked up again.
    i += mark - 1;
  }
  return false;
}

bool IsCreditLine(const PhraseSet& phrases, std::string_view text) {
  text = SkipLeadingSpace(text);
  // "© Jane Doe", "(c) Reuters": a copyright line, in any language.
  if (OpensWithCopyrightSign(text)) return true;
  if (StartsWithLabel(phrases, PhraseClass::kCreditLabel, text)) return true;
  // A bar for the colon ("图片来源 | 视觉中国", "Photo | Reuters"), or the
  // full stop and space after a label short enough to be an abbreviation
  // ("Fot. Jakub Nowak"); not a dash or dots, which ordinary text after
  // such a word has more often.
  const std::string_view opening = text.substr(0, kMaxLabelOpening);
  const size_t bar = opening.find('|');
  if (bar != std::string_view::npos &&
      phrases.Matches(PhraseClass::kCreditLabel, text.substr(0, bar))) {
    return true;
  }
  const size_t stop = opening.find(". ");
  return stop != std::string_view::npos && stop <= kMaxAbbreviationBytes &&
         phrases.Matches(PhraseClass::kCreditLabel, text.substr(0, stop));
}

bool IsCopyrightNotice(std::string_view text) {
  text = SkipLeadingSpace(text);
  // A bare "(c)" may be a list's third item; after the word it is the sign.
  if (OpensWithSignCharacter(text)) return true;
  if (IsOwnerWordAndSign(text)) return true;
  size_t word = 0;
  if (StartsWithIgnoreAsciiCase(text, "copyright")) {
    word = 9;
  } else if (StartsWithIgnoreAsciiCase(text, "copr.")) {
    word = 5;
  } else {
    return false;
  }
  text.remove_prefix(word);
  const size_t start = text.find_first_not_of(' ');
  if (start == 0 || start == std::string_view::npos) return false;  // "Copyrighted", "Copyright"
  text.remove_prefix(start);
  if (OpensWithCopyrightSign(text)) return true;
  // A year: four digits, then no more ("Copyright 2025 KTVQ", "Copyright
  // 2019-2025").
  return text.size() >= 4 && std::all_of(text.begin(), text.begin() + 4, IsAsciiDigit) &&
         (text.size() == 4 || !IsAsciiDigit(text[4]));
}

// The copyright notice that ends the block at `block` on a line of its
// own, after a line break (<br>) and some text of the block before it: a
// short story's last line ("...운행하게 된다.<br><br><저작권자 © 한빛일보,
// 무단전재 및 재배포 금지>", a portal's "ⓒ 한빛일보 & hanbit.co.kr, 무단 전재
// 및 재배포 금지"). Returns where the notice's line starts (LastBrokenLine),
// or -1. A caption's credit runs on after the caption instead.
int32_t TrailingNoticeLine(const std::vector<DomNode>& nodes, int32_t block) {
  const int32_t line = LastBrokenLine(nodes, block);
  if (line < 0) return -1;
  std::string text;
  for (int32_t k = line; k < nodes[block].end && text.size() <= kMaxCopyrightNotice; ++k) {
    if (nodes[k].flags & kDomText) text += nodes[k].node->v.text.text;
  }
  return text.size() <= kMaxCopyrightNotice && IsCopyrightNotice(text) ? line : -1;
}

bool EndsWithCredit(const PhraseSet& phrases, std::string_view text) {
  text = StripAsciiWhitespace(text);
  if (EndsWithCopyrightCredit(text)) return true;
  // The credit closes the line after a dash or a bar set between spaces
  // ("… no Campo Belo — Foto: Arquivo pessoal", "… | Beeld: ANP").
  for (std::string_view separator : kCreditSeparators) {
    const size_t at = text.rfind(separator);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string_view credit = text.substr(at + separator.size());
    if (!credit.empty() && credit.size() <= kMaxCreditLine &&
        StartsWithLabel(phrases, PhraseClass::kCreditLabel, credit)) {
      return true;
    }
  }
  // The credit closes the line in parentheses, ASCII or fullwidth (U+FF08,
  // U+FF09: "（写真：共同）").
  const size_t close_length = ClosingParenthesisLength(text);
  if (close_length == 0) return false;
  const std::string_view opening = close_length == 1 ? "(" : "\xEF\xBC\x88";
  const size_t open = text.rfind(opening);
  if (open == std::string_view::npos) return false;
  const size_t from = open + opening.size();
  const size_t close = text.size() - close_length;
  if (from > close || close - from > kMaxCreditLine) return false;
  return StartsWithLabel(phrases, PhraseClass::kCreditLabel, text.substr(from, close - from));
}

void MarkCreditLines(DomIndex* dom, const PhraseSet& phrases) {
  const std::vector<DomNode>& nodes = dom->nodes();
  MarkSmallBlocks(dom, kMaxCaptionLine, [&](int32_t i) {
    if (nodes[i].flags & kDomHeading) return false;
    const std::string opening = Opening(nodes, i, kMaxLabelOpening);
    if (nodes[i].text <= kMaxCreditLine && IsCreditLine(phrases, opening)) return true;
    // A disclaimer or a rights notice under its label ("免责声明：本文仅代表作者
    // 个人观点…", "Disclaimer: ..."): the site's fine print, not the text.
    if (StartsWithLabel(phrases, PhraseClass::kNoticeLabel, opening)) return true;
    // Fine print in a sentence of its own ("This story has not been edited
    // by … staff and is auto-generated from a syndicated feed.", "Opinions
    // expressed by … are their own.").
    if (phrases.OpensWith(PhraseClass::kNoticeOpening, opening)) return true;
    // A notice in a listing (a manual page's COPYRIGHT section) is the text's.
    if (nodes[i].text <= kMaxCopyrightNotice && !(nodes[i].flags & kDomInPre) &&
        IsCopyrightNotice(opening)) {
      return true;
    }
    // A caption that ends in its credit; its spacing may be wide, and a
    // text longer than the bound is not read whole. A caption is one block:
    // a header that holds a picture's credit after its headline and lead
    // is not one.
    if (nodes[i].own_text != nodes[i].text || !MayEndWithCredit(nodes, i) ||
        TrailingNoticeLine(nodes, i) >= 0) {
      return false;
    }
    const std::string text = Opening(nodes, i, 4 * kMaxCaptionLine + 1);
    return text.size() <= 4 * kMaxCaptionLine && EndsWithCredit(phrases, text);
  });
  // A credit set as the last inline element of a caption's block, after the
  // caption ("<span>The harbour at dawn.</span><span>Foto: dpa</span>"):
  // the credit goes, the caption stays.
  std::vector<DomNode>& marked = dom->mutable_nodes();
  int32_t block_seen = -1, block_text_end = 0;  // OwnTextEnd of the last block asked
  for (int32_t i = 1; i < static_cast<int32_t>(marked.size()); ++i) {
    DomNode& n = marked[i];
    if (n.flags & kDomBoilerplate) {
      i = n.end - 1;
      continue;
    }
    if (!(n.flags & kDomText) && ((n.flags & kDomInPre) || n.tag == GUMBO_TAG_CODE)) {
      i = n.end - 1;  // a listing's lines ("image: postgres:18") are code
      continue;
    }
    if ((n.flags & (kDomText | kDomBlock)) || n.text == 0 || n.text > kMaxCreditLine ||
        n.block < 0 || n.link > 0) {
      continue;
    }
    // The block's own text ends with this element, and the block holds more
    // before it (in its own text, or in a paragraph of its own: the caption).
    if (marked[n.block].text <= n.text) continue;
    if (n.block != block_seen) {
      block_seen = n.block;
      block_text_end = OwnTextEnd(nodes, n.block);
    }
    if (block_text_end > n.end) continue;
    if (IsCreditLine(phrases, Opening(nodes, i, kMaxLabelOpening))) {
      n.flags |= kDomBoilerplate;
    }
    i = n.end - 1;
  }
  // A copyright notice on the last line of a block of lines (TrailingNoticeLine):
  // the line goes, the story above it stays.
  int32_t notice_block = -1;
  for (int32_t i = 1; i < static_cast<int32_t>(marked.size()); ++i) {
    const DomNode& n = marked[i];
    if ((n.flags & kDomText) || n.tag != GUMBO_TAG_BR || n.block < 0 || n.block == notice_block ||
        (marked[n.block].flags & kDomBoilerplate)) {
      continue;
    }
    notice_block = n.block;
    const int32_t line = TrailingNoticeLine(nodes, n.block);
    if (line < 0) continue;
    for (int32_t k = line; k < marked[n.block].end; ++k) {
      if (marked[k].flags & kDomText) marked[k].flags |= kDomBoilerplate;
    }
  }
}

void MarkTeaserLines(DomIndex* dom, const PhraseSet& phrases) {
  const std::vector<DomNode>& nodes = dom->nodes();
  MarkSmallBlocks(dom, kMaxTeaserLine, [&](int32_t i) {
    if (2 * nodes[i].link < nodes[i].text) return false;
    return StartsWithTeaserLabel(phrases, Opening(nodes, i, kMaxLabelOpening)) ||
           IsBareLabelLine(nodes, i + 1, nodes[i].end, phrases);
  });
  MarkTeaserLinesBetweenBreaks(dom, phrases);
}

}  // namespace corpus

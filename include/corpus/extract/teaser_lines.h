#ifndef CORPUS_EXTRACT_TEASER_LINES_H_
#define CORPUS_EXTRACT_TEASER_LINES_H_

#include <string_view>

#include "corpus/extract/dom_index.h"
#include "corpus/extract/phrase_book.h"

namespace corpus {

// Whether a line's text opens with a label of class `c` and a colon, ASCII,
// fullwidth, Ethiopic or Khmer ("Related: ...", "関連：...", "ፎቶ፦ ...",
// "អានផងដែរ៖ ..."), or a mark some scripts' sites type for one (the
// Bengali, Devanagari, Gujarati and Odia visarga, the Armenian comma, the
// Ethiopic wordspace, the Burmese comma: "ছবিঃ ...", "फोटोः ...",
// "Լուսանկարը՝ ..."); case and spacing of the label are ignored.
bool StartsWithLabel(const PhraseSet& phrases, PhraseClass c, std::string_view text);

// Whether a line's text opens with a teaser label (PhraseClass::kTeaserLabel)
// and a colon (StartsWithLabel), a dash or a run of dots ("ये भी पढ़ें- ...",
// "Lesen Sie auch – ..."), or with one in lenticular brackets ("【写真】...").
bool StartsWithTeaserLabel(const PhraseSet& phrases, std::string_view text);

// Whether a line's text is a picture credit: it opens with a credit label
// and a colon, a bar or an abbreviation's full stop (PhraseClass::
// kCreditLabel: "Photo:", "Foto:", "Bild:", "写真：", "图片来源 |", "Fot.")
// or a copyright sign ("©", "(c)").
bool IsCreditLine(const PhraseSet& phrases, std::string_view text);

// Whether a line's text opens with a copyright notice in its legal form:
// the sign "©", or the word "Copyright" or "Copr." followed by a sign
// ("©", "(c)") or a year ("Copyright 2025 The Associated Press. All rights
// reserved.", "Copyright © 2025 dpa"), the form copyright law gives the
// notice (docs/LANGUAGES.md, "Copyright notices"), in whatever language
// the rest is; or one word of at most 16 bytes and then the sign, in
// brackets or not ("<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>").
bool IsCopyrightNotice(std::string_view text);

// Whether a line's text ends in a picture credit: in parentheses, ASCII or
// fullwidth, opening with a credit label (PhraseClass::kCreditLabel): "The
// harbour at dawn. (Photo: Jane Doe)", "Der Hafen. (Foto: dpa)",
// "港の朝（写真：共同）"; or after a copyright sign that opens the line's
// last 60 bytes: "Marco Odermatt, Ski-Star aus der Schweiz. © AFP / Marco
// Bertorello"; or after a dash or a bar between spaces, a credit label
// opening the rest: "… no Campo Belo — Foto: Arquivo pessoal".
bool EndsWithCredit(const PhraseSet& phrases, std::string_view text);

// Flags kDomBoilerplate on teaser lines: a block that opens with a teaser
// label (StartsWithTeaserLabel) followed by a link to another story or post
// ("Related: How the port strike ended", "Lesen Sie hier: ...", "Next post:
// ..."), with at most kMaxTeaserLine bytes of text, most of it in the link;
// or a bare label, with no mark after it, before one link and nothing else
// ("<b>Leggi anche</b> <a href=...>...</a>").
// News and blog editors drop these between paragraphs, and blog themes put
// the links to the next and previous posts under the text. A line of a
// block between <br>s, as older sites write paragraphs, counts as a block
// of its own (BENCHMARKS.md, "Version 45"); there, a line that is one link
// and nothing else goes with the line before it when that one is a label
// alone ([labels]: "Anzeige<br><a href=...>Bei Amazon ansehen</a>"). On
// any page (BENCHMARKS.md, "Version 31"). Linear.
void MarkTeaserLines(DomIndex* dom, const PhraseSet& phrases);

// Flags kDomBoilerplate on picture credits (IsCreditLine): short blocks,
// not headings, of at most kMaxCreditLine bytes of text; and on captions
// that end in their credit (EndsWithCredit): blocks with no block inside,
// of at most kMaxCaptionLine bytes; and on copyright notices
// (IsCopyrightNotice) of at most kMaxCopyrightNotice bytes, as wire
// services close their stories; and on fine print under its label
// ([notice_labels]: "Disclaimer: ...", "免责声明：..."), or opening with the
// words of a standing notice ([notice_openings]: "This story has not been
// edited by …", "Opinions expressed by …"), blocks of at most
// kMaxCaptionLine bytes; and on a credit set as the last inline
// element of a block after a caption ("<span>caption</span><span>Foto:
// dpa</span>", or the caption a paragraph of its own: "<p>caption</p>
// <span>Foto: dpa</span>"), outside code listings, which leaves the
// caption in. A credit says who took a picture the text does not show, and
// a caption so signed describes that picture. On any page. Linear.
void MarkCreditLines(DomIndex* dom, const PhraseSet& phrases);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_TEASER_LINES_H_

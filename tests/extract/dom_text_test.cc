// Text layout of extracted content (docs/ARCHITECTURE.md, "Records"): headings,
// paragraphs, lists, tables, <pre>, <br>, and the markdown variant.
#include "corpus/extract/dom_text.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "corpus/extract/dom_index.h"
#include "corpus/extract/markup_names.h"

namespace corpus {
namespace {

struct Parsed {
  explicit Parsed(const std::string& html) : out(gumbo_parse(html.c_str())) { dom.Build(out->document); }
  ~Parsed() { gumbo_destroy_output(&kGumboDefaultOptions, out); }
  GumboOutput* out;
  DomIndex dom;
};

std::string Render(const std::string& body, TextFormat f = TextFormat::kPlain) {
  Parsed p("<html><body>" + body + "</body></html>");
  return RenderText(p.dom, 0, {}, f);
}

TEST(MarkupNamesTest, AttributeNamesAreMatchedAfterTheParserLowerCasesThem) {
  Parsed p("<html><body><DIV CLASS='a' Data-X='b' id=c>t</DIV></body></html>");
  const GumboElement* div = nullptr;
  for (const DomNode& n : p.dom.nodes()) {
    if (!(n.flags & kDomText) && n.tag == GUMBO_TAG_DIV) div = &n.node->v.element;
  }
  ASSERT_NE(div, nullptr);
  EXPECT_STREQ(ElementAttr(*div, "class"), "a");
  EXPECT_STREQ(ElementAttr(*div, "data-x"), "b");
  EXPECT_STREQ(ElementAttr(*div, "id"), "c");
  EXPECT_EQ(ElementAttr(*div, "role"), nullptr);
}

TEST(DomTextTest, HeadingsAndParagraphs) {
  EXPECT_EQ(Render("<h1>Title</h1><p>First  para\n graph.</p><p>Second.</p>"),
            "Title\n\nFirst para graph.\n\nSecond.");
}

TEST(DomTextTest, InlineElementsDoNotBreakWords) {
  EXPECT_EQ(Render("<p>un<b>bel</b>ievable <a href='x'>link</a> <i>and</i> more</p>"),
            "unbelievable link and more");
}

TEST(DomTextTest, AdjacentInlineBoxesAreSeparateWords) {
  // Buttons, tags and a card's facts written with nothing between them are
  // laid out apart by the page's style; their words stay apart.
  EXPECT_EQ(Render("<div><a href='/l'>League</a><a href='/c'>Conference</a><a href='/d'>Division</a></div>"),
            "League Conference Division");
  EXPECT_EQ(Render("<div><span>3 beds</span><span>2.5 baths</span><span><span>Garage</span>"
                   "<span>Garden</span></span></div>"),
            "3 beds 2.5 baths Garage Garden");
  EXPECT_EQ(Render("<div><span>\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0</span>"
                   "<span>\xD0\x9A\xD0\xB8\xD0\xB5\xD0\xB2</span></div>"),
            "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xD0\x9A\xD0\xB8\xD0\xB5\xD0\xB2");
}

TEST(DomTextTest, AClauseEndingABoxIsSetApartFromTheNextBox) {
  // A question, an exclamation or a label's colon that ends one box, and a
  // word that opens the next (a recipe card's call, a review's "Tested
  // by:"), in Czech, English and German; a full stop between boxes is not
  // a clause's end (a name's parts in a documentation's signature).
  EXPECT_EQ(Render("<div><span><span>Uvařili jste podle tohoto receptu?</span><span>Označte nás "
                   "na Instagramu!</span></span></div>"),
            "Uvařili jste podle tohoto receptu? Označte nás na Instagramu!");
  EXPECT_EQ(Render("<div><span>Tested by:</span><span>James L.</span></div>"), "Tested by: James L.");
  EXPECT_EQ(Render("<div><span>Auf Lager!</span><span>Details ansehen</span></div>"),
            "Auf Lager! Details ansehen");
  EXPECT_EQ(Render("<dt><span>json.</span><span>JSONDecoder</span></dt>"), "json.JSONDecoder");
  EXPECT_EQ(Render("<div><span>a?</span><span>1</span></div>"), "a?1");
}

TEST(DomTextTest, ABoxEndingInLowerCaseBeforeACapitalIsAWordApart) {
  // A box whose last word is in lower case, and text right after it that
  // opens with a capital, also in a paragraph of prose: a dateline set apart
  // by style (Vietnamese), a feature's title run into its text (English).
  EXPECT_EQ(Render("<p><span class='location'>Hà Nội</span>Từ tháng 7, người dân tại các quận "
                   "nội thành phải phân loại rác thành ba nhóm trước khi đem bỏ, theo kế hoạch "
                   "vừa được thành phố ban hành, và những hộ vi phạm sẽ bị nhắc nhở.</p>"),
            "Hà Nội Từ tháng 7, người dân tại các quận nội thành phải phân loại rác thành ba nhóm "
            "trước khi đem bỏ, theo kế hoạch vừa được thành phố ban hành, và những hộ vi phạm sẽ "
            "bị nhắc nhở.");
  EXPECT_EQ(Render("<div><strong>Industry competency</strong>Our experts know the field.</div>"),
            "Industry competency Our experts know the field.");
  // Lower case after the box, or a capital after a capital, is one word.
  EXPECT_EQ(Render("<div><a href='/a'>API</a>s and <b>un</b>likely</div>"), "APIs and unlikely");
  EXPECT_EQ(Render("<div><b>NASA</b>TV</div>"), "NASATV");
}

TEST(DomTextTest, BoxesThatSplitAWordStayJoined) {
  // A letter set apart (a drop cap, a word animated letter by letter), a
  // number's ordinal suffix, a superscript, text after a box that is not in
  // a box of its own, words of a script written without spaces, and markup
  // inside a paragraph of prose.
  EXPECT_EQ(Render("<div><span>F</span><span>l</span><span>o</span><span>w</span></div>"), "Flow");
  EXPECT_EQ(Render("<div><span>455 N. 3</span><span>rd</span> St.</div>"), "455 N. 3rd St.");
  EXPECT_EQ(Render("<div><i>area</i><sup>2</sup></div>"), "area2");
  EXPECT_EQ(Render("<div><a href='/a'>API</a>s and <b>un</b>likely</div>"), "APIs and unlikely");
  EXPECT_EQ(Render("<div><span>新图书馆</span><span>开放</span></div>"), "新图书馆开放");
  const std::string prose =
      "<p>The council met on Tuesday evening and, after a long debate about the budget for the "
      "coming year, voted to rebuild the old bridge over the river; <span>Le</span><span>arn</span> "
      "more about the plans, the costs and the detours at the town hall or on its website, where "
      "the engineers will also answer questions every Thursday until the work begins.</p>";
  EXPECT_NE(Render(prose).find(" Learn more about"), std::string::npos) << Render(prose);
}

TEST(DomTextTest, CustomElementsInALineAreInline) {
  // A component inside a paragraph or a heading sits in its line (a quote
  // chip); at its edges words stay apart. At block level it is a block.
  EXPECT_EQ(Render("<p>The yield <bg-quote class='q'>TMUBMUSD10Y, 4.61%</bg-quote> rose.</p>"),
            "The yield TMUBMUSD10Y, 4.61% rose.");
  EXPECT_EQ(Render("<h2>Rates <x-chip>up</x-chip></h2><p><number-counter>1500</number-counter>"
                   "watts</p>"),
            "Rates up\n\n1500 watts");
  EXPECT_EQ(Render("<div><x-card>First card</x-card><x-card>Second card</x-card></div>"),
            "First card\n\nSecond card");
}

TEST(DomTextTest, ListItemsOneLineEach) {
  EXPECT_EQ(Render("<p>Intro</p><ul><li>one</li><li>two <b>bold</b></li></ul><p>After</p>"),
            "Intro\n\none\ntwo bold\n\nAfter");
}

TEST(DomTextTest, TableRowsWithCellsJoined) {
  EXPECT_EQ(Render("<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>7</td></tr></table>"),
            "Name | Age\nAnn | 7");
}

TEST(DomTextTest, AnEmptyCornerCellKeepsTheColumnsInPlace) {
  // A comparison table's header row opens with an empty cell: the headers
  // stay over their columns.
  EXPECT_EQ(Render("<table><tr><th></th><th>RX 9060 XT</th><th>RTX 5060 Ti</th></tr><tr>"
                   "<th>Shader</th><td>2.048</td><td>4.608</td></tr></table>"),
            "| RX 9060 XT | RTX 5060 Ti\nShader | 2.048 | 4.608");
}

TEST(DomTextTest, CellsWrappingTheirTextInAParagraphStayOnTheirRow) {
  // A word processor's table: each cell's text in a <p>. A cell of two
  // paragraphs, a list or a long text is a layout cell, and keeps its lines.
  EXPECT_EQ(Render("<table><tr><td><p><span>Length overall</span></p></td><td><p>82 ft</p></td>"
                   "</tr><tr><td><p>Bollard pull</p></td><td><div>70 t</div></td></tr></table>"),
            "Length overall | 82 ft\nBollard pull | 70 t");
  EXPECT_EQ(Render("<table><tr><td><p>ssh</p><p>winrm</p></td><td><p>string</p></td></tr></table>"),
            "ssh\n\nwinrm\n\nstring");
}

TEST(DomTextTest, ListInsideTableCellIsKept) {
  const std::string t = Render("<table><tr><td>Specs</td><td><ul><li>red</li><li>blue</li></ul></td></tr></table>");
  EXPECT_NE(t.find("Specs"), std::string::npos);
  EXPECT_NE(t.find("red\nblue"), std::string::npos);
}

TEST(DomTextTest, PreKeepsIndentation) {
  EXPECT_EQ(Render("<p>Code:</p><pre>def f():\n    return 1\n</pre>"), "Code:\n\ndef f():\n    return 1");
}

TEST(DomTextTest, BrIsALineBreakAndTwoAreAParagraph) {
  EXPECT_EQ(Render("<div>line one<br>line two<br><br>next para</div>"),
            "line one\nline two\n\nnext para");
}

TEST(DomTextTest, NonBreakingSpacesCollapse) {
  EXPECT_EQ(Render("<p>a&nbsp;&nbsp; b</p>"), "a b");
}

// docs/LANGUAGES.md, "Text the page shows".
TEST(DomTextTest, RubyAnnotationsAreNotText) {
  // Furigana over Japanese kanji, inside a link as dictionary pages have them.
  EXPECT_EQ(Render("<p><ruby>子<rt>こ</rt></ruby>どもへの<a href='#'><ruby><span>虐待</span><rt>ぎゃくたい</rt></ruby></a>"
                   "をなくす<ruby>法律<rp>(</rp><rt>ほうりつ</rt><rp>)</rp></ruby>。</p>"),
            "子どもへの虐待をなくす法律。");
  // Pinyin over Chinese characters, one <rt> a character.
  EXPECT_EQ(Render("<p><ruby>汉<rt>hàn</rt>字<rt>zì</rt></ruby>很美。</p>"), "汉字很美。");
}

TEST(DomTextTest, InvisibleFormatCharactersAreRemoved) {
  EXPECT_EQ(Render("<p>Das setzt das Ver&shy;st\xC3\xA4nd&shy;nis voraus.</p>"), "Das setzt das Verst\xC3\xA4ndnis voraus.");
  // U+200B, U+2060 and U+FEFF inside and between words.
  EXPECT_EQ(Render("<p>home\xE2\x80\x8Bowner, in\xE2\x81\xA0line, \xEF\xBB\xBFstart</p>"), "homeowner, inline, start");
  // Zero width joiner and non-joiner are spelling: they stay.
  EXPECT_EQ(Render("<p>\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xB1\xD9\x88\xD9\x85 \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB</p>"),
            "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xB1\xD9\x88\xD9\x85 \xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB");
  // ...but at the start of a line they join nothing: a spacer paragraph of a
  // joiner alone is no line, and a line does not open with one.
  EXPECT_EQ(Render("<p>Erster Absatz.</p><p>&zwj;</p><p>&zwnj; Zweiter Absatz.</p>"),
            "Erster Absatz.\n\nZweiter Absatz.");
}

// Chinese typesetting opens every paragraph with two U+3000 IDEOGRAPHIC
// SPACE: an indent, not text. Inside a line such a space is the page's own
// spacing (between a Japanese family and given name) and stays.
TEST(DomTextTest, SpaceSeparatorsAtTheEndsOfALineAreAnIndent) {
  EXPECT_EQ(Render("<p>\xE3\x80\x80\xE3\x80\x80记者14日从国家铁路集团获悉。</p>"
                   "<p>\xE3\x80\x80\xE3\x80\x80春运将于1月29日启动。\xE3\x80\x80</p>"),
            "记者14日从国家铁路集团获悉。\n\n春运将于1月29日启动。");
  EXPECT_EQ(Render("<p>著者：山田\xE3\x80\x80太郎</p>"), "著者：山田\xE3\x80\x80太郎");
  // An em space (U+2003) as an indent, a line of U+3000 alone, and a line
  // ending in a thin space (U+2009) before a <br>.
  EXPECT_EQ(Render("<p>\xE2\x80\x83" "Erster Absatz.</p><p>\xE3\x80\x80</p>"
                   "<p>Zweiter\xE2\x80\x89<br>Absatz.</p>"),
            "Erster Absatz.\n\nZweiter\nAbsatz.");
}

TEST(DomTextTest, DivsWithoutParagraphsAreBlocks) {
  EXPECT_EQ(Render("<section><div>First block</div><div>Second block</div></section>"),
            "First block\n\nSecond block");
}

TEST(DomTextTest, BlocksInsideAPreAreLinesOfTheListing) {
  // Highlighters and editors write a <div> per line inside <pre>: one line
  // each, indentation kept, no blank line between them.
  EXPECT_EQ(Render("<p>Beispiel:</p><pre><code><div class='line'>if x:</div>"
                   "<div class='line'>    y()</div><div class='line'>z()</div></code></pre>"
                   "<p>Ende.</p>"),
            "Beispiel:\n\nif x:\n    y()\nz()\n\nEnde.");
  EXPECT_EQ(Render("<pre>a = 1<br>b = 2</pre>"), "a = 1\nb = 2");
}

TEST(DomTextTest, DropSkipsSubtrees) {
  Parsed p("<html><body><p>keep</p><div><p>drop me</p></div><p>also</p></body></html>");
  std::vector<uint8_t> drop(p.dom.nodes().size(), 0);
  for (size_t i = 0; i < p.dom.nodes().size(); ++i) {
    if (p.dom.nodes()[i].tag == GUMBO_TAG_DIV) drop[i] = 1;
  }
  EXPECT_EQ(RenderText(p.dom, 0, drop, TextFormat::kPlain), "keep\n\nalso");
}

// A block left out between two runs of one block's text still ends the
// line before it: a news template sets the date, a view counter and the
// story's first line in one <div>, and the counter goes.
TEST(DomTextTest, ALeftOutBlockStillEndsTheLine) {
  Parsed p("<html><body><div class=news><span>17.03.2025 11:20</span>"
           "<div class=views>Просмотров: 1247</div>"
           "В этом году в Кургане благоустроят 14 дворов.<br><br>Работы завершат к осени.</div>"
           "</body></html>");
  std::vector<uint8_t> drop(p.dom.nodes().size(), 0);
  for (size_t i = 0; i < p.dom.nodes().size(); ++i) {
    const DomNode& n = p.dom.nodes()[i];
    if (!(n.flags & kDomText) && n.tag == GUMBO_TAG_DIV && ClassValue(n.node->v.element) == "views") {
      drop[i] = 1;
    }
  }
  EXPECT_EQ(RenderText(p.dom, 0, drop, TextFormat::kPlain),
            "17.03.2025 11:20\nВ этом году в Кургане благоустроят 14 дворов.\n\nРаботы завершат к осени.");
  // In a table's cell the row stays one line.
  Parsed t("<html><body><table><tr><td>Chat <div class=views>icon</div>sessions</td>"
           "<td>yes</td></tr></table></body></html>");
  std::vector<uint8_t> drop_cell(t.dom.nodes().size(), 0);
  for (size_t i = 0; i < t.dom.nodes().size(); ++i) {
    const DomNode& n = t.dom.nodes()[i];
    if (!(n.flags & kDomText) && n.tag == GUMBO_TAG_DIV) drop_cell[i] = 1;
  }
  EXPECT_EQ(RenderText(t.dom, 0, drop_cell, TextFormat::kPlain), "Chat sessions | yes");
}

TEST(DomTextTest, MarkdownHeadingsListsTablesFences) {
  const std::string md = Render(
      "<h2>Intro</h2><ul><li>a</li><li>b<ol><li>c</li></ol></li></ul>"
      "<table><tr><th>k</th><th>v</th></tr><tr><td>x</td><td>1</td></tr></table>"
      "<pre>  x = 1</pre>",
      TextFormat::kMarkdown);
  EXPECT_EQ(md,
            "## Intro\n\n- a\n- b\n  1. c\n\n| k | v |\n| --- | --- |\n| x | 1 |\n\n```\n  x = 1\n```");
}

TEST(DomTextTest, HiddenTagsAreNotText) {
  EXPECT_EQ(Render("<p>a</p><select><option>opt</option></select><button>Buy</button><p>b</p>"), "a\n\nb");
}

}  // namespace
}  // namespace corpus

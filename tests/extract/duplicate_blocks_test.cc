// Repeated subtrees (carousel clones, mobile/desktop copies) are flagged
// once, after their first copy; nothing else is.
#include "corpus/extract/duplicate_blocks.h"

#include <gtest/gtest.h>

#include <string>

#include "corpus/extract/boilerplate.h"
#include "corpus/extract/dom_index.h"
#include "corpus/extract/extractor.h"

namespace corpus {
namespace {

struct Parsed {
  explicit Parsed(const std::string& body)
      : out(gumbo_parse(("<html><body>" + body + "</body></html>").c_str())) {
    dom.Build(out->document);
  }
  ~Parsed() { gumbo_destroy_output(&kGumboDefaultOptions, out); }
  // Ids of the elements flagged as duplicates, in document order.
  std::string Flagged() const {
    std::string ids;
    for (const DomNode& n : dom.nodes()) {
      if (!(n.flags & kDomDuplicate)) continue;
      const GumboAttribute* id = gumbo_get_attribute(&n.node->v.element.attributes, "id");
      ids += id ? id->value : "?";
      ids += ' ';
    }
    return ids;
  }
  GumboOutput* out;
  DomIndex dom;
};

const char kSlide[] =
    "<h3>Built to last</h3><p>A frame of recycled aluminium that survives ten years of "
    "daily commuting.</p>";

TEST(DuplicateBlocksTest, LaterCopiesFlaggedFirstKept) {
  Parsed p(std::string("<div id='a'>") + kSlide + "</div><div id='b'><div id='b2'>" + kSlide +
           "</div></div><div id='c'>" + kSlide + "</div>");
  MarkDuplicateSubtrees(&p.dom, 40);
  // The outermost copy is flagged (b, not b2), the first one never.
  EXPECT_EQ(p.Flagged(), "b c ");
}

TEST(DuplicateBlocksTest, WhitespaceAndMarkupDoNotHideACopy) {
  Parsed p(
      "<p id='a'>The quick brown fox jumps over the lazy dog near the river bank.</p>"
      "<div id='b'><span>The quick  brown fox</span>\n<b>jumps over the lazy dog</b> near the "
      "river bank.</div>");
  MarkDuplicateSubtrees(&p.dom, 40);
  EXPECT_EQ(p.Flagged(), "b ");
}

// A manual (2,000 bytes or more of code listings) repeats itself on
// purpose: the same command in two steps stays twice. With less code the
// second copy is flagged.
TEST(DuplicateBlocksTest, AManualsRepeatsStay) {
  const std::string step =
      "<pre>make build &amp;&amp; ./build/corpus extract --in pages --out docs --threads 2</pre>";
  std::string listings;
  for (int i = 0; i < 30; ++i) {
    listings += "<pre>ausgabe " + std::to_string(i) +
                ": docs/part-00000.jsonl.zst geschrieben, 1234 Seiten, 0 Fehler</pre>";
  }
  Parsed manual("<div id='a'>" + step + "</div><p>Dann die Ausgabe prüfen.</p><div id='b'>" +
                step + "</div>" + listings);
  MarkDuplicateSubtrees(&manual.dom, 40);
  EXPECT_EQ(manual.Flagged(), "");
  Parsed note("<div id='a'>" + step + "</div><p>Dann die Ausgabe prüfen.</p><div id='b'>" +
              step + "</div>");
  MarkDuplicateSubtrees(&note.dom, 40);
  EXPECT_EQ(note.Flagged(), "b ");
}

TEST(DuplicateBlocksTest, ShortOrDifferentTextsStay) {
  Parsed p(
      "<p id='a'>Add to cart</p><p id='b'>Add to cart</p>"
      "<p id='c'>The quick brown fox jumps over the lazy dog near the river bank.</p>"
      "<p id='d'>The quick brown fox jumps over the lazy cat near the river bank.</p>");
  MarkDuplicateSubtrees(&p.dom, 40);
  EXPECT_EQ(p.Flagged(), "");
}

TEST(DuplicateBlocksTest, WrapperOfItsOwnChildIsNotACopy) {
  Parsed p("<div id='a'><div id='b'><p id='c'>Only one copy of this sentence is on the page, "
           "wrapped three times.</p></div></div>");
  MarkDuplicateSubtrees(&p.dom, 40);
  EXPECT_EQ(p.Flagged(), "");
}

TEST(DuplicateBlocksTest, FirstCopyInBoilerplateDoesNotCount) {
  // The same blurb in a hidden mobile menu first, then in the content.
  Parsed p(
      "<nav><p id='a'>Our workshop has repaired bicycles in this town since 1952.</p></nav>"
      "<main><p id='b'>Our workshop has repaired bicycles in this town since 1952.</p></main>");
  MarkBoilerplate(&p.dom, 0.6);
  MarkDuplicateSubtrees(&p.dom, 40);
  EXPECT_EQ(p.Flagged(), "");
}

TEST(DuplicateBlocksTest, ALinkToATextIsTheCopyThatGoes) {
  // A live blog's key events link to its updates' headlines: the headlines
  // are the text, the links the copies.
  Parsed p(
      "<ul><li id='k1'><a href='#u1'>Severe flood warning issued for the river at the old "
      "town</a></li><li id='k2'><a href='#u2'>Main line closed between the two cities after a "
      "landslip</a></li></ul>"
      "<div id='u2'><h2 id='h2'>Main line closed between the two cities after a landslip</h2>"
      "<p>The line will stay closed until Monday.</p></div>"
      "<div id='u1'><h2 id='h1'>Severe flood warning issued for the river at the old town</h2>"
      "<p>About two hundred homes have been told to leave.</p></div>"
      "<p id='again'><a href='/x'>Severe flood warning issued for the river at the old "
      "town</a></p>");
  MarkDuplicateSubtrees(&p.dom, 40);
  const std::string flagged = p.Flagged();
  EXPECT_EQ(flagged, "k1 k2 again ");  // a later link to the text is a copy as before
}

TEST(DuplicateBlocksTest, AKeyEventLinkingTheTimeAndHeadlineIsTheCopy) {
  // The key event's link holds the update's time and headline; the update's
  // header links its time (a permalink) over its headline: the header,
  // partly linked, is the text, and the headline's link a copy of it.
  Parsed p(
      "<ul id='keys'><li><a href='#u1'><span>12.31</span><span id='title'>Network Rail says "
      "twenty trees were removed from lines overnight</span></a></li></ul>"
      "<div id='u1'><div id='head'><p><a href='#u1'>12.31</a></p><h2>Network Rail says twenty "
      "trees were removed from lines overnight</h2></div><p>Engineers worked through the "
      "night.</p></div>");
  MarkDuplicateSubtrees(&p.dom, 40);
  EXPECT_EQ(p.Flagged(), "keys title ");
}

TEST(DuplicateBlocksTest, AnUnnamedTableOfContentsLeavesTheHeadingsBe) {
  // A table of contents no class names: its links hold the first copy of
  // each long heading (here Japanese, three bytes a character).
  std::string body = "<h1>ふるさと納税の始め方</h1><div class='mokuji-box'><ol>";
  const char* steps[] = {"手順1：自分の控除上限額をシミュレーターで調べる",
                         "手順2：ポータルサイトを選んで寄付を申し込む",
                         "手順3：ワンストップ特例か確定申告かを決める"};
  for (int i = 0; i < 3; ++i) {
    body += "<li><a href='#s" + std::to_string(i) + "'>" + steps[i] + "</a></li>";
  }
  body += "</ol></div>";
  for (int i = 0; i < 3; ++i) {
    body += "<h2 id='s" + std::to_string(i) + "'>" + steps[i] + "</h2><p>" +
            "寄付はポータルサイトから申し込むのが一般的です。サイトごとに取り扱っている自治体や"
            "返礼品、ポイント還元の条件が異なるので、普段使っているサービスに合わせて選ぶと管理が"
            "楽になります。第" + std::to_string(i) + "段落。</p>";
  }
  const std::string text =
      ExtractMainContent("<html lang='ja'><body><article>" + body + "</article></body></html>", "",
                         ExtractOptions()).text;
  for (const char* step : steps) {
    size_t copies = 0;
    for (size_t at = text.find(step); at != std::string::npos; at = text.find(step, at + 1)) ++copies;
    EXPECT_EQ(copies, 1u) << step << "\n" << text;
  }
}

TEST(DuplicateBlocksTest, ACellsTextRepeatedInALaterRowStays) {
  // A results table names the same team in two rows (Russian, English):
  // a cell of one line, whole, is the table's data. A cell of blocks that
  // repeats from row to row is a widget's ("Rate this book", "Clear rating")
  // and its later copies go.
  Parsed p(
      "<table><tr><td>Эстафета, девушки</td><td id='a'>Сборная Томской области</td><td>1</td>"
      "</tr><tr><td>Эстафета, юноши</td><td id='b'>Сборная Томской области</td><td>2</td></tr>"
      "<tr><td>Relay</td><td id='c'><a href='/t'>Northvale and District Athletics Club Juniors</a></td></tr>"
      "<tr><td>Mile</td><td id='d'><a href='/t'>Northvale and District Athletics Club Juniors</a></td></tr>"
      "<tr id='e'><td><div>Rate this book from one to five stars</div><div>Clear rating</div>"
      "</td></tr><tr id='f'><td><div>Rate this book from one to five stars</div><div>Clear "
      "rating</div></td></tr>"
      "</table>");
  MarkDuplicateSubtrees(&p.dom, 40);
  EXPECT_EQ(p.Flagged(), "f ");
}

TEST(DuplicateBlocksTest, ExtractorKeepsOneCopyOfCarouselSlides) {
  std::string slides;
  for (int i = 0; i < 4; ++i) {
    slides += "<div class='slide'><p>Every jacket is cut, sewn and pressed by hand in our "
              "workshop, then checked seam by seam before it ships.</p></div>";
  }
  const std::string html = "<html><body><main><h1>Field jacket</h1>" + slides +
                           "<p>Made of waxed cotton, it keeps rain out for years.</p></main>"
                           "</body></html>";
  ExtractOptions o;
  std::string text = ExtractMainContent(html, "", o).text;
  size_t copies = 0;
  for (size_t at = text.find("seam by seam"); at != std::string::npos;
       at = text.find("seam by seam", at + 1)) {
    ++copies;
  }
  EXPECT_EQ(copies, 1u);
  EXPECT_NE(text.find("waxed cotton"), std::string::npos);
  o.duplicate_min_bytes = 0;  // off: every copy stays
  text = ExtractMainContent(html, "", o).text;
  EXPECT_NE(text.find("seam by seam"), text.rfind("seam by seam"));
}

}  // namespace
}  // namespace corpus

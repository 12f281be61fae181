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

// React streaming placeholders resolved into place (streamed_html.h).
#include "corpus/extract/streamed_html.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/extract_test_util.h"

namespace corpus {
namespace {

std::string Resolve(const std::string& html) {
  std::string out;
  return ResolveStreamedSegments(html, &out) ? out : "(unchanged)";
}

TEST(StreamedHtmlTest, PageWithoutSegmentsIsLeftAlone) {
  EXPECT_EQ(Resolve("<div hidden>x</div><template id=\"B:0\"></template>"), "(unchanged)");
}

TEST(StreamedHtmlTest, BoundaryFallbackIsReplacedBySegment) {
  EXPECT_EQ(Resolve("<main><!--$?--><template id=\"B:0\"></template><p>Loading...</p><!--/$--></main>"
                    "<footer>f</footer><div hidden id=\"S:0\"><p>Body <div>nested</div> text</p></div>"),
            "<main><p>Body <div>nested</div> text</p></main><footer>f</footer>");
}

TEST(StreamedHtmlTest, SegmentPlaceholdersAndNesting) {
  // S:1 holds the placeholder of S:a; each lands where its placeholder was.
  EXPECT_EQ(Resolve("<p>a</p><template id=\"P:1\"></template><p>z</p>"
                    "<div hidden id=\"S:a\">inner</div>"
                    "<div hidden id=\"S:1\"><div>outer <template id=\"P:a\"></template></div></div>"),
            "<p>a</p><div>outer inner</div><p>z</p>");
}

TEST(StreamedHtmlTest, UnreferencedOrUnclosedSegmentsStay) {
  EXPECT_EQ(Resolve("<p>a</p><div hidden id=\"S:3\">orphan</div>"), "<p>a</p><div hidden id=\"S:3\">orphan</div>");
  EXPECT_EQ(Resolve("<template id=\"B:0\"></template><div hidden id=\"S:0\"><div>never closed"),
            "(unchanged)");
}

TEST(StreamedHtmlTest, SelfReferenceStopsAtTheDepthCap) {
  // A segment that names itself must not loop.
  const std::string out =
      Resolve("<template id=\"P:0\"></template><div hidden id=\"S:0\">x<template id=\"P:0\"></template></div>");
  EXPECT_NE(out.find("x"), std::string::npos);
}

TEST(StreamedHtmlTest, StreamedArticleBodyIsExtracted) {
  const std::string body =
      "<p>Index funds track a market index, so buying one buys a small share of every company in it, "
      "at a low fee, without picking stocks.</p><p>They suit investors who want the market's return "
      "and little work, and they are sold by every large broker.</p>";
  const std::string html =
      "<html><body><main><h1>How to invest in index funds</h1><!--$?--><template id=\"B:0\"></template>"
      "<div>Loading paragraph...</div><!--/$--></main><footer>Links</footer><div hidden id=\"S:0\">" +
      body + "</div></body></html>";
  ExtractOptions options;
  const std::string text = ExtractMainContent(html, "", options).text;
  EXPECT_TRUE(testing::Has(text, "Index funds track a market index")) << text;
  EXPECT_FALSE(testing::Has(text, "Loading paragraph")) << text;
}

}  // namespace
}  // namespace corpus

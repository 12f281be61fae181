// Rules for shop pages (issue 4's product and collection pages): the page
// footer and modal dialogs are never the content, however long; prices are
// not prose.
#include <gtest/gtest.h>

#include <string>

#include "corpus/extract/dom_index.h"
#include "corpus/extract/extractor.h"

namespace corpus {
namespace {

bool Has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

std::string Extract(const std::string& body) {
  ExtractOptions o;
  return ExtractMainContent("<html><body>" + body + "</body></html>", "", o).text;
}

const char kProduct[] =
    "<main><h1>Linen shirt</h1><p>A loose shirt of washed linen, cut long enough to tuck in, with "
    "mother-of-pearl buttons and a soft collar that stays flat after washing.</p></main>";

std::string LongPolicy() {
  std::string p;
  for (int i = 0; i < 12; ++i) {
    p += "<p>Clause " + std::to_string(i) +
         ": we keep your personal data for as long as the law requires, and share it only with "
         "the carriers and payment providers who need it to deliver your order.</p>";
  }
  return p;
}

TEST(ShopPageTest, PageFooterIsNeverTheContent) {
  // Testimonials and policies in the footer outweigh the product text.
  const std::string t = Extract(std::string(kProduct) + "<footer>" + LongPolicy() + "</footer>");
  EXPECT_TRUE(Has(t, "washed linen"));
  EXPECT_FALSE(Has(t, "Clause"));
}

TEST(ShopPageTest, ArticleFooterInsideMainCanStay) {
  // A <footer> inside an <article> is the article's and may hold its text.
  const std::string t =
      Extract("<article><h1>Notes</h1><footer>" + LongPolicy() + "</footer></article>");
  EXPECT_TRUE(Has(t, "Clause 3"));
}

TEST(ShopPageTest, ModalDialogIsNeverTheContent) {
  for (const std::string open : {"<div role='dialog'>", "<div aria-modal='true'>",
                                 "<section role='alertdialog'>"}) {
    const std::string close = open[1] == 's' ? "</section>" : "</div>";
    const std::string t = Extract(std::string(kProduct) + open + LongPolicy() + close);
    EXPECT_TRUE(Has(t, "washed linen")) << open;
    EXPECT_FALSE(Has(t, "Clause")) << open;
  }
}

TEST(ShopPageTest, NumbersAreNotSentencePunctuation) {
  uint32_t chars = 0, punct = 0;
  MeasureText("$79.99 1,200 0.5", &chars, &punct);
  EXPECT_EQ(punct, 0u);
  MeasureText("It fits. Really, it does; try it!", &chars, &punct);
  EXPECT_EQ(punct, 4u);
  MeasureText("Made in 2020.", &chars, &punct);
  EXPECT_EQ(punct, 1u);
}

}  // namespace
}  // namespace corpus

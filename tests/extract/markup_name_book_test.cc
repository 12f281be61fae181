// The class and id name lists (configs/extract/names.txt, embedded at build
// time): parsing, the three ways a list is matched, and errors.
#include "corpus/extract/markup_name_book.h"

#include <gtest/gtest.h>

namespace corpus {
namespace {

TEST(MarkupNameBookTest, EmbeddedFileParsesAndFillsEveryList) {
  const MarkupNameBook& book = MarkupNameBook::Default();
  EXPECT_TRUE(book.status().ok()) << book.status().ToString();
  for (size_t l = 0; l < static_cast<size_t>(NameList::kCount); ++l) {
    EXPECT_FALSE(book.names(static_cast<NameList>(l)).empty()) << "list " << l;
  }
  EXPECT_EQ(book.digest().size(), 64u);
  EXPECT_TRUE(book.Has(NameList::kBoilerplateTokens, "sidebar"));
  EXPECT_TRUE(book.Has(NameList::kHiddenClasses, "sr-only"));
}

TEST(MarkupNameBookTest, WholeInsideAndAtEitherEnd) {
  const MarkupNameBook book(
      "# comment\n[boilerplate_tokens]\nshare\n[boilerplate_stems]\ncookie\n"
      "[boilerplate_edge_stems]\n  footer  \n");
  ASSERT_TRUE(book.status().ok()) << book.status().ToString();
  EXPECT_TRUE(book.Has(NameList::kBoilerplateTokens, "share"));
  EXPECT_FALSE(book.Has(NameList::kBoilerplateTokens, "shares"));
  EXPECT_FALSE(book.Has(NameList::kBoilerplateStems, "share"));
  EXPECT_TRUE(book.AnyInside(NameList::kBoilerplateStems, "site-cookiebanner"));
  EXPECT_FALSE(book.AnyInside(NameList::kBoilerplateStems, "cook"));
  EXPECT_TRUE(book.AtEitherEnd(NameList::kBoilerplateEdgeStems, "footerlinks"));
  EXPECT_TRUE(book.AtEitherEnd(NameList::kBoilerplateEdgeStems, "pagefooter"));
  EXPECT_FALSE(book.AtEitherEnd(NameList::kBoilerplateEdgeStems, "prefootercopy"));
  EXPECT_FALSE(book.AtEitherEnd(NameList::kBoilerplateEdgeStems, "footer"));
  EXPECT_TRUE(book.names(NameList::kPanelStems).empty());
}

TEST(MarkupNameBookTest, BadLinesAreReportedWithTheirLineAndSkipped) {
  const MarkupNameBook outside("stray\n[hidden_classes]\nhidden\n");
  EXPECT_FALSE(outside.status().ok());
  EXPECT_NE(outside.status().ToString().find("names.txt:1"), std::string::npos);
  EXPECT_TRUE(outside.Has(NameList::kHiddenClasses, "hidden"));

  const MarkupNameBook unknown("[hidden_classes]\nhidden\n[no_such_list]\nx\n");
  EXPECT_NE(unknown.status().ToString().find("names.txt:3"), std::string::npos);
  EXPECT_TRUE(unknown.Has(NameList::kHiddenClasses, "hidden"));

  const MarkupNameBook upper("[hidden_classes]\nHidden\ntwo words\nhide\n");
  EXPECT_NE(upper.status().ToString().find("names.txt:2"), std::string::npos);
  EXPECT_FALSE(upper.Has(NameList::kHiddenClasses, "Hidden"));
  EXPECT_TRUE(upper.Has(NameList::kHiddenClasses, "hide"));
}

TEST(MarkupNameBookTest, DigestFollowsTheText) {
  EXPECT_EQ(MarkupNameBook("[comment_values]\nrespond\n").digest(),
            MarkupNameBook("[comment_values]\nrespond\n").digest());
  EXPECT_NE(MarkupNameBook("[comment_values]\nrespond\n").digest(),
            MarkupNameBook("[comment_values]\nreply\n").digest());
}

}  // namespace
}  // namespace corpus

// The class and id name lists (configs/extract/names.txt, embedded at build
// time): parsing, the three ways a list is matched, and errors.
#include "corpus/extract/markup_name_book.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

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

TEST(MarkupNameBookTest, EndsAfterSeparator) {
  const MarkupNameBook book("[hidden_class_suffixes]\nsr-only\nvisually-hidden\n");
  ASSERT_TRUE(book.status().ok()) << book.status().ToString();
  const NameList l = NameList::kHiddenClassSuffixes;
  EXPECT_TRUE(book.EndsAfterSeparator(l, "usa-sr-only"));
  EXPECT_TRUE(book.EndsAfterSeparator(l, "govuk-visually-hidden"));
  EXPECT_TRUE(book.EndsAfterSeparator(l, "plp-price__sr-only"));
  EXPECT_FALSE(book.EndsAfterSeparator(l, "sr-only"));          // whole: [hidden_classes]'s job
  EXPECT_FALSE(book.EndsAfterSeparator(l, "usasr-only"));       // no separator
  EXPECT_FALSE(book.EndsAfterSeparator(l, "focus:not-sr-only")); // a negation shows it
  EXPECT_FALSE(book.EndsAfterSeparator(l, "sr-only-focusable"));
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

TEST(MarkupNameBookTest, MasksAnswerForEveryListAtOnce) {
  const MarkupNameBook book(
      "[boilerplate_tokens]\nshare\nx\n[boilerplate_stems]\nshare\nmega-menu\n"
      "[consent_stems]\nx\n[navigation_stems]\n\xc3\xa9t\xc3\xa9\n");
  ASSERT_TRUE(book.status().ok()) << book.status().ToString();
  using Book = MarkupNameBook;
  const uint32_t tokens = Book::Bit(NameList::kBoilerplateTokens);
  const uint32_t stems = Book::Bit(NameList::kBoilerplateStems);
  const uint32_t consent = Book::Bit(NameList::kConsentStems);
  const uint32_t nav = Book::Bit(NameList::kNavigationStems);
  // A name in two lists names both.
  EXPECT_EQ(book.ListsNaming("share"), tokens | stems);
  EXPECT_EQ(book.ListsNaming("x"), tokens | consent);
  EXPECT_EQ(book.ListsNaming("shar"), 0u);
  EXPECT_EQ(book.ListsNaming(""), 0u);
  // Inside: at the start, the end, after other bytes; only lists wanted.
  EXPECT_EQ(book.ListsInside("share", ~0u), tokens | stems);
  EXPECT_EQ(book.ListsInside("site-share", stems), stems);
  EXPECT_EQ(book.ListsInside("top-mega-menu", ~0u), stems);
  EXPECT_EQ(book.ListsInside("mega-men", ~0u), 0u);
  EXPECT_EQ(book.ListsInside("box", ~0u), tokens | consent);  // one-byte names
  EXPECT_EQ(book.ListsInside("box", consent), consent);
  EXPECT_EQ(book.ListsInside("r\xc3\xa9t\xc3\xa9s", ~0u), nav);  // bytes outside a-z0-9-_
  EXPECT_EQ(book.ListsInside("r\xc3\xa9t\xc3\xa8", ~0u), 0u);
  EXPECT_EQ(book.ListsInside("", ~0u), 0u);
  // Pieces of a class value: whole class names, or alphanumeric tokens.
  EXPECT_EQ(book.ListsNamingPieces("post share-bar", false), 0u);
  EXPECT_EQ(book.ListsNamingPieces("post share-bar", true), tokens | stems);
  EXPECT_EQ(book.ListsNamingPieces("share\tx", false), tokens | stems | consent);
  EXPECT_EQ(book.ListsNamingPieces("", true), 0u);
}

// The masks against the lists' definitions, on the embedded book and values
// made of pieces of its names, other bytes and separators.
TEST(MarkupNameBookTest, MasksMatchTheDefinitionsOnTheEmbeddedBook) {
  const MarkupNameBook& book = MarkupNameBook::Default();
  std::vector<std::string> pieces = {"-", "_", " ", "1", "a", "\xc3\xa9", "z"};
  for (size_t l = 0; l < static_cast<size_t>(NameList::kCount); ++l) {
    for (const std::string& name : book.names(static_cast<NameList>(l))) {
      pieces.push_back(name);
      pieces.push_back(name.substr(0, name.size() / 2));
      pieces.push_back(name.substr(1));
    }
  }
  std::mt19937 rng(7);
  for (int round = 0; round < 20000; ++round) {
    std::string value;
    const int n = static_cast<int>(rng() % 4);
    for (int k = 0; k <= n; ++k) value += pieces[rng() % pieces.size()];
    uint32_t whole = 0, inside = 0;
    for (size_t l = 0; l < static_cast<size_t>(NameList::kCount); ++l) {
      for (const std::string& name : book.names(static_cast<NameList>(l))) {
        if (name == value) whole |= uint32_t{1} << l;
        if (value.find(name) != std::string::npos) inside |= uint32_t{1} << l;
      }
    }
    ASSERT_EQ(book.ListsNaming(value), whole) << value;
    ASSERT_EQ(book.ListsInside(value, ~0u), inside) << value;
    const uint32_t wanted = static_cast<uint32_t>(rng());
    ASSERT_EQ(book.ListsInside(value, wanted), inside & wanted) << value;
  }
}

}  // namespace
}  // namespace corpus

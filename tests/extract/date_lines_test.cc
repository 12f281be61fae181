// Date lines under a headline or at a story's end (date_lines.h): the
// labels of the page's language (configs/extract/*.txt, [date_labels]),
// then a date. Hand-written lines and pages in English, German, French,
// Spanish, Polish, Russian, Chinese and Japanese.
#include "corpus/extract/date_lines.h"

#include <gtest/gtest.h>

#include <string>

#include "corpus/extract/extractor.h"
#include "corpus/extract/phrase_fold.h"
#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::Has;

TEST(DateLinesTest, ALabelThenADate) {
  const PhraseBook& book = PhraseBook::Default();
  EXPECT_TRUE(IsDateLine(book.For("en"), "Updated on November 18, 2025"));
  EXPECT_TRUE(IsDateLine(book.For("en"), "Last updated on September 16th, 2023 at 09:27 am"));
  EXPECT_TRUE(IsDateLine(book.For("en"), "Published: 03 Dec 2025"));
  EXPECT_TRUE(IsDateLine(book.For("de"), "Stand: 05.12.2024 14:32 Uhr"));
  EXPECT_TRUE(IsDateLine(book.For("de"), "Aktualisiert am Donnerstag, 12. Dezember 2024"));
  EXPECT_TRUE(IsDateLine(book.For("de"), "Veröffentlicht am 12.03.24"));
  EXPECT_TRUE(IsDateLine(book.For("fr"), "Publié le 5 mars 2024 à 10h30"));
  EXPECT_TRUE(IsDateLine(book.For("es"), "Actualizado el 5 de marzo de 2024 a las 10:30"));
  EXPECT_TRUE(IsDateLine(book.For("pl"), "Aktualizacja: 5 marca 2024, 10:30"));
  EXPECT_TRUE(IsDateLine(book.For("ru"), "Обновлено 5 марта 2024, 10:30"));
  EXPECT_TRUE(IsDateLine(book.For("zh"), "发布时间：2024-03-05 10:30"));
  EXPECT_TRUE(IsDateLine(book.For("ja"), "公開日：2024年3月5日"));
  EXPECT_TRUE(IsDateLine(book.For("ja"), "更新日 2024/03/05"));
}

TEST(DateLinesTest, APagesLastChange) {
  // The date a municipal or an institution's page prints under its text.
  const PhraseBook& book = PhraseBook::Default();
  EXPECT_TRUE(IsDateLine(book.For("nl"), "Laatst gewijzigd: 4 februari 2025"));
  EXPECT_TRUE(IsDateLine(book.For("nl"), "Gewijzigd op 4 februari 2025"));
  EXPECT_TRUE(IsDateLine(book.For("de"), "Zuletzt geändert: 21.10.2025"));
  EXPECT_TRUE(IsDateLine(book.For("fr"), "Dernière modification : 21 octobre 2025"));
  EXPECT_TRUE(IsDateLine(book.For("es"), "Última modificación: 21 de octubre de 2025"));
}

TEST(DateLinesTest, NotASentenceNorALabelAlone) {
  const PhraseBook& book = PhraseBook::Default();
  // A sentence that opens with the label's word.
  EXPECT_FALSE(IsDateLine(book.For("en"), "Published in 2019, the book became a bestseller."));
  EXPECT_FALSE(IsDateLine(book.For("de"), "Stand der Dinge 2024: die Bahn baut weiter"));
  // A clause written without spaces after the label.
  EXPECT_FALSE(IsDateLine(book.For("ja"), "更新されたのは2024年の春で、利用者が大幅に増えた"));
  // No date: a relative time, or the label alone.
  EXPECT_FALSE(IsDateLine(book.For("en"), "Updated 3 hours ago"));
  EXPECT_FALSE(IsDateLine(book.For("en"), "Published"));
  // Another language's label, on a page that has neither its file nor English's word.
  EXPECT_FALSE(IsDateLine(book.For("ja"), "Opublikowano: 5 marca 2024"));
}

TEST(DateLinesTest, AStorysDateLinesGoAListingsDatesStay) {
  std::string story;
  for (int i = 0; i < 4; ++i) {
    story += "<p>Die Bahn will die Strecke zwischen Hamburg und Berlin bis zum Sommer "
             "vollständig sanieren, sagte ein Sprecher am Mittwoch (" +
             std::to_string(i) + ").</p>";
  }
  const std::string page =
      "<html lang='de'><body><article><h1>Die Bahn saniert</h1><div class='x'>Stand: "
      "05.12.2024 14:32 Uhr</div>" + story +
      "<p>Zuletzt aktualisiert am 06.12.2024</p></article></body></html>";
  const std::string t = ExtractMainContent(page, "", {}).text;
  EXPECT_TRUE(Has(t, "(3)")) << t;
  EXPECT_FALSE(Has(t, "14:32")) << t;
  EXPECT_FALSE(Has(t, "06.12.2024")) << t;

  // Three items, each under its date: the dates are the items'.
  std::string list;
  for (int i = 1; i <= 3; ++i) {
    list += "<div class='item'><h3><a href='/r/" + std::to_string(i) + "'>Repository " +
            std::to_string(i) + "</a></h3><p>A library for parsing documents of kind " +
            std::to_string(i) + ", with bindings for three languages and a command line.</p>"
            "<div>Updated Mar " + std::to_string(i) + ", 2026</div></div>";
  }
  const std::string listing =
      ExtractMainContent("<html lang='en'><body><main>" + list + "</main></body></html>", "", {})
          .text;
  EXPECT_TRUE(Has(listing, "Updated Mar 3, 2026")) << listing;
}

TEST(DateLinesTest, TheLongestLabelIsTakenWhole) {
  const PhraseSet en = PhraseBook::Default().For("en");
  EXPECT_EQ(en.LongestOpening(PhraseClass::kDateLabel, FoldPhrase("Last updated on May 5, 2024")),
            std::string("last updated on").size());
  EXPECT_EQ(en.LongestOpening(PhraseClass::kDateLabel, FoldPhrase("Updates to the plan")), 0u);
}

}  // namespace
}  // namespace corpus

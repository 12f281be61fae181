// Rules for category and listing pages (collection pages): a grid
// of product tiles gives way to the category's own text, and a page left
// with a few repeated words has no main text.
#include <gtest/gtest.h>

#include <string>

#include "corpus/extract/extractor.h"
#include "corpus/extract/product_grid.h"
#include "corpus/extract/shop_labels.h"
#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::ExtractBody;
using testing::Has;

TEST(LooksLikePriceTest, CurrencyNextToDigits) {
  for (const char* s : {"$79.99", "749,00 €", "£ 5", "\xC2\xA3" "12", "EUR 12,90",
                        "Now $85.93 - $115.00", "1 399,00\xC2\xA0\xE2\x82\xAC", " $ "}) {
    EXPECT_TRUE(LooksLikePrice(s)) << s;
  }
  for (const char* s : {"Save money on shoes", "Section 5", "$ and more", "2024", ""}) {
    EXPECT_FALSE(LooksLikePrice(s)) << s;
  }
}

// A product tile as shop themes print it: a picture link, the name on its
// own line, a blurb, the price on another line.
std::string Tile(int i) {
  return "<li class='grid__item'><a href='/p/" + std::to_string(i) +
         "'>Picture</a><h3><a href='/p/" + std::to_string(i) + "'>Trail shoe model " +
         std::to_string(i) + "</a></h3><p>Light and fast, for dry and rocky trails.</p><div class='price'><span>$1" + std::to_string(i) +
         "9.99</span></div><div>Quick view</div></li>";
}

std::string Grid(int tiles) {
  std::string g = "<ul class='product-grid'>";
  for (int i = 0; i < tiles; ++i) g += Tile(i);
  return g + "</ul>";
}

// A buyer's guide of `paragraphs` paragraphs of about 150 bytes (not
// counting spaces) each, in the same container as the grid.
std::string Guide(int paragraphs) {
  std::string g = "<h2>How to choose trail shoes</h2>";
  for (int i = 0; i < paragraphs; ++i) {
    g += "<p>Point " + std::to_string(i) +
         ": a trail shoe needs a grippy outsole with deep lugs, a rock plate under the forefoot "
         "and an upper that drains quickly after a river crossing, so try them on in the "
         "afternoon.</p>";
  }
  return g;
}

TEST(ProductGridTest, GridGivesWayToALongCategoryText) {
  const std::string t = ExtractBody("<main><h1>Trail shoes</h1>" + Grid(8) + Guide(18) + "</main>");
  EXPECT_TRUE(Has(t, "rock plate under the forefoot"));
  EXPECT_TRUE(Has(t, "Point 13"));
  EXPECT_FALSE(Has(t, "Trail shoe model 3"));
  EXPECT_FALSE(Has(t, "$139.99"));
}

TEST(ProductGridTest, GridStaysBesideAShortIntro) {
  // A line or two of intro: the grid is the page.
  const std::string t = ExtractBody("<main><h1>Trail shoes</h1>" + Guide(1) + Grid(8) + "</main>");
  EXPECT_TRUE(Has(t, "Trail shoe model 3"));
  EXPECT_TRUE(Has(t, "$139.99"));
}

TEST(ProductGridTest, AFewOffersAreNotAGrid) {
  const std::string t = ExtractBody("<main><h1>Trail shoes</h1>" + Grid(3) + Guide(18) + "</main>");
  EXPECT_TRUE(Has(t, "Trail shoe model 2"));
}

TEST(ProductGridTest, PricesInsideSentencesAreText) {
  // A gift guide's list: each item one line, its price in the sentence.
  std::string list = "<ul>";
  for (int i = 0; i < 8; ++i) {
    list += "<li><a href='/r/" + std::to_string(i) + "'>Headphones " + std::to_string(i) +
            "</a> ($249 at the shop): sealed ear tips and a hook that stays put.</li>";
  }
  list += "</ul>";
  const std::string t = ExtractBody("<article><h1>Gifts</h1>" + Guide(18) + list + "</article>");
  EXPECT_TRUE(Has(t, "Headphones 5"));
}

TEST(ProductGridTest, TableRowsAreNotTiles) {
  std::string table = "<table>";
  for (int i = 0; i < 8; ++i) {
    table += "<tr><td><a href='/h/" + std::to_string(i) + "'>Hammock " + std::to_string(i) +
             "</a></td><td>$175</td><td>15.7 oz</td></tr>";
  }
  table += "</table>";
  const std::string t =
      ExtractBody("<article><h1>Hammocks</h1>" + Guide(9) + table + Guide(9) + "</article>");
  EXPECT_TRUE(Has(t, "Hammock 6"));
}

TEST(ProductGridTest, ZeroMinProseKeepsEveryGrid) {
  ExtractOptions options;
  options.product_grid_min_prose = 0;
  const std::string html =
      "<html><body><main><h1>Trail shoes</h1>" + Grid(8) + Guide(18) + "</main></body></html>";
  EXPECT_TRUE(Has(ExtractMainContent(html, "", options).text, "Trail shoe model 3"));
}

TEST(ShopLabelsTest, WholeLabelsOnly) {
  for (const char* s : {"Quick view", "  SOLD\n  out ", "Add to Wishlist", "New", "Read more",
                        "Learn more \xC2\xBB", "See more...", "View full details ->",
                        "Was this article helpful?", "How useful was this post?",
                        "Click on a star to rate it!", "Did this page help you?", "Log in",
                        "Sign in", "Skip to main content"}) {
    EXPECT_TRUE(IsShopLabel(testing::EnglishPhrases(), s)) << s;
  }
  for (const char* s : {"New arrivals for spring", "Sold out in an hour", "view", "", "...",
                        "Read more about the new trail shoes", "Learn"}) {
    EXPECT_FALSE(IsShopLabel(testing::EnglishPhrases(), s)) << s;
  }
}

TEST(ShopLabelsTest, AHelpPagesFeedbackPromptGoesInItsLanguage) {
  // The prompt a documentation theme sets as a heading after the article,
  // its form hidden until voted, in the page's language.
  const struct {
    const char* lang;
    const char* prompt;
  } pages[] = {{"ja", "このページは役に立ちましたか？"},
               {"es", "¿Te ha resultado útil esta página?"},
               {"zh", "此页面是否有帮助？"}};
  for (const auto& page : pages) {
    const std::string text = testing::ExtractBody(
        std::string("<html lang='") + page.lang + "'><body><article><h1>Webhooks</h1>" +
        testing::GermanParagraphs("Absatz", 2) + "<h2 id='__comments'>" + page.prompt +
        "</h2><form class='md-feedback' hidden><button type='submit'>+</button></form></article>"
        "</body></html>");
    EXPECT_TRUE(Has(text, "Absatz 1")) << text;
    EXPECT_FALSE(Has(text, page.prompt)) << page.lang << "\n" << text;
  }
}

TEST(ShopLabelsTest, AReadingTimeLineGoesInItsLanguage) {
  // The reading time a blog or news theme sets under the headline or on
  // each teaser, whole in its element: a label with a count, not text. In a
  // sentence it stays.
  const struct {
    const char* lang;
    const char* line;
  } pages[] = {{"en", "5 min read"},          {"de", "3 Min. Lesezeit"},
               {"fr", "4 min de lecture"},    {"es", "6 minutos de lectura"},
               {"ja", "3分で読めます"},       {"zh", "5分钟阅读"},
               {"ru", "7 мин чтения"},        {"de", "Lesezeit: 6 Min."},
               {"en", "Reading Time: 11 minutes"}, {"ja", "読了時間：約3分"},
               {"fr", "Temps de lecture : 4 min"}};
  for (const auto& page : pages) {
    const std::string text = testing::ExtractBody(
        std::string("<html lang='") + page.lang + "'><body><article><h1>Titel</h1><div "
        "class='meta'><span>" + page.line + "</span></div>" + testing::GermanParagraphs("Absatz", 3) +
        "<p>Die Anleitung ist kurz: " + page.line + ", danach kann man loslegen und "
        "alles selbst ausprobieren.</p></article></body></html>");
    EXPECT_TRUE(Has(text, "Absatz 2")) << text;
    EXPECT_EQ(text.find(std::string(page.line) + "\n"), std::string::npos) << page.lang << "\n" << text;
    EXPECT_TRUE(Has(text, std::string("kurz: ") + page.line)) << page.lang << "\n" << text;
  }
}

TEST(ShopLabelsTest, AReadingTimeInSpansBesideTheParagraphsGoes) {
  // A blog plugin's reading time, set in spans straight inside the post's
  // container, above its paragraphs: the container's own text is the label.
  // A container whose own text is more than a label keeps it.
  const std::string text = testing::ExtractBody(
      "<html lang='en'><body><article><h1>Comparing platforms</h1><div class='x1'><span "
      "class='x2'><span class='x3'>Reading Time: </span> <span class='x4'> 11</span> <span "
      "class='x3'>minutes</span></span>" + testing::GermanParagraphs("Absatz", 3) + "</div><div "
      "class='x5'><span>Reading time matters to us</span>" + testing::GermanParagraphs("Teil", 2) +
      "</div></article></body></html>");
  EXPECT_TRUE(Has(text, "Absatz 2")) << text;
  EXPECT_FALSE(Has(text, "Reading Time")) << text;
  EXPECT_FALSE(Has(text, "minutes")) << text;
  EXPECT_TRUE(Has(text, "Reading time matters to us")) << text;
}

TEST(ShopLabelsTest, ABadgesWordAsAPropertysValueStays) {
  // "Stan | Nowy", "Condition: New": in a row of a specification table or
  // as a <dd>, the word of a "New" badge is the fact.
  for (const char* lang : {"pl", "en"}) {
    const std::string text = testing::ExtractBody(
        std::string("<html lang='") + lang + "'><body><main><h1>Odkurzacz Dreame R10 Pro</h1>" +
        testing::GermanParagraphs("Absatz", 2) + "<table><tr><td>Stan</td><td>Nowy</td></tr><tr><td>"
        "Marka</td><td>Dreame</td></tr></table><dl><dt>Condition</dt><dd>New</dd></dl><div><span>"
        "New</span></div>" + testing::GermanParagraphs("Teil", 1) + "</main></body></html>");
    EXPECT_TRUE(Has(text, "Stan | Nowy")) << lang << "\n" << text;
    EXPECT_TRUE(Has(text, "Condition\nNew")) << lang << "\n" << text;
    EXPECT_TRUE(Has(text, "Teil 0")) << text;
  }
}

TEST(ShopLabelsTest, AMediaPlayersControlIsALabel) {
  // A video's "Play" and a gallery's "Ver galería" over a picture, between
  // paragraphs; "Play" in a sentence stays.
  const std::string text = testing::ExtractBody(
      "<html lang='es'><body><article><h1>Flick ya tiene plan para Pedri</h1>" +
      testing::GermanParagraphs("Absatz", 2) + "<figure><div><span>Play</span></div><img "
      "src='v.jpg' alt=''></figure><div><span>Ver galería</span></div>" +
      testing::GermanParagraphs("Teil", 2) + "<p>Play fair, said the coach before the game "
      "on Sunday, and the players listened.</p></article></body></html>");
  EXPECT_TRUE(Has(text, "Teil 1")) << text;
  EXPECT_FALSE(Has(text, "Ver galería")) << text;
  EXPECT_EQ(text.find("Play\n"), std::string::npos) << text;
  EXPECT_TRUE(Has(text, "Play fair")) << text;
}

TEST(ShopLabelsTest, TileBadgesAndButtonsGo) {
  std::string grid = "<main><h1>Trail shoes</h1><ul>";
  for (int i = 0; i < 6; ++i) {
    grid += "<li><div class='badge'><span>New</span></div><h3><a href='/p'>Trail shoe model " +
            std::to_string(i) + "</a></h3><p>Light and fast, for dry and rocky trails.</p>" +
            "<div>$129.99</div><div><a href='#'><span>Quick</span> <span>view</span></a></div></li>";
  }
  grid += "</ul></main>";
  const std::string t = ExtractBody(grid);
  EXPECT_TRUE(Has(t, "Trail shoe model 4"));
  EXPECT_TRUE(Has(t, "rocky trails"));
  EXPECT_FALSE(Has(t, "Quick"));
  EXPECT_FALSE(Has(t, "New"));
}

TEST(ShopLabelsTest, AButtonBesideBlocksGoesAndTheBlocksStay) {
  // A job ad's "Jetzt bewerben" is all of its box's own text, beside a
  // paragraph in the same box; a link of other words there stays. (A box
  // opened by its link over a line is a card: teaser_cards_test.cc.)
  const std::string ad =
      "<html lang='de'><body><article><h1>Backend-Entwickler (m/w/d)</h1>" +
      testing::GermanParagraphs("Absatz", 3) + "<div class='x1'><a class='x2' href='/apply'>"
      "Jetzt bewerben</a><p>Die Bewerbung dauert etwa fünf Minuten, ein Anschreiben ist nicht "
      "nötig.</p></div><div class='x3'><p>Zwölf Menschen aus acht Ländern arbeiten hier an der "
      "Plattform.</p><a href='/team'>Unser Team in Leipzig</a></div><p>Jetzt einblenden</p>" +
      testing::GermanParagraphs("Teil", 2) + "</article></body></html>";
  const std::string t = testing::ExtractBody(ad);
  EXPECT_TRUE(Has(t, "Teil 1")) << t;
  EXPECT_FALSE(Has(t, "Jetzt bewerben")) << t;
  EXPECT_TRUE(Has(t, "fünf Minuten")) << t;
  EXPECT_FALSE(Has(t, "einblenden")) << t;  // a panel's toggle, whole block
  EXPECT_TRUE(Has(t, "Unser Team in Leipzig")) << t;
  EXPECT_TRUE(Has(t, "acht Ländern")) << t;
  // Two labels that are together all of a box's own text go, each.
  const std::string service = testing::ExtractBody(
      "<html lang='en'><body><article><h1>Margaret Hale, 1941-2025</h1>" +
      testing::GermanParagraphs("Absatz", 3) + "<div class='x4'><h3>Visitation</h3><p>Monday, "
      "November 24, 4 to 7 in the evening, at the chapel on Broad Street.</p><a href='#'>Get "
      "Directions</a> <a href='#'>Add to Calendar</a></div>" +
      testing::GermanParagraphs("Teil", 2) + "</article></body></html>");
  EXPECT_TRUE(Has(service, "chapel on Broad Street")) << service;
  EXPECT_FALSE(Has(service, "Get Directions")) << service;
  EXPECT_FALSE(Has(service, "Add to Calendar")) << service;
}

TEST(ShopLabelsTest, ALabelInsideASentenceStays) {
  const std::string t = ExtractBody(
      "<main><h1>Notes</h1><p>Compare the two models before you buy: the new one is lighter, "
      "the old one lasts longer on rocky ground.</p><p>New</p><p>In stock</p></main>");
  EXPECT_TRUE(Has(t, "Compare the two models"));
  EXPECT_FALSE(Has(t, "In stock"));
}

// A category text of `paragraphs` paragraphs in a <div class=`cls`>.
std::string CategoryText(const std::string& cls, int paragraphs) {
  std::string t = "<div class='" + cls + "'><h2>Carry-on luggage</h2>";
  for (int i = 0; i < paragraphs; ++i) {
    t += "<p>Carry-on case " + std::to_string(i) +
         ": light shells, quiet spinner wheels and a frame that fits the overhead bins of most "
         "airlines, so a weekend away needs no checked bag at all; the zips lock, the handle "
         "telescopes in three steps and the lining comes out for washing.</p>";
  }
  return t + "</div>";
}

TEST(NarrowScreenHiddenTest, LongTextShownFromABreakpointIsContent) {
  // Bootstrap's "d-none d-md-block" and Tailwind's "hidden lg:block": hidden
  // on phones, shown on desktops. Text hidden at every width stays out.
  for (const std::string cls : {"d-none d-md-block desktop-content", "hidden lg:block", "d-none",
                                "d-none d-md-none"}) {
    const std::string page =
        "<main><h1>Carry-on luggage</h1>" + Guide(30) + CategoryText(cls, 5) + "</main>";
    const bool shown = cls.find("block") != std::string::npos;
    EXPECT_EQ(Has(ExtractBody(page), "quiet spinner wheels"), shown) << cls;
  }
}

TEST(NarrowScreenHiddenTest, AnExcerptOrASidebarShownFromABreakpointStaysOut) {
  // An excerpt trimmed on phones: one paragraph, not a text of its own.
  const std::string excerpt = "<main><h1>Carry-on luggage</h1>" + Guide(12) +
                              CategoryText("d-none d-sm-block excerpt", 1) + "</main>";
  EXPECT_FALSE(Has(ExtractBody(excerpt), "quiet spinner wheels"));
  // A desktop sidebar of links.
  std::string sidebar = "<div class='d-none d-lg-block'><h3>Read this next</h3>";
  for (int i = 0; i < 8; ++i) {
    sidebar += "<p><a href='/s/" + std::to_string(i) + "'>A story about packing light number " +
               std::to_string(i) + "</a></p>";
  }
  sidebar += "</div>";
  const std::string page = "<main><h1>Carry-on luggage</h1>" + Guide(12) + sidebar + "</main>";
  EXPECT_FALSE(Has(ExtractBody(page), "packing light"));
}

// A site menu of `links` links, each to a category of a shop.
std::string LargeMenu(int links) {
  std::string nav = "<nav><ul>";
  for (int i = 0; i < links; ++i) {
    nav += "<li><a href='/c/" + std::to_string(i) + "'>Garden tools and machines, range " +
           std::to_string(i) + "</a></li>";
  }
  return nav + "</ul></nav>";
}

TEST(RelaxedBoilerplateTest, TilesInAChromeNamedSectionAreTheContentWhenNothingElseIs) {
  // A category page whose only content is its tiles, in a section named
  // "related-product", under a menu with more text than the tiles have.
  std::string tiles = "<section class='related-product'>";
  for (int i = 0; i < 6; ++i) {
    tiles += "<div class='items-listing'><a href='/p/" + std::to_string(i) + "'><h4>KR" +
             std::to_string(i) + "</h4><h3>Robotic mower for " + std::to_string(i + 1) +
             " acres with obstacle avoidance</h3><span class='price'>$ " +
             std::to_string(2 + i) + ",099.99</span></a></div>";
  }
  tiles += "</section>";
  const ExtractResult r = ExtractMainContent(
      "<html><body>" + LargeMenu(30) + "<h3>Robotic lawn mowers</h3>" + tiles +
          "</body></html>", "", {});
  EXPECT_TRUE(Has(r.text, "Robotic mower for 3 acres")) << r.text;
  EXPECT_FALSE(Has(r.text, "range 7")) << r.text;
  EXPECT_TRUE(r.relaxed);
}

TEST(RelaxedBoilerplateTest, APageDrawnByScriptStaysEmpty) {
  // A forum thread drawn by JavaScript: an empty frame, a menu and a bar
  // of links named like chrome, which the second pass would take.
  const std::string page =
      "<nav><a href='/'>Forum home</a> <a href='/latest'>Latest topics</a></nav><div "
      "class='promo-bar'><a href='/calc'>Range calculator</a> <a href='/donate'>Donate "
      "now</a> <a href='/shop'>Shop</a></div><section id='main'></section>";
  EXPECT_EQ(ExtractBody(page), "");
}

TEST(DistinctWordsTest, AFewRepeatedWordsAreNoMainText) {
  std::string grid = "<main>";
  for (int i = 0; i < 10; ++i) grid += "<div class='tile'><a href='/p'>Sold Out</a></div>";
  grid += "</main>";
  EXPECT_EQ(ExtractBody(grid), "");
  EXPECT_EQ(ExtractBody("<p>Skip to main content</p>"), "");
}

TEST(DistinctWordsTest, AShortTextOfItsOwnStays) {
  EXPECT_TRUE(Has(ExtractBody("<main><p>Closed on Monday, open again Tuesday.</p></main>"),
                  "Closed on Monday"));
}

}  // namespace
}  // namespace corpus

// The chrome of a product page (shop_chrome.h): buy box, review widgets,
// loading placeholders and price lines go; the description stays; and none
// of it applies to pages that are not a product's page.
#include "corpus/extract/shop_chrome.h"

#include <gtest/gtest.h>
#include <gumbo.h>

#include <string>

#include "corpus/extract/extractor.h"
#include "corpus/extract/related_sections.h"
#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::Has;

const char kDescription[] =
    "<h1>Stoneware mug</h1><div class='product-description'><p>A hand-thrown stoneware mug "
    "with a speckled glaze, fired twice in our kiln by the sea.</p><p>It holds 350 mL, "
    "is safe in the dishwasher and keeps its colour for years of daily coffee.</p></div>";

const char kBuyBox[] =
    "<div class='product__price'><span>$38.00</span></div>"
    "<p class='stock-note'>Out of stock</p>"
    "<div class='pay-in-installments'>or 4 payments of 9.50 with Afterpay today</div>"
    "<div class='shop-seller-card'>Star Seller: replies within a few hours, 1.1k sales</div>"
    "<div class='feedback-widget'><p>Lovely mug, arrived well packed, my favourite now. "
    "Reviewed by Anna, three months ago.</p></div>"
    "<div>Loading</div>"
    "<div class='special-offer'>Bundle offer: buy two and save a fifth</div>"
    "<div class='promo-banner'>Spring sale: free gift wrap this week</div>"
    "<span class='product-badge'>Best seller</span>"
    "<div class='variant-picker'>Colour: Speckled white, Midnight blue, Sage</div>"
    "<div class='sticky-atc'>Stoneware mug, ready to ship</div>"
    "<div class='form-message form-message--error'>Something went wrong, try again.</div>"
    "<p class='legal-notice'>All trademarks are property of their respective owners in the "
    "US and other countries.</p>";

std::string Page(const std::string& head, const std::string& main) {
  return "<html><head>" + head + "</head><body><main>" + main + "</main></body></html>";
}

std::string Text(const std::string& html) {
  ExtractOptions options;
  return ExtractMainContent(html, "", options).text;
}

const char kOgProduct[] = "<meta property='og:type' content='product'>";

TEST(ShopChromeTest, BuyBoxReviewsAndPlaceholdersGoOnAProductPage) {
  const std::string t = Text(Page(kOgProduct, std::string(kDescription) + kBuyBox));
  EXPECT_TRUE(Has(t, "speckled glaze"));
  EXPECT_TRUE(Has(t, "daily coffee"));
  for (const char* gone : {"$38.00", "Out of stock", "4 payments", "Star Seller", "Lovely mug",
                           "Loading", "Bundle offer", "trademarks", "Spring sale", "Best seller",
                           "went wrong", "Midnight blue", "ready to ship"}) {
    EXPECT_FALSE(Has(t, gone)) << gone;
  }
}

TEST(ShopChromeTest, OptionPickersGoWithTheirLegendsOnAProductPage) {
  // A colour's swatches in a <fieldset> (its legend names the choice made)
  // and add-on plans in a role=radiogroup, on a Spanish product page: the
  // labels and inputs are no text, but the legend and the group's notes are.
  const std::string pickers =
      "<fieldset><legend><span>Color:</span> blanco</legend>"
      "<label><input name='c' type='radio' checked value='blanco'></label>"
      "<label><input name='c' type='radio' value='negro'></label></fieldset>"
      "<div role='radiogroup' aria-labelledby='g'><span id='g'>Plan de protección ampliada</span>"
      "<p>(Solo se puede elegir una opción a la vez)</p>"
      "<label><input type='checkbox'>3 años</label><label><input type='checkbox'>4 años</label>"
      "</div>";
  const std::string head = "<html lang='es'><head>" + std::string(kOgProduct) +
                           "</head><body><main><h1>Taza de gres</h1><div><p>Una taza de gres "
                           "torneada a mano, con un esmalte moteado y cocida dos veces en "
                           "nuestro horno junto al mar.</p>";
  const std::string tail = "<p>Hecho a mano en nuestro taller; apta para el lavavajillas y el "
                           "microondas durante años de café diario.</p></div></main></body></html>";
  const std::string t = Text(head + pickers + tail);
  EXPECT_TRUE(Has(t, "esmalte moteado")) << t;
  EXPECT_TRUE(Has(t, "nuestro taller")) << t;
  EXPECT_FALSE(Has(t, "blanco")) << t;
  EXPECT_FALSE(Has(t, "protección")) << t;
  EXPECT_FALSE(Has(t, "una opción")) << t;
  // A fieldset of one check box (a consent line in a product's text) is no
  // choice of options.
  const std::string one = Text(head +
                               "<fieldset><legend>Grabado personalizado disponible</legend>"
                               "<label><input type='checkbox'>Sí</label></fieldset>" + tail);
  EXPECT_TRUE(Has(one, "Grabado personalizado")) << one;
}

TEST(ShopChromeTest, TooltipsGoOnAProductPageButNotElsewhere) {
  // A German headphone shop's spec list: each term has an info icon whose
  // tooltip explains it; the explanation waits for the pointer.
  const std::string specs =
      "<h4>Bauform <span class='tool-tip'><span class='visually-hidden'>Mehr Informationen</span>"
      "<div class='tool-tip__content'>Offene Kopfhörer klingen oft natürlicher, dämpfen aber "
      "kaum Umgebungsgeräusche.</div></span></h4><p>Offen</p>"
      "<h4>Impedanz <span class='tooltip'><span class='tooltip__content'>Ein höherer Wert braucht "
      "einen kräftigeren Verstärker.</span></span></h4><p>300 Ohm</p>";
  const std::string body = "<h1>Studiokopfhörer</h1><div><p>Ein offener Studiokopfhörer für "
                           "lange Sitzungen am Mischpult, mit weichen Polstern aus Velours und "
                           "einem austauschbaren Kabel.</p>" + specs + "</div>";
  const std::string product =
      Text("<html lang='de'><head>" + std::string(kOgProduct) + "</head><body><main>" + body +
           "</main></body></html>");
  EXPECT_TRUE(Has(product, "Velours")) << product;
  EXPECT_TRUE(Has(product, "300 Ohm")) << product;
  EXPECT_FALSE(Has(product, "Umgebungsgeräusche")) << product;
  EXPECT_FALSE(Has(product, "Verstärker")) << product;
  // On a page that is not a product's, the shop's names say nothing.
  const std::string other =
      Text("<html lang='de'><body><main>" + body + "</main></body></html>");
  EXPECT_TRUE(Has(other, "Umgebungsgeräusche")) << other;
}

TEST(ShopChromeTest, AShareIsAPropertysValueInItsCellAndABadgeAlone) {
  // "-20%" alone is a discount's badge; "40–50%" as a term's description
  // or in a table's cell is a property's value (a tea's oxidation, a wine's
  // alcohol).
  const std::string t = Text(Page(
      kOgProduct,
      "<h1>Da Hong Pao</h1><div class='x1'>-20%</div><div class='product-description'><p>A rock "
      "oolong from the Wuyi mountains, dark and dense, with a deep mineral taste and a long "
      "finish.</p><dl><dt>Oxidation</dt><dd>40–50%</dd><dt>Roast</dt><dd>Strong</dd></dl>"
      "<table><tr><th>Alcohol</th><td>13,5 %</td></tr><tr><th>Acidity</th><td>Low</td></tr>"
      "</table><p>Steep it for ten seconds at first, and a little longer each time after.</p>"
      "</div>"));
  EXPECT_TRUE(Has(t, "mineral taste")) << t;
  EXPECT_TRUE(Has(t, "Oxidation\n40–50%")) << t;
  EXPECT_TRUE(Has(t, "Alcohol | 13,5 %")) << t;
  EXPECT_FALSE(Has(t, "-20%")) << t;
}

TEST(ShopChromeTest, AProductPageIsNeverReadAsAnIndexOfLinks) {
  // Little prose and many links is an index page, whose links are its
  // content; on a product's page the links are other brands and products.
  std::string brands = "<div class='more'><p>More brands</p><div>";
  for (int i = 0; i < 40; ++i) brands += "<div><a href='/brand" + std::to_string(i) + "'>Brand number " + std::to_string(i) + "</a></div>";
  brands += "</div></div>";
  const std::string html = Page(kOgProduct, "<div><h1>Faux leather jacket</h1><p>A black jacket "
                                            "with a zip.</p><p>Outer fabric: polyester.</p></div>" + brands);
  ExtractOptions options;
  const ExtractResult r = ExtractMainContent(html, "", options);
  EXPECT_FALSE(r.link_page);
  EXPECT_TRUE(Has(r.text, "black jacket")) << r.text;
  EXPECT_FALSE(Has(r.text, "Brand number 7")) << r.text;
}

TEST(ShopChromeTest, CarouselsAndShopBoxesGo) {
  const std::string t = Text(Page(
      kOgProduct, std::string(kDescription) +
                      "<div class='press-carousel'><p>The best mug we tested this year, says a "
                      "magazine about kitchens and the people who cook in them.</p></div>"
                      "<div class='x-feedback-list'><p>Great seller, fast postage, item exactly "
                      "as described in the listing.</p></div>"
                      "<section><h2>Shipping &amp; returns</h2><p>Orders leave our studio within "
                      "two days; returns are free for thirty days after delivery.</p></section>"));
  EXPECT_TRUE(Has(t, "speckled glaze"));
  EXPECT_FALSE(Has(t, "best mug we tested"));
  EXPECT_FALSE(Has(t, "Great seller"));
  EXPECT_FALSE(Has(t, "returns are free"));
}

TEST(ShopChromeTest, ShopBoxHeadings) {
  EXPECT_TRUE(IsShopBoxHeading(testing::EnglishPhrases(), "Shipping & Returns"));
  EXPECT_TRUE(IsShopBoxHeading(testing::EnglishPhrases(), "  Choose your add-ons:"));
  EXPECT_TRUE(IsShopBoxHeading(testing::EnglishPhrases(), "Customer Questions & Answers"));
  EXPECT_FALSE(IsShopBoxHeading(testing::EnglishPhrases(), "Reviews"));
  EXPECT_FALSE(IsShopBoxHeading(testing::EnglishPhrases(), "Description"));
}

TEST(ShopChromeTest, OtherPagesKeepTheirPricesAndPhrases) {
  // The same markup on a page that is not a product's page (no og:type
  // product, no Product in JSON-LD or microdata): the rules do not apply.
  const std::string t = Text(Page("", std::string(kDescription) + kBuyBox));
  EXPECT_TRUE(Has(t, "$38.00"));
  EXPECT_TRUE(Has(t, "Star Seller"));
}

TEST(ShopChromeTest, MicrodataReviewsAndOffersGo) {
  const std::string html = Page(
      "", "<div itemscope itemtype='https://schema.org/Product'>" + std::string(kDescription) +
              "<div itemprop='offers' itemscope itemtype='https://schema.org/Offer'>"
              "<span itemprop='price'>12.00</span> Free returns within 30 days</div>"
              "<div itemprop='review' itemscope itemtype='https://schema.org/Review'><p>"
              "Bought two for my parents, they use them every morning.</p></div></div>");
  const std::string t = Text(html);
  EXPECT_TRUE(Has(t, "speckled glaze"));
  EXPECT_FALSE(Has(t, "Free returns"));
  EXPECT_FALSE(Has(t, "every morning"));
}

TEST(ShopChromeTest, APriceNamedColumnHoldingTheDescriptionStays) {
  // Some themes put "price" on the whole product column.
  const std::string t = Text(Page(kOgProduct, "<div class='grid-item price'>" +
                                                  std::string(kDescription) + "</div>"));
  EXPECT_TRUE(Has(t, "speckled glaze"));
}

TEST(ShopChromeTest, ProductPageDetection) {
  const JsonLdFacts none;
  EXPECT_TRUE(IsProductPage(none, "product", ""));
  EXPECT_TRUE(IsProductPage(none, "og:product", ""));
  EXPECT_FALSE(IsProductPage(none, "article", ""));
  EXPECT_TRUE(IsProductPage(
      ReadJsonLd({R"({"@type": "Product", "name": "Mug", "offers": {"price": 9}})"}), "website",
      ""));
  EXPECT_TRUE(IsProductPage(
      ReadJsonLd({R"({"@graph": [{"@type": "ProductGroup", "offers": []}]})"}), "", ""));
  // Some shops describe a category as a Product rated by its reviews.
  EXPECT_FALSE(IsProductPage(
      ReadJsonLd({R"({"@type": "Product", "aggregateRating": {"ratingValue": 4}})"}), "", ""));
  // A category page describes each product it lists.
  EXPECT_FALSE(IsProductPage(ReadJsonLd({R"({"@type": "ItemList", "itemListElement": [)"
                                        R"({"@type": "Product", "offers": {"price": 9}}]})"}),
                             "", ""));
  EXPECT_TRUE(IsProductPage(none, "", "<div itemtype=\"https://schema.org/Product\">"));
  const std::string two_items = "<li itemtype='http://schema.org/Product'>";
  EXPECT_FALSE(IsProductPage(none, "", two_items + two_items));
}

TEST(ShopChromeTest, PriceLines) {
  for (const char* yes : {"$59.99", "49,35\xE2\x82\xAC", "-48%", "Regular Price: $59.99",
                          "EUR 14.86", "Price:USD 99.60", "\xC2\xA3" "1,200", "-32%EUR 14.86",
                          "$12.00 \xE2\x80\x93 $18.00"}) {
    EXPECT_TRUE(IsPriceLine(yes)) << yes;
  }
  for (const char* no : {"2 years", "Made in 2020", "350 mL", "IP68", "Load Range: 30 - 50 lbs.",
                         "Up to 50% off", "Includes 12 items", "2024", "USB 2.0"}) {
    EXPECT_FALSE(IsPriceLine(no)) << no;
  }
}

TEST(ShopChromeTest, PricedLines) {
  for (const char* yes : {"Current price is $179.00", "$40.00 off", "Standard shipping $9.99",
                          "$273.99 was$500.00 45% Off", "ab 19,99\xE2\x82\xAC", "Versand EUR 4.90"}) {
    EXPECT_TRUE(IsPricedLine(yes)) << yes;
  }
  // No money, only a share, no word beside the amount, or more than three words.
  for (const char* no : {"Up to 50% off", "Made in 2020", "10C, 25C, 50C, $1", "$59.99",
                         "Save $20 on every order over $100", "2 years warranty"}) {
    EXPECT_FALSE(IsPricedLine(no)) << no;
  }
}

TEST(ShopChromeTest, ShippingLinesAndPricedLinesGoInThePageLanguage) {
  // The lines sit between the description's paragraphs, where nothing else
  // tells them from it.
  const std::string de =
      "<h1>Steinzeugbecher</h1><div class='produkt'><p>Ein handgedrehter Becher aus Steinzeug "
      "mit gesprenkelter Glasur, zweimal in unserem Ofen am Meer gebrannt.</p>"
      "<div class='x2'>Kostenloser Versand</div><div class='x2'>Versand EUR 4.90</div>"
      "<div class='x2'>Kostenlose Rücksendung</div><p>Er fasst 350 ml, ist "
      "spülmaschinenfest und behält seine Farbe über Jahre.</p></div>";
  const std::string t = Text(
      "<html lang='de'><head>" + std::string(kOgProduct) + "</head><body><main>" + de +
      "</main></body></html>");
  EXPECT_TRUE(Has(t, "gesprenkelter Glasur"));
  EXPECT_TRUE(Has(t, "350 ml"));
  for (const char* gone : {"Kostenloser Versand", "EUR 4.90", "Rücksendung"}) {
    EXPECT_FALSE(Has(t, gone)) << gone;
  }
  const std::string ja =
      "<h1>陶器のマグカップ</h1><div class='c1'><p>海辺の窯で二度焼きした、斑点模様の釉薬の"
      "手作り陶器マグカップです。毎日のコーヒーに使っても色あせません。</p>"
      "<div class='c2'>送料無料</div><div class='c2'>返品無料</div><p>容量は350mlで、"
      "食器洗い機にも対応しています。職人が一つずつ仕上げています。</p></div>";
  const std::string u = Text("<html lang='ja'><head>" + std::string(kOgProduct) +
                             "</head><body><main>" + ja + "</main></body></html>");
  EXPECT_TRUE(Has(u, "斑点模様"));
  EXPECT_TRUE(Has(u, "食器洗い機"));
  EXPECT_FALSE(Has(u, "送料無料"));
  EXPECT_FALSE(Has(u, "返品無料"));
  // A shop system's own strings: the checkout note under the price, the
  // sale badge (French).
  const std::string fr =
      "<span class='x1'>Promo !</span><h1>Bougie Figue Noire</h1><div class='x2'><p>Une bougie "
      "coulée à la main dans notre atelier, par petites séries de quarante pièces.</p><div "
      "class='x3'><a href='/policies'>Frais d'expédition</a> calculés à l'étape de paiement."
      "</div><p>Laissez-la brûler deux heures au premier allumage, jusqu'à ce que toute la "
      "surface ait fondu.</p></div>";
  const std::string v = Text("<html lang='fr'><head>" + std::string(kOgProduct) +
                             "</head><body><main>" + fr + "</main></body></html>");
  EXPECT_TRUE(Has(v, "coulée à la main"));
  EXPECT_TRUE(Has(v, "premier allumage"));
  EXPECT_FALSE(Has(v, "Promo")) << v;
  EXPECT_FALSE(Has(v, "calculés")) << v;
}

TEST(ShopChromeTest, SmallTextNamedLikeTheBuyBoxOnlyWhenSmall) {
  // A seller's long story is the shop's own text, not a seller card.
  std::string story;
  for (int i = 0; i < 8; ++i) {
    story += "<p>Our workshop has fired stoneware since 1987; every piece is thrown by hand, "
             "glazed with ash from our own wood stove and signed underneath.</p>";
  }
  const std::string t =
      Text(Page(kOgProduct, std::string(kDescription) + "<div class='seller'>" + story + "</div>"));
  EXPECT_TRUE(Has(t, "signed underneath"));
}

}  // namespace
}  // namespace corpus

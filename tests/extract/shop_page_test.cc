// Rules for shop pages (product and collection pages): the page
// footer and modal dialogs are never the content, however long; prices are
// not prose.
#include <gtest/gtest.h>

#include <string>

#include "corpus/extract/dom_index.h"
#include "corpus/extract/extractor.h"
#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::Has;

std::string Extract(const std::string& body) { return testing::ExtractBody(body); }

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

TEST(ShopPageTest, FooterInsideAClassNameIsNotAFooter) {
  // "footer" at either end of a class token names the footer; in the middle
  // ("prefootercopy") it names text printed near it.
  const std::string copy =
      "<div class='field-prefootercopy'><h2>Walking boots</h2><p>Our walking boots are cut "
      "from full-grain leather and resoled in our own workshop, so a pair lasts for decades of "
      "hill walks.</p><p>Choose a half size up if you wear thick socks in winter.</p></div>";
  EXPECT_TRUE(Has(Extract("<main>" + LongPolicy() + copy + "</main>"), "full-grain leather"));
  for (const std::string cls : {"footerLinks", "pagefooter", "site-footer"}) {
    const std::string t = Extract(std::string(kProduct) + LongPolicy() + "<div class='" + cls +
                                  "'><p>Stores, careers, press and investor relations.</p></div>");
    EXPECT_TRUE(Has(t, "washed linen")) << cls;
    EXPECT_FALSE(Has(t, "investor relations")) << cls;
  }
}

TEST(ShopPageTest, AnImageDrawnInMarkupIsNotText) {
  // A rating's stars drawn in markup (role=img), with their sentence for
  // screen readers inside, as a shop's template prints it (German); the
  // description stays, and so does a sentence beside the image.
  const std::string t = Extract(
      "<main><h1>Leinenhemd</h1><div class='x1'><div class='x2' role='img' aria-label='Bewertet "
      "mit 4.67 von 5'><span style='width:93%'>Bewertet mit <strong>4.67</strong> von 5, "
      "basierend auf <span>3</span> Kundenbewertungen</span></div></div><p>Ein weites Hemd aus "
      "gewaschenem Leinen, lang genug zum Einstecken, mit Perlmuttknöpfen und einem weichen "
      "Kragen, der auch nach dem Waschen flach liegt.</p><p>Das Leinen stammt aus Flachs, der "
      "in der Normandie angebaut und in Litauen gesponnen und gewebt wird; genäht wird das Hemd "
      "in einer kleinen Werkstatt in Portugal.</p><p>Bei 40 Grad waschen, feucht aufhängen und "
      "nur bei Bedarf mit mittlerer Hitze bügeln.</p></main>");
  EXPECT_TRUE(Has(t, "gewaschenem Leinen")) << t;
  EXPECT_FALSE(Has(t, "Kundenbewertungen")) << t;
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

TEST(ShopPageTest, SentenceMarksOfOtherScripts) {
  uint32_t chars = 0, punct = 0;
  // Thai: the spaces between phrases end them; none before a digit.
  MeasureText("ฝนตกหนัก ขอให้ประชาชนระวัง 35 จังหวัด", &chars, &punct);
  EXPECT_EQ(punct, 1u);
  MeasureText("बारिश हुई। लोग घर लौटे।", &chars, &punct);  // danda
  EXPECT_EQ(punct, 2u);
  MeasureText("هطلت الأمطار، وعاد الناس؟", &chars, &punct);  // Arabic comma, question mark
  EXPECT_EQ(punct, 2u);
  MeasureText("မိုးရွာသည်။", &chars, &punct);  // Burmese full stop
  EXPECT_EQ(punct, 1u);
}

TEST(ShopPageTest, AriaHiddenTeaserLinkStaysHiddenPanelGoes) {
  std::string cards;
  for (int i = 0; i < 4; ++i) {
    const std::string n = std::to_string(i);
    cards += "<article><h2><a href='/s" + n + "'>Story " + n + " about the harbour</a></h2>"
             "<p><a href='/s" + n + "' aria-hidden='true'>Teaser " + n + ": the ferry timetable "
             "changes next week, and the old quay closes for repairs.</a></p></article>";
  }
  const std::string t = Extract("<main>" + cards +
                                "<div aria-hidden='true'><p>Collapsed panel: opening hours of the "
                                "harbour office, in a drawer nobody has opened.</p></div></main>");
  EXPECT_TRUE(Has(t, "Teaser 2"));
  EXPECT_FALSE(Has(t, "Collapsed panel"));
}

// A row of slides (WAI-ARIA's carousel pattern) after a product's German
// description: each slide another product, its name and its price.
std::string Carousel(bool priced) {
  std::string slides;
  const char* names[] = {"Kabellose Kopfhörer mit Ladeetui und drei Paar Ohrpolstern in Weiß",
                         "Schutzhülle aus Silikon mit Karabiner für das Ladeetui, Mintgrün",
                         "Reinigungsset für Ohrhörer mit Bürste, Tüchern und Stift"};
  for (int i = 0; i < 3; ++i) {
    slides += std::string("<li aria-roledescription='slide' class='k'><div class='t'><a "
                          "href='/p") + std::to_string(i) + "'>" + names[i] + "</a></div>" +
              (priced ? "<div class='q'>-3" + std::to_string(i) + "% 14,8" +
                            std::to_string(i) + " €</div>"
                      : std::string()) +
              "</li>";
  }
  return "<div class='r'><ol class='s'>" + slides + "</ol></div>";
}

std::string GermanProduct(const std::string& after) {
  return "<div class='c'><h1>Ohrhörer E19</h1><p>Das Ladeetui ist einer Raumkapsel nachgebildet: "
         "Die Ohrhörer liegen darin wie Astronauten in ihren Sitzen und laden in einer "
         "Stunde vollständig.</p><p>Die Geräuschunterdrückung filtert Wind und Straßenlärm aus "
         "Telefonaten, und Bluetooth 5.3 hält die Verbindung auch in vollen Zügen "
         "stabil.</p>" + after + "<p>Mit einer Ladung spielen die Ohrhörer sechs Stunden, mit "
         "dem Etui fünfzig.</p></div>";
}

TEST(ShopPageTest, PlaceholderLinksAreLinks) {
  // Tabs, actions and offer buttons written as <a> with no href (a script
  // makes them clickable) are links, as the same markup with href="#" is.
  const std::string uk = Extract(
      "<rz-product><div class='product-tabs'><ul class='tabs__list'>"
      "<li class='tabs__item tabs__item--active'><a>Усе про товар</a></li><li class='tabs__item'><a>"
      "Питання <span class='tabs__link-text'>5</span></a></li><li class='tabs__item'><a>Фото</a></li>"
      "</ul></div><h1 class='product__title'>Електрочайник Philips HD9350/90</h1>"
      "<div class='product-about__description-content'><p>Чайник Philips HD9350/90 поєднує простий "
      "дизайн із надійною конструкцією. Корпус із нержавіючої сталі не вбирає запахів, тому вода "
      "завжди має чистий смак, навіть якщо ви кип'ятите її кілька разів на день.</p></div>"
      "<section class='recently-viewed'><ul class='goods-tile-list'><li class='goods-tile'>"
      "<span class='goods-tile__title'>Електрочайник Tefal KO150F30</span></li></ul></section>"
      "</rz-product>");
  EXPECT_TRUE(Has(uk, "поєднує простий дизайн")) << uk;
  EXPECT_FALSE(Has(uk, "Питання")) << uk;
  EXPECT_FALSE(Has(uk, "Фото")) << uk;
  const std::string el = Extract(
      "<main><div id='sku-details'><ul class='sku-actions'><li><a class='add-to-favorites'>Αγαπημένα</a>"
      "</li></ul></div><section id='shops'><ol id='prices'><li class='card'><div class='shipping-cost'>"
      "Μεταφορικά: 3,00 €</div><a class='button go-to-shop'>Δες το στο κατάστημα</a></li></ol>"
      "<a class='more-shops'>Δες και τα υπόλοιπα 44 καταστήματα</a></section><section id='description'>"
      "<p>Το Xiaomi Mi Band 5 είναι η πέμπτη γενιά του δημοφιλούς activity tracker της εταιρείας. Σε σχέση "
      "με τον προκάτοχό του διαθέτει μεγαλύτερη οθόνη AMOLED 1,1 ιντσών, που παραμένει ευανάγνωστη ακόμη "
      "και κάτω από τον δυνατό ήλιο του καλοκαιριού.</p></section></main>");
  EXPECT_TRUE(Has(el, "πέμπτη γενιά")) << el;
  EXPECT_FALSE(Has(el, "Αγαπημένα")) << el;
  EXPECT_FALSE(Has(el, "Δες το στο κατάστημα")) << el;
  EXPECT_FALSE(Has(el, "υπόλοιπα 44")) << el;
}

TEST(ShopPageTest, AnchorsAroundContentAreNotPlaceholderLinks) {
  // An editor's empty-looking <a> around a heading or a whole list item, and
  // a named target, hold the content: they are not controls.
  const std::string t = Extract(
      "<article><p>Coffee is served in many ways around the world, and each country has its own "
      "customs for brewing, sweetening and drinking it.</p><h3><a><strong>LATIN AMERICA</strong></a>"
      "</h3><ul><li><a><strong>Café de Olla</strong>, brewed with dark roasted ground coffee, raw "
      "sugar, cinnamon and other spices, is popular in Mexico, where it is served in a clay cup.</a>"
      "</li></ul><h3><a name='brazil'>BRAZIL</a></h3><p>In Brazil, cafezinho is a small, strong and "
      "very sweet coffee offered to guests at any hour, at home and in offices alike.</p></article>");
  EXPECT_TRUE(Has(t, "LATIN AMERICA")) << t;
  EXPECT_TRUE(Has(t, "is popular in Mexico")) << t;
  EXPECT_TRUE(Has(t, "BRAZIL")) << t;
  EXPECT_TRUE(Has(t, "cafezinho")) << t;
}

TEST(ShopPageTest, CarouselOfPricedProductsGoes) {
  // Not declared a product page: the rule holds on every page.
  const std::string t = Extract(GermanProduct(Carousel(true)));
  EXPECT_TRUE(Has(t, "Raumkapsel"));
  EXPECT_TRUE(Has(t, "sechs Stunden"));
  EXPECT_FALSE(Has(t, "Schutzhülle"));
  EXPECT_FALSE(Has(t, "14,8"));
}

TEST(ShopPageTest, CarouselWithoutPricesStays) {
  // A carousel of the page's own features or testimonials is its text.
  const std::string t = Extract(GermanProduct(Carousel(false)));
  EXPECT_TRUE(Has(t, "Schutzhülle"));
  EXPECT_TRUE(Has(t, "sechs Stunden"));
}

size_t Count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

std::string WithJsonLd(const std::string& description, const std::string& body) {
  return "<html><head><script type='application/ld+json'>{\"@type\": \"Product\", "
         "\"description\": \"" + description + "\"}</script></head><body>" + body +
         "</body></html>";
}

TEST(ShopPageTest, JsonLdDescriptionAlreadyShownIsNotAddedAgain) {
  // The visible copy uses curly quotes and a reflowed line; same words.
  const std::string html = WithJsonLd(
      "L'atelier's warrior design features a gold bar wrapped in yellow half rings, and "
      "twinkling diamonds that frame a larger drop.",
      "<main><h1>Warrior necklace</h1><p>L\u2019atelier\u2019s warrior design features a gold "
      "bar wrapped in yellow half rings,</p><p>and twinkling diamonds that frame a larger "
      "drop.</p></main>");
  ExtractOptions o;
  const ExtractResult r = ExtractMainContent(html, "", o);
  EXPECT_FALSE(r.json_ld);
  EXPECT_EQ(Count(r.text, "twinkling"), 1u);
}

TEST(ShopPageTest, JsonLdDescriptionNotShownIsAdded) {
  const std::string html = WithJsonLd(
      "Hand-thrown stoneware mug with a speckled glaze, safe in the dishwasher and microwave.",
      "<main><h1>Mug</h1><p>Ships in two days from our studio by the sea, packed in recycled "
      "paper and card.</p></main>");
  ExtractOptions o;
  const ExtractResult r = ExtractMainContent(html, "", o);
  EXPECT_TRUE(r.json_ld);
  EXPECT_TRUE(Has(r.text, "speckled glaze"));
}

}  // namespace
}  // namespace corpus

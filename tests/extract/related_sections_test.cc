// Boxes of other products on shop pages are found by their heading and left
// out; the product itself and prose that merely mentions the words stay.
#include "corpus/extract/related_sections.h"

#include <gtest/gtest.h>

#include <array>
#include <string>

#include "corpus/extract/extractor.h"
#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::Has;

std::string Extract(const std::string& body) { return testing::ExtractBody(body); }

std::string Cards(const std::string& name) {
  std::string out = "<ul>";
  for (int i = 0; i < 5; ++i) {
    out += "<li><a href='/p" + std::to_string(i) + "'>" + name + " model " + std::to_string(i) +
           " with a long descriptive name</a><p>Handmade in Portugal, $" + std::to_string(20 + i) +
           ".00 plus shipping.</p></li>";
  }
  return out + "</ul>";
}

const char kProduct[] =
    "<h1>Wool blanket</h1><p>Woven from the wool of our own sheep, this blanket is warm "
    "without weight, and softens with every wash. Each one takes a weaver two days.</p>"
    "<p>Size 140 by 200 cm. Dry clean or hand wash cold, and dry it flat.</p>";

TEST(RelatedSectionsTest, HeadingsMatchLoosely) {
  EXPECT_TRUE(IsRelatedHeading(testing::EnglishPhrases(), "You may also like"));
  EXPECT_TRUE(IsRelatedHeading(testing::EnglishPhrases(), "  YOU MAY ALSO LIKE: "));
  EXPECT_TRUE(IsRelatedHeading(testing::EnglishPhrases(), "Customers who viewed this item\n also viewed"));
  EXPECT_TRUE(IsRelatedHeading(testing::EnglishPhrases(), "Recently viewed…"));
  EXPECT_FALSE(IsRelatedHeading(testing::EnglishPhrases(), "Why you may also like wool"));
  EXPECT_FALSE(IsRelatedHeading(testing::EnglishPhrases(), "Description"));
  // The fixed phrase may be extended, at a word boundary only.
  EXPECT_TRUE(IsRelatedHeading(testing::EnglishPhrases(), "Related items to explore"));
  EXPECT_TRUE(IsRelatedHeading(testing::EnglishPhrases(), "Similar products from other brands"));
  EXPECT_FALSE(IsRelatedHeading(testing::EnglishPhrases(), "Related itemset mining"));
  EXPECT_TRUE(IsRelatedHeading(testing::EnglishPhrases(), "More items to explore"));
}

TEST(RelatedSectionsTest, AServicePagesRelatedLinksGo) {
  // A guidance page or a news brief too short to read as an article ends in
  // a list of other pages under "Related articles", "Related stories:",
  // "Weiterführende Informationen" or "Et aussi"; the titles are sentences,
  // not menu words.
  for (const auto& [lang, heading, link] : std::vector<std::array<std::string, 3>>{
           {"en", "Related articles", "How to apply for a visitor parking permit for your guests"},
           {"en", "Related stories:", "Flash flood sweeps through homes as villagers flee"},
           {"de", "Weiterführende Informationen", "Abmeldung einer Wohnung beim Bürgeramt"},
           {"fr", "Et aussi", "Carte d'identité d'un mineur : première demande"}}) {
    const std::string t = ExtractMainContent(
        "<html lang='" + lang + "'><body><div class='x1'><h1>Parking permits</h1><p>You can apply for a resident parking permit "
        "if you live in a controlled parking zone and your vehicle is registered there.</p><p>You "
        "will need your vehicle registration number and proof of address from the last three "
        "months.</p><h2>" + heading + "</h2><ul><li><a href='/1'>" + link + "</a></li><li><a "
        "href='/2'>Blue Badge parking for disabled drivers and passengers</a></li></ul></div>"
        "</body></html>", "", ExtractOptions{}).text;
    EXPECT_TRUE(Has(t, "proof of address")) << lang << "\n" << t;
    EXPECT_FALSE(Has(t, link)) << lang << "\n" << t;
  }
}

TEST(RelatedSectionsTest, WrappedBoxGoes) {
  const std::string t = Extract("<main>" + std::string(kProduct) +
                                "<div class='block'><div><h2>You may also like</h2></div>" +
                                Cards("Throw") + "</div></main>");
  EXPECT_TRUE(Has(t, "softens with every wash"));
  EXPECT_TRUE(Has(t, "dry it flat"));
  EXPECT_FALSE(Has(t, "Throw model"));
  EXPECT_FALSE(Has(t, "also like"));
}

TEST(RelatedSectionsTest, UnwrappedBoxGoesUpToTheNextHeading) {
  const std::string t = Extract("<div>" + std::string(kProduct) +
                                "<h3>Customers also viewed</h3>" + Cards("Pillow") +
                                "<h3>Care</h3><p>Air it outside on a dry day, away from "
                                "direct sun, and brush it gently.</p></div>");
  EXPECT_TRUE(Has(t, "softens with every wash"));
  EXPECT_FALSE(Has(t, "Pillow model"));
  EXPECT_TRUE(Has(t, "brush it gently"));
}

// Paragraphs of prose long enough to read as an article's, each
// `sentences` and then "<label> <i>.", numbered from `from`.
std::string Paragraphs(const std::string& sentences, const std::string& label, int from,
                       int count) {
  std::string out;
  for (int i = from; i < from + count; ++i) {
    out += "<p>" + sentences + " " + label + " " + std::to_string(i) + ".</p>";
  }
  return out;
}

std::string FrenchParagraphs(int from, int count) {
  return Paragraphs(
      "La commune a décidé mardi de rénover le vieux pont sur la rivière au printemps "
      "prochain. Le maire a indiqué que les travaux dureraient environ six mois, et que les "
      "habitants devraient emprunter des déviations pendant cette période.",
      "Paragraphe", from, count);
}

std::string WoolParagraphs(int from, int count) {
  return Paragraphs(
      "Wool keeps its warmth when damp and lasts for decades if it is washed cold, dried flat "
      "and kept away from moths, which look for the dark corners of a wardrobe and the smell "
      "of skin on an unwashed jumper. A blanket aired on a dry day and folded with a cedar "
      "block needs little else.",
      "Paragraph", from, count);
}

TEST(RelatedSectionsTest, UnwrappedBoxEndsWhereTheArticleGoesOn) {
  // A "Lire aussi" heading and its link between an article's paragraphs,
  // with nothing around the two: the paragraphs after them are the article.
  const std::string html = "<html lang='fr'><body><article><h1>Le vieux pont</h1>" +
                           FrenchParagraphs(0, 2) +
                           "<h3>Lire aussi</h3><p><a href='/x'>Une nouvelle piste cyclable au "
                           "bord de la rivière</a></p>" +
                           FrenchParagraphs(2, 3) + "</article></body></html>";
  const std::string t = ExtractMainContent(html, "", ExtractOptions{}).text;
  EXPECT_TRUE(Has(t, "Paragraphe 1.")) << t;
  EXPECT_FALSE(Has(t, "piste cyclable")) << t;
  EXPECT_TRUE(Has(t, "Paragraphe 2.")) << t;
  EXPECT_TRUE(Has(t, "Paragraphe 4.")) << t;
  // A subheading that reads like a box's ("more from" opens the headings of
  // boxes of other stories) over the article's own paragraphs.
  const std::string u = Extract("<article><h1>Caring for wool</h1>" + WoolParagraphs(0, 2) +
                                "<h2>More from the study</h2>" + WoolParagraphs(2, 2) +
                                "</article>");
  EXPECT_TRUE(Has(u, "Paragraph 2.")) << u;
  EXPECT_TRUE(Has(u, "Paragraph 3.")) << u;
}

TEST(RelatedSectionsTest, UnwrappedBoxWithAnExcerptUnderEachLinkGoes) {
  // A box's own prose comes one paragraph at a time: an excerpt under each
  // link, up to the next heading.
  std::string box = "<h3>Related posts</h3>";
  for (int i = 0; i < 3; ++i) {
    box += "<p><a href='/r" + std::to_string(i) + "'>Winter care for wool, part " +
           std::to_string(i) + "</a></p><p>Moths, damp and the dryer are what wool fears "
           "most, and each of them ruins a blanket in its own way. Here is how to keep one "
           "for decades, with a cedar block in the cupboard, a cold wash by hand, a flat "
           "towel on the floor and a dry day outside, excerpt " +
           std::to_string(i) + ".</p>";
  }
  const std::string t =
      Extract("<article><h1>Caring for wool</h1>" + WoolParagraphs(0, 4) + box +
              "<h3>Notes</h3>" + WoolParagraphs(4, 1) + "</article>");
  EXPECT_TRUE(Has(t, "Paragraph 3.")) << t;
  EXPECT_FALSE(Has(t, "excerpt 0")) << t;
  EXPECT_FALSE(Has(t, "excerpt 2")) << t;
  EXPECT_TRUE(Has(t, "Paragraph 4.")) << t;
}

// The text of `body` on a page that declares the language `lang`.
std::string ExtractIn(const std::string& lang, const std::string& body) {
  return ExtractMainContent("<html lang='" + lang + "'><body>" + body + "</body></html>", "",
                            ExtractOptions{}).text;
}

TEST(RelatedSectionsTest, UnwrappedBoxEndsWhereShortParagraphsGoOn) {
  // A news story's paragraphs are a sentence or two, shorter than a prose
  // block: after the box's links, two of them in a row are the article
  // going on.
  const std::string t = ExtractIn(
      "de", "<article><div><h1>Stadtrat beschließt neue Parkgebühren</h1><p>Parken in der "
      "Innenstadt wird teurer. Der Gemeinderat hat am Donnerstagabend die Gebühren ab Juli "
      "angehoben.</p><p><strong>Mehr zum Thema:</strong></p><ul><li><a href='/a/1'>Händler "
      "fürchten um ihre Kundschaft</a></li><li><a href='/a/2'>So viel kostet Parken in "
      "anderen Städten</a></li></ul><p>Die Verwaltung begründet die Erhöhung mit gestiegenen "
      "Kosten für den Unterhalt der Automaten und mit dem Ziel, den Verkehr zu senken.</p><p>Die "
      "neuen Gebühren gelten zunächst für zwei Jahre, danach prüft der Rat, ob sich die Lage "
      "gebessert hat.</p><p>Für Anwohner mit Parkausweis ändert sich nichts, und auch die "
      "Brötchentaste bleibt.</p></div></article>");
  EXPECT_FALSE(Has(t, "fürchten um ihre Kundschaft")) << t;
  EXPECT_TRUE(Has(t, "Die Verwaltung begründet")) << t;
  EXPECT_TRUE(Has(t, "Brötchentaste bleibt")) << t;
}

TEST(RelatedSectionsTest, ALabelWithItsLinkInOneLineIsTheWholeBox) {
  // "Te puede interesar: <a>…</a>" in the middle of an interview whose
  // questions are short: the line names its one link, and the answers after
  // it (one with a link of its own) are the interview going on.
  const std::string t = ExtractIn(
      "es", "<div><p>Ansó tiene 380 habitantes empadronados, aunque en invierno apenas quedan "
      "250 en el pueblo y la farmacia más cercana está a media hora.</p><p>—¿Qué les han "
      "comunicado?</p><p>—Que a partir de enero el médico vendrá los martes y los jueves, en "
      "lugar de todos los días laborables como hasta ahora.</p><p>Te puede interesar: <a "
      "href='/a/1'>El Salud reduce la atención en doce consultorios del Pirineo</a></p><p>—¿Qué "
      "consecuencias prevé?</p><p>—Que las personas mayores tendrán que bajar a Jaca para "
      "cualquier cosa. Llevamos diez años intentando atraer población con la <a "
      "href='/a/2'>apertura de un espacio de coworking</a>, y esto lo tira todo por "
      "tierra.</p><p>—¿Han hablado con otros municipios?</p><p>—Sí, con Hecho y con Canfranc. "
      "Estamos preparando un escrito conjunto y no descartamos movilizaciones.</p></div>");
  EXPECT_FALSE(Has(t, "doce consultorios")) << t;
  EXPECT_TRUE(Has(t, "Qué consecuencias")) << t;
  EXPECT_TRUE(Has(t, "espacio de coworking")) << t;
  EXPECT_TRUE(Has(t, "escrito conjunto")) << t;
}

TEST(RelatedSectionsTest, AHeadingWrappedAloneTakesTheLinksAfterItsWrapper) {
  // Each block of the article in a <div> of its own: the box's heading and
  // its list are in two wrappers side by side, and both go.
  std::string body = "<article><h1>Temporal causa alagamentos</h1>";
  const std::string paragraph =
      "<div class='c'><p>Um temporal atingiu a região metropolitana na noite desta quinta-feira "
      "e deixou cerca de cento e vinte mil imóveis sem energia elétrica, segundo as "
      "concessionárias, enquanto a Defesa Civil registrava ventos fortes em várias cidades.</p>"
      "</div>";
  body += paragraph + paragraph +
          "<div class='c'><p><strong>Leia também</strong></p></div><div class='l'><ul><li><a "
          "href='/a'>Previsão do tempo: frente fria traz chuva ao estado</a></li><li><a "
          "href='/b'>Famílias ainda vivem em abrigos</a></li></ul></div>" +
          paragraph + paragraph + "</article>";
  const std::string t = ExtractIn("pt", body);
  EXPECT_FALSE(Has(t, "Leia também")) << t;
  EXPECT_FALSE(Has(t, "frente fria")) << t;
  EXPECT_TRUE(Has(t, "Um temporal atingiu")) << t;
}

TEST(RelatedSectionsTest, AnUnwrappedSectionWithoutLinksIsTheArticles) {
  // Headings that read like a box's over text that links nowhere: the
  // reactions to a bill (a paragraph, a quote, a paragraph) in the middle,
  // the other items of a council meeting at the end.
  const std::string dutch = ExtractIn(
      "nl", "<article><h1>Kabinet wil huurverhoging beperken</h1>" + WoolParagraphs(0, 2) +
      "<h2>Reacties</h2><p>In de Tweede Kamer lijkt het voorstel op een meerderheid te kunnen "
      "rekenen.</p><blockquote>Huurders zijn jarenlang de klos geweest, zegt de Woonbond."
      "</blockquote><p>De verhuurders willen eerst de cijfers zien.</p>"
      "<h2>Wanneer gaat het in?</h2>" + WoolParagraphs(2, 1) + "</article>");
  EXPECT_TRUE(Has(dutch, "Reacties")) << dutch;
  EXPECT_TRUE(Has(dutch, "op een meerderheid te kunnen rekenen")) << dutch;
  EXPECT_TRUE(Has(dutch, "de klos geweest")) << dutch;
  const std::string german = ExtractIn(
      "de", "<article><h1>Freibad bleibt offen</h1>" + WoolParagraphs(0, 3) +
      "<h2>Weitere Themen der Sitzung</h2><p>Kindergarten: Der Anbau wird teurer als geplant.</p>"
      "<p>Feuerwehr: Die Abteilung erhält ein neues Löschfahrzeug.</p></article>");
  EXPECT_TRUE(Has(german, "Der Anbau wird teurer")) << german;
  EXPECT_TRUE(Has(german, "neues Löschfahrzeug")) << german;
  // One paragraph at the end is the post's author box, and a run with a
  // link is a box of other stories.
  const std::string bio = Extract(
      "<article><h1>Caring for wool</h1>" + WoolParagraphs(0, 3) +
      "<h3>About the author</h3><p>Jane Roe writes about textiles and has knitted for forty "
      "years.</p></article>");
  EXPECT_FALSE(Has(bio, "knitted for forty")) << bio;
  const std::string box = Extract(
      "<article><h1>Caring for wool</h1>" + WoolParagraphs(0, 2) +
      "<h3>Related stories</h3><p>Moths are back in the city's wardrobes.</p>"
      "<p><a href='/x'>Why linen is cool in summer</a></p>" + "<h2>Drying</h2>" +
      WoolParagraphs(2, 1) + "</article>");
  EXPECT_FALSE(Has(box, "Why linen")) << box;
  EXPECT_TRUE(Has(box, "Paragraph 2.")) << box;
}

TEST(RelatedSectionsTest, ABoxHeadedByASpanGoes) {
  // "Leia também" written as a span over its list, between paragraphs.
  const std::string t = ExtractIn(
      "pt", "<article><h1>Ibovespa sobe 1,8%</h1>" + WoolParagraphs(0, 2) +
      "<div class='c-read-more'><span>Leia também</span><ul>"
      "<li><a href='/a'>Copom deve manter ritmo de cortes na Selic, avaliam economistas</a></li>"
      "<li><a href='/b'>Dólar cai pelo terceiro pregão seguido</a></li></ul></div>" +
      WoolParagraphs(2, 2) + "</article>");
  EXPECT_FALSE(Has(t, "Copom deve manter")) << t;
  EXPECT_FALSE(Has(t, "Leia também")) << t;
  EXPECT_TRUE(Has(t, "Paragraph 3.")) << t;
}

TEST(RelatedSectionsTest, ABoxBetweenParagraphsEndsAtTheNextParagraph) {
  // "Leggi anche:" and its list between two paragraphs of a story, then one
  // paragraph before the story's next heading: that paragraph is the
  // story's, though no second one follows it.
  const std::string t = ExtractIn(
      "it", "<article><h1>La nuova linea M4</h1>" + WoolParagraphs(0, 2) +
      "<p><strong>Leggi anche:</strong></p><ul><li><a href='/a'>Atm, dal 2026 il biglietto "
      "sale a 2,50 euro: cosa cambia</a></li><li><a href='/b'>M4, i ritardi e i costi: la storia "
      "di un cantiere infinito</a></li></ul><p>Per i residenti dei quartieri Lorenteggio e "
      "Giambellino, finora tra i meno serviti dal trasporto pubblico, il cambiamento sarà "
      "radicale.</p><h2>Le nuove fermate</h2>" + WoolParagraphs(2, 1) + "</article>");
  EXPECT_FALSE(Has(t, "Leggi anche")) << t;
  EXPECT_FALSE(Has(t, "cantiere infinito")) << t;
  EXPECT_TRUE(Has(t, "Per i residenti")) << t;
  EXPECT_TRUE(Has(t, "Le nuove fermate")) << t;
}

TEST(RelatedSectionsTest, SimilarTopicsUnderAThreadGo) {
  // A forum's list of similar topics under the posts, its title in the
  // header row of a table of topics (counts of replies and views, the last
  // post's author and date).
  std::string posts;
  for (int i = 0; i < 2; ++i) {
    posts += "<div class='x1'><div class='x2'>Beitrag " + std::to_string(i) + ": Der Heizkörper "
             "wird unten warm und oben nicht, das ist fast immer Luft oder Schlamm. Erst die "
             "Pumpe abschalten, eine halbe Stunde warten, dann entlüften.</div></div>";
  }
  const std::string t = ExtractIn(
      "de", "<div class='x0'>" + posts + "<div class='x3'><ul><li><dl><dt><div>Ähnliche Themen"
      "</div></dt><dd>Antworten</dd><dd>Zugriffe</dd></dl></li></ul><ul><li><dl><dt><a "
      "href='/t1'>Heizkörper gluckert nach dem Entlüften</a><br><div>von <a href='/u1'>sanimaus"
      "</a> » Sa 4. Nov 2023</div></dt><dd>4</dd><dd>812</dd></dl></li><li><dl><dt><a "
      "href='/t2'>Hydraulischer Abgleich im Altbau</a><br><div>von <a href='/u2'>Lotte</a> » "
      "Mi 13. Sep 2023</div></dt><dd>17</dd><dd>3044</dd></dl></li></ul></div></div>");
  EXPECT_TRUE(Has(t, "Beitrag 1: Der Heizkörper")) << t;
  EXPECT_FALSE(Has(t, "Zugriffe")) << t;
  EXPECT_FALSE(Has(t, "gluckert")) << t;
  EXPECT_FALSE(Has(t, "3044")) << t;
  // A Q&A site's line under the answers, a heading that links to others.
  const std::string qa = Extract(
      "<div class='x0'>" + posts + "<h2 class='x4'>Not the answer you're looking for? Browse "
      "other questions tagged <a href='/t/git'>git</a> or <a href='/ask'>ask your own "
      "question</a>.</h2></div>");
  EXPECT_TRUE(Has(qa, "Beitrag 1: Der Heizkörper")) << qa;
  EXPECT_FALSE(Has(qa, "Browse other questions")) << qa;
  // Between two answers of a Japanese Q&A site, a box of other questions.
  const std::string answer =
      "<div class='x1'><p>九九は毎日少しずつ声に出して覚えるのが一番です。お風呂の時間に一緒に"
      "唱えると、無理なく身につきますよ。</p></div>";
  const std::string ja = ExtractIn(
      "ja", "<div class='x0'>" + answer + "<div class='x5'><p>あわせてチェック</p><ul><li><a "
      "href='/q/1'>小3の娘が九九をなかなか覚えられません</a></li><li><a href='/q/2'>中学受験を"
      "しない子に塾は必要ですか？</a></li></ul></div>" + answer + "</div>");
  EXPECT_TRUE(Has(ja, "お風呂の時間")) << ja;
  EXPECT_FALSE(Has(ja, "塾は必要")) << ja;
}

TEST(RelatedSectionsTest, ReadAlsoBoxesInIndonesianVietnameseAndHungarianGo) {
  // A box of other stories between paragraphs under a heading without a
  // colon: "Baca Juga" (Indonesian), "Xem thêm" (Vietnamese), "Olvasson
  // tovább!" (Hungarian).
  const std::string id_text =
      "<p>Harga beras medium di sejumlah pasar tradisional kembali naik pekan ini, menurut data "
      "panel harga yang dirilis pemerintah pada Senin pagi.</p>";
  const std::string id = ExtractIn(
      "id", "<div class='x0'>" + id_text + "<div class='x1'><div class='x2'>Baca Juga</div><ul>"
      "<li><a href='/a/1'>Bulog Pastikan Stok Beras Aman hingga Lebaran</a></li><li><a "
      "href='/a/2'>Antrean Beli Beras Murah di Pasar Cipinang Mengular</a></li></ul></div>" +
      id_text + "</div>");
  EXPECT_TRUE(Has(id, "panel harga")) << id;
  EXPECT_FALSE(Has(id, "Stok Beras Aman")) << id;
  const std::string vi_text =
      "<p>Theo dự thảo, từ năm 2026 thành phố sẽ phân vùng hạn chế xe máy, trước mắt là khu "
      "vực bên trong đường vành đai 1 của thủ đô.</p>";
  const std::string vi = ExtractIn(
      "vi", "<div class='x0'>" + vi_text + "<div class='x1'><h3>Xem thêm</h3><ul><li><a "
      "href='/b/1'>Metro Nhổn - ga Hà Nội sắp chạy thử toàn tuyến trên cao</a></li><li><a "
      "href='/b/2'>Hà Nội lắp camera phạt nguội trên các tuyến phố</a></li></ul></div>" +
      vi_text + "</div>");
  // Hungarian: "Olvasson tovább!" over one linked story, between paragraphs.
  const std::string hu_text =
      "<p>A lakásbérleti díjak az elmúlt negyedévben tovább emelkedtek a fővárosban, derül ki a "
      "legfrissebb adatokból, amelyeket hétfőn tettek közzé.</p>";
  const std::string hu = ExtractIn(
      "hu", "<div class='x0'>" + hu_text + "<div class='x1'><div class='x2'>Olvasson tovább!"
      "</div><a href='/gazdasag/lakashitel'><span>Csökkennek a lakáshitelkamatok, de ez még nem "
      "hozza vissza a vevőket</span></a></div>" + hu_text + "</div>");
  EXPECT_TRUE(Has(hu, "legfrissebb adatokból")) << hu;
  EXPECT_FALSE(Has(hu, "lakáshitelkamatok")) << hu;
  EXPECT_TRUE(Has(vi, "vành đai 1")) << vi;
  EXPECT_FALSE(Has(vi, "Metro Nhổn")) << vi;
  EXPECT_FALSE(Has(vi, "camera phạt nguội")) << vi;
}

TEST(RelatedSectionsTest, ABoxWrittenAsLinesGoes) {
  // A blog's related posts as lines of one paragraph, between <br>s, under
  // a bold label; a paragraph whose first line is a bold label and whose
  // other lines are prose stays.
  const std::string t = ExtractIn(
      "de", "<article><h1>Tomaten ausgeizen</h1>" + WoolParagraphs(0, 2) +
      "<p><strong>Weitere Artikel zum Thema:</strong><br><a href='/a'>Tomaten richtig "
      "vorziehen</a><br><a href='/b'>Tomaten düngen mit Brennnesseljauche</a><br>"
      "<a href='/c'>Kraut- und Braunfäule erkennen</a></p>" + WoolParagraphs(2, 2) +
      "<p><strong>Weitere Artikel</strong><br>Im Herbst folgen hier Beiträge über das "
      "Einlagern der Ernte und das Sammeln von Saatgut, mit vielen Bildern.</p></article>");
  EXPECT_FALSE(Has(t, "Brennnesseljauche")) << t;
  EXPECT_TRUE(Has(t, "Paragraph 3.")) << t;
  EXPECT_TRUE(Has(t, "Sammeln von Saatgut")) << t;
}

TEST(RelatedSectionsTest, BoxHoldingTheProductStays) {
  // A page whose only heading reads like a box title but which holds the
  // product's <h1> is the product.
  const std::string t = Extract("<div><h2>Recommended for you</h2>" + std::string(kProduct) +
                                "</div>");
  EXPECT_TRUE(Has(t, "softens with every wash"));
}

TEST(RelatedSectionsTest, BoxAtTheTopOfTheArticlesWrapperTakesOnlyItsLinks) {
  // A news site puts its box of topic links ("Mehr zum Thema") first in the
  // wrapper of the article's paragraphs, so nothing has text before the
  // heading up to that wrapper. The box goes; the paragraphs beside it stay.
  const std::string html =
      "<html lang='de'><body><h1>Strompreis: weiter keine Entscheidung</h1>"
      "<div class='inhalt'><div class='box'><div class='titel'>Mehr zum Thema:</div>"
      "<div class='links'><a href='/t/1'>Industrie</a> <a href='/t/2'>Deutschland</a> "
      "<a href='/t/3'>Energie</a></div></div>"
      "<p>Der Minister dringt auf eine schnelle Entscheidung der Regierung über einen "
      "günstigeren Strompreis für die Industrie. Die Hängepartie sei schlecht für die "
      "Unternehmen, sagte er am Dienstag auf einer Konferenz der Industrie in Berlin. "
      "Vielleicht brächten die Beratungen über den Haushalt des kommenden Jahres eine gewisse "
      "Klarheit, versprechen könne er das aber nicht.</p>"
      "<p>Gewerkschaften und Verbände fordern seit Monaten Klarheit. Ein solcher Preis ist "
      "in der Regierung allerdings umstritten, und die Beratungen über den Haushalt dauern "
      "noch an, wie aus Kreisen der Koalition zu hören war. Die Wirtschaft warnt seit dem "
      "Frühjahr vor Abwanderung, falls die Preise für Strom im internationalen Vergleich so "
      "hoch bleiben wie heute.</p></div>"
      "<div class='weitere'><h2>Weitere Artikel</h2>" + Cards("Bericht") + "</div>"
      "</body></html>";
  const std::string t = ExtractMainContent(html, "", ExtractOptions{}).text;
  EXPECT_TRUE(Has(t, "Hängepartie sei schlecht")) << t;
  EXPECT_TRUE(Has(t, "wie aus Kreisen der Koalition")) << t;
  EXPECT_FALSE(Has(t, "Mehr zum Thema")) << t;
}

TEST(RelatedSectionsTest, OffSwitch) {
  ExtractOptions o;
  o.drop_related_sections = false;
  const std::string html = "<html><body><main>" + std::string(kProduct) +
                           "<section><h2>Related products</h2>" + Cards("Scarf") +
                           "</section></main></body></html>";
  EXPECT_TRUE(Has(ExtractMainContent(html, "", o).text, "Scarf model"));
  o.drop_related_sections = true;
  EXPECT_FALSE(Has(ExtractMainContent(html, "", o).text, "Scarf model"));
}

}  // namespace
}  // namespace corpus

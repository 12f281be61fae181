// Link lists and short notes after an article's last paragraph, in any
// language, go; lists of in-page references, links inside the text, a
// closing sentence and a line that introduces a list stay.
#include "corpus/extract/trailing_links.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::ExtractBody;
using testing::Has;

std::string Prose(int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += "<p>Paragraph " + std::to_string(i) +
           " of the report tells, with names, places and dates, how the flood came down the "
           "valley in the night, which villages lost their bridges, and how long the roads "
           "will stay closed while the engineers check every span that is left.</p>";
  }
  return out;
}

// A news story told in short paragraphs, a sentence or two each (under
// the 200 bytes of a prose block), as many news sites write.
std::string ShortParagraphs(int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += "<div class='text-block'><p>Short paragraph " + std::to_string(i) +
           " says that the waiting list for hospital treatment fell again in October, "
           "officials said on Thursday.</p></div>";
  }
  return out;
}

// Paragraphs of prose as the article test counts it (200 bytes of text
// outside links in one block), in German.
std::string GermanProse(int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += "<p>Absatz " + std::to_string(i) +
           " des Berichts erzählt mit Namen, Orten und Daten, wie das Hochwasser in der Nacht "
           "durch das Tal kam, welche Dörfer ihre Brücken verloren haben und wie lange die "
           "Straßen gesperrt bleiben, während die Ingenieure jede verbliebene Brücke prüfen.</p>";
  }
  return out;
}

TEST(TrailingLinksTest, AnUnheadedStoryListAfterTheArticleGoes) {
  // No heading names the list, and its words are in no phrase file.
  const std::string t = ExtractBody(
      "<article><h1>The flood</h1>" + Prose(4) +
      "<div><ul><li><a href='/a'>Yeni köprü açıldı</a></li><li><a href='/b'>Yollar "
      "kapandı</a></li><li><a href='/c'>Valilik açıklama yaptı</a></li></ul></div></article>");
  EXPECT_TRUE(Has(t, "Paragraph 3 of the report")) << t;
  EXPECT_FALSE(Has(t, "Yeni köprü")) << t;
}

// On a product's page the list after the description is the product's:
// its features, each linked to a page that explains it. The same list
// after an article goes.
TEST(TrailingLinksTest, AProductsLinkedFeaturesAfterItsDescriptionStay) {
  const std::string features =
      "<ul><li><a href='/t/1'>Großmembran-Kondensatorkapsel mit vergoldeter Membran</a></li>"
      "<li><a href='/t/2'>Nierencharakteristik für Gesang und Sprache</a></li><li><a "
      "href='/t/3'>Eigenrauschen von nur 4 dB(A) bei 48 kHz</a></li></ul>";
  const std::string body = "<main><h1>Studiomikrofon NT-5</h1>" + GermanProse(3) + features +
                           "</main>";
  const std::string product = ExtractMainContent(
      "<html lang='de'><head><meta property='og:type' content='product'></head><body>" + body +
          "</body></html>",
      "", {}).text;
  EXPECT_TRUE(Has(product, "Absatz 2 des Berichts")) << product;
  EXPECT_TRUE(Has(product, "Nierencharakteristik")) << product;
  const std::string article =
      ExtractMainContent("<html lang='de'><body>" + body + "</body></html>", "", {}).text;
  EXPECT_TRUE(Has(article, "Absatz 2 des Berichts")) << article;
  EXPECT_FALSE(Has(article, "Nierencharakteristik")) << article;
}

// A page that shows code (a manual's, a tutorial's) ends in the list of
// the pages it builds on: that list is its text. Without the listing, the
// same list after the same prose goes.
TEST(TrailingLinksTest, AManualsClosingLinksStay) {
  const std::string see_also =
      "<ul><li><a href='/docs/config'>設定ファイルの書き方</a></li><li><a href='/docs/cli'>"
      "コマンドラインの使い方</a></li><li><a href='/docs/api'>APIリファレンス</a></li></ul>";
  const std::string listing =
      "<pre><code>corpus extract --in pages/ --out docs/ --threads 2</code></pre>";
  const std::string manual = ExtractMainContent(
      "<html lang='ja'><body><article><h1>抽出</h1>" + GermanProse(3) + listing + see_also +
          "</article></body></html>",
      "", {}).text;
  EXPECT_TRUE(Has(manual, "--threads 2")) << manual;
  EXPECT_TRUE(Has(manual, "コマンドラインの使い方")) << manual;
  const std::string story = ExtractMainContent(
      "<html lang='ja'><body><article><h1>抽出</h1>" + GermanProse(3) + see_also +
          "</article></body></html>",
      "", {}).text;
  EXPECT_FALSE(Has(story, "コマンドラインの使い方")) << story;
}

TEST(TrailingLinksTest, LinksInsideAndBeforeTheTextStay) {
  const std::string t = ExtractBody(
      "<article><h1>The flood</h1><p><a href='/map'>Map of the valley</a></p>" + Prose(3) +
      "<p>See the <a href='/gauges'>river gauges</a> for the levels, measured every hour along "
      "the river by the water authority and published for the public without delay, since "
      "the morning after the storm, when the first readings came in.</p>" +
      "<ol><li><a href='#fn1'>Water authority, daily report</a></li></ol></article>");
  EXPECT_TRUE(Has(t, "river gauges")) << t;
  EXPECT_TRUE(Has(t, "Water authority, daily report")) << t;
}

TEST(TrailingLinksTest, NotesAfterAGermanArticleGo) {
  // A contact block and an agency line in a box of their own after the
  // text: short lines, no sentence end, nothing else after the paragraphs.
  const std::string t = ExtractBody(
      "<article><h1>Das Hochwasser</h1>" + GermanProse(4) +
      "<div class='kontakt'><div>Kontakt:</div><div>Jan Koch</div>"
      "<div>Telefon +49 (0)40 / 49 07 11 06</div></div><p>aja/PAP</p></article>");
  EXPECT_TRUE(Has(t, "Absatz 3 des Berichts")) << t;
  EXPECT_FALSE(Has(t, "Kontakt:")) << t;
  EXPECT_FALSE(Has(t, "Jan Koch")) << t;
  EXPECT_FALSE(Has(t, "Telefon")) << t;
  EXPECT_FALSE(Has(t, "aja/PAP")) << t;
}

TEST(TrailingLinksTest, ShortLinesUnderAHeadingOfTheirOwnStay) {
  // A practical box after the text: what, when, where, the price, under a
  // heading; two lines under one are still notes.
  const std::string t = ExtractBody(
      "<article><h1>Das Hochwasser</h1>" + GermanProse(4) +
      "<h3>Service</h3><p>Vortrag zum Hochwasserschutz</p><p>Termin: 22. Mai, 14 Uhr</p>"
      "<p>Ort: Rathaus, großer Saal</p><p>Eintritt frei</p></article>");
  for (const char* line : {"Termin: 22. Mai, 14 Uhr", "Ort: Rathaus", "Eintritt frei"}) {
    EXPECT_TRUE(Has(t, line)) << line << "\n" << t;
  }
  const std::string two = ExtractBody("<article><h1>Das Hochwasser</h1>" + GermanProse(4) +
                                      "<h3>Quelle</h3><p>dpa</p><p>aja/PAP</p></article>");
  EXPECT_FALSE(Has(two, "aja/PAP")) << two;
}

TEST(TrailingLinksTest, ASourceLineAfterAChineseArticleGoes) {
  std::string prose;
  for (int i = 0; i < 4; ++i) {
    prose += "<p>第" + std::to_string(i) +
             "段：今年春天，河谷里的村庄经历了一场罕见的洪水，许多桥梁被冲毁，道路长时间"
             "无法通行，工程师们正在逐一检查剩下的每一座桥，居民们也在帮助清理街道和房屋，"
             "学校和医院已经恢复正常，政府承诺在秋天之前重建所有被毁的桥梁。</p>";
  }
  const std::string t = ExtractBody("<article><h1>洪水过后</h1>" + prose +
                                    "<div class='src'><p>来源：新华社</p></div></article>");
  EXPECT_TRUE(Has(t, "第3段")) << t;
  EXPECT_FALSE(Has(t, "来源")) << t;
  // Every paragraph a <section>, as some editors write them.
  std::string sections;
  for (int i = 0; i < 4; ++i) {
    sections += "<section><span>第" + std::to_string(i) +
                "节：在县城的七天里，他每天早上去菜市场买菜，和摊主聊天；中午在老街上的小馆子"
                "吃一碗拌面；下午骑着共享单车沿着溪边随便逛，晚上就在民宿的院子里看书。</span>"
                "</section>";
  }
  const std::string w = ExtractBody(
      "<div class='x1'><h1>反向旅游</h1><div class='x2'>" + sections +
      "<section><span>- END -</span></section><section><span>图片来源于网络，如有侵权请联系删除"
      "</span></section><section><span>点个“在看”，分享给想去旅行的朋友吧</span></section>"
      "</div></div>");
  EXPECT_TRUE(Has(w, "第3节")) << w;
  EXPECT_FALSE(Has(w, "END")) << w;
  EXPECT_FALSE(Has(w, "如有侵权")) << w;
  EXPECT_FALSE(Has(w, "分享给")) << w;
}

TEST(TrailingLinksTest, ShortLinesThatBelongToTheTextStay) {
  // The rule alone: the learned block model, on by default, judges such
  // lines on its own (a label left without its list may go there).
  ExtractOptions rules_only;
  rules_only.block_model = false;
  // A closing sentence.
  std::string t = ExtractBody("<article><h1>Das Hochwasser</h1>" + GermanProse(3) +
                              "<div><p>Die Straßen sind ab Montag wieder offen.</p></div></article>",
                              rules_only);
  EXPECT_TRUE(Has(t, "Die Straßen sind ab Montag wieder offen.")) << t;
  // A Japanese line that introduces a list (the list of links goes).
  t = ExtractBody("<article><h1>洪水</h1>" + GermanProse(3) +
                  "<div><p>資料：</p></div><ul><li><a href='/a'>河川の情報を見る</a></li>"
                  "<li><a href='/b'>道路の情報を見る</a></li></ul></article>",
                  rules_only);
  EXPECT_TRUE(Has(t, "資料：")) << t;
  EXPECT_FALSE(Has(t, "河川の情報")) << t;
  // A line longer than a note.
  t = ExtractBody("<article><h1>Das Hochwasser</h1>" + GermanProse(3) +
                  "<div><p>Mit Dank an die Freiwilligen des Tals, die Feuerwehr und die Ingenieure "
                  "des Landkreises</p></div></article>",
                  rules_only);
  EXPECT_TRUE(Has(t, "Mit Dank an die Freiwilligen")) << t;
}

TEST(TrailingLinksTest, NotesBesideOtherTextAfterTheArticleStay) {
  // Cards with a title and a blurb after the text: the titles are short
  // lines without a full stop, but the blurbs are text, so all stay.
  const std::string t = ExtractBody(
      "<article><h1>Unsere Leistungen</h1>" + GermanProse(3) +
      "<div><div>Hochwassergutachten</div><div>Wir zeigen Feld für Feld, wo das Wasser "
      "durch Ihr Land fließt, bevor das nächste Unwetter kommt</div></div><p>aja/PAP</p></article>");
  EXPECT_TRUE(Has(t, "Hochwassergutachten")) << t;
  EXPECT_TRUE(Has(t, "aja/PAP")) << t;
}

TEST(TrailingLinksTest, AStoryInShortParagraphsLosesItsTrailingLinks) {
  // No paragraph reaches the length of a prose block; the story is still an
  // article, and the list of other stories after it goes.
  const std::string t = ExtractBody(
      "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
      "<h1>Waiting list falls for a fifth month</h1>" + ShortParagraphs(8) +
      "<div class='links-block'><h2>More on this story</h2><ul>"
      "<li><a href='/news/1'>Hospital to be abolished, minister announces</a><span>13 March</span></li>"
      "<li><a href='/news/2'>How long are waiting lists where you live?</a><span>12 September</span>"
      "</li></ul></div></article>");
  EXPECT_TRUE(Has(t, "Short paragraph 0 says")) << t;
  EXPECT_TRUE(Has(t, "Short paragraph 7 says")) << t;
  EXPECT_FALSE(Has(t, "minister announces")) << t;
  EXPECT_FALSE(Has(t, "where you live")) << t;
}

// A body written as lines between <br>s, in Spanish, as table-layout sites
// and classic blogs write it: the text of one element, with no <p>.
std::string SpanishLines(int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += "Párrafo " + std::to_string(i) +
           " del informe cuenta, con nombres, lugares y fechas, cómo bajó la crecida por el "
           "valle durante la noche y qué pueblos perdieron sus puentes.<br><br>";
  }
  return out;
}

TEST(TrailingLinksTest, ABoxOfLinksInsideTheCellOfABodyInLinesGoes) {
  // The body's lines and the box after them share one table cell: the
  // box follows the body's last line, not the end of the cell.
  const std::string t = ExtractBody(
      "<table><tr><td><font size='5'><b>La crecida del río</b></font><br><br><font>" +
      SpanishLines(5) +
      "</font><table><tr><td><b>Otras noticias</b></td></tr><tr><td>"
      "&#8226; <a href='/n/1'>El ayuntamiento abre un albergue</a><br>"
      "&#8226; <a href='/n/2'>Cortada la carretera del puerto</a><br>"
      "&#8226; <a href='/n/3'>La biblioteca amplía su horario</a><br></td></tr></table>"
      "</td></tr></table>");
  EXPECT_TRUE(Has(t, "Párrafo 4 del informe")) << t;
  EXPECT_FALSE(Has(t, "Cortada la carretera")) << t;
  EXPECT_FALSE(Has(t, "Otras noticias")) << t;
}

TEST(TrailingLinksTest, LinkLinesEndingABodyInLinesGoWithTheirLabel) {
  const std::string t = ExtractBody(
      "<div class='post'><h3>La crecida del río</h3><div class='post-body'>" + SpanishLines(5) +
      "<b>Entradas relacionadas:</b><br><a href='/2012/08/a.html'>El alcalde pide más "
      "bomberos</a><br><a href='/2012/05/b.html'>Inspección del puente viejo</a><br></div></div>");
  EXPECT_TRUE(Has(t, "Párrafo 4 del informe")) << t;
  EXPECT_FALSE(Has(t, "pide más bomberos")) << t;
  EXPECT_FALSE(Has(t, "Inspección del puente")) << t;
  EXPECT_FALSE(Has(t, "Entradas relacionadas")) << t;
}

TEST(TrailingLinksTest, OneLinkLineAndLinksInTheLinesStay) {
  // One closing link is the article's pointer to its source; a line with
  // words around its link is text.
  const std::string t = ExtractBody(
      "<div class='post-body'>" + SpanishLines(4) +
      "Más datos en <a href='/informe'>el informe completo</a> de la confederación.<br>"
      "<a href='https://chebro.es/informe.pdf'>Informe de la confederación (PDF)</a><br></div>");
  EXPECT_TRUE(Has(t, "el informe completo")) << t;
  EXPECT_TRUE(Has(t, "Informe de la confederación (PDF)")) << t;
}

}  // namespace
}  // namespace corpus

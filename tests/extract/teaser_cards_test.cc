// A grid of teaser cards (a linked headline, an excerpt) after an article's
// last paragraph goes, in any language; an article's own sections, an
// accordion whose headings link inside the page, a grid between paragraphs
// and a page that is mostly teasers stay.
#include "corpus/extract/teaser_cards.h"

#include <gtest/gtest.h>

#include <string>

#include "corpus/extract/dom_index.h"
#include "corpus/extract/extractor.h"
#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::ExtractBody;
using testing::GermanParagraphs;
using testing::Has;

// `count` cards in German: a heading linked to `href` + i and an excerpt.
std::string GermanCards(int count, const std::string& href, const std::string& heading_tag = "h3") {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += "<div class='card'><" + heading_tag + "><a href='" + href + std::to_string(i) +
           "'>Weitere Geschichte Nummer " + std::to_string(i) + " aus der Region</a></" +
           heading_tag + "><p>Auszug " + std::to_string(i) +
           ": Im Nachbarort wurde am Wochenende das neue Feuerwehrhaus eröffnet, mit "
           "Musik, Kuchen und einer Vorführung der Jugendfeuerwehr.</p></div>";
  }
  return out;
}

TEST(TeaserCardsTest, AGridOfStoriesAfterTheArticleGoes) {
  // No heading names the grid, and its words are in no phrase file.
  const std::string t = ExtractBody("<article><h1>Brücke wird saniert</h1>" +
                                    GermanParagraphs("Absatz", 6) + "<div class='grid'>" +
                                    GermanCards(4, "/region/") + "</div></article>");
  EXPECT_TRUE(Has(t, "Absatz 5")) << t;
  EXPECT_FALSE(Has(t, "Auszug 0")) << t;
  EXPECT_FALSE(Has(t, "Weitere Geschichte Nummer 3")) << t;
}

TEST(TeaserCardsTest, NumberedCardsWithTitleBlocksAndCutExcerptsGo) {
  // Spanish cards numbered in their class, each a <div> holding one link
  // (no heading), a date and an excerpt cut short: a grid of teasers.
  std::string cards;
  for (int i = 0; i < 4; ++i) {
    cards += "<article class='entrada entrada_" + std::to_string(i) + "'><div class='t'><a href='/n/" +
             std::to_string(i) + "'>Otra noticia número " + std::to_string(i) +
             " de la región</a></div><div>19 de diciembre de 2025</div><div>Resumen " +
             std::to_string(i) + ": El ayuntamiento aprobó el martes el nuevo plan de tráfico "
             "para el centro, que entrará en vigor...</div></article>";
  }
  const std::string t = ExtractBody(
      "<article><h1>Abre la matrícula</h1>" +
      testing::GermanParagraphs("Absatz", 6) + "<div><div>" + cards + "</div></div></article>");
  EXPECT_TRUE(Has(t, "Absatz 5")) << t;
  EXPECT_FALSE(Has(t, "Resumen 0")) << t;
  EXPECT_FALSE(Has(t, "Resumen 3")) << t;
}

TEST(TeaserCardsTest, AGridUnderItsOwnTitleAfterTheArticleGoes) {
  // Five paragraphs of a French press release, then the latest releases
  // under a heading whose words are in no phrase file: a grid whose first
  // child is its title.
  std::string release;
  for (int i = 0; i < 5; ++i) {
    release += "<p>Paragraphe " + std::to_string(i) +
               " : les élus régionaux ont approuvé jeudi la commande de douze rames "
               "supplémentaires, qui seront mises en service à partir de 2027 sur les lignes "
               "les plus fréquentées.</p>";
  }
  std::string cards;
  for (int i = 0; i < 3; ++i) {
    cards += "<div class='item'><span>1er octobre 2024</span><h3><a href='/cp/" + std::to_string(i) +
             "'>Communiqué numéro " + std::to_string(i) + " sur les lycées de la région</a></h3>"
             "<p>Extrait " + std::to_string(i) + " : la Région engage un programme de rénovation "
             "énergétique de grande ampleur dans ses lycées, avec isolation et panneaux "
             "solaires.</p></div>";
  }
  const std::string t = ExtractBody(
      "<div class='page'><div class='cp'><h1>Douze nouveaux trains</h1>" + release +
      "</div><div class='liste'><h2>Nos dernières nouvelles</h2>" + cards +
      "<a href='/cp'>Toutes les nouvelles</a></div></div>");
  EXPECT_TRUE(Has(t, "Paragraphe 4")) << t;
  EXPECT_FALSE(Has(t, "Extrait 0")) << t;
  EXPECT_FALSE(Has(t, "Extrait 2")) << t;
}

TEST(TeaserCardsTest, AnArticlesOwnLinksWithTheirAuthorsStay) {
  // The same shape without an excerpt cut short: resources the article
  // lists, each with its authors, are not taken as a grid.
  std::string items;
  for (int i = 0; i < 4; ++i) {
    items += "<div class='item'><div><a href='/r/" + std::to_string(i) + "'>Informe número " +
             std::to_string(i) + " sobre la tutoría</a></div><div>Autora " + std::to_string(i) +
             ", Ana Ruiz y Luis Gómez, Universidad de Salamanca, con datos de doce "
             "colegios de la provincia</div></div>";
  }
  const std::string t = ExtractBody("<article><h1>Abre la matrícula</h1>" +
                                    testing::GermanParagraphs("Absatz", 6) + "<div>" + items +
                                    "</div></article>");
  EXPECT_TRUE(Has(t, "Autora 0")) << t;
  EXPECT_TRUE(Has(t, "Autora 3")) << t;
}

TEST(TeaserCardsTest, TheArticlesOwnSectionsStay) {
  // Headings of the same shape that are not links: the article's parts.
  std::string sections;
  for (int i = 0; i < 4; ++i) {
    sections += "<div class='card'><h3>Abschnitt " + std::to_string(i) +
                " über die Brücke</h3><p>Teil " + std::to_string(i) +
                ": Die Arbeiten beginnen im April und enden im September.</p></div>";
  }
  const std::string t = ExtractBody("<article><h1>Brücke wird saniert</h1>" +
                                    GermanParagraphs("Absatz", 6) + "<div class='grid'>" +
                                    sections + "</div></article>");
  EXPECT_TRUE(Has(t, "Teil 3: Die Arbeiten")) << t;
}

TEST(TeaserCardsTest, AnAccordionLinkingInsideThePageStays) {
  // Questions whose headings open an answer on the page (href="#...").
  const std::string t = ExtractBody("<article><h1>Brücke wird saniert</h1>" +
                                    GermanParagraphs("Absatz", 6) + "<div class='faq'>" +
                                    GermanCards(4, "#frage-") + "</div></article>");
  EXPECT_TRUE(Has(t, "Auszug 1")) << t;
}

TEST(TeaserCardsTest, AGridBetweenParagraphsStays) {
  const std::string t = ExtractBody("<article><h1>Brücke wird saniert</h1>" +
                                    GermanParagraphs("Absatz", 4) + "<div class='grid'>" +
                                    GermanCards(4, "/region/") + "</div>" +
                                    GermanParagraphs("Schluss", 2) + "</article>");
  EXPECT_TRUE(Has(t, "Auszug 2")) << t;
  EXPECT_TRUE(Has(t, "Schluss 1")) << t;
}

// An article page (og:type "article") with `between` set among its
// paragraphs.
std::string ArticlePageWith(const std::string& between, const std::string& og_type = "article") {
  return ExtractMainContent(
             "<html><head><meta property='og:type' content='" + og_type +
                 "'></head><body><article><h1>Brücke wird saniert</h1>" +
                 GermanParagraphs("Absatz", 4) + between + GermanParagraphs("Schluss", 2) +
                 "</article></body></html>",
             "", ExtractOptions{})
      .text;
}

TEST(TeaserCardsTest, HeadlinesAndALineEachBetweenAnArticlesParagraphsGo) {
  // A magazine's "read more" set: each card a link around its headline, an
  // excerpt line and a byline; two are enough.
  std::string cards;
  for (int i = 0; i < 2; ++i) {
    cards += "<li class='x2'><a href='/story/" + std::to_string(i) + "'><h3>Die Fähre zur Insel " +
             std::to_string(i) + " fährt wieder</h3></a><div>Kurztext " + std::to_string(i) +
             ": Nach dem Sturm ist der Anleger repariert.</div><span>Von Anna Berg</span></li>";
  }
  const std::string grid = "<div class='x1'><ul>" + cards + "</ul></div>";
  const std::string t = ArticlePageWith(grid);
  EXPECT_TRUE(Has(t, "Absatz 3")) << t;
  EXPECT_TRUE(Has(t, "Schluss 1")) << t;
  EXPECT_FALSE(Has(t, "Kurztext 0")) << t;
  EXPECT_FALSE(Has(t, "Die Fähre zur Insel 1")) << t;
  EXPECT_FALSE(Has(t, "Von Anna Berg")) << t;
  // On a page that does not declare itself an article, such cards are
  // often its offers: the grid is not taken as a whole.
  const std::string site = ArticlePageWith(grid, "website");
  EXPECT_TRUE(Has(site, "Von Anna Berg")) << site;
}

TEST(TeaserCardsTest, AnArticlesOwnListOfLinkedItemsStays) {
  // Items that say more of each link than a line: the article's list.
  std::string items;
  for (int i = 0; i < 3; ++i) {
    items += "<li><a href='/ort/" + std::to_string(i) + "'><h3>Ausflugsziel " + std::to_string(i) +
             "</h3></a><p>Beschreibung " + std::to_string(i) +
             ": Der Weg führt vom Parkplatz am Waldrand über die alte Brücke hinauf zum "
             "Aussichtsturm, von dem aus man bei klarem Wetter bis zu den Alpen sieht; unterwegs "
             "laden zwei Hütten zur Rast ein. Für Familien mit kleinen Kindern gibt es eine "
             "kürzere Runde am See.</p></li>";
  }
  const std::string t = ArticlePageWith("<ul>" + items + "</ul>");
  EXPECT_TRUE(Has(t, "Beschreibung 2")) << t;
  EXPECT_TRUE(Has(t, "Ausflugsziel 1")) << t;
}

TEST(TeaserCardsTest, ACardMadeOneLinkAmongTheParagraphsGoes) {
  // A kicker, a headline and an excerpt inside one link to another story,
  // between two paragraphs; the article's own linked sentence stays.
  const std::string card =
      "<div class='embedded-article'><a href='/finanzen/regelsatz'><span>Auch interessant</span>"
      "<h3>Nullrunde beim Bürgergeld: Das bedeutet sie für Ihr Budget</h3><p>Auch im kommenden "
      "Jahr soll der Regelsatz nicht steigen, lesen Sie hier.</p></a></div>";
  const std::string t = ExtractBody(
      "<article><h1>Bürgergeld ändert sich</h1>" + GermanParagraphs("Absatz", 3) + card +
      "<p>Nach <a href='/gesetz'>dem neuen Gesetz</a> gilt die Regel ab Juli.</p>" +
      GermanParagraphs("Nachsatz", 2) + "</article>");
  EXPECT_FALSE(Has(t, "Nullrunde")) << t;
  EXPECT_FALSE(Has(t, "Auch interessant")) << t;
  for (const char* kept : {"Absatz 2", "dem neuen Gesetz", "Nachsatz 1"}) {
    EXPECT_TRUE(Has(t, kept)) << kept << "\n" << t;
  }
}

TEST(TeaserCardsTest, ACardOfSpansAndAnExcerptInOneLinkGoes) {
  // No heading: the kicker and headline are spans, the excerpt a paragraph,
  // all inside one link between paragraphs.
  const std::string card =
      "<div class='x1'><div class='x2'><a href='/sport/tuchel'><span>Nach Pleite gegen Bochum"
      "</span><span>Tuchel gerät beim FC Bayern unter Druck</span><p>Nach der dritten "
      "Niederlage in Folge wächst die Kritik am Trainer.</p></a></div></div>";
  const std::string t = ExtractBody(
      "<article><h1>Leverkusen gewinnt</h1>" + GermanParagraphs("Absatz", 3) + card +
      GermanParagraphs("Nachsatz", 2) + "</article>");
  EXPECT_FALSE(Has(t, "Tuchel gerät")) << t;
  EXPECT_FALSE(Has(t, "Kritik am Trainer")) << t;
  EXPECT_TRUE(Has(t, "Nachsatz 1")) << t;
}

TEST(TeaserCardsTest, ALinkedPictureAndHeadlineWithTheExcerptBesideItGo) {
  // The link holds the picture and the headline; the excerpt sits beside
  // it in the card.
  const std::string card =
      "<div class='x1'><article class='x2'><a href='/2025/assegno-unico'><img src='/a.jpg' "
      "alt=''><h3>L’assegno unico per i figli funziona?</h3></a><p>Dopo tre anni, i dati "
      "mostrano che la misura ha raggiunto quasi tutte le famiglie.</p></article></div>";
  const std::string t = ExtractBody(
      "<article><h1>Nascite</h1>" + GermanParagraphs("Absatz", 3) + card +
      GermanParagraphs("Nachsatz", 2) + "</article>");
  EXPECT_FALSE(Has(t, "assegno unico")) << t;
  EXPECT_FALSE(Has(t, "quasi tutte le famiglie")) << t;
  EXPECT_TRUE(Has(t, "Nachsatz 1")) << t;
}

TEST(TeaserCardsTest, ACardWithItsLinkInsideTheHeadlineAmongTheParagraphsGoes) {
  // A kicker, a heading holding the link and an excerpt, between two
  // paragraphs; a section of the article under a heading of its own stays.
  const std::string card =
      "<div class='x1'><span>Mehr dazu</span><h4><a href='/sport/noonan'>Noonan wechselt nach "
      "Nebraska</a></h4><div><p>Der Läufer entschied sich gegen zwei Stipendien.</p></div></div>";
  const std::string t = ExtractBody(
      "<article><h1>Southeast gewinnt in der Verlängerung</h1>" + GermanParagraphs("Absatz", 3) +
      card + GermanParagraphs("Nachsatz", 2) +
      "<h3>Die Tabelle</h3><p>Southeast bleibt damit ungeschlagen an der Spitze der Liga.</p>"
      "</article>");
  EXPECT_FALSE(Has(t, "Noonan wechselt")) << t;
  EXPECT_FALSE(Has(t, "gegen zwei Stipendien")) << t;
  for (const char* kept : {"Absatz 2", "Nachsatz 1", "Die Tabelle", "ungeschlagen"}) {
    EXPECT_TRUE(Has(t, kept)) << kept << "\n" << t;
  }
}

TEST(TeaserCardsTest, ACardWhoseFirstLineIsItsLinkAmongTheParagraphsGoes) {
  // The kicker and headline in one link, the excerpt a paragraph beside it
  // in the card; a box that opens with text before its link stays.
  const std::string card =
      "<div class='x2'><a href='/arbeit/fachkraefte-gesetz'><span>Fachkräfteeinwanderung</span>"
      "<span>Wie das neue Gesetz Deutschland attraktiver machen soll</span></a><p>Seit März gilt "
      "das reformierte Gesetz. Es soll Verfahren beschleunigen. Was sich konkret ändert.</p>"
      "</div>";
  const std::string box =
      "<div class='x3'>Die Regeln im Überblick: <a href='/arbeit/regeln'>alle Änderungen des "
      "Gesetzes</a><p>Die Übersicht nennt Fristen, Nachweise und die zuständigen Ämter.</p></div>";
  const std::string t = ExtractBody(
      "<article><h1>Pflegekräfte</h1>" + GermanParagraphs("Absatz", 3) + card +
      GermanParagraphs("Mittelsatz", 2) + box + GermanParagraphs("Nachsatz", 2) + "</article>");
  EXPECT_FALSE(Has(t, "attraktiver machen")) << t;
  EXPECT_FALSE(Has(t, "Verfahren beschleunigen")) << t;
  for (const char* kept : {"Absatz 2", "Mittelsatz 1", "Nachsatz 1", "Fristen, Nachweise"}) {
    EXPECT_TRUE(Has(t, kept)) << kept << "\n" << t;
  }
}

TEST(TeaserCardsTest, ChineseGridAfterTheArticleGoes) {
  std::string body, cards;
  for (int i = 0; i < 8; ++i) {
    body += "<p>正文" + std::to_string(i) +
            "：市议会周二晚上经过长时间的讨论，决定明年春天修复河上的大桥，并把费用分三年"
            "支付，这样学校和游泳池就不必等待。工程将在四月开始，预计九月完成。</p>";
  }
  for (int i = 0; i < 4; ++i) {
    cards += "<li class='item'><h4><a href='/news/" + std::to_string(i) + "'>其他新闻" +
             std::to_string(i) + "：邻镇新消防站周末启用</a></h4><span>摘要" +
             std::to_string(i) + "：邻镇的新消防站在周末正式启用，现场有音乐和蛋糕，青少年消防队还为居民"
             "做了表演，许多家庭带着孩子一起参观了新的消防车。</span></li>";
  }
  const std::string t =
      ExtractBody("<div class='article'><h1>大桥将修复</h1>" + body + "<ul class='related'>" +
                  cards + "</ul></div>");
  EXPECT_TRUE(Has(t, "正文7")) << t;
  EXPECT_FALSE(Has(t, "摘要0")) << t;
  EXPECT_FALSE(Has(t, "其他新闻3")) << t;
}

TEST(TeaserCardsTest, JapaneseGridAfterTheArticleGoes) {
  std::string body, cards;
  for (int i = 0; i < 8; ++i) {
    body += "<p>本文" + std::to_string(i) +
            "：市議会は火曜日の夜、長い議論の末に、来年の春に川に架かる橋を修理し、費用を三年"
            "に分けて支払うことを決めた。工事は四月に始まり、九月に終わる予定だ。</p>";
  }
  for (int i = 0; i < 3; ++i) {
    cards += "<section class='teaser'><h2><a href='/articles/" + std::to_string(i) +
             "'>地域の話題" + std::to_string(i) + "：隣町の消防署が週末に開所</a></h2><p>抜粋" +
             std::to_string(i) + "：隣町の新しい消防署が週末に開所し、音楽やケーキが振る舞われ、少年消防隊"
             "が住民の前で実演を披露した。多くの家族が子どもと一緒に新しい消防車を見学した。</p></section>";
  }
  const std::string t = ExtractBody("<main><h1>橋の修理が決まる</h1>" + body +
                                    "<div class='more'>" + cards + "</div></main>");
  EXPECT_TRUE(Has(t, "本文7")) << t;
  EXPECT_FALSE(Has(t, "抜粋0")) << t;
  EXPECT_FALSE(Has(t, "地域の話題1")) << t;
}

// How many elements MarkTeaserCards flags on a page of `paragraphs`
// paragraphs followed by a grid of six cards, all in one <div>.
int FlaggedBesideParagraphs(int paragraphs) {
  const std::string html = "<html><body><div id='c'>" + GermanParagraphs("Absatz", paragraphs) +
                           "<div class='grid'>" + GermanCards(6, "/region/") +
                           "</div></div></body></html>";
  GumboOutput* out = gumbo_parse(html.c_str());
  DomIndex dom;
  dom.Build(out->document);
  int flagged = 0;
  for (size_t i = 0; i < dom.nodes().size(); ++i) {
    if (dom.nodes()[i].tag != GUMBO_TAG_DIV) continue;
    MarkTeaserCards(&dom, static_cast<int32_t>(i), /*inline_grids=*/false);  // the outer <div>
    for (const DomNode& n : dom.nodes()) flagged += (n.flags & kDomBoilerplate) ? 1 : 0;
    break;
  }
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return flagged;
}

TEST(TeaserCardsTest, APageMostlyOfTeasersIsLeftAlone) {
  // The grid is more than half of the content's text: it is the content.
  EXPECT_EQ(FlaggedBesideParagraphs(1), 0);
  // Beside a longer article, the same grid is a box of other stories.
  EXPECT_EQ(FlaggedBesideParagraphs(8), 1);
}

}  // namespace
}  // namespace corpus

// An article's lead, between its headline and a body container of its own,
// is part of the text; bylines, teaser boxes and menus in the same place are
// not.
#include "corpus/extract/lead_blocks.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::ExtractBody;
using testing::GermanParagraphs;
using testing::Has;

// `count` paragraphs of German prose, enough for the body to outweigh
// everything else on the page.
std::string Body(int count) {
  return "<div class='body-text'>" + GermanParagraphs("Absatz", count) + "</div>";
}

const char kMenu[] =
    "<nav><a href='/'>Start</a> <a href='/lokales'>Lokales</a> <a href='/sport'>Sport</a></nav>";

TEST(LeadBlocksTest, ALeadInTheArticleHeaderIsKept) {
  const std::string t = ExtractBody(
      std::string(kMenu) +
      "<article><header><h1>Brücke wird saniert</h1><p class='byline'>Von Anna Berg</p>"
      "<div class='intro'><p>Nach zwei Jahren Streit ist die Entscheidung gefallen: Die "
      "Sanierung der Flussbrücke beginnt im Frühjahr, bezahlt aus drei Haushalten.</p></div>"
      "</header>" +
      Body(5) + "</article>");
  EXPECT_TRUE(Has(t, "Nach zwei Jahren Streit ist die Entscheidung gefallen")) << t;
  EXPECT_TRUE(Has(t, "Absatz 4")) << t;
  // What the lead rule adds is the lead alone.
  EXPECT_FALSE(Has(t, "Von Anna Berg")) << t;
  EXPECT_FALSE(Has(t, "Lokales")) << t;
  // The lead comes first, in document order.
  EXPECT_LT(t.find("Nach zwei Jahren"), t.find("Absatz 0")) << t;
}

TEST(LeadBlocksTest, AStandfirstOfOneBareSentenceIsKept) {
  // The first line under the headline, one sentence with no mark in or at
  // the end of it (Spanish, English); not a byline, a date or a line set in
  // title case.
  for (const std::string& line :
       {std::string("El conjunto de Pellegrini remonta un 0-2 en la segunda parte y se mete de "
                    "lleno en la pelea por Europa"),
        std::string("What happens to a small town when the last shop closes its doors"),
        // Korean, a script without capitals: fewer, longer words.
        std::string("보폭 넓히고 뒤꿈치부터 딛어야… 평지에서 천천히 늘려야")}) {
    const std::string t = ExtractBody("<article><header><h1>Brücke wird saniert</h1><p>" + line +
                                      "</p></header>" + Body(5) + "</article>");
    EXPECT_TRUE(Has(t, line)) << t;
    EXPECT_LT(t.find(line), t.find("Absatz 0")) << t;
  }
  for (const std::string& line :
       {std::string("By Anna Berg and Jonas Weber in Hamburg and Berlin"),
        std::string("Updated on 12 March 2025 at 10 14 by the newsroom staff"),
        std::string("Bridge Works Begin In The Spring After Two Years Of Debate"),
        std::string("이슬비 기자 입력 2024.05.21. 05:00 수정 2024.05.21. 09:12")}) {
    const std::string t = ExtractBody("<article><header><h1>Brücke wird saniert</h1><p>" + line +
                                      "</p></header>" + Body(5) + "</article>");
    EXPECT_FALSE(Has(t, line)) << t;
  }
  // Only the first line after the headline: a bare line after a byline is
  // not taken as the lead.
  const std::string later = ExtractBody(
      "<article><header><h1>Brücke wird saniert</h1><p>Von Anna Berg</p><p>What happens to a "
      "small town when the last shop closes its doors</p></header>" + Body(5) + "</article>");
  EXPECT_FALSE(Has(later, "What happens to a small town")) << later;
}

TEST(LeadBlocksTest, ALeadInAHeadingIsKept) {
  // A subtitle in an <h2>, in Japanese (sentence punctuation 、。).
  const std::string t = ExtractBody(
      "<div class='head'><h1>橋の改修が決まる</h1><h2>二年間の議論の末、町議会は川に架かる橋を"
      "来年の春に改修することを決め、費用を三年間に分けて支払うことにした。</h2></div>" +
      Body(5));
  EXPECT_TRUE(Has(t, "二年間の議論の末")) << t;
}

TEST(LeadBlocksTest, ManyTeasersBeforeTheBodyAreNoLead) {
  // Three blocks of prose between the headline and the body: a box of other
  // stories, not a lead.
  std::string teasers;
  for (int i = 0; i < 3; ++i) {
    teasers += "<div class='teaser'><p>Weitere Meldung " + std::to_string(i) +
               ": Im Nachbarort wurde gestern die neue Sporthalle eröffnet, nach einer "
               "Bauzeit von drei Jahren.</p></div>";
  }
  const std::string t = ExtractBody("<div class='page'><h1>Brücke wird saniert</h1>" + teasers +
                                    Body(6) + "</div>");
  EXPECT_TRUE(Has(t, "Absatz 5")) << t;
  EXPECT_FALSE(Has(t, "Weitere Meldung")) << t;
}

TEST(LeadBlocksTest, ListsAndLinksBeforeTheBodyAreNoLead) {
  const std::string t = ExtractBody(
      "<div class='page'><h1>Brücke wird saniert</h1>"
      "<ul><li>Die Stadt plant seit Jahren, die alte Brücke über den Fluss zu sanieren, "
      "und hat dafür Geld zurückgelegt.</li></ul>"
      "<p><a href='/a'>Die Sanierung der Flussbrücke beginnt im Frühjahr, bezahlt aus drei "
      "Haushalten, sagt der Bürgermeister.</a> Mehr.</p>" +
      Body(5) + "</div>");
  EXPECT_TRUE(Has(t, "Absatz 4")) << t;
  EXPECT_FALSE(Has(t, "Die Stadt plant seit Jahren")) << t;
  EXPECT_FALSE(Has(t, "Haushalten, sagt der Bürgermeister")) << t;
}

TEST(LeadBlocksTest, ASummaryListUnderTheHeadlineIsKept) {
  // "Das Wichtigste in Kürze": the article's own points, with their title.
  const std::string t = ExtractBody(
      std::string(kMenu) + "<article><h1>Steuererklärung: Diese Fristen gelten</h1>"
      "<div class='summary'><h2>Das Wichtigste in Kürze</h2><ul>"
      "<li>Ohne Steuerberater geben Sie die Erklärung bis zum 31. Juli ab.</li>"
      "<li>Mit Steuerberater haben Sie bis Ende April des übernächsten Jahres Zeit.</li>"
      "<li>Wer freiwillig abgibt, hat vier Jahre Zeit.</li></ul></div>" +
      Body(8) + "</article>");
  for (const char* kept : {"Das Wichtigste in Kürze", "bis zum 31. Juli ab", "hat vier Jahre Zeit",
                           "Absatz 7"}) {
    EXPECT_TRUE(Has(t, kept)) << kept << "\n" << t;
  }
  EXPECT_FALSE(Has(t, "Lokales")) << t;
  // A list of a word or a date an item is the article's metadata.
  const std::string meta = ExtractBody(
      std::string(kMenu) + "<article><h1>Steuererklärung: Diese Fristen gelten</h1>"
      "<ul class='meta'><li>Von Anna Berg</li><li>3. März 2025</li><li>4 Minuten</li></ul>" +
      Body(8) + "</article>");
  EXPECT_FALSE(Has(meta, "Von Anna Berg")) << meta;
}

TEST(LeadBlocksTest, ASummaryListEndingInALinkToTheStoryBeforeIsKeptWithoutIt) {
  // A live blog's standfirst: its points, then a link to the story before,
  // under a kicker that links to its section.
  const std::string t = ExtractBody(
      "<div><a href='/uk/weather'>UK weather</a><span>Live</span></div><h1>UK storm latest: Storm "
      "Imogen brings 90mph gusts – live</h1><div><ul><li><p>Amber wind warnings in force across "
      "Wales and Northern Ireland until 6pm</p></li><li><p>Network Rail urges passengers not to "
      "travel on western routes</p></li><li><p><a href='/uk-news/storm-imogen-named'>Storm Imogen "
      "named as Met Office issues warnings</a></p></li></ul></div>" + Body(6));
  EXPECT_TRUE(Has(t, "Amber wind warnings")) << t;
  EXPECT_TRUE(Has(t, "Network Rail urges")) << t;
  EXPECT_FALSE(Has(t, "Storm Imogen named")) << t;
  EXPECT_LT(t.find("Amber wind"), t.find("Absatz 0")) << t;
  // A link among the points: no summary.
  const std::string linked = ExtractBody(
      "<h1>UK storm latest – live</h1><div><ul><li><p><a href='/a'>Amber wind warnings in force "
      "across Wales</a></p></li><li><p>Network Rail urges passengers not to travel on western "
      "routes</p></li><li><p>Ferries between Holyhead and Dublin are cancelled this afternoon</p>"
      "</li></ul></div>" + Body(6));
  EXPECT_FALSE(Has(linked, "Network Rail urges")) << linked;
}

TEST(LeadBlocksTest, AHeadlineSetAsAnH2InTheArticlesHeaderHasItsLead) {
  // No <h1> on the page: the article's first heading is its headline.
  const std::string t = ExtractBody(
      std::string(kMenu) + "<main><article><header><h2><span>Pflege</span> <span>Wie ein Dorf "
      "seine Alten selbst versorgt</span></h2><div class='intro'><p>Kein Pflegedienst wollte "
      "mehr nach Kirchwalde fahren. Also haben die Bewohner eine Genossenschaft gegründet.</p>"
      "</div></header><section>" + Body(8) + "</section></article></main>");
  EXPECT_TRUE(Has(t, "Kein Pflegedienst wollte mehr")) << t;
  EXPECT_TRUE(Has(t, "Absatz 7")) << t;
  EXPECT_FALSE(Has(t, "Lokales")) << t;
}

TEST(LeadBlocksTest, AHeadlineInAnArticleOfMicrodataHasItsLead) {
  // No <h1> and no <article>: the headline is the first heading of the
  // element whose schema.org type is an article.
  const std::string t = ExtractBody(
      std::string(kMenu) + "<main><div class='page' itemscope "
      "itemtype='http://schema.org/NewsArticle'><div class='topic'><a href='/nato'>Nato</a>"
      "</div><h2 itemprop='headline'>Rutte fordert höhere Ausgaben</h2><div class='summary'>"
      "<div class='intro'>Der Generalsekretär drängt die Mitgliedstaaten, mehr für Verteidigung "
      "auszugeben. In Berlin stößt die Forderung auf geteilte Reaktionen.</div></div>"
      "<div class='meta'>Von Christoph Berg</div>" + Body(8) + "</div></main>");
  EXPECT_TRUE(Has(t, "Der Generalsekretär drängt die Mitgliedstaaten")) << t;
  EXPECT_LT(t.find("Der Generalsekretär"), t.find("Absatz 0")) << t;
  EXPECT_TRUE(Has(t, "Absatz 7")) << t;
  EXPECT_FALSE(Has(t, "Von Christoph Berg")) << t;
}

TEST(LeadBlocksTest, AShortParagraphBesideTheLeadComesWithIt) {
  // A list article: an intro of a long paragraph and a one-sentence one,
  // then numbered sections that the selection descends to.
  std::string items;
  for (int i = 1; i <= 7; ++i) {
    items += "<div class='item'><h2>" + std::to_string(i) + ". Tatsache Nummer " +
             std::to_string(i) + "</h2><p>Abschnitt " + std::to_string(i) +
             ": Manche Bahnhöfe wurden geschlossen, weil zu wenige Fahrgäste kamen, andere, "
             "weil neue Linien sie überflüssig machten; einige dienen heute als Filmkulisse, "
             "und das Museum bietet dort gelegentlich Führungen für Besucher an, die sehen "
             "wollen, wie die Stationen vor hundert Jahren aussahen.</p>"
             "</div>";
  }
  const std::string t = ExtractBody(
      std::string(kMenu) + "<article><h1>Zehn Dinge über die U-Bahn</h1><div class='wrap'>"
      "<div class='intro'><p>Mehr als drei Millionen Fahrten werden jeden Tag mit der U-Bahn "
      "gemacht, und die meisten Fahrgäste sehen dabei auf ihr Telefon oder auf den Boden.</p>"
      "<p>Hier sind zehn Dinge, die Sie noch nicht wussten.</p><p class='date'>12. März</p>"
      "</div><div class='items'>" + items + "</div></div></article>");
  EXPECT_TRUE(Has(t, "Mehr als drei Millionen Fahrten")) << t;
  EXPECT_TRUE(Has(t, "Hier sind zehn Dinge")) << t;
  EXPECT_LT(t.find("Hier sind zehn Dinge"), t.find("Abschnitt 1:")) << t;
  EXPECT_TRUE(Has(t, "Abschnitt 7:")) << t;
  EXPECT_FALSE(Has(t, "12. März")) << t;  // not a sentence
}

TEST(LeadBlocksTest, AStandfirstRightBeforeTheBodyOfAPageWithoutAHeadlineIsKept) {
  // No heading at all: the block of prose right before the body container
  // is its standfirst; a block with links there is not.
  const std::string lead =
      "<div class='x6'><div class='x7'>Der Generalsekretär drängt die Mitgliedstaaten, mehr für "
      "Verteidigung auszugeben. In Berlin stößt die Forderung auf geteilte Reaktionen.</div></div>";
  const std::string t = ExtractBody(std::string(kMenu) + "<main>" + lead + Body(6) + "</main>");
  EXPECT_TRUE(Has(t, "Der Generalsekretär drängt")) << t;
  EXPECT_LT(t.find("Der Generalsekretär"), t.find("Absatz 0")) << t;
  const std::string linked = ExtractBody(
      std::string(kMenu) + "<main><div><p>Mehr dazu lesen Sie in <a href='/dossier'>unserem "
      "Dossier zur Verteidigung</a>, das wir jede Woche mit neuen Berichten ergänzen.</p></div>" +
      Body(6) + "</main>");
  EXPECT_FALSE(Has(linked, "unserem Dossier")) << linked;
  EXPECT_TRUE(Has(linked, "Absatz 5")) << linked;
}

TEST(LeadBlocksTest, AStandfirstBesideTheBodysWrappersOrAPictureIsKept) {
  // No <h1>: the headline is an <h2>, the body sits in wrappers that hold
  // nothing else (a CMS's field > items > item), or a picture with its
  // caption stands between the standfirst and the body.
  const std::string lead =
      "<div class='x0'><p>Gromada kulista ESO 280-SC06 ma około 13,3 miliarda lat i powstała "
      "zaledwie kilkaset milionów lat po Wielkim Wybuchu – wynika z pomiarów zespołu.</p></div>";
  const std::string wrapped = ExtractBody(
      std::string(kMenu) + "<h2>Najstarsza gromada gwiazd</h2><div class='node'>" + lead +
      "<div class='y0'><div class='y1'>" + GermanParagraphs("Absatz", 5) + "</div></div></div>");
  EXPECT_TRUE(Has(wrapped, "Gromada kulista")) << wrapped;
  EXPECT_LT(wrapped.find("Gromada kulista"), wrapped.find("Absatz 0")) << wrapped;
  const std::string pictured = ExtractBody(
      std::string(kMenu) + "<div class='node'>" + lead + "<div class='x2'><img src='g.jpg' "
      "alt=''><p>Gromada na zdjęciu z teleskopu Hubble'a. Fot. NASA</p></div>" + Body(5) + "</div>");
  EXPECT_TRUE(Has(pictured, "Gromada kulista")) << pictured;
  EXPECT_TRUE(Has(pictured, "Absatz 4")) << pictured;
}

TEST(LeadBlocksTest, AHiddenFirstH1IsNotTheHeadline) {
  // The template titles its navigation with an <h1> for screen readers
  // ("aural", German public-sector sites): the headline is the next one,
  // and its standfirst, a bare sentence, is the line after it.
  const std::string t = ExtractBody(
      "<h1 class='aural'>Navigation und Service</h1>" + std::string(kMenu) +
      "<div class='c-article'><h1>Bund fördert 38 neue Radschnellwege</h1><p class='teaser'>"
      "Bundesminister stellt Förderbescheide für Projekte in zwölf Ländern vor – "
      "Pendlerstrecken sollen bis 2030 fertig werden</p>" + Body(4) + "</div>");
  EXPECT_TRUE(Has(t, "Bundesminister stellt Förderbescheide")) << t;
  EXPECT_TRUE(Has(t, "Absatz 3")) << t;
  EXPECT_FALSE(Has(t, "Navigation und Service")) << t;
}

TEST(LeadBlocksTest, NothingChangesWhenTheHeadlineIsInTheBody) {
  DomIndex dom;
  ContentSelection sel;
  EXPECT_EQ(AddLeadBlocks(dom, -1, &sel), 0);  // no page, no root: nothing to do
  const std::string t = ExtractBody("<article><h1>Brücke wird saniert</h1>" + Body(3) +
                                    "</article><p>Impressum und Kontakt der Redaktion, "
                                    "alle Rechte vorbehalten, bitte beachten.</p>");
  EXPECT_TRUE(Has(t, "Absatz 2")) << t;
  EXPECT_FALSE(Has(t, "Impressum")) << t;
}

TEST(LeadBlocksTest, ASummaryOfShortPointsIsKept) {
  // A wire story's summary: one point is a few words and a figure.
  const std::string t = ExtractBody(
      std::string(kMenu) + "<div><h1>Oil prices climb as producers signal a pause</h1>"
      "<div><h2>Summary</h2><ul><li>Producers to pause output increases in January-March</li>"
      "<li>Group agrees small December hike of 137,000 bpd</li>"
      "<li>Brent gains 1.2%, WTI up 1.1%</li></ul></div>" + Body(8) + "</div>");
  for (const char* kept : {"Summary", "pause output increases", "Brent gains 1.2%", "Absatz 7"}) {
    EXPECT_TRUE(Has(t, kept)) << kept << "\n" << t;
  }
}

TEST(LeadBlocksTest, TheStandfirstOfAStoryInShortParagraphsIsKept) {
  // Paragraphs of a sentence each, none as long as a prose block: the lead
  // beside the body's container is still the article's.
  std::string body = "<div class='story'>";
  for (int i = 0; i < 7; ++i) {
    body += "<p>Kurzer Absatz " + std::to_string(i) +
            ": Die Polizei hat den gestohlenen Wagen zwei Tage später auf einem Parkplatz "
            "gefunden, sagte ein Sprecher.</p>";
  }
  body += "</div>";
  const std::string t = ExtractBody(
      std::string(kMenu) + "<div><h1>Gestohlener Transporter im Netz angeboten</h1>"
      "<p>Ein Elektriker fand seinen gestohlenen Wagen zwei Tage nach dem Diebstahl in einer "
      "Kleinanzeige wieder.</p>" + body + "</div>");
  EXPECT_TRUE(Has(t, "Ein Elektriker fand")) << t;
  EXPECT_TRUE(Has(t, "Kurzer Absatz 6")) << t;
}

}  // namespace
}  // namespace corpus

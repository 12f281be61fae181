// The container's descent (content_scorer.h) does not leave paragraphs of an
// article behind when its body is split in parts, and the element a page
// names as its article body or its main column is never taken for a sidebar
// (boilerplate.h).
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "corpus/extract/content_scorer.h"
#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::ExtractBody;
using testing::GermanParagraphs;
using testing::Has;

const char kMenu[] =
    "<nav><a href='/'>Start</a> <a href='/lokales'>Lokales</a> <a href='/sport'>Sport</a></nav>";

TEST(ArticlePartsTest, TheFirstPartOfASplitArticleIsKept) {
  // Two columns of the same article, the second far the longest: the
  // container is the article, not its second column.
  const std::string t = ExtractBody(
      std::string(kMenu) + "<article class='content'><h1>Brücke wird saniert</h1>" +
      "<div class='row'><div class='col'>" + GermanParagraphs("Erster Teil", 8) +
      "</div></div><div class='row'><div class='col'>" + GermanParagraphs("Hauptteil", 80) +
      "</div></div></article>");
  EXPECT_TRUE(Has(t, "Erster Teil 0")) << t;
  EXPECT_TRUE(Has(t, "Erster Teil 7")) << t;
  EXPECT_TRUE(Has(t, "Hauptteil 79")) << t;
  EXPECT_FALSE(Has(t, "Lokales")) << t;
}

TEST(ArticlePartsTest, TheBodysPartsAroundAnAdvertAreKept) {
  // A body split by an advert into containers of one class: the short part
  // after it is the article's end, whichever part the descent chose.
  for (const char* last : {"<p>Die Stadt will im Herbst über die Kosten entscheiden, sobald die "
                           "Angebote der Baufirmen vorliegen.</p>",
                           "<ul><li>Kosten: 4,2 Millionen Euro, davon die Hälfte vom Land.</li>"
                           "<li>Bauzeit: von März bis Oktober, die Fähre fährt in dieser Zeit "
                           "öfter.</li></ul>"}) {
    const std::string t = ExtractBody(
        std::string(kMenu) + "<article><h1>Brücke wird saniert</h1><div class='a_c'>" +
        GermanParagraphs("Absatz", 12) + "</div><div class='ad'>Anzeige</div><div class='a_c'>" +
        last + "</div><div class='teaser'>Mehr aus der Region</div></article>");
    EXPECT_TRUE(Has(t, "Absatz 11")) << t;
    EXPECT_TRUE(Has(t, "Herbst") || Has(t, "Kosten: 4,2")) << t;
    EXPECT_FALSE(Has(t, "Anzeige")) << t;
    EXPECT_FALSE(Has(t, "Mehr aus der Region")) << t;
  }
}

TEST(ArticlePartsTest, AFactBoxAmongTheParagraphsIsTheArticles) {
  // A titled list in an <aside> (in a wrapper of its own) between the
  // article's paragraphs; the sidebar <aside> beside the article goes.
  const std::string t = ExtractBody(
      "<article><h1>Die letzte Fähre</h1><div class='body'>" + GermanParagraphs("Absatz", 3) +
      "<div class='box-wrap'><aside class='factbox'><h4>Die Fähre in Zahlen</h4><ul>"
      "<li>Gebaut: 1958</li><li>Plätze: 12 Autos, 100 Fahrgäste</li></ul></aside></div>" +
      GermanParagraphs("Nachsatz", 2) + "</div></article>"
      "<aside class='sidebar'><h4>Meistgelesen</h4><ul><li>Neue Ampel am Markt</li>"
      "<li>Sperrung der Brücke</li></ul></aside>");
  EXPECT_TRUE(Has(t, "Die Fähre in Zahlen")) << t;
  EXPECT_TRUE(Has(t, "12 Autos, 100 Fahrgäste")) << t;
  EXPECT_TRUE(Has(t, "Nachsatz 1")) << t;
  EXPECT_FALSE(Has(t, "Meistgelesen")) << t;
  EXPECT_FALSE(Has(t, "Neue Ampel")) << t;
}

TEST(ArticlePartsTest, ATitledParagraphInAnAsideAmongTheParagraphsIsTheArticles) {
  // A fact box of prose ("Info: …", "Repères", "Claves"): a heading and a
  // paragraph in an <aside> between the article's paragraphs. An <aside> of
  // prose after the article (an author's note) still goes.
  for (const auto& [title, fact] : std::vector<std::pair<std::string, std::string>>{
           {"Info: Der Grugapark", "Der Grugapark wurde 1929 als Gartenbauausstellung eröffnet "
                                   "und ist einer der größten Parks im Ruhrgebiet."},
           {"Repères", "Le bac a été mis en service en 1958 ; il transporte jusqu'à douze "
                       "voitures et cent passagers par traversée."}}) {
    const std::string t = ExtractBody(
        "<article><h1>Die letzte Fähre</h1><div class='body'>" + GermanParagraphs("Absatz", 3) +
        "<aside class='infobox'><h3>" + title + "</h3><p>" + fact + "</p></aside>" +
        GermanParagraphs("Nachsatz", 2) + "</div></article>"
        "<aside class='about'><h3>Über uns</h3><p>Die Stadtzeitung erscheint seit 1950 an "
        "sechs Tagen in der Woche, gedruckt und im Netz.</p></aside>");
    EXPECT_TRUE(Has(t, title)) << t;
    EXPECT_TRUE(Has(t, fact)) << t;
    EXPECT_TRUE(Has(t, "Nachsatz 1")) << t;
    EXPECT_FALSE(Has(t, "seit 1950")) << t;
  }
}

TEST(ArticlePartsTest, IngredientsThatLinkToTheirPagesAreKept) {
  // Each item a quantity and a linked name, in a recipe card's groups; a
  // menu of links in the same article still goes.
  const std::string card =
      "<div class='recipe-ingredients'><h3>Ingredienti</h3><div class='group'><ul>"
      "<li><span>300</span> g <a href='/i/farina'>farina 00</a></li>"
      "<li><span>150</span> g <a href='/i/burro'>burro freddo</a></li>"
      "<li>2 <a href='/i/uova'>uova</a></li></ul></div></div>";
  const std::string menu =
      "<ul class='cats'><li><a href='/c/dolci'>Dolci</a></li><li><a href='/c/torte'>Torte</a></li>"
      "<li><a href='/c/roma'>Cucina romana</a></li></ul>";
  const std::string t = ExtractBody("<article><h1>Crostata di ricotta</h1>" +
                                    GermanParagraphs("Absatz", 3) + card + menu +
                                    GermanParagraphs("Nachsatz", 2) + "</article>");
  EXPECT_TRUE(Has(t, "300 g farina 00")) << t;
  EXPECT_TRUE(Has(t, "2 uova")) << t;
  EXPECT_FALSE(Has(t, "Cucina romana")) << t;
  // A table of quantities and linked names, as recipe portals set them; a
  // menu with counts still goes.
  const std::string table =
      "<h2>Zutaten</h2><table class='x1'><tbody><tr><td>1 kg</td><td><a href='/z/gulasch'>"
      "Rindergulasch</a>, aus der Schulter</td></tr><tr><td>1 kg</td><td><a href='/z/zwiebel'>"
      "Zwiebel(n)</a></td></tr><tr><td>3 EL</td><td><a href='/z/paprika'>Paprikapulver</a>, "
      "edelsüß</td></tr><tr><td>2 EL</td><td><a href='/z/tomatenmark'>Tomatenmark</a></td></tr>"
      "<tr><td>500 ml</td><td><a href='/z/bruehe'>Rinderbrühe</a></td></tr></tbody></table>";
  const std::string counted =
      "<ul><li><a href='/c/dolci'>Dolci</a> (24)</li><li><a href='/c/torte'>Torte</a> (12)</li>"
      "<li><a href='/c/roma'>Cucina romana</a> (31)</li></ul>";
  const std::string steps =
      "<h2>Zubereitung</h2><p>Die Zwiebeln schälen und in grobe Würfel schneiden. Das Fleisch "
      "trocken tupfen und etwas kleiner schneiden, die Stücke sollten etwa 3 cm groß sein.</p>"
      "<p>In einem Bräter das Butterschmalz stark erhitzen und das Fleisch portionsweise von "
      "allen Seiten kräftig anbraten, sonst zieht es Wasser und wird grau statt braun.</p>";
  const std::string u =
      ExtractBody("<article><h1>Ungarisches Rindergulasch</h1>" + table + steps + "</article>");
  EXPECT_TRUE(Has(u, "Paprikapulver")) << u;
  EXPECT_TRUE(Has(u, "500 ml | Rinderbrühe")) << u;
  const std::string v = ExtractBody("<article><h1>Gulasch</h1>" + GermanParagraphs("Absatz", 3) +
                                    counted + GermanParagraphs("Nachsatz", 2) + "</article>");
  EXPECT_FALSE(Has(v, "Cucina romana")) << v;
}

// A page that declares a schema.org Recipe, its body `body`.
std::string RecipePage(const std::string& lang, const std::string& body) {
  return ExtractMainContent(
             "<html lang='" + lang + "'><head><script type='application/ld+json'>"
             "{\"@context\":\"https://schema.org\",\"@type\":\"Recipe\",\"name\":\"x\"}"
             "</script></head><body>" + body + "</body></html>",
             "", ExtractOptions())
      .text;
}

TEST(ArticlePartsTest, ARecipesIngredientsNamedFirstOrInABoxOfTheirOwnAreKept) {
  // On a recipe's page, the linked name first and its quantity after it
  // ("<a>Pomodori pelati</a> 800 g"), a few items with no amount ("q.b."):
  // still a list of quantities. An archive's counts in brackets are not;
  // nor, on a page that is no recipe, is a list of names and numbers.
  const std::string ingredients =
      "<h2>Ingredienti</h2><dl class='ingredients'>"
      "<dd><a href='/i/sedani'>Sedani rigati</a> 320 g</dd><dd><a href='/i/melanzane'>Melanzane</a> 2</dd>"
      "<dd><a href='/i/pelati'>Pomodori pelati</a> 800 g</dd>"
      "<dd><a href='/i/ricotta'>Ricotta salata</a> 100 g</dd><dd><a href='/i/basilico'>Basilico</a> q.b.</dd>"
      "</dl>";
  const std::string body =
      "<main><h1>Pasta alla Norma</h1><p>La pasta alla Norma è uno dei piatti simbolo della "
      "cucina siciliana: melanzane fritte, salsa di pomodoro e ricotta salata.</p>" + ingredients +
      "<h2>Preparazione</h2><p>Lavate le melanzane, eliminate il picciolo e tagliatele a "
      "cubetti. Friggetele in abbondante olio ben caldo, poi scolatele su carta assorbente.</p>"
      "<p>In un tegame fate rosolare l'aglio, aggiungete i pomodori pelati e cuocete a fiamma "
      "bassa per 20 minuti.</p><ul class='archive'><li><a href='/2024/03'>Marzo 2024</a> (12)</li>"
      "<li><a href='/2024/02'>Febbraio 2024</a> (9)</li><li><a href='/2024/01'>Gennaio 2024</a> "
      "(15)</li></ul></main>";
  const std::string it = RecipePage("it", body);
  EXPECT_TRUE(Has(it, "Pomodori pelati 800 g")) << it;
  EXPECT_TRUE(Has(it, "Basilico q.b.")) << it;
  EXPECT_FALSE(Has(it, "Febbraio 2024")) << it;
  const std::string plain = ExtractBody(body);
  EXPECT_FALSE(Has(plain, "Pomodori pelati 800 g")) << plain;

  // Ingredients in a box beside the box of the steps: the selection holds
  // both. German and Japanese.
  const auto boxes = [](const std::string& lang, const std::string& first,
                        const std::string& second) {
    return RecipePage(lang, "<main><article class='box'>" + first +
                                "</article><article class='box'>" + second + "</article></main>");
  };
  const std::string de = boxes(
      "de",
      "<h2>Zutaten</h2><table><tr><td>4 Scheibe/n</td><td>Rindfleisch (Rouladen)</td></tr>"
      "<tr><td>4 TL</td><td>Senf, mittelscharf</td></tr><tr><td>8 Scheibe/n</td><td>Bacon</td></tr>"
      "<tr><td>500 ml</td><td>Rinderfond</td></tr><tr><td></td><td>Salz und Pfeffer</td></tr></table>",
      "<h2>Zubereitung</h2><div>Die Rouladen flach auf die Arbeitsfläche legen, trocken tupfen "
      "und etwas dünner klopfen. Mit Salz und Pfeffer würzen und dünn mit Senf bestreichen.<br><br>"
      "Jede Roulade mit Bacon, Zwiebelstreifen und Gurken belegen, die Seiten einschlagen und fest "
      "aufrollen.<br><br>In einem Bräter Öl erhitzen und die Rouladen rundherum kräftig anbraten, "
      "dann zugedeckt etwa 2 Stunden schmoren lassen.</div>");
  EXPECT_TRUE(Has(de, "500 ml | Rinderfond")) << de;
  EXPECT_TRUE(Has(de, "zugedeckt etwa 2 Stunden schmoren")) << de;
  const std::string ja = boxes(
      "ja",
      "<h2>材料</h2><ul><li>豚バラ肉 200g</li><li>キャベツ 1/4個</li><li>しょうゆ 大さじ2</li>"
      "<li>みりん 大さじ1</li></ul>",
      "<h2>作り方</h2><p>キャベツはざく切りにし、豚バラ肉は食べやすい大きさに切る。フライパンを"
      "中火で熱し、豚肉を炒めて色が変わったらキャベツを加える。</p><p>しょうゆとみりんを回し入れ、"
      "全体にからめたら火を止めて器に盛る。好みで七味唐辛子をふってもおいしい。</p>");
  EXPECT_TRUE(Has(ja, "豚バラ肉 200g")) << ja;
  EXPECT_TRUE(Has(ja, "全体にからめたら火を止めて")) << ja;
}

TEST(ArticlePartsTest, ALineOfChromeBesideTheBodyIsStillLeftOut) {
  // What the descent leaves behind here is short lines, not paragraphs: the
  // tighter container wins as before.
  std::string chrome;
  for (int i = 0; i < 12; ++i) {
    chrome += "<div class='note'>Anzeige " + std::to_string(i) + ": Jetzt Angebote vergleichen</div>";
  }
  const std::string t = ExtractBody("<div class='page'>" + chrome + "<div class='text'>" +
                                    GermanParagraphs("Absatz", 30) + "</div></div>");
  EXPECT_TRUE(Has(t, "Absatz 29")) << t;
  EXPECT_FALSE(Has(t, "Jetzt Angebote vergleichen")) << t;
}

TEST(ArticlePartsTest, TheSettingBoundsWhatTheDescentLeavesBehind) {
  const std::string page = std::string(kMenu) + "<div class='wrap'><div class='intro'>" +
                           GermanParagraphs("Erster Teil", 8) + "</div><div class='text'>" +
                           GermanParagraphs("Hauptteil", 80) + "</div></div>";
  ExtractOptions options;
  // Eight paragraphs of ~215 bytes of prose (spaces do not count): kept at
  // the default bound of 1,500 bytes, left behind when the bound is above
  // them.
  options.score.descend_max_prose_left = 100000;
  EXPECT_FALSE(Has(ExtractBody(page, options), "Erster Teil 0"));
  options.score.descend_max_prose_left = ScoreOptions().descend_max_prose_left;
  EXPECT_TRUE(Has(ExtractBody(page, options), "Erster Teil 0"));
}

TEST(ArticlePartsTest, ChineseArticleInPartsStaysWhole) {
  std::string first, rest;
  for (int i = 0; i < 10; ++i) {
    first += "<p>第一部分" + std::to_string(i) +
             "：市议会周二晚上经过长时间的讨论，决定明年春天修复河上的大桥，并把费用分三年"
             "支付，这样学校和游泳池就不必等待。工程将在四月开始，预计九月完成。</p>";
  }
  for (int i = 0; i < 90; ++i) {
    rest += "<p>正文" + std::to_string(i) +
            "：市议会周二晚上经过长时间的讨论，决定明年春天修复河上的大桥，并把费用分三年"
            "支付，这样学校和游泳池就不必等待。工程将在四月开始，预计九月完成。</p>";
  }
  const std::string t = ExtractBody("<div class='article'><div>" + first + "</div><div>" +
                                    rest + "</div></div>");
  EXPECT_TRUE(Has(t, "第一部分0")) << t;
  EXPECT_TRUE(Has(t, "正文89")) << t;
}

TEST(ArticlePartsTest, AnAsideHoldingTheArticleBodyIsNotASidebar) {
  // A page that wraps its whole article in an <aside>, marked up as the
  // article body, under a menu that holds most of the page's text: the
  // <aside> is too small for the size veto, and still the content.
  std::string menu = "<header class='site-head'><nav><ul>";
  for (int i = 0; i < 150; ++i) {
    menu += "<li><a href='/r" + std::to_string(i) + "'>Rubrik Nummer " + std::to_string(i) +
            "</a></li>";
  }
  menu += "</ul></nav></header>";
  const std::string t = ExtractBody(
      menu + "<main><aside class='direct-content'><h1>Brücke wird saniert</h1>"
             "<div itemprop='articleBody'>" +
      GermanParagraphs("Absatz", 2) + "</div></aside></main>");
  EXPECT_TRUE(Has(t, "Absatz 1")) << t;
  EXPECT_FALSE(Has(t, "Rubrik Nummer")) << t;
}

TEST(ArticlePartsTest, AWrapperWhoseExtraIsMostlyMenuGivesWayToTheThread) {
  // A forum's page wrapper holds its welcome notes, a list of its boards
  // and the thread. The boards' links count against the wrapper
  // (ScoreOptions::link_penalty), so the thread alone keeps enough of the
  // wrapper's weight to be the content, and the notes stay out.
  std::string notes, boards, posts;
  for (int i = 0; i < 6; ++i) {
    notes += "<p>Welcome to the board, note " + std::to_string(i) +
             ": please read the rules before you post here.</p>";
  }
  for (int i = 0; i < 20; ++i) {
    boards += "<li><a href='/forum/" + std::to_string(i) + "'>Forum " + std::to_string(i) +
              "</a></li>";
  }
  for (int i = 0; i < 14; ++i) {
    posts += "<div class='post'><p>Reply " + std::to_string(i) +
             ": I had the same trouble with the encoder last week, and the newer build fixed "
             "it for me.</p></div>";
  }
  const std::string page = "<div class='page'>" + notes + "<ul class='forums'>" + boards +
                           "</ul><div class='thread'>" + posts + "</div></div>";
  const std::string t = ExtractBody(page);
  EXPECT_TRUE(Has(t, "Reply 0:")) << t;
  EXPECT_TRUE(Has(t, "Reply 13:")) << t;
  EXPECT_FALSE(Has(t, "Welcome to the board")) << t;
  // Counted at 0.6 of a byte each, the links leave the wrapper heavy enough
  // to keep.
  ExtractOptions options;
  options.score.link_penalty = 0.6;
  EXPECT_TRUE(Has(ExtractBody(page, options), "Welcome to the board"));
}

// A guide whose layout wrapper is named after its left column of page links,
// under a menu that holds most of the page's text; `main_class` names the
// column of the text.
std::string GuideInASidebarLayout(const std::string& main_class) {
  std::string menu = "<header class='site-head'><nav><ul>";
  for (int i = 0; i < 150; ++i) {
    menu += "<li><a href='/r" + std::to_string(i) + "'>Rubrik Nummer " + std::to_string(i) + "</a></li>";
  }
  menu += "</ul></nav></header>";
  return menu + "<h1>Leitfaden für kleine Betriebe</h1><div class='c-layout-sidebar-left'>"
                "<div class='c-layout-sidebar-top'><h2>Seiten</h2><ul>"
                "<li><a href='/s1'>Schritt 1: Daten sichern</a></li>"
                "<li><a href='/s2'>Schritt 2: Schadsoftware abwehren</a></li></ul></div>"
                "<div class='" + main_class + "'>" + GermanParagraphs("Absatz", 2) + "</div></div>";
}

TEST(ArticlePartsTest, ALayoutNamedAfterItsSidebarHoldsTheMainColumn) {
  // "c-layout-sidebar-left" is a layout with a column on the left; the
  // column named "c-layout-main" holds the text, so the layout is no sidebar.
  const std::string t = ExtractBody(GuideInASidebarLayout("c-layout-main"));
  EXPECT_TRUE(Has(t, "Absatz 1")) << t;
  EXPECT_FALSE(Has(t, "Rubrik Nummer")) << t;
  // Without a main column by name the wrapper is taken for a sidebar.
  EXPECT_FALSE(Has(ExtractBody(GuideInASidebarLayout("c-layout-body")), "Absatz 1"));
}

TEST(ArticlePartsTest, ASectionHeadingBesideItsEditLinksStays) {
  // A wiki's section heading and its edit links share one wrapper, the
  // links longer than the heading: the heading stays, the links go.
  const auto section = [](const std::string& heading, const std::string& edit,
                          const std::string& source) {
    return "<div class='x1'><h2>" + heading + "</h2><span class='x2'>[<a href='/e'>" + edit +
           "</a> | <a href='/s'>" + source + "</a>]</span></div>";
  };
  const std::string de = ExtractBody(
      GermanParagraphs("Einleitung", 2) + section("Geschichte", "Bearbeiten", "Quelltext bearbeiten") +
      GermanParagraphs("Geschichte", 3) + section("Bauwerk", "Bearbeiten", "Quelltext bearbeiten") +
      GermanParagraphs("Bauwerk", 3));
  EXPECT_TRUE(Has(de, "Geschichte\n")) << de;
  EXPECT_TRUE(Has(de, "Bauwerk\n")) << de;
  EXPECT_TRUE(Has(de, "Bauwerk 2")) << de;
  EXPECT_FALSE(Has(de, "bearbeiten")) << de;
  // A heading over a list of links is a box of links: it goes whole.
  const std::string box = ExtractBody(
      GermanParagraphs("Einleitung", 4) +
      "<div class='x1'><h3>Siehe auch</h3><ul><li><a href='/a'>Liste der Talsperren in "
      "Deutschland</a></li><li><a href='/b'>Rur-Talsperre Schwammenauel</a></li><li><a "
      "href='/c'>Nationalpark Eifel</a></li></ul></div>");
  EXPECT_FALSE(Has(box, "Nationalpark Eifel")) << box;
}

TEST(ArticlePartsTest, AListItemInAWrapperOfItsOwnIsJudgedWithItsList) {
  // DokuWiki sets each item's text in <div class="li">: an item that is
  // mostly a link is still an item of the article's list.
  const std::string t = ExtractBody(
      "<div class='x0'><h1>SSH-Schlüssel einrichten</h1><div class='x1'><p>Für den Zugriff "
      "auf die Rechner im Linux-Pool von außerhalb des Fakultätsnetzes ist seit dem "
      "Wintersemester eine Anmeldung per SSH-Schlüssel vorgeschrieben. Die Anmeldung mit "
      "Passwort funktioniert nur noch innerhalb des Fakultätsnetzes.</p></div>"
      "<h2>Voraussetzungen</h2><div class='x2'><ul><li><div class='x3'> ein aktives "
      "Benutzerkonto (nicht das zentrale Konto),</div></li><li><div class='x3'> ein "
      "SSH-Client: unter Linux und macOS ist OpenSSH vorinstalliert, unter Windows kann der "
      "mitgelieferte Client verwendet werden,</div></li><li><div class='x3'> Zugriff auf das "
      "<a href='/portal'>Self-Service-Portal</a>.</div></li></ul></div><h2>Schlüsselpaar "
      "erzeugen</h2><div class='x2'><p>Öffnen Sie ein Terminal und erzeugen Sie ein neues "
      "Schlüsselpaar vom Typ Ed25519. Als Kommentar empfiehlt sich Ihre Mailadresse, damit Sie "
      "den Schlüssel später im Portal leicht zuordnen können.</p></div></div>");
  EXPECT_TRUE(Has(t, "ein aktives Benutzerkonto")) << t;
  EXPECT_TRUE(Has(t, "Zugriff auf das Self-Service-Portal")) << t;
}

TEST(ArticlePartsTest, ATableDrawnInDivsByItsRolesReadsAsATable) {
  // A documentation platform draws its tables in <div>s with ARIA's table
  // roles: rows and cells read as a table's. Without a table around them,
  // the roles are not a table's and the divs stay blocks.
  const std::string t = ExtractBody(
      "<main><h1>Webhooks</h1><p>You can subscribe to the following events. Each event is "
      "delivered as a POST request with a JSON body to the address you registered in the "
      "dashboard.</p><div role='table'><div role='rowgroup'><div role='row'><div "
      "role='columnheader'>Event</div><div role='columnheader'>Sent when</div></div><div "
      "role='row'><div role='cell'>order.created</div><div role='cell'>A customer completes "
      "checkout</div></div></div></div><div><div role='row'><div role='cell'>Loose</div><div "
      "role='cell'>cells</div></div></div><p>Every request carries a signature header that you "
      "should verify before trusting the body.</p></main>");
  EXPECT_TRUE(Has(t, "Event | Sent when\norder.created | A customer completes checkout")) << t;
  EXPECT_TRUE(Has(t, "Loose\n\ncells")) << t;
}

TEST(ArticlePartsTest, AnIconsEmptyCellBesideANoticeIsNoColumn) {
  // A wiki's notice box: a table of one row, an icon's cell and the
  // notice. The empty cell writes no separator; a comparison table's empty
  // corner still does, so its columns stay in line.
  const std::string t = ExtractBody(
      "<main><h1>Schlüssel einrichten</h1><table class='x1'><tr><td><img alt='Info' "
      "src='i.png'></td><td>Dieser Artikel setzt Grundkenntnisse voraus.</td></tr></table>" +
      GermanParagraphs("Absatz", 2) +
      "<table><tr><td></td><td>Basis</td><td>Pro</td></tr><tr><td>Preis</td><td>5 Euro</td>"
      "<td>9 Euro</td></tr></table></main>");
  EXPECT_TRUE(Has(t, "\nDieser Artikel setzt")) << t;
  EXPECT_FALSE(Has(t, "| Dieser")) << t;
  EXPECT_TRUE(Has(t, "| Basis | Pro\nPreis | 5 Euro | 9 Euro")) << t;
}

TEST(ArticlePartsTest, ADescriptionThatIsOneLinkInAParagraphOfItsOwnStays) {
  // Sphinx sets each field's value in a <p> inside its <dd>; a return type
  // is one short link to the class's page: the term's value, not a menu.
  const std::string t = ExtractBody(
      "<main><h1>read_csv()</h1><p>Read a delimited text file into a table. Quoted fields may "
      "span several lines, and the delimiter is guessed from the first line when it is not "
      "given.</p><dl class='x1'><dt>Returns:</dt><dd><p>A new table holding the rows of the "
      "file.</p></dd><dt>Return type:</dt><dd><p><a href='core.html#Table'><em>Table</em></a>"
      "</p></dd></dl><p>Rows longer than the header raise an error, unless the option to skip "
      "them is set.</p></main>");
  EXPECT_TRUE(Has(t, "Return type:\n\nTable")) << t;
}

}  // namespace
}  // namespace corpus

// Main-content selection on small hand-written pages: boilerplate goes, the
// content stays, including the cases listed as peers' failures.
#include "corpus/extract/extractor.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::GermanParagraphs;
using testing::Has;

std::string Para(int n, const std::string& topic) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += "<p>The " + topic + " paragraph number " + std::to_string(i) +
           " explains, in plain words, how the river carries silt to the delta, and why farmers "
           "there have planted rice for three thousand years.</p>";
  }
  return out;
}

const char kNav[] =
    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
    "<li><a href='/about'>About</a></li><li><a href='/contact'>Contact</a></li></ul></nav>";

std::string Extract(const std::string& html, bool markdown = false) {
  ExtractOptions o;
  o.markdown = markdown;
  return ExtractMainContent(html, "https://example.org/", o).text;
}

TEST(ExtractorTest, ArticleWithoutChrome) {
  const std::string html =
      "<html><head><title>River - Site</title></head><body><header><a href='/'>Logo</a>" +
      std::string(kNav) + "</header><main><article><h1>River</h1>" + Para(4, "delta") +
      "</article></main><aside class='sidebar'><h3>Popular</h3><ul><li><a href='/a'>Other story "
      "one that is long</a></li><li><a href='/b'>Other story two that is long</a></li></ul></aside>"
      "<footer><p>Copyright 2025 Example Ltd. All rights reserved.</p></footer></body></html>";
  ExtractOptions o;
  const ExtractResult r = ExtractMainContent(html, "", o);
  EXPECT_TRUE(Has(r.text, "paragraph number 0"));
  EXPECT_TRUE(Has(r.text, "paragraph number 3"));
  EXPECT_FALSE(Has(r.text, "Contact"));
  EXPECT_FALSE(Has(r.text, "Copyright"));
  EXPECT_FALSE(Has(r.text, "Other story"));
  EXPECT_EQ(r.title, "River");
}

TEST(ExtractorTest, APostsTitleIsItsHeadingWhenTheH1IsTheBlogsName) {
  // The blog's name is the <h1> of the site's header; <title> is "blog:
  // post", and the post's heading in the article is the rest.
  std::string paragraphs;
  for (int i = 0; i < 3; ++i) {
    paragraphs += "<p>Nous sommes partis tôt de Villard-de-Lans, le sac léger, pour suivre le "
                  "sentier qui longe la Bourne jusqu'aux gorges, paragraphe " +
                  std::to_string(i) + ".</p>";
  }
  const std::string post =
      "<article><h3>Balade dans le Vercors : les gorges de la Bourne</h3>" + paragraphs +
      "</article><footer><h4>Les Carnets de Mireille</h4></footer>";
  const ExtractResult blog = ExtractMainContent(
      "<html lang='fr'><head><title>Les Carnets de Mireille: Balade dans le Vercors : les gorges "
      "de la Bourne</title></head><body><header><h1><a href='/'>Les Carnets de Mireille</a></h1>"
      "</header>" + post + "</body></html>", "", ExtractOptions{});
  EXPECT_EQ(blog.title, "Balade dans le Vercors : les gorges de la Bourne");
  // The same with the header in a plain <div>: the <h1> is a link through
  // and through, as a blog's name is.
  const ExtractResult plain = ExtractMainContent(
      "<html lang='fr'><head><title>Balade dans le Vercors : les gorges de la Bourne - Les "
      "Carnets de Mireille</title></head><body><div class='x1'><h1><a href='/'>Les Carnets de "
      "Mireille</a></h1></div>" + post + "</body></html>", "", ExtractOptions{});
  EXPECT_EQ(plain.title, "Balade dans le Vercors : les gorges de la Bourne");
  // The blog's name as plain text in a plain <div>, and a <title> cut
  // short: the heading that the rest of <title> opens.
  const ExtractResult cut = ExtractMainContent(
      "<html lang='fr'><head><title>Les Carnets de Mireille — Balade dans le Vercors : les "
      "gorges...</title></head><body><div id='header'><h1>Les Carnets de Mireille</h1><p>Un "
      "carnet de randonnées</p></div>" + post + "</body></html>", "", ExtractOptions{});
  EXPECT_EQ(cut.title, "Balade dans le Vercors : les gorges de la Bourne");
  // A headline of the article itself stays the title, whatever other
  // heading repeats the site's name.
  const ExtractResult news = ExtractMainContent(
      "<html lang='fr'><head><title>Balade dans le Vercors - Les Carnets de Mireille</title>"
      "</head><body><main><h1>Balade dans le Vercors</h1>" + paragraphs + "</main><div>"
      "<h2>Les Carnets de Mireille</h2></div></body></html>", "", ExtractOptions{});
  EXPECT_EQ(news.title, "Balade dans le Vercors");
  // The blog's name as an <h2> atop the page and the post's <h1> linked to
  // its own address, as older blog templates set them: the <h1> is the
  // post's.
  const ExtractResult linked = ExtractMainContent(
      "<html lang='ja'><head><title>ベランダのミニトマト : ベランダ菜園日誌</title></head><body>"
      "<div id='x3'><h2><a href='/'>ベランダ菜園日誌</a></h2></div><div class='x4'><h1><a "
      "href='/archives/1.html'>ベランダのミニトマト</a></h1><div class='x5'><p>梅雨の晴れ間が続いて、"
      "ベランダのミニトマトがぐんぐん伸びています。去年はわき芽を放置していたら、実はあまりつきませんでした。"
      "</p></div></div></body></html>", "", ExtractOptions{});
  EXPECT_EQ(linked.title, "ベランダのミニトマト");
}

// A headline typeset with typographic quotes is the headline of a <title>
// that types them plainly.
TEST(ExtractorTest, AHeadlinesQuotesAreItsTitlesPlainQuotes) {
  std::string paragraphs;
  for (int i = 0; i < 3; ++i) {
    paragraphs += "<p>Das Gedicht entstand im September 1902 in Paris, kurz nachdem der Dichter "
                  "in die Stadt gekommen war, Absatz " + std::to_string(i) + ".</p>";
  }
  const struct {
    const char* title;
    const char* h1;
  } cases[] = {
      {"Rilkes \"Herbsttag\" neu gelesen | Lyrikblatt", "Rilkes „Herbsttag“ neu gelesen"},
      {"On translating Rilke's \"Herbsttag\" | marginalia",
       "On translating Rilke’s “Herbsttag”"},
  };
  for (const auto& c : cases) {
    const ExtractResult r = ExtractMainContent(
        std::string("<html><head><title>") + c.title + "</title></head><body><h1>" + c.h1 +
            "</h1><div class='x'>" + paragraphs + "</div></body></html>",
        "", ExtractOptions{});
    EXPECT_EQ(r.title, c.h1);
  }
}

// A page with no <h1> whose template sets the headline in an <h2> (Joomla's
// article layout, phpBB's topic title): the title is that heading, not the
// <title> with the site's name after it; a heading that is not a part of
// <title> is not taken.
TEST(ExtractorTest, AnH2HeadlineNamedByTheTitleIsThePagesTitleWhenThereIsNoH1) {
  const auto title_of = [](const std::string& title, const std::string& body) {
    return ExtractMainContent("<html><head><title>" + title + "</title></head><body>" + body +
                                  "</body></html>",
                              "", ExtractOptions{})
        .title;
  };
  const std::string pl_body =
      "<div class='item-page'><div class='page-header'><h2 itemprop='headline'>Harmonogram "
      "odbioru odpadów wielkogabarytowych – jesień 2025</h2></div><div itemprop='articleBody'>"
      "<p>Urząd Gminy informuje, że w dniach od 6 do 17 października 2025 r. odbędzie się zbiórka "
      "odpadów wielkogabarytowych, zużytego sprzętu elektrycznego i elektronicznego.</p>"
      "<p>Odpady należy wystawić przed posesję w dniu odbioru do godziny 7:00.</p></div></div>";
  EXPECT_EQ(title_of("Harmonogram odbioru odpadów wielkogabarytowych – jesień 2025 - Urząd Gminy "
                     "Lipowa Wola",
                     pl_body),
            "Harmonogram odbioru odpadów wielkogabarytowych – jesień 2025");
  const std::string de_body =
      "<h2 class='topic-title'>Wärmepumpe brummt nachts</h2><div class='post'><p>Seit zwei "
      "Monaten haben wir eine Luft-Wasser-Wärmepumpe, und nachts hört man die Außeneinheit "
      "im Schlafzimmer.</p></div>";
  EXPECT_EQ(title_of("Haustechnik-Forum \xE2\x80\xA2 Thema anzeigen - Wärmepumpe brummt nachts", de_body),
            "Wärmepumpe brummt nachts");
  const std::string ja_body =
      "<h2>ベランダで育てるミニトマト</h2><p>春に苗を植えてから三か月、ベランダのプランターで"
      "ミニトマトが赤くなり始めた。水やりは朝と夕方の二回にした。</p>";
  EXPECT_EQ(title_of("ベランダで育てるミニトマト\xEF\xBD\x9C緑の小部屋", ja_body),
            "ベランダで育てるミニトマト");
  // A heading the <title> does not name: the <title> stays the title.
  EXPECT_EQ(title_of("Gemeindenachrichten - Musterstadt",
                     "<h2>Aktuelles</h2><p>Die Gemeinde hat am Dienstag beschlossen, die alte "
                     "Brücke im kommenden Frühjahr zu erneuern.</p>"),
            "Gemeindenachrichten - Musterstadt");
}

TEST(ExtractorTest, APostsTitleInAThreePartTitleAndNoTaglineAsItsLead) {
  // <title> is "post_blog_platform" and the post's own title holds a
  // separator; the sentence under the blog's name is its tagline, not the
  // post's lead.
  std::string paragraphs;
  for (int i = 0; i < 3; ++i) {
    paragraphs += "<div>今年清明，终于请了两天假回了一趟老家。从城里出发坐高铁，再转大巴，最后坐半小时"
                  "三轮车，到村口的时候天已经快黑了，外婆站在门口等我们，第" +
                  std::to_string(i) + "段。</div>";
  }
  const ExtractResult r = ExtractMainContent(
      "<html lang='zh'><head><title>回老家过清明：外婆的青团和那片茶园_山间听雨_某某博客</title>"
      "</head><body><div class='x1'><h1><a href='/'>山间听雨</a></h1><p>一个在城里上班的人，"
      "写写周末散步和日常生活里的小事，记录下那些容易被忘掉的时刻。</p></div><div class='x2'>"
      "<h2>回老家过清明：外婆的青团和那片茶园</h2><div class='x3'>" + paragraphs +
      "</div></div></body></html>", "", ExtractOptions{});
  EXPECT_EQ(r.title, "回老家过清明：外婆的青团和那片茶园");
  EXPECT_TRUE(Has(r.text, "第2段")) << r.text;
  EXPECT_FALSE(Has(r.text, "周末散步")) << r.text;
}

TEST(ExtractorTest, CookieBannerIsNotTheContent) {
  const std::string html =
      "<html><body><div id='cookie-consent'><p>We use cookies to improve your experience. By "
      "continuing, you agree to our use of cookies, tracking, and the sharing of your data with "
      "our many, many partners, as described at length in our policy.</p></div>"
      "<div class='content'>" + Para(2, "monsoon") + "</div></body></html>";
  const std::string t = Extract(html);
  EXPECT_TRUE(Has(t, "monsoon"));
  EXPECT_FALSE(Has(t, "cookies"));
}

TEST(ExtractorTest, ConsentBoxNamedInAnotherLanguageIsNotTheContent) {
  // A German consent manager's list of services ("DSGVO" is the GDPR's
  // German name), as long as the short article beside it.
  std::string services;
  for (int i = 0; i < 8; ++i) {
    services += "<div class='sp-dsgvo-category-name'>Dienst " + std::to_string(i) +
                ": Anonyme Auswertung zur Fehlerbehebung und Weiterentwicklung, Meta Platforms "
                "Ireland Ltd., Irland, USA.</div>";
  }
  const std::string html =
      "<html><body><div class='sp-dsgvo sp-dsgvo-overlay-hidden'><div class='sp-dsgvo-content'>" +
      services + "</div></div><article><h1>Wachstum</h1><p>Der Konzern meldet für das Jahr einen "
      "Umsatz von 64 Milliarden Euro, ein Plus von 44 Prozent. Das Wachstum ist vor allem auf die "
      "Modesparte zurückzuführen, aber auch Wein und Spirituosen legten um 26 Prozent zu.</p>"
      "</article></body></html>";
  const std::string t = Extract(html);
  EXPECT_TRUE(Has(t, "Modesparte")) << t;
  EXPECT_FALSE(Has(t, "Fehlerbehebung")) << t;
}

TEST(ExtractorTest, ShareAndRelatedBoxesInsideTheArticleGo) {
  const std::string html =
      "<html><body><article>" + Para(3, "glacier") +
      "<div class='share-buttons'><a href='/fb'>Facebook</a> <a href='/tw'>Twitter</a></div>"
      "<div class='related-posts'><h4>You may also like</h4><p>Some other article about "
      "mountains, valleys, and the sea, which is very interesting.</p></div>"
      "</article></body></html>";
  const std::string t = Extract(html);
  EXPECT_TRUE(Has(t, "glacier paragraph number 2"));
  EXPECT_FALSE(Has(t, "Facebook"));
  EXPECT_FALSE(Has(t, "You may also like"));
}

// A paragraph whose sentence links most of its words, each a word or two
// (the short links a menu is made of), is text: it has sentence marks and
// words of its own between the links. A paragraph of links alone goes.
TEST(ExtractorTest, AParagraphWhoseSentenceLinksItsWordsStays) {
  struct Case {
    const char* lang;
    const char* linked;  // the paragraph of linked words
    const char* words;   // words of it to find
  };
  const Case cases[] = {
      {"en",
       "<p>The decision follows rulings against <a href='/a'>retailers</a>, <a href='/b'>"
       "airlines</a>, <a href='/c'>streaming services</a> and <a href='/d'>two broadcasters</a> "
       "in <a href='/e'>France</a>, <a href='/f'>Belgium</a> and <a href='/g'>Italy</a>.</p>",
       "The decision follows"},
      {"de",
       "<p>Ähnlich entschieden zuvor <a href='/a'>Gerichte</a> in <a href='/b'>Köln</a>, "
       "<a href='/c'>Bremen</a>, <a href='/d'>Kiel</a> und <a href='/e'>Leipzig</a> gegen "
       "<a href='/f'>Händler</a> und <a href='/g'>Fluglinien</a>.</p>",
       "Ähnlich entschieden zuvor"},
      {"zh",
       "<p>此前，<a href='/a'>法国</a>、<a href='/b'>比利时</a>和<a href='/c'>意大利</a>的"
       "<a href='/d'>监管机构</a>也对<a href='/e'>零售商</a>、<a href='/f'>航空公司</a>作出了类似"
       "裁决。</p>",
       "作出了类似裁决"},
  };
  for (const Case& c : cases) {
    const std::string prose = c.lang == std::string("zh") ? std::string(
        "<p>监管机构周三裁定，该网站要求读者接受追踪，但拒绝需要点击五次，这不符合数据保护条例的"
        "要求，因此必须在三个月内修改其同意横幅。</p>") : GermanParagraphs("Absatz", 1);
    std::string body;
    for (int i = 0; i < 3; ++i) body += prose;
    const std::string t = ExtractMainContent(
        std::string("<html lang='") + c.lang + "'><body><article><h1>Urteil</h1>" + body +
            c.linked + body + "<p><a href='/x'>Politik</a> <a href='/y'>Wirtschaft</a> "
            "<a href='/z'>Sport</a> <a href='/w'>Kultur</a></p></article></body></html>",
        "", {}).text;
    EXPECT_TRUE(Has(t, c.words)) << c.lang << "\n" << t;
    EXPECT_FALSE(Has(t, "Wirtschaft")) << c.lang << "\n" << t;
  }
}

TEST(ExtractorTest, ContentInDivsAndSectionsWithoutParagraphs) {
  std::string blocks;
  for (int i = 0; i < 5; ++i) {
    blocks += "<div class='block'>Block " + std::to_string(i) +
              " describes our service in detail, with prices, terms, and what is included.</div>";
  }
  const std::string t = Extract("<html><body>" + std::string(kNav) + "<section>" + blocks +
                                "</section></body></html>");
  EXPECT_TRUE(Has(t, "Block 0 describes"));
  EXPECT_TRUE(Has(t, "Block 4 describes"));
  EXPECT_FALSE(Has(t, "Home"));
}

TEST(ExtractorTest, SeveralArticlesInMainAreAllKept) {
  std::string main = "<main>";
  for (int i = 0; i < 3; ++i) {
    main += "<article><h2>Post " + std::to_string(i) + "</h2>" + Para(2, "post" + std::to_string(i)) +
            "</article>";
  }
  main += "</main>";
  const std::string t = Extract("<html><body>" + std::string(kNav) + main + "</body></html>");
  EXPECT_TRUE(Has(t, "post0 paragraph"));
  EXPECT_TRUE(Has(t, "post1 paragraph"));
  EXPECT_TRUE(Has(t, "post2 paragraph"));
}

TEST(ExtractorTest, ShortOpeningParagraphIsKept) {
  const std::string t = Extract("<html><body><article><p>Short lede.</p>" + Para(3, "tide") +
                                "</article></body></html>");
  EXPECT_EQ(t.rfind("Short lede.", 0), 0u) << t;
}

TEST(ExtractorTest, ForumPostsMarkedAsCommentsAreKeptWhenTheyAreThePage) {
  std::string posts;
  for (int i = 0; i < 4; ++i) {
    posts += "<div class='comment'><span class='author'>user" + std::to_string(i) +
             "</span><p>Reply " + std::to_string(i) +
             ": I had the same problem with my router, and a firmware update fixed it.</p></div>";
  }
  const std::string t = Extract("<html><body>" + std::string(kNav) + "<div id='comments'>" + posts +
                                "</div></body></html>");
  EXPECT_TRUE(Has(t, "Reply 0"));
  EXPECT_TRUE(Has(t, "Reply 3"));
}

TEST(ExtractorTest, CommentsUnderAnArticleGo) {
  const std::string t = Extract("<html><body><article>" + Para(5, "canal") +
                                "</article><section id='comments'><div class='comment'><p>Great post, "
                                "thanks for sharing this with us!</p></div></section></body></html>");
  EXPECT_TRUE(Has(t, "canal paragraph number 4"));
  EXPECT_FALSE(Has(t, "Great post"));
}

TEST(ExtractorTest, ProductDescriptionFromJsonLd) {
  const std::string html =
      "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
      "\"@type\":\"Product\",\"name\":\"Wool Socks\",\"description\":\"Warm merino wool socks "
      "with a cushioned sole, knitted in Portugal.\"}</script></head><body><div class='product'>"
      "<h1>Wool Socks</h1><p>Price: 12 EUR. Free returns within thirty days of delivery.</p>"
      "</div></body></html>";
  const ExtractResult r = ExtractMainContent(html, "", ExtractOptions());
  EXPECT_TRUE(Has(r.text, "Warm merino wool socks"));
  EXPECT_TRUE(r.json_ld);
}

TEST(ExtractorTest, JsonLdDescriptionNotRepeatedWhenVisible) {
  const std::string html =
      "<html><head><script type='application/ld+json'>{\"@type\":\"Product\",\"description\":"
      "\"Warm merino wool socks with a cushioned sole.\"}</script></head><body><p>Warm merino wool "
      "socks with a cushioned sole. Knitted in Portugal from local wool, by hand.</p></body></html>";
  const ExtractResult r = ExtractMainContent(html, "", ExtractOptions());
  EXPECT_FALSE(r.json_ld);
  EXPECT_EQ(r.text.find("Warm merino"), r.text.rfind("Warm merino"));
}

TEST(ExtractorTest, BrSeparatedText) {
  const std::string t = Extract(
      "<html><body><div class='poem'>Roses are red, and the garden is wide,<br>violets are blue, "
      "by the river side,<br>sugar is sweet, as the old songs say,<br>and so are you, on a "
      "summer day.</div></body></html>");
  EXPECT_TRUE(Has(t, "wide,\nviolets"));
}

TEST(ExtractorTest, PageThatIsOneBigTable) {
  std::string rows;
  for (int i = 0; i < 30; ++i) {
    rows += "<tr><td>Station " + std::to_string(i) + "</td><td>" + std::to_string(i * 3) +
            " mm</td><td>Rain, light wind, clear later.</td></tr>";
  }
  const std::string t = Extract("<html><body>" + std::string(kNav) + "<table>" + rows +
                                "</table></body></html>");
  EXPECT_TRUE(Has(t, "Station 0 | 0 mm | Rain, light wind, clear later."));
  EXPECT_TRUE(Has(t, "Station 29 | 87 mm"));
}

TEST(ExtractorTest, HiddenTextIsDropped) {
  const std::string t = Extract("<html><body><article>" + Para(3, "harbour") +
                                "<div style='display: none'>secret hidden words</div>"
                                "<span class='sr-only'>opens in new window</span>"
                                "<a class='visually-hidden-focusable' href='#main'>Skip to content</a>"
                                "</article></body></html>");
  EXPECT_FALSE(Has(t, "secret hidden"));
  EXPECT_FALSE(Has(t, "opens in new window"));
  EXPECT_FALSE(Has(t, "Skip to content"));
}

TEST(ExtractorTest, LayoutNamedAfterItsSidebarsHoldsTheMain) {
  // The wrapper of <main> and its two sidebars is named after the sidebars,
  // and the link-heavy left one keeps it under the size veto.
  std::string links;
  for (int i = 0; i < 60; ++i) links += "<li><a href='/p" + std::to_string(i) + "'>Reference page " + std::to_string(i) + "</a></li>";
  std::string footer;
  for (int i = 0; i < 30; ++i) footer += "<p>Portions of this content are by individual contributors, licence " + std::to_string(i) + ".</p>";
  const std::string t = Extract(
      "<html><body><div class='layout__2-sidebars-inline'><main><h1>WebSocket</h1>" + Para(2, "socket") +
      "</main><aside class='left-sidebar'><ol>" + links + "</ol></aside></div><footer>" + footer +
      "</footer></body></html>");
  EXPECT_TRUE(Has(t, "socket paragraph number 1")) << t;
  EXPECT_FALSE(Has(t, "Reference page 7"));
}

// One paragraph of about 300 bytes of text (not counting spaces).
std::string LongPara(const std::string& topic) {
  return "<p>The " + topic + " paragraph number 0 explains how the river carries silt to the delta. "
         "It also explains, in plain words and at some length, why the farmers who live there have "
         "planted rice for three thousand years, why they still do, and how the floods of each "
         "spring renew the fields they plant.</p>";
}

TEST(ExtractorTest, SectionsNamedForTheirMenuKeepTheirProse) {
  // "content-nav-section" is a section the in-page menu links to; "main-nav"
  // is the menu. Only the one holding paragraphs of prose is content.
  const std::string t = Extract(
      "<html><body><div class='main-nav'><ul><li><a href='/a'>Saving</a></li><li><a href='/b'>"
      "Budgeting</a></li></ul></div><div class='page'><h1>Building wealth</h1>"
      "<div class='content-nav-section'>" + LongPara("wealth") + "</div>"
      "<div class='content-nav-section'>" + LongPara("income") + "</div>"
      "<div class='content-nav-section'>" + LongPara("spending") + "</div>"
      "<div class='content-nav-section'>" + LongPara("saving") + "</div>"
      "<div class='toc-para'>" + LongPara("budget") + "</div>"
      "<div class='toc'><a href='#s1'>Section one</a> <a href='#s2'>Section two</a></div></div>"
      "</body></html>");
  EXPECT_TRUE(Has(t, "wealth paragraph number 0")) << t;
  EXPECT_TRUE(Has(t, "budget paragraph number 0")) << t;
  EXPECT_FALSE(Has(t, "Budgeting"));
  EXPECT_FALSE(Has(t, "Section two"));
}

TEST(ExtractorTest, MojibakeIsRepairedBeforeTheParseLosesIt) {
  // "’" read as Latin-1: "â" and two C1 controls, which the HTML parser
  // would replace with U+FFFD.
  const std::string t = Extract("<html><body><article><p>The river doesn\xC3\xA2\xC2\x80\xC2\x99t "
                                "flood in winter, and the farmers\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2 "
                                "fields rest.</p></article></body></html>");
  EXPECT_TRUE(Has(t, "doesn\xE2\x80\x99t flood")) << t;
  EXPECT_TRUE(Has(t, "farmers\xE2\x80\x99 fields")) << t;
}

TEST(ExtractorTest, ControlCharactersAreRepairedBeforeTheParse) {
  // A German page whose quotes and dashes are Windows-1252 bytes that a
  // tool read as ISO-8859-1: C1 controls, which the HTML parser would show
  // as U+FFFD. Each is its Windows-1252 character; an undefined one goes, and
  // so does a C0 control.
  const std::string t = Extract(
      "<html lang='de'><body><article><p>Der Verein sagt, es sei \xC2\x84" "ein gro\xC3\x9F"
      "er Tag\xC2\x93 f\xC3\xBCr die Stadt \xC2\x96 und der B\xC3\xBCrgermeister "
      "stimmt zu\xC2\x85 Die Feier beginnt um acht Uhr am Marktplatz.\xC2\x9D</p>"
      "<p>Die Weltsicht auch auf die unbequemen \x1DThemen unserer Zeit, mit genug Worten "
      "f\xC3\xBCr einen zweiten Absatz.</p>"
      "</article></body></html>");
  EXPECT_TRUE(Has(t, "\xE2\x80\x9E" "ein gro\xC3\x9F" "er Tag\xE2\x80\x9C")) << t;  // „…“
  EXPECT_TRUE(Has(t, "Stadt \xE2\x80\x93 und")) << t;                              // –
  EXPECT_TRUE(Has(t, "zu\xE2\x80\xA6 Die Feier")) << t;                            // …
  EXPECT_TRUE(Has(t, "unbequemen Themen")) << t;
  EXPECT_FALSE(Has(t, "\xEF\xBF\xBD")) << t;                                       // no U+FFFD
}

TEST(ExtractorTest, ScriptsStylesAndCommentsAreNeverText) {
  const std::string t = Extract(
      "<html><body><p>Visible text that is long enough to count, with a comma, and a period.</p>"
      "<script>var x = '<p>not text</p>';</script><style>p{color:red}</style><!-- <p>nope</p> -->"
      "<svg><text>svg label</text></svg></body></html>");
  EXPECT_TRUE(Has(t, "Visible text"));
  EXPECT_FALSE(Has(t, "not text"));
  EXPECT_FALSE(Has(t, "color"));
  EXPECT_FALSE(Has(t, "svg label"));
  EXPECT_FALSE(Has(t, "nope"));
}

TEST(ExtractorTest, MarkdownFormat) {
  const std::string t = Extract("<html><body><article><h2>Setup</h2>" + Para(2, "install") +
                                    "<pre>make install</pre></article></body></html>",
                                true);
  EXPECT_TRUE(Has(t, "## Setup"));
  EXPECT_TRUE(Has(t, "```\nmake install\n```"));
}

TEST(ExtractorTest, NoContentGivesEmptyText) {
  EXPECT_EQ(Extract("<html><body>" + std::string(kNav) + "</body></html>"), "");
  EXPECT_EQ(Extract(""), "");
}

}  // namespace
}  // namespace corpus

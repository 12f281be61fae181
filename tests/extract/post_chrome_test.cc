// Chrome inside posts and articles (post_chrome.h) and disclosure panels
// (boilerplate.h): small hand-written pages, checked through the whole
// extractor so the rules are seen doing their job in context.
#include "corpus/extract/post_chrome.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "corpus/extract/extractor.h"
#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::Has;

std::string Extract(const std::string& body) { return testing::ExtractBody(body); }

// One forum post: an author card (name, rank, stats), the message, a signature.
std::string Post(int i, const std::string& card_attrs) {
  const std::string n = std::to_string(i);
  return "<div class='post'><div " + card_attrs + "><a href='/u/" + n + "'>poster" + n +
         "</a><div class='rank'>Senior Member " + n + "</div><dl><dt>Posts:</dt><dd>12" + n +
         "</dd><dt>Joined:</dt><dd>March 20" + n + "</dd></dl></div>"
         "<div class='message'><p>Reply number " + n + " says that the pump must be primed "
         "before the first start, and that the valve should be checked every spring.</p></div>"
         "<div class='signature'>My rig: tractor and pump model " + n + "</div></div>";
}

TEST(PostChromeTest, AuthorCardKeepsOnlyTheName) {
  for (const std::string attrs : {"itemprop='author'", "class='postprofile'", "class='bloc-auteur'",
                                  "itemscope itemtype='https://schema.org/Person'"}) {
    std::string thread;
    for (int i = 0; i < 4; ++i) thread += Post(i, attrs);
    const std::string t = Extract("<main>" + thread + "</main>");
    SCOPED_TRACE(attrs);
    EXPECT_TRUE(Has(t, "poster0"));
    EXPECT_TRUE(Has(t, "poster3"));
    EXPECT_TRUE(Has(t, "Reply number 3"));
    EXPECT_FALSE(Has(t, "Senior Member"));
    EXPECT_FALSE(Has(t, "Joined:"));
    EXPECT_FALSE(Has(t, "My rig"));  // the signature
  }
}

// An article's author box after its last paragraph, named "about the
// author" in the theme's language: the name and the bio go.
TEST(PostChromeTest, AnAboutTheAuthorBoxGoesInItsLanguage) {
  const std::pair<const char*, const char*> boxes[] = {
      {"pl", "o-autorze"}, {"cs", "o-autorovi"}, {"nl", "over-de-auteur"}, {"ru", "ob-avtore"}};
  for (const auto& [lang, name] : boxes) {
    std::string body;
    for (int i = 0; i < 4; ++i) {
      body += "<p>Za uchwałą głosowało 28 radnych, przeciw było 12, a trzech wstrzymało się od "
              "głosu; projekt zmian przygotował prezydent miasta (" +
              std::to_string(i) + ").</p>";
    }
    const std::string page =
        std::string("<html lang='") + lang + "'><body><div class='x'><h1>Radni zdecydowali</h1>"
        "<div class='y'><span>Tomasz Nowak</span> 14.01.2026</div><div class='lead'><p>Krakowscy "
        "radni zdecydowali w środę o przesunięciu terminu wprowadzenia ograniczeń w strefie "
        "czystego transportu.</p></div><div class='z'>" + body + "</div><div class='" + name +
        "'><p><strong>Tomasz Nowak</strong></p><p>Dziennikarz działu krakowskiego. Zajmuje się "
        "samorządem i transportem publicznym.</p></div></div></body></html>";
    const std::string t = ExtractMainContent(page, "", {}).text;
    SCOPED_TRACE(name);
    EXPECT_TRUE(Has(t, "(3)")) << t;
    EXPECT_FALSE(Has(t, "Dziennikarz")) << t;
  }
}

// One post of a thread laid out as a table, with neutral names: the
// poster's card in one cell, the message and its ruled signature in the
// other.
std::string TablePost(int i) {
  const std::string n = std::to_string(i);
  return "<table class='x1'><tr><td class='x2'>13.03.2023, 07:5" + n + "</td><td>#" + n +
         "</td></tr><tr><td class='x3'><div><a href='/u/" + n + "'>schrauber" + n + "</a></div>"
         "<div class='x4'>Erfahrener Benutzer</div><div class='x4'><div>Registriert seit: 0" + n +
         ".2019</div><div>Beiträge: 34" + n + "</div></div></td><td class='x5'><div>Die "
         "Wasserpumpe wird beim Diesel vom Zahnriemen angetrieben, also tauscht man sie beim "
         "Wechsel gleich mit, sagt Antwort " + n + ".</div><div>__________________<br>Golf 5 "
         "Variant – Bj. 200" + n + "</div></td></tr></table>";
}

TEST(PostChromeTest, CardsAndSignaturesOfAThreadInTablesGo) {
  std::string thread;
  for (int i = 0; i < 3; ++i) thread += TablePost(i);
  const std::string t = Extract("<div class='x0'>" + thread + "</div>");
  EXPECT_TRUE(Has(t, "sagt Antwort 0")) << t;
  EXPECT_TRUE(Has(t, "sagt Antwort 2")) << t;
  EXPECT_FALSE(Has(t, "Erfahrener Benutzer")) << t;
  EXPECT_FALSE(Has(t, "Registriert seit")) << t;
  EXPECT_FALSE(Has(t, "Variant – Bj.")) << t;
  // One such row is a table in an article: its cells stay whole.
  const std::string one = Extract(
      "<article><h1>Zahnriemen</h1><p>Der Wechsel ist bei diesem Motor alle 120.000 Kilometer "
      "fällig, und die Werkstätten verlangen dafür sehr unterschiedliche Preise.</p><table><tr>"
      "<td><div><a href='/w'>Werkstatt Maier</a></div><div>Heilbronn</div><div>seit 1987</div>"
      "</td><td>Die Werkstatt verlangt 520 Euro für den Satz mit Spannrolle, mit Wasserpumpe "
      "sind es 690 Euro.</td></tr></table></article>");
  EXPECT_TRUE(Has(one, "seit 1987")) << one;
}

TEST(PostChromeTest, AnAudioPlayersBoxGoes) {
  // A broadcaster's clip between two paragraphs: its label, title and
  // running time are the player's, not the story's. A paragraph beside an
  // <audio> element stays.
  const std::string para =
      "<p>Mit 68 zu 54 Stimmen hat der Gemeinderat am Mittwochabend ein Postulat überwiesen, "
      "das vom Stadtrat verlangt, sich beim Kanton für Tempo 30 einzusetzen.</p>";
  const std::string t = Extract(
      "<article><h1>Ja zu Tempo 30</h1>" + para + "<div class='x1'><div class='x2'><button "
      "aria-label='Abspielen'></button><audio src='/a.mp3'></audio></div><div class='x3'>"
      "<span>Audio</span><h3>Rosengartenstrasse: Gemeinderat will Tempo 30</h3><span>02:13 "
      "min, aus Regionaljournal Zürich vom 21.02.2024.</span></div></div>" + para +
      "<div><audio src='/b.mp3'></audio><p>Die Befürworter argumentieren vor allem mit dem "
      "Lärmschutz: Entlang der Strasse wohnen mehrere tausend Menschen.</p></div></article>");
  EXPECT_TRUE(Has(t, "Postulat")) << t;
  EXPECT_FALSE(Has(t, "Gemeinderat will Tempo 30")) << t;
  EXPECT_FALSE(Has(t, "02:13")) << t;
  EXPECT_TRUE(Has(t, "mit dem Lärmschutz")) << t;
}

TEST(PostChromeTest, AnAPIReferencesSignaturesStay) {
  // Sphinx sets a function's signature in <dt class="sig"> with "sig-*"
  // spans, Javadoc in <div class="member-signature"> over the description:
  // the page's text, not a poster's signature.
  const std::string sphinx = Extract(
      "<div role='main'><section><h1>quarrel.pool</h1><dl><dt class='sig sig-object py'><span "
      "class='sig-prename'>quarrel.pool.</span><span class='sig-name'>QueuePool</span><span "
      "class='sig-paren'>(</span><em class='sig-param'>creator</em>, <em class='sig-param'>"
      "pool_size=5</em><span class='sig-paren'>)</span></dt><dd><p>A pool that keeps a fixed "
      "number of idle connections and opens extra ones under load, up to a limit.</p></dd></dl>"
      "</section></div>");
  EXPECT_TRUE(Has(sphinx, "quarrel.pool.QueuePool(creator, pool_size=5)")) << sphinx;
  const std::string javadoc = Extract(
      "<main><section><h3>defaults</h3><div class='member-signature'><span>public static</span> "
      "<span><a href='#'>RetryPolicy</a></span> <span>defaults</span>()</div><div class='block'>"
      "Returns the policy used when none is configured: three attempts with exponential "
      "backoff, starting at one second and doubling each time.</div></section><section><h3>none</h3><div class='member-signature'><span>public "
      "static</span> <span><a href='#'>RetryPolicy</a></span> <span>none</span>()</div><div "
      "class='block'>Returns a policy that never retries, for calls that must fail fast, and "
      "report the error to their caller at once.</div></section></main>");
  EXPECT_TRUE(Has(javadoc, "public static RetryPolicy defaults()")) << javadoc;
  EXPECT_TRUE(Has(javadoc, "public static RetryPolicy none()")) << javadoc;
}

TEST(PostChromeTest, AnAuthorCardWhoseNameSharesABlockWithTheBioKeepsOnlyTheName) {
  // The name's link and the bio's paragraph in one wrapper: the wrapper is
  // looked into, and the bio goes.
  std::string body;
  for (int i = 0; i < 3; ++i) {
    body += "<p>Paragraph " + std::to_string(i) +
            " says that most of the country gets an extra hour of sleep this weekend, as "
            "daylight saving time comes to an end, and that the ritual remains unpopular.</p>";
  }
  const std::string t = Extract(
      "<main><article><h1>Daylight saving time ends Sunday</h1><div class='body'>" + body +
      "</div><div class='author-card'><img src='/a.jpg' alt=''><div class='author-card__body'>"
      "<a href='/people/ak'>Andrew Kowalski</a><p>Andrew Kowalski is a science and health "
      "reporter for Lakeshore Public Media. He previously covered the environment.</p>"
      "<a href='mailto:ak@example.org'>ak@example.org</a></div></div></article></main>");
  EXPECT_TRUE(Has(t, "Paragraph 2 says")) << t;
  EXPECT_FALSE(Has(t, "is a science and health reporter")) << t;
}

TEST(PostChromeTest, AnAuthorBoxsLinkUnderTheBioGoesWithIt) {
  // A link set in the box's own line after the bio ("all articles by the
  // author", "follow") goes with the bio. Polish,
  // Portuguese and Japanese themes, the lead set beside the body so that
  // the selection holds the box.
  const struct {
    const char* lang;
    const char* paragraph;
    const char* name;  // stays as a card's name, or goes with a box the article passes find
    const char* bio;
    const char* link;
  } cases[] = {
      {"pl", "Jeszcze jesienią średnia marża dla nowych kredytów hipotecznych wynosiła około 1,9 "
             "pkt proc., a dziś w kilku dużych bankach przekracza już 2,2 pkt proc.",
       "Tomasz Wierzbicki",
       "Dziennikarz działu finansowego. Pisze o bankowości i ochronie konsumentów.",
       "Zobacz wszystkie artykuły autora"},
      {"pt", "O presidente da câmara prometeu apresentar o mapa detalhado das obras na próxima "
             "reunião pública, marcada para junho, e ouvir os moradores dos bairros afetados.",
       "Joana Amorim", "Jornalista de política local. Escreve sobre urbanismo e transportes.",
       "Seguir"},
      {"ja", "市は火曜日、川に架かる古い橋を来年の春に架け替えると発表した。市長によると、"
             "工事はおよそ半年かかる見込みで、その間住民は迂回路を利用する必要がある。",
       "山田花子", "地域ニュース担当の記者。行政と交通を取材している。", "この著者の記事一覧"},
  };
  for (const auto& c : cases) {
    std::string body;
    for (int i = 0; i < 3; ++i) body += std::string("<p>") + c.paragraph + " " + std::to_string(i) + "</p>";
    const std::string t = testing::ExtractBody(
        std::string("<article lang='") + c.lang + "'><h1>Headline</h1><p class='lead'>" +
        c.paragraph + "</p><div class='content'>" + body +
        "</div><div class='author-box'><p class='author-box__name'>" + c.name +
        "</p><p class='author-box__bio'>" + c.bio + "</p><a href='/autor/x'>" + c.link +
        "</a></div></article>");
    EXPECT_TRUE(Has(t, "Headline")) << t;
    EXPECT_FALSE(Has(t, c.bio)) << t;
    EXPECT_FALSE(Has(t, c.link)) << t;
  }
}

TEST(PostChromeTest, LargeAuthorMarkupIsNotACard) {
  // itemprop=author around the whole text: nothing is trimmed.
  const std::string body = "<div itemprop='author'><h2>Field notes</h2>" +
                           std::string(40, ' ') +
                           "<p>The first paragraph tells how the orchard was planted in rows "
                           "running north to south, to share the light.</p><p>The second one "
                           "tells how the trees were pruned in the winter.</p></div>";
  const std::string t = Extract(body);
  EXPECT_TRUE(Has(t, "Field notes"));
  EXPECT_TRUE(Has(t, "pruned in the winter"));
}

TEST(PostChromeTest, SignatureHoldingTheAuthorCardStays) {
  std::string posts;
  for (int i = 0; i < 3; ++i) {
    const std::string n = std::to_string(i);
    posts += "<div class='answer'><p>Answer " + n + " explains that the cache must be cleared "
             "after the upgrade, or the old files will be served again.</p>"
             "<div class='post-signature'><div class='user-details' itemprop='author'>"
             "<a href='/u/" + n + "'>helper" + n + "</a><div class='flair'>12k reputation</div>"
             "</div></div></div>";
  }
  const std::string t = Extract("<main>" + posts + "</main>");
  EXPECT_TRUE(Has(t, "helper2"));
  EXPECT_FALSE(Has(t, "reputation"));
}

TEST(PostChromeTest, FigureCaptionsAndUserTitlesGo) {
  const std::string body =
      "<article><h1>Harbour</h1><p>The harbour was rebuilt after the storm of the last "
      "winter, with a longer breakwater and a new quay for the ferries.</p>"
      "<figure><img src='a.jpg'><figcaption>The new quay. Photo: Harbour Board</figcaption>"
      "</figure><p>Fishermen say the new breakwater keeps the swell out, even in the worst "
      "of the autumn gales.</p><span itemprop='jobTitle'>Staff photographer</span></article>";
  const std::string t = Extract(body);
  EXPECT_TRUE(Has(t, "autumn gales"));
  EXPECT_FALSE(Has(t, "Photo: Harbour Board"));
  EXPECT_FALSE(Has(t, "Staff photographer"));
}

TEST(PostChromeTest, ACreditBesideThePictureInAFigureGoes) {
  // The credit is a <span> right after the <img>, outside the caption; a
  // figure's text that is not beside a picture stays.
  const std::string body =
      "<article><h1>Flooding</h1><p>Residents have begun the clean-up after the worst "
      "flooding the town has seen in four decades, with some saying they lost everything.</p>"
      "<figure><div><img src='a.jpg'><span>Getty Images</span></div><figcaption>Boats on "
      "Tudor Street</figcaption></figure><p>The regulator had issued an amber warning for "
      "rain covering much of the region, with up to 120mm falling on higher ground.</p>"
      "<figure><div><span>Rainfall in millimetres, by day</span></div><table><tr><td>Monday"
      "</td><td>42</td></tr></table></figure></article>";
  const std::string t = Extract(body);
  EXPECT_TRUE(Has(t, "amber warning"));
  EXPECT_FALSE(Has(t, "Getty Images")) << t;
  EXPECT_TRUE(Has(t, "Rainfall in millimetres")) << t;
}

std::string ArticleBody() {
  std::string paras;
  for (int i = 0; i < 4; ++i) {
    paras += "<p>Paragraph " + std::to_string(i) + " of the story says the bridge will close "
             "for repairs in March, and that the ferry will run every half hour instead.</p>";
  }
  return paras;
}

TEST(PostChromeTest, FinePrintAndFormLabelsGo) {
  const std::string body =
      "<article><h1>Savings</h1><p>A savings account pays interest every month, and the "
      "rate changes with the central bank's rate.</p><p>Most banks let you open one online "
      "in a few minutes, with no fee.</p><label for='s'>Sort by newest</label>"
      "<p class='ad-disclaimer'>Rates shown are for illustration only.</p>"
      "<div class='footnotes'><ol><li>Central bank bulletin, page four.</li></ol></div>"
      "</article>";
  const std::string t = Extract(body);
  EXPECT_TRUE(Has(t, "open one online"));
  EXPECT_FALSE(Has(t, "Sort by newest"));
  EXPECT_FALSE(Has(t, "for illustration only"));
  EXPECT_FALSE(Has(t, "bulletin"));
}

TEST(PostChromeTest, AChecklistOfLabelsIsText) {
  // A recipe's ingredients set as boxes to tick, each item a <label> around
  // its check box (Portuguese, Spanish): the list is the recipe's. The same
  // boxes in a form are a choice sent to the site, and go.
  for (const auto& [lang, items] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"pt", {"3 ovos", "4 xícaras (chá) de leite", "1 xícara (chá) de fubá"}},
           {"es", {"200 g de harina", "2 huevos grandes", "1 cucharada de azúcar"}}}) {
    std::string list;
    for (const std::string& item : items) {
      list += "<li><label><input type='checkbox'> <span>" + item + "</span></label></li>";
    }
    const std::string page = "<article><h1>Bolo</h1>" + ArticleBody() +
                             "<h2>Ingredientes</h2><ul>" + list + "</ul>" + ArticleBody() +
                             "</article>";
    const std::string t = Extract(page);
    for (const std::string& item : items) EXPECT_TRUE(Has(t, item)) << lang << "\n" << t;
    const std::string form = Extract("<article><h1>Bolo</h1>" + ArticleBody() +
                                     "<form action='/buscar'><ul>" + list + "</ul></form>" +
                                     ArticleBody() + "</article>");
    EXPECT_FALSE(Has(form, items[0])) << lang << "\n" << form;
  }
}

// A post of a thread's page for crawlers: author, date and the post's
// number in schema.org's ListItem markup, then the message (Spanish).
std::string NumberedPost(int i) {
  const std::string n = std::to_string(i);
  return "<div class='post' itemprop='itemListElement' itemscope "
         "itemtype='http://schema.org/ListItem'><div class='meta'><span>usuario" + n +
         "</span> <time>4 marzo 2023, 6:2" + n + "pm</time> <span itemprop='position'>" + n +
         "</span></div><div class='body'><p>La respuesta número " + n + " explica que hay que "
         "reiniciar el servicio después de cambiar la configuración del proxy.</p></div></div>";
}

TEST(PostChromeTest, APostsOrdinalGoes) {
  // The number is no text; the date beside it stays.
  const std::string t =
      Extract("<main>" + NumberedPost(1) + NumberedPost(2) + NumberedPost(3) + "</main>");
  EXPECT_TRUE(Has(t, "La respuesta número 3")) << t;
  EXPECT_TRUE(Has(t, "6:21pm")) << t;
  EXPECT_FALSE(Has(t, "6:21pm 1")) << t;
  EXPECT_FALSE(Has(t, "6:23pm 3")) << t;
  // A long value under the same name is text (a job's position).
  const std::string job = Extract(
      "<main><p>She joined the firm in 2019.</p><p itemprop='position'>Head of the harbour "
      "authority's planning office</p></main>");
  EXPECT_TRUE(Has(job, "planning office")) << job;
}

TEST(PostChromeTest, APostsNumberLinkAtTheEndOfItsHeadGoes) {
  // A forum's post head: the date, then a permalink written "#1" (German,
  // Hebrew). An issue's number linked inside a sentence stays.
  for (const auto& [lang, reply] : std::vector<std::pair<std::string, std::string>>{
           {"de", "Die Antwort erklärt, dass man den Zahnriemen nach 120.000 Kilometern "
                  "wechseln sollte, und dass die Werkstatt das bestätigt hat."},
           {"he", "התשובה מסבירה שצריך להחליף את הרצועה אחרי מאה ועשרים אלף קילומטרים, "
                  "והמוסך אישר את זה."}}) {
    std::string thread;
    for (int i = 1; i <= 3; ++i) {
      const std::string n = std::to_string(i);
      thread += "<div class='x1'><div class='x2'>14.05.2017, 20:1" + n +
                "<a href='/t/1#post" + n + "'>#" + n + "</a></div><div class='x3'><p>" + n + ". " + reply +
                "</p></div></div>";
    }
    const std::string t = Extract("<html lang='" + lang + "'><body><main>" + thread +
                                  "</main></body></html>");
    EXPECT_TRUE(Has(t, "14.05.2017, 20:12")) << lang << "\n" << t;
    EXPECT_FALSE(Has(t, "#2")) << lang << "\n" << t;
  }
  const std::string issue = Extract(
      "<main><p>The crash was fixed in the last release; see <a href='/issues/2018'>#2018</a> "
      "for details.</p></main>");
  EXPECT_TRUE(Has(issue, "see #2018 for details")) << issue;
}

TEST(PostChromeTest, NoscriptJavaScriptNoticesGo) {
  EXPECT_EQ(Extract("<noscript>You need to enable JavaScript to run this app.</noscript>"
                    "<div id='root'></div>"),
            "");
  const std::string t = Extract(
      "<main><noscript><p>This slideshow requires JavaScript.</p></noscript>" + ArticleBody() +
      "</main>");
  EXPECT_TRUE(Has(t, "Paragraph 2"));
  EXPECT_FALSE(Has(t, "slideshow"));
}

TEST(PostChromeTest, NoscriptContentStays) {
  // Some forums serve their posts only inside <noscript>: that is content.
  const std::string t = Extract("<noscript>" + ArticleBody() + "</noscript>");
  EXPECT_TRUE(Has(t, "Paragraph 3"));
}

TEST(PostChromeTest, HiddenTabAndAccordionPanelsAreContent) {
  const std::string body =
      "<main><h1>Our services</h1><div role='tablist'><a href='#a'>Audit</a><a href='#b'>Tax"
      "</a></div><div role='tabpanel' id='a'><p>Our audit team reviews the accounts of "
      "mid-sized companies, from inventory counts to the final report.</p></div>"
      "<div role='tabpanel' id='b' hidden><p>Our tax team files returns in twelve countries "
      "and answers questions from the authorities.</p></div>"
      "<div class='accordion-item__dropdown' style='display:none'><p>Fees are agreed in "
      "advance, for each engagement, and billed monthly.</p></div></main>";
  const std::string t = Extract(body);
  EXPECT_TRUE(Has(t, "audit team"));
  EXPECT_TRUE(Has(t, "tax team files returns"));
  EXPECT_TRUE(Has(t, "billed monthly"));
}

TEST(PostChromeTest, HiddenTextOutsidePanelsStillGoesAndPopoversGo) {
  std::string paras;
  for (int i = 0; i < 6; ++i) {
    paras += "<p>The museum opens at nine, every day but Monday, and entry is free for "
             "children under twelve and for students; room " + std::to_string(i) +
             " shows the old maps of the coast.</p>";
  }
  // The main text outweighs the hidden blocks (a block with a large share of
  // a page's text is kept whatever its markup says).
  const std::string body =
      "<main>" + paras + "<div hidden><p>Secret text that only a "
      "script would show, hidden from every reader.</p></div>"
      "<div popover id='app'><p>Install our app for a better experience, with alerts and "
      "offline maps.</p></div></main>";
  const std::string t = Extract(body);
  EXPECT_TRUE(Has(t, "museum opens"));
  EXPECT_FALSE(Has(t, "Secret text"));
  EXPECT_FALSE(Has(t, "Install our app"));
}

}  // namespace
}  // namespace corpus

// Boxes around an article that its own container holds: tables of contents,
// related-post and author boxes found by their heading, sign-up boxes,
// "Related:" teaser lines, and sidebars in an <aside> that hold much text.
// The article's text stays.
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "corpus/extract/extractor.h"
#include "corpus/extract/phrase_book.h"
#include "corpus/extract/related_sections.h"
#include "corpus/extract/teaser_lines.h"
#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::ExtractBody;
using testing::Has;

std::string Paragraphs(const std::string& topic, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += "<p>The " + topic + " section number " + std::to_string(i) +
           " explains, at some length and with care, how the work was done, why it "
           "matters, and what the reader should take away from it once the season is over "
           "and the beds are cleared for the winter, the tools are put away and the "
           "seed catalogues for next year begin to arrive.</p>";
  }
  return out;
}

TEST(ArticleBoxesTest, InPageLinkListIsATableOfContents) {
  const std::string text = ExtractBody(
      "<article><h1>Growing tomatoes</h1><ul>"
      "<li><a href='#soil'>Preparing the soil for planting</a></li>"
      "<li><a href='#water'>Watering through the summer</a></li>"
      "<li><a href='#pests'>Keeping pests away</a></li></ul>" +
      Paragraphs("tomato", 4) + "</article>");
  EXPECT_TRUE(Has(text, "tomato section number 3")) << text;
  EXPECT_FALSE(Has(text, "Watering through the summer")) << text;
}

TEST(ArticleBoxesTest, TheTitleOfATableOfContentsGoesWithIt) {
  // The title, in whatever language, is the short text right before the
  // list: a bold line in the box, a heading of its own.
  const std::string toc =
      "<ul><li><a href='#soil'>Preparing the soil for planting</a></li>"
      "<li><a href='#water'>Watering through the summer</a></li>"
      "<li><a href='#pests'>Keeping pests away</a></li></ul>";
  const std::string boxed = ExtractBody("<article><h1>Growing tomatoes</h1>" +
                                        Paragraphs("tomato", 2) +
                                        "<div class='box'><p><strong>Inhalt</strong></p>" + toc +
                                        "</div>" + Paragraphs("late tomato", 2) + "</article>");
  EXPECT_TRUE(Has(boxed, "late tomato section number 1")) << boxed;
  EXPECT_FALSE(Has(boxed, "Inhalt")) << boxed;
  EXPECT_FALSE(Has(boxed, "Watering through the summer")) << boxed;
  const std::string heading = ExtractBody("<article><h1>Growing tomatoes</h1>" +
                                          Paragraphs("tomato", 2) + "<h2>目次</h2>" + toc +
                                          Paragraphs("late tomato", 2) + "</article>");
  EXPECT_FALSE(Has(heading, "目次")) << heading;
  // A sentence before the list is the article's.
  const std::string sentence = ExtractBody(
      "<article><h1>Growing tomatoes</h1>" + Paragraphs("tomato", 2) +
      "<p>Skip to a part.</p>" + toc + Paragraphs("late tomato", 2) + "</article>");
  EXPECT_TRUE(Has(sentence, "Skip to a part.")) << sentence;
}

TEST(ArticleBoxesTest, ListWithFewInPageLinksStays) {
  // Two links to notes, and a list whose items are prose around a link.
  const std::string text = ExtractBody(
      "<article><h1>Growing tomatoes</h1>" + Paragraphs("tomato", 3) +
      "<ul><li><a href='#n1'>Loam</a> holds water well.</li>"
      "<li><a href='#n2'>Sand</a> drains fast.</li></ul>"
      "<ol><li>Dig a trench, see <a href='#a'>above</a>, and fill it with compost from the "
      "heap.</li><li>Set the plants in, see <a href='#b'>below</a>, deeper than they grew.</li>"
      "<li>Water well, as <a href='#c'>noted</a>, every other morning.</li></ol></article>");
  EXPECT_TRUE(Has(text, "holds water well")) << text;
  EXPECT_TRUE(Has(text, "Dig a trench")) << text;
}

TEST(ArticleBoxesTest, ArticleBoxHeadingsMatch) {
  EXPECT_TRUE(IsArticleBoxHeading(testing::EnglishPhrases(), "Related Posts"));
  EXPECT_TRUE(IsArticleBoxHeading(testing::EnglishPhrases(), "About the author:"));
  EXPECT_TRUE(IsArticleBoxHeading(testing::EnglishPhrases(), "Like this:"));
  EXPECT_TRUE(IsArticleBoxHeading(testing::EnglishPhrases(), "Don't miss"));
  EXPECT_TRUE(IsArticleBoxHeading(testing::EnglishPhrases(), "TRENDING"));
  EXPECT_TRUE(IsArticleBoxHeading(testing::EnglishPhrases(), "ALSO READ"));
  EXPECT_TRUE(IsArticleBoxHeading(testing::EnglishPhrases(), "More on this story"));
  EXPECT_FALSE(IsArticleBoxHeading(testing::EnglishPhrases(), "Read more"));
  EXPECT_FALSE(IsArticleBoxHeading(testing::EnglishPhrases(), "Related"));
  // A wire service's game story ends in its own "UP NEXT" section.
  EXPECT_FALSE(IsArticleBoxHeading(testing::EnglishPhrases(), "UP NEXT"));
  EXPECT_FALSE(IsArticleBoxHeading(testing::EnglishPhrases(), "Related work on soil"));
  // A site's lists of its own popular stories are an article's boxes only;
  // lists of pages related to this one ("Related posts") go on any page.
  EXPECT_FALSE(IsRelatedHeading(testing::EnglishPhrases(), "Most popular"));
  EXPECT_TRUE(IsRelatedHeading(testing::EnglishPhrases(), "Related posts"));
  // Arabic news sites' box of other stories between paragraphs, with or
  // without the hamza and the tanween.
  const PhraseSet ar = PhraseBook::Default().For("ar");
  EXPECT_TRUE(IsArticleBoxHeading(ar, "اقرأ أيضا"));
  EXPECT_TRUE(IsArticleBoxHeading(ar, "إقرأ أيضاً"));
}

TEST(ArticleBoxesTest, RelatedPostsInsideTheArticleGo) {
  const std::string text = ExtractBody(
      "<article><h1>Growing tomatoes</h1>" + Paragraphs("tomato", 4) +
      "<div class='box'><h3>Related posts</h3>"
      "<div><a href='/a'>Ten ways to grow peppers on a balcony</a>"
      "<p>Peppers like the sun, and so do you, so here is how to get both.</p></div>"
      "<div><a href='/b'>Why your basil keeps dying in the kitchen</a>"
      "<p>Basil wants more light than a kitchen sill gives it, and less water.</p></div>"
      "</div></article>");
  EXPECT_TRUE(Has(text, "tomato section number 3")) << text;
  EXPECT_FALSE(Has(text, "Peppers like the sun")) << text;
}

TEST(ArticleBoxesTest, LatestNewsOnAPageOfLinksStays) {
  std::string list = "<h1>Space news</h1><h2>Latest news</h2><ul>";
  for (int i = 0; i < 8; ++i) {
    list += "<li><a href='/n" + std::to_string(i) + "'>Probe number " + std::to_string(i) +
            " reaches the outer planets after a long flight</a></li>";
  }
  const std::string text = ExtractBody("<main>" + list + "</ul></main>");
  EXPECT_TRUE(Has(text, "Probe number 7 reaches")) << text;
}

TEST(ArticleBoxesTest, AsideBesideTheHeadlineGoesHoweverLarge) {
  const std::string text = ExtractBody(
      "<main><div><h1>Growing tomatoes</h1>" + Paragraphs("tomato", 3) + "</div><aside>" +
      Paragraphs("unrelated recent post", 2) + "</aside></main>");
  EXPECT_TRUE(Has(text, "tomato section number 2")) << text;
  EXPECT_FALSE(Has(text, "unrelated recent post")) << text;
}

TEST(ArticleBoxesTest, AsideHoldingTheHeadlineIsAWrapper) {
  const std::string text = ExtractBody("<aside class='wrap'><h1>Growing tomatoes</h1>" +
                                   Paragraphs("tomato", 3) + "</aside>");
  EXPECT_TRUE(Has(text, "tomato section number 2")) << text;
}

TEST(ArticleBoxesTest, NamedSidebarBesideTheHeadlineGoesHoweverLarge) {
  // A shop's column of customer reviews beside its product: a <div> named
  // "sidebar" whole, a sibling of the column that holds the headline. It
  // holds a large share of the page's prose, which a wrapper's size veto
  // would keep.
  const std::string reviews =
      "<div class='card'><a href='/r'>Jana K.</a><p>Wir haben das Familienzelt im Oktober "
      "gemietet und alles hat wunderbar geklappt. Die Ausrüstung kam zwei Tage früher an und "
      "war in einem sehr guten Zustand. Gerne wieder!</p></div>"
      "<div class='card'><a href='/r'>Tom B.</a><p>Freundliche Beratung am Telefon, schnelle "
      "Lieferung und eine unkomplizierte Rückgabe im Laden. Für unsere Wanderung in den Alpen "
      "war alles dabei, was wir brauchten.</p></div>";
  const std::string product =
      "<p>Der Rucksack hat ein Tragesystem mit einem durchgehenden Rückenteil aus leichtem "
      "Netzgewebe, das vom oberen Rand bis zum Hüftgurt reicht und sich dem Körper anpasst.</p>"
      "<p>Die Ausrüstung erreichen Sie von oben oder über ein Reißverschlussfach vorne.</p>";
  const std::string page = "<html lang='de'><body><div id='content-area'><div id='left-area'>"
                           "<h1>Trekkingrucksack 65 zur Miete</h1>" + product +
                           "</div><div id='sidebar'><h4>Bewertungen</h4>" + reviews +
                           "</div></div></body></html>";
  const std::string text = ExtractMainContent(page, "", ExtractOptions{}).text;
  EXPECT_TRUE(Has(text, "Netzgewebe")) << text;
  EXPECT_FALSE(Has(text, "Familienzelt")) << text;
  // A longer name is often a layout's wrapper named after the column it
  // holds, and keeps the veto.
  std::string wrapper = page;
  wrapper.replace(wrapper.find("id='sidebar'"), 12, "class='sidebar-first-only'");
  const std::string kept = ExtractMainContent(wrapper, "", ExtractOptions{}).text;
  EXPECT_TRUE(Has(kept, "Familienzelt")) << kept;
}

TEST(ArticleBoxesTest, SignupBoxWithItsPitchGoes) {
  const std::string text = ExtractBody(
      "<article><h1>Growing tomatoes</h1>" + Paragraphs("tomato", 3) +
      "<div class='cta'><p>Get our free weekly letter with tips for your garden.</p>"
      "<form action='/s'><input type='email' name='EMAIL'><button>Go</button></form>"
      "</div></article>");
  EXPECT_TRUE(Has(text, "tomato section number 2")) << text;
  EXPECT_FALSE(Has(text, "free weekly letter")) << text;
}

// The text of an article of three paragraphs followed by `box`, on a page
// that declares the language `lang`.
std::string ArticleWithBoxIn(const std::string& lang, const std::string& box) {
  return ExtractMainContent("<html lang='" + lang + "'><body><article><h1>Tomatoes</h1>" +
                                Paragraphs("tomato", 3) + box + "</article></body></html>",
                            "", ExtractOptions{}).text;
}

TEST(ArticleBoxesTest, PitchBoxEndingInACallToActionGoes) {
  // No form: the box asks for a subscription or a donation, and its last
  // line is a link set as a button whose words are a call to action of the
  // page's language.
  const std::string en = ArticleWithBoxIn(
      "en", "<div class='x1'><h2>This article is for subscribers only</h2><p>Subscribe today "
      "for unlimited access to our journalism, newsletters and analysis. Cancel anytime.</p>"
      "<a href='/subscribe'>Subscribe now</a></div>" + Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(en, "tomato section number 2")) << en;
  EXPECT_TRUE(Has(en, "pepper section number 1")) << en;
  EXPECT_FALSE(Has(en, "subscribers only")) << en;
  EXPECT_FALSE(Has(en, "unlimited access")) << en;
  const std::string de = ArticleWithBoxIn(
      "de", "<div class='x2'><p>Sie haben 3 von 5 Gratisartikeln gelesen.</p><p>Lesen Sie "
      "weiter mit einem Digital-Abo für nur 1 Franken im ersten Monat.</p><div><a class='btn' "
      "href='/abo'>Jetzt abonnieren</a></div></div>");
  EXPECT_TRUE(Has(de, "tomato section number 2")) << de;
  EXPECT_FALSE(Has(de, "Gratisartikeln")) << de;
  const std::string ja = ArticleWithBoxIn(
      "ja", "<section><p>会員になると、すべての記事を読むことができます。毎朝のニュースレターもお届けします。"
      "</p><p><a href='/join'>今すぐ登録</a></p></section>");
  EXPECT_TRUE(Has(ja, "tomato section number 2")) << ja;
  EXPECT_FALSE(Has(ja, "会員になると")) << ja;
  // The action as a <button>, whose label is not the page's text.
  const std::string es = ArticleWithBoxIn(
      "es", "<div class='x3'><h3>Las noticias del día, en tu correo.</h3><p>Recibe cada mañana "
      "nuestro boletín.</p><button class='b'>Suscríbete</button></div>" + Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(es, "tomato section number 2")) << es;
  EXPECT_FALSE(Has(es, "nuestro boletín")) << es;
  // An appeal for donations in the middle of the story.
  const std::string give = ArticleWithBoxIn(
      "en", "<div class='x4'><h3>Help us keep the rivers open</h3><p>Twenty pounds pays for a "
      "volunteer's survey kit for a whole season.</p><p><a href='/give'>Donate today</a></p>"
      "</div>" + Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(give, "pepper section number 1")) << give;
  EXPECT_FALSE(Has(give, "survey kit")) << give;
  // A Portuguese magazine's appeal, its button a bare infinitive.
  const std::string pt = ArticleWithBoxIn(
      "pt", "<div class='x5'><h3>A revista precisa de si</h3><p>Somos uma revista independente, "
      "sem paywall. Contribua com um donativo mensal a partir de 3 euros.</p><a href='/d'>Doar"
      "</a></div>" + Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(pt, "pepper section number 1")) << pt;
  EXPECT_FALSE(Has(pt, "donativo mensal")) << pt;
}

TEST(ArticleBoxesTest, ACallToActionWithWordsInsideItsPhraseGoes) {
  // German sets the verb last: "Jetzt … testen" frames an offer, "Jetzt …
  // unterstützen" a platform's name.
  const std::string trial = ArticleWithBoxIn(
      "de", "<div class='x1'><h3>Du willst weiterlesen?</h3><p>Mit dem Plus-Abo erhältst du "
      "Zugriff auf alle Analysen und Hintergründe. Jederzeit kündbar.</p><a href='/plus'>Jetzt "
      "4 Wochen für 0,99 € testen</a></div>" + Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(trial, "pepper section number 1")) << trial;
  EXPECT_FALSE(Has(trial, "Jederzeit kündbar")) << trial;
  const std::string support = ArticleWithBoxIn(
      "de", "<div class='x2'><h3>Dir gefällt unsere Arbeit?</h3><p>Wir sind unabhängig und "
      "werbefrei. Schon ab 3 Euro im Monat hilfst du uns weiter.</p><div><a href='/s'>Jetzt "
      "auf Steady unterstützen</a></div></div>" + Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(support, "pepper section number 1")) << support;
  EXPECT_FALSE(Has(support, "werbefrei")) << support;
}

TEST(ArticleBoxesTest, ACallToSupportTheSiteByItsNameGoes) {
  // A verb of [pitch_verbs] and the site's name: "Support the Harbour
  // Gazette", "Unterstütze die Hafenzeitung".
  const std::string en = ArticleWithBoxIn(
      "en", "<div class='x1'><h2>You've read 8 articles this year</h2><p>We have no "
      "shareholders and no owner to answer to. Readers like you keep our reporting free for "
      "everyone.</p><a href='/s'>Support the Harbour Gazette</a></div>" + Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(en, "pepper section number 1")) << en;
  EXPECT_FALSE(Has(en, "no shareholders")) << en;
  const std::string de = ArticleWithBoxIn(
      "de", "<div class='x2'><h3>Lokaljournalismus kostet Geld</h3><p>Wir finanzieren uns "
      "allein durch unsere Leserinnen und Leser. Schon drei Euro im Monat helfen.</p><a "
      "href='/s'>Unterstütze die Hafenzeitung</a></div>" + Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(de, "pepper section number 1")) << de;
  EXPECT_FALSE(Has(de, "Leserinnen und Leser")) << de;
  // Russian: the verb before the site's name in guillemets.
  const std::string ru = ArticleWithBoxIn(
      "ru", "<div class='x2'><p>«Гавань» работает благодаря вам. Мы лишились почти всех доходов "
      "от рекламы. Помогите нам продолжать работу.</p><a href='/s'>Поддержать «Гавань»</a>"
      "</div>" + Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(ru, "pepper section number 1")) << ru;
  EXPECT_FALSE(Has(ru, "доходов")) << ru;
  // Hungarian: "Támogatom" and the site's name, between paragraphs.
  const std::string hu = ArticleWithBoxIn(
      "hu", "<div class='x2'><h3>A Kikötő független, mert te támogatod</h3><p>Nálunk nincsenek "
      "milliárdos tulajdonosok és kormányzati hirdetések. Ha fontos neked, támogass minket!</p>"
      "<a href='/s'>Támogatom a Kikötőt</a></div>" + Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(hu, "pepper section number 1")) << hu;
  EXPECT_FALSE(Has(hu, "milliárdos")) << hu;
  // Czech: a subscription box closing with its action.
  const std::string cs = ArticleWithBoxIn(
      "cs", "<div class='x2'><h3>Přístav Premium</h3><p>Získejte neomezený přístup ke všem "
      "článkům a archivu. Předplatné od 99 Kč měsíčně.</p><a href='/s'>Předplatit</a></div>" +
      Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(cs, "pepper section number 1")) << cs;
  EXPECT_FALSE(Has(cs, "neomezený přístup")) << cs;
  // The verb alone, or before a long line, is no such call.
  const std::string help = ArticleWithBoxIn(
      "en", "<div class='x3'><h3>Warranty</h3><p>Parts and labour are covered for the lifetime "
      "of the product, and returns are free within thirty days.</p><a href='/s'>Support the "
      "product with our free repair service for as long as you own it</a></div>" +
      Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(help, "returns are free")) << help;
}

TEST(ArticleBoxesTest, PitchBoxWithItsButtonBesideItsTitleGoes) {
  // The box's title, its sentence and its button are lines of one block;
  // the button closes it, between paragraphs of the article.
  const std::string fr = ArticleWithBoxIn(
      "fr", "<section class='x1'><span class='x2'>Newsletter</span><p class='x3'>« Chaleur "
      "humaine » Comment faire face au défi climatique ? Chaque jeudi, nos meilleurs articles "
      "sur le sujet</p><a class='x4' href='/newsletters/'>S’inscrire</a></section>" +
      Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(fr, "pepper section number 1")) << fr;
  EXPECT_FALSE(Has(fr, "Chaleur humaine")) << fr;
}

TEST(ArticleBoxesTest, PitchLineTakesItsBox) {
  // A subscription box whose first line opens with an invitation; its
  // button reads as a label, and its log-in line is a sentence.
  const std::string es = ArticleWithBoxIn(
      "es", "<div class='x1'><div class='x2'><p>Suscríbete para seguir leyendo</p><p>Lee sin "
      "límites</p><a href='/suscripciones/'>Seguir leyendo</a><p>¿Ya eres suscriptor? "
      "<a href='/login'>Inicia sesión</a></p></div></div>");
  EXPECT_TRUE(Has(es, "tomato section number 2")) << es;
  EXPECT_FALSE(Has(es, "Lee sin límites")) << es;
  EXPECT_FALSE(Has(es, "Ya eres suscriptor")) << es;
  // An invitation written as a paragraph of the article (Dutch).
  const std::string nl = ArticleWithBoxIn(
      "nl", "<p><em>Heb jij een tip voor de redactie? Mail naar tips@example.nl of stuur een "
      "bericht via WhatsApp.</em></p>" + Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(nl, "pepper section number 1")) << nl;
  EXPECT_FALSE(Has(nl, "tip voor de redactie")) << nl;
}

TEST(ArticleBoxesTest, ConsentPlaceholderOfAnEmbedGoes) {
  // A video or a post from another site waits for the reader's consent: the
  // placeholder's text says so, and its button loads the embed.
  const std::string de = ArticleWithBoxIn(
      "de", "<x-embed class='x6'><div class='x7'><p>Empfohlener redaktioneller Inhalt</p><p>Mit "
      "Ihrer Zustimmung wird hier ein externer Inhalt geladen.</p><button>Externe Inhalte immer "
      "anzeigen</button><p>Ich bin damit einverstanden, dass mir externe Inhalte angezeigt "
      "werden. Damit können personenbezogene Daten an Drittplattformen übermittelt werden."
      "</p></div></x-embed>" + Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(de, "tomato section number 2")) << de;
  EXPECT_TRUE(Has(de, "pepper section number 1")) << de;
  EXPECT_FALSE(Has(de, "redaktioneller Inhalt")) << de;
  EXPECT_FALSE(Has(de, "Drittplattformen")) << de;
  const std::string en = ArticleWithBoxIn(
      "en", "<div class='x8'><p>By loading the video, you agree to the privacy policy of the "
      "video platform.</p><p><a href='#load'>Load video</a></p></div>" + Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(en, "pepper section number 1")) << en;
  EXPECT_FALSE(Has(en, "By loading the video")) << en;
  // Persian: "Allow Instagram content?" and its "Accept and continue".
  const std::string fa = ArticleWithBoxIn(
      "fa", "<div class='x9'><p>مجاز شمردن محتوای Instagram؟</p><p>این مطلب حاوی محتوای "
      "Instagram است. پیش از بارگذاری هر مطلبی از شما اجازه خواسته می‌شود.</p><button>قبول و "
      "ادامه</button></div>" + Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(fa, "pepper section number 1")) << fa;
  EXPECT_FALSE(Has(fa, "اجازه خواسته")) << fa;
  const std::string ja = ArticleWithBoxIn(
      "ja", "<div class='x9'><p>このコンテンツを表示するには、外部サービスへのデータ送信に同意してください。</p>"
      "<button>同意して表示</button></div>" + Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(ja, "pepper section number 1")) << ja;
  EXPECT_FALSE(Has(ja, "外部サービス")) << ja;
  // The "always allow" box is a form label on the button's line.
  const std::string labelled = ArticleWithBoxIn(
      "de", "<div class='x6'><div><p><strong>Externer Inhalt</strong></p><p>Beim Laden des "
      "Inhalts werden personenbezogene Daten an den Anbieter übermittelt.</p><button>Externen "
      "Inhalt laden</button><label><input type='checkbox'> Ich bin damit einverstanden, dass mir "
      "externe Inhalte angezeigt werden.</label></div></div>" + Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(labelled, "pepper section number 1")) << labelled;
  EXPECT_FALSE(Has(labelled, "Beim Laden des Inhalts")) << labelled;
  // No button: the placeholder's switch is a checkbox, its label the action.
  const std::string toggle = ArticleWithBoxIn(
      "de", "<div class='x2'><p>Empfohlener redaktioneller Inhalt</p><p>An dieser Stelle finden "
      "Sie einen externen Inhalt, der den Artikel ergänzt. Sie können ihn sich mit einem Klick "
      "anzeigen lassen.</p><label class='x5'><input type='checkbox'> Externen Inhalt anzeigen"
      "</label><p>Damit können personenbezogene Daten an Drittplattformen übermittelt werden.</p>"
      "</div>" + Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(toggle, "pepper section number 1")) << toggle;
  EXPECT_FALSE(Has(toggle, "einen externen Inhalt")) << toggle;
  EXPECT_FALSE(Has(toggle, "Drittplattformen")) << toggle;
  // A placeholder set under a ticker entry's paragraph takes only itself.
  const std::string entry = ArticleWithBoxIn(
      "de", "<div class='x1'><h3>Zugverkehr unterbrochen</h3><p>Wegen eines Murgangs ist die "
      "Strecke zwischen Langenthal und Olten derzeit gesperrt, sagt die Bahn.</p><div><p>Hier "
      "findest du ergänzende Inhalte von X. Um sie zu sehen, brauchen wir deine Zustimmung.</p>"
      "<button>Inhalte anzeigen</button></div></div>" + Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(entry, "Wegen eines Murgangs")) << entry;
  EXPECT_FALSE(Has(entry, "ergänzende Inhalte")) << entry;
}

TEST(ArticleBoxesTest, AQuestionWithButtonsForAnswersGoes) {
  // A documentation page's feedback box (Italian): a question, a button for
  // each answer, and the replies that the buttons show.
  const std::string t = ArticleWithBoxIn(
      "it", "<div class='x4'><h2>Feedback</h2><p>Questa pagina è stata utile?</p><button>Sì"
      "</button><button>No</button><p>Felice di sentirlo! Diccelo come possiamo migliorare.</p>"
      "</div>" + Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(t, "tomato section number 2")) << t;
  EXPECT_TRUE(Has(t, "pepper section number 1")) << t;
  EXPECT_FALSE(Has(t, "stata utile")) << t;
  EXPECT_FALSE(Has(t, "Felice di sentirlo")) << t;
  // Buttons one to a list item (Japanese): the box is the block around
  // their list, and it asks a question.
  const std::string listed = ArticleWithBoxIn(
      "ja", "<div class='x4'><p>この回答で疑問は解決しましたか？</p><ul><li><button type='button'>"
      "はい</button></li><li><button type='button'>いいえ</button></li></ul></div>" +
      Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(listed, "pepper section number 1")) << listed;
  EXPECT_FALSE(Has(listed, "解決しましたか")) << listed;
  // A short line over a list of buttons that asks nothing (a forum post's
  // one line and its Like and Reply buttons) stays.
  const std::string post = ArticleWithBoxIn(
      "en", "<div class='x4'><p>Mine did the same after the update, and a reset fixed it.</p>"
      "<ul><li><button type='button'>Like</button></li><li><button type='button'>Reply</button>"
      "</li></ul></div>" + Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(post, "a reset fixed it")) << post;
}

TEST(ArticleBoxesTest, ALineInvitingTheReaderToFollowGoes) {
  // A line among the paragraphs that opens with an invitation to follow,
  // join or subscribe, in the page's language; a sentence that only
  // mentions following stays.
  for (const auto& [lang, line] : std::vector<std::pair<std::string, std::string>>{
           {"es", "¡Síguenos en nuestro canal de WhatsApp y no te pierdas la última hora!"},
           {"de", "Folgen Sie uns auf Instagram und Facebook für mehr Nachrichten aus der Region."},
           {"zh", "点击上方蓝字关注我们，每天为你推送上海的老味道。"},
           // A region's name inside the opening, an emoji before it.
           {"de", "Sie wollen keine Nachrichten aus dem Landkreis Starnberg mehr verpassen? Dann "
                  "melden Sie sich für unseren kostenlosen Newsletter an."},
           {"pt", "📲 Participe do canal do g1 Minas no WhatsApp"},
           {"es", "Suscríbete aquí para recibir directo en tu correo nuestras newsletters sobre "
                  "noticias del día."},
           // The newsroom asking for tips, closing Nordic and Dutch stories.
           {"sv", "Har du tips? Skicka till redaktionen via sms eller e-post, vi betalar för "
                  "publicerade tips."},
           {"nl", "Tip de redactie: heb je zelf iets gezien? Mail ons via het tipformulier."},
           // The formal "Síganos", a self-media account's "欢迎关注", a blog
           // ranking's banner without "ブログ", a news site's "Suivez toute
           // l'actualité".
           {"es", "Síganos en nuestro canal de WhatsApp y entérese de las noticias más importantes."},
           {"zh", "欢迎关注我们的公众号，每天为你推送本地新鲜事。"},
           {"ja", "ランキングに参加しています。よろしければポチッとお願いします"},
           {"fr", "Suivez toute l'actualité de votre région sur Google et sur notre canal WhatsApp."},
           // A blogger's or a contributor's own call, a tabloid's call for
           // stories, a portal's line after each story.
           {"en", "*** Follow me on Instagram or YouTube for a daily moment of travel inspiration ***"},
           {"it", "Seguimi su Instagram per altre ricette facili di tutti i giorni!"},
           {"pt", "Siga-me no Instagram para mais receitas fáceis do dia a dia."},
           {"en", "Do you have a story to sell? Get in touch with us at stories@example.com."},
           {"en", "Catch all the Business News, Market News and Latest News Updates on City Daily."}}) {
    const std::string t =
        ArticleWithBoxIn(lang, "<p class='x5'>" + line + "</p>" + Paragraphs("pepper", 2));
    EXPECT_TRUE(Has(t, "pepper section number 1")) << lang << "\n" << t;
    EXPECT_FALSE(Has(t, line)) << lang << "\n" << t;
  }
  const std::string kept = ArticleWithBoxIn(
      "en", "<p>Readers who follow us on the trail will find the beds at the far end.</p>");
  EXPECT_TRUE(Has(kept, "Readers who follow us on the trail")) << kept;
}

TEST(ArticleBoxesTest, AQuestionAndThenAnInvitationGo) {
  // A pitch that opens with a teaser question and then invites the reader
  // ([pitch_openings] after the question), in the story's last paragraph.
  for (const auto& [lang, line] : std::vector<std::pair<std::string, std::string>>{
           {"de", "Sie möchten wissen, was in Essen passiert? Abonnieren Sie hier unseren "
                  "kostenlosen Newsletter."},
           {"en", "Want more from the Harbour Times? Sign up for our newsletter and never miss a "
                  "story."},
           {"es", "¿Quieres estar al día de lo que pasa en tu barrio? Síguenos en nuestro canal "
                  "de WhatsApp."},
           {"fr", "Vous aimez nos recettes ? Abonnez-vous à notre newsletter du dimanche."}}) {
    const std::string t = ArticleWithBoxIn(lang, "<p>" + line + "</p>");
    EXPECT_TRUE(Has(t, "tomato section number 2")) << lang << "\n" << t;
    EXPECT_FALSE(Has(t, line)) << lang << "\n" << t;
  }
  // The question must open the line: after a sentence of the story, the
  // line is the story's.
  const std::string kept = ArticleWithBoxIn(
      "en", "<p>The council met on Monday. What did it decide? Follow us on the long road to "
      "the vote, as we did last year.</p>");
  EXPECT_TRUE(Has(kept, "What did it decide")) << kept;
}

TEST(ArticleBoxesTest, AnInvitationOnALastLineAfterABreakGoesAlone) {
  // A paragraph whose last line, after a <br>, invites the reader to follow
  // the site or send it tips: the line goes, the lines above it stay. An
  // invitation on a line that is not the last stays with its paragraph.
  for (const auto& [lang, story, line] : std::vector<std::array<std::string, 3>>{
           {"ko", "한편 시는 이달 말까지 시민 의견을 수렴한 뒤 세부 운행 시간표를 확정해 공개할 예정이다.",
            "▶ 제보하기 : 카카오톡 @한빛일보, 이메일 jebo@hanbit.co.kr"},
           {"es", "El ayuntamiento publicará el calendario definitivo de las obras a finales de mes.",
            "Síguenos en nuestro canal de WhatsApp y no te pierdas la última hora."},
           {"de", "Die Stadt will den endgültigen Zeitplan für die Bauarbeiten Ende des Monats "
                  "veröffentlichen.",
            "Folgen Sie uns auf Instagram und Facebook für mehr Nachrichten aus der Region."}}) {
    const std::string t = ArticleWithBoxIn(
        lang, "<p>" + story + "<br><br>" + line + "</p>" + Paragraphs("pepper", 1));
    EXPECT_TRUE(Has(t, story)) << lang << "\n" << t;
    EXPECT_FALSE(Has(t, line)) << lang << "\n" << t;
    const std::string middle = ArticleWithBoxIn(
        lang, "<p>" + story + "<br>" + line + "<br>" + story + "</p>" + Paragraphs("pepper", 1));
    EXPECT_TRUE(Has(middle, line)) << lang << "\n" << middle;
  }
}

TEST(ArticleBoxesTest, ALineOfLinksToTheSitesSocialProfilesGoes) {
  // A short line whose links are all the site's profiles on two social
  // networks or more (and perhaps an address for tips), however it is
  // worded: the site's name may stand where "us" would.
  for (const auto& [lang, line] : std::vector<std::pair<std::string, std::string>>{
           {"en", "<i>Follow City News on <a href='https://www.facebook.com/CityNews'>Facebook"
                  "</a>, <a href='https://twitter.com/citynews'>Twitter</a> and <a "
                  "href='https://www.instagram.com/citynews/'>Instagram</a>. Send your story ideas "
                  "to <a href='mailto:tips@citynews.example'>tips@citynews.example</a>.</i>"},
           {"es", "Toda la actualidad de Ciudad en <a href='https://www.tiktok.com/@ciudad'>TikTok"
                  "</a> y <a href='https://www.youtube.com/@ciudad'>YouTube</a>."},
           {"de", "Die Stadtzeitung gibt es auch bei <a href='https://www.instagram.com/stadt'>"
                  "Instagram</a> und <a href='https://t.me/stadtzeitung'>Telegram</a>."}}) {
    const std::string t = ArticleWithBoxIn(lang, "<p>" + line + "</p>");
    EXPECT_TRUE(Has(t, "tomato section number 2")) << lang << "\n" << t;
    EXPECT_FALSE(Has(t, "Instagram") || Has(t, "TikTok")) << lang << "\n" << t;
  }
  // A sentence citing posts on two networks is the story's; so is a line
  // with one network and a link elsewhere.
  const std::string posts = ArticleWithBoxIn(
      "en", "<p>The mayor announced it on <a href='https://twitter.com/mayor/status/1'>Twitter</a> "
      "and <a href='https://www.facebook.com/mayor/posts/2'>Facebook</a> on Monday.</p>");
  EXPECT_TRUE(Has(posts, "The mayor announced it")) << posts;
  const std::string mixed = ArticleWithBoxIn(
      "en", "<p>Read the <a href='https://example.gov/report'>report</a> and the mayor's <a "
      "href='https://twitter.com/mayor'>account</a>.</p>");
  EXPECT_TRUE(Has(mixed, "Read the report")) << mixed;
}

TEST(ArticleBoxesTest, ALineSayingTheStoryGoesOnBelowAnAdvertGoes) {
  // Left where an advert or a video was: a label ([labels]) of the page's
  // language, whole.
  for (const auto& [lang, line] : std::vector<std::pair<std::string, std::string>>{
           {"en", "Story continues below advertisement"},
           {"en", "Advertisement - Continue Reading Below"},
           {"pl", "Dalsza część artykułu pod materiałem wideo"},
           {"de", "Weiterlesen nach der Anzeige"}}) {
    const std::string t =
        ArticleWithBoxIn(lang, "<div class='x5'>" + line + "</div>" + Paragraphs("pepper", 2));
    EXPECT_TRUE(Has(t, "pepper section number 1")) << lang << "\n" << t;
    EXPECT_FALSE(Has(t, line)) << lang << "\n" << t;
  }
}

TEST(ArticleBoxesTest, APlayersNoticeThatItCannotRunGoes) {
  // A video player's fallback line between paragraphs ([labels] of the
  // page's language); its caption is the page's to keep or not.
  for (const auto& [lang, line] : std::vector<std::pair<std::string, std::string>>{
           {"en", "Media playback is unsupported on your device"},
           {"es", "Tu navegador no puede reproducir este video."},
           {"de", "Ihr Browser unterstützt kein HTML5-Video."}}) {
    const std::string t = ArticleWithBoxIn(
        lang, "<figure class='x8'><div class='x9'><p class='x10'>" + line +
                  "</p></div></figure>" + Paragraphs("pepper", 2));
    EXPECT_TRUE(Has(t, "pepper section number 1")) << lang << "\n" << t;
    EXPECT_FALSE(Has(t, line)) << lang << "\n" << t;
  }
}

TEST(ArticleBoxesTest, AVideosRunningTimeGoes) {
  // A player's running time over its thumbnail, a block of its own ("01:42",
  // "1:02:33", "2:05 min"); a time in a table is data.
  for (const std::string time : {"01:42", "1:02:33", "2:05 min"}) {
    const std::string t = ArticleWithBoxIn(
        "de", "<div class='x8'><img src='v.jpg'><div class='x9'>" + time + "</div></div>" +
                  Paragraphs("pepper", 2) +
                  "<table><tr><td>Abfahrt</td><td>10:30</td></tr><tr><td>Ankunft</td><td>11:45"
                  "</td></tr></table>");
    EXPECT_TRUE(Has(t, "pepper section number 1")) << t;
    EXPECT_FALSE(Has(t, time)) << t;
    EXPECT_TRUE(Has(t, "10:30")) << t;
  }
  // Without a thumbnail beside it, a time over an entry is a live blog's
  // clock time, and stays.
  const std::string live = ArticleWithBoxIn(
      "de", "<div class='x12'><div class='x13'>08:30</div><p>Der Bürgermeister eröffnet die "
            "Sitzung des Stadtrats mit einer Schweigeminute für die Opfer des Hochwassers, "
            "bevor die Fraktionen über den Haushalt und die neue Brücke beraten.</p></div>" +
                Paragraphs("pepper", 2));
  EXPECT_TRUE(Has(live, "08:30")) << live;
}

TEST(ArticleBoxesTest, ARecipeCardsSwitchAndShoppingListButtonGo) {
  // A recipe plugin's switch that keeps the screen on, its label dropped as
  // a form control and its description beside it (Italian); a shopping-list
  // button after the ingredients (Portuguese). Each case: the language, the
  // box, a line that stays, a word that goes.
  const std::array<std::array<std::string, 4>, 2> cases = {{
      {"it",
       "<div class='x8'><label class='x9'><input type='checkbox'><span>Modalità cottura</span>"
       "</label><span class='x10'>Impedisce allo schermo di spegnersi</span></div>",
       "tomato section number 2", "spegnersi"},
      {"pt",
       "<ul><li>3 ovos</li><li>4 xícaras (chá) de leite</li><li>1 xícara (chá) de fubá</li></ul>"
       "<a class='x11' href='/lista?r=1'>Adicionar à lista de compras</a>",
       "4 xícaras (chá) de leite", "lista de compras"},
  }};
  for (const auto& [lang, box, kept, gone] : cases) {
    const std::string t = ArticleWithBoxIn(lang, box + Paragraphs("pepper", 2));
    EXPECT_TRUE(Has(t, kept)) << lang << "\n" << t;
    EXPECT_FALSE(Has(t, gone)) << lang << "\n" << t;
  }
}

TEST(ArticleBoxesTest, APaywallLineAndThePitchAfterItGo) {
  // A paragraph saying the rest is for subscribers ([paywall_openings]),
  // set as the article's own paragraphs, and the offers after it to the end
  // of the body; no box, no call to action.
  for (const auto& [lang, line, offer] : std::vector<std::array<std::string, 3>>{
           {"en", "To view the full story, please subscribe to the Harbour Times.",
            "You get unlimited digital access and a welcome gift from our makers."},
           {"de", "Dieser Artikel ist nur für Abonnenten des Tagblatts lesbar.",
            "Mit dem Digital-Abo lesen Sie alle Artikel, das E-Paper und die Archive."},
           {"ja", "この記事は有料会員限定です。有料会員になると全文をお読みいただけます。",
            "初月無料でデジタル版のすべての記事と紙面ビューアーをご利用いただけます。"},
           {"es", "Regístrate gratis para seguir leyendo",
            "Si tienes cuenta, puedes usarla para identificarte y leer sin límites."}}) {
    const std::string t =
        ArticleWithBoxIn(lang, "<p>" + line + "</p><p>" + offer + "</p><p>" + offer + "</p>");
    EXPECT_TRUE(Has(t, "tomato section number 2")) << lang << "\n" << t;
    EXPECT_FALSE(Has(t, line)) << lang << "\n" << t;
    EXPECT_FALSE(Has(t, offer)) << lang << "\n" << t;
  }
  // A log-in line under an offer is not the article's end: what follows stays.
  const std::string kept = ArticleWithBoxIn(
      "en", "<p>Already a subscriber? Download your reports here.</p>" + Paragraphs("pepper", 1));
  EXPECT_TRUE(Has(kept, "pepper section number 0")) << kept;
}

TEST(ArticleBoxesTest, APaywallBoxEndingInARowOfActionsGoes) {
  // A registration wall closing the body: a question, an offer, and two
  // calls to action side by side on one line of their own ("Jetzt
  // registrieren", "Abo abschließen"), in German and English.
  const std::string de = ArticleWithBoxIn(
      "de", "<div class='x7'><p>Sie wollen weiterlesen?</p><p>Kostenlos registrieren und "
      "weiterlesen. Oder jetzt Plus testen: 4 Wochen für 0,99 Euro.</p><a href='/r'>Jetzt "
      "registrieren</a> <a href='/abo'>Abo abschließen</a></div>");
  EXPECT_TRUE(Has(de, "tomato section number 2")) << de;
  for (const char* gone : {"weiterlesen", "0,99 Euro", "registrieren", "Abo abschließen"}) {
    EXPECT_FALSE(Has(de, gone)) << de;
  }
  const std::string en = ArticleWithBoxIn(
      "en", "<div class='x7'><h3>Keep reading for free</h3><p>Create a free account to read "
      "five stories a month, or subscribe for unlimited access.</p><div><a href='/r'>Register "
      "now</a> <a href='/s'>Subscribe now</a></div></div>");
  EXPECT_FALSE(Has(en, "free account")) << en;
  // A row with a link that is not a call to action (a pricing card's
  // "Compare plans") does not take its card.
  const std::string card = ArticleWithBoxIn(
      "en", "<div class='x8'><h3>Family plan</h3><p>Five adults and unlimited children, with "
      "fraud alerts for everyone in the household.</p><div><a href='/s'>Subscribe now</a> "
      "<a href='/plans'>Compare plans</a></div></div>");
  EXPECT_TRUE(Has(card, "unlimited children")) << card;
}

TEST(ArticleBoxesTest, ABadgeOverABoxWithoutLinksNamesTheBox) {
  // "Most popular" is a box of other stories when it heads links; as a
  // badge on a pricing plan, over a box without one link, it names the plan.
  const std::string plan = ArticleWithBoxIn(
      "en", "<div class='x1'><div class='x2'>Most popular</div><h3>Studio</h3><p>For small "
            "teams that bill by the hour and need to know which projects make money.</p><ul>"
            "<li>Up to 25 users</li><li>Invoices from tracked time</li></ul></div>" +
                Paragraphs("pepper", 1));
  EXPECT_TRUE(Has(plan, "bill by the hour")) << plan;
  EXPECT_TRUE(Has(plan, "Invoices from tracked time")) << plan;
  const std::string box = ArticleWithBoxIn(
      "en", "<div class='x1'><div class='x2'>Most popular</div><ul><li><a href='/1'>Ten "
            "tomatoes for a cold summer</a></li><li><a href='/2'>Why the beds need lime</a></li>"
            "</ul></div>" + Paragraphs("pepper", 1));
  EXPECT_FALSE(Has(box, "cold summer")) << box;
}

TEST(ArticleBoxesTest, CallToActionInsideTextOrAListItemTakesNoText) {
  // A link in a sentence is not a button; a button in a list item does
  // not take the list.
  const std::string t = ExtractBody(
      "<article><h1>Growing tomatoes</h1>" + Paragraphs("tomato", 3) +
      "<p>Gardeners who want the seed list can <a href='/s'>sign up</a> at the library.</p>"
      "<ul><li>Water in the morning.</li><li>Feed every two weeks.</li><li>Pinch the side "
      "shoots. <p>Members get the seed list first.</p><p><a href='/join'>Join now</a></p>"
      "</li></ul></article>");
  EXPECT_TRUE(Has(t, "can sign up at the library")) << t;
  EXPECT_TRUE(Has(t, "Feed every two weeks")) << t;
  EXPECT_TRUE(Has(t, "Pinch the side shoots")) << t;
}

TEST(ArticleBoxesTest, SearchFormAndItsLabelStay) {
  // No e-mail field: not a sign-up box (and the text beside it stays).
  const std::string text = ExtractBody(
      "<article><h1>Growing tomatoes</h1>" + Paragraphs("tomato", 3) +
      "<div><p>Look up another plant in our guide to the vegetable garden.</p>"
      "<form action='/q'><input type='search' name='q'></form></div></article>");
  EXPECT_TRUE(Has(text, "Look up another plant")) << text;
}

TEST(ArticleBoxesTest, TeaserLabelsMatch) {
  EXPECT_TRUE(StartsWithTeaserLabel(testing::EnglishPhrases(), "Related: How the port strike ended"));
  EXPECT_TRUE(StartsWithTeaserLabel(testing::EnglishPhrases(), "  MUST READ : ten tools"));
  EXPECT_FALSE(StartsWithTeaserLabel(testing::EnglishPhrases(), "Related work shows that"));
  EXPECT_FALSE(StartsWithTeaserLabel(testing::EnglishPhrases(), "Relatedly: a note"));
  // News sites' short labels, and a bar after the label.
  EXPECT_TRUE(StartsWithTeaserLabel(testing::EnglishPhrases(), "READ: Class suspensions for Monday"));
  EXPECT_TRUE(StartsWithTeaserLabel(testing::EnglishPhrases(), "READ | No load shedding expected"));
  EXPECT_TRUE(StartsWithTeaserLabel(testing::EnglishPhrases(), "More: The delegation splits"));
  EXPECT_FALSE(StartsWithTeaserLabel(testing::EnglishPhrases(), "Readers | letters to the editor"));
  // Labels of Spanish, Italian, Portuguese and French news sites.
  const PhraseBook& book = PhraseBook::Default();
  EXPECT_TRUE(StartsWithTeaserLabel(book.For("es"), "Le puede interesar: Pico y placa en Bogotá"));
  EXPECT_TRUE(StartsWithTeaserLabel(book.For("es"), "Mirá también: el nuevo horario"));
  EXPECT_TRUE(StartsWithTeaserLabel(book.For("it"), "Per approfondire: il decreto"));
  EXPECT_TRUE(StartsWithTeaserLabel(book.For("pt"), "Ler também: Enchentes de 2024"));
  EXPECT_TRUE(StartsWithTeaserLabel(book.For("fr"), "Lire aussi | Budget de l'éducation"));
  EXPECT_TRUE(StartsWithTeaserLabel(book.For("es"), "Siga leyendo: ¿Cuánto cuesta el pico y placa?"));
  EXPECT_TRUE(StartsWithTeaserLabel(book.For("es"), "Seguí leyendo: Las notas de los jugadores"));
  EXPECT_TRUE(StartsWithTeaserLabel(book.For("pt"), "Lê também: O plantel para a Taça"));
  // A tabloid's media and news labels, in capitals; French sites' "VIDÉO".
  EXPECT_TRUE(StartsWithTeaserLabel(testing::EnglishPhrases(), "VIDEO: Tenants line up"));
  EXPECT_TRUE(StartsWithTeaserLabel(testing::EnglishPhrases(), "MORE NEWS: Election date set"));
  EXPECT_TRUE(StartsWithTeaserLabel(testing::EnglishPhrases(), "PICTURES: Inside the house"));
  EXPECT_TRUE(StartsWithTeaserLabel(book.For("fr"), "VIDÉO – Le maire répond"));
  EXPECT_FALSE(StartsWithTeaserLabel(testing::EnglishPhrases(), "Videos of the flood show"));
}

TEST(ArticleBoxesTest, TeaserLineBetweenParagraphsGoesProseWithLabelStays) {
  const std::string text = ExtractBody(
      "<article><h1>Growing tomatoes</h1>" + Paragraphs("tomato", 2) +
      "<p>Related: <a href='/peppers'>Ten ways to grow peppers on a balcony</a></p>" +
      "<p>Related: the soil of a balcony pot dries out twice as fast as a bed, so water "
      "it every morning in July.</p>" + Paragraphs("late tomato", 2) + "</article>");
  EXPECT_TRUE(Has(text, "late tomato section number 1")) << text;
  EXPECT_FALSE(Has(text, "grow peppers on a balcony")) << text;
  EXPECT_TRUE(Has(text, "dries out twice as fast")) << text;
}

TEST(ArticleBoxesTest, TeaserLineBetweenBreaksGoes) {
  // Paragraphs written as lines of one block, between <br>s: the teaser is
  // one of the lines, not a block of its own.
  std::string lines;
  for (int i = 0; i < 4; ++i) {
    lines += "Der Gemeinderat hat am Dienstagabend nach langer Debatte beschlossen, die alte "
             "Brücke über den Fluss im kommenden Frühjahr zu erneuern. Teil " +
             std::to_string(i) + ".<br><br>";
    if (i == 1) lines += "Lesen Sie auch: <a href='/rad'>Neuer Radweg am Ufer eröffnet</a><br><br>";
    if (i == 2) lines += "Lesen Sie auch: die Stellungnahme des Landrats vom Montag.<br><br>";
  }
  const std::string text = testing::ExtractBody("<div><b>Die alte Brücke</b><br><br>" + lines +
                                                "</div>");
  EXPECT_TRUE(Has(text, "Teil 3.")) << text;
  EXPECT_FALSE(Has(text, "Radweg am Ufer")) << text;
  EXPECT_TRUE(Has(text, "Stellungnahme des Landrats")) << text;
}

TEST(ArticleBoxesTest, BareTeaserLabelBeforeOneLinkGoes) {
  // "Leggi anche" with no colon after it, in bold before the link, in a
  // paragraph of its own and as a line between <br>s; a label before many
  // links (tags) heads a list and stays.
  const std::string body =
      "Il Comune ha approvato ieri sera il nuovo piano per le piste ciclabili del centro "
      "storico, dopo un lungo dibattito in consiglio.<br><br>"
      "<strong>Leggi anche</strong> <a href='/m5'>M5 fino a Monza, il cantiere slitta</a>"
      "<br><br>I lavori cominceranno in primavera e dureranno circa due anni, secondo "
      "l'assessore alla mobilità.";
  const std::string text = testing::ExtractBody(
      "<html lang='it'><body><article><h1>Piste ciclabili in centro</h1><p>" + body + "</p>" +
      "<p><strong>Leggi anche</strong> <a href='/tram'>Il tram torna in piazza Duomo</a></p>" +
      "<p>Il piano prevede anche nuove rastrelliere vicino alle stazioni della metropolitana, "
      "per chi arriva in bicicletta dalla periferia.</p>"
      "<p>Tag <a href='/t/bici'>bici</a> <a href='/t/mobilita'>mobilità</a></p>"
      "</article></body></html>");
  EXPECT_TRUE(Has(text, "secondo l'assessore")) << text;
  EXPECT_TRUE(Has(text, "nuove rastrelliere")) << text;
  EXPECT_FALSE(Has(text, "il cantiere slitta")) << text;
  EXPECT_FALSE(Has(text, "torna in piazza Duomo")) << text;
  EXPECT_TRUE(Has(text, "mobilità")) << text;
}

TEST(ArticleBoxesTest, ALinkOnTheLineAfterAnAdLabelGoes) {
  // "Anzeige" on a line of its own, then the advertised link, in one
  // paragraph.
  const std::string text = testing::ExtractBody(
      "<html lang='de'><body><article><h1>Gleisplan im Schattenbahnhof</h1><p>Jedes Gleis "
      "bekommt drei Abschnitte: einen Bremsabschnitt, einen Halteabschnitt und einen kurzen "
      "Sicherheitsabschnitt am Ende, wie bei der großen Bahn.</p><p><span>Anzeige</span><br>"
      "<a href='https://shop.example/rm'>Rückmeldemodul bei Amazon ansehen</a></p><p>Eine Sache würde ich beim "
      "nächsten Mal anders machen: Die Weichenstraße an der Einfahrt ist zu eng gebaut.</p>"
      "</article></body></html>");
  EXPECT_TRUE(Has(text, "anders machen")) << text;
  EXPECT_FALSE(Has(text, "Anzeige")) << text;
  EXPECT_FALSE(Has(text, "bei Amazon ansehen")) << text;
}

TEST(ArticleBoxesTest, ACallToRateARecipeGoes) {
  // Under a recipe card: the request to rate or tag the recipe, in English
  // and German; the card's notes stay.
  const std::string en = ArticleWithBoxIn(
      "en", "<div class='x1'><h3>Notes</h3><div><span>If using no-boil noodles, add half a cup "
      "of water to the sauce. Leftovers keep for four days in the fridge.</span></div></div>"
      "<div class='x3'><h3>Nutrition</h3><span>Calories: 486kcal</span></div><div class='x2'><p>Tried this recipe?<a href='https://example.org/u'>"
      "Mention @cozy</a> or tag #cozyskillet!</p></div><p>Did you make this recipe? Please "
      "leave a star rating and a comment below, it helps other readers so much!</p>");
  EXPECT_TRUE(Has(en, "four days in the fridge")) << en;
  EXPECT_FALSE(Has(en, "Tried this recipe")) << en;
  EXPECT_FALSE(Has(en, "star rating")) << en;
  const std::string de = ArticleWithBoxIn(
      "de", "<p>Hast du das Rezept ausprobiert? Dann hinterlasse mir gern einen Kommentar und "
      "eine Bewertung!</p>");
  EXPECT_FALSE(Has(de, "Rezept ausprobiert")) << de;
  // WP Recipe Maker's call in Czech, its header and text in two boxes.
  const std::string cs = ArticleWithBoxIn(
      "cs", "<div class='x4'><span><span>Uvařili jste podle tohoto receptu?</span><span>Označte "
      "<a href='https://example.org/u'>@varime</a> na Instagramu nebo dejte hashtag #varime!</span>"
      "</span></div>");
  EXPECT_FALSE(Has(cs, "Uvařili jste")) << cs;
  EXPECT_FALSE(Has(cs, "Instagramu")) << cs;
}

}  // namespace
}  // namespace corpus

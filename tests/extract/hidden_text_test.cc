// Hidden text (boilerplate.h, MarkupVerdict::kHidden): a large hidden block
// is the content only when it reads as prose, and never when it is a modal
// dialog; collapsed panels stay.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::ExtractBody;
using testing::GermanParagraphs;
using testing::Has;

const char kIntro[] =
    "<h1>Staple tee</h1><p>A regular-fit tee of combed cotton, with neck ribbing and double "
    "needle hems, made to last for years of wear.</p>";

TEST(HiddenTextTest, LargeHiddenDataListGoes) {
  // A shop's custom fields, hidden, outweigh the visible description.
  std::string fields = "<dl class='product-info hide'>";
  for (int i = 0; i < 60; ++i) {
    fields += "<dt>thumb_colour_" + std::to_string(i) + ":</dt><dd>https://cdn.example.com/"
              "images/stencil/160x160/tee_colour_" + std::to_string(i) + "_thumb.jpg</dd>";
  }
  fields += "</dl>";
  const std::string t = ExtractBody("<main>" + std::string(kIntro) + fields + "</main>");
  EXPECT_TRUE(Has(t, "combed cotton"));
  EXPECT_FALSE(Has(t, "thumb_colour_7"));
}

TEST(HiddenTextTest, ScreenReaderTextOfDesignSystemsGoes) {
  // Design systems prefix the screen-reader utility ("usa-sr-only",
  // "govuk-visually-hidden"): the copy for screen readers is not text a
  // reader sees. Tailwind's "not-sr-only" shows it again, and a class that
  // merely ends in "hidden" ("overflow-hidden") hides nothing.
  const std::string t = ExtractBody(
      "<main>" + std::string(kIntro) +
      "<p>Price <span aria-hidden='true'>$18</span><span class='usa-sr-only'>eighteen dollars"
      "</span> for <span class='govuk-visually-hidden'>the tee, </span>one size.</p>"
      "<p><span class='sr-only focus:not-sr-only'>Shown when focused.</span> "
      "<span class='overflow-hidden'>Fits true to size.</span></p></main>");
  EXPECT_TRUE(Has(t, "combed cotton")) << t;
  EXPECT_FALSE(Has(t, "eighteen dollars")) << t;
  EXPECT_FALSE(Has(t, "the tee,")) << t;
  EXPECT_TRUE(Has(t, "one size")) << t;
  EXPECT_TRUE(Has(t, "Fits true to size")) << t;
}

TEST(HiddenTextTest, LargeHiddenProseStays) {
  // A page that fades its article in by script: the hidden wrapper is the
  // content.
  std::string paras;
  for (int i = 0; i < 10; ++i) {
    paras += "<p>Paragraph " + std::to_string(i) + " of the story, which goes on about the "
             "harbour, its ferries and the people who mend their nets.</p>";
  }
  const std::string t =
      ExtractBody("<div class='hidden'>" + paras + "</div><div><a href='/'>Home</a></div>");
  EXPECT_TRUE(Has(t, "Paragraph 7"));
}

// Chinese paragraphs written as <section><span>, as WeChat's editor
// writes them, in a container hidden by `style`.
std::string ChineseSectionsHiddenBy(const std::string& style) {
  std::string sections;
  for (int i = 0; i < 6; ++i) {
    sections += "<section><span>第" + std::to_string(i) +
                "家店在玉林北路一条小巷子里，开了快二十年。蹄花炖得软糯，用筷子轻轻一夹就脱骨，"
                "汤是奶白色的，喝一口特别暖胃。一定要配他们家的蘸水，香而不燥。</span></section>";
  }
  return "<h1>成都的苍蝇馆子</h1><div id='content' style='" + style + "'>" + sections +
         "</div><div><a href='/'>首页</a> <a href='/about'>关于我们</a></div>";
}

TEST(HiddenTextTest, ABodyHiddenUntilAScriptShowsItStays) {
  // "visibility: hidden" keeps the body's place until a script shows it;
  // its paragraphs are <section>s, not <p>s.
  EXPECT_TRUE(Has(ExtractBody(ChineseSectionsHiddenBy("visibility: hidden;")), "第3家店"));
  // "display: none" takes it out of the page: a panel or data nobody opened.
  EXPECT_FALSE(Has(ExtractBody(ChineseSectionsHiddenBy("display: none;")), "第3家店"));
}

// A body of short lines (one <section> or <div> a line, none a paragraph
// of prose by itself) hidden until its script runs: the page's text when
// it keeps its place and holds half of the page's text; a hidden box of
// short lines beside a visible article is not.
TEST(HiddenTextTest, ABodyOfShortLinesHiddenUntilAScriptShowsItStays) {
  const std::pair<const char*, const char*> lines[] = {
      {"<section><span>", "三年前的春天我辞掉了省城的工作回到老家的县城开了一家书店"},
      {"<div>", "三年前の春、私は東京の会社を辞めて故郷の町に小さな本屋を開きました"},
      {"<div>", "Vor drei Jahren kündigte ich meine Stelle und eröffnete eine Buchhandlung"},
  };
  for (const auto& [open, line] : lines) {
    const std::string tag = std::string(open).substr(1, std::string(open).find_first_of(" >") - 1);
    std::string body;
    for (int i = 0; i < 8; ++i) {
      body += std::string(open) + line + " (" + std::to_string(i) + ")" +
              (tag == "section" ? "</span></section>" : "</div>");
    }
    const std::string t =
        ExtractBody("<h1>Titel</h1><div id='js_content' style='visibility: hidden;'>" + body +
                    "</div><div><a href='/'>Start</a> <a href='/a'>Archiv</a></div>");
    EXPECT_TRUE(Has(t, "(7)")) << line << "\n" << t;
  }
  // Beside a visible article, a hidden box of short lines goes.
  std::string box;
  for (int i = 0; i < 4; ++i) box += "<div>Vorschau " + std::to_string(i) + ": Neue Termine</div>";
  const std::string t = ExtractBody("<article>" + GermanParagraphs("Absatz", 4) +
                                    "</article><div style='visibility:hidden'>" + box + "</div>");
  EXPECT_TRUE(Has(t, "Absatz 3")) << t;
  EXPECT_FALSE(Has(t, "Vorschau")) << t;
}

TEST(HiddenTextTest, AHiddenModalDialogIsNotTheContentHoweverLong) {
  // A "republish this story" dialog, hidden until a button opens it, with
  // more paragraphs than the article: a dialog is never the page.
  std::string article, terms;
  for (int i = 0; i < 4; ++i) {
    article += "<p>Absatz " + std::to_string(i) + ": Der Hafen wird im Frühjahr ausgebaggert, "
               "damit die Fähren auch bei Niedrigwasser anlegen können, sagt die Stadt.</p>";
  }
  for (int i = 0; i < 12; ++i) {
    terms += "<p>Bedingung " + std::to_string(i) + ": Sie dürfen unsere Artikel kostenlos "
             "übernehmen, wenn Sie die Autorin nennen und nichts am Text verändern.</p>";
  }
  for (const std::string open :
       {"<div style='display:none' aria-modal='true'>", "<div hidden role='dialog'>"}) {
    const std::string t = ExtractBody("<article><h1>Hafen wird ausgebaggert</h1>" + article +
                                      "</article>" + open + terms + "</div>");
    EXPECT_TRUE(Has(t, "Absatz 3")) << open << t;
    EXPECT_FALSE(Has(t, "Bedingung 5")) << open << t;
  }
}

TEST(HiddenTextTest, ACarouselsSlidesOutOfViewStayButNotItsClones) {
  // A French agency's testimonials in a looping carousel: the script marks
  // every slide out of view aria-hidden, and copies the first and last
  // slides ("slick-cloned") to loop. Each testimonial comes out once.
  const std::string intro =
      "<h1>Création de sites web</h1><p>Nous concevons des sites rapides, accessibles et "
      "faciles à faire évoluer pour les PME de la région.</p>";
  const auto slide = [](const std::string& cls, const char* hidden, const char* quote) {
    return "<div class='" + cls + "' aria-hidden='" + hidden + "'><blockquote>" + quote +
           "</blockquote></div>";
  };
  const char* a = "« Une équipe réactive qui a compris nos besoins dès le premier rendez-vous. »";
  const char* b = "« Le nouveau site a doublé nos demandes de devis en trois mois. »";
  const char* c = "« Un accompagnement clair, des délais tenus et un vrai sens du détail. »";
  const std::string page =
      "<html lang='fr'><body><main>" + intro +
      "<h2>Ils nous font confiance</h2><div class='slick-track'>" +
      slide("slick-slide slick-cloned", "true", c) +
      slide("slick-slide slick-active slick-current", "false", a) +
      slide("slick-slide", "true", b) + slide("slick-slide", "true", c) +
      slide("slick-slide slick-cloned", "true", a) + "</div></main></body></html>";
  const std::string t = ExtractBody(page);
  for (const char* quote : {a, b, c}) {
    const std::string line = std::string(quote).substr(3, 30);
    EXPECT_TRUE(Has(t, line)) << t;
    EXPECT_EQ(t.find(line), t.rfind(line)) << t;
  }
  // Out of view with no slide in view beside it, aria-hidden text goes.
  const std::string alone = ExtractBody(
      "<main>" + intro + "<div><div class='note' aria-hidden='true'>Texte décoratif répété pour "
      "les lecteurs d'écran.</div><div class='note'>Visible.</div></div></main>");
  EXPECT_FALSE(Has(alone, "Texte décoratif")) << alone;
}

TEST(HiddenTextTest, FoldedAnswersUnderTheirQuestionsStay) {
  // A Japanese shop's questions, each a heading over its answer folded by
  // an inline style, in wrappers no name calls panels or answers.
  std::string faq = "<div class='qa'><h2>よくある質問</h2>";
  const char* pairs[][2] = {
      {"屋外でも使えますか？", "はい。防滴仕様なので、ベランダやテラスでもお使いいただけます。"},
      {"どのアロマオイルがおすすめですか？", "リラックスしたい夜にはラベンダー、朝にはレモンがおすすめです。"}};
  for (const auto& qa : pairs) {
    faq += std::string("<div class='item'><h3>") + qa[0] + "</h3><div class='item-body' "
           "style='display: none;'><p>" + qa[1] + "</p></div></div>";
  }
  faq += "</div>";
  const std::string intro =
      "<main><h1>アロマディフューザー</h1><p>小さくてもパワフルなディフューザーが、どんな部屋も"
      "くつろぎの空間に変えます。超音波方式で約七時間、静かにミストを広げます。</p>";
  const std::string t = ExtractBody(intro + faq + "</main>");
  EXPECT_TRUE(Has(t, "ベランダやテラス")) << t;
  EXPECT_TRUE(Has(t, "ラベンダー")) << t;
  // A hidden block beside a heading with no list of questions around it
  // (a single pair) still goes.
  const std::string one = ExtractBody(
      intro + "<div><h3>お知らせ</h3><div style='display:none'><p>メンテナンス中の表示です。</p>"
      "</div></div></main>");
  EXPECT_FALSE(Has(one, "メンテナンス")) << one;
}

TEST(HiddenTextTest, CollapsedPanelsStay) {
  // A collapsible panel (Bootstrap "collapse", Chakra "chakra-collapse", an
  // FAQ's answer) is hidden until a click, and a "tab-content" container may
  // be given the role of its tab list.
  const std::string t = ExtractBody(
      "<main>" + std::string(kIntro) +
      "<div class='chakra-collapse' style='display:none'><p>From the team that built the "
      "first smokeless fire pit comes our most advanced design yet, with taller flames.</p>"
      "</div><div role='tablist' class='tab-content'><div role='tabpanel'><p>Any tumbler "
      "that comes along for the ride needs to be tough enough to keep up with you.</p></div>"
      "</div><div class='faq-question'>Q: Can I track my order?</div><div class='faq-answer' "
      "style='display: none'>A: Yes, a tracking number is sent within a day of shipping.</div>"
      "</main>");
  EXPECT_TRUE(Has(t, "smokeless fire pit"));
  EXPECT_TRUE(Has(t, "tough enough"));
  EXPECT_TRUE(Has(t, "tracking number"));
}

TEST(HiddenTextTest, ATabListHoldingItsPanelsKeepsThem) {
  // Tabs and their panels side by side in one element given the role of
  // the tab list, with no class to tell (Elementor's tabs and toggles):
  // the panels' text stays. A tab list of tabs only still goes.
  std::string body = "<main><h1>Wärmepumpe einbauen lassen</h1>" + GermanParagraphs("Absatz", 6) +
                     "<h2>Welche Wärmepumpe passt?</h2><div role='tablist'>";
  for (const char* kind : {"Luft", "Sole", "Hybrid"}) {
    body += std::string("<div role='tab'>") + kind + "-Wärmepumpe</div><div role='tabpanel'><p>"
            "Die " + kind + "-Wärmepumpe entzieht ihrer Quelle auch im Winter zuverlässig Wärme, "
            "braucht wenig Platz und lässt sich in den meisten Häusern nachrüsten.</p></div>";
  }
  body += "</div><div role='tablist'><a href='#a'>Kosten</a> <a href='#b'>Förderung</a> <a "
          "href='#c'>Ablauf</a></div>" + GermanParagraphs("Schluss", 6) + "</main>";
  const std::string t = ExtractBody(body);
  EXPECT_TRUE(Has(t, "Die Sole-Wärmepumpe entzieht")) << t;
  EXPECT_TRUE(Has(t, "Die Hybrid-Wärmepumpe entzieht")) << t;
  EXPECT_FALSE(Has(t, "Förderung")) << t;
}

TEST(HiddenTextTest, AnAccordionsQuestionsInTheirButtonsStay) {
  // An accordion's header is a heading holding the button that opens its
  // panel: the button's label is the question. Other buttons stay out.
  const std::string accordion =
      "<div class='accordion'><h3 class='accordion-header'><button class='accordion-button' "
      "aria-expanded='false'>Que se passe-t-il si je redouble ?</button></h3>"
      "<div class='accordion-collapse collapse'><p>Vous conservez votre droit à bourse, dans la "
      "limite d'un certain nombre de droits annuels.</p></div></div>";
  const std::string t = ExtractBody("<main>" + std::string(kIntro) + accordion +
                                    "<p>Une question ? <button>Nous écrire</button></p></main>");
  for (const char* kept : {"Que se passe-t-il si je redouble ?", "Vous conservez votre droit"}) {
    EXPECT_TRUE(Has(t, kept)) << kept << "\n" << t;
  }
  EXPECT_FALSE(Has(t, "Nous écrire")) << t;
}

}  // namespace
}  // namespace corpus

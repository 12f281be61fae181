// Rules that read class and id names from configs/extract/names.txt, on
// small hand-written pages in German, Chinese, Japanese and English: comment
// forms, picture captions, copyright notices.
#include <gtest/gtest.h>
#include <gumbo.h>

#include <string>
#include <vector>

#include "corpus/extract/markup_verdict.h"

#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::ExtractBody;
using testing::Has;

// `count` paragraphs of German prose, each about 300 bytes.
std::string GermanParagraphs(int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += "<p>Der Gemeinderat hat in seiner Sitzung Nummer " + std::to_string(i) +
           " lange über den Neubau der Brücke beraten, die Kosten geprüft und die Einwände "
           "der Anwohner gehört, bevor er mit knapper Mehrheit beschloss, die Arbeiten im "
           "kommenden Frühjahr zu beginnen und die alte Brücke bis dahin zu sperren.</p>";
  }
  return out;
}

TEST(MarkupRulesTest, CommentFormGoesWhenCommentsAreKept) {
  // A short post under a long discussion: the comments are the content, the
  // form for writing one is not (Japanese WordPress page).
  std::string comments;
  for (int i = 0; i < 6; ++i) {
    comments += "<li class='comment'><p>コメント" + std::to_string(i) +
                "：この記事を読んで、駅前の再開発について改めて考えさせられました。"
                "私の住む町でも同じような計画があり、住民の意見を聞く場がもっと必要だと"
                "感じています。続報を楽しみにしています。</p></li>";
  }
  const std::string text = ExtractBody(
      "<article><h1>駅前の再開発</h1><p>市は駅前広場の再開発計画を発表した。</p></article>"
      "<div id='comments' class='comments-area'><ol class='comment-list'>" +
      comments +
      "</ol><div id='respond' class='comment-respond'>"
      "<h3 id='reply-title' class='comment-reply-title'>コメントを残す</h3>"
      "<form id='commentform' class='comment-form'><p class='comment-notes'>"
      "メールアドレスが公開されることはありません。</p></form></div></div>");
  EXPECT_TRUE(Has(text, "コメント5")) << text;
  EXPECT_FALSE(Has(text, "コメントを残す")) << text;
  EXPECT_FALSE(Has(text, "メールアドレスが公開されることはありません")) << text;
}

TEST(MarkupRulesTest, APostsTopicNamesDoNotNameItsParts) {
  // Site software names a post's wrapper after its tags and categories; a
  // post tagged "cookies" or filed under "rgpd" is not a consent banner.
  for (const char* topics : {"tag-cookies tag-chocolate", "category-rgpd", "tag-informed-consent",
                             "product_cat-advertising-gifts"}) {
    const std::string html = std::string("<div id='post-7' class='post-7 post type-post status-publish "
                                         "hentry ") + topics + "'><h1>Die Brücke</h1>" +
                             GermanParagraphs(4) + "</div>";
    const std::string text = ExtractBody(html);
    EXPECT_TRUE(Has(text, "Sitzung Nummer 3")) << topics << ": " << text;
  }
  // The same names on an element that is not a post still name it.
  const std::string text = ExtractBody("<article><h1>Die Brücke</h1>" + GermanParagraphs(4) +
                                       "</article><div class='tag-cookies'><p>Wir verwenden Cookies, "
                                       "um Ihnen das beste Nutzererlebnis zu bieten.</p></div>");
  EXPECT_TRUE(Has(text, "Sitzung Nummer 3")) << text;
  EXPECT_FALSE(Has(text, "Wir verwenden Cookies")) << text;
}

TEST(MarkupRulesTest, AWordThatHoldsAStemIsAWord) {
  // "advertencia" (a warning) holds "advert"; the box is the guide's own.
  const std::string text = ExtractBody(
      "<article><h1>Cómo purgar un radiador</h1><p>Si al encender la calefacción notas que un "
      "radiador está frío por arriba y caliente por abajo, lo más probable es que haya aire en el "
      "circuito. Purgarlo es una tarea sencilla que cualquiera puede hacer en media hora.</p>"
      "<div class='caja-advertencia'><p>Apaga la caldera y deja que el agua se enfríe antes de "
      "abrir la válvula: el agua del circuito puede salir a más de sesenta grados.</p></div>"
      "<p>Empieza por el radiador más cercano a la caldera y sigue en orden hasta el más alejado. "
      "Abre la válvula un cuarto de vuelta y espera a que salga agua sin burbujas.</p>"
      "<div class='caja-advert'><p>Calderas de condensación con un veinte por ciento de "
      "descuento solo esta semana en nuestra tienda.</p></div></article>");
  EXPECT_TRUE(Has(text, "puede salir a más de sesenta grados")) << text;
  EXPECT_FALSE(Has(text, "veinte por ciento")) << text;
}

TEST(MarkupRulesTest, PictureCaptionsGoByClassName) {
  // Chinese article: a WordPress caption under a picture goes; a class that
  // only names a type size ("caption-m") says nothing about the text.
  const std::string text = ExtractBody(
      "<article><h1>城市新建的图书馆开放</h1>"
      "<div class='wp-caption'><img src='a.jpg'><p class='wp-caption-text'>"
      "图为新图书馆的阅览室。摄影：王明</p></div>"
      "<p>新图书馆位于市中心，共有五层，藏书超过五十万册，并设有儿童阅读区、自习室和多功能报告厅。"
      "市民凭身份证即可免费办理借书证，开放时间为每天上午九点至晚上九点。</p>"
      "<p>据介绍，图书馆的建设历时三年，总投资约八亿元。馆内采用自然采光设计，"
      "屋顶铺设了太阳能板，每年可节约大量电费。周末还将开放地下一层的展览空间，"
      "展出本市历史照片和古籍复制品。</p>"
      "<p>开馆首日，许多家长带着孩子前来参观。</p><p>附近的公交站也增设了图书馆站。</p>"
      "<div class='note'><p class='caption-m'>图书馆还将定期举办读书会和讲座，欢迎市民参加。</p>"
      "</div></article>");
  EXPECT_TRUE(Has(text, "藏书超过五十万册")) << text;
  EXPECT_TRUE(Has(text, "定期举办读书会")) << text;
  EXPECT_FALSE(Has(text, "摄影：王明")) << text;
}

TEST(MarkupRulesTest, CopyrightNoticeInsideTheArticleGoes) {
  const std::string text = ExtractBody(
      "<article><h1>Neue Brücke für die Altstadt</h1>" + GermanParagraphs(3) +
      "<div class='article-copyright'>© 2023 Stadtanzeiger. Alle Rechte vorbehalten. "
      "Vervielfältigung nur mit Genehmigung.</div></article>");
  EXPECT_TRUE(Has(text, "Sitzung Nummer 2")) << text;
  EXPECT_FALSE(Has(text, "Alle Rechte vorbehalten")) << text;
}

TEST(MarkupRulesTest, AStandingNoticeInASentenceGoes) {
  // A portal's note that the story came unedited from a feed, a publisher's
  // statement that the views are the writer's ([notice_openings]).
  for (const auto& [lang, line] : std::vector<std::pair<std::string, std::string>>{
           {"en", "(This story has not been edited by City Times staff and is auto-generated "
                  "from a syndicated feed.)"},
           {"en", "Opinions expressed by Weekly contributors are their own."},
           {"es", "Las opiniones expresadas en este artículo son responsabilidad de su autor."},
           {"de", "Die in diesem Beitrag geäußerten Meinungen sind die des Autors."}}) {
    const std::string text = ExtractBody("<html lang='" + lang + "'><body><article><h1>Brücke"
                                         "</h1>" + GermanParagraphs(3) + "<p>" + line +
                                         "</p></article></body></html>");
    EXPECT_TRUE(Has(text, "Sitzung Nummer 2")) << text;
    EXPECT_FALSE(Has(text, line)) << lang << "\n" << text;
  }
}

TEST(MarkupRulesTest, KoreanCopyrightNoticesWithTheCircledLetterGo) {
  // Korean papers set "ⓒ" (U+24D2) for the sign, alone, in brackets or
  // after the word; the news agencies write "(c)" after "저작권자"
  // (copyright holder), in angle brackets, and now forbid AI training too.
  for (const char* notice : {"ⓒ 한국경제 &amp; hankyung.com, 무단전재 및 재배포 금지",
                             "[ⓒ 매일경제 &amp; mk.co.kr, 무단전재 및 재배포 금지]",
                             "Copyright ⓒ 한국경제. All rights reserved.",
                             "&lt;저작권자(c) 한국경제, 무단 전재-재배포, AI 학습 및 활용 금지&gt;",
                             "[저작권자ⓒ 매일경제, 무단전재-재배포 및 AI학습 이용 금지]"}) {
    const std::string text = ExtractBody(
        std::string("<html lang='ko'><body><article><h1>서울 아파트값 6주 연속 상승</h1><p>서울 "
                    "아파트값이 6주 연속 오르며 상승폭을 키운 것으로 나타났다. 한국부동산원이 "
                    "13일 발표한 주간 동향에 따르면 지난주보다 0.15% 올랐다.</p><p>전문가들은 "
                    "금리 인하 기대감과 공급 부족 우려가 맞물리며 강세가 이어질 가능성이 크다고 "
                    "보고 있다.</p><p>") +
        notice + "</p></article></body></html>");
    EXPECT_TRUE(Has(text, "공급 부족 우려")) << text;
    EXPECT_FALSE(Has(text, "한국경제")) << notice << "\n" << text;
    EXPECT_FALSE(Has(text, "매일경제")) << notice << "\n" << text;
  }
}

TEST(MarkupRulesTest, ALetterInParenthesesAfterAWordIsNoCopyrightSign) {
  // "(c)" right after the word is the sign; after a space it is a letter
  // in parentheses.
  const std::string text = ExtractBody("<article><h1>Der Umbau</h1>" + GermanParagraphs(2) +
                                       "<p>Schritt (c) ist der schwerste.</p></article>");
  EXPECT_TRUE(Has(text, "Schritt (c) ist der schwerste.")) << text;
}

TEST(MarkupRulesTest, CopyrightNoticeInWordsGoesAndAListingKeepsIt) {
  // The wire's notice under a story, written with the word and a year; in a
  // listing (a manual page) the notice is the text's.
  const std::string text = ExtractBody(
      "<article><h1>Neue Brücke für die Altstadt</h1>" + GermanParagraphs(3) +
      "<p>Copyright 2025 The Associated Press. All rights reserved. This material may not be "
      "published, broadcast, rewritten or redistributed without permission.</p>"
      "<pre>COPYRIGHT\n  Copyright 2019 Free Software Foundation, Inc.</pre>"
      "<p>Copyrighted works from the archive are shown with the permission of their owners.</p>"
      "<p>Alle Rechte vorbehalten.</p></article>");
  EXPECT_TRUE(Has(text, "Sitzung Nummer 2")) << text;
  EXPECT_FALSE(Has(text, "The Associated Press")) << text;
  EXPECT_TRUE(Has(text, "Free Software Foundation")) << text;
  EXPECT_TRUE(Has(text, "Copyrighted works from the archive")) << text;
  // The reservation alone on its line, in the page's language ([labels]).
  EXPECT_FALSE(Has(text, "Alle Rechte vorbehalten")) << text;
}

TEST(MarkupRulesTest, ACodeListingInAToolbarNamedWrapperStays) {
  // Prism's toolbar plugin sets every <pre> in a "code-toolbar" wrapper with
  // its copy button: the listing stays; a toolbar of links goes.
  const std::string text = ExtractBody(
      "<article><h1>Nginx einrichten</h1>" + GermanParagraphs(2) +
      "<div class='code-toolbar'><pre><code>server {\n  listen 80;\n  root /var/www/html;\n}"
      "</code></pre><div class='toolbar'><button>Kopieren</button></div></div>" +
      GermanParagraphs(2) + "<div class='toolbar'><a href='/druck'>Drucken</a> <a "
      "href='/teilen'>Teilen</a></div></article>");
  EXPECT_TRUE(Has(text, "root /var/www/html;")) << text;
  EXPECT_FALSE(Has(text, "Drucken")) << text;
}

TEST(MarkupRulesTest, AProseParagraphInAChromeNamedPartOfTheArticleBodyStays) {
  // A news CMS sets the lede shown to every reader in a part named for
  // subscribers, inside the element microdata names the article's body: the
  // paragraph stays. A sign-up line under the same name there still goes.
  const std::string text = ExtractBody(
      "<article><h1>Wasserpreise steigen</h1><div itemprop='articleBody'><div "
      "class='subscriber-preview'><p>BLOOMINGTON — Ein durchschnittlicher Haushalt zahlt ab Juli "
      "rund 6,40 Dollar mehr im Monat für Wasser, nachdem der Stadtrat am Montag die erste von "
      "drei jährlichen Erhöhungen beschlossen hat, mit denen die Sanierung des fast hundert "
      "Jahre alten Wasserwerks bezahlt werden soll.</p></div><div class='subscriber-only'>" +
      GermanParagraphs(3) + "</div><div class='subscribe-box'><p>Jetzt den Newsletter "
      "bestellen und informiert bleiben.</p></div></div></article>");
  EXPECT_TRUE(Has(text, "BLOOMINGTON")) << text;
  EXPECT_FALSE(Has(text, "Newsletter")) << text;
}

TEST(MarkupRulesTest, CommentSectionNamedInTheSitesLanguageGoes) {
  // "kommentare" (German), "komentarze" (Polish), a memorial page's book of
  // condolences ("kondolenzen", "livre-condoleances"), "talkbacks": the
  // section goes like one named "comments".
  for (const char* name : {"leserkommentare", "komentarze-lista", "condolence-list",
                           "kondolenz-box", "livre-condoleances",
                           // Israeli news sites' "talkbacks".
                           "ArticleTalkbacksComponent"}) {
    std::string comments;
    for (int i = 0; i < 3; ++i) {
      comments += "<div class='post'><p>Leser " + std::to_string(i) +
                  ": Ich wohne direkt an der Baustelle und kann nur sagen, dass der Lärm seit "
                  "Monaten kaum auszuhalten ist, auch nachts.</p></div>";
    }
    const std::string text = ExtractBody("<article><h1>Neue Brücke für die Altstadt</h1>" +
                                         GermanParagraphs(3) + "</article><section class='" +
                                         name + "'><h2>Forum</h2>" + comments + "</section>");
    EXPECT_TRUE(Has(text, "Sitzung Nummer 2")) << name << "\n" << text;
    EXPECT_FALSE(Has(text, "kaum auszuhalten")) << name << "\n" << text;
  }
}

TEST(MarkupRulesTest, ACommentWordInABlocksModifierNamesNoComments) {
  // "article-body--kommentar": an opinion piece's body, the block
  // "article-body" in its variant; the line-up box beside it is no body.
  const std::string body =
      "<p>Nach der Niederlage unter der Woche stellte der Trainer auf drei Positionen um: "
      "Hincapié, Andrich und Boniface rückten für Tapsoba, Xhaka und Schick in die Startelf. "
      "Freiburg vertraute nach dem 2:2 in Mainz derselben Elf.</p><p>Die Gäste übernahmen vom "
      "Anpfiff weg die Kontrolle und ließen den Ball geduldig zirkulieren. Freiburg stand tief "
      "und lauerte auf Umschaltmomente.</p><p>Der Sport-Club brauchte einige Minuten, um sich "
      "von dem Rückstand zu erholen, wurde dann aber mutiger.</p>";
  const std::string lineup =
      "<div class='lineup'><div><strong>Leverkusen:</strong> Hradecky - Frimpong, Tah, "
      "Hincapié, Grimaldo - Andrich, Palacios (77. Xhaka) - Hofmann (84. Terrier), Wirtz - "
      "Boniface (68. Schick), Adli</div><div><strong>Tore:</strong> 0:1 Boniface (19.), 1:1 "
      "Gregoritsch (52.), 1:2 Wirtz (58.), 1:3 Grimaldo (62.)</div><div><strong>Zuschauer:"
      "</strong> 34.700 (ausverkauft)</div></div>";
  for (const char* name : {"article-body article-body--kommentar", "x1 x1--comment"}) {
    const std::string text =
        ExtractBody("<article><h1>Wirtz glänzt beim Sieg in Freiburg</h1><div class='" +
                    std::string(name) + "'>" + body + "</div>" + lineup + "</article>");
    EXPECT_TRUE(Has(text, "Nach der Niederlage")) << name << "\n" << text;
    EXPECT_TRUE(Has(text, "wurde dann aber mutiger")) << name << "\n" << text;
  }
}

TEST(MarkupRulesTest, ASidebarNamedInTheSitesLanguageGoes) {
  // A short notice in the middle column, office hours in the right one.
  for (const char* name : {"rechte-spalte", "randspalte", "barre-laterale"}) {
    const std::string text = ExtractBody(
        "<div id='wrapper'><div id='mitte'><div class='artikel'><h2>Sperrung der "
        "Brückenstraße</h2>" + GermanParagraphs(2) + "</div></div><div id='" + std::string(name) +
        "'><div class='kasten'><h3>Bürgerbüro</h3><p>Rathaus, Marktplatz 1<br>01234 Wernsdorf"
        "</p><p>Termine können online vereinbart werden. Bitte bringen Sie zu allen Anliegen "
        "einen gültigen Personalausweis oder Reisepass mit.</p></div></div></div>");
    EXPECT_TRUE(Has(text, "Sitzung Nummer 1")) << name << "\n" << text;
    EXPECT_FALSE(Has(text, "Personalausweis")) << name << "\n" << text;
  }
}

TEST(MarkupRulesTest, AWikisSectionEditLinkGoes) {
  // MediaWiki's "[Bearbeiten]" beside each heading, in the heading (older
  // skins) or after it.
  const std::string edit =
      "<span class='mw-editsection'><span class='mw-editsection-bracket'>[</span><a "
      "href='/index.php?title=Br%C3%BCcke&action=edit&section=1'>Bearbeiten</a><span "
      "class='mw-editsection-bracket'>]</span></span>";
  const std::string text = ExtractBody(
      "<div id='content'><h1>Brücke</h1><h2>Geschichte" + edit + "</h2>" + GermanParagraphs(2) +
      "<div class='mw-heading'><h2>Bauweise</h2>" + edit + "</div><p>Die Brücke ruht auf drei "
      "Pfeilern aus Sandstein, die im Fluss auf Eichenpfählen stehen; ihr Bogen wurde nach dem "
      "Hochwasser von 1890 in Beton erneuert und trägt seither auch schwere Fuhrwerke.</p></div>");
  EXPECT_TRUE(Has(text, "Geschichte")) << text;
  EXPECT_TRUE(Has(text, "Bauweise")) << text;
  EXPECT_TRUE(Has(text, "Eichenpfählen")) << text;
  EXPECT_TRUE(Has(text, "Sitzung Nummer 1")) << text;
  EXPECT_FALSE(Has(text, "Bearbeiten")) << text;
}

TEST(MarkupRulesTest, AJumpPastAPartOfThePageGoesAndThePartStays) {
  // A shop's links past its product list and past a carousel, in German;
  // the carousel they jump past is named after them and stays.
  const std::string text = ExtractBody(
      "<main><a href='#produktliste' class='plp-skip-to-product-list'>Zur Produktliste "
      "springen</a><h1>Sofas</h1>" + GermanParagraphs(2) +
      "<div class='skip-item'><a href='#weiter' class='skip-content__button'>Karussell "
      "überspringen</a><p>Die Sofas der Reihe Kivik verbinden Schaumstoff, der sich dem Körper "
      "anpasst, mit niedrigen Armlehnen und einer breiten Liege für lange Abende.</p></div>"
      "<div id='produktliste'></div></main>");
  EXPECT_TRUE(Has(text, "Sofas")) << text;
  EXPECT_TRUE(Has(text, "niedrigen Armlehnen")) << text;
  EXPECT_TRUE(Has(text, "Sitzung Nummer 1")) << text;
  EXPECT_FALSE(Has(text, "springen")) << text;
  EXPECT_FALSE(Has(text, "überspringen")) << text;
}

TEST(MarkupRulesTest, AWikisMaintenanceNoticeGoes) {
  // MediaWiki's message boxes above an article ("ambox"; French
  // Wikipedia's "bandeau"), whatever their words.
  for (const char* box : {"<table class='ambox ambox-content'><tr><td>Dieser Artikel oder "
                          "Abschnitt ist nicht hinreichend mit Belegen versehen. Bitte hilf mit, "
                          "indem du gute Belege einfügst.</td></tr></table>",
                          "<div class='bandeau-container bandeau-article'><div "
                          "class='bandeau-cell'><strong>Dieser Artikel ist nicht hinreichend mit "
                          "Belegen versehen</strong> (März 2022). Bitte hilf mit, indem du gute "
                          "Belege einfügst.</div></div>"}) {
    const std::string text = ExtractBody("<div id='content'><h1>Brücke</h1>" + std::string(box) +
                                         GermanParagraphs(3) + "</div>");
    EXPECT_TRUE(Has(text, "Sitzung Nummer 2")) << text;
    EXPECT_FALSE(Has(text, "Belegen")) << text;
  }
}

TEST(MarkupRulesTest, APanelAControlOpensKeepsItsTextWhileClosed) {
  // A question's button names its answer in aria-controls; the answer is
  // hidden until opened, by any of the three means. A hidden block no
  // control names stays out.
  for (const char* hides : {"hidden", "aria-hidden='true'", "style='display:none'"}) {
    const std::string text = ExtractBody(
        "<div class='rte'><h1>Plan vélo 2024-2030</h1>" + GermanParagraphs(2) +
        "<h2>Questions fréquentes</h2><div class='x1'><h3><button aria-expanded='false' "
        "aria-controls='faq-1'>Quand les travaux commencent-ils ?</button></h3><div id='faq-1' " +
        std::string(hides) + "><p>Les premiers travaux débuteront en septembre 2024 sur le "
        "tronçon compris entre la gare et la place du Marché.</p></div></div><div id='faq-2' " +
        hides + "><p>Un texte caché que rien n'ouvre, ancien brouillon de la page.</p></div></div>");
    EXPECT_TRUE(Has(text, "débuteront en septembre")) << hides << "\n" << text;
    EXPECT_FALSE(Has(text, "rien n'ouvre")) << hides << "\n" << text;
  }
}

TEST(MarkupRulesTest, ASectionsHeaderInTheTextStays) {
  // Each content element's heading in a <header> of its own, outside
  // <main> and <article>; the page's header with its logo link and menu
  // goes.
  const std::string frame = "<div class='frame'><header><h2>Vergleichbare Festigkeit</h2>"
                            "</header>" + GermanParagraphs(2) + "</div>";
  const std::string text = ExtractBody(
      "<header><a href='/'><img src='/logo.png' alt=''>Universität</a><nav><a href='/a'>"
      "Studium</a> <a href='/b'>Forschung</a></nav></header><div class='col'>" +
      GermanParagraphs(2) + frame + "</div>");
  EXPECT_TRUE(Has(text, "Vergleichbare Festigkeit")) << text;
  EXPECT_FALSE(Has(text, "Forschung")) << text;
}

TEST(MarkupRulesTest, AHeadingsIdIsItsAnchorNotItsName) {
  // Slugs of the headings' words: "social", "signature", "kommentar" and
  // "footer" name chrome in a class, not in a heading's anchor.
  const std::string text = ExtractBody(
      "<article><h1>Die Bibliothek</h1>" + GermanParagraphs(1) +
      "<h2 id='Social_media'>Social media</h2>" + GermanParagraphs(1) +
      "<h2 id='verify-the-signature'>Verify the signature</h2>" + GermanParagraphs(1) +
      "<h3 id='kommentare-zum-entwurf'>Kommentare zum Entwurf</h3>" + GermanParagraphs(1) +
      "<h3 id='footer-design'>Footer design</h3>" + GermanParagraphs(1) + "</article>");
  for (const char* heading :
       {"Social media", "Verify the signature", "Kommentare zum Entwurf", "Footer design"}) {
    EXPECT_TRUE(Has(text, heading)) << heading << "\n" << text;
  }
}

TEST(MarkupRulesTest, CommentsOfTheCodeInACodeBlockStay) {
  // Syntax highlighters name a code comment's span "hljs-comment" or
  // "token comment": part of the listing, not a comment section. The page's
  // own comment section still goes.
  const std::string text = ExtractBody(
      "<article><h1>Git für Einsteiger</h1>" + GermanParagraphs(3) +
      "<pre><code class='hljs'><span class='hljs-comment'># Arbeitskopie anlegen</span>\n"
      "git clone URL\n<span class='token comment'>// Stand anzeigen</span>\ngit status"
      "</code></pre><p>Mehr zu Zweigen im nächsten Teil. <code><span class='comment'>"
      "Kurzform</span></code></p></article>"
      "<div class='comments'><p>Kommentar: Danke, genau das habe ich gesucht, weiter so und "
      "bitte bald mehr davon schreiben!</p></div>");
  EXPECT_TRUE(Has(text, "# Arbeitskopie anlegen")) << text;
  EXPECT_TRUE(Has(text, "// Stand anzeigen")) << text;
  EXPECT_TRUE(Has(text, "Kurzform")) << text;
  EXPECT_TRUE(Has(text, "git status")) << text;
  EXPECT_FALSE(Has(text, "genau das habe ich gesucht")) << text;
}

TEST(MarkupRulesTest, CaptionTokenNeedsAPictureAndNoLink) {
  // "media__caption" beside a picture goes; a "caption" under a product's
  // picture that links to the product, and a "caption-m" type size with no
  // picture beside it, stay (German page). The rule alone: the learned block
  // model, on by default, may also judge the lone link line.
  ExtractOptions rules_only;
  rules_only.block_model = false;
  const std::string text = ExtractBody(
      "<article><h1>Neue Brücke für die Altstadt</h1>"
      "<div class='media'><img src='b.jpg'><p class='media__caption'>Die alte Brücke im "
      "Winter. Foto: Stadtarchiv</p></div>" +
      GermanParagraphs(2) +
      "<div><p class='caption-m'>Die Bürgerversammlung findet am Montag im Rathaus statt.</p>"
      "</div>"
      "<div class='card'><img src='c.jpg'><p class='caption'><a href='/plan'>Der Bauplan "
      "zum Herunterladen</a></p></div>" +
      GermanParagraphs(1) + "</article>",
      rules_only);
  EXPECT_TRUE(Has(text, "Sitzung Nummer 1")) << text;
  EXPECT_FALSE(Has(text, "Foto: Stadtarchiv")) << text;
  EXPECT_TRUE(Has(text, "Die Bürgerversammlung findet")) << text;
  EXPECT_TRUE(Has(text, "Der Bauplan zum Herunterladen")) << text;
}

TEST(MarkupRulesTest, CaptionInsideAFigureNamedCaptionStillGoes) {
  // WordPress wraps picture and caption in <figure class="wp-caption">,
  // which holds a link: the wrapper is no caption, its <figcaption> is.
  const std::string text = ExtractBody(
      "<article><h1>Neue Brücke für die Altstadt</h1>"
      "<figure class='wp-caption'><a href='big.jpg'><img src='a.jpg'></a>"
      "<figcaption class='wp-caption-text'>Zum Vergrößern auf das Bild klicken</figcaption>"
      "</figure>" +
      GermanParagraphs(3) + "</article>");
  EXPECT_TRUE(Has(text, "Sitzung Nummer 2")) << text;
  EXPECT_FALSE(Has(text, "Zum Vergrößern")) << text;
}

TEST(MarkupRulesTest, BylinesGoByClassName) {
  // German and Chinese articles: the "byline" and "posted-on" lines under
  // the headline go; a long element so named (a whole post in a theme that
  // names its wrapper "posted") stays.
  const std::string de = ExtractBody(
      "<article><h1>Neue Brücke für die Altstadt</h1>"
      "<div class='article-byline'>Von Anna Schmidt, 12. März 2023</div>" +
      GermanParagraphs(3) + "</article>");
  EXPECT_TRUE(Has(de, "Sitzung Nummer 2")) << de;
  EXPECT_FALSE(Has(de, "Anna Schmidt")) << de;
  const std::string zh = ExtractBody(
      "<article><h1>城市新建的图书馆开放</h1><p class='posted-on'>发布于 2023年3月12日</p>"
      "<p>新图书馆位于市中心，共有五层，藏书超过五十万册，并设有儿童阅读区、自习室和多功能报告厅。"
      "市民凭身份证即可免费办理借书证，开放时间为每天上午九点至晚上九点。</p>"
      "<p>据介绍，图书馆的建设历时三年，总投资约八亿元。馆内采用自然采光设计，"
      "屋顶铺设了太阳能板，每年可节约大量电费。</p></article>");
  EXPECT_TRUE(Has(zh, "藏书超过五十万册")) << zh;
  EXPECT_FALSE(Has(zh, "发布于")) << zh;
  const std::string whole = ExtractBody("<div class='posted'><h1>Neue Brücke</h1>" +
                                        GermanParagraphs(3) + "</div>");
  EXPECT_TRUE(Has(whole, "Sitzung Nummer 2")) << whole;
}

TEST(MarkupRulesTest, AQuotesSpeakerNamedAuthorStays) {
  // Russian and Vietnamese articles: the line under a quotation, named
  // "quote-author", says who spoke; the byline under the headline still goes.
  const std::string ru = ExtractBody(
      "<div class='x1'><h1>Астрономы нашли планету</h1><div class='x2-author'>Иван Петров</div>"
      "<div class='x3'><p>Планету удалось обнаружить транзитным методом: телескоп зафиксировал "
      "небольшие периодические снижения яркости звезды.</p><div class='x4'><div class='x5'>«Мы "
      "пока не знаем, похожа ли эта планета на Землю или на Венеру, это определит атмосфера»"
      "</div><div class='x5-author'>соавтор исследования, астрофизик Токийского университета"
      "</div></div><p>Ученые отмечают, что планета получает от своей звезды примерно в полтора "
      "раза больше энергии, чем Земля от Солнца.</p></div></div>");
  EXPECT_TRUE(Has(ru, "астрофизик Токийского университета")) << ru;
  EXPECT_FALSE(Has(ru, "Иван Петров")) << ru;
  const std::string vi = ExtractBody(
      "<article><h1>Học thêm trở lại trường</h1><p>Từ ngày 14-2, thông tư mới về dạy thêm chính "
      "thức có hiệu lực, nhà trường chỉ được tổ chức dạy thêm cho ba nhóm học sinh.</p><div "
      "class='x4'><p>\"Tôi ủng hộ chủ trương chống dạy thêm tràn lan, nhưng cần có cơ chế trả "
      "công xứng đáng cho giáo viên.\"</p><p class='quote-author'>Cô Lê Thị Hồng, giáo viên "
      "THPT tại quận 3</p></div><p>Sở sẽ hướng dẫn các trường xây dựng kế hoạch dạy phụ đạo, "
      "bồi dưỡng và ôn thi phù hợp với học sinh.</p></article>");
  EXPECT_TRUE(Has(vi, "Cô Lê Thị Hồng")) << vi;
}

TEST(MarkupRulesTest, BylinesOfManyTeasersStay) {
  // A blog's front page: each post's teaser has its author line, which is
  // part of the list (more than two bylines on the page).
  std::string posts;
  for (int i = 0; i < 4; ++i) {
    posts += "<div class='post'><h2><a href='/p" + std::to_string(i) + "'>Beitrag " +
             std::to_string(i) + "</a></h2><span class='author'>Autorin Nummer " +
             std::to_string(i) + "</span>" + GermanParagraphs(1) + "</div>";
  }
  const std::string text = ExtractBody("<h1>Neues aus dem Rathaus</h1>" + posts);
  EXPECT_TRUE(Has(text, "Sitzung Nummer 0")) << text;
  EXPECT_TRUE(Has(text, "Autorin Nummer 0")) << text;
}

// The verdicts of every element of `html`'s body, in document order.
std::vector<MarkupVerdict> VerdictsOf(const std::string& html) {
  GumboOutput* out = gumbo_parse(html.c_str());
  std::vector<MarkupVerdict> verdicts;
  std::vector<const GumboNode*> stack = {out->root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& el = n->v.element;
    if (el.tag == GUMBO_TAG_DIV) verdicts.push_back(ClassifyMarkup(el, false));
    for (unsigned i = el.children.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(el.children.data[i]));
  }
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return verdicts;
}

// A class or id value's verdict is remembered per thread; the same value on
// a disclosure panel and off one, as class and as id, before and after
// thousands of other values, must still get its own verdict.
TEST(MarkupRulesTest, RememberedNamesKeepEachElementsVerdict) {
  std::string html = "<div class='Nav-Dropdown'></div><div class='Nav-Dropdown' role='tabpanel'></div>"
                     "<div class='Nav-Dropdown'></div><div id='Nav-Dropdown'></div>"
                     "<div id='Nav-Dropdown' role='tabpanel'></div><div class='sr-only'></div>"
                     "<div id='sr-only'></div>";
  for (int i = 0; i < 3000; ++i) html += "<div class='c" + std::to_string(i) + "'></div>";
  html += "<div class='Nav-Dropdown' role='tabpanel'></div><div class='Nav-Dropdown'></div>";
  const std::vector<MarkupVerdict> v = VerdictsOf(html);
  ASSERT_EQ(v.size(), 3009u);
  EXPECT_EQ(v[0], MarkupVerdict::kBoilerplate);
  EXPECT_EQ(v[1], MarkupVerdict::kNavigationName);  // "dropdown" says nothing on a panel; "nav" does
  EXPECT_EQ(v[2], MarkupVerdict::kBoilerplate);
  EXPECT_EQ(v[3], MarkupVerdict::kBoilerplate);
  EXPECT_EQ(v[4], MarkupVerdict::kNavigationName);
  EXPECT_EQ(v[5], MarkupVerdict::kHidden);   // a hidden class
  EXPECT_EQ(v[6], MarkupVerdict::kNeutral);  // an id is no class
  for (size_t i = 7; i < 3007; ++i) ASSERT_EQ(v[i], MarkupVerdict::kNeutral) << i;
  EXPECT_EQ(v[3007], MarkupVerdict::kNavigationName);
  EXPECT_EQ(v[3008], MarkupVerdict::kBoilerplate);
}


TEST(MarkupRulesTest, AHeadingsOwnChromeNameDoesNotDropIt) {
  // A documentation theme names each section heading after the sticky bar
  // it must clear when linked to; the headings are the page's outline.
  const std::string heading = "<h2 class='anchor anchorWithStickyNavbar_LWe7' id='s1'>";
  const std::string text = ExtractBody(
      "<nav class='navbar'><a href='/'>首页</a><a href='/docs'>文档</a></nav><article><h1>使用 Docker "
      "部署</h1><p>对于开发测试环境和中小规模的生产环境，使用 Docker 部署消息队列是最简单的方式。本文将依次介绍"
      "单节点部署和常见问题的处理方法。</p>" + heading + "单节点部署<a class='hash-link' href='#s1'>&#8203;</a>"
      "</h2><p>执行以下命令即可启动一个单节点实例。容器会在 9876 端口提供客户端连接，在 8080 端口提供管理控制台。"
      "</p>" + heading + "常见问题</h2><p>这通常是因为宿主机的参数过小。请在宿主机上执行命令，然后重新启动容器。"
      "</p></article>");
  EXPECT_TRUE(Has(text, "单节点部署\n")) << text;
  EXPECT_TRUE(Has(text, "常见问题\n")) << text;
  EXPECT_TRUE(Has(text, "重新启动容器")) << text;
  EXPECT_FALSE(Has(text, "首页")) << text;
}

TEST(MarkupRulesTest, ALiveTickersCommentaryIsItsText) {
  // "commentary" names a match ticker's running text, not readers' comments.
  const std::string text = ExtractBody(
      "<main><h1>Inter-Napoli 1-1: Lautaro illude, Lukaku risponde nel finale</h1><div "
      "class='match-commentary'><div class='commentary__item'><div class='min'>61'</div><div "
      "class='commentary__text'>Che occasione per l'Inter! Thuram lanciato in profondità da Calhanoglu si "
      "presenta davanti a Meret ma calcia addosso al portiere in uscita.</div></div><div "
      "class='commentary__item'><div class='min'>12'</div><div class='commentary__text'>Gol dell'Inter! "
      "Barella apre per Dumfries, cross teso sul secondo palo e il capitano anticipa Di Lorenzo di "
      "testa.</div></div></div><div class='lineups'><h2>Le formazioni</h2><p>Inter (3-5-2): Sommer; "
      "Pavard, Acerbi, Bastoni; Dumfries, Barella, Calhanoglu, Mkhitaryan, Dimarco; Thuram, Lautaro "
      "Martinez. All. Inzaghi.</p><p>Napoli (4-3-3): Meret; Di Lorenzo, Rrahmani, Buongiorno, Olivera; "
      "Anguissa, Lobotka, McTominay; Politano, Raspadori, Kvaratskhelia. All. Conte.</p></div></main>");
  EXPECT_TRUE(Has(text, "Che occasione per l'Inter")) << text;
  EXPECT_TRUE(Has(text, "anticipa Di Lorenzo")) << text;
  EXPECT_TRUE(Has(text, "Kvaratskhelia")) << text;
}

TEST(MarkupRulesTest, AHeadingsPermalinkMarkGoes) {
  // The "¶" a documentation generator links each heading to itself with;
  // a word linked the same way stays.
  const std::string text = ExtractBody(
      "<div role='main'><h1>Konfiguration<a class='x1' href='#konfiguration' title='Link to this "
      "heading'>¶</a></h1>" + GermanParagraphs(2) + "<h2>Ein einfaches Beispiel<a class='x1' "
      "href='#beispiel'>#</a></h2><p>Die Datei liegt im Wurzelverzeichnis des Projekts und wird beim "
      "Start gelesen; fehlt sie, gelten die Voreinstellungen.</p><h2><a href='#zwei'>2</a> "
      "Fortgeschrittene Optionen</h2><p>Wer mehrere Umgebungen betreibt, legt für jede eine eigene Datei "
      "an und wählt sie beim Start mit einem Schalter aus.</p></div>");
  EXPECT_TRUE(Has(text, "Ein einfaches Beispiel\n")) << text;
  EXPECT_TRUE(Has(text, "2 Fortgeschrittene Optionen")) << text;
  EXPECT_FALSE(Has(text, "¶")) << text;
  EXPECT_FALSE(Has(text, "Beispiel#")) << text;
}

TEST(MarkupRulesTest, APostsInteractionCounterGoes) {
  // schema.org's InteractionCounter under each post of a thread: "7 Likes".
  std::string posts;
  for (int i = 0; i < 3; ++i) {
    posts += "<div itemscope itemtype='http://schema.org/Comment'><div itemprop='text'><p>Beitrag " +
             std::to_string(i) + ": Mit der alten Firmware auf dem Stick gibt es genau diese "
             "Zeitüberschreitungen; ein Update auf 7.3 oder neuer behebt sie.</p></div><div "
             "itemprop='interactionStatistic' itemscope itemtype='http://schema.org/InteractionCounter'>"
             "<meta itemprop='userInteractionCount' content='7'><span class='x1'>7 „Gefällt mir“</span>"
             "</div></div>";
  }
  const std::string text =
      ExtractBody("<html lang='de'><body><div role='main'>" + posts + "</div></body></html>");
  EXPECT_TRUE(Has(text, "Beitrag 2")) << text;
  EXPECT_FALSE(Has(text, "Gefällt mir")) << text;
}

TEST(MarkupRulesTest, ANegatedChromeNameIsNoEvidence) {
  // "hide-read-more-ad" wraps each section of a magazine's science page:
  // the wrapper hides the advert a template would set there. The advert's
  // own slot, named "ad-slot", still goes.
  std::string sections;
  for (int i = 0; i < 6; ++i) {
    sections += "<div class='rubrik-items hide-read-more-ad'><h2>Rubrik " + std::to_string(i) +
                "</h2>" + GermanParagraphs(1) + "</div>";
  }
  const std::string text = ExtractBody(
      "<html lang='de'><body><main><h1>Wissenschaft</h1>" + sections +
      "<div class='ad-slot'>Anzeige: Die neue Küche zum halben Preis, nur diese Woche im "
      "Möbelhaus am Stadtrand</div></main></body></html>");
  EXPECT_TRUE(Has(text, "Rubrik 0")) << text;
  EXPECT_TRUE(Has(text, "Rubrik 5")) << text;
  EXPECT_TRUE(Has(text, "Sitzung Nummer 0")) << text;
  EXPECT_FALSE(Has(text, "Möbelhaus")) << text;
}

}  // namespace
}  // namespace corpus

// Whole pages in German, Chinese and Japanese: the phrase rules work in the
// page's language, whether declared or detected, and not in others.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/extract/extractor.h"
#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::Has;

std::string Extract(const std::string& html) {
  return ExtractMainContent(html, "", ExtractOptions()).text;
}

// Paragraphs of German prose, long enough for the page to read as an article
// and for its language to be detected.
std::string GermanProse() {
  std::string out;
  for (int i = 0; i < 4; ++i) {
    out += "<p>Die Gemeinde hat am Dienstag beschlossen, die alte Brücke über den Fluss im "
           "kommenden Frühjahr zu erneuern. Der Bürgermeister sagte, die Arbeiten würden etwa "
           "ein halbes Jahr dauern, und die Anwohner müssten in dieser Zeit mit Umleitungen "
           "rechnen. Abschnitt " + std::to_string(i) + " der Meldung.</p>";
  }
  return out;
}

// The same in Japanese.
std::string JapaneseProse() {
  std::string out;
  for (int i = 0; i < 4; ++i) {
    out += "<p>市は火曜日、川に架かる古い橋を来年の春に架け替えると発表した。市長によると、"
           "工事はおよそ半年かかる見込みで、その間住民は迂回路を利用する必要がある。"
           "詳しい交通規制は後日発表される予定だ。第" + std::to_string(i) + "段落。</p>";
  }
  return out;
}

std::string GermanArticle(const std::string& lang_attr) {
  return "<html" + lang_attr + "><body><article><h1>Die neue Brücke</h1>" +
         "<div class='figure'><div>Foto: dpa</div></div>" + GermanProse() +
         "<p><a href='/b'>Weiterlesen</a></p>"
         "<p>Lesen Sie auch: <a href='/x'>Wie die Stadt ihre Straßen saniert</a></p>"
         "<section><h2>Das könnte Sie auch interessieren</h2><ul>"
         "<li><a href='/1'>Neuer Radweg am Ufer eröffnet</a></li>"
         "<li><a href='/2'>Stadtrat streitet über Parkgebühren</a></li></ul></section>"
         "</article></body></html>";
}

TEST(MultilingualPageTest, GermanChromeGoesWhenDeclared) {
  const std::string t = Extract(GermanArticle(" lang='de-DE'"));
  EXPECT_TRUE(Has(t, "Abschnitt 3 der Meldung")) << t;
  EXPECT_FALSE(Has(t, "Foto: dpa")) << t;
  EXPECT_FALSE(Has(t, "Weiterlesen")) << t;
  EXPECT_FALSE(Has(t, "Wie die Stadt")) << t;
  EXPECT_FALSE(Has(t, "Neuer Radweg")) << t;
}

TEST(MultilingualPageTest, GermanChromeGoesWhenDetected) {
  // Templates often declare English whatever the text, or nothing.
  for (const std::string attr : {"", " lang='en'"}) {
    const std::string t = Extract(GermanArticle(attr));
    EXPECT_TRUE(Has(t, "Abschnitt 3 der Meldung")) << attr;
    EXPECT_FALSE(Has(t, "Neuer Radweg")) << attr;
    EXPECT_FALSE(Has(t, "Weiterlesen")) << attr;
  }
}

TEST(MultilingualPageTest, AnotherLanguagesPhrasesDoNotApply) {
  // "Weiterlesen" is a German label; on an English page it is a word.
  std::string prose;
  for (int i = 0; i < 4; ++i) {
    prose += "<p>The council decided on Tuesday to rebuild the old bridge over the river next "
             "spring. The mayor said the work would take about half a year and residents "
             "should expect diversions during that time. Part " + std::to_string(i) + ".</p>";
  }
  const std::string t = Extract("<html lang='en'><body><article><h1>The bridge</h1>" + prose +
                                "<p>Weiterlesen</p>" + prose + "</article></body></html>");
  EXPECT_TRUE(Has(t, "Part 3.")) << t;
  EXPECT_TRUE(Has(t, "Weiterlesen")) << t;
}

TEST(MultilingualPageTest, ContentLanguageOverridesTheMarkup) {
  // The HTTP Content-Language of the response (the record's
  // "content_language") wins over <html lang>.
  std::string prose;
  for (int i = 0; i < 4; ++i) {
    prose += "<p>The council decided on Tuesday to rebuild the old bridge over the river next "
             "spring. The mayor said the work would take about half a year and residents "
             "should expect diversions during that time. Part " + std::to_string(i) + ".</p>";
  }
  const std::string html = "<html lang='en'><body><article><h1>The bridge</h1>" + prose +
                           "<p>Weiterlesen</p>" + prose + "</article></body></html>";
  EXPECT_TRUE(Has(ExtractMainContent(html, "", ExtractOptions()).text, "Weiterlesen"));
  const ExtractResult r = ExtractMainContent(html, "", ExtractOptions(), "de-CH");
  EXPECT_FALSE(Has(r.text, "Weiterlesen")) << r.text;
  EXPECT_EQ(r.phrase_languages, "de,en");
}

TEST(MultilingualPageTest, TheMarkupsDeclaredLanguageReachesThePhraseChoice) {
  // <html lang> and <meta http-equiv=content-language> survive the prescan
  // that drops unread attributes: a page declaring Polish gets Polish phrases
  // even when its text reads as English.
  std::string prose;
  for (int i = 0; i < 4; ++i) {
    prose += "<p>The council decided on Tuesday to rebuild the old bridge over the river next "
             "spring. The mayor said the work would take about half a year. Part " +
             std::to_string(i) + ".</p>";
  }
  const std::string body = "<body><article><h1>The bridge</h1>" + prose + "</article></body></html>";
  EXPECT_EQ(ExtractMainContent("<html lang='pl'>" + body, "", ExtractOptions()).phrase_languages,
            "pl,en");
  EXPECT_EQ(ExtractMainContent("<html><head><meta http-equiv='Content-Language' content='pl'>"
                               "</head>" + body, "", ExtractOptions()).phrase_languages,
            "pl,en");
}

TEST(MultilingualPageTest, ChineseRelatedBoxAndCreditGo) {
  std::string prose;
  for (int i = 0; i < 4; ++i) {
    prose += "<p>市政府周二宣布，将于明年春天重建横跨河流的旧桥。市长表示，工程预计持续大约半年，"
             "在此期间居民需要绕行。有关部门将提前公布具体的交通安排，并在施工期间加强现场管理，"
             "确保市民出行安全。第" + std::to_string(i) + "段。</p>";
  }
  const std::string t = Extract(
      "<html lang='zh-CN'><body><article><h1>旧桥将重建</h1><div>图片来源：新华社</div>" + prose +
      "<div><h3>相关文章</h3><ul><li><a href='/1'>新自行车道在河岸开通</a></li>"
      "<li><a href='/2'>市议会讨论停车费</a></li></ul></div>"
      "<div><a href='/m'>阅读更多</a></div></article></body></html>");
  EXPECT_TRUE(Has(t, "第3段")) << t;
  EXPECT_FALSE(Has(t, "新华社")) << t;
  EXPECT_FALSE(Has(t, "新自行车道")) << t;
  EXPECT_FALSE(Has(t, "阅读更多")) << t;
  // An official account's post: a credit with a bar for its colon, and
  // "往期推荐" over the account's earlier posts.
  const std::string post = Extract(
      "<html lang='zh-CN'><body><div id='js_content'><h1>旧桥将重建</h1>" + prose +
      "<p>图片来源 | 视觉中国</p><p><strong>往期推荐</strong></p><p><a href='/1'>新自行车道在"
      "河岸开通</a></p><p><a href='/2'>市议会讨论停车费</a></p></div></body></html>");
  EXPECT_TRUE(Has(post, "第3段")) << post;
  EXPECT_FALSE(Has(post, "视觉中国")) << post;
  EXPECT_FALSE(Has(post, "往期推荐")) << post;
  EXPECT_FALSE(Has(post, "市议会")) << post;
}

TEST(MultilingualPageTest, CaptionsSignedByTheirCreditGo) {
  // A caption that ends in its picture's credit goes, in German and in
  // Japanese (fullwidth parentheses); a paragraph of the text that ends in
  // parentheses stays, and so does a long paragraph that ends in a credit.
  const std::string ja = Extract(
      "<html lang='ja'><body><article><h1>古い橋を架け替え</h1>"
      "<figure><img src='/b.jpg'><div class='cap'>架け替えられる古い橋（写真：共同）</div></figure>" +
      JapaneseProse() + "<p>工事の日程は市のウェブサイトで確認できる（問い合わせ：市役所）。</p>"
      "</article></body></html>");
  EXPECT_TRUE(Has(ja, "第3段落")) << ja;
  EXPECT_FALSE(Has(ja, "架け替えられる古い橋")) << ja;
  EXPECT_TRUE(Has(ja, "工事の日程は市のウェブサイトで確認できる")) << ja;

  const std::string long_signed =
      "<p>Der Bürgermeister stellte die Pläne am Dienstag im Rathaus vor und beantwortete im "
      "Anschluss die Fragen der Anwohner, die vor allem wissen wollten, wie lange die Umleitung "
      "dauern werde und ob die Busse weiter fahren, was er bejahte und mit einem Plan der "
      "Strecken belegte, den die Stadt am selben Abend auch im Internet veröffentlichte, damit "
      "sich alle Pendler rechtzeitig auf die neuen Wege einstellen können (Foto: Stadt)</p>";
  const std::string de = Extract(
      "<html lang='de'><body><article><h1>Die neue Brücke</h1>"
      "<div class='bild'><p>Die alte Brücke im Morgenlicht. (Foto: Jane Doe/Agentur)</p></div>" +
      GermanProse() + long_signed + "</article></body></html>");
  EXPECT_TRUE(Has(de, "Abschnitt 3 der Meldung")) << de;
  EXPECT_FALSE(Has(de, "im Morgenlicht")) << de;
  EXPECT_TRUE(Has(de, "mit einem Plan der Strecken belegte")) << de;
}

TEST(MultilingualPageTest, CaptionsSignedAfterADashOrABarGo) {
  // "caption — Foto: credit", as Brazilian and Portuguese news templates
  // write it under a picture, and "caption | Foto: credit" in German: the
  // caption goes; a paragraph with a dash that no credit label follows
  // stays.
  const std::string pt = Extract(
      "<html lang='pt-BR'><body><article><h1>Temporal derruba árvores</h1>"
      "<div class='content-media'><img src='/a.jpg'><p class='content-media__description'>"
      "Árvore caiu sobre a fiação na Rua Vieira de Morais, no Campo Belo \xE2\x80\x94 Foto: "
      "Arquivo pessoal</p></div>"
      "<p>A chuva forte que atingiu a cidade na tarde desta terça-feira derrubou ao menos 40 "
      "árvores e deixou bairros inteiros sem energia, segundo a Defesa Civil municipal.</p>"
      "<p>O Centro de Gerenciamento de Emergências colocou toda a cidade em estado de atenção "
      "para alagamentos \xE2\x80\x94 em uma hora choveu quase um quarto do esperado para o mês.</p>"
      "<p>A Defesa Civil orienta a população a evitar áreas de alagamento e a não tocar em fios "
      "caídos. Em caso de emergência, o telefone de contato é o 199.</p>"
      "<p>A concessionária de energia informou que as equipes trabalham para restabelecer o "
      "fornecimento em todos os bairros até a manhã de quarta-feira.</p>"
      "</article></body></html>");
  EXPECT_TRUE(Has(pt, "derrubou ao menos 40")) << pt;
  EXPECT_TRUE(Has(pt, "estado de atenção para alagamentos")) << pt;
  EXPECT_FALSE(Has(pt, "Campo Belo")) << pt;

  const std::string de = Extract(
      "<html lang='de'><body><article><h1>Die neue Brücke</h1>"
      "<div class='bild'><p>Die alte Brücke im Morgenlicht | Foto: Jane Doe/Agentur</p></div>" +
      GermanProse() + "</article></body></html>");
  EXPECT_TRUE(Has(de, "Abschnitt 3 der Meldung")) << de;
  EXPECT_FALSE(Has(de, "im Morgenlicht")) << de;

  // A Chinese portal's caption, its credit after the caption's full stop.
  std::string zh_body;
  for (const char* p : {"市区新建的滨江绿道本周末正式向市民开放，全长约十二公里，沿途设有多处休息区和自行车租赁点。",
                        "市园林局负责人介绍，绿道建设历时两年，共种植各类乔木三千余株，并修复了两处湿地。",
                        "据悉，今年下半年还将启动二期工程，届时绿道将与城东的森林公园连通，形成环城慢行系统。",
                        "不少市民当天一早就来到绿道骑行和散步，有市民表示，家门口多了一处亲近自然的好去处。"}) {
    zh_body += std::string("<p>") + p + "</p>";
  }
  const std::string zh = Extract(
      "<html lang='zh-CN'><body><article><h1>滨江绿道正式开放</h1>" + zh_body.substr(0, zh_body.find("</p>") + 4) +
      "<div class='img_wrapper'><img src='/a.jpg'><span class='img_descr'>市民在新建成的绿道上骑行。"
      "图片来源：东方晨报 记者 王晓摄</span></div>" + zh_body.substr(zh_body.find("</p>") + 4) +
      "</article></body></html>");
  EXPECT_TRUE(Has(zh, "形成环城慢行系统")) << zh;
  EXPECT_FALSE(Has(zh, "图片来源")) << zh;
}

TEST(MultilingualPageTest, ACreditSetAfterItsCaptionInAnElementOfItsOwnGoes) {
  // "<span>caption</span><span>Crédito da imagem: …</span>" in one block:
  // the credit goes, the caption stays; a code listing's "image:" line
  // stays.
  const std::string pt = Extract(
      "<html lang='pt'><body><article><h1>Efeito estufa</h1><div class='x1'><img src='/e.jpg'>"
      "<span class='x2'>O efeito estufa retém parte do calor irradiado pela superfície."
      "</span><span class='x3'>Crédito da imagem: Shutterstock</span></div><p>Efeito estufa é "
      "o fenômeno natural em que parte da radiação infravermelha emitida pela superfície "
      "terrestre é absorvida por gases da atmosfera, como um cobertor que retém o calor.</p>"
      "<p>Sem esse processo, a temperatura média do planeta seria de aproximadamente 18 graus "
      "negativos, o que tornaria a vida praticamente impossível na superfície.</p><pre><code>"
      "<span>services:</span>\n  <span>db:</span>\n    <span>image: postgres</span></code></pre>"
      "</article></body></html>");
  EXPECT_TRUE(Has(pt, "calor irradiado pela superfície")) << pt;
  EXPECT_FALSE(Has(pt, "Shutterstock")) << pt;
  EXPECT_TRUE(Has(pt, "image: postgres")) << pt;
  // The caption a paragraph of its own, the credit an element after it in
  // the caption's box (German).
  const std::string de = Extract(
      "<html lang='de'><body><article><h1>Die letzten Krabbenfischer</h1><div class='x1'><img "
      "src='/k.jpg'><div class='x2'><p>Krabbenkutter im Hafen: Von einst mehr als 40 Schiffen "
      "sind noch 14 übrig.</p><span class='x3'>Foto: Christian Charisius / dpa</span></div></div>"
      "<p>Vor zwanzig Jahren lagen im Hafen noch mehr als 40 Kutter, heute sind es 14. An der "
      "ganzen Küste ist die Flotte in dieser Zeit stark geschrumpft.</p><p>Am späten Vormittag "
      "hat der Kutter knapp 300 Kilogramm Krabben an Bord, ein mittelmäßiger Tag.</p>"
      "</article></body></html>");
  EXPECT_TRUE(Has(de, "Kilogramm Krabben")) << de;
  EXPECT_FALSE(Has(de, "Charisius")) << de;
}

TEST(MultilingualPageTest, CaptionsSignedAfterACopyrightSignGo) {
  // A caption whose last words follow a copyright sign goes; a header that
  // holds a picture's credit after its headline and lead is not a caption
  // (it holds blocks), and a paragraph that names a copyright early stays.
  const std::string t = Extract(
      "<html lang='de'><body><article>"
      "<div class='kopf'><h2>Bohren, bis es heiß wird</h2>"
      "<p>Weltweit finanzieren Banken Vorhaben, die dem Klima schaden.</p>"
      "<span>\xC2\xA9 Jane Doe</span></div>"
      "<h1>Die neue Brücke</h1>"
      "<div class='bild'><p>Die alte Brücke im Morgenlicht. \xC2\xA9 <b>AFP</b> / Marco Bertorello</p>"
      "</div>" +
      GermanProse() +
      "<p>Der Text steht unter \xC2\xA9 der Stadt, die ihn für die Anwohner geschrieben hat "
      "und allen Zeitungen der Region zum Abdruck überlässt.</p></article></body></html>");
  EXPECT_TRUE(Has(t, "Abschnitt 3 der Meldung")) << t;
  EXPECT_FALSE(Has(t, "im Morgenlicht")) << t;
  EXPECT_TRUE(Has(t, "Weltweit finanzieren Banken")) << t;
  EXPECT_TRUE(Has(t, "allen Zeitungen der Region")) << t;
}

TEST(MultilingualPageTest, PostNavigationUnderAShortPostGoes) {
  // A short post is no article (its paragraphs are short), but the links to
  // the next and previous posts under it are still teaser lines; in
  // Chinese, with a fullwidth colon.
  const std::string de = Extract(
      "<html lang='de'><body><div class='post'><h1>Drei Ausflüge in Berlin</h1>"
      "<p>Wer am Wochenende raus will, findet in der Stadt mehr als man denkt.</p>"
      "<p>Die Biosphäre in Potsdam erreicht man mit der Tram vom Bahnhof aus.</p>"
      "<p>Der Crash Room liegt drei Minuten vom S-Bahnhof Ostkreuz entfernt.</p>"
      "<p>Nachfolgebeitrag: <a href='/n' rel='next'>Was passiert hier eigentlich noch?</a><br>"
      "Vorgängerbeitrag: <a href='/p' rel='prev'>Die Wahrheit über Kondome</a></p>"
      "</div></body></html>");
  EXPECT_TRUE(Has(de, "drei Minuten vom S-Bahnhof Ostkreuz")) << de;
  EXPECT_FALSE(Has(de, "Was passiert hier eigentlich noch")) << de;
  const std::string zh = Extract(
      "<html lang='zh-CN'><body><div class='post'><h1>周末去哪儿</h1>"
      "<p>新图书馆位于市中心，共有五层，藏书超过五十万册，并设有儿童阅读区和自习室。</p>"
      "<p>市民凭身份证即可免费办理借书证，开放时间为每天上午九点至晚上九点。</p>"
      "<p>下一篇：<a href='/n'>城市新建的自行车道开通</a></p></div></body></html>");
  EXPECT_TRUE(Has(zh, "藏书超过五十万册")) << zh;
  EXPECT_FALSE(Has(zh, "自行车道开通")) << zh;
}

TEST(MultilingualPageTest, JapaneseRelatedBoxAndLabelGo) {
  const std::string t = Extract(
      "<html><body><article><h1>古い橋を架け替え</h1>" + JapaneseProse() +
      "<div><a href='/m'>続きを読む</a></div>"
      "<section><h2>関連記事</h2><ul><li><a href='/1'>川沿いに新しい自転車道</a></li>"
      "<li><a href='/2'>駐車料金をめぐる議論</a></li></ul></section>"
      "</article></body></html>");
  EXPECT_TRUE(Has(t, "第3段落")) << t;
  EXPECT_FALSE(Has(t, "続きを読む")) << t;
  EXPECT_FALSE(Has(t, "新しい自転車道")) << t;
}

TEST(MultilingualPageTest, JapaneseAdvertisingNoticesAndSlotLabelsGo) {
  // The notice at the top of a post and the label over each ad slot.
  const std::string t = Extract(
      "<html lang='ja'><body><article><h1>古い橋を架け替え</h1><div class='x1'>"
      "<p>※本記事はアフィリエイト広告を利用しています。</p></div>" + JapaneseProse() +
      "<div class='x2'><p>スポンサーリンク</p><ins class='x3'></ins></div>"
      "<p>橋の完成は再来年の秋になる見通しで、市は説明会を三回開く。</p></article></body></html>");
  EXPECT_TRUE(Has(t, "第3段落")) << t;
  EXPECT_TRUE(Has(t, "説明会を三回開く")) << t;
  EXPECT_FALSE(Has(t, "アフィリエイト広告")) << t;
  EXPECT_FALSE(Has(t, "スポンサーリンク")) << t;
}

// Four paragraphs of `sentence`, each numbered, inside an <article> with the
// headline `h1`, and `chrome` (boxes and labels in the same language) between
// the second and the third, where only its words tell it from the text.
std::string ArticleOf(const std::string& lang_attr, const std::string& h1,
                      const std::string& sentence, const std::string& chrome) {
  std::string body;
  for (int i = 0; i < 4; ++i) {
    if (i == 2) body += chrome;
    body += "<p>" + sentence + " (" + std::to_string(i) + ")</p>";
  }
  return "<html" + lang_attr + "><body><article><h1>" + h1 + "</h1>" + body +
         "</article></body></html>";
}

// An article in one language with its chrome between two paragraphs.
struct ChromeCase {
  const char* lang_attr;
  const char* h1;
  const char* sentence;
  const char* chrome;
  const char* kept;                // the last paragraph's end
  std::vector<const char*> gone;  // the chrome's words
};

// Expects the article's text kept and its chrome gone.
void ExpectChromeGoes(const ChromeCase& c) {
  const std::string t = Extract(ArticleOf(c.lang_attr, c.h1, c.sentence, c.chrome));
  EXPECT_TRUE(Has(t, c.kept)) << t;
  for (const char* words : c.gone) EXPECT_FALSE(Has(t, words)) << t;
}

TEST(MultilingualPageTest, ReadAlsoBoxesGoInUkrainianCzechAndRomanian) {
  // A "read also" heading without a colon over a list of links, and the
  // same heading as a paragraph of its own before paragraphs of one link;
  // an invitation to follow the site's channels ([pitch_openings]).
  const ChromeCase cases[] = {
      {" lang='uk'", "Старий міст відремонтують",
       "У вівторок міська рада оголосила, що навесні відремонтує старий міст через річку. Мер "
       "сказав, що роботи триватимуть близько пів року і мешканцям доведеться їздити об'їздом.",
       "<div class='x1'><h3>Читайте також</h3><ul><li><a href='/1'>На набережній відкрили нову "
       "велодоріжку</a></li><li><a href='/2'>Депутати сперечалися про ціни на паркування</a></li>"
       "</ul></div>",
       "їздити об'їздом. (3)", {"велодоріжку", "паркування"}},
      {" lang='cs'", "Starý most se opraví",
       "Radnice v úterý oznámila, že starý most přes řeku na jaře opraví. Starosta řekl, že práce "
       "potrvají asi půl roku a obyvatelé budou muset jezdit po objížďce přes sousední obec.",
       "<div class='x1'><h3>Čtěte také</h3><ul><li><a href='/1'>Na nábřeží otevřeli novou "
       "cyklostezku</a></li><li><a href='/2'>Zastupitelé se přeli o ceny parkování</a></li>"
       "</ul></div>",
       "přes sousední obec. (3)", {"cyklostezku", "ceny parkování"}},
      {" lang='ro'", "Podul vechi va fi renovat",
       "Primăria a anunțat marți că va renova în primăvară podul vechi peste râu. Primarul a spus "
       "că lucrările vor dura aproximativ șase luni, iar locuitorii vor folosi o rută ocolitoare.",
       "<p><strong>Citește și:</strong></p><p><a href='/1'>O nouă pistă de biciclete a fost "
       "deschisă pe malul râului</a></p><p><a href='/2'>Consilierii s-au certat pe tarifele de "
       "parcare</a></p>",
       "o rută ocolitoare. (3)", {"pistă de biciclete", "tarifele de parcare"}},
      {" lang='ro'", "Podul vechi va fi renovat",
       "Primăria a anunțat marți că va renova în primăvară podul vechi peste râu. Primarul a spus "
       "că lucrările vor dura aproximativ șase luni, iar locuitorii vor folosi o rută ocolitoare.",
       "<div class='x2'><p>Urmărește știrile Ziarului de Vest și pe Google News și pe canalul "
       "nostru de Telegram, ca să afli primul ce se întâmplă în oraș.</p></div>",
       "o rută ocolitoare. (3)", {"Google News"}},
  };
  for (const ChromeCase& c : cases) ExpectChromeGoes(c);
}

TEST(MultilingualPageTest, ReadAlsoBoxesAndVideoNoticesGoInDutchPolishPortugueseAndItalian) {
  // A "read also" heading without a colon over a list of links between the
  // paragraphs ([related_headings]), and the line over a video that says the
  // text goes on below it ([labels]).
  const ChromeCase cases[] = {
      {" lang='nl'", "Kabinet wil boetes verdubbelen",
       "Volgens het ministerie is de huidige boete niet meer afschrikwekkend genoeg. Het bedrag "
       "is sinds 2013 niet aangepast, terwijl de prijs van een treinkaartje flink is gestegen.",
       "<div><h3>Lees ook</h3><ul><li><a href='/1'>NS wil vaker controleren op stoptreinen</a>"
       "</li><li><a href='/2'>Stakende sjorders leggen containerhaven plat</a></li></ul></div>",
       "flink is gestegen. (3)", {"stoptreinen", "containerhaven"}},
      {" lang='pl'", "Ceny prądu w przyszłym roku",
       "Projekt przygotowany przez ministerstwo zakłada, że przez pierwsze trzy kwartały "
       "przyszłego roku odbiorcy będą płacić nie więcej niż pięćset złotych netto za megawatogodzinę.",
       "<div><h3>Zobacz też</h3><ul><li><a href='/1'>Rząd przyjął projekt budżetu na przyszły rok"
       "</a></li><li><a href='/2'>Sejm zajmie się ustawą o energetyce wiatrowej</a></li></ul></div>",
       "netto za megawatogodzinę. (3)", {"projekt budżetu", "energetyce wiatrowej"}},
      {" lang='pt-BR'", "Chuva forte no Rio Grande do Sul",
       "A Defesa Civil do estado emitiu um alerta para chuva forte em doze municípios das regiões "
       "dos Vales e da Serra nesta quarta-feira, com acumulados que podem chegar a cem milímetros.",
       "<div><h3>Leia também</h3><ul><li><a href='/1'>Moradores ainda reconstroem casas seis meses "
       "após a enchente</a></li><li><a href='/2'>Frente fria chega ao estado no fim de semana</a>"
       "</li></ul></div>",
       "chegar a cem milímetros. (3)", {"reconstroem casas", "Frente fria"}},
      {" lang='pl'", "Ceny prądu w przyszłym roku",
       "Projekt przygotowany przez ministerstwo zakłada, że przez pierwsze trzy kwartały "
       "przyszłego roku odbiorcy będą płacić nie więcej niż pięćset złotych netto za megawatogodzinę.",
       "<div class='x1'><p class='x2'>Dalszy ciąg materiału pod wideo</p><div class='x3'></div></div>",
       "netto za megawatogodzinę. (3)", {"Dalszy ciąg"}},
      {" lang='it'", "Il ponte vecchio sarà rifatto",
       "Il comune ha annunciato martedì che in primavera rifarà il vecchio ponte sul fiume. Il "
       "sindaco ha detto che i lavori dureranno circa sei mesi e che ci saranno deviazioni.",
       "<div class='x1'><p>L'articolo continua sotto</p><div class='x3'></div></div>",
       "ci saranno deviazioni. (3)", {"continua sotto"}},
  };
  for (const ChromeCase& c : cases) ExpectChromeGoes(c);
}

TEST(MultilingualPageTest, RecipeButtonsGoInTheirLanguage) {
  // A recipe site's buttons between the paragraphs: a link set straight in
  // the article, or alone in a box of its own ([labels]).
  const ChromeCase cases[] = {
      {" lang='de'", "Käsespätzle",
       "Nach einer langen Wanderung gibt es auf der Hütte nichts Besseres als eine dampfende "
       "Pfanne Käsespätzle, in der sich der würzige Bergkäse lange Fäden zieht.",
       "<a class='x1' href='/liste/add/1'>Auf die Einkaufsliste</a>",
       "lange Fäden zieht. (3)", {"Einkaufsliste"}},
      {" lang='es'", "Tortilla de patatas",
       "La tortilla de patatas es uno de los platos más sencillos de la cocina española, y "
       "también uno de los que más discusiones provoca en cualquier sobremesa familiar.",
       "<div class='x2'><a class='x1' href='/guardar/1'>Guardar receta</a></div>",
       "cualquier sobremesa familiar. (3)", {"Guardar receta"}},
  };
  for (const ChromeCase& c : cases) ExpectChromeGoes(c);
}

TEST(MultilingualPageTest, ThaiProseWithoutMarksIsProse) {
  // Thai ends its sentences with a space, not a mark: a standfirst in a
  // block of its own before the body stays, and a related box takes only
  // its links, not the paragraphs after it.
  const std::string p1 =
      "<p>เมื่อวันที่ 16 ส.ค. กรมอุตุนิยมวิทยา ออกประกาศฝนตกหนักถึงหนักมาก ฉบับที่ 5 ระบุว่า "
      "ร่องมรสุมกำลังปานกลางพาดผ่านภาคเหนือและภาคตะวันออกเฉียงเหนือตอนบน "
      "ประกอบกับมรสุมตะวันตกเฉียงใต้กำลังค่อนข้างแรงพัดปกคลุมทะเลอันดามัน</p>";
  const std::string p2 =
      "<p>ลักษณะเช่นนี้ทำให้ประเทศไทยมีฝนเพิ่มขึ้น และมีฝนตกหนักถึงหนักมากบางแห่ง "
      "โดยเฉพาะภาคเหนือ ภาคตะวันออกเฉียงเหนือ และภาคใต้ฝั่งตะวันตก "
      "ขอให้ประชาชนในพื้นที่เสี่ยงภัยระวังอันตรายจากน้ำท่วมฉับพลัน</p>";
  const std::string p3 =
      "<p>ส่วนกรุงเทพมหานครและปริมณฑล มีฝนฟ้าคะนองร้อยละ 60 ของพื้นที่ ส่วนมากตกในช่วงบ่ายถึงค่ำ "
      "อุณหภูมิต่ำสุด 25 องศาเซลเซียส ลมตะวันตกเฉียงใต้ ความเร็ว 10 ถึง 25 กิโลเมตรต่อชั่วโมง</p>";
  const std::string p4 =
      "<p>ทั้งนี้ กรมอุตุนิยมวิทยาจะติดตามสถานการณ์อย่างใกล้ชิด "
      "และจะออกประกาศฉบับต่อไปในวันเดียวกัน "
      "ประชาชนสามารถติดตามข้อมูลเพิ่มเติมได้ที่เว็บไซต์กรมอุตุนิยมวิทยา</p>";
  const std::string lead = Extract(
      "<html lang='th'><body><main><div><h1>กรมอุตุฯ เตือน 35 จังหวัด รับมือฝนตกหนัก</h1>"
      "<div><h2>กรมอุตุนิยมวิทยา ประกาศเตือนฝนตกหนักถึงหนักมาก ครอบคลุม 35 จังหวัด "
      "ขอให้ประชาชนระวังอันตรายจากน้ำท่วมฉับพลันและน้ำป่าไหลหลาก</h2></div><div>" +
      p1 + p2 + p3 + p4 + "</div></div></main></body></html>");
  EXPECT_TRUE(Has(lead, "ประกาศเตือนฝนตกหนักถึงหนักมาก")) << lead;
  EXPECT_TRUE(Has(lead, "ติดตามสถานการณ์")) << lead;
  const std::string box = Extract(
      "<html lang='th'><body><article><h1>กรมอุตุฯ เตือน 35 จังหวัด รับมือฝนตกหนัก</h1>" + p1 +
      p2 + "<p><strong>อ่านข่าวที่เกี่ยวข้อง :</strong></p><ul><li><a href='/1'>"
      "น้ำป่าทะลักท่วมบ้านเรือนที่น่าน ชาวบ้านเร่งขนของหนี</a></li><li><a href='/2'>"
      "ปภ.แจ้ง 12 จังหวัด เฝ้าระวังดินโคลนถล่ม</a></li></ul>" + p3 + p4 +
      "</article></body></html>");
  EXPECT_FALSE(Has(box, "ชาวบ้านเร่งขนของหนี")) << box;
  EXPECT_TRUE(Has(box, "ส่วนกรุงเทพมหานคร")) << box;
  EXPECT_TRUE(Has(box, "ติดตามสถานการณ์")) << box;
}

TEST(MultilingualPageTest, ChromeGoesInKoreanTurkishArabicPersianHebrewAndThai) {
  const ChromeCase cases[] = {
      {" lang='ko-KR'", "오래된 다리 새로 짓는다",
       "시는 화요일 강을 가로지르는 오래된 다리를 내년 봄에 새로 짓겠다고 밝혔다. 시장은 공사가 "
       "약 반년 정도 걸릴 것이라며, 그동안 주민들은 우회로를 이용해야 한다고 말했다.",
       "<div>공유하기</div><section><h2>관련 기사</h2><ul>"
       "<li><a href='/1'>강변에 새 자전거 도로 개통</a></li>"
       "<li><a href='/2'>주차 요금 두고 시의회 논쟁</a></li></ul></section>",
       "우회로를 이용해야 한다고 말했다. (3)", {"공유하기", "자전거 도로"}},
      // Declared nowhere: the language is detected. The label and the
      // heading are in capitals, with the dotted capital İ and the dotless
      // small ı's capital I; the phrase file writes them in small letters.
      {"", "Eski köprü yenileniyor",
       "Belediye salı günü, nehir üzerindeki eski köprüyü gelecek baharda yenileyeceğini açıkladı. "
       "Belediye başkanı çalışmaların yaklaşık altı ay süreceğini ve bu sürede sakinlerin "
       "alternatif yolları kullanması gerektiğini söyledi.",
       "<p>DEVAMINI OKU</p><section><h2>İLGİLİ HABERLER</h2><ul>"
       "<li><a href='/1'>Nehir kıyısına yeni bisiklet yolu açıldı</a></li>"
       "<li><a href='/2'>Meclis otopark ücretlerini tartıştı</a></li></ul></section>",
       "kullanması gerektiğini söyledi. (3)", {"DEVAMINI OKU", "bisiklet yolu"}},
      // Tanween written on the label of a teaser line, not in the phrase file.
      {" lang='ar'", "تجديد الجسر القديم",
       "أعلنت البلدية يوم الثلاثاء أنها ستجدد الجسر القديم فوق النهر في الربيع المقبل. وقال رئيس "
       "البلدية إن الأعمال ستستغرق نحو ستة أشهر، وإن على السكان استخدام طرق بديلة خلال هذه الفترة.",
       "<p>اقرأ أيضاً: <a href='/x'>افتتاح مسار جديد للدراجات على ضفة النهر</a></p>"
       "<section><h2>مقالات ذات صلة</h2><ul>"
       "<li><a href='/1'>المجلس البلدي يناقش رسوم مواقف السيارات</a></li>"
       "<li><a href='/2'>خطة جديدة لتنظيف الحدائق العامة</a></li></ul></section>",
       "خلال هذه الفترة. (3)", {"مسار جديد للدراجات", "رسوم مواقف السيارات"}},
      // Persian written with the Arabic kaf and yeh ("كالاهاي"), where the
      // phrase file has the Persian letters ("کالاهای مشابه").
      {" lang='fa-IR'", "بازسازی پل قدیمی",
       "شهرداری روز سه‌شنبه اعلام کرد که پل قدیمی روی رودخانه را بهار آینده بازسازی می‌کند. شهردار "
       "گفت این کار حدود شش ماه طول می‌کشد و ساکنان در این مدت باید از مسیرهای دیگر استفاده کنند.",
       "<div>چاپ</div><section><h2>كالاهاي مشابه</h2><ul>"
       "<li><a href='/1'>دوچرخه شهری مدل تازه</a></li>"
       "<li><a href='/2'>قفل دوچرخه با کلید</a></li></ul></section>",
       "از مسیرهای دیگر استفاده کنند. (3)", {"چاپ", "قفل دوچرخه"}},
      // Hebrew, declared nowhere: CLD2 names it "iw", the file is he.txt.
      {"", "שיפוץ הגשר הישן",
       "העירייה הודיעה ביום שלישי כי תשפץ את הגשר הישן מעל הנהר באביב הבא. ראש העירייה אמר "
       "שהעבודות יימשכו כחצי שנה, ושבתקופה זו התושבים יצטרכו להשתמש בדרכים חלופיות.",
       "<div>שתפו</div><section><h2>כתבות נוספות מהעיר</h2><ul>"
       "<li><a href='/1'>שביל אופניים חדש נפתח לאורך הנהר</a></li>"
       "<li><a href='/2'>מועצת העיר דנה בדמי החניה</a></li></ul></section>",
       "להשתמש בדרכים חלופיות. (3)", {"שתפו", "שביל אופניים"}},
      // Thai has no spaces: the heading's phrase is only its start.
      {" lang='th'", "ซ่อมสะพานเก่า",
       "เทศบาลประกาศเมื่อวันอังคารว่าจะสร้างสะพานเก่าข้ามแม่น้ำใหม่ในฤดูใบไม้ผลิหน้า "
       "นายกเทศมนตรีกล่าวว่างานจะใช้เวลาประมาณครึ่งปีและผู้อยู่อาศัยต้องใช้เส้นทางอื่นในช่วงนั้น",
       "<div>แชร์</div><div>เรียนรู้เพิ่มเติม</div>"
       "<section><h2>บทความที่เกี่ยวข้องกับสะพาน</h2><ul>"
       "<li><a href='/1'>เปิดทางจักรยานริมแม่น้ำ</a></li>"
       "<li><a href='/2'>สภาเมืองถกเรื่องค่าจอดรถ</a></li></ul></section>",
       // A label of 17 Thai letters is 51 bytes.
       "ต้องใช้เส้นทางอื่นในช่วงนั้น (3)", {"แชร์", "เรียนรู้เพิ่มเติม", "ทางจักรยาน"}},
  };
  for (const ChromeCase& c : cases) ExpectChromeGoes(c);
}

TEST(MultilingualPageTest, ChromeGoesInGeorgianArmenianNepaliMacedonianAndKazakh) {
  const ChromeCase cases[] = {
      {" lang='ka'", "ძველი ხიდი განახლდება",
       "მერიამ სამშაბათს განაცხადა, რომ მდინარეზე გადებულ ძველ ხიდს მომავალ გაზაფხულზე "
       "განაახლებს. მერის თქმით, სამუშაოები დაახლოებით ექვს თვეს გაგრძელდება და ამ დროს "
       "მაცხოვრებლებს სხვა გზებით მოუწევთ სარგებლობა.",
       "<div>გაზიარება</div><section><h2>შეიძლება დაგაინტერესოთ</h2><ul>"
       "<li><a href='/1'>მდინარის სანაპიროზე ახალი ველობილიკი გაიხსნა</a></li>"
       "<li><a href='/2'>საკრებულომ პარკირების საფასური განიხილა</a></li></ul></section>",
       "სხვა გზებით მოუწევთ სარგებლობა. (3)", {"გაზიარება", "ველობილიკი"}},
      // Declared nowhere: the language is detected. The labels end in the
      // Armenian comma, which the sentences also hold as a pause.
      {"", "Հին կամուրջը կվերանորոգվի",
       "Քաղաքապետարանը երեքշաբթի հայտարարեց, որ գետի վրայի հին կամուրջը կվերանորոգի գալիք "
       "գարնանը։ Քաղաքապետի խոսքով՝ աշխատանքները կտևեն մոտ վեց ամիս, և այդ ընթացքում "
       "բնակիչները պետք է օգտվեն այլ ճանապարհներից։",
       "<p>Կարդացեք նաև՝ <a href='/x'>Գետի ափին նոր հեծանվային արահետ է բացվել</a></p>"
       "<p>Լուսանկարը՝ Արմենպրես</p>",
       "այլ ճանապարհներից։ (3)", {"հեծանվային արահետ", "Արմենպրես"}},
      // Labels that end in the visarga typed for a colon.
      {" lang='ne'", "पुरानो पुल मर्मत हुने",
       "नगरपालिकाले मंगलबार नदीमाथिको पुरानो पुल आउँदो वसन्तमा मर्मत गर्ने घोषणा गरेको छ। "
       "मेयरका अनुसार काम करिब छ महिना चल्नेछ र यस अवधिमा बासिन्दाले वैकल्पिक बाटो प्रयोग "
       "गर्नुपर्नेछ।",
       "<p>फोटोः रासस</p>"
       "<p>यो पनि पढ्नुहोस्ः <a href='/x'>नदी किनारमा नयाँ साइकल मार्ग खुल्यो</a></p>",
       "वैकल्पिक बाटो प्रयोग गर्नुपर्नेछ। (3)", {"रासस", "साइकल मार्ग"}},
      {" lang='mk'", "Стариот мост ќе биде обновен",
       "Општината во вторникот објави дека стариот мост преку реката ќе го обнови следната "
       "пролет. Градоначалникот рече дека работите ќе траат околу шест месеци и дека во тој "
       "период жителите ќе треба да користат други патишта.",
       "<div>Сподели</div><section><h2>Поврзани вести</h2><ul>"
       "<li><a href='/1'>Нова велосипедска патека покрај реката</a></li>"
       "<li><a href='/2'>Советот расправаше за паркирањето</a></li></ul></section>",
       "да користат други патишта. (3)", {"Сподели", "велосипедска патека"}},
      {" lang='kk-KZ'", "Ескі көпір жөнделеді",
       "Әкімдік сейсенбі күні өзен үстіндегі ескі көпірді келесі көктемде жөндейтінін "
       "хабарлады. Әкімнің айтуынша, жұмыс шамамен алты айға созылады және осы уақытта "
       "тұрғындар басқа жолдарды пайдалануы керек.",
       "<p>Сондай-ақ оқыңыз: <a href='/x'>Өзен жағасында жаңа велосипед жолы ашылды</a></p>"
       "<section><h2>Ұқсас жаңалықтар</h2><ul>"
       "<li><a href='/1'>Мәслихат тұрақ ақысын талқылады</a></li>"
       "<li><a href='/2'>Саябақтарды тазарту жоспары</a></li></ul></section>",
       "басқа жолдарды пайдалануы керек. (3)", {"велосипед жолы", "тұрақ ақысын"}},
  };
  for (const ChromeCase& c : cases) ExpectChromeGoes(c);
}

TEST(MultilingualPageTest, ChromeGoesWhereSitesSpellItTheirOwnWay) {
  const ChromeCase cases[] = {
      // Zero width non-joiners scattered through the words.
      {" lang='te'", "పాత వంతెన పునర్నిర్మాణం",
       "నగరపాలక సంస్థ మంగళవారం నదిపై ఉన్న పాత వంతెనను వచ్చే వసంతంలో పునర్నిర్మిస్తామని "
       "ప్రకటించింది. పనులు సుమారు ఆరు నెలలు పడతాయని, ఆ సమయంలో ప్రజలు ఇతర దారులను "
       "ఉపయోగించాలని మేయర్ చెప్పారు.",
       "<p>ఇది కూ\u200Cడా చ\u200Cద\u200Cవండి: <a href='/x'>నది ఒడ్డున కొత్త సైకిల్ దారి</a></p>"
       "<section><h2>సంబంధిత వా\u200Cర్తలు</h2><ul>"
       "<li><a href='/1'>పార్కింగ్ రుసుముపై కౌన్సిల్ చర్చ</a></li>"
       "<li><a href='/2'>పార్కుల శుభ్రతకు కొత్త ప్రణాళిక</a></li></ul></section>",
       "ఉపయోగించాలని మేయర్ చెప్పారు. (3)", {"సైకిల్ దారి", "పార్కింగ్ రుసుముపై"}},
      // The older spelling of the chillus: consonant, virama and joiner.
      {" lang='ml'", "പഴയ പാലം പുതുക്കിപ്പണിയും",
       "നദിക്ക് കുറുകെയുള്ള പഴയ പാലം അടുത്ത വസന്തകാലത്ത് പുതുക്കിപ്പണിയുമെന്ന് നഗരസഭ "
       "ചൊവ്വാഴ്ച അറിയിച്ചു. പണികൾക്ക് ഏകദേശം ആറ് മാസം എടുക്കുമെന്നും ആ സമയത്ത് നാട്ടുകാർ "
       "മറ്റ് വഴികൾ ഉപയോഗിക്കണമെന്നും മേയർ പറഞ്ഞു.",
       "<section><h2>ബന്ധപ്പെട്ട വാര്\u200Dത്തകള്\u200D</h2><ul>"
       "<li><a href='/1'>നദിക്കരയിൽ പുതിയ സൈക്കിൾ പാത</a></li>"
       "<li><a href='/2'>പാർക്കിങ് ഫീസിൽ കൗൺസിൽ ചർച്ച</a></li></ul></section>",
       "ഉപയോഗിക്കണമെന്നും മേയർ പറഞ്ഞു. (3)", {"സൈക്കിൾ പാത", "കൗൺസിൽ ചർച്ച"}},
      // Uzbek's oʻ with the turned comma; the file writes an apostrophe.
      {" lang='uz'", "Eski koʻprik taʼmirlanadi",
       "Shahar hokimligi seshanba kuni daryo ustidagi eski koʻprikni kelgusi bahorda "
       "taʼmirlashini maʼlum qildi. Hokimning soʻzlariga koʻra, ishlar taxminan olti oy davom "
       "etadi va bu vaqtda aholi boshqa yoʻllardan foydalanishi kerak.",
       "<p>Shuningdek oʻqing: <a href='/x'>Daryo boʻyida yangi velosiped yoʻlagi ochildi</a></p>"
       "<section><h2>Oʻxshash yangiliklar</h2><ul>"
       "<li><a href='/1'>Kengash toʻxtash joyi narxini muhokama qildi</a></li>"
       "<li><a href='/2'>Bogʻlarni tozalash rejasi</a></li></ul></section>",
       "yoʻllardan foydalanishi kerak. (3)", {"velosiped yoʻlagi", "toʻxtash joyi"}},
      // The Gujarati visarga typed for the colon.
      {" lang='gu'", "જૂનો પુલ ફરી બંધાશે",
       "નગરપાલિકાએ મંગળવારે જાહેર કર્યું કે નદી પરનો જૂનો પુલ આવતા વસંતમાં ફરી બાંધવામાં "
       "આવશે. મેયરે કહ્યું કે કામ લગભગ છ મહિના ચાલશે અને આ સમય દરમિયાન રહેવાસીઓએ બીજા "
       "રસ્તાઓનો ઉપયોગ કરવો પડશે.",
       "<p>તસવીરઃ પીટીઆઈ</p>"
       "<p>આ પણ વાંચોઃ <a href='/x'>નદી કિનારે નવો સાયકલ માર્ગ ખુલ્યો</a></p>",
       "રસ્તાઓનો ઉપયોગ કરવો પડશે. (3)", {"પીટીઆઈ", "સાયકલ માર્ગ"}},
      // Filipino, declared by its standard code, takes the Tagalog file.
      {" lang='fil-PH'", "Aayusin ang lumang tulay",
       "Inanunsyo ng lungsod noong Martes na aayusin nito ang lumang tulay sa ibabaw ng ilog "
       "sa susunod na tagsibol. Sinabi ng alkalde na tatagal ang trabaho nang mga anim na "
       "buwan at kailangang gumamit ng ibang daan ang mga residente sa panahong iyon.",
       "<p>Basahin din: <a href='/x'>Bagong daanan ng bisikleta sa tabing-ilog</a></p>"
       "<section><h2>Baka magustuhan mo rin</h2><ul>"
       "<li><a href='/1'>Pinag-usapan ng konseho ang bayad sa paradahan</a></li>"
       "<li><a href='/2'>Bagong plano sa paglilinis ng mga parke</a></li></ul></section>",
       "ang mga residente sa panahong iyon. (3)", {"daanan ng bisikleta", "bayad sa paradahan"}},
  };
  for (const ChromeCase& c : cases) ExpectChromeGoes(c);
}

TEST(MultilingualPageTest, ChromeGoesInMalteseEsperantoYorubaTigrinyaAndDhivehi) {
  const ChromeCase cases[] = {
      {" lang='mt'", "Il-pont il-qadim se jissewwa",
       "Il-kunsill lokali ħabbar nhar it-Tlieta li se jirranġa l-pont il-qadim fuq ix-xmara "
       "r-rebbiegħa li ġejja. Is-sindku qal li x-xogħlijiet se jieħdu madwar sitt xhur u li "
       "r-residenti jridu jużaw toroq oħra f'dan iż-żmien.",
       "<p>Aqra wkoll: <a href='/x'>Triq ġdida għar-roti tinfetaħ ħdejn ix-xmara</a></p>"
       "<p>Ritratt: Joe Borg</p>",
       "jużaw toroq oħra f'dan iż-żmien. (3)", {"Triq ġdida", "Joe Borg"}},
      {" lang='eo'", "La malnova ponto estos renovigita",
       "La urbestraro anoncis marde, ke ĝi renovigos la malnovan ponton super la rivero "
       "venontan printempon. La urbestro diris, ke la laboroj daŭros ĉirkaŭ duonjaron kaj ke "
       "la loĝantoj devos uzi aliajn vojojn dum tiu tempo.",
       "<section><h2>Rilataj artikoloj</h2><ul>"
       "<li><a href='/1'>Nova biciklovojo ĉe la rivero</a></li>"
       "<li><a href='/2'>La urba konsilio diskutis pri parkumado</a></li></ul></section>",
       "uzi aliajn vojojn dum tiu tempo. (3)", {"biciklovojo", "parkumado"}},
      // The heading's tone marks and underdots as combining marks after
      // their letters (NFD), where the file writes the composed letters.
      {" lang='yo'", "Wọ́n máa tún afárá àtijọ́ ṣe",
       "Ìjọba ìbílẹ̀ kéde ní ọjọ́ Ìṣẹ́gun pé àwọn yóò tún afárá àtijọ́ tó wà lórí odò ṣe ní "
       "ìgbà òjò tó ń bọ̀. Alága sọ pé iṣẹ́ náà yóò gba nǹkan bí oṣù mẹ́fà, àti pé àwọn "
       "olùgbé yóò máa lo ọ̀nà mìíràn ní àsìkò yìí.",
       "<section><h2>A\u0300wo\u0323n i\u0300ro\u0300yi\u0300n ti\u0301 e\u0323 le\u0300 "
       "ni\u0301fe\u0323\u0300e\u0323\u0301 si\u0301</h2><ul>"
       "<li><a href='/1'>Ọ̀nà kẹ̀kẹ́ tuntun ṣí sí etí odò</a></li>"
       "<li><a href='/2'>Ìgbìmọ̀ jíròrò owó ibùdó ọkọ̀</a></li></ul></section>",
       "ọ̀nà mìíràn ní àsìkò yìí. (3)", {"kẹ̀kẹ́ tuntun", "ibùdó ọkọ̀"}},
      // A teaser label before the Ethiopic preface colon.
      {" lang='ti'", "ኣረጊት ድልድል ክሕደስ እዩ",
       "ምምሕዳር ከተማ ብሰሉስ ነቲ ኣብ ልዕሊ ሩባ ዘሎ ኣረጊት ድልድል ኣብ ዝመጽእ ጽድያ ከሐድሶ ምዃኑ "
       "ኣፍሊጡ። ከንቲባ ከም ዝበሎ እቲ ስራሕ ኣስታት ሽዱሽተ ኣዋርሕ ክወስድ እዩ፣ ነበርቲ ድማ ኣብዚ "
       "እዋን ካልእ መገድታት ክጥቀሙ ኣለዎም።",
       "<p>ከምኡ'ውን ኣንብቡ፦ <a href='/x'>ኣብ ገምገም ሩባ ሓድሽ መገዲ ብሽክለታ ተኸፊቱ</a></p>"
       "<section><h2>ተዛማዲ ዜናታት</h2><ul>"
       "<li><a href='/1'>ባይቶ ከተማ ብዛዕባ ክፍሊት መዕረፊ መካይን ተዘራሪቡ</a></li>"
       "<li><a href='/2'>ሓድሽ መደብ ምጽራይ መናፈሻታት</a></li></ul></section>",
       "ካልእ መገድታት ክጥቀሙ ኣለዎም። (3)", {"መገዲ ብሽክለታ", "መዕረፊ መካይን"}},
      // Thaana, written right to left.
      {" lang='dv'", "ބޮޑު މަގު އަލުން ހަދަނީ",
       "ކައުންސިލުން އަންގާރަ ދުވަހު އިއުލާން ކުރީ ބޮޑު މަގު އަންނަ އަހަރު އަލުން ހަދާނެ "
       "ކަމަށެވެ. މޭޔަރު ވިދާޅުވީ މަސައްކަތަށް ގާތްގަނޑަކަށް ހަ މަސް ނަގާނެ ކަމަށާއި، އެ "
       "ދުވަސްވަރު ރައްޔިތުން އެހެން މަގުތައް ބޭނުންކުރަން ޖެހޭނެ ކަމަށެވެ.",
       "<p>ފޮޓޯ: ސަން އޮންލައިން</p><section><h2>ގުޅޭ ޚަބަރުތައް</h2><ul>"
       "<li><a href='/1'>ކައުންސިލުން ޕާކިންގ ފީއާ ބެހޭގޮތުން ބަހުސްކޮށްފި</a></li>"
       "<li><a href='/2'>ބަގީޗާތައް ސާފުކުރުމުގެ އައު ރޭވުމެއް</a></li></ul></section>",
       "ބޭނުންކުރަން ޖެހޭނެ ކަމަށެވެ. (3)", {"ސަން އޮންލައިން", "ޕާކިންގ ފީއާ"}},
  };
  for (const ChromeCase& c : cases) ExpectChromeGoes(c);
}

TEST(MultilingualPageTest, ChromeGoesInYiddishTurkmenBashkirHaitianCreoleAndGaelic) {
  const ChromeCase cases[] = {
      // Yiddish without points, as Hasidic spelling writes it, where the
      // file writes the standard spelling's points and ligatures.
      {" lang='yi'", "די אלטע בריק וועט ווערן פארריכט",
       "די שטאט האט דינסטאג געמאלדן אז זי וועט פארריכטן די אלטע בריק איבערן טייך קומענדיגן "
       "פרילינג. דער בירגערמייסטער האט געזאגט אז די ארבעט וועט דויערן בערך א האלב יאר, און "
       "די איינוואוינער וועלן דארפן נוצן אנדערע וועגן.",
       "<p>פאטא: ראיטערס</p><section><h2>פארבונדענע ארטיקלען</h2><ul>"
       "<li><a href='/1'>א נייער וועג פאר ראדלער ביים טייך</a></li>"
       "<li><a href='/2'>די שטאט־ראט האט גערעדט וועגן פארקירן</a></li></ul></section>",
       "נוצן אנדערע וועגן. (3)", {"ראיטערס", "וועגן פארקירן"}},
      {" lang='tk'", "Köne köpri täzelener",
       "Şäher häkimligi sişenbe güni derýanyň üstündäki köne köprüni indiki ýaz täzeläjekdigini "
       "habar berdi. Häkimiň sözlerine görä, işler takmynan alty aý dowam eder we bu döwürde "
       "ýaşaýjylar başga ýollardan peýdalanmaly bolar.",
       "<p>Şeýle hem okaň: <a href='/x'>Derýanyň kenarynda täze welosiped ýoly açyldy</a></p>"
       "<section><h2>Meňzeş habarlar</h2><ul>"
       "<li><a href='/1'>Geňeş awtoduralga tölegini ara alyp maslahatlaşdy</a></li>"
       "<li><a href='/2'>Seýilgähleri arassalamagyň täze meýilnamasy</a></li></ul></section>",
       "başga ýollardan peýdalanmaly bolar. (3)", {"welosiped ýoly", "awtoduralga tölegini"}},
      {" lang='ba'", "Иҫке күпер яңыртыла",
       "Ҡала хакимиәте шишәмбе көндө йылға аша һалынған иҫке күперҙе киләһе яҙ яңыртасағын "
       "белдерҙе. Мэр әйтеүенсә, эштәр яҡынса ярты йыл дауам итәсәк, һәм был осорҙа халыҡ "
       "башҡа юлдарҙан файҙаланырға тейеш буласаҡ.",
       "<p>Шулай уҡ уҡығыҙ: <a href='/x'>Йылға буйында яңы велосипед юлы асылды</a></p>"
       "<p>Фото: Башинформ</p>",
       "башҡа юлдарҙан файҙаланырға тейеш буласаҡ. (3)", {"велосипед юлы", "Башинформ"}},
      {" lang='ht'", "Y ap repare vye pon an",
       "Meri a te anonse madi a li pral repare vye pon ki sou rivyè a nan prentan k ap vini an. "
       "Majistra a di travay la ap pran anviwon sis mwa, e pandan tan sa a moun ki rete nan "
       "zòn nan ap oblije pran lòt wout.",
       "<p>Li tou: <a href='/x'>Yon nouvo wout bisiklèt louvri bò rivyè a</a></p>"
       "<p>Foto: Ayibopost</p>",
       "ap oblije pran lòt wout. (3)", {"wout bisiklèt", "Ayibopost"}},
      {" lang='gd'", "Thèid an seann drochaid a chàradh",
       "Dh'ainmich a' chomhairle Dimàirt gun tèid an seann drochaid thairis air an abhainn a "
       "chàradh an ath earrach. Thuirt am ministear gun toir an obair mu shia mìosan, agus gum "
       "feum muinntir an àite rathaidean eile a chleachdadh rè na h-ùine sin.",
       "<p>Leugh cuideachd: <a href='/x'>Slighe rothaireachd ùr ri taobh na h-aibhne</a></p>"
       "<section><h2>Is dòcha gun còrd seo riut cuideachd</h2><ul>"
       "<li><a href='/1'>A' chomhairle a' beachdachadh air cosgaisean pàirceadh</a></li>"
       "<li><a href='/2'>Plana ùr airson nam pàircean a ghlanadh</a></li></ul></section>",
       "rathaidean eile a chleachdadh rè na h-ùine sin. (3)",
       {"Slighe rothaireachd", "cosgaisean pàirceadh"}},
  };
  for (const ChromeCase& c : cases) ExpectChromeGoes(c);
}

TEST(MultilingualPageTest, ChromeGoesInCebuanoChuvashAsturianSundaneseAndOssetian) {
  const ChromeCase cases[] = {
      {" lang='ceb'", "Ayohon ang karaang taytayan",
       "Gipahibalo sa siyudad niadtong Martes nga ayohon ang karaang taytayan ibabaw sa suba "
       "sa sunod nga tuig. Matud sa mayor, molungtad ang trabaho og mga unom ka bulan, ug "
       "kinahanglan mogamit ang mga residente og laing dalan niining panahona.",
       "<p>Basaha usab: <a href='/x'>Bag-ong agianan sa bisikleta ubay sa suba</a></p>"
       "<p>Litrato: Sun Star</p>",
       "og laing dalan niining panahona. (3)", {"agianan sa bisikleta", "Sun Star"}},
      // Chuvash sites type Latin ă ĕ ç for the Cyrillic ӑ ӗ ҫ; the file
      // lists both spellings.
      {" lang='cv'", "Кивӗ кӗпере юсаҫҫӗ",
       "Хула ертӳлӗхӗ юн кун шыв урлӑ хывнӑ кивӗ кӗпере килес ҫуркунне юсасси ҫинчен "
       "пӗлтерчӗ. Мэр каланӑ тӑрӑх, ӗҫсем ҫур ҫул яхӑн пырӗҫ, ҫав вӑхӑтра хула ҫыннисен урӑх "
       "ҫулсемпе усӑ курма тивӗ.",
       "<p>Ҫавӑн пекех вулӑр: <a href='/x'>Шыв хӗрринче ҫӗнӗ велосипед ҫулӗ уҫӑлнӑ</a></p>"
       "<section><h2>Çыхăннă хыпарсем</h2><ul>"
       "<li><a href='/1'>Хула канашӗ машина тӑратмалли вырӑн хакне сӳтсе явнӑ</a></li>"
       "<li><a href='/2'>Парксене тасатмалли ҫӗнӗ план</a></li></ul></section>",
       "урӑх ҫулсемпе усӑ курма тивӗ. (3)", {"велосипед ҫулӗ", "тӑратмалли вырӑн"}},
      {" lang='ast'", "Van arreglar la ponte vieya",
       "El conceyu anunció el martes que va arreglar la ponte vieya sobre'l ríu la primavera "
       "que vien. L'alcalde dixo que los trabayos van durar unos seis meses y que los vecinos "
       "van tener qu'usar otros caminos mientres tanto.",
       "<p>Llei tamién: <a href='/x'>Un carril bici nuevu a la vera'l ríu</a></p>"
       "<section><h2>Tamién te pue interesar</h2><ul>"
       "<li><a href='/1'>El conceyu alderica sobre l'aparcamientu</a></li>"
       "<li><a href='/2'>Plan nuevu pa llimpiar los parques</a></li></ul></section>",
       "otros caminos mientres tanto. (3)", {"carril bici", "aparcamientu"}},
      {" lang='su'", "Sasak heubeul bakal dioméan",
       "Pamaréntah kota dina dinten Salasa ngumumkeun yén sasak heubeul di luhur walungan "
       "bakal dioméan taun hareup. Walikota nyebutkeun yén pagawéan bakal lumangsung "
       "kira-kira genep bulan, sarta warga kudu ngagunakeun jalan séjén salila éta.",
       "<p>Baca ogé: <a href='/x'>Jalur sapédah anyar di sisi walungan</a></p>"
       "<p>Poto: Antara</p>",
       "ngagunakeun jalan séjén salila éta. (3)", {"Jalur sapédah", "Antara"}},
      {" lang='os'", "Зæронд хид ног кæндзысты",
       "Горæты администраци æртыццæг бон радзырдта, цæугæдоны сæрты зæронд хид иннæ "
       "уалдзæг ног кæй скæндзысты, уый тыххæй. Сахары хицау загъта, куыстытæ ахæсдзысты "
       "æрдæг аз, æмæ уыцы рæстæг цæрджытæн хъæудзæн æндæр фæндæгтæй пайда кæнын.",
       "<section><h2>Æндæр хабæрттæ</h2><ul>"
       "<li><a href='/1'>Цæугæдоны был байгом велосипедон фæндаг</a></li>"
       "<li><a href='/2'>Горæты совет дзырдта машинæты лæууæны аргъыл</a></li></ul></section>"
       "<p>Фото: Рухс</p>",
       "фæндæгтæй пайда кæнын. (3)", {"велосипедон фæндаг", "Рухс"}},
  };
  for (const ChromeCase& c : cases) ExpectChromeGoes(c);
}

TEST(MultilingualPageTest, ChromeGoesInTibetanLatinMaithiliKabyleAndChichewa) {
  const ChromeCase cases[] = {
      // The heading ends in a shad, after the tsheg of its last syllable.
      {" lang='bo'", "ཟམ་པ་རྙིང་པ་གསར་བཟོ",
       "གྲོང་ཁྱེར་གྱིས་གཟའ་མིག་དམར་ཉིན་ཆུ་བོའི་སྟེང་གི་ཟམ་པ་རྙིང་པ་དེ་དཔྱིད་ཀར་གསར་བཟོ་བྱེད་རྒྱུ་ཡིན་པ་"
       "བསྒྲགས་སོ། གྲོང་དཔོན་གྱིས་ལས་ཀ་དེར་ཟླ་བ་དྲུག་ཙམ་འགོར་རྒྱུ་ཡིན་ལ་དུས་དེའི་རིང་སྡོད་མི་ཚོས་ལམ་"
       "གཞན་བེད་སྤྱོད་བྱེད་དགོས་ཞེས་བཤད།",
       "<section><h2>འབྲེལ་ཡོད་གསར་འགྱུར་།</h2><ul>"
       "<li><a href='/1'>ཆུ་འགྲམ་དུ་རྐང་འཁོར་ལམ་གསར་པ་ཁ་ཕྱེ་བ</a></li>"
       "<li><a href='/2'>གྲོང་ཁྱེར་ཚོགས་འདུས་ཀྱིས་སྣུམ་འཁོར་འཇོག་ས་གླེང་བ</a></li></ul></section>",
       "བེད་སྤྱོད་བྱེད་དགོས་ཞེས་བཤད། (3)", {"རྐང་འཁོར་ལམ", "སྣུམ་འཁོར་འཇོག"}},
      {" lang='la'", "Pons vetus renovabitur",
       "Consilium urbis die Martis nuntiavit pontem veterem super flumen vere proximo "
       "renovatum iri. Praefectus urbis dixit opera circiter sex menses duratura esse, et "
       "incolas interea aliis viis uti debere.",
       "<p>Lege etiam: <a href='/x'>Nova via birotarum ad ripam fluminis aperta est</a></p>"
       "<p>Imago: Wikimedia</p>",
       "aliis viis uti debere. (3)", {"via birotarum", "Wikimedia"}},
      {" lang='mai'", "पुरान पुल फेर सँ बनत",
       "नगरपालिका मंगल दिन घोषणा केलक जे नदी पर बनल पुरान पुल आगाँ वसन्त मे फेर सँ बनाओल "
       "जाएत। मेयर कहलनि जे काज करीब छह मास चलत आ ओहि बीच लोक सभ केँ दोसर बाट पकड़ए पड़त।",
       "<p>इहो पढ़ू: <a href='/x'>नदी कात नव साइकिल बाट खुजल</a></p>"
       "<section><h2>सम्बन्धित समाचार</h2><ul>"
       "<li><a href='/1'>नगर परिषद मे पार्किंग शुल्क पर बहस</a></li>"
       "<li><a href='/2'>पार्क सफाईक नव योजना</a></li></ul></section>",
       "दोसर बाट पकड़ए पड़त। (3)", {"साइकिल बाट", "पार्किंग शुल्क"}},
      {" lang='kab'", "Tiqenṭert taqdimt ad tettwasbedd",
       "Tasqamut n temdint tenna-d ass n Tlata d akken ad d-tesbedd tiqenṭert taqdimt ɣef wasif "
       "deg tefsut i d-iteddun. Aneɣlal n temdint yenna-d dakken axeddim ad yeṭṭef azal n sdis "
       "wagguren, yerna imezdaɣ ad sqedcen iberdan nniḍen di tallit-a.",
       "<p>Ẓer daɣen: <a href='/x'>Abrid amaynut n tbicletin ɣer rrif n wasif</a></p>"
       "<p>Tawlaft: Agraw</p>",
       "iberdan nniḍen di tallit-a. (3)", {"tbicletin", "Agraw"}},
      {" lang='ny'", "Mlatho wakale udzakonzedwa",
       "Khonsolo ya mzinda inalengeza Lachiwiri kuti idzakonzanso mlatho wakale wa pamtsinje "
       "chaka chamawa. Meya ananena kuti ntchitoyi itenga pafupifupi miyezi isanu ndi umodzi, "
       "ndipo anthu adzagwiritsa ntchito misewu ina panthawiyo.",
       "<p>Werenganinso: <a href='/x'>Msewu watsopano wa njinga m'mphepete mwa mtsinje</a></p>"
       "<p>Chithunzi: Nyasa Times</p>",
       "misewu ina panthawiyo. (3)", {"wa njinga", "Nyasa Times"}},
  };
  for (const ChromeCase& c : cases) ExpectChromeGoes(c);
}

TEST(MultilingualPageTest, ShortChineseAndJapanesePagesKeepTheirText) {
  // Two paragraphs hold few space-separated "words" in scripts written
  // without spaces; the test for a page with no main text counts their
  // characters instead.
  const std::string zh = Extract(
      "<html lang='zh'><body><article><h1>城市新建的图书馆开放</h1>"
      "<p>新图书馆位于市中心，共有五层，藏书超过五十万册，并设有儿童阅读区和自习室。</p>"
      "<p>市民凭身份证即可免费办理借书证，开放时间为每天上午九点至晚上九点。</p>"
      "</article></body></html>");
  EXPECT_TRUE(Has(zh, "藏书超过五十万册")) << zh;
  const std::string ja = Extract(
      "<html lang='ja'><body><article><h1>駅前の再開発</h1>"
      "<p>市は駅前広場の再開発計画を発表した。工事は来年の春に始まる予定だ。</p>"
      "<p>計画では、広場に屋根付きのバス乗り場と小さな公園が設けられる。</p>"
      "</article></body></html>");
  EXPECT_TRUE(Has(ja, "屋根付きのバス乗り場")) << ja;
  // A few characters, however often repeated, are still no text.
  EXPECT_EQ(Extract("<html><body><p>売り切れ</p><p>売り切れ</p><p>売り切れ</p></body></html>"),
            "");
}

TEST(MultilingualPageTest, ChromeTypedWithoutItsMarksGoes) {
  // Each file writes these phrases with their marks, or without where the
  // page has them: "À lire aussi", "Citește și", "σχετικά άρθρα", "ещё по
  // теме", "संबंधित खबरें", "फाइल फोटो", "Àwọn ìròyìn tuntun".
  const ChromeCase cases[] = {
      {" lang='ro'", "Podul vechi va fi renovat",
       "Consiliul local a decis marți să renoveze podul vechi peste râu în primăvara viitoare. "
       "Primarul a spus că lucrările vor dura aproximativ șase luni, iar locuitorii vor trebui "
       "să folosească alte drumuri în această perioadă.",
       "<p>Citeste si: <a href='/x'>O nouă pistă de biciclete se deschide pe malul râului</a></p>",
       "alte drumuri în această perioadă. (3)", {"pistă de biciclete"}},
      {" lang='el'", "Η παλιά γέφυρα θα ανακαινιστεί",
       "Το δημοτικό συμβούλιο αποφάσισε την Τρίτη να ανακαινίσει την παλιά γέφυρα πάνω από το "
       "ποτάμι την επόμενη άνοιξη. Ο δήμαρχος είπε ότι οι εργασίες θα διαρκέσουν περίπου έξι "
       "μήνες και οι κάτοικοι θα πρέπει να χρησιμοποιούν άλλους δρόμους.",
       "<section><h2>ΣΧΕΤΙΚΑ ΑΡΘΡΑ</h2><ul>"
       "<li><a href='/1'>Νέος ποδηλατόδρομος ανοίγει δίπλα στο ποτάμι</a></li>"
       "<li><a href='/2'>Το συμβούλιο συζητά τα τέλη στάθμευσης</a></li></ul></section>",
       "να χρησιμοποιούν άλλους δρόμους. (3)", {"ποδηλατόδρομος", "τέλη στάθμευσης"}},
      {" lang='ru'", "Старый мост отремонтируют",
       "Городской совет во вторник решил отремонтировать старый мост через реку следующей "
       "весной. Мэр сказал, что работы продлятся около полугода, и жителям в это время "
       "придётся пользоваться объездными дорогами.",
       "<section><h2>Еще по теме</h2><ul>"
       "<li><a href='/1'>На набережной открылась новая велодорожка</a></li>"
       "<li><a href='/2'>Совет обсудил плату за парковку</a></li></ul></section>",
       "пользоваться объездными дорогами. (3)", {"велодорожка", "плату за парковку"}},
      {" lang='hi'", "पुराने पुल की मरम्मत होगी",
       "नगर परिषद ने मंगलवार को फ़ैसला किया कि नदी पर बने पुराने पुल की मरम्मत अगले वसंत में "
       "की जाएगी। महापौर ने कहा कि काम में लगभग छह महीने लगेंगे और इस दौरान लोगों को दूसरे "
       "रास्तों का इस्तेमाल करना होगा।",
       "<section><h2>संबंधित ख़बरें</h2><ul>"
       "<li><a href='/1'>नदी किनारे नया साइकिल ट्रैक खुला</a></li>"
       "<li><a href='/2'>पार्किंग शुल्क पर परिषद में बहस</a></li></ul></section>"
       "<p>फाइल फ़ोटो: सूचना विभाग</p>",
       "रास्तों का इस्तेमाल करना होगा। (3)", {"साइकिल ट्रैक", "पार्किंग शुल्क", "सूचना विभाग"}},
      {" lang='yo'", "Wọn yoo tun afara atijọ ṣe",
       "Ìgbìmọ̀ ìlú kéde ní ọjọ́ Ìṣẹ́gun pé àwọn yóò tún afárá àtijọ́ tó wà lórí odò ṣe ní "
       "ìgbà ìrúwé tó ń bọ̀. Alága ìlú sọ pé iṣẹ́ náà yóò gba nǹkan bí oṣù mẹ́fà, àwọn olùgbé "
       "yóò sì máa lo ọ̀nà mìíràn ní àkókò yẹn.",
       "<section><h2>AWON IROYIN TUNTUN</h2><ul>"
       "<li><a href='/1'>Ona keke tuntun ti si leti odo</a></li>"
       "<li><a href='/2'>Igbimo jiroro lori owo ibi iduro oko</a></li></ul></section>",
       "lo ọ̀nà mìíràn ní àkókò yẹn. (3)", {"Ona keke", "ibi iduro"}},
      {" lang='fr'", "Le vieux pont sera rénové",
       "Le conseil municipal a décidé mardi de rénover le vieux pont sur la rivière au "
       "printemps prochain. Le maire a indiqué que les travaux dureraient environ six mois et "
       "que les habitants devraient emprunter des déviations pendant cette période.",
       "<p>A LIRE AUSSI : <a href='/x'>Une nouvelle piste cyclable ouvre le long du fleuve</a></p>"
       "<p>A lire aussi : <a href='/y'>Le conseil débat du prix du stationnement</a></p>"
       "<p>CREDIT PHOTO : Agence Ouest</p>",
       "des déviations pendant cette période. (3)",
       {"piste cyclable", "prix du stationnement", "Agence Ouest"}},
  };
  for (const ChromeCase& c : cases) ExpectChromeGoes(c);
}

// A block the extractor leaves out between a date and the story's first
// line, all three written in one <div> (a regional news template's view
// counter, a share bar): the date stays on its own line and the story's
// first sentence starts a line of its own (dom_text.h).
TEST(MultilingualPageTest, ReadAlsoLabelsOfMoreWordings) {
  // A story's link to another story under a label ("Đọc tiếp:", "Bu haberi
  // de okuyun:", "อ่านข่าวที่น่าสนใจ :", "עוד באתר:"), between two paragraphs.
  const ChromeCase cases[] = {
      {" lang='vi'", "Hà Nội thí điểm phân loại rác",
       "Mỗi ngày, Hà Nội phát sinh khoảng 7.000 tấn rác sinh hoạt, phần lớn được chôn lấp tại khu xử lý Nam Sơn, huyện Sóc Sơn. Bãi rác này nhiều lần quá tải, khiến người dân xung quanh chặn xe rác để phản đối ô nhiễm.",
       "<p>" "<strong>Đọc tiếp:</strong> <a href='/bai-rac-nam-son-lai-qua-tai-4712345.html'>Bãi rác Nam Sơn lại quá tải, rác ùn ứ khắp nội thành</a>" "</p>",
       "hản đối ô nhiễm. (3)", {"Bãi rác Nam Sơn lại quá tải, rác ùn ứ khắp nội thành"}},
      {" lang='tr'", "Gece metrosu hafta içine de geliyor",
       "Metro İstanbul Genel Müdürü, gece seferleri süresince istasyonlarda güvenlik personeli sayısının artırılacağını, tüm vagonlarda kamera sisteminin aktif olarak izleneceğini söyledi.",
       "<p>" "<strong>Bu haberi de okuyun:</strong> <a href='/gundem/marmaray-seferleri-42100012'>Marmaray'da sefer sayısı artırıldı</a>" "</p>",
       "eceğini söyledi. (3)", {"Marmaray'da sefer sayısı artırıldı"}},
      {" lang='th'", "พยากรณ์อากาศวันนี้",
       "ประชาชนที่อาศัยอยู่บริเวณเชิงเขา ใกล้ทางน้ำไหลผ่าน และพื้นที่ลุ่มต่ำ ควรระมัดระวังอันตรายจากฝนตกหนักและฝนที่ตกสะสม ซึ่งอาจทำให้เกิดน้ำท่วมฉับพลันและน้ำป่าไหลหลาก สำหรับเกษตรกรควรเตรียมป้องกันความเสียหายที่อาจเกิดกับผลผลิตทางการเกษตร",
       "<p>" "<strong>อ่านข่าวที่น่าสนใจ :</strong> <a href='/news/society/2801500'>เปิดวิธีเช็กเส้นทางน้ำท่วมผ่านแอปพลิเคชัน ก่อนออกเดินทาง</a>" "</p>",
       "ลผลิตทางการเกษตร (3)", {"เปิดวิธีเช็กเส้นทางน้ำท่วมผ่านแอปพลิเคชัน ก่อนออกเดินทาง"}},
      {" lang='he'", "שיא צריכת חשמל",
       "חברת החשמל פרסמה היום קריאה חריגה לציבור לצמצם את צריכת החשמל בשעות הערב של מחר, לאחר שמודלים חוזים שרב כבד במיוחד.",
       "<p>" "<strong>עוד באתר:</strong> <a href='/article/r1abc'>מה עושים אם החשמל נפל באמצע השרב? המדריך המלא</a>" "</p>",
       " שרב כבד במיוחד. (3)", {"מה עושים אם החשמל נפל באמצע השרב? המדריך המלא"}},
  };
  for (const ChromeCase& c : cases) ExpectChromeGoes(c);
}

TEST(MultilingualPageTest, CallsToFollowOrTipOffInThaiTurkishAndKorean) {
  // A news story's call to follow the site on a messaging app or on Google
  // News, or to send it tips, in a paragraph of its own ([pitch_openings]).
  const ChromeCase cases[] = {
      {" lang='th'", "พยากรณ์อากาศวันนี้",
       "ประชาชนที่อาศัยอยู่บริเวณเชิงเขา ใกล้ทางน้ำไหลผ่าน และพื้นที่ลุ่มต่ำ ควรระมัดระวังอันตรายจากฝนตกหนักและฝนที่ตกสะสม ซึ่งอาจทำให้เกิดน้ำท่วมฉับพลันและน้ำป่าไหลหลาก",
       "<p><strong>ติดตามข่าวสารทันเหตุการณ์ ทาง LINE :</strong> <a href='https://lin.ee/abc123'>"
       "https://lin.ee/abc123</a></p>",
       "น้ำป่าไหลหลาก (3)", {"LINE", "lin.ee"}},
      {" lang='tr'", "Gece metrosu hafta içine de geliyor",
       "Metro İstanbul Genel Müdürü, gece seferleri süresince istasyonlarda güvenlik personeli sayısının artırılacağını, tüm vagonlarda kamera sisteminin aktif olarak izleneceğini söyledi.",
       "<p><strong>Son dakika gelişmeler için <a href='https://news.google.com/publications/xyz'>"
       "Google News</a> üzerinden Gündem Postası'nı takip edebilirsiniz.</strong></p>",
       "eceğini söyledi. (3)", {"Google News", "takip edebilirsiniz"}},
      {" lang='ko'", "지하철 심야 연장 운행 재개",
       "서울시가 코로나19 확산 이후 중단됐던 지하철 심야 연장 운행을 다음 달 1일부터 재개한다고 14일 밝혔다. 이에 따라 1~8호선 열차는 평일 기준 새벽 1시까지 운행하게 된다.",
       "<p>▶ 제보하기 : 카카오톡 @한빛일보, 이메일 jebo@hanbit.co.kr</p>",
       "운행하게 된다. (3)", {"제보하기", "jebo@"}},
  };
  for (const ChromeCase& c : cases) ExpectChromeGoes(c);
}

TEST(MultilingualPageTest, MostViewedAndMostSharedBoxesGo) {
  // A box of the site's most viewed or most shared stories set in the
  // article, under its heading in the page's language.
  const ChromeCase cases[] = {
      {" lang='de'", "Neue Radwege für die Innenstadt",
       "Der Stadtrat hat am Dienstag beschlossen, in den kommenden zwei Jahren acht Kilometer neue "
       "Radwege in der Innenstadt zu bauen. Die Kosten von rund vier Millionen Euro trägt zum Teil "
       "das Land.",
       "<div class='x9'><h3>Meistgesehen</h3><ol><li><a href='/a'>Hitzewelle: Bis zu 36 Grad am "
       "Wochenende erwartet</a></li><li><a href='/b'>Küstenweg nach Erdrutsch wieder offen</a></li>"
       "</ol></div>",
       "trägt zum Teil das Land. (3)", {"Meistgesehen", "Hitzewelle", "Küstenweg"}},
      {" lang='it'", "Nuove piste ciclabili in centro",
       "Il consiglio comunale ha approvato martedì la costruzione di otto chilometri di nuove piste "
       "ciclabili nel centro città nei prossimi due anni, per una spesa di circa quattro milioni "
       "di euro.",
       "<div class='x9'><h3>I più visti</h3><ol><li><a href='/a'>Caldo record, fino a 36 gradi nel "
       "fine settimana</a></li><li><a href='/b'>Riapre il sentiero costiero dopo la frana</a></li>"
       "</ol></div>",
       "quattro milioni di euro. (3)", {"I più visti", "Caldo record", "sentiero costiero"}},
      {" lang='pt'", "Novas ciclovias no centro",
       "A câmara municipal aprovou na terça-feira a construção de oito quilômetros de novas "
       "ciclovias no centro da cidade nos próximos dois anos, com um custo de cerca de quatro "
       "milhões de reais.",
       "<div class='x9'><h3>Mais vistos</h3><ol><li><a href='/a'>Calor de até 36 graus no fim de "
       "semana</a></li><li><a href='/b'>Trilha costeira reabre após deslizamento</a></li></ol>"
       "</div>",
       "quatro milhões de reais. (3)", {"Mais vistos", "Calor de até 36", "Trilha costeira"}},
      // A list of other sites' pages, and the note under it.
      {" lang='en'", "Rail line to close for six weeks",
       "The main railway line between Northvale and Carlow will close for six weeks this summer "
       "while a 150-year-old bridge is replaced, the rail operator has said.",
       "<section class='x9'><h2>Related Internet Links</h2><ul><li><a "
       "href='https://rail.example/'>Network Rail</a></li><li><a href='https://rug.example/'>"
       "Northvale Rail Users' Group</a></li></ul><p>The site is not responsible for the content "
       "of external sites.</p></section>",
       "operator has said. (3)", {"Related Internet Links", "Rail Users", "external sites"}},
  };
  for (const ChromeCase& c : cases) ExpectChromeGoes(c);
}

TEST(MultilingualPageTest, ReadAlsoLabelsOfGermanFrenchAndItalianNewsrooms) {
  // "Lesetipp:", "Relire :", "Ne abbiamo parlato qui:" before a link to
  // another story, between two paragraphs.
  const ChromeCase cases[] = {
      {" lang='de'", "Baustelle in der Hauptstraße",
       "Die Sanierung der Hauptstraße dauert länger als geplant. Nach Angaben der Stadt werden "
       "die Arbeiten erst im Herbst abgeschlossen, weil beim Aufgraben alte Leitungen gefunden "
       "wurden.",
       "<p><strong>Lesetipp:</strong> <a href='/lokales/umleitung'>Umleitung über die "
       "Bahnhofstraße bleibt bis Oktober</a></p>",
       "Leitungen gefunden wurden. (3)", {"Lesetipp", "Umleitung über die Bahnhofstraße"}},
      {" lang='fr'", "Les travaux de la rue principale prolongés",
       "La rénovation de la rue principale durera plus longtemps que prévu. Selon la mairie, les "
       "travaux ne seront terminés qu'à l'automne, car d'anciennes canalisations ont été trouvées.",
       "<p><strong>Relire :</strong> <a href='/local/deviation'>La déviation par la rue de la "
       "Gare maintenue jusqu'en octobre</a></p>",
       "ont été trouvées. (3)", {"Relire", "La déviation par la rue de la Gare"}},
      {" lang='it'", "Lavori in via Roma prolungati",
       "Il rifacimento di via Roma durerà più del previsto. Secondo il Comune i lavori finiranno "
       "solo in autunno, perché durante gli scavi sono state trovate vecchie tubature.",
       "<p><strong>Ne abbiamo parlato qui:</strong> <a href='/cronaca/deviazione'>La deviazione "
       "per via della Stazione resta fino a ottobre</a></p>",
       "vecchie tubature. (3)", {"Ne abbiamo parlato", "La deviazione per via della Stazione"}},
  };
  for (const ChromeCase& c : cases) ExpectChromeGoes(c);
}

TEST(MultilingualPageTest, TeaserLabelsInLenticularBracketsGo) {
  // A Japanese news site's link to a photo gallery or another story with its
  // label in brackets ("【写真】…", "【関連記事】…"), on a line of its own
  // between two paragraphs.
  const ChromeCase cases[] = {
      {" lang='ja'", "駅前に返却ポスト設置",
       "市立図書館は、本やCDの返却ポストを市内の駅前3カ所に新たに設置した。これまでは図書館の本館と分館でしか返却できなかったが、通勤や通学の途中に返せるようになった。",
       "<p><a href='/articles/photo'>【写真】返却ポストの内部構造</a></p>",
       "返せるようになった。 (3)", {"返却ポストの内部構造"}},
      {" lang='ja'", "駅前に返却ポスト設置",
       "市立図書館は、本やCDの返却ポストを市内の駅前3カ所に新たに設置した。これまでは図書館の本館と分館でしか返却できなかったが、通勤や通学の途中に返せるようになった。",
       "<p><a href='/articles/other'>【関連記事】市の図書館、開館時間を夜9時まで延長</a></p>",
       "返せるようになった。 (3)", {"開館時間を夜9時まで延長"}},
  };
  for (const ChromeCase& c : cases) ExpectChromeGoes(c);
}

TEST(MultilingualPageTest, ACopyrightNoticeOnTheLastLineOfAStoryGoesAlone) {
  // A Korean portal's story is one block of lines; its last line is the
  // paper's notice. The notice goes; the story, however short, stays (it
  // was read as a caption that ends in its credit, and the page was empty).
  const std::string brief = Extract(
      "<html lang='ko'><body><article id='dic_area'>서울시가 코로나19 확산 이후 중단됐던 지하철 "
      "심야 연장 운행을 다음 달 1일부터 재개한다고 14일 밝혔다. 이에 따라 1~8호선 열차는 평일 기준 "
      "새벽 1시까지 운행하게 된다.<br><br>&lt;저작권자 © 한빛일보, 무단전재 및 재배포 금지&gt;"
      "</article></body></html>");
  EXPECT_TRUE(Has(brief, "심야 연장 운행을")) << brief;
  EXPECT_FALSE(Has(brief, "무단전재")) << brief;
  std::string lines;
  for (int i = 0; i < 4; ++i) {
    lines += "시는 이번 조치로 늦은 시간 귀가하는 시민들의 불편이 크게 줄어들 것으로 기대한다고 "
             "설명했다. 관련 예산은 올해 추가경정예산에 반영됐다.<br><br>";
  }
  const std::string portal = Extract(
      "<html lang='ko'><body><article id='dic_area'>" + lines +
      "ⓒ 한빛일보 &amp; hanbit.co.kr, 무단 전재 및 재배포 금지</article></body></html>");
  EXPECT_TRUE(Has(portal, "추가경정예산에 반영됐다")) << portal;
  EXPECT_FALSE(Has(portal, "재배포 금지")) << portal;
  // A wire story in English on a regional paper, its lines between <br>s
  // and an advert's slot among them: the slot breaks a line as a <br> does,
  // and the agency's notice on the last line goes.
  const std::string wire = Extract(
      "<html lang='en'><body><div id='story'><h1>Lawmakers pass road funding plan</h1>"
      "<div id='story-body'>DENVER (AP) — Lawmakers passed a plan to repair roads and bridges in "
      "the final hours of the session late Wednesday, ending a years-long stalemate.<br><br>The "
      "bill passed the Senate 20-15 and the House 38-27 after a day of negotiations that "
      "stretched past midnight.<br><br><div class='ad ad-inline'><small>Advertisement</small>"
      "</div>The fee will start at 2 cents a gallon in July and rise to 8 cents by 2028, which "
      "supporters said would cost the average driver about $70 a year.<br><br>Copyright 2020 "
      "The Associated Press. All rights reserved. This material may not be published, "
      "broadcast, rewritten or redistributed.<br><br></div></div></body></html>");
  EXPECT_TRUE(Has(wire, "about $70 a year")) << wire;
  EXPECT_FALSE(Has(wire, "All rights reserved")) << wire;
}

TEST(MultilingualPageTest, TheFirstLineIsNotGluedToTheDateAcrossALeftOutBlock) {
  const std::string ru =
      "<html lang=ru><head><title>В Кургане отремонтируют 14 дворов</title></head><body>"
      "<div class=news-detail><h1>В Кургане отремонтируют 14 дворов</h1>"
      "<span class=news-date-time>17.03.2025 11:20</span>"
      "<div class=news-views>Просмотров: 1247</div>"
      "В этом году в Кургане благоустроят 14 дворовых территорий. Список адресов утвердила "
      "общественная комиссия по итогам голосования жителей, которое прошло в феврале.<br><br>"
      "В большинстве дворов заменят асфальтовое покрытие, установят новые скамейки, урны и "
      "освещение. В шести дворах появятся детские площадки.<br><br>"
      "Подрядчиков определят в апреле по итогам аукционов. Работы планируется завершить до "
      "1 сентября.</div></body></html>";
  const std::string ru_text = ExtractMainContent(ru, "", ExtractOptions()).text;
  EXPECT_TRUE(Has(ru_text, "\nВ этом году в Кургане")) << ru_text;
  EXPECT_FALSE(Has(ru_text, "11:20 В этом году")) << ru_text;
  EXPECT_FALSE(Has(ru_text, "Просмотров")) << ru_text;

  const std::string ja =
      "<html lang=ja><head><title>市内の公園を改修</title></head><body>"
      "<div class=news-detail><h1>市内の公園を改修</h1>"
      "<span class=date>2025年3月17日 11:20</span>"
      "<div class=share><a href='https://twitter.com/share'>ツイート</a> "
      "<a href='https://www.facebook.com/sharer'>シェア</a></div>"
      "今年、市は十四か所の公園を改修する。住民の投票で選ばれた場所の一覧は、二月に開かれた"
      "委員会で承認された。<br><br>多くの公園では古いベンチと照明が新しくなり、六か所には子ども"
      "向けの遊び場ができる。<br><br>工事は四月の入札で業者が決まり、九月一日までに終わる予定だ。"
      "</div></body></html>";
  const std::string ja_text = ExtractMainContent(ja, "", ExtractOptions()).text;
  EXPECT_TRUE(Has(ja_text, "\n今年、市は十四か所の公園を改修する。")) << ja_text;
  EXPECT_FALSE(Has(ja_text, "11:20 今年")) << ja_text;
  EXPECT_FALSE(Has(ja_text, "ツイート")) << ja_text;
}

TEST(MultilingualPageTest, ASpecListsLastNameKeepsItsValue) {
  // A product's specifications as a list of items, each a name and its value
  // in two blocks ("<li><div>Farbe</div><div>Silber</div></li>"), last on
  // the page: the learned model takes a short last value alone for page
  // chrome, but a name and its value are judged together.
  const struct {
    std::string html;
    const char* last_value;
  } cases[] = {
      {"<html lang='ar' dir='rtl'><head><meta charset='utf-8'><title>خلاط كهربائي</title></head><body>"
       "<p>يعمل المحرك بقدرة 1000 واط بهدوء نسبي، ويحافظ نظام التبريد الداخلي على كفاءته حتى عند الاستخدام المتواصل، كما أن جميع الأجزاء القابلة للفك آمنة للغسل في غسالة الأطباق.</p>"
       "<h3>المواصفات العامة</h3>"
       "<ul>"
       "<li><div>القدرة</div><div>1000 واط</div></li>"
       "<li><div>السعة</div><div>1.6 لتر</div></li>"
       "<li><div>المادة</div><div>زجاج</div></li>"
       "<li><div>اللون</div><div>فضي</div></li>"
       "</ul>"
       "</body></html>",
       "فضي"},
      {"<html lang='he' dir='rtl'><head><meta charset='utf-8'><title>קומקום חשמלי</title></head><body>"
       "<p>הקומקום עשוי נירוסטה, וגוף החימום שלו מוסתר מתחת לתחתית, כך שפחות אבנית מצטברת במיכל וקל יותר לנקות אותו. בהספק של 2200 וואט ליטר מים רותח תוך כשלוש דקות.</p>"
       "<h3>מפרט טכני</h3>"
       "<ul>"
       "<li><div>מידות</div><div>22 ס'מ</div></li>"
       "<li><div>משקל</div><div>1100 גרם</div></li>"
       "<li><div>נפח</div><div>1.7 ליטר</div></li>"
       "<li><div>גוף חימום</div><div>מוסתר</div></li>"
       "</ul>"
       "</body></html>",
       "מוסתר"},
      {"<html lang='fa' dir='rtl'><head><meta charset='utf-8'><title>کتری برقی</title></head><body>"
       "<p>المنت این کتری مخفی است و زیر کف استیل قرار دارد؛ به همین دلیل رسوب کمتری در مخزن جمع می‌شود و تمیز کردن آن هم ساده‌تر است. با توان ۲۲۰۰ وات، یک لیتر آب در حدود سه دقیقه به جوش می‌آید و پس از جوش آمدن، کتری به‌طور خودکار خاموش می‌شود.</p>"
       "<h3>مشخصات کلی</h3>"
       "<ul class='c-params__list'>"
       "<li><div class='c-params__list-key'>ابعاد</div><div class='c-params__list-value'>۲۲ سانتی‌متر</div></li>"
       "<li><div class='c-params__list-key'>وزن</div><div class='c-params__list-value'>۱۱۰۰ گرم</div></li>"
       "<li><div class='c-params__list-key'>حجم مخزن</div><div class='c-params__list-value'>۱.۷ لیتر</div></li>"
       "<li><div class='c-params__list-key'>نوع المنت</div><div class='c-params__list-value'>مخفی</div></li>"
       "</ul>"
       "</body></html>",
       "مخفی"},
      {"<html lang='hi'><head><meta charset='utf-8'><title>इलेक्ट्रिक केतली</title></head><body>"
       "<p>इस केतली की बॉडी स्टेनलेस स्टील की है और हीटिंग एलिमेंट नीचे छिपा हुआ है, इसलिए इसमें कम मैल जमता है और इसे साफ करना आसान है। 2200 वाट की क्षमता से एक लीटर पानी करीब तीन मिनट में उबल जाता है।</p>"
       "<h3>स्पेसिफिकेशन</h3>"
       "<ul>"
       "<li><div>आकार</div><div>22 सेमी</div></li>"
       "<li><div>वज़न</div><div>1100 ग्राम</div></li>"
       "<li><div>क्षमता</div><div>1.7 लीटर</div></li>"
       "<li><div>एलिमेंट</div><div>छिपा हुआ</div></li>"
       "</ul>"
       "</body></html>",
       "छिपा हुआ"},
  };
  for (const auto& c : cases) {
    const std::string t = Extract(c.html);
    EXPECT_TRUE(Has(t, std::string("\n") + c.last_value)) << t;
  }
}

TEST(MultilingualPageTest, AForumThreadsInfoAndQuickReplyBoxesGo) {
  // Under a thread's posts, forum software (vBulletin) prints a box of
  // thread information, one of who is reading the thread, and a quick-reply
  // form, each under a heading in the forum's language.
  const std::string he =
      "<html dir='rtl' lang='he'><head><meta charset='utf-8'><title>המחשב נכבה לבד</title>"
      "</head><body>"
      "<ol id='posts' class='posts'><li class='postcontainer' id='post_1'>"
      "<div class='content'><blockquote class='postcontent restore'>המחשב שלי נכבה פתאום אחרי בערך חצי שעה של משחק, בלי מסך כחול ובלי שום הודעה, פשוט כבה כאילו ניתקו אותו מהחשמל. כשאני רק גולש או רואה סרטים זה לא קורה בכלל.<br><br>כבר ניקיתי את האבק מהמאווררים ועדכנתי דרייברים, וזה לא עזר. מישהו יודע מה זה יכול להיות?</blockquote></div></li></ol>"
      "<div id='thread_info' class='thread_info block'>"
      "<h4 class='threadinfohead blockhead'>מידע על האשכול</h4>"
      "<div id='wholist'><h5>משתמשים בצפייה באשכול זה</h5><p>כרגע 1 משתמשים צופים באשכול. (0 חברים ו-1 אורחים)</p>"
      "</div>"
      "</div>"
      "<div id='qr_defaultcontainer' class='block quickreply'><h2 class='blockhead'>תגובה מהירה</h2>"
      "<div class='blockbody formcontrols'><p>עליך להתחבר כדי להגיב לאשכול זה.</p>"
      "<textarea name='message'></textarea></div></div>"
      "</body></html>";
  const std::string en =
      "<html lang='en'><head><meta charset='utf-8'><title>My computer switches itself off</title>"
      "</head><body>"
      "<ol id='posts' class='posts'><li class='postcontainer' id='post_1'>"
      "<div class='content'><blockquote class='postcontent restore'>My computer suddenly switches off after about half an hour of gaming, with no blue screen and no message, as if it had been unplugged. When I only browse or watch films it never happens.<br><br>I have already cleaned the dust out of the fans and updated the drivers, and it did not help. Does anyone know what it could be?</blockquote></div></li></ol>"
      "<div id='thread_info' class='thread_info block'>"
      "<h4 class='threadinfohead blockhead'>Thread Information</h4>"
      "<div id='wholist'><h5>Users Browsing this Thread</h5><p>There are currently 1 users browsing this thread. (0 members and 1 guests)</p>"
      "</div>"
      "</div>"
      "<div id='qr_defaultcontainer' class='block quickreply'><h2 class='blockhead'>Quick Reply</h2>"
      "<div class='blockbody formcontrols'><p>You must log in to reply to this thread.</p>"
      "<textarea name='message'></textarea></div></div>"
      "</body></html>";
  const std::string he_text = Extract(he);
  EXPECT_TRUE(Has(he_text, "מישהו יודע מה זה יכול להיות?")) << he_text;
  for (const char* gone : {"מידע על האשכול", "משתמשים בצפייה", "אורחים", "תגובה מהירה", "להתחבר"}) {
    EXPECT_FALSE(Has(he_text, gone)) << he_text;
  }
  const std::string en_text = Extract(en);
  EXPECT_TRUE(Has(en_text, "Does anyone know what it could be?")) << en_text;
  for (const char* gone : {"Thread Information", "Users Browsing", "guests", "Quick Reply", "log in"}) {
    EXPECT_FALSE(Has(en_text, gone)) << en_text;
  }
  // The quick-reply box of forums in German, French and Spanish.
  const struct {
    const char* lang;
    const char* post;
    const char* post_end;
    const char* heading;
    const char* log_in;
  } quick_replies[] = {
      {"de",
       "Mein Rechner schaltet sich nach etwa einer halben Stunde Spielen einfach ab, ohne "
       "Bluescreen und ohne Meldung. Beim Surfen passiert das nie.",
       "Die Lüfter habe ich schon gereinigt und die Treiber aktualisiert, aber es hat nichts "
       "geholfen. Weiß jemand, woran das liegt?",
       "Schnellantwort", "Du musst angemeldet sein, um in diesem Thema zu antworten."},
      {"fr",
       "Mon ordinateur s'éteint tout seul après environ une demi-heure de jeu, sans écran bleu ni "
       "message. En navigation, cela n'arrive jamais.",
       "J'ai déjà nettoyé les ventilateurs et mis à jour les pilotes, sans résultat. Quelqu'un "
       "sait-il d'où cela peut venir ?",
       "Réponse rapide", "Vous devez être connecté pour répondre à ce sujet."},
      {"es",
       "Mi ordenador se apaga solo después de media hora de juego, sin pantalla azul y sin ningún "
       "mensaje. Navegando no pasa nunca.",
       "Ya limpié los ventiladores y actualicé los controladores, pero no sirvió de nada. "
       "¿Alguien sabe qué puede ser?",
       "Respuesta rápida", "Debes iniciar sesión para responder a este tema."},
  };
  for (const auto& c : quick_replies) {
    const std::string t = Extract(
        std::string("<html lang='") + c.lang + "'><body><ol id='posts'><li class='postcontainer'>"
        "<div class='content'><blockquote class='postcontent'>" + c.post + "<br><br>" + c.post_end +
        "</blockquote></div>"
        "</li></ol><div class='block quickreply'><h2 class='blockhead'>" + c.heading + "</h2>"
        "<div class='blockbody'><p>" + c.log_in + "</p><textarea name='message'></textarea></div>"
        "</div></body></html>");
    EXPECT_TRUE(Has(t, c.post_end)) << t;
    EXPECT_FALSE(Has(t, c.heading)) << t;
    EXPECT_FALSE(Has(t, c.log_in)) << t;
  }
}

}  // namespace
}  // namespace corpus

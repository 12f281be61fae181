// The lines that close a story in its own container, found by the phrases
// of the page's language (configs/extract/*.txt): invitations to follow a
// channel or to click for a blog ranking, staff lines, end marks, notices
// forbidding reproduction, disclaimers under their label, paywall notices;
// and a post's pager and view counter wherever they stand.
// Hand-written pages in Chinese, Japanese, Korean, Spanish, French,
// Italian, Polish and Russian.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "corpus/extract/extractor.h"
#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::Has;

// A story in `lang` of four copies of `paragraph` (each numbered), then
// `tail`, in one container, which `head` opens.
std::string StoryWith(const std::string& lang, const std::string& paragraph,
                      const std::string& tail, const std::string& head = "") {
  std::string body = head;
  for (int i = 0; i < 4; ++i) body += "<p>" + paragraph + " (" + std::to_string(i) + ")</p>";
  return "<html lang='" + lang + "'><body><article><h1>" + paragraph.substr(0, 24) +
         "</h1><div class='story'>" + body + tail + "</div></article></body></html>";
}

struct TailCase {
  const char* lang;
  const char* paragraph;
  const char* tail;
  std::vector<const char*> gone;
};

TEST(StoryTailTest, ClosingLinesGoInTheirLanguage) {
  const TailCase cases[] = {
      {"zh-CN",
       "三年前的春天，我辞掉了在杭州的工作，回到老家县城，在一条老街上租下了一间六十平方米的铺面，"
       "开了一家小小的书店。",
       "<p>— END —</p><p>编辑 | 阿乔　　校对 | 小满</p><p>点个“在看”，让更多人看到 👇</p>",
       {"END", "阿乔", "在看"}},
      {"zh-CN",
       "临近毕业季，各大高校的招聘会依旧人头攒动，但也有一部分毕业生选择暂缓就业，先旅行、实习或者"
       "继续备考，社会上把这种现象称为慢就业。",
       "<div class='post_statement'>特别声明：以上内容（如有图片或视频亦包括在内）为自媒体平台用户"
       "上传并发布，本平台仅提供信息存储服务。</div>",
       {"特别声明", "信息存储服务"}},
      {"es",
       "Los vecinos del barrio de Triana celebraron ayer la reapertura del mercado municipal, "
       "cerrado durante dos años por unas obras de reforma que costaron tres millones.",
       "<p>Descargo de responsabilidad: las opiniones expresadas en este artículo son "
       "exclusivamente de su autor.</p>",
       {"Descargo", "exclusivamente de su autor"}},
      {"ja",
       "生地をこねるところから全部自分でやるのは初めてで、最初は手にベタベタくっついて大変でしたが、"
       "三回目でようやくコツがつかめてきました。",
       "<p>ポチッと応援よろしくお願いします</p>", {"応援"}},
      {"ja",
       "利用者の減少が続く地方鉄道の存続策として、自治体が線路や駅などの施設を保有し、鉄道会社が運行"
       "に専念する上下分離方式の導入が広がっている。",
       "<p>無断転載・複製を禁じます</p>", {"無断転載"}},
      {"ja",
       "利用者の減少が続く地方鉄道の存続策として、自治体が線路や駅などの施設を保有し、鉄道会社が運行"
       "に専念する上下分離方式の導入が広がっている。",
       "<p>この記事は有料記事です。残り1234文字</p><p><a href='/login'>続きを読む</a></p>",
       {"有料記事", "続きを読む"}},
      {"ko",
       "작년 겨울, 회사를 잠시 쉬면서 제주에서 한 달 살기를 하고 왔습니다. 생각보다 비용이 많이 들어서 "
       "항목별로 정리해 보았습니다.",
       "<p>글이 도움이 되셨다면 공감♥ 눌러주세요!</p>", {"공감"}},
      {"es",
       "Los vecinos del barrio de Triana celebraron ayer la reapertura del mercado municipal, "
       "cerrado durante dos años por unas obras de reforma que costaron tres millones.",
       "<p>¿Quieres recibir las noticias más importantes en tu WhatsApp? Únete a nuestro "
       "canal.</p>",
       {"WhatsApp"}},
      {"fr",
       "Les habitants du quartier de la Guillotière ont célébré hier la réouverture du marché "
       "couvert, fermé pendant deux ans pour des travaux de rénovation.",
       "<p>Pour ne rien manquer de l'actualité de votre ville, inscrivez-vous à notre newsletter "
       "gratuite.</p>",
       {"newsletter"}},
      {"it",
       "I residenti del quartiere San Salvario hanno festeggiato ieri la riapertura del mercato "
       "comunale, chiuso per due anni a causa dei lavori di ristrutturazione.",
       "<p>Per restare aggiornato sulle notizie di Torino, segui il nostro canale WhatsApp.</p>",
       {"WhatsApp"}},
      {"pl",
       "Kostka masła w wielu sklepach kosztuje już ponad 9 zł, a w niektórych delikatesach nawet "
       "11 zł. Ekonomiści ostrzegają, że przed świętami ceny mogą jeszcze wzrosnąć.",
       "<p>Obserwuj nas w <a href='https://news.google.com/x'>Google News</a>, aby być na "
       "bieżąco!</p>",
       {"Google News"}},
      {"ru",
       "В Казани в пятницу запустили движение по первой линии нового трамвая, который соединил "
       "центр города с жилыми кварталами на окраине.",
       "<p>Следите за новостями в нашем Telegram-канале.</p><p>Если вы заметили ошибку, "
       "выделите её и нажмите Ctrl+Enter.</p>",
       {"Telegram", "Ctrl+Enter"}},
      {"ru",
       "В Казани в пятницу запустили движение по первой линии нового трамвая, который соединил "
       "центр города с жилыми кварталами на окраине.",
       "<p><strong>Подписывайтесь на «Вести Казани» в Telegram</strong> — главные новости "
       "дня.</p>",
       {"Telegram"}},
      {"ja",
       "生地をこねるところから全部自分でやるのは初めてで、最初は手にベタベタくっついて大変でしたが、"
       "三回目でようやくコツがつかめてきました。",
       "<div class='banner'><p>ブログランキングに参加しています。よろしければクリックお願いします！"
       "</p><a href='https://example.jp/rank'>料理ブログ ランキングへ</a></div>",
       {"ランキング"}},
      {"zh-CN",
       "临近毕业季，各大高校的招聘会依旧人头攒动，但也有一部分毕业生选择暂缓就业，先旅行、实习或者"
       "继续备考，社会上把这种现象称为慢就业。",
       "<p>声明：本文转载自新华社，仅代表作者观点，不代表本网立场。</p>", {"转载"}},
  };
  for (const TailCase& c : cases) {
    const std::string text = ExtractMainContent(StoryWith(c.lang, c.paragraph, c.tail), "", {}).text;
    EXPECT_TRUE(Has(text, "(3)")) << c.lang << "\n" << text;
    for (const char* words : c.gone) EXPECT_FALSE(Has(text, words)) << c.lang << "\n" << text;
  }
}

TEST(StoryTailTest, APostsPagerGoesInItsLanguage) {
  // WordPress's pager of a post split into pages, under its headline.
  const std::string text =
      ExtractMainContent(StoryWith("pl",
                                   "Kostka masła w wielu sklepach kosztuje już ponad 9 zł, a w "
                                   "niektórych delikatesach nawet 11 zł. Ekonomiści ostrzegają, "
                                   "że ceny mogą jeszcze wzrosnąć.",
                                   "",
                                   "<div class='page-links'>Strony: <a href='?page=1'>1</a> <a "
                                   "href='?page=2'>2</a> <a href='?page=3'>3</a></div>"),
                         "", {})
          .text;
  EXPECT_TRUE(Has(text, "(3)")) << text;
  EXPECT_FALSE(Has(text, "Strony")) << text;
}

TEST(StoryTailTest, AViewCounterGoesInItsLanguage) {
  // The counter a news theme prints beside the date, on a line of its own.
  const std::pair<const char*, const char*> counters[] = {
      {"pl", "Wyświetleń: 1841"}, {"de", "1.841 Aufrufe"}, {"ru", "Просмотров: 1841"},
      {"en", "1,841 views"}};
  for (const auto& [lang, counter] : counters) {
    const std::string text =
        ExtractMainContent(StoryWith(lang,
                                     "Kostka masła w wielu sklepach kosztuje już ponad 9 zł, a w "
                                     "niektórych delikatesach nawet 11 zł. Ekonomiści ostrzegają, "
                                     "że ceny mogą jeszcze wzrosnąć.",
                                     "", std::string("<div>") + counter + "</div>"),
                           "", {})
            .text;
    EXPECT_TRUE(Has(text, "(3)")) << text;
    EXPECT_FALSE(Has(text, "1841")) << counter << "\n" << text;
    EXPECT_FALSE(Has(text, "1.841")) << counter << "\n" << text;
    EXPECT_FALSE(Has(text, "1,841")) << counter << "\n" << text;
  }
}

}  // namespace
}  // namespace corpus

// Pages in many scripts go through the full default pipeline (all
// languages allowed) without crashes and without rejections that only make
// sense for English word statistics.
#include <gtest/gtest.h>

#include <string>

#include "corpus/filter/filter_pipeline.h"
#include "filter/filter_test_util.h"

namespace corpus {
namespace {

std::unique_ptr<FilterPipeline> AnyLanguagePipeline() {
  FilterOptions opts;
  opts.language.languages.clear();
  std::unique_ptr<FilterPipeline> p;
  EXPECT_TRUE(FilterPipeline::Create(opts, &p).ok());
  return p;
}

struct Page {
  const char* lang;
  const char* text;
};

// Well-formed prose: several sentences per paragraph, paragraphs separated
// by blank lines, as `corpus extract` writes them.
const Page kPages[] = {
    {"zh",
     "北京是中华人民共和国的首都，也是全国的政治、文化和国际交往中心，有着三千多年的建城史和八百多年的建都史。"
     "这座城市拥有众多的历史古迹，例如故宫、天坛和颐和园，每年吸引着来自世界各地的游客。\n\n"
     "北京的交通十分发达，地铁网络覆盖了城市的大部分地区，给市民的日常出行带来了极大的方便。"
     "近年来，城市的绿化面积不断增加，空气质量也有了明显的改善，居民的生活越来越舒适。\n\n"
     "在饮食方面，北京烤鸭是最有名的特色菜之一，许多游客来到这里都会专门去品尝。"
     "此外，胡同里的小吃也很受欢迎，比如炸酱面、豆汁和各种糕点，都有着悠久的历史。"},
    {"ja",
     "東京は日本の首都であり、世界でも有数の大都市として知られています。江戸時代から政治と経済の中心地として発展してきました。"
     "現在では多くの企業の本社が集まり、国内外から多くの人々が訪れる活気ある街になっています。\n\n"
     "東京には歴史ある寺院や神社が数多く残っており、浅草寺や明治神宮は特に人気のある観光地です。"
     "一方で、渋谷や新宿のような繁華街では最新の流行や文化に触れることができ、昼も夜も多くの人でにぎわっています。\n\n"
     "交通網も非常に発達しており、電車や地下鉄を使えば都内のほとんどの場所に短時間で移動することができます。"
     "そのため、観光客にとっても住民にとっても暮らしやすく、訪れやすい都市だと言えるでしょう。"},
    {"ru",
     "Москва является столицей России и одним из крупнейших городов Европы. Город был основан в двенадцатом веке "
     "и с тех пор пережил множество важных исторических событий. Сегодня здесь живут миллионы людей самых разных "
     "профессий и национальностей.\n\n"
     "В центре города находится Красная площадь, которую ежегодно посещают туристы со всего мира. Рядом расположены "
     "Кремль, собор Василия Блаженного и Государственный исторический музей. Многие приезжают сюда, чтобы увидеть "
     "знаменитую архитектуру и прогуляться по старым улицам.\n\n"
     "Московское метро считается одним из самых красивых в мире, а его станции часто называют подземными дворцами. "
     "Каждый день оно перевозит несколько миллионов пассажиров и помогает быстро добраться до любой части города."},
    {"ar",
     "القاهرة هي عاصمة جمهورية مصر العربية وأكبر مدنها من حيث عدد السكان. تقع المدينة على ضفاف نهر النيل "
     "وتعد من أقدم المدن في العالم، حيث تضم العديد من المعالم التاريخية والثقافية المهمة.\n\n"
     "يزور ملايين السياح القاهرة كل عام لمشاهدة الأهرامات وأبو الهول والمتحف المصري الذي يحتوي على كنوز "
     "الفراعنة. كما تشتهر المدينة بأسواقها القديمة مثل خان الخليلي الذي يعج بالحركة ليلا ونهارا.\n\n"
     "تتميز القاهرة أيضا بحياتها الثقافية الغنية، فهي تضم جامعات عريقة ومسارح ودور نشر كثيرة. ويحب سكانها "
     "الجلوس في المقاهي الشعبية لتبادل الأحاديث وشرب الشاي في المساء."},
    {"hi",
     "दिल्ली भारत की राजधानी है और यह देश के सबसे बड़े शहरों में से एक है। इस शहर का इतिहास हजारों साल पुराना "
     "माना जाता है और यहाँ कई प्राचीन स्मारक आज भी मौजूद हैं। हर साल लाखों पर्यटक इन स्मारकों को देखने आते हैं।\n\n"
     "लाल किला, कुतुब मीनार और इंडिया गेट दिल्ली के सबसे प्रसिद्ध स्थलों में गिने जाते हैं। शहर के बाजारों में "
     "तरह तरह के कपड़े, मसाले और हस्तशिल्प की वस्तुएँ मिलती हैं। यहाँ का खाना भी पूरे देश में बहुत लोकप्रिय है।\n\n"
     "दिल्ली मेट्रो ने शहर में आने जाने को बहुत आसान बना दिया है। अब लोग कम समय में शहर के एक हिस्से से दूसरे "
     "हिस्से तक पहुँच सकते हैं और सड़कों पर भीड़ भी कुछ कम हुई है।"},
    {"th",
     "กรุงเทพมหานครเป็นเมืองหลวงของประเทศไทยและเป็นศูนย์กลางทางเศรษฐกิจที่สำคัญของภูมิภาค "
     "เมืองนี้มีวัดวาอารามที่สวยงามมากมายซึ่งดึงดูดนักท่องเที่ยวจากทั่วโลกให้มาเยี่ยมชมทุกปี\n\n"
     "อาหารไทยที่ขายตามริมถนนในกรุงเทพมหานครมีชื่อเสียงไปทั่วโลกเพราะรสชาติที่จัดจ้านและราคาที่ไม่แพง "
     "นักท่องเที่ยวจำนวนมากจึงนิยมเดินชิมอาหารในย่านเยาวราชและตลาดนัดต่างๆในช่วงเย็น\n\n"
     "การเดินทางในเมืองสามารถทำได้หลายวิธีทั้งรถไฟฟ้า รถไฟใต้ดิน เรือด่วนในแม่น้ำเจ้าพระยา และรถโดยสารประจำทาง "
     "ซึ่งช่วยให้ผู้คนเดินทางไปยังสถานที่ต่างๆได้อย่างสะดวกสบาย"},
};

TEST(MultilingualTest, ProseInManyScriptsIsKept) {
  auto pipeline = AnyLanguagePipeline();
  for (const Page& page : kPages) {
    Document doc(page.text, "https://example.org/" + std::string(page.lang));
    const FilterVerdict v = pipeline->Run(doc);
    EXPECT_TRUE(v.keep) << page.lang << ": rejected by " << v.rule << " = " << v.value_json;
    EXPECT_EQ(doc.lang(), page.lang);
    EXPECT_GT(doc.lang_score(), 0.65) << page.lang;
  }
}

TEST(MultilingualTest, MixedAndBrokenInputDoesNotCrash) {
  auto pipeline = AnyLanguagePipeline();
  std::string all;
  for (const Page& page : kPages) all += std::string(page.text) + "\n\n";
  const std::string inputs[] = {
      all,
      "\xF0\x9F\x98\x80\xF0\x9F\x98\x81 emoji only \xF0\x9F\x8E\x89",
      std::string("\xC3\x28 invalid \xFF\xFE utf8 \xE2\x82", 22),
      "\n\n\n   \n",
      "#",
      std::string(5000, '.'),
      std::string(3000, 'a'),
      "a\rb\r\nc\n\r\n",
      "Ελληνικά κείμενα εδώ. עברית כאן. 한국어 문장입니다. Tiếng Việt có dấu.",
  };
  for (const std::string& text : inputs) {
    Document doc(text, "not a url");
    const FilterVerdict v = pipeline->Run(doc);
    EXPECT_TRUE(v.keep || !v.rule.empty());
  }
}

TEST(MultilingualTest, EnglishOnlyDefaultRejectsOtherLanguagesByLanguage) {
  std::unique_ptr<FilterPipeline> p;
  ASSERT_TRUE(FilterPipeline::Create(FilterOptions(), &p).ok());
  for (const Page& page : kPages) {
    Document doc(page.text, "");
    const FilterVerdict v = p->Run(doc);
    EXPECT_EQ(v.rule, "language") << page.lang;
  }
  Document en(testing::EnglishProse(4), "");
  const FilterVerdict v = p->Run(en);
  EXPECT_TRUE(v.keep) << v.rule << " " << v.value_json;
}

}  // namespace
}  // namespace corpus

// The phrase files (configs/extract/<language>.txt, embedded at build time):
// parsing, folding, the choice of languages for a page, and the extractor
// version derived from them.
#include "corpus/extract/phrase_book.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdlib>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "corpus/extract/block_model.h"
#include "corpus/extract/extractor.h"
#include "corpus/extract/markup_name_book.h"
#include "corpus/extract/teaser_lines.h"
#include "corpus/util/sha256.h"

namespace corpus {
namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

TEST(PhraseBookTest, EmbeddedFilesParseAndCoverTheLanguages) {
  const PhraseBook& book = PhraseBook::Default();
  EXPECT_TRUE(book.status().ok()) << book.status().ToString();
  const std::vector<std::string> langs = book.languages();
  for (const char* want : {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "zh",
                           "ja", "ko", "vi", "tr", "id", "cs", "uk", "sv", "ar", "fa",
                           "hi", "el", "bg", "hu", "ro", "da", "fi", "th", "sk", "he",
                           "no", "ca", "hr", "lt", "sl", "ms", "bn", "et", "lv", "sr",
                           "az", "ur", "ta", "sw", "mr", "mk", "be", "sq", "is", "gl",
                           "eu", "kk", "ne", "ka", "hy", "te", "kn", "ml", "gu", "pa",
                           "si", "tl", "uz", "af", "cy", "am", "so", "km", "lo", "my",
                           "mn", "ky", "tg", "ps", "ha", "as", "or", "sd", "ckb", "ku",
                           "tt", "ug", "jv", "ga", "lb", "eo", "mt", "fy", "yo", "ig",
                           "zu", "xh", "rw", "ti", "dv", "tk", "ba", "mg", "ht", "om",
                           "yi", "fo", "gd", "br", "oc", "su", "ceb", "ast", "sn", "lg",
                           "ln", "wo", "pcm", "cv", "os", "bo", "la", "mai", "bho", "gom",
                           "ilo", "kab", "tn", "st", "ny"}) {
    EXPECT_NE(std::find(langs.begin(), langs.end(), want), langs.end()) << want;
  }
  EXPECT_EQ(book.digest().size(), 64u);
}

TEST(PhraseBookTest, FoldIgnoresCaseSpacingAndDecoration) {
  EXPECT_EQ(FoldPhrase("  Read   MORE »"), "read more");
  EXPECT_EQ(FoldPhrase("ÄHNLICHE ARTIKEL:"), FoldPhrase("ähnliche artikel"));
  EXPECT_EQ(FoldPhrase("関連記事："), "関連記事");
  EXPECT_EQ(FoldPhrase("Don’t miss…"), "don't miss");
  EXPECT_EQ(FoldPhrase("→ ЧИТАЙТЕ ТАКЖЕ"), "читайте также");
  EXPECT_EQ(FoldPhrase("📲 Participe do canal"), "participe do canal");
  EXPECT_EQ(FoldPhrase("🔥️ Mais lidas ⭐"), "mais lidas");
  // Ethiopic and Khmer punctuation.
  EXPECT_EQ(FoldPhrase("ተዛማጅ ዜናዎች፦"), "ተዛማጅ ዜናዎች");
  EXPECT_EQ(FoldPhrase("ያጋሩ።"), "ያጋሩ");
  EXPECT_EQ(FoldPhrase("ព័ត៌មានពាក់ព័ន្ធ៖"), "ព័ត៌មានពាក់ព័ន្ធ");
  // Armenian's full stop and comma.
  EXPECT_EQ(FoldPhrase("Նմանատիպ նորություններ։"), "նմանատիպ նորություններ");
  EXPECT_EQ(FoldPhrase("Կարդացեք նաև՝"), FoldPhrase("կարդացեք նաեւ"));  // և is ե and ւ
  EXPECT_EQ(FoldPhrase("\xff\xfe Bad UTF-8"), "\xff\xfe bad utf-8");  // folded as ASCII
  // No space beside a letter of a script written without them: markup split
  // the line there, or sites differ.
  EXPECT_EQ(FoldPhrase("您需要 登录 才可以下载或查看，没有账号？ 立即注册"),
            FoldPhrase("您需要登录才可以下载或查看，没有账号？立即注册"));
  EXPECT_EQ(FoldPhrase("ข่าว ที่เกี่ยวข้อง"), FoldPhrase("ข่าวที่เกี่ยวข้อง"));
  EXPECT_EQ(FoldPhrase("Log in 登录"), "log in登录");
  // ASCII takes a quicker path than other text; it folds by the same rules:
  // no space after a letter of such a script either, the grave accent typed
  // for an apostrophe, every kind of white space run made one space.
  EXPECT_EQ(FoldPhrase("登录 Log in"), "登录log in");
  EXPECT_EQ(FoldPhrase("Don`t\tmiss \r\n this"), "don't miss this");
  EXPECT_EQ(FoldPhrase("Don`t miss"), FoldPhrase("Don’t miss"));
}

TEST(PhraseBookTest, FoldJoinsLettersSitesWriteOneForAnother) {
  // Turkish capitals fold to "i" like their small letters, dotted or not.
  EXPECT_EQ(FoldPhrase("İLGİLİ HABERLER"), "ilgili haberler");
  EXPECT_EQ(FoldPhrase("İlgili haberler"), "ilgili haberler");
  EXPECT_EQ(FoldPhrase("DEVAMINI OKU"), FoldPhrase("Devamını oku"));
  // Romanian s and t with a cedilla or a comma below, or bare.
  EXPECT_EQ(FoldPhrase("Citeşte şi"), FoldPhrase("Citește și"));
  EXPECT_EQ(FoldPhrase("ŢARA"), FoldPhrase("țara"));
  EXPECT_EQ(FoldPhrase("Citeste si"), FoldPhrase("Citește și"));
  // Latin letters with their marks or without: a French capital typed bare,
  // Spanish capitals, Yoruba and Vietnamese tones (dots below and the
  // letters of Latin Extended Additional too).
  EXPECT_EQ(FoldPhrase("A LIRE AUSSI"), FoldPhrase("À lire aussi"));
  EXPECT_EQ(FoldPhrase("À lire aussi"), "a lire aussi");
  EXPECT_EQ(FoldPhrase("MAS NOTICIAS"), FoldPhrase("Más noticias"));
  EXPECT_EQ(FoldPhrase("Àwọn ìròyìn tuntun"), "awon iroyin tuntun");
  EXPECT_EQ(FoldPhrase("Từ khoá"), FoldPhrase("từ khóa"));
  EXPECT_EQ(FoldPhrase("Ähnliche Artikel"), "ahnliche artikel");
  // Letters not built on an ASCII letter stay as they are.
  EXPECT_EQ(FoldPhrase("Więcej łączy"), "wiecej łaczy");
  EXPECT_EQ(FoldPhrase("Ørsted"), "ørsted");
  // Hebrew's gershayim, or the ASCII quote typed for it.
  EXPECT_EQ(FoldPhrase("כולל מע\u05F4מ"), FoldPhrase("כולל מע\"מ"));
  // The three apostrophes of Ukrainian pages.
  EXPECT_EQ(FoldPhrase("пов\u2019язані статті"), "пов'язані статті");
  EXPECT_EQ(FoldPhrase("пов\u02BCязані статті"), "пов'язані статті");
  // Tanween, tatweel and Arabic punctuation.
  EXPECT_EQ(FoldPhrase("اقرأ أيضاً:"), FoldPhrase("اقرأ أيضا"));
  EXPECT_EQ(FoldPhrase("اقرأ أيضًا ـ"), FoldPhrase("اقرأ أيضا"));
  EXPECT_EQ(FoldPhrase("مقالات ذات صلة؟"), FoldPhrase("مقالات ذات صلة"));
  // A danda ends a sentence in Hindi and Bengali.
  EXPECT_EQ(FoldPhrase("টিপ্পণী বন্ধ।"), "টিপ্পণী বন্ধ");
  // Tibetan: the tsheg that ends a syllable and the shad that ends a clause.
  EXPECT_EQ(FoldPhrase("འབྲེལ་ཡོད་གསར་འགྱུར་།"), "འབྲེལ་ཡོད་གསར་འགྱུར");
  // Hamza on the alef or not; Persian yeh and kaf written with Arabic ones.
  EXPECT_EQ(FoldPhrase("إقرأ أيضا"), FoldPhrase("اقرا ايضا"));
  EXPECT_EQ(FoldPhrase("مطالب مرتبط بیشتر"), FoldPhrase("مطالب مرتبط بيشتر"));
  EXPECT_EQ(FoldPhrase("کتاب"), FoldPhrase("كتاب"));
  EXPECT_EQ(FoldPhrase("علی"), FoldPhrase("علي"));
  // Greek in capitals, which drops the tonos; the Russian ё written е.
  EXPECT_EQ(FoldPhrase("ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ"), FoldPhrase("Διαβάστε επίσης"));
  EXPECT_EQ(FoldPhrase("ΣΧΕΤΙΚΑ ΑΡΘΡΑ"), "σχετικα αρθρα");
  EXPECT_EQ(FoldPhrase("προϋπόθεση"), FoldPhrase("ΠΡΟΫΠΟΘΕΣΗ"));
  EXPECT_EQ(FoldPhrase("Ещё новости"), FoldPhrase("ЕЩЕ НОВОСТИ"));
  EXPECT_EQ(FoldPhrase("Ещё новости"), "еще новости");
  // Arabic's teh marbuta typed as heh; Hindi's nukta left out, and its
  // candrabindu typed as the anusvara.
  EXPECT_EQ(FoldPhrase("مقالات ذات صلة"), FoldPhrase("مقالات ذات صله"));
  EXPECT_EQ(FoldPhrase("संबंधित ख़बरें"), FoldPhrase("संबंधित खबरें"));
  EXPECT_EQ(FoldPhrase("\u0916\u093C\u092C\u0930"), FoldPhrase("\u0959\u092C\u0930"));
  EXPECT_EQ(FoldPhrase("टिप्पणियाँ बंद हैं"), FoldPhrase("टिप्पणियां बंद हैं"));
  // Urdu's gol he and Sorani's ae typed as heh; Pashto's ring gaf and e
  // typed as the Persian gaf and yeh.
  EXPECT_EQ(FoldPhrase("تازہ ترین"), FoldPhrase("تازه ترین"));
  EXPECT_EQ(FoldPhrase("متعلقہ خبریں"), FoldPhrase("متعلقه خبریں"));
  EXPECT_EQ(FoldPhrase("بابەتی پەیوەندیدار"), FoldPhrase("بابه\u200Cتی په\u200Cیوه\u200Cندیدار"));
  EXPECT_EQ(FoldPhrase("اړوند ګټې"), FoldPhrase("اړوند گټی"));
  EXPECT_NE(FoldPhrase("ګټې"), FoldPhrase("ګټا"));
  // Uzbek's oʻ and gʻ, typed with any apostrophe or a grave accent.
  EXPECT_EQ(FoldPhrase("Koʻp oʻqilgan"), "ko'p o'qilgan");
  EXPECT_EQ(FoldPhrase("Ko`p o`qilgan"), "ko'p o'qilgan");
  // Joiners put in one word and left out of another, or scattered.
  EXPECT_EQ(FoldPhrase("చ\u200Cద\u200Cవండి"), FoldPhrase("చదవండి"));
  EXPECT_EQ(FoldPhrase("کتاب\u200Cها"), FoldPhrase("کتابها"));
  EXPECT_EQ(FoldPhrase("អត្ថបទ\u200Bពាក់ព័ន្ធ"), FoldPhrase("អត្ថបទពាក់ព័ន្ធ"));
  // A Malayalam chillu, or its consonant and virama with a joiner or without.
  EXPECT_EQ(FoldPhrase("വാർത്തകൾ"), FoldPhrase("വാര്\u200Dത്തകള്\u200D"));
  EXPECT_EQ(FoldPhrase("വാർത്തകൾ"), FoldPhrase("വാര്ത്തകള്"));
  // Yiddish with points or without; a ligature or its two letters (the
  // presentation forms of pointed letters decompose under NFKC).
  EXPECT_EQ(FoldPhrase("לייענט אויך"), FoldPhrase("לייענט אױך"));
  EXPECT_EQ(FoldPhrase("ענלעכע אַרטיקלען"), FoldPhrase("ענלעכע ארטיקלען"));
  EXPECT_EQ(FoldPhrase("פֿאַרבונדענע נײַעס"), FoldPhrase("פארבונדענע נייעס"));
  EXPECT_EQ(FoldPhrase("\uFB4E\uFB2E\u05E8"), FoldPhrase("פאר"));
  EXPECT_EQ(FoldPhrase("װאָס"), FoldPhrase("וואס"));
}

TEST(PhraseBookTest, AHeadingsCountIsNotPartOfItsPhrase) {
  const PhraseSet pl = PhraseBook::Default().For("pl");
  for (const char* heading : {"Komentarze (3)", "3 komentarze", "Komentarze: 12", "Komentarze [7]"}) {
    EXPECT_TRUE(pl.Matches(PhraseClass::kArticleBoxHeading, heading)) << heading;
  }
  EXPECT_TRUE(PhraseBook::Default().For("zh").Matches(PhraseClass::kArticleBoxHeading, "网友评论（4）"));
  // A price or a date is no count, and a count alone is no phrase.
  const PhraseSet en = PhraseBook::Default().For("en");
  EXPECT_TRUE(en.Matches(PhraseClass::kLabel, "Reply 12"));
  EXPECT_FALSE(en.Matches(PhraseClass::kLabel, "Reply 1.2"));
  EXPECT_FALSE(en.Matches(PhraseClass::kLabel, "Reply $12"));
  EXPECT_FALSE(en.Matches(PhraseClass::kLabel, "(12)"));
  // A count's thousands separators are part of it; a date's dots are not.
  EXPECT_TRUE(en.Matches(PhraseClass::kLabel, "Reply 1,234"));
  EXPECT_TRUE(PhraseBook::Default().For("de").Matches(PhraseClass::kLabel, "12.841 Aufrufe"));
  EXPECT_FALSE(en.Matches(PhraseClass::kLabel, "Reply 12.05.2024"));
  EXPECT_FALSE(en.Matches(PhraseClass::kLabel, "Reply 1.2345"));
}

TEST(PhraseBookTest, ThePageLanguageAndEnglishApply) {
  const PhraseBook& book = PhraseBook::Default();
  const PhraseSet de = book.For("de-AT");
  EXPECT_TRUE(de.Matches(PhraseClass::kLabel, "Weiterlesen"));
  EXPECT_TRUE(de.Matches(PhraseClass::kLabel, "Read more"));
  // A language without a file, or none: English only.
  const PhraseSet xx = book.For("xx", "");
  EXPECT_FALSE(xx.Matches(PhraseClass::kLabel, "Weiterlesen"));
  EXPECT_TRUE(xx.Matches(PhraseClass::kLabel, "Read more"));
  // Declared and detected languages both apply.
  const PhraseSet both = book.For("en-US", "pt_BR");
  EXPECT_TRUE(both.Matches(PhraseClass::kLabel, "Leia mais"));
  EXPECT_EQ(both.languages(), (std::vector<std::string_view>{"en", "pt"}));
  // A Content-Language list: its first language.
  EXPECT_TRUE(book.For("fr, en").Matches(PhraseClass::kLabel, "Lire la suite"));
  // Codes withdrawn from ISO 639-1 (CLD2 names Hebrew "iw"), Norwegian's two
  // written forms, Bosnian, written with Croatian's words, and Filipino.
  EXPECT_EQ(book.For("", "iw").languages(), (std::vector<std::string_view>{"he", "en"}));
  EXPECT_EQ(book.For("in").languages(), (std::vector<std::string_view>{"id", "en"}));
  EXPECT_EQ(book.For("ji").languages(), (std::vector<std::string_view>{"yi", "en"}));
  EXPECT_EQ(book.For("nb-NO", "nn").languages(), (std::vector<std::string_view>{"no", "en"}));
  EXPECT_EQ(book.For("bs-BA").languages(), (std::vector<std::string_view>{"hr", "en"}));
  EXPECT_EQ(book.For("fil-PH").languages(), (std::vector<std::string_view>{"tl", "en"}));
}

TEST(PhraseBookTest, HeadingPrefixesEndAtAWordOrAnyCjkCharacter) {
  const PhraseBook& book = PhraseBook::Default();
  EXPECT_TRUE(book.For("en").StartsWith(PhraseClass::kRelatedHeading,
                                        FoldPhrase("You may also like these")));
  EXPECT_FALSE(book.For("en").StartsWith(PhraseClass::kRelatedHeading,
                                         FoldPhrase("Related itemset mining")));
  EXPECT_TRUE(book.For("zh").StartsWith(PhraseClass::kRelatedHeading, FoldPhrase("相关文章推荐")));
  EXPECT_TRUE(book.For("de").StartsWith(PhraseClass::kRelatedHeading,
                                        FoldPhrase("Mehr aus Thüringen")));
  // A shop's cross-selling rows and a news site's other stories, in the
  // page's language.
  for (const auto& [lang, heading] : std::vector<std::pair<const char*, const char*>>{
           {"de", "Kunden, die diesen Artikel angesehen haben, kauften auch"},
           {"de", "Kürzlich angesehene Produkte und Empfehlungen"},
           {"fr", "Les clients ont également aimé"},
           {"pl", "Inni kupili także"},
           {"es", "Otras noticias de River Plate"}}) {
    EXPECT_TRUE(book.For(lang).StartsWith(PhraseClass::kRelatedHeading, FoldPhrase(heading)))
        << heading;
  }
}

TEST(PhraseBookTest, APhrasesTwoWordsMayFrameOthers) {
  const PhraseSet de = PhraseBook::Default().For("de");
  EXPECT_TRUE(de.Frames(PhraseClass::kPitchAction, FoldPhrase("Jetzt 30 Tage kostenlos testen")));
  EXPECT_TRUE(de.Frames(PhraseClass::kPitchAction, FoldPhrase("Jetzt auf Steady unterstützen")));
  // The phrase alone is Has's; a word at either end is no frame; nor are
  // more than kMaxFramedWords words.
  EXPECT_FALSE(de.Frames(PhraseClass::kPitchAction, FoldPhrase("Jetzt testen")));
  EXPECT_FALSE(de.Frames(PhraseClass::kPitchAction, FoldPhrase("Jetzt 30 Tage testen lassen")));
  EXPECT_FALSE(de.Frames(PhraseClass::kPitchAction,
                         FoldPhrase("Jetzt wurde die neue Brücke über den Rhein endlich getestet")));
  EXPECT_FALSE(de.Frames(PhraseClass::kPitchAction,
                         FoldPhrase("Jetzt kann man die neue Brücke über den Rhein endlich testen")));
}

TEST(PhraseBookTest, ParseErrorsAreReportedAndTheRestIsKept) {
  const PhraseBook book(Files{{"xx", "stray line\n[labels]\nOkay Button\n[no_such_class]\nlost\n"}});
  EXPECT_FALSE(book.status().ok());
  EXPECT_NE(book.status().ToString().find("xx.txt:1"), std::string::npos);
  EXPECT_TRUE(book.For("xx").Matches(PhraseClass::kLabel, "okay button"));
  EXPECT_FALSE(book.For("xx").Matches(PhraseClass::kLabel, "lost"));
  // A phrase listed twice, as written or once folded, is a slip in the file.
  const PhraseBook twice(Files{{"xx", "[labels]\nL'auteur\nshare\nl\u2019auteur\n"}});
  EXPECT_NE(twice.status().ToString().find("xx.txt:4"), std::string::npos);
  const PhraseBook apart(Files{{"xx", "[labels]\nshare\n[teaser_labels]\nshare\n"}});
  EXPECT_TRUE(apart.status().ok()) << apart.status().ToString();
}

TEST(PhraseBookTest, TheDigestFollowsTheFiles) {
  const PhraseBook a(Files{{"xx", "[labels]\none\n"}});
  const PhraseBook b(Files{{"xx", "[labels]\ntwo\n"}});
  EXPECT_NE(a.digest(), b.digest());
  EXPECT_EQ(a.digest(), PhraseBook(Files{{"xx", "[labels]\none\n"}}).digest());
}

TEST(PhraseBookTest, ExtractorVersionHoldsTheDigest) {
  // The digest of the phrase files, the class and id name lists and the block model.
  Sha256 data;
  data.Update(PhraseBook::Default().digest());
  data.Update(MarkupNameBook::Default().digest());
  data.Update(BlockModel::Default().digest());
  const std::string v = ExtractorVersion();
  EXPECT_EQ(v.substr(v.find('-') + 1), data.HexDigest().substr(0, 16));
}

TEST(PhraseBookTest, LabelLinesNeedTheLabelBeforeAColon) {
  const PhraseSet de = PhraseBook::Default().For("de");
  EXPECT_TRUE(StartsWithTeaserLabel(de, "Lesen Sie auch: Der Streit um den Strompreis"));
  EXPECT_TRUE(StartsWithTeaserLabel(PhraseBook::Default().For("ja"), "関連：新しい駅"));
  EXPECT_FALSE(StartsWithTeaserLabel(de, "Lesen Sie auch das Kleingedruckte"));
  EXPECT_TRUE(StartsWithTeaserLabel(de, "Nachfolgebeitrag: Was passiert hier noch?"));
  EXPECT_TRUE(StartsWithTeaserLabel(PhraseBook::Default().For("zh"), "上一篇：新的车站"));
  EXPECT_TRUE(StartsWithTeaserLabel(PhraseBook::Default().For("en"), "Next post: A new station"));
  EXPECT_FALSE(StartsWithTeaserLabel(PhraseBook::Default().For("en"), "Next post-processing step: sort"));
  EXPECT_TRUE(IsCreditLine(de, "Foto: dpa"));
  EXPECT_TRUE(IsCreditLine(de, "© Jane Doe"));
  EXPECT_TRUE(IsCreditLine(PhraseBook::Default().For("zh"), "图片来源：新华社"));
  EXPECT_TRUE(IsCreditLine(PhraseBook::Default().For("zh"), "图片来源 | 视觉中国"));
  EXPECT_TRUE(IsCreditLine(de, "Foto | dpa"));
  EXPECT_FALSE(IsCreditLine(de, "Fotografie | Kurse am Samstag"));
  EXPECT_TRUE(IsCreditLine(PhraseBook::Default().For("pl"), "Fot. Jakub Nowak / Agencja"));
  EXPECT_FALSE(IsCreditLine(PhraseBook::Default().For("pl"), "Fotografia. To moja pasja"));
  EXPECT_FALSE(IsCreditLine(de, "Fotografie ist eine Kunst: so viel ist sicher"));
  // A label of 21 Thai letters is 63 bytes long, and a space comes before its colon.
  EXPECT_TRUE(StartsWithTeaserLabel(PhraseBook::Default().For("th"),
                                    "อ่านข่าวที่เกี่ยวข้อง : สะพานใหม่เปิดแล้ว"));
}

TEST(PhraseBookTest, LabelsEndInTheMarkTheirScriptTypesForAColon) {
  // A visarga ends a label, and only a label: it is also a letter.
  const PhraseSet bn = PhraseBook::Default().For("bn");
  EXPECT_TRUE(IsCreditLine(bn, "ছবিঃ সংগৃহীত"));
  EXPECT_TRUE(IsCreditLine(bn, "ছবি: সংগৃহীত"));
  EXPECT_TRUE(StartsWithTeaserLabel(bn, "আরও পড়ুনঃ নতুন স্টেশন চালু"));
  EXPECT_FALSE(IsCreditLine(bn, "ছবিটি দুঃখের কথা বলে"));
  EXPECT_FALSE(StartsWithTeaserLabel(bn, "আরও পড়ুন দুঃখের গল্প"));
  const PhraseSet hi = PhraseBook::Default().For("hi");
  EXPECT_TRUE(IsCreditLine(hi, "फोटोः पीटीआई"));
  EXPECT_TRUE(StartsWithTeaserLabel(hi, "ये भी पढ़ेंः नया पुल खुला"));
  EXPECT_FALSE(IsCreditLine(hi, "फोटो में दुःख साफ दिखता है"));
  EXPECT_TRUE(IsCreditLine(PhraseBook::Default().For("gu"), "તસવીરઃ પીટીઆઈ"));
  EXPECT_TRUE(IsCreditLine(PhraseBook::Default().For("as"), "ফটোঃ সংগৃহীত"));
  EXPECT_TRUE(IsCreditLine(PhraseBook::Default().For("or"), "ଫଟୋଃ ସମ୍ବାଦ"));
  // The colons of Ethiopic and Khmer, the Ethiopic wordspace and the Burmese
  // comma; Khmer's zero width space between words.
  const PhraseSet am = PhraseBook::Default().For("am");
  EXPECT_TRUE(IsCreditLine(am, "ፎቶ፦ ሮይተርስ"));
  EXPECT_TRUE(StartsWithTeaserLabel(am, "ይህንንም ያንብቡ፡ አዲስ ድልድይ ተከፈተ"));
  EXPECT_FALSE(IsCreditLine(am, "ዛሬ፡ ፎቶ ተነሳ"));
  const PhraseSet km = PhraseBook::Default().For("km");
  EXPECT_TRUE(IsCreditLine(km, "រូបភាព៖ AFP"));
  EXPECT_TRUE(StartsWithTeaserLabel(km, "អាន\u200Bផងដែរ ៖ ស្ពានថ្មីត្រូវបានបើក"));
  EXPECT_TRUE(IsCreditLine(PhraseBook::Default().For("my"), "ဓာတ်ပုံ၊ Getty Images"));
}

TEST(PhraseBookTest, ATeasersLabelMayEndInADashOrDots) {
  const PhraseSet de = PhraseBook::Default().For("de");
  EXPECT_TRUE(StartsWithTeaserLabel(PhraseBook::Default().For("hi"), "ये भी पढ़ें- नया पुल खुला"));
  EXPECT_TRUE(StartsWithTeaserLabel(de, "Lesen Sie auch – Der Streit um den Strompreis"));
  EXPECT_TRUE(StartsWithTeaserLabel(de, "Lesen Sie auch... Der Streit um den Strompreis"));
  // A mark between two letters joins them, inside a label or after one.
  EXPECT_TRUE(StartsWithTeaserLabel(PhraseBook::Default().For("kk"), "Сондай-ақ оқыңыз - Жаңа көпір"));
  EXPECT_FALSE(StartsWithTeaserLabel(de, "Lesen Sie-Auch eine neue Serie"));
  EXPECT_FALSE(StartsWithTeaserLabel(PhraseBook::Default().For("en"), "Next post-processing step"));
  // Picture credits keep the colon.
  EXPECT_FALSE(IsCreditLine(de, "Foto - dpa"));
}

TEST(PhraseBookTest, CaptionsEndingInTheirCredit) {
  const PhraseSet de = PhraseBook::Default().For("de");
  const PhraseSet ja = PhraseBook::Default().For("ja");
  EXPECT_TRUE(EndsWithCredit(de, "Der Hafen im Morgenlicht. (Foto: dpa)"));
  EXPECT_TRUE(EndsWithCredit(de, "Der Hafen im Morgenlicht (Symbolbild: Jane Doe/Agentur)  \n"));
  EXPECT_TRUE(EndsWithCredit(ja, "朝の港\xEF\xBC\x88写真：共同\xEF\xBC\x89"));
  EXPECT_TRUE(EndsWithCredit(ja, "朝の港（写真:共同）"));
  EXPECT_TRUE(EndsWithCredit(de, "Marco Odermatt, Ski-Star aus der Schweiz. \xC2\xA9 AFP / Marco Bertorello"));
  // A copyright sign that opens the line (IsCreditLine's), or that is not
  // near its end.
  EXPECT_FALSE(EndsWithCredit(de, "\xC2\xA9 AFP / Marco Bertorello"));
  EXPECT_FALSE(EndsWithCredit(de, "Der Text steht unter \xC2\xA9 der Stadt, die ihn für die Anwohner "
                                  "geschrieben hat und den Zeitungen überlässt."));
  // Parentheses that are not a credit, or a credit that does not end the line.
  EXPECT_FALSE(EndsWithCredit(de, "Der Hafen liegt am Fluss (siehe Karte: Seite 5)"));
  EXPECT_FALSE(EndsWithCredit(de, "Der Hafen (Foto: dpa) im Morgenlicht"));
  EXPECT_FALSE(EndsWithCredit(de, "Der Hafen im Morgenlicht (dpa)"));
  EXPECT_FALSE(EndsWithCredit(de, "Foto: dpa)"));
  EXPECT_FALSE(EndsWithCredit(de, ")"));
  EXPECT_FALSE(EndsWithCredit(de, ""));
}

// utf8proc's fold of a whole text: what CaseFold must give.
std::string Utf8procFold(const std::string& text) {
  utf8proc_uint8_t* folded = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                          static_cast<utf8proc_ssize_t>(text.size()), &folded,
                                          static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                                         UTF8PROC_COMPAT | UTF8PROC_CASEFOLD));
  std::string out = n < 0 ? std::string("<error>") : std::string(reinterpret_cast<char*>(folded), n);
  std::free(folded);
  return out;
}

std::string Utf8(char32_t c) {
  utf8proc_uint8_t b[4];
  const utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), b);
  return std::string(reinterpret_cast<char*>(b), static_cast<size_t>(n));
}

// CaseFold folds Latin, Greek and Cyrillic text, and General Punctuation,
// code point by code point; that must equal folding the text whole, for
// every pair of code points of those blocks (combining marks among them),
// and for texts that mix them with code points of other scripts.
TEST(PhraseBookTest, CaseFoldEqualsFoldingTheWholeText) {
  std::vector<std::string> cps;
  for (char32_t c = 0x20; c < 0x530; ++c) {
    if (c >= 0x7F && c < 0xA0) continue;
    cps.push_back(Utf8(c));
  }
  for (char32_t c = 0x2000; c < 0x2070; ++c) cps.push_back(Utf8(c));
  for (const std::string& a : cps) {
    for (const std::string& b : cps) {
      const std::string ab = a + b;
      ASSERT_EQ(CaseFold(ab), Utf8procFold(ab)) << ab;
    }
  }
  for (const std::string text : {"Das könnte Sie auch interessieren", "ÄHNLICHE ARTIKEL", "Straße",
                                 "İstanbul", "ΣΧΕΤΙΚΑ ΑΡΘΡΑ", "Читайте также", "ﬁnal ①", "e\xCC\x81t\xC3\xA9",
                                 "관련 기사", "相关文章", "x\xff", "Don\u2019t miss\u2026", "\u201cQuote\u201d \u2014 \u2033",
                                 "Ａ\u2019"}) {
    EXPECT_EQ(CaseFold(text), text == std::string("x\xff") ? std::string("x\xff") : Utf8procFold(text)) << text;
  }
}

TEST(PhraseBookTest, TheQuickTestBeforeFoldingNeverSaysNoToAPhrase) {
  const PhraseBook book(Files{{"xx", "[labels]\nLorem ipsum\n# comments\n\u00c9dition\n"}});
  ASSERT_TRUE(book.status().ok()) << book.status().ToString();
  const PhraseSet xx = book.For("xx");
  // It may say yes to a text that folds to none ("Later"); never no to one
  // that folds to a phrase: leading marks, case, a count, a letter beyond
  // ASCII.
  for (const char* text : {"  \u00bb LOREM ipsum dolor", "12 Comments", "\u00e9dition du soir"}) {
    EXPECT_TRUE(xx.MayOpenWith(PhraseClass::kLabel, text)) << text;
  }
  EXPECT_FALSE(xx.MayOpenWith(PhraseClass::kLabel, "- Other text"));
  EXPECT_FALSE(xx.MayOpenWith(PhraseClass::kTeaserLabel, "Lorem ipsum"));
  EXPECT_FALSE(xx.MayOpenWith(PhraseClass::kLabel, " ... "));
}

// StartsWith gives up at the first prefix that opens no phrase; a phrase of
// several words is still found through the prefixes that open it, and a
// count before a phrase ("12 comments") still is, though "12" opens none.
TEST(PhraseBookTest, APhraseIsFoundAtTheStartThroughEveryPrefixThatOpensIt) {
  const PhraseBook book(Files{{"xx", "[related_headings]\nMore from our readers\nComments\n相关文章\n"}});
  ASSERT_TRUE(book.status().ok()) << book.status().ToString();
  const PhraseSet xx = book.For("xx");
  const auto starts = [&](std::string_view text) {
    return xx.StartsWith(PhraseClass::kRelatedHeading, FoldPhrase(text));
  };
  EXPECT_TRUE(starts("More from our readers this week"));
  EXPECT_TRUE(starts("More from our readers: letters"));
  EXPECT_FALSE(starts("More from our reader"));
  EXPECT_FALSE(starts("More of our readers this week"));
  EXPECT_TRUE(starts("12 Comments on this story"));
  EXPECT_TRUE(starts("(3) comments"));
  EXPECT_FALSE(starts("12 readers commented"));
  EXPECT_TRUE(starts("相关文章推荐"));
  EXPECT_FALSE(starts("相关新闻"));
}

}  // namespace
}  // namespace corpus

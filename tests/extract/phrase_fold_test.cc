// Folding a short text for comparison with phrases (phrase_fold.h): case,
// spacing, decoration, and the letters sites write for one another.
#include "corpus/extract/phrase_fold.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace corpus {
namespace {

TEST(PhraseFoldTest, FoldIgnoresCaseSpacingAndDecoration) {
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

TEST(PhraseFoldTest, FoldJoinsLettersSitesWriteOneForAnother) {
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
TEST(PhraseFoldTest, CaseFoldEqualsFoldingTheWholeText) {
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

}  // namespace
}  // namespace corpus

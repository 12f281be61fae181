// The one word splitter: space-delimited scripts as TokenizeWords, scripts
// without spaces through ICU's dictionaries.
#include "corpus/text/word_segmenter.h"

#include "corpus/text/cjk_dictionary.h"

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/uversion.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <memory>

#include <string>
#include <thread>
#include <vector>

namespace corpus {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<Word> words;
  SegmentWords(text, &words);
  std::vector<std::string> out;
  for (const Word& w : words) out.emplace_back(w.text);
  return out;
}

TEST(WordSegmenterTest, SpaceDelimitedTextIsTokenizeWords) {
  const std::string text = "Hello, world! Ein schöner Tag -- \"quoted\" 42.\nNew line: ok";
  std::vector<Word> expected, got;
  TokenizeWords(text, &expected);
  SegmentWords(text, &got);
  ASSERT_EQ(got.size(), expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].text, expected[i].text);
    EXPECT_EQ(got[i].chars, expected[i].chars);
    EXPECT_EQ(got[i].has_letter, expected[i].has_letter);
  }
}

TEST(WordSegmenterTest, ChineseIsSplitIntoDictionaryWords) {
  const auto words = Words("我们今天去北京大学看书。");
  // A sentence of 11 characters is several words, none of them punctuation.
  EXPECT_GE(words.size(), 4u);
  EXPECT_LE(words.size(), 9u);
  std::string joined;
  for (const auto& w : words) {
    EXPECT_EQ(w.find("。"), std::string::npos);
    joined += w;
  }
  EXPECT_EQ(joined, "我们今天去北京大学看书");
}

TEST(WordSegmenterTest, JapaneseAndThaiAreSplit) {
  EXPECT_GE(Words("東京都に住んでいます").size(), 3u);
  // "I like to eat Thai food" in Thai, written without spaces.
  EXPECT_GE(Words("ฉันชอบกินอาหารไทย").size(), 3u);
}

TEST(WordSegmenterTest, MixedTokenKeepsLatinPart) {
  const auto words = Words("新款iPhone手机 price");
  ASSERT_FALSE(words.empty());
  EXPECT_NE(std::find(words.begin(), words.end(), "iPhone"), words.end());
  EXPECT_EQ(words.back(), "price");
}

TEST(WordSegmenterTest, CountsCharsAndLetters) {
  std::vector<Word> words;
  SegmentWords("北京 2024年", &words);
  ASSERT_FALSE(words.empty());
  EXPECT_EQ(words[0].text, "北京");
  EXPECT_EQ(words[0].chars, 2u);
  EXPECT_TRUE(words[0].has_letter);
}

TEST(WordSegmenterTest, InvalidUtf8AndControlsDoNotCrash) {
  std::string text = "中文\xff\xfe测试\x01\x02 abc \xe4\xb8";
  text += std::string(1, '\0') + "日本語";
  std::vector<Word> words;
  SegmentWords(text, &words);
  for (const Word& w : words) {
    EXPECT_GE(w.text.data(), text.data());
    EXPECT_LE(w.text.data() + w.text.size(), text.data() + text.size());
  }
  EXPECT_FALSE(words.empty());
}

TEST(WordSegmenterTest, LineTokensAsTokenizeWords) {
  const std::string text = "一行 两个\n三\n";
  std::vector<Word> words;
  std::vector<uint32_t> lines, expected_lines;
  std::vector<Word> unused;
  SegmentWords(text, &words, &lines);
  TokenizeWords(text, &unused, &expected_lines);
  EXPECT_EQ(lines, expected_lines);
}

TEST(WordSegmenterTest, OnePerThread) {
  std::vector<std::thread> threads;
  std::vector<size_t> counts(4);
  for (size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&counts, t] {
      std::vector<Word> words;
      for (int i = 0; i < 200; ++i) SegmentWords("我们今天去北京大学看书。 and more", &words);
      counts[t] = words.size();
    });
  }
  for (auto& th : threads) th.join();
  for (size_t c : counts) EXPECT_EQ(c, counts[0]);
}

TEST(WordSegmenterTest, HasNonSpacingScript) {
  EXPECT_TRUE(HasNonSpacingScript("abc中"));
  EXPECT_TRUE(HasNonSpacingScript("ไทย"));
  EXPECT_FALSE(HasNonSpacingScript("Привет"));
  EXPECT_FALSE(HasNonSpacingScript("한국어"));  // Korean is written with spaces
  EXPECT_FALSE(HasNonSpacingScript(""));
}

// Random text over the cases the fast paths must get right: ASCII, Latin,
// Cyrillic and Korean words, Chinese, kana (with the punctuation 「・」 of the
// kana block), characters beyond U+FFFF (two UTF-16 units), Thai, spaces of
// several kinds, line breaks, and invalid or truncated UTF-8.
// The next value of a xorshift generator (fixed seeds, same texts each run).
uint64_t XorShift(uint64_t* state) {
  *state ^= *state << 13;
  *state ^= *state >> 7;
  *state ^= *state << 17;
  return *state;
}

std::string RandomMixedText(uint32_t seed, size_t pieces) {
  static const char* const kPieces[] = {
      "word", "The", "quick,", "(brown)", "fox.", "café", "naïve", "Привет", "мир!", "한국어", "中文", "我们今天去北京大学看书",
      "。", "東京都に住んでいます", "カタカナ", "・", "ー", "ฉันชอบกินอาหารไทย", "iPhone手机", "2024年", "“quoted”", "𠀋𡈽中文😀語",
      "\xe4\xb8", "\xff", "\xe4", "\xf0\x9f\x98\x80", "\xc3", " ", " ", " ", "\u3000", "\n", "\n\n", "\t", "-"};
  constexpr size_t kCount = sizeof(kPieces) / sizeof(kPieces[0]);
  uint64_t state = seed * 0x9E3779B97F4A7C15ULL + 1;
  std::string text;
  for (size_t i = 0; i < pieces; ++i) {
    XorShift(&state);
    text += kPieces[state % kCount];
    if (state % 3 == 0) text += ' ';
  }
  return text;
}

// What FindNonSpacingScript means, one code point at a time.
size_t FindNonSpacingScriptSlowly(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    if (IsNonSpacingScript(NextCodePoint(text, &i))) return at;
  }
  return std::string_view::npos;
}

TEST(WordSegmenterTest, FindNonSpacingScriptDecodesAsTheTokenizer) {
  for (uint32_t seed = 0; seed < 500; ++seed) {
    const std::string text = RandomMixedText(seed, 1 + seed % 40);
    EXPECT_EQ(FindNonSpacingScript(text), FindNonSpacingScriptSlowly(text)) << text;
  }
  EXPECT_EQ(FindNonSpacingScript("abcdefghijklmnop中"), 16u);  // past two 8-byte blocks
  EXPECT_EQ(FindNonSpacingScript("abcdefgh"), std::string_view::npos);
}

// The word pieces ICU's word break iterator finds in `token` read over its
// UTF-8 bytes (the segmenter hands well-formed tokens over as UTF-16).
std::vector<std::string_view> IcuWordsOverUtf8(std::string_view token) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  UText* ut = utext_openUTF8(nullptr, token.data(), static_cast<int64_t>(token.size()), &status);
  it->setText(ut, status);
  std::vector<std::string_view> out;
  int32_t begin = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; begin = end, end = it->next()) {
    if (it->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) out.push_back(token.substr(begin, end - begin));
  }
  utext_close(ut);
  return out;
}

// Segment is, by definition, each whitespace token of TokenizeWords that
// holds a non-spacing script split on its own by the dictionary; the fast
// scan that skips to the first such token and the UTF-16 hand-over must not
// change that.
TEST(WordSegmenterTest, SegmentIsTokenByToken) {
  for (uint32_t seed = 0; seed < 300; ++seed) {
    const std::string text = RandomMixedText(seed, 1 + seed % 60);
    std::vector<Word> tokens, got, expected, split;
    std::vector<uint32_t> got_lines, expected_lines;
    TokenizeWords(text, &tokens, &expected_lines);
    for (const Word& t : tokens) {
      if (FindNonSpacingScriptSlowly(t.text) == std::string_view::npos) {
        expected.push_back(t);
        continue;
      }
      for (std::string_view piece : IcuWordsOverUtf8(t.text)) {
        SegmentWords(piece, &split);  // a piece's own chars and letters, as one word
        ASSERT_EQ(split.size(), 1u) << piece;
        expected.push_back(split[0]);
      }
    }
    SegmentWords(text, &got, &got_lines);
    EXPECT_EQ(got_lines, expected_lines);
    ASSERT_EQ(got.size(), expected.size()) << text;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].text.data(), expected[i].text.data()) << text;
      EXPECT_EQ(got[i].text.size(), expected[i].text.size()) << text;
      EXPECT_EQ(got[i].chars, expected[i].chars);
      EXPECT_EQ(got[i].has_letter, expected[i].has_letter);
    }
  }
}

// The words Segment would give if every token were split by ICU's word break
// iterator alone (UTF-16, one iterator for the whole test, warmed with Han
// text so its Han/Kana engine is loaded as in any run past its first page).
std::vector<std::string> IcuWords(std::string_view text) {
  static icu::BreakIterator* const it = [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::BreakIterator* bi = icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status);
    bi->setText(icu::UnicodeString::fromUTF8("中文"));
    while (bi->next() != icu::BreakIterator::DONE) {
    }
    return bi;
  }();
  std::vector<Word> tokens;
  TokenizeWords(text, &tokens);
  std::vector<std::string> out;
  for (const Word& t : tokens) {
    if (!HasNonSpacingScript(t.text)) {
      out.emplace_back(t.text);
      continue;
    }
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(t.text);
    it->setText(u);
    int32_t begin = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; begin = end, end = it->next()) {
      if (it->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
      std::string piece;
      u.tempSubStringBetween(begin, end).toUTF8String(piece);
      out.push_back(piece);
    }
  }
  return out;
}

// Segment's words equal ICU's, word by word, and each carries its own
// character count and letter flag.
void ExpectIcuWords(std::string_view text) {
  std::vector<Word> got;
  SegmentWords(text, &got);
  std::vector<std::string> got_text;
  for (const Word& w : got) {
    got_text.emplace_back(w.text);
    EXPECT_EQ(w.chars, CountCodePoints(w.text)) << w.text;
  }
  EXPECT_EQ(got_text, IcuWords(text)) << text;
}

TEST(WordSegmenterTest, CjkRunsSplitAsIcu) {
  // The own engine is ICU 72's; with another ICU it is off (and the words
  // are ICU's by construction).
  UVersionInfo icu;
  u_getVersion(icu);
  if (icu[0] == 72) {
    ASSERT_NE(CjkDictionary::Get(), nullptr);
  }
  const char* const kTexts[] = {
      // Plain Chinese and Japanese, with the punctuation between runs.
      "我们今天去北京大学看书。", "中华人民共和国成立于一九四九年十月一日。", "东京都に住んでいます", "東京都に住んでいます。",
      "他说：「你好！」然后走了，（我不知道）为什么？", "日本語の文章を、単語に分けます。「テスト」です！",
      "これは、とても長い文章で、辞書にない言葉も含まれています…まあ、いいでしょう。",
      // Katakana runs of every length up to and past 20, with the long mark.
      "コンピューター", "コンピューターシステムエンジニアリング", "アイウエオカキクケコサシスセソタチツテトナニヌネノ",
      "ア", "アイ", "アイウ", "アイウエ", "アイウエオ", "アイウエオカ", "アイウエオカキ", "アイウエオカキク", "アイウエオカキクケ",
      "アイウエオカキクケコサシスセソタチツテ", "アイウエオカキクケコサシスセソタチツテト", "ヴァイオリンとヶ月", "ー長音から",
      "漢字ーカタカナー", "ｰから始まる",
      // Long runs without punctuation (more than 20 characters, words near 20 units).
      "中华人民共和国全国人民代表大会常务委员会关于修改中华人民共和国环境保护法的决定",
      "国際連合教育科学文化機関世界遺産委員会日本国政府代表部特命全権大使",
      // Characters no dictionary word holds, iteration marks, rare Han.
      "人々は時々々", "〆切", "〇〇年", "丌丏丒丟丠両丢", "鿐鿑鿒", "ゝゞヽヾ", "゛゜゠", "ヷヸヹヺ・ヿ",
      // Surrogate pairs: CJK extension B and later.
      "𠀋𡈽中文", "𠮷野家で食べた", "𪚲𪚳𪚴", "中𠀀文𠀁字𠀂", "𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉𠀊𠀋𠀌𠀍𠀎𠀏𠀐𠀑𠀒𠀓𠀔",
      // Forms ICU's engine normalises (NFKC) first: half-width Katakana,
      // compatibility ideographs, squared words, voiced marks.
      "ｶﾀｶﾅ", "ﾃﾞｰﾀﾍﾞｰｽ", "豈更車賈", "㈱東京", "㌔メートル", "か\u3099き\u309A", "ハ\uFF9Fン",
      // Mixed with Latin, digits, fullwidth forms, symbols, emoji, joiners.
      "iPhone手机", "新款iPhone手机", "2024年10月", "第３章", "ＡＢＣ株式会社", "Ｗｉｎｄｏｗｓ用ソフト", "C++言語",
      "東京_大阪", "カタ_カナ", "カナ＿カナ", "東京.大阪", "東京:大阪", "東京'大阪", "カナ'カナ", "株式会社@example",
      "中文😀语言", "中文\u200D😀", "中\uFE0F文", "中\u200B文", "東京\u00ADタワー", "日本🇯🇵語", "中文한국어", "中文ไทย",
      "中文\u3000日本", "中。", "。中", "。。中文。。", "「」", "中", "中文", "（中文）", "中-文", "中—文", "中~文",
  };
  for (const char* t : kTexts) ExpectIcuWords(t);
}

TEST(WordSegmenterTest, RandomCjkTextSplitsAsIcu) {
  // Words of the dictionary, pieces of them, punctuation, and the
  // characters the engine must leave to ICU, drawn at random.
  static const char* const kPieces[] = {
      "中国", "北京", "大学", "我们", "今天", "的", "是", "在", "了", "人民", "共和国", "政府", "经济", "发展", "社会", "主义",
      "東京", "日本", "会社", "です", "ます", "した", "って", "は", "が", "を", "に", "の", "で", "と", "から", "まで",
      "コンピュータ", "ー", "データ", "ベース", "サーバ", "ア", "カ", "ン", "ッ", "ヴ", "ヶ", "・", "ｶﾀ", "ｰ", "ﾞ",
      "。", "，", "、", "「", "」", "！", "？", "（", "）", "：", "；", "…", "—", "～", "《", "》", "〈", "〉", "·",
      ".", ",", "'", "_", "-", ":", "!", "(", ")", "/", "@", "\"", "a", "Z", "x1", "7", "２", "Ａ",
      "々", "〆", "〇", "ゝ", "ヽ", "゛", "゠", "𠀀", "𠮷", "豈", "㈱", "\u3099", "\uFE0F", "\u200D", "\u00AD", "😀", "한",
      "ก", "\u3000", "語", "言", "葉", "文", "字", "書", "長", "い", "ら", "れ", "る", "な", "く", "て", "よ",
  };
  constexpr size_t kCount = sizeof(kPieces) / sizeof(kPieces[0]);
  uint64_t state = 0x2545F4914F6CDD1DULL;
  const auto next = [&state] { return XorShift(&state); };
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    const size_t pieces = 1 + next() % 40;
    for (size_t i = 0; i < pieces; ++i) text += kPieces[next() % kCount];
    ExpectIcuWords(text);
    if (HasFailure()) break;
  }
}

TEST(WordSegmenterTest, RandomCjkCharactersSplitAsIcu) {
  // Runs of characters drawn one by one from common Chinese and Japanese
  // text and Katakana, where the dictionary's costs, the unknown-character
  // cost and the Katakana run costs decide between competing splits.
  const std::u32string kPools[] = {
      U"的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切",
      U"日本語東京都大阪会社私今年月時間学生先生電話車駅出入口上下左右前後何人食飲見聞話読書行来帰休買売言思知分使作持待住働勉強教習始終開閉立座歩走乗降着脱洗浴寝起遊泳歌踊弾描撮送届返借貸払探選決変続止守呼願祈祝誘違困喜怒悲楽痛疲驚笑泣怖恥悩迷あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをんがぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽっゃゅょ",
      U"アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポッャュョァィゥェォヴーヵヶ",
      U"中文日本語テストデータベースコンピューター、。「」！？（）…・ー々〆〇ゝヽ𠀀𠮷",
  };
  uint64_t state = 0x9E3779B97F4A7C15ULL;
  const auto next = [&state] { return XorShift(&state); };
  for (int round = 0; round < 20000; ++round) {
    const std::u32string& pool = kPools[round % std::size(kPools)];
    std::string text;
    const size_t n = 1 + next() % 48;
    for (size_t i = 0; i < n; ++i) AppendUtf8(pool[next() % pool.size()], &text);
    ExpectIcuWords(text);
    if (HasFailure()) break;
  }
}

TEST(WordSegmenterTest, CjkDictionaryCharacterClasses) {
  if (CjkDictionary::Get() == nullptr) GTEST_SKIP() << "not ICU 72: the own engine is off";
  const CjkDictionary& dict = *CjkDictionary::Get();
  // Han, Kana and the long mark may be inside a run; only Han and Kana may
  // start one; half-width voiced marks are Extend to the word rules.
  EXPECT_EQ(dict.ClassOf(U'中') & (CjkDictionary::kRun | CjkDictionary::kRunStart), 3);
  EXPECT_EQ(dict.ClassOf(U'カ') & (CjkDictionary::kRun | CjkDictionary::kRunStart), 3);
  EXPECT_EQ(dict.ClassOf(U'ー') & (CjkDictionary::kRun | CjkDictionary::kRunStart), CjkDictionary::kRun);
  EXPECT_EQ(dict.ClassOf(0xFF9E) & CjkDictionary::kRun, 0);
  EXPECT_EQ(dict.ClassOf(0x20000) & CjkDictionary::kRunStart, CjkDictionary::kRunStart);
  EXPECT_EQ(dict.ClassOf(0xF900) & CjkDictionary::kRun, 0);  // not NFKC
  // Punctuation breaks a run; letters, digits, joiners and Katakana marks
  // outside the engine's set may join it, so they do not.
  EXPECT_NE(dict.ClassOf(U'。') & CjkDictionary::kBreaksRun, 0);
  EXPECT_NE(dict.ClassOf(U'a') & CjkDictionary::kBreaksRun, 0);
  EXPECT_EQ(dict.ClassOf(U'_') & CjkDictionary::kBreaksRun, 0);
  EXPECT_EQ(dict.ClassOf(0x200D) & CjkDictionary::kBreaksRun, 0);
  EXPECT_EQ(dict.ClassOf(0x309B) & CjkDictionary::kBreaksRun, 0);
  EXPECT_EQ(dict.ClassOf(U'한') & CjkDictionary::kBreaksRun, 0);
  // Separators: punctuation ICU splits off as no word between runs. "@" is
  // punctuation to Unicode but a letter to ICU's word rules.
  for (char32_t c : {U'。', U'，', U'、', U'「', U'」', U'！', U'？', U'：', U'.', U','}) {
    EXPECT_NE(dict.ClassOf(c) & CjkDictionary::kSeparator, 0) << static_cast<uint32_t>(c);
  }
  for (char32_t c : {U'@', U'_', U'a', U'1', U'中', U'‼', U'\u3000'}) {
    EXPECT_EQ(dict.ClassOf(c) & CjkDictionary::kSeparator, 0) << static_cast<uint32_t>(c);
  }
}

TEST(WordSegmenterTest, RunsBetweenSeparatorsSplitAsIcu) {
  // Tokens of runs with one separator between each two (the engine's words
  // only), and their near misses (two separators in a row, a one-character
  // piece, "@"), which go through ICU's iterator.
  for (const char* text : {"经济，发展。社会主义", "日本語の文章を、単語に分けます", "北京「大学」图书馆", "中国,日本.韩国",
                           "经济，，发展", "经济，是，发展", "经济@发展", "。经济，发展", "カタカナ、ひらがな：漢字",
                           "中々.々中", "人々、々木", "データー．ベース", "ひらがな'ひらがな", "漢字:漢字"}) {
    ExpectIcuWords(text);
  }
}

}  // namespace
}  // namespace corpus

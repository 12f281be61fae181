// The learned block model: its file format, the features it reads on pages
// in several languages and scripts, and its pass over the selected content.
#include "corpus/extract/block_model.h"

#include <gtest/gtest.h>
#include <gumbo.h>

#include <cmath>
#include <string>
#include <vector>

#include "corpus/extract/dom_text.h"
#include "corpus/extract/extractor.h"
#include "corpus/util/ascii.h"
#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::Has;

std::string FeatureLine() {
  std::string line = "features";
  for (std::string_view name : BlockFeatureNames()) line += " " + std::string(name);
  return line + "\n";
}

// A model of one tree: blocks with more than half their text in links get
// -4 (probability 0.018), others +4 (0.982).
// With `prose_only`, it acts on articles only.
std::string LinkModel(double max_drop_share, bool prose_only = false) {
  return "corpus-block-model 1\n# a comment\n" + FeatureLine() +
         "base 0\ndrop_below 0.5\nmin_blocks 3\nmax_drop_share " + std::to_string(max_drop_share) +
         (prose_only ? "\nprose_pages_only 1" : "") +
         "\ntree 3\n" + std::to_string(kBfLinkDensity) +
         " 0.5 1 2 0\n-1 0 0 0 4\n-1 0 0 0 -4\n";
}

// The blocks of a page's selected content, as the extractor sees them.
std::vector<BlockTrace> Blocks(const std::string& html, std::string_view language = {}) {
  std::vector<BlockTrace> blocks;
  ExtractOptions options;
  options.block_model = false;
  ExtractMainContent(html, "", options, language, &blocks);
  return blocks;
}

const BlockTrace* Find(const std::vector<BlockTrace>& blocks, const std::string& text) {
  for (const BlockTrace& b : blocks) {
    if (Has(b.text, text)) return &b;
  }
  return nullptr;
}

// `count` paragraphs of `para`, each opened by a different word of
// `openers` (identical copies would be dropped as duplicates).
std::string Story(const std::string& para, int count,
                  const std::vector<std::string>& openers = {"First", "Then", "Later", "Now"}) {
  std::string out;
  for (int i = 0; i < count; ++i) out += "<p>" + openers[i % openers.size()] + " " + para + "</p>";
  return out;
}

// Non-space characters (UTF-8 sequences) of `s`.
size_t Chars(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += c != ' ' && (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

double ShareSum(const std::vector<BlockTrace>& blocks) {
  double sum = 0;
  for (const BlockTrace& b : blocks) sum += b.x[kBfShareOfContent];
  return sum;
}

TEST(BlockModelTest, TheEmbeddedModelLoads) {
  BlockModel model;
  ASSERT_TRUE(BlockModel::Parse(kEmbeddedBlockModel, &model).ok());
  EXPECT_FALSE(model.empty());
  EXPECT_GT(model.tree_count(), 10u);
  EXPECT_GT(model.drop_below(), 0.0);
  EXPECT_LT(model.drop_below(), 1.0);
  EXPECT_EQ(model.digest().size(), 64u);
  EXPECT_EQ(BlockModel::Default().digest(), model.digest());
  // On by default, on articles only (BENCHMARKS.md, "Learned block model, third look").
  EXPECT_TRUE(model.prose_pages_only());
  EXPECT_TRUE(ExtractOptions().block_model);
  // The version's digest covers the model (phrase_book_test.cc checks how).
  EXPECT_NE(ExtractorVersion().find('-'), std::string::npos);
}

TEST(BlockModelTest, AHandWrittenModelScoresAsWritten) {
  BlockModel model;
  ASSERT_TRUE(BlockModel::Parse(LinkModel(0.5), &model).ok());
  std::array<float, kBlockFeatureCount> x{};
  x[kBfLinkDensity] = 0.9f;
  EXPECT_NEAR(model.MainProbability(x), 1 / (1 + std::exp(4.0)), 1e-9);
  x[kBfLinkDensity] = 0.5f;  // the bound goes left
  EXPECT_NEAR(model.MainProbability(x), 1 / (1 + std::exp(-4.0)), 1e-9);
}

TEST(BlockModelTest, BrokenFilesAreRefusedWithTheirLine) {
  BlockModel model;
  Status s = BlockModel::Parse("corpus-block-model 2\n", &model);
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(Has(s.message(), "line 1")) << s.message();

  std::string renamed = LinkModel(0.5);
  renamed.replace(renamed.find("link_density"), 12, "link_dansity");
  s = BlockModel::Parse(renamed, &model);
  EXPECT_FALSE(s.ok());
  EXPECT_TRUE(Has(s.message(), "line 3")) << s.message();
  EXPECT_TRUE(Has(s.message(), "link_dansity")) << s.message();

  std::string cyclic = LinkModel(0.5);
  cyclic.replace(cyclic.find(" 0.5 1 2 0"), 10, " 0.5 0 2 0");  // a child before its parent
  EXPECT_FALSE(BlockModel::Parse(cyclic, &model).ok());
  EXPECT_TRUE(model.empty());

  std::string flag = LinkModel(0.5, true);
  flag.replace(flag.find("prose_pages_only 1"), 18, "prose_pages_only 2");
  s = BlockModel::Parse(flag, &model);
  EXPECT_TRUE(Has(s.message(), "expected 0 or 1")) << s.message();

  std::string cut = LinkModel(0.5);
  cut.resize(cut.rfind("-1 0 0 0 -4"));
  s = BlockModel::Parse(cut, &model);
  EXPECT_TRUE(Has(s.message(), "cut short")) << s.message();
}

TEST(BlockModelTest, FeaturesOfAnEnglishArticle) {
  const std::string para =
      "the council met on Tuesday and agreed, after a long debate, to rebuild the old "
      "bridge over the river by 2027.";
  const auto blocks = Blocks("<html lang=en><body><nav><a href=/>Home</a></nav><article>"
                             "<h1>Bridge to be rebuilt</h1>" +
                             Story(para, 4) +
                             "<ul><li><a href=/a>Other news</a></li><li><a href=/b>More news</a>"
                             "</li></ul></article></body></html>");
  const BlockTrace* heading = Find(blocks, "Bridge to be rebuilt");
  const BlockTrace* prose = Find(blocks, "First the council met");
  ASSERT_TRUE(heading && prose);
  EXPECT_EQ(heading->x[kBfTagHeading], 1.0f);
  EXPECT_EQ(heading->x[kBfEndsSentence], 0.0f);
  EXPECT_EQ(heading->x[kBfBeforeFirstProse], 0.0f);  // 111 bytes: no prose block here
  EXPECT_EQ(prose->x[kBfTagP], 1.0f);
  EXPECT_EQ(prose->x[kBfEndsSentence], 1.0f);
  EXPECT_EQ(prose->x[kBfLinkDensity], 0.0f);
  EXPECT_NEAR(prose->x[kBfDigitShare], 4.0 / Chars("First " + para), 1e-6);  // "2027"
  size_t letters = 0;
  for (char c : "First " + para) letters += IsAsciiAlpha(c);
  EXPECT_NEAR(prose->x[kBfUpperShare], 2.0 / letters, 1e-6);  // "F" and "T"
  EXPECT_EQ(prose->x[kBfLogClassRepeat], 0.0f);
  EXPECT_EQ(prose->x[kBfInMainHint], 1.0f);
  if (const BlockTrace* link = Find(blocks, "Other news")) {  // unless the rules dropped the list
    EXPECT_EQ(link->x[kBfTagLi], 1.0f);
    EXPECT_EQ(link->x[kBfWholeLink], 1.0f);
    EXPECT_EQ(link->x[kBfInList], 1.0f);
  }
  EXPECT_NEAR(ShareSum(blocks), 1.0, 1e-5);
}

TEST(BlockModelTest, FeaturesOfAGermanArticle) {
  const std::string para =
      "hat der Gemeinderat am Dienstag nach langer Debatte beschlossen, die alte Brücke über "
      "den Fluss bis zum Jahr 2027 neu zu bauen. Die Kosten trägt zur Hälfte das Land, der Rest "
      "kommt aus dem Haushalt der Stadt, die dafür andere Vorhaben verschiebt.";
  const auto blocks = Blocks("<html lang=de><body><main><h1>Neue Brücke</h1>" +
                             Story(para, 3) +
                             "<p>Lesen Sie auch: Der Streit um den Strompreis</p>"
                             "<p class=credit>Foto: dpa</p></main></body></html>");
  const BlockTrace* prose = Find(blocks, "hat der Gemeinderat");
  const BlockTrace* teaser = Find(blocks, "Lesen Sie auch");
  ASSERT_TRUE(prose);
  EXPECT_EQ(prose->x[kBfIsProse], 1.0f);
  EXPECT_EQ(prose->x[kBfEndsSentence], 1.0f);
  EXPECT_GT(prose->x[kBfPunctPer100], 1.0f);
  if (teaser) {  // the hand rules may have left it out already
    EXPECT_EQ(teaser->x[kBfPhraseTeaser], 1.0f);
    EXPECT_EQ(teaser->x[kBfAfterLastProse], 1.0f);
  }
  for (const BlockTrace& b : blocks) EXPECT_EQ(b.x[kBfPageProse], 1.0f);
}

TEST(BlockModelTest, StructuralFeaturesAroundTheBlock) {
  const std::string para =
      "the council met on Tuesday and agreed, after a long debate, to rebuild the old "
      "bridge over the river by 2027; the work starts in spring.";
  const auto blocks = Blocks(
      "<html lang=en><head><title>Bridge to be rebuilt - Town News</title></head><body>"
      "<nav><p>Subscribe to the newsletter</p></nav><article><p>Filed under town news</p>"
      "<h1>Bridge to be rebuilt</h1>" +
      Story(para, 4) + "<p>First " + para + " " + para +
      "</p><p>Subscribe to the newsletter</p>"
      "<p>The plan, <a href=/a>drawn up</a> by <a href=/b>the engineers</a> and approved by "
      "<a href=/c>the mayor</a>, took two years of work on both banks of the river.</p>"
      "</article></body></html>");
  const BlockTrace* before = Find(blocks, "Filed under");
  const BlockTrace* heading = Find(blocks, "Bridge to be rebuilt");
  const BlockTrace* longest = Find(blocks, "First the council met on Tuesday and agreed, after a "
                                           "long debate, to rebuild the old bridge over the river "
                                           "by 2027; the work starts in spring. the");
  const BlockTrace* repeated = Find(blocks, "Subscribe to the newsletter");
  const BlockTrace* links = Find(blocks, "The plan, drawn up");
  ASSERT_TRUE(before && heading && longest && links);
  EXPECT_EQ(before->x[kBfSideOfH1], -1.0f);
  EXPECT_EQ(heading->x[kBfSideOfH1], 0.0f);  // the <h1> itself
  EXPECT_EQ(longest->x[kBfSideOfH1], 1.0f);
  EXPECT_EQ(heading->x[kBfInTitle], 1.0f);  // part of <title>
  EXPECT_EQ(before->x[kBfInTitle], 0.0f);
  EXPECT_EQ(longest->x[kBfFromLongest], 0.0f);
  EXPECT_LT(heading->x[kBfFromLongest], 0.0f);
  EXPECT_GT(links->x[kBfFromLongest], 0.0f);
  EXPECT_EQ(links->x[kBfLogAnchors], static_cast<float>(std::log1p(3.0)));
  EXPECT_EQ(longest->x[kBfLogAnchors], 0.0f);
  // Five story paragraphs share tag, parent and (no) class; the heading is alone.
  EXPECT_GE(longest->x[kBfLogSameShape], static_cast<float>(std::log1p(5.0)));
  EXPECT_EQ(heading->x[kBfLogSameShape], static_cast<float>(std::log1p(1.0)));
  EXPECT_GT(longest->x[kBfLogSentenceMarks], heading->x[kBfLogSentenceMarks]);
  // Two blocks back and ahead: the neighbours of the neighbours.
  EXPECT_EQ(heading->x[kBfNext2LogBytes], Find(blocks, "Then the council")->x[kBfLogBytes]);
  EXPECT_EQ(before->x[kBfPrev2LogBytes], 0.0f);  // none
  EXPECT_EQ(links->x[kBfPrevEndsSentence], 0.0f);  // "Subscribe to the newsletter"
  EXPECT_EQ(heading->x[kBfNextEndsSentence], 1.0f);
  EXPECT_GT(links->x[kBfGrandparentLinkDensity], 0.0f);
  EXPECT_GT(links->x[kBfWideAncestorLinkDensity], 0.0f);
  EXPECT_GT(longest->x[kBfContentShareOfPage], 0.5f);
  EXPECT_LE(longest->x[kBfContentShareOfPage], 1.0f);
  if (repeated) {  // the line of the <nav> again in the article, unless the rules dropped it
    EXPECT_EQ(repeated->x[kBfLogPageRepeats], static_cast<float>(std::log1p(1.0)));
  }
  EXPECT_EQ(heading->x[kBfLogPageRepeats], 0.0f);
}

TEST(BlockModelTest, FeaturesOfChineseAndJapaneseText) {
  // No spaces between words: the measures are of characters and bytes.
  const std::string zh = "市议会周二经过长时间讨论，决定在二〇二七年之前重建河上的旧桥。";
  const std::vector<std::string> zh_openers = {"首先", "然后", "后来", "现在"};
  const auto zh_blocks = Blocks("<html lang=zh><body><article><h1>重建旧桥</h1>" +
                                Story(zh, 4, zh_openers) + "</article></body></html>");
  const BlockTrace* zp = Find(zh_blocks, "市议会");
  ASSERT_TRUE(zp);
  EXPECT_EQ(zp->x[kBfEndsSentence], 1.0f);  // the full-width stop
  EXPECT_EQ(zp->x[kBfLogWords], static_cast<float>(std::log1p(2.0)));  // opener, sentence
  EXPECT_EQ(zp->x[kBfDigitShare], 0.0f);
  EXPECT_EQ(zp->x[kBfUpperShare], 0.0f);
  EXPECT_GT(zp->x[kBfPunctPer100], 0.0f);
  EXPECT_NEAR(ShareSum(zh_blocks), 1.0, 1e-5);

  const std::string ja = "市議会は火曜日、長い議論の末に川の古い橋を架け替えることを決めた？";
  const auto ja_blocks =
      Blocks("<html lang=ja><body><article><h1>橋の架け替え</h1>" +
             Story(ja, 4, {"まず", "次に", "その後", "今"}) +
             "<p>関連記事：新しい駅</p></article></body></html>");
  const BlockTrace* jp = Find(ja_blocks, "市議会");
  ASSERT_TRUE(jp);
  EXPECT_EQ(jp->x[kBfEndsSentence], 1.0f);  // ？
  EXPECT_EQ(jp->x[kBfSideOfH1], 1.0f);
  EXPECT_GT(jp->x[kBfLogSentenceMarks], 0.0f);  // 、 and ？
  EXPECT_NEAR(ShareSum(ja_blocks), 1.0, 1e-5);
  if (const BlockTrace* teaser = Find(ja_blocks, "関連記事")) {  // unless the rules dropped it
    EXPECT_EQ(teaser->x[kBfPhraseTeaser], 1.0f);
  }
}

// A parsed page with its selected content, to run the model's pass on.
struct Selected {
  explicit Selected(const std::string& html) : out(gumbo_parse(html.c_str())) {
    dom.Build(out->document);
    sel = SelectMainContent(dom, ScoreOptions());
  }
  ~Selected() { gumbo_destroy_output(&kGumboDefaultOptions, out); }
  Selected(const Selected&) = delete;
  Selected& operator=(const Selected&) = delete;
  std::string Text() const { return RenderText(dom, sel.root, sel.drop, TextFormat::kPlain); }

  GumboOutput* out;
  DomIndex dom;
  ContentSelection sel;
};

TEST(BlockModelTest, TheModelLeavesOutLinkBlocksWithinItsGuard) {
  const std::string page =
      "<html><body><div><h1>Bridge</h1>" +
      Story("The council met on Tuesday and agreed to rebuild the old bridge over the river, "
            "after a debate that lasted well into the night.",
            3) +
      "<p>Read more</p>"
      "<div><a href=/x>A story about something else entirely</a></div></div></body></html>";
  BlockModel model;
  ASSERT_TRUE(BlockModel::Parse(LinkModel(0.5), &model).ok());
  const PhraseSet phrases = testing::EnglishPhrases();
  {
    Selected s(page);
    ASSERT_TRUE(Has(s.Text(), "A story about")) << s.Text();  // the hand rules keep it
    std::vector<BlockTrace> trace;
    EXPECT_EQ(DropModelBoilerplate(s.dom, phrases, {}, model, true, &s.sel, &trace), 1);
    EXPECT_FALSE(Has(s.Text(), "A story about")) << s.Text();  // the model flips it
    EXPECT_TRUE(Has(s.Text(), "The council met")) << s.Text();
    ASSERT_EQ(trace.size(), 6u);
    EXPECT_EQ(trace[4].text, "Read more");  // a control label, kept by this model
    EXPECT_EQ(trace[4].x[kBfPhraseLabel], 1.0f);
    EXPECT_FALSE(trace[4].dropped);
    EXPECT_TRUE(trace.back().dropped);
    EXPECT_EQ(trace.back().text, "A story about something else entirely");
  }
  {
    Selected s(page);  // off: only traced
    std::vector<BlockTrace> trace;
    EXPECT_EQ(DropModelBoilerplate(s.dom, phrases, {}, model, false, &s.sel, &trace), 0);
    EXPECT_TRUE(Has(s.Text(), "A story about"));
    EXPECT_EQ(trace.size(), 6u);
  }
  {
    Selected s(page);  // a model for articles leaves other pages alone
    ASSERT_TRUE(BlockModel::Parse(LinkModel(0.5, true), &model).ok());
    EXPECT_TRUE(model.prose_pages_only());
    BlockPageFacts facts;
    EXPECT_EQ(DropModelBoilerplate(s.dom, phrases, facts, model, true, &s.sel, nullptr), 0);
    EXPECT_TRUE(Has(s.Text(), "A story about"));
    facts.prose = true;
    EXPECT_EQ(DropModelBoilerplate(s.dom, phrases, facts, model, true, &s.sel, nullptr), 1);
    EXPECT_FALSE(Has(s.Text(), "A story about"));
  }
  {
    Selected s(page);  // the link block is ~10% of the text: above a 5% guard
    ASSERT_TRUE(BlockModel::Parse(LinkModel(0.05), &model).ok());
    EXPECT_EQ(DropModelBoilerplate(s.dom, phrases, {}, model, true, &s.sel, nullptr), 0);
    EXPECT_TRUE(Has(s.Text(), "A story about"));
  }
}

// A model of one tree: blocks of over 30% digits get -0.5 (probability
// 0.38), others +4.
std::string DigitModel() {
  return "corpus-block-model 1\n" + FeatureLine() +
         "base 0\ndrop_below 0.5\nmin_blocks 3\nmax_drop_share 0.5\ntree 3\n" +
         std::to_string(kBfDigitShare) + " 0.3 1 2 0\n-1 0 0 0 4\n-1 0 0 0 -0.5\n";
}

TEST(BlockModelTest, ARowOfANameAndItsValueIsJudgedWhole) {
  // "250 Watt" alone would go (DigitModel); beside its name, the row's mean
  // keeps both. A line of digits alone still goes.
  BlockModel model;
  ASSERT_TRUE(BlockModel::Parse(DigitModel(), &model).ok());
  Selected s("<html><body><div><h1>Dreame R10 Pro</h1>" +
             Story("The vacuum cleaner combines strong suction with a low weight, and its battery "
                   "lasts for most flats on one charge.",
                   3) +
             "<table><tr><td>Colour</td><td>grey</td></tr><tr><td>Power</td><td>250 Watt</td></tr>"
             "</table><p>1 2 3 4 5 6 7 8 9</p></div></body></html>");
  EXPECT_EQ(DropModelBoilerplate(s.dom, testing::EnglishPhrases(), {}, model, true, &s.sel, nullptr), 1);
  EXPECT_TRUE(Has(s.Text(), "Power | 250 Watt")) << s.Text();
  EXPECT_TRUE(Has(s.Text(), "Colour | grey")) << s.Text();
  EXPECT_FALSE(Has(s.Text(), "7 8 9")) << s.Text();
  // The value set in a <p> of its own inside its cell (WooCommerce, a German
  // shop): the row is still judged whole.
  Selected wrapped("<html><body><div><h1>Dreame R10 Pro</h1>" +
                   Story("Der Staubsauger verbindet eine starke Saugleistung mit geringem Gewicht, "
                         "und sein Akku reicht in den meisten Wohnungen für eine Ladung.",
                         3) +
                   "<table><tr><th>Farbe</th><td><p>grau</p></td></tr><tr><th>Leistung</th><td>"
                   "<p>250 Watt</p></td></tr></table><p>1 2 3 4 5 6 7 8 9</p></div></body></html>");
  EXPECT_EQ(DropModelBoilerplate(wrapped.dom, testing::EnglishPhrases(), {}, model, true,
                                 &wrapped.sel, nullptr),
            1);
  EXPECT_TRUE(Has(wrapped.Text(), "Leistung | 250 Watt")) << wrapped.Text();
  // A description list's term and its one description (a flat's key facts).
  Selected facts("<html><body><div><h1>Wohnung in Gohlis</h1>" +
                 Story("Die Wohnung liegt in einem ruhigen Altbau, nur wenige Gehminuten von der "
                       "Straßenbahn und den Geschäften der Hauptstraße entfernt.",
                       3) +
                 "<dl><dt>Etage:</dt><dd>2 von 4</dd></dl><dl><dt>Wohnfläche ca.:</dt><dd>78 m²"
                 "</dd></dl><p>1 2 3 4 5 6 7 8 9</p></div></body></html>");
  EXPECT_EQ(DropModelBoilerplate(facts.dom, testing::EnglishPhrases(), {}, model, true,
                                 &facts.sel, nullptr),
            1);
  EXPECT_TRUE(Has(facts.Text(), "2 von 4")) << facts.Text();
  EXPECT_TRUE(Has(facts.Text(), "78 m²")) << facts.Text();
  // The description set in a <p> inside its <dd> (documentation generators,
  // a shop's facts): still judged with its term.
  Selected set_in_p("<html><body><div><h1>Wohnung in Gohlis</h1>" +
                    Story("Die Wohnung liegt in einem ruhigen Altbau, nur wenige Gehminuten von "
                          "der Straßenbahn und den Geschäften der Hauptstraße entfernt.",
                          3) +
                    "<dl><dt>Etage:</dt><dd><p>2 von 4</p></dd><dt>Baujahr:</dt><dd><p>1908</p>"
                    "</dd></dl><p>1 2 3 4 5 6 7 8 9</p></div></body></html>");
  EXPECT_EQ(DropModelBoilerplate(set_in_p.dom, testing::EnglishPhrases(), {}, model, true,
                                 &set_in_p.sel, nullptr),
            1);
  EXPECT_TRUE(Has(set_in_p.Text(), "2 von 4")) << set_in_p.Text();
  EXPECT_TRUE(Has(set_in_p.Text(), "1908")) << set_in_p.Text();
  // A row of a long text beside a line (an old layout table's sidebar
  // beside its column): not a name and its value; each is judged alone.
  Selected layout("<html><body><div><h1>Dreame R10 Pro</h1>" +
                  Story("Der Staubsauger verbindet eine starke Saugleistung mit geringem Gewicht, "
                        "und sein Akku reicht in den meisten Wohnungen für eine Ladung.",
                        3) +
                  "<table><tr><td>Heft 72, 2007/2, 7,65 Euro, 128 S., ISSN 0247-3739, "
                  "Nr. 4471-2007-72, 1998-2007, 24/12, Tel. 01 45 67 89 10, Fax 01 45 67 89 11, "
                  "75011 Paris, "
                  "Abo 2007-2008: 49,50 Euro, 2007-02-28 12:45, 2007-03-01 08:30</td>"
                  "<td><p>Dreame R10 Pro im Test: stark und leicht.</p></td></tr><tr><td>1</td>"
                  "<td>2</td></tr></table></div></body></html>");
  DropModelBoilerplate(layout.dom, testing::EnglishPhrases(), {}, model, true, &layout.sel,
                       nullptr);
  EXPECT_TRUE(Has(layout.Text(), "stark und leicht")) << layout.Text();
  EXPECT_FALSE(Has(layout.Text(), "Heft 72")) << layout.Text();
}

TEST(BlockModelTest, AListItemOfANameAndItsValueKeepsBoth) {
  // "250 Watt" alone goes (DigitModel). A list item
  // that is a name and its value in two blocks keeps both when either is
  // kept; an item of one block, or of three, is judged block by block.
  BlockModel model;
  ASSERT_TRUE(BlockModel::Parse(DigitModel(), &model).ok());
  Selected s("<html><body><div><h1>Dreame R10 Pro</h1>" +
             Story("Der Staubsauger verbindet eine starke Saugleistung mit geringem Gewicht, "
                   "und sein Akku reicht in den meisten Wohnungen für eine Ladung.",
                   3) +
             "<ul><li><div>Farbe</div><div>grau</div></li><li><div>Leistung</div><div>250 Watt"
             "</div></li><li><div>1 2 3 4 5 6 7 8 9</div></li><li><div>Akku</div><div>Laufzeit"
             "</div><div>60 min</div></li></ul></div></body></html>");
  EXPECT_EQ(DropModelBoilerplate(s.dom, testing::EnglishPhrases(), {}, model, true, &s.sel, nullptr), 2);
  EXPECT_TRUE(Has(s.Text(), "Leistung\n\n250 Watt")) << s.Text();
  EXPECT_TRUE(Has(s.Text(), "grau")) << s.Text();
  EXPECT_FALSE(Has(s.Text(), "7 8 9")) << s.Text();
  EXPECT_TRUE(Has(s.Text(), "Laufzeit")) << s.Text();
  EXPECT_FALSE(Has(s.Text(), "60 min")) << s.Text();
}

}  // namespace
}  // namespace corpus

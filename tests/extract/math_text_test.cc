// Formulas in MathML (dom_index.h, kDomTexMath; docs/LANGUAGES.md, "Text the
// page shows") or in MathJax's script form (html_prescan.h): shown as their
// TeX source between $ signs when the page carries it, else as one inline
// run; never broken into blocks.
#include <gtest/gtest.h>

#include <string>

#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::ExtractBody;
using testing::Has;

// A German paragraph of about 250 bytes around `inner`.
std::string Paragraph(const std::string& inner) {
  return "<p>Die Gleichung " + inner +
         " verbindet fünf Konstanten der Analysis miteinander und gilt vielen als die schönste "
         "Formel der Mathematik, weil sie so knapp ist und so viel zusammenführt.</p>";
}

std::string Page(const std::string& body) {
  return "<article><h1>Eulersche Identität</h1>" + body +
         "<p>Sie folgt aus der eulerschen Formel, wenn man für den Winkel die Kreiszahl einsetzt, "
         "und wird in jeder Vorlesung über komplexe Zahlen früh behandelt und bewiesen.</p>"
         "</article>";
}

const char kEulerMathMl[] =
    "<math><semantics><mrow><msup><mi>e</mi><mrow><mi>i</mi><mi>π</mi></mrow></msup><mo>+</mo>"
    "<mn>1</mn><mo>=</mo><mn>0</mn></mrow>"
    "<annotation encoding='application/x-tex'> e^{i\\pi}+1=0 </annotation></semantics></math>";

TEST(MathTextTest, KatexFormulaIsItsTexInline) {
  // KaTeX: MathML with the TeX source, and the rendered copy hidden from
  // screen readers (aria-hidden), which is not text.
  const std::string t = ExtractBody(Page(Paragraph(
      std::string("<span class='katex'><span class='katex-mathml'>") + kEulerMathMl +
      "</span><span class='katex-html' aria-hidden='true'><span class='mord'>e</span>"
      "<span class='msupsub'>iπ</span><span class='mbin'>+</span><span>1=0</span></span>"
      "</span>")));
  EXPECT_TRUE(Has(t, "Die Gleichung $e^{i\\pi}+1=0$ verbindet")) << t;
  EXPECT_FALSE(Has(t, "iπ")) << t;
}

TEST(MathTextTest, HiddenMathMlBesideAPictureOfTheFormulaIsKept) {
  // MediaWiki: the MathML is hidden (display:none) and a picture shows the
  // formula; the MathML's TeX is the formula's only text. Other hidden
  // text, even with a formula in it, still goes.
  const std::string t = ExtractBody(Page(
      Paragraph(std::string("<span><span style='display: none;'>") + kEulerMathMl +
                "</span><img src='f.svg' alt='e^{i\\pi}+1=0'></span>") +
      "<div style='display:none'><p>Ausgeblendeter Hinweis mit <math><semantics><mi>y</mi>"
      "<annotation encoding='application/x-tex'>y</annotation></semantics></math> darin.</p>"
      "</div>"));
  EXPECT_TRUE(Has(t, "Die Gleichung $e^{i\\pi}+1=0$ verbindet")) << t;
  EXPECT_FALSE(Has(t, "Ausgeblendeter Hinweis")) << t;
}

TEST(MathTextTest, DisplayFormulaGoesBetweenDoubleDollars) {
  const std::string t = ExtractBody(Page(
      Paragraph("<b>unten</b>") +
      "<math display='block'><semantics><mrow><mi>a</mi><mo>=</mo><mi>b</mi></mrow>"
      "<annotation encoding='application/x-tex'>a = b</annotation></semantics></math>"));
  EXPECT_TRUE(Has(t, "\n$$a = b$$\n")) << t;
}

TEST(MathTextTest, MathJaxScriptFormulaIsItsTex) {
  // Kramdown and other Markdown converters leave formulas to MathJax as
  // <script type="math/tex">; other scripts stay unread.
  const std::string t = ExtractBody(Page(
      Paragraph("<script type='math/tex'>a<b \\& c</script>") +
      "<script type='math/tex; mode=display'>\\sum_{i=1}^n i</script>"
      "<script>var formel = '<math>';</script>"));
  EXPECT_TRUE(Has(t, "Die Gleichung $a<b \\& c$ verbindet")) << t;
  EXPECT_TRUE(Has(t, "\n$$\\sum_{i=1}^n i$$\n")) << t;
  EXPECT_FALSE(Has(t, "var formel")) << t;
}

TEST(MathTextTest, MathMlWithoutTexReadsAsOneRun) {
  // Japanese: no TeX source; the formula's parts are not blocks, and other
  // encodings (annotation-xml) are not shown.
  const std::string t = ExtractBody(
      "<article><h1>二次関数</h1><p>関数 <math><msup><mi>x</mi><mn>2</mn></msup><mo>+</mo><mn>1</mn>"
      "<annotation-xml encoding='MathML-Content'><apply><plus/><ci>z</ci></apply>"
      "</annotation-xml></math> のグラフは放物線になり、その頂点は点（0, 1）にあります。"
      "この性質は中学校や高校の数学で繰り返し学び、物理の運動の式にもよく現れます。</p>"
      "<p>グラフを描くときは、まず頂点と軸を求めてから、いくつかの点をとって滑らかに結ぶと、"
      "形が正しく分かります。練習問題で確かめてみましょう。</p></article>");
  EXPECT_TRUE(Has(t, "関数 x2+1 のグラフ")) << t;
  EXPECT_FALSE(Has(t, "z")) << t;
}

}  // namespace
}  // namespace corpus

// Line-number gutters beside code listings (code_gutters.h): the numbers go,
// the code and tables of numbered values stay.
#include "corpus/extract/code_gutters.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::ExtractBody;
using testing::Has;

// An article around `listing`, in German.
std::string Article(const std::string& listing) {
  return "<article><h1>Dateien zeilenweise lesen</h1><p>Mit der with-Anweisung liest man eine "
         "Datei Zeile für Zeile, und die Datei wird am Ende des Blocks geschlossen, auch wenn "
         "darin ein Fehler auftritt, wie das folgende Beispiel zeigt.</p>" +
         listing +
         "<p>Das Beispiel gibt jede Zeile aus; statt der Ausgabe kann man die Zeilen auch zählen, "
         "filtern oder in eine Liste schreiben, ganz wie es die Aufgabe verlangt.</p></article>";
}

TEST(CodeGuttersTest, NumbersInACellBesideTheCodeGo) {
  // The table a highlighter writes with line numbers on: one cell of numbers
  // (in a <pre>), one of code.
  const std::string t = ExtractBody(Article(
      "<table class='highlighttable'><tr><td class='linenos'><pre>1\n2\n3</pre></td>"
      "<td class='code'><pre><span class='k'>with</span> open(p) <span class='k'>as</span> f:\n"
      "    for zeile in f:\n        print(zeile)</pre></td></tr></table>"));
  EXPECT_TRUE(Has(t, "with open(p) as f:\n    for zeile in f:")) << t;
  EXPECT_FALSE(Has(t, "1\n2\n3")) << t;
}

TEST(CodeGuttersTest, NumbersOneADivBesideCodeLinesGo) {
  // Japanese page; the gutter holds one <div> per line, the code one <code>
  // per line.
  const std::string t = ExtractBody(
      "<article><h1>カレントディレクトリ</h1><p>作業中のディレクトリを知りたいときは、"
      "標準ライブラリの関数を呼ぶだけで済みます。次の二行を実行すると、パスが表示されます。"
      "環境によって結果は異なります。</p><table><tbody><tr><td class='gutter'><div>1</div>"
      "<div>2</div></td><td class='code'><div><code>import os</code></div><div>"
      "<code>print(os.getcwd())</code></div></td></tr></tbody></table><p>相対パスで"
      "ファイルを開くときは、このディレクトリが基準になるので、最初に確認しておくと安心です。"
      "</p></article>");
  EXPECT_TRUE(Has(t, "import os")) << t;
  EXPECT_TRUE(Has(t, "print(os.getcwd())")) << t;
  EXPECT_FALSE(Has(t, "\n1\n")) << t;
  EXPECT_FALSE(Has(t, "\n2\n")) << t;
}

TEST(CodeGuttersTest, ANumberedListInsideThePreBesideTheCodeGoes) {
  // The numbers as a list after the <code>, inside the <pre>; a Chinese
  // page.
  const std::string t = ExtractBody(
      "<article><h1>用 Lua 脚本释放锁</h1><p>很多人释放锁时直接删除键，这是错误的。正确做法是先比较值再删除，"
      "而且这两步必须是原子的，所以要用 Lua 脚本：</p><pre class='x'><code>if redis.call(\"get\", "
      "KEYS[1]) == ARGV[1] then\n  return redis.call(\"del\", KEYS[1])\nend\n</code><ul class='y'>"
      "<li>1</li><li>2</li><li>3</li></ul></pre><p>总结一下：简单场景用 SETNX 加 Lua 就够了，需要自动续期"
      "就用现成的库，对一致性有强要求的话就换别的存储。</p></article>");
  EXPECT_TRUE(Has(t, "return redis.call(\"del\", KEYS[1])\nend")) << t;
  EXPECT_FALSE(Has(t, "1\n2\n3")) << t;
  EXPECT_TRUE(Has(t, "总结一下")) << t;
}

TEST(CodeGuttersTest, ANumberThatIsAValueStays) {
  // A table of status codes: each number stands alone beside its code
  // name; and numbers that do not count up are values, not lines.
  const std::string t = ExtractBody(Article(
      "<table><tr><td>404</td><td><code>Not Found</code></td></tr>"
      "<tr><td>410</td><td><code>Gone</code></td></tr>"
      "<tr><td>2019 2021</td><td><pre>release()</pre></td></tr></table>"));
  EXPECT_TRUE(Has(t, "404")) << t;
  EXPECT_TRUE(Has(t, "410")) << t;
  EXPECT_TRUE(Has(t, "2019 2021")) << t;
}

TEST(CodeGuttersTest, NumbersBesideProseStay) {
  // A numbered list laid out as a table: no code beside the numbers.
  const std::string t = ExtractBody(Article(
      "<table><tr><td>1<br>2</td><td>Datei öffnen, dann jede Zeile lesen.</td></tr></table>"));
  EXPECT_TRUE(Has(t, "1\n2")) << t;
}

}  // namespace
}  // namespace corpus

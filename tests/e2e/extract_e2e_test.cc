// `corpus extract` through the binary: a small page shard in, documents and
// rejects out, the manifest, resume, and usage errors.
#include <gtest/gtest.h>

#include <string>

#include "corpus/io/record.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"
#include "testing/record_lines.h"
#include "testing/run_binary.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

std::string Page(const std::string& id, const std::string& title, const std::string& body) {
  JsonObjectWriter w;
  w.String("id", id).String("url", "https://site.example/" + id).String("source", "crawl");
  w.String("html", "<html><head><title>" + title + " | Site</title></head><body><nav><a href='/'>Home</a> "
                   "<a href='/shop'>Shop</a></nav>" + body + "<footer>Copyright Site</footer></body></html>");
  return w.Finish() + "\n";
}

using testing::ReadRecordLines;

TEST(ExtractE2eTest, ShardToDocuments) {
  testing::TempDir dir;
  std::string in = Page("a", "Rain",
                        "<article><h1>Rain</h1><p>It rained all week in the valley, and the river rose "
                        "over its banks, flooding the lower fields.</p><ul><li>Monday: 40 mm</li>"
                        "<li>Tuesday: 12 mm</li></ul></article>");
  in += Page("b", "Empty", "<div></div>");
  ASSERT_TRUE(MakeDirs(dir.Sub("pages")).ok());
  ASSERT_TRUE(WriteFileAtomic(dir.Sub("pages/part-0000.jsonl"), in).ok());

  const std::string args = "extract --in " + dir.Sub("pages") + " --out " + dir.Sub("docs") +
                           " --no-progress --threads 1 2>&1";
  auto r = testing::RunCorpus(args);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(PathExists(dir.Sub("docs/_manifest.json")));

  const auto kept = ReadRecordLines(dir.Sub("docs"));
  ASSERT_EQ(kept.size(), 1u);
  Record doc;
  ASSERT_TRUE(doc.Parse(kept[0]).ok());
  EXPECT_EQ(*doc.GetString("title"), "Rain");
  EXPECT_EQ(*doc.GetString("text"),
            "Rain\n\nIt rained all week in the valley, and the river rose over its banks, flooding the "
            "lower fields.\n\nMonday: 40 mm\nTuesday: 12 mm");
  EXPECT_EQ(*doc.GetString("source"), "crawl");
  EXPECT_FALSE(doc.Has("html"));

  const auto rejected = ReadRecordLines(dir.Sub("docs/rejected"));
  ASSERT_EQ(rejected.size(), 1u);
  EXPECT_NE(rejected[0].find("\"rule\":\"empty\""), std::string::npos);

  // Same command again: nothing to do. Another format without --force: refused.
  r = testing::RunCorpus(args);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  r = testing::RunCorpus("extract --in " + dir.Sub("pages") + " --out " + dir.Sub("docs") +
                         " --format markdown --no-progress 2>&1");
  EXPECT_NE(r.exit_code, 0) << r.out;
  r = testing::RunCorpus("extract --in " + dir.Sub("pages") + " --out " + dir.Sub("md") +
                         " --format markdown --no-progress 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto md = ReadRecordLines(dir.Sub("md"));
  ASSERT_EQ(md.size(), 1u);
  EXPECT_NE(md[0].find("# Rain\\n\\n"), std::string::npos) << md[0];
  EXPECT_NE(md[0].find("- Monday: 40 mm"), std::string::npos) << md[0];
}

TEST(ExtractE2eTest, BadFormatIsAUsageError) {
  testing::TempDir dir;
  auto r = testing::RunCorpus("extract --in " + dir.path() + " --out " + dir.Sub("o") + " --format pdf 2>&1");
  EXPECT_EQ(r.exit_code, 1) << r.out;
}

}  // namespace
}  // namespace corpus

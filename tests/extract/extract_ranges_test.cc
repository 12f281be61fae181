// Extract over one multi-member WARC split into record ranges: the same
// output bytes for any thread count, also when the archive ends in a
// truncated member.
#include <gtest/gtest.h>

#include "corpus/extract/extract_stage.h"
#include "corpus/stage/stage_dir.h"
#include "corpus/util/fs.h"
#include "io/warc_test_util.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

// A WARC of `pages` response records, one gzip member each; every third
// page has no main text (rejected as "empty").
std::string MultiMemberWarc(int pages) {
  std::string out;
  for (int i = 0; i < pages; ++i) {
    std::string body = "<html><head><title>Page " + std::to_string(i) + "</title></head><body>"
                       "<nav><a href='/'>Home</a> <a href='/about'>About</a></nav>";
    if (i % 3 != 0) {
      body += "<article><h1>Story number " + std::to_string(i) + "</h1><p>This is page " +
              std::to_string(i) + " of the archive, with a paragraph of real prose that the "
              "extractor should keep as the main content of the page.</p><p>A second paragraph "
              "follows, so that there is enough text to keep.</p></article>";
    }
    body += "<footer>Copyright</footer></body></html>";
    const std::string http = testing::HttpMessage(200, {{"Content-Type", "text/html; charset=utf-8"}}, body);
    out += testing::GzipMember(testing::ResponseRecord(
        "<urn:uuid:00000000-0000-4000-8000-" + std::to_string(100000000000 + i) + ">",
        "https://example.org/p" + std::to_string(i), http));
  }
  return out;
}

std::string FileBytes(const std::string& path) {
  std::string data;
  EXPECT_TRUE(ReadFile(path, &data).ok()) << path;
  return data;
}

CommonOptions Opts(const std::string& in, const std::string& out, int threads) {
  CommonOptions o;
  o.inputs = {in};
  o.out_dir = out;
  o.threads = threads;
  o.range_bytes = 3000;  // a few pages per range
  return o;
}

TEST(ExtractRangesTest, SameBytesForAnyThreadCountOnOneWarc) {
  testing::TempDir dir;
  ASSERT_TRUE(MakeDirs(dir.Sub("in")).ok());
  testing::WriteBytes(dir.Sub("in/part-crawl.warc.gz"), MultiMemberWarc(120));
  std::string kept, rejected;
  for (int threads : {1, 2, 4}) {
    const std::string out = dir.Sub("out" + std::to_string(threads));
    ExtractStage stage{ExtractConfig{}};
    const StageOutcome r = RunMapStage(stage, Opts(dir.Sub("in"), out, threads));
    ASSERT_TRUE(r.status.ok()) << r.status.ToString();
    EXPECT_EQ(r.ExitCode(), 0);
    DoneMarker m;
    ASSERT_TRUE(StageDir(out, "extract").ReadDone("part-crawl", &m).ok());
    EXPECT_EQ(m.counts.records_in, 120u);
    EXPECT_EQ(m.counts.kept, 80u);
    EXPECT_EQ(m.counts.rejected_by_rule["empty"], 40u);
    if (threads == 1) {
      kept = FileBytes(out + "/part-crawl.jsonl.zst");
      rejected = FileBytes(out + "/rejected/part-crawl.jsonl.zst");
    } else {
      EXPECT_EQ(FileBytes(out + "/part-crawl.jsonl.zst"), kept) << threads << " threads";
      EXPECT_EQ(FileBytes(out + "/rejected/part-crawl.jsonl.zst"), rejected) << threads << " threads";
    }
  }
}

TEST(ExtractRangesTest, TruncatedLastMemberIsReportedAndEarlierPagesKept) {
  testing::TempDir dir;
  ASSERT_TRUE(MakeDirs(dir.Sub("in")).ok());
  std::string warc = MultiMemberWarc(60);
  warc.resize(warc.size() - 40);  // cut inside the last member
  testing::WriteBytes(dir.Sub("in/part-cut.warc.gz"), warc);
  std::string kept;
  for (int threads : {1, 2}) {
    const std::string out = dir.Sub("out" + std::to_string(threads));
    ExtractStage stage{ExtractConfig{}};
    const StageOutcome r = RunMapStage(stage, Opts(dir.Sub("in"), out, threads));
    ASSERT_TRUE(r.status.ok()) << r.status.ToString();
    EXPECT_EQ(r.ExitCode(), 3);
    DoneMarker m;
    ASSERT_TRUE(StageDir(out, "extract").ReadDone("part-cut", &m).ok());
    EXPECT_NE(m.damage.find("byte"), std::string::npos) << m.damage;
    EXPECT_EQ(m.counts.records_in, 59u);
    if (threads == 1) kept = FileBytes(out + "/part-cut.jsonl.zst");
    else EXPECT_EQ(FileBytes(out + "/part-cut.jsonl.zst"), kept);
  }
}

}  // namespace
}  // namespace corpus

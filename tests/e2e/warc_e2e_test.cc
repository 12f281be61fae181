// WARC and WET archives through the binary: `corpus cat` and `corpus extract`
// on archives built here, including a truncated one (exit 3, whole records
// kept, skip counts in the manifest).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/io/record.h"
#include "corpus/io/record_source.h"
#include "corpus/util/fs.h"
#include "io/warc_test_util.h"
#include "testing/run_binary.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

using testing::GzipMember;
using testing::HttpMessage;
using testing::ResponseRecord;
using testing::WarcRecordBytes;
using testing::WriteBytes;

const char kArticle[] =
    "<html><head><title>Tides</title></head><body><nav><a href='/'>Home</a></nav><article>"
    "<h1>Tides of the northern coast</h1><p>Twice a day the sea withdraws from the mudflats, "
    "leaving channels that the fishermen have known by name for generations. The water returns "
    "faster than a person can walk, which is why the old paths are marked with poles.</p><p>In "
    "spring the highest tides reach the dunes, and the village keeps its boats on trailers until "
    "the equinox has passed.</p></article><footer>Copyright Coast Times</footer></body></html>";

std::vector<Record> Records(const std::string& dir) {
  std::vector<std::string> files;
  std::vector<Record> out;
  if (!ResolveInputs({dir}, &files).ok()) return out;
  for (const auto& f : files) {
    std::unique_ptr<RecordSource> src;
    if (!OpenRecordSource(f, &src).ok()) continue;
    std::string_view line;
    while (src->Next(&line)) {
      Record r;
      if (r.Parse(line).ok()) out.push_back(std::move(r));
    }
  }
  return out;
}

std::string Archive() {
  std::string out;
  for (const std::string& rec : {
           WarcRecordBytes({{"WARC-Type", "warcinfo"}}, "software: test\r\n"),
           WarcRecordBytes({{"WARC-Type", "request"}}, "GET /tides HTTP/1.1\r\n\r\n"),
           ResponseRecord("<urn:uuid:tides>", "<https://coast.example/tides>",
                          HttpMessage(200,
                                      {{"Content-Type", "text/html; charset=utf-8"}, {"Content-Encoding", "gzip"}},
                                      GzipMember(kArticle))),
           ResponseRecord("<urn:uuid:gone>", "https://coast.example/gone",
                          HttpMessage(404, {{"Content-Type", "text/html"}}, "<p>gone</p>")),
       }) {
    out += GzipMember(rec);
  }
  return out;
}

TEST(WarcE2eTest, ExtractFromWarcAndWet) {
  testing::TempDir dir;
  WriteBytes(dir.Sub("coast.warc.gz"), Archive());
  WriteBytes(dir.Sub("coast.warc.wet.gz"),
             GzipMember(WarcRecordBytes({{"WARC-Type", "conversion"},
                                         {"WARC-Record-ID", "<urn:uuid:wet>"},
                                         {"WARC-Target-URI", "https://coast.example/tides"},
                                         {"WARC-Date", "2024-05-18T01:58:10Z"},
                                         {"Content-Type", "text/plain"}},
                                        "Tides of the northern coast\nTwice a day the sea withdraws.")));
  auto r = testing::RunCorpus("extract --in " + dir.Sub("coast.warc.gz") + " " + dir.Sub("coast.warc.wet.gz") +
                              " --out " + dir.Sub("docs") + " --no-progress --threads 1 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;

  std::vector<Record> docs = Records(dir.Sub("docs"));
  ASSERT_EQ(docs.size(), 2u) << r.out;
  const Record* page = nullptr;
  const Record* wet = nullptr;
  for (const Record& d : docs) (d.GetString("id").value_or("") == "<urn:uuid:tides>" ? page : wet) = &d;
  ASSERT_TRUE(page && wet);
  EXPECT_EQ(page->GetString("url").value_or(""), "https://coast.example/tides");
  EXPECT_EQ(page->GetString("source").value_or(""), "warc:coast.warc.gz");
  EXPECT_NE(page->GetString("text").value_or("").find("Twice a day the sea withdraws"), std::string::npos);
  EXPECT_FALSE(page->Has("html"));
  EXPECT_EQ(wet->GetString("text_source").value_or(""), "commoncrawl_wet");
  EXPECT_EQ(wet->GetString("source").value_or(""), "warc:coast.warc.wet.gz");

  std::string manifest;
  ASSERT_TRUE(ReadFile(dir.Sub("docs/_manifest.json"), &manifest).ok());
  EXPECT_NE(manifest.find("\"warc_skipped_status\":1"), std::string::npos) << manifest;
  EXPECT_NE(manifest.find("\"warc_skipped_request\":1"), std::string::npos) << manifest;
}

TEST(WarcE2eTest, TruncatedArchiveKeepsWholeRecordsAndExitsThree) {
  testing::TempDir dir;
  const std::string whole = Archive();
  WriteBytes(dir.Sub("cut.warc.gz"), whole.substr(0, whole.size() - 30));

  auto cat = testing::RunCorpus("cat " + dir.Sub("cut.warc.gz") + " 2>/dev/null");
  EXPECT_EQ(cat.exit_code, 3);
  Record rec;
  ASSERT_TRUE(rec.Parse(cat.out.substr(0, cat.out.find('\n'))).ok()) << cat.out;
  EXPECT_EQ(rec.GetString("id").value_or(""), "<urn:uuid:tides>");

  auto r = testing::RunCorpus("extract --in " + dir.Sub("cut.warc.gz") + " --out " + dir.Sub("docs") +
                              " --no-progress --threads 1 2>&1");
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_NE(r.out.find("byte"), std::string::npos) << r.out;
  EXPECT_EQ(Records(dir.Sub("docs")).size(), 1u);
}

}  // namespace
}  // namespace corpus

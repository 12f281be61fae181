#include "corpus/io/warc_reader.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "io/warc_test_util.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

using corpus::testing::GzipMember;
using corpus::testing::SharedWarcPath;
using corpus::testing::TempDir;
using corpus::testing::WarcRecordBytes;
using corpus::testing::WriteBytes;

std::vector<std::string> ThreeRecords() {
  return {
      WarcRecordBytes({{"WARC-Type", "warcinfo"}, {"WARC-Record-ID", "<urn:uuid:1>"}}, "software: test\r\n"),
      WarcRecordBytes({{"WARC-Type", "request"}, {"WARC-Record-ID", "<urn:uuid:2>"}},
                      "GET / HTTP/1.1\r\n\r\n", "WARC/1.0"),
      WarcRecordBytes({{"WARC-Type", "response"}, {"WARC-Record-ID", "<urn:uuid:3>"}},
                      std::string(3000, 'x') + "\r\n\r\nWARC/1.0 inside a block is data"),
  };
}

std::unique_ptr<WarcReader> Open(const std::string& path, WarcReader::Options options = {}) {
  std::unique_ptr<ByteStream> stream;
  EXPECT_TRUE(ByteStream::Open(path, &stream).ok());
  return std::make_unique<WarcReader>(std::move(stream), path, options);
}

std::vector<WarcRecord> ReadAll(WarcReader* reader) {
  std::vector<WarcRecord> out;
  WarcRecord rec;
  while (reader->Next(&rec)) out.push_back(rec);
  return out;
}

TEST(WarcReader, ReadsPlainArchive) {
  TempDir dir;
  const auto recs = ThreeRecords();
  WriteBytes(dir.Sub("a.warc"), recs[0] + recs[1] + recs[2]);
  auto reader = Open(dir.Sub("a.warc"));
  const auto got = ReadAll(reader.get());
  ASSERT_TRUE(reader->status().ok()) << reader->status().ToString();
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].version, "WARC/1.1");
  EXPECT_EQ(got[1].version, "WARC/1.0");
  EXPECT_EQ(got[0].type(), "warcinfo");
  EXPECT_EQ(got[0].block, "software: test\r\n");
  EXPECT_EQ(got[1].Header("warc-record-id"), "<urn:uuid:2>");
  EXPECT_EQ(got[2].block.size(), 3000u + 35u);
  EXPECT_EQ(got[2].content_length, got[2].block.size());
  EXPECT_EQ(got[0].offset, 0u);
  EXPECT_EQ(got[1].offset, recs[0].size());
  EXPECT_EQ(got[2].offset, recs[0].size() + recs[1].size());
  EXPECT_EQ(reader->records(), 3u);
}

TEST(WarcReader, ReadsOneGzipMemberPerRecord) {
  TempDir dir;
  const auto recs = ThreeRecords();
  WriteBytes(dir.Sub("a.warc.gz"), GzipMember(recs[0]) + GzipMember(recs[1]) + GzipMember(recs[2]));
  auto reader = Open(dir.Sub("a.warc.gz"));
  const auto got = ReadAll(reader.get());
  EXPECT_TRUE(reader->status().ok()) << reader->status().ToString();
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[2].Header("WARC-Record-ID"), "<urn:uuid:3>");
}

TEST(WarcReader, ToleratesBareLineFeedsAndExtraBlankLines) {
  TempDir dir;
  const std::string archive =
      "\r\n\nWARC/1.0\nWARC-Type: metadata\nContent-Length: 3\n\nabc\n\n\n\n"
      "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 0\r\n\r\n\r\n\r\n  \r\n";
  WriteBytes(dir.Sub("a.warc"), archive);
  auto reader = Open(dir.Sub("a.warc"));
  const auto got = ReadAll(reader.get());
  EXPECT_TRUE(reader->status().ok()) << reader->status().ToString();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].block, "abc");
  EXPECT_EQ(got[1].type(), "resource");
  EXPECT_EQ(got[1].block, "");
}

TEST(WarcReader, TruncatedBlockKeepsEarlierRecordsAndReportsOffset) {
  TempDir dir;
  const auto recs = ThreeRecords();
  const std::string whole = recs[0] + recs[1] + recs[2];
  WriteBytes(dir.Sub("a.warc"), whole.substr(0, whole.size() - 100));
  auto reader = Open(dir.Sub("a.warc"));
  const auto got = ReadAll(reader.get());
  ASSERT_EQ(got.size(), 2u);
  ASSERT_TRUE(reader->status().IsCorruption());
  const std::string offset = std::to_string(recs[0].size() + recs[1].size());
  EXPECT_NE(reader->status().message().find("at byte " + offset), std::string::npos)
      << reader->status().message();
  // The end is sticky.
  WarcRecord rec;
  EXPECT_FALSE(reader->Next(&rec));
}

TEST(WarcReader, TruncatedHeaderIsCorruption) {
  TempDir dir;
  const auto recs = ThreeRecords();
  WriteBytes(dir.Sub("a.warc"), recs[0] + "WARC/1.0\r\nWARC-Type: resp");
  auto reader = Open(dir.Sub("a.warc"));
  EXPECT_EQ(ReadAll(reader.get()).size(), 1u);
  EXPECT_TRUE(reader->status().IsCorruption());
}

TEST(WarcReader, CorruptGzipMemberKeepsEarlierRecords) {
  TempDir dir;
  const auto recs = ThreeRecords();
  std::string second = GzipMember(recs[1]);
  for (size_t i = 12; i < second.size() - 8; ++i) second[i] = static_cast<char>(second[i] ^ 0x5a);
  WriteBytes(dir.Sub("a.warc.gz"), GzipMember(recs[0]) + second + GzipMember(recs[2]));
  auto reader = Open(dir.Sub("a.warc.gz"));
  const auto got = ReadAll(reader.get());
  ASSERT_EQ(got.size(), 1u);
  EXPECT_TRUE(reader->status().IsCorruption()) << reader->status().ToString();
}

TEST(WarcReader, TruncatedGzipKeepsEarlierRecords) {
  TempDir dir;
  const auto recs = ThreeRecords();
  const std::string whole = GzipMember(recs[0]) + GzipMember(recs[1]) + GzipMember(recs[2]);
  WriteBytes(dir.Sub("a.warc.gz"), whole.substr(0, whole.size() - 20));
  auto reader = Open(dir.Sub("a.warc.gz"));
  EXPECT_EQ(ReadAll(reader.get()).size(), 2u);
  EXPECT_TRUE(reader->status().IsCorruption()) << reader->status().ToString();
}

TEST(WarcReader, GarbageIsCorruptionAtByteZero) {
  TempDir dir;
  WriteBytes(dir.Sub("a.warc"), "<html>this is not an archive</html>\r\n");
  auto reader = Open(dir.Sub("a.warc"));
  EXPECT_TRUE(ReadAll(reader.get()).empty());
  ASSERT_TRUE(reader->status().IsCorruption());
  EXPECT_NE(reader->status().message().find("at byte 0"), std::string::npos);
}

TEST(WarcReader, MissingOrBadContentLengthIsCorruption) {
  TempDir dir;
  for (const std::string& header : {std::string("WARC-Type: resource\r\n"),
                                    std::string("Content-Length: 12x\r\n"),
                                    std::string("Content-Length: -1\r\n")}) {
    WriteBytes(dir.Sub("a.warc"), "WARC/1.0\r\n" + header + "\r\nabc\r\n\r\n");
    auto reader = Open(dir.Sub("a.warc"));
    EXPECT_TRUE(ReadAll(reader.get()).empty());
    EXPECT_TRUE(reader->status().IsCorruption()) << header;
  }
}

TEST(WarcReader, OversizedBlockIsSkippedNotHeld) {
  TempDir dir;
  const auto recs = ThreeRecords();
  WriteBytes(dir.Sub("a.warc"), recs[2] + recs[0]);
  WarcReader::Options options;
  options.max_block = 1000;
  auto reader = Open(dir.Sub("a.warc"), options);
  const auto got = ReadAll(reader.get());
  ASSERT_TRUE(reader->status().ok());
  ASSERT_EQ(got.size(), 2u);
  EXPECT_TRUE(got[0].oversized);
  EXPECT_TRUE(got[0].block.empty());
  EXPECT_EQ(got[0].content_length, 3035u);
  EXPECT_FALSE(got[1].oversized);
  EXPECT_EQ(got[1].type(), "warcinfo");
}

TEST(WarcReader, HugeHeaderIsCorruption) {
  TempDir dir;
  WriteBytes(dir.Sub("a.warc"), "WARC/1.0\r\nX: " + std::string(5000, 'a') + "\r\nContent-Length: 0\r\n\r\n");
  WarcReader::Options options;
  options.max_header = 1024;
  auto reader = Open(dir.Sub("a.warc"), options);
  EXPECT_TRUE(ReadAll(reader.get()).empty());
  EXPECT_TRUE(reader->status().IsCorruption());
}

// Real archives from ../shared/data/warc (skipped when absent).

std::map<std::string, int> TypeCounts(const std::string& path, Status* status) {
  auto reader = Open(path);
  std::map<std::string, int> counts;
  for (const auto& rec : ReadAll(reader.get())) ++counts[std::string(rec.type())];
  *status = reader->status();
  return counts;
}

TEST(WarcReaderRealFiles, CommonCrawlWhirlwind) {
  const std::string path = SharedWarcPath("whirlwind.warc.gz");
  if (path.empty()) GTEST_SKIP() << "shared data absent";
  Status st;
  auto counts = TypeCounts(path, &st);
  EXPECT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(counts["warcinfo"], 1);
  EXPECT_EQ(counts["request"], 1);
  EXPECT_EQ(counts["response"], 1);
  EXPECT_EQ(counts["metadata"], 1);
}

TEST(WarcReaderRealFiles, WetAndWat) {
  for (const char* name : {"whirlwind.warc.wet.gz", "whirlwind.warc.wat.gz"}) {
    const std::string path = SharedWarcPath(name);
    if (path.empty()) GTEST_SKIP() << "shared data absent";
    Status st;
    auto counts = TypeCounts(path, &st);
    EXPECT_TRUE(st.ok()) << name << ": " << st.ToString();
    EXPECT_EQ(counts["warcinfo"], 1) << name;
    EXPECT_EQ(counts["conversion"] + counts["metadata"], 1) << name;
  }
}

TEST(WarcReaderRealFiles, WarcioTruncatedExample) {
  const std::string path = SharedWarcPath("warcio-example-trunc.warc");
  if (path.empty()) GTEST_SKIP() << "shared data absent";
  Status st;
  auto counts = TypeCounts(path, &st);
  EXPECT_TRUE(st.IsCorruption()) << st.ToString();
  EXPECT_EQ(counts["warcinfo"], 2);
  EXPECT_EQ(counts["response"], 1);
}

}  // namespace
}  // namespace corpus

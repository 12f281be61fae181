#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "corpus/io/record_source.h"
#include "corpus/io/shard_writer.h"
#include "corpus/util/fs.h"
#include "corpus/util/sha256.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

std::vector<std::string> ReadAll(const std::string& path, Status* status = nullptr) {
  std::unique_ptr<RecordSource> src;
  Status st = OpenRecordSource(path, &src);
  EXPECT_TRUE(st.ok()) << st.ToString();
  std::vector<std::string> out;
  std::string_view line;
  while (src->Next(&line)) out.emplace_back(line);
  if (status) *status = src->status();
  return out;
}

std::vector<std::string> SampleLines() {
  return {R"({"id":"1","text":"hello"})", R"({"id":"2","text":"\u00e9t\u00e9 \ud83d\ude00"})",
          R"({"id":"3","unknown":{"deep":[1,2,{"x":null}]}})",
          "{\"id\":\"4\",\"html\":\"" + std::string(3 << 20, 'z') + "\"}"};
}

TEST(ShardIoTest, ZstdRoundTrip) {
  testing::TempDir dir;
  const std::string path = dir.Sub("a.jsonl.zst");
  ShardWriter w(path, 3);
  for (const auto& l : SampleLines()) ASSERT_TRUE(w.Write(l).ok());
  ASSERT_FALSE(PathExists(path)) << "visible before Finish";
  ASSERT_TRUE(w.Finish().ok());
  ASSERT_TRUE(PathExists(path));
  EXPECT_FALSE(PathExists(path + ".tmp"));
  EXPECT_EQ(ReadAll(path), SampleLines());
  EXPECT_EQ(w.stats().records, 4u);
  std::string bytes;
  ASSERT_TRUE(ReadFile(path, &bytes).ok());
  EXPECT_EQ(w.stats().sha256, Sha256Hex(bytes));
  EXPECT_EQ(w.stats().file_bytes, bytes.size());
}

TEST(ShardIoTest, CompressionWorkerRoundTripWithSyncPoints) {
  testing::TempDir dir;
  const std::string path = dir.Sub("w.jsonl.zst");
  std::vector<std::string> lines;
  for (int i = 0; i < 300; ++i) {
    // Short records gathered, long ones handed to zstd as they are.
    const size_t size = i % 3 == 0 ? 20000 + i : 40 + i;
    lines.push_back("{\"id\":\"" + std::to_string(i) + "\",\"html\":\"" +
                    std::string(size, static_cast<char>('a' + i % 26)) + "\"}");
  }
  ShardWriter w(path, 1, /*create_empty=*/false);
  w.set_compression_workers(1);
  for (int i = 0; i < 150; ++i) ASSERT_TRUE(w.Write(lines[i]).ok());
  ASSERT_TRUE(w.Sync().ok());
  // Everything written before Sync() is in the temporary file, whole.
  const std::vector<std::string> first(lines.begin(), lines.begin() + 150);
  std::string bytes;
  ASSERT_TRUE(ReadFile(path + ".tmp", &bytes).ok());
  EXPECT_EQ(w.stats().file_bytes, bytes.size());
  ASSERT_TRUE(WriteFileAtomic(dir.Sub("synced.jsonl.zst"), bytes).ok());
  EXPECT_TRUE(ReadAll(dir.Sub("synced.jsonl.zst")) == first);
  for (int i = 150; i < 300; ++i) ASSERT_TRUE(w.Write(lines[i]).ok());
  ASSERT_TRUE(w.Finish().ok());
  EXPECT_TRUE(ReadAll(path) == lines);
  EXPECT_EQ(w.stats().records, 300u);
  ASSERT_TRUE(ReadFile(path, &bytes).ok());
  EXPECT_EQ(w.stats().sha256, Sha256Hex(bytes));
  EXPECT_EQ(w.stats().file_bytes, bytes.size());
}

TEST(ShardIoTest, PlainAndGzipInputs) {
  testing::TempDir dir;
  const std::string plain = dir.Sub("p.jsonl");
  {
    std::ofstream f(plain);
    f << "{\"id\":\"a\"}\r\n\n{\"id\":\"b\"}";  // CRLF, a blank line, no final newline
  }
  auto lines = ReadAll(plain);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1], "{\"id\":\"b\"}");

  // Two gzip members back to back, as multi-member files have.
  const std::string gz = dir.Sub("g.jsonl.gz");
  for (const char* part : {"{\"id\":\"x\"}\n", "{\"id\":\"y\"}\n"}) {
    gzFile f = gzopen(gz.c_str(), "ab");
    gzputs(f, part);
    gzclose(f);
  }
  EXPECT_EQ(ReadAll(gz), (std::vector<std::string>{"{\"id\":\"x\"}", "{\"id\":\"y\"}"}));
}

TEST(ShardIoTest, EmptyShard) {
  testing::TempDir dir;
  const std::string path = dir.Sub("e.jsonl.zst");
  ShardWriter w(path);
  ASSERT_TRUE(w.Finish().ok());
  Status st;
  EXPECT_TRUE(ReadAll(path, &st).empty());
  EXPECT_TRUE(st.ok());
}

TEST(ShardIoTest, OptionalOutputIsNotCreatedWhenEmpty) {
  testing::TempDir dir;
  const std::string path = dir.Sub("r.jsonl.zst");
  ShardWriter w(path, 3, /*create_empty=*/false);
  ASSERT_TRUE(w.Finish().ok());
  EXPECT_FALSE(PathExists(path));
  EXPECT_FALSE(w.created());
}

TEST(ShardIoTest, AbandonedWriterLeavesNothing) {
  testing::TempDir dir;
  const std::string path = dir.Sub("x.jsonl.zst");
  {
    ShardWriter w(path);
    ASSERT_TRUE(w.Write("{\"id\":\"1\"}").ok());
  }
  EXPECT_FALSE(PathExists(path));
  EXPECT_FALSE(PathExists(path + ".tmp"));
}

TEST(ShardIoTest, UnwritableFolderIsAnIOError) {
  ShardWriter w("/proc/definitely/not/here.jsonl.zst");
  Status st = w.Write("{\"id\":\"1\"}");
  EXPECT_TRUE(st.IsIOError()) << st.ToString();
  EXPECT_NE(st.message().find("/proc/definitely/not/here.jsonl.zst"), std::string::npos);
}

std::string WriteManyRecords(const std::string& path, int n) {
  ShardWriter w(path, 1);
  for (int i = 0; i < n; ++i) {
    EXPECT_TRUE(w.Write("{\"id\":\"" + std::to_string(i) + "\",\"text\":\"" +
                        std::string(100 + (i * 7919) % 300, 'a' + i % 26) + "\"}")
                    .ok());
  }
  EXPECT_TRUE(w.Finish().ok());
  std::string bytes;
  EXPECT_TRUE(ReadFile(path, &bytes).ok());
  return bytes;
}

TEST(ShardIoTest, TruncatedZstdIsReadUpToTheDamage) {
  testing::TempDir dir;
  const std::string path = dir.Sub("t.jsonl.zst");
  std::string bytes = WriteManyRecords(path, 20000);
  bytes.resize(bytes.size() / 2);
  {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  Status st;
  auto lines = ReadAll(path, &st);
  EXPECT_TRUE(st.IsCorruption()) << st.ToString();
  EXPECT_NE(st.message().find("byte"), std::string::npos);
  EXPECT_GT(lines.size(), 1000u);
  EXPECT_LT(lines.size(), 20000u);
  // Every returned line is whole.
  for (size_t i = 0; i < lines.size(); ++i) {
    ASSERT_EQ(lines[i].rfind("{\"id\":\"" + std::to_string(i) + "\"", 0), 0u);
    ASSERT_EQ(lines[i].back(), '}');
  }
}

TEST(ShardIoTest, CorruptZstdReportsOffset) {
  testing::TempDir dir;
  const std::string path = dir.Sub("c.jsonl.zst");
  std::string bytes = WriteManyRecords(path, 20000);
  for (size_t i = bytes.size() / 2; i < bytes.size() / 2 + 64; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
  {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  Status st;
  auto lines = ReadAll(path, &st);
  EXPECT_TRUE(st.IsCorruption()) << st.ToString();
  EXPECT_LT(lines.size(), 20000u);
}

TEST(ShardIoTest, ResolveInputsFromFoldersFilesAndGlobs) {
  testing::TempDir dir;
  ASSERT_TRUE(MakeDirs(dir.Sub("stage/rejected")).ok());
  ASSERT_TRUE(MakeDirs(dir.Sub("stage/_done")).ok());
  for (const char* name : {"stage/part-1.jsonl.zst", "stage/part-0.jsonl.zst",
                           "stage/rejected/part-0.jsonl.zst", "stage/_manifest.json",
                           "stage/notes.txt", "other.jsonl"}) {
    std::ofstream(dir.Sub(name)) << "";
  }
  std::vector<std::string> files;
  ASSERT_TRUE(ResolveInputs({dir.Sub("stage"), dir.Sub("other.jsonl"), dir.Sub("stage/part-*.zst")},
                            &files)
                  .ok());
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(BaseName(files[0]), "other.jsonl");
  EXPECT_EQ(BaseName(files[1]), "part-0.jsonl.zst");
  EXPECT_EQ(BaseName(files[2]), "part-1.jsonl.zst");
  EXPECT_TRUE(ResolveInputs({dir.Sub("missing")}, &files).IsInvalidArgument());
  EXPECT_FALSE(ResolveInputs({dir.Sub("nomatch-*.zst")}, &files).ok());
}

TEST(ShardIoTest, ResolveStageInputsNeedsAFile) {
  testing::TempDir dir;
  ASSERT_TRUE(MakeDirs(dir.Sub("empty")).ok());
  ASSERT_TRUE(MakeDirs(dir.Sub("stage")).ok());
  std::ofstream(dir.Sub("stage/part-0.jsonl.zst")) << "";
  std::vector<std::string> files;
  const Status none = ResolveStageInputs({dir.Sub("empty")}, &files);
  EXPECT_TRUE(none.IsInvalidArgument()) << none.ToString();
  EXPECT_NE(none.message().find("no input files"), std::string::npos);
  ASSERT_TRUE(ResolveStageInputs({dir.Sub("stage")}, &files).ok());
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(BaseName(files[0]), "part-0.jsonl.zst");
}

}  // namespace
}  // namespace corpus

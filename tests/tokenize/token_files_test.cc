#include "corpus/tokenize/token_files.h"

#include <gtest/gtest.h>

#include "testing/temp_dir.h"
#include "tokenize/megatron_index_reader.h"

namespace corpus {
namespace {

using Docs = std::vector<std::vector<uint32_t>>;

std::vector<OutputFile> WriteDocs(const std::string& dir, TokenFormat format, uint32_t vocab,
                                  uint64_t cap, const Docs& docs) {
  TokenFileWriter w(dir, "part", format, vocab, cap, "tok.json");
  for (const auto& d : docs) EXPECT_TRUE(w.Add(d).ok());
  std::vector<OutputFile> out;
  EXPECT_TRUE(w.Finish(&out).ok());
  return out;
}

TEST(TokenFiles, MegatronDtypeFollowsVocabularySize) {
  EXPECT_EQ(TokenBytes(TokenFormat::kMegatron, 65499), 2);
  EXPECT_EQ(TokenBytes(TokenFormat::kMegatron, 65500), 4);
  EXPECT_EQ(TokenBytes(TokenFormat::kDatatrove, 65536), 2);
  EXPECT_EQ(TokenBytes(TokenFormat::kDatatrove, 65537), 4);
}

TEST(TokenFiles, MegatronIndexParsesAsMegatronDocumentsIt) {
  for (uint32_t vocab : {50000u, 100277u}) {
    testing::TempDir tmp;
    const Docs docs = {{1, 2, 3}, {40000}, {7, 8}, {}};
    WriteDocs(tmp.path(), TokenFormat::kMegatron, vocab, 0, docs);
    testing::MegatronIndex idx;
    std::string error;
    ASSERT_TRUE(testing::ReadMegatronIndex(tmp.Sub("part-00000.idx"), &idx, &error)) << error;
    const int64_t item = vocab < 65500 ? 2 : 4;
    EXPECT_EQ(idx.version, 1u);
    EXPECT_EQ(idx.dtype_code, vocab < 65500 ? 8 : 4);  // uint16 / int32
    EXPECT_EQ(idx.sequence_lengths, (std::vector<int32_t>{3, 1, 2, 0}));
    EXPECT_EQ(idx.sequence_pointers, (std::vector<int64_t>{0, 3 * item, 4 * item, 6 * item}));
    EXPECT_EQ(idx.document_indices, (std::vector<int64_t>{0, 1, 2, 3, 4}));
    std::string bin;
    ASSERT_TRUE(ReadFile(tmp.Sub("part-00000.bin"), &bin).ok());
    EXPECT_EQ(static_cast<int64_t>(bin.size()), 6 * item);
    EXPECT_EQ(testing::ReadMegatronDocuments(tmp.Sub("part-00000")), docs);
  }
}

TEST(TokenFiles, CapStartsANewFileBeforeItWouldBePassed) {
  testing::TempDir tmp;
  const Docs docs = {{1, 1, 1, 1}, {2, 2, 2, 2}, {3, 3, 3, 3}, std::vector<uint32_t>(20, 4), {5}};
  const auto outputs = WriteDocs(tmp.path(), TokenFormat::kMegatron, 1000, 10, docs);
  EXPECT_EQ(outputs.size(), 8u);  // four .bin + four .idx
  EXPECT_EQ(testing::ReadMegatronDocuments(tmp.Sub("part-00000")), (Docs{docs[0], docs[1]}));
  EXPECT_EQ(testing::ReadMegatronDocuments(tmp.Sub("part-00001")), (Docs{docs[2]}));
  EXPECT_EQ(testing::ReadMegatronDocuments(tmp.Sub("part-00002")), (Docs{docs[3]}));
  EXPECT_EQ(testing::ReadMegatronDocuments(tmp.Sub("part-00003")), (Docs{docs[4]}));
  EXPECT_FALSE(PathExists(tmp.Sub("part-00004.bin")));
  EXPECT_FALSE(PathExists(tmp.Sub("part-00000.bin.tmp")));
}

TEST(TokenFiles, DatatroveIndexHoldsDocumentEnds) {
  testing::TempDir tmp;
  const Docs docs = {{1, 2, 3}, {70000, 5}};
  const auto outputs = WriteDocs(tmp.path(), TokenFormat::kDatatrove, 100277, 0, docs);
  ASSERT_EQ(outputs.size(), 3u);
  EXPECT_EQ(outputs[0].path, "part_00000.ds");
  EXPECT_EQ(outputs[0].records, 2u);
  EXPECT_EQ(outputs[0].bytes, 5u);
  std::string index, meta;
  ASSERT_TRUE(ReadFile(tmp.Sub("part_00000.ds.index"), &index).ok());
  ASSERT_EQ(index.size(), 16u);
  uint64_t ends[2];
  std::memcpy(ends, index.data(), 16);
  EXPECT_EQ(ends[0], 3u);
  EXPECT_EQ(ends[1], 5u);
  EXPECT_EQ(testing::ReadDatatroveDocuments(tmp.Sub("part_00000.ds"), 4), docs);
  ASSERT_TRUE(ReadFile(tmp.Sub("part_00000.ds.metadata"), &meta).ok());
  EXPECT_EQ(meta, "tok.json\n5\n5.00 T");
}

TEST(TokenFiles, AbandonedWriterLeavesNoFile) {
  testing::TempDir tmp;
  {
    TokenFileWriter w(tmp.path(), "part", TokenFormat::kMegatron, 1000, 0, "t");
    ASSERT_TRUE(w.Add({1, 2}).ok());
  }
  EXPECT_FALSE(PathExists(tmp.Sub("part-00000.bin.tmp")));
  EXPECT_FALSE(PathExists(tmp.Sub("part-00000.bin")));
}

}  // namespace
}  // namespace corpus

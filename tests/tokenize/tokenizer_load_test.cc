// Loading tokenizer files: what is refused, and how.

#include <gtest/gtest.h>

#include <fstream>

#include "corpus/tokenize/tokenizer.h"
#include "testing/temp_dir.h"
#include "tokenize/golden_cases.h"

namespace corpus {
namespace {

std::string Base64(const std::string& in) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < in.size(); i += 3) {
    uint32_t v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    if (i + 2 < in.size()) v |= static_cast<unsigned char>(in[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += i + 2 < in.size() ? kAlphabet[v & 63] : '=';
  }
  return out;
}

// A tiny rank file: the 256 bytes, then "ab", "abc".
std::string WriteRanks(const testing::TempDir& tmp, const std::string& name, bool all_bytes = true,
                       const std::string& extra = "") {
  std::ofstream out(tmp.Sub(name));
  int rank = 0;
  for (int b = 0; b < 256; ++b) {
    if (!all_bytes && b == 'z') continue;
    out << Base64(std::string(1, static_cast<char>(b))) << " " << rank++ << "\n";
  }
  out << Base64("ab") << " " << rank << "\n";
  out << Base64("abc") << " " << rank + 1 << "\n" << extra;
  return tmp.Sub(name);
}

Status Load(const std::string& path, const std::string& pattern = "") {
  std::unique_ptr<Tokenizer> tok;
  TokenizerOptions options;
  options.tiktoken_pattern = pattern;
  return LoadTokenizer(path, options, &tok);
}

TEST(TokenizerLoad, TiktokenPatternFromNameOrOption) {
  testing::TempDir tmp;
  const std::string custom = WriteRanks(tmp, "custom.tiktoken");
  EXPECT_TRUE(Load(custom).IsInvalidArgument());  // which pattern?
  ASSERT_TRUE(Load(custom, "cl100k_base").ok());
  EXPECT_TRUE(Load(custom, "p50k").IsInvalidArgument());

  std::unique_ptr<Tokenizer> tok;
  TokenizerOptions options;
  options.tiktoken_pattern = "o200k_base";
  ASSERT_TRUE(LoadTokenizer(custom, options, &tok).ok());
  std::vector<uint32_t> ids;
  tok->Encode("abc abd", &ids);
  // "abc" is a token; " abd" merges only "ab".
  EXPECT_EQ(ids, (std::vector<uint32_t>{257, ' ', 256, 'd'}));
}

TEST(TokenizerLoad, BrokenRankFilesAreRefusedWithWhere) {
  testing::TempDir tmp;
  Status st = Load(WriteRanks(tmp, "a_cl100k_base.tiktoken", true, "not-base64! 9\n"));
  EXPECT_TRUE(st.IsInvalidArgument());
  EXPECT_NE(st.message().find(":259:"), std::string::npos) << st.message();
  st = Load(WriteRanks(tmp, "b_cl100k_base.tiktoken", /*all_bytes=*/false));
  EXPECT_TRUE(st.IsInvalidArgument());
  EXPECT_NE(st.message().find("byte 122"), std::string::npos) << st.message();
  st = Load(WriteRanks(tmp, "c_cl100k_base.tiktoken", true, Base64("ab") + " 500\n"));
  EXPECT_TRUE(st.IsInvalidArgument()) << st.message();  // the same bytes twice
}

TEST(TokenizerLoad, UnsupportedTokenizerJsonPartsAreRefused) {
  testing::TempDir tmp;
  std::string json;
  {
    std::ifstream in(TokenizeTestData("gpt2_style.tokenizer.json"));
    json.assign(std::istreambuf_iterator<char>(in), {});
  }
  auto variant = [&](const std::string& from, const std::string& to) {
    std::string v = json;
    const size_t at = v.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) v.replace(at, from.size(), to);
    std::ofstream(tmp.Sub("v.json")) << v;
    return Load(tmp.Sub("v.json"));
  };
  EXPECT_TRUE(variant("\"type\": \"BPE\"", "\"type\": \"WordPiece\"").IsInvalidArgument());
  EXPECT_TRUE(variant("\"byte_fallback\": false", "\"byte_fallback\": true").IsInvalidArgument());
  EXPECT_TRUE(variant("\"normalizer\": null", "\"normalizer\": {\"type\": \"Lowercase\"}").IsInvalidArgument());
  EXPECT_TRUE(variant("\"rstrip\": false", "\"rstrip\": true").IsInvalidArgument());
  const Status st = variant("\"type\": \"ByteLevel\",\n  \"add_prefix_space\": false,\n  \"trim_offsets\": true,\n  \"use_regex\": true",
                            "\"type\": \"Whitespace\"");
  EXPECT_TRUE(st.IsInvalidArgument());
  EXPECT_NE(st.message().find("Whitespace"), std::string::npos) << st.message();
  // A sparse id would size the id table by the id: refused, not allocated.
  const Status sparse = variant("\"0\": 48,", "\"0\": 200000000,");
  EXPECT_TRUE(sparse.IsInvalidArgument());
  EXPECT_NE(sparse.message().find("no valid id"), std::string::npos) << sparse.message();
  std::ofstream(tmp.Sub("bad.json")) << "{\"model\": ";
  EXPECT_TRUE(Load(tmp.Sub("bad.json")).IsInvalidArgument());
  EXPECT_TRUE(Load(tmp.Sub("nothing.json")).IsInvalidArgument());
  std::ofstream(tmp.Sub("x.bin")) << "x";
  EXPECT_TRUE(Load(tmp.Sub("x.bin")).IsInvalidArgument());
}

}  // namespace
}  // namespace corpus

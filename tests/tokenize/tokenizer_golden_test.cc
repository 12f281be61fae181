// Compares our tokenizers with the reference implementations' ids on the
// cases of testdata/cases.txt (goldens made by tools/make_tokenize_goldens.sh).

#include <gtest/gtest.h>

#include "corpus/tokenize/tokenizer.h"
#include "tokenize/golden_cases.h"

namespace corpus {
namespace {

std::unique_ptr<Tokenizer> Load(const std::string& file) {
  std::unique_ptr<Tokenizer> tok;
  const Status st = LoadTokenizer(TokenizeTestData(file), TokenizerOptions(), &tok);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return tok;
}

std::string Show(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c >= 0x20 && c < 0x7F) {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[8];
      snprintf(buf, sizeof(buf), "\\x%02x", c);
      out += buf;
    }
  }
  return out;
}

// Every case, encoded whole, gives the golden ids.
void ExpectGolden(const std::string& tokenizer_file, const std::string& golden_file) {
  auto tok = Load(tokenizer_file);
  ASSERT_NE(tok, nullptr);
  const auto cases = ReadGoldenCases();
  const auto golden = ReadGoldenIds(golden_file);
  ASSERT_EQ(cases.size(), golden.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    std::vector<uint32_t> ids;
    tok->Encode(cases[i], &ids);
    EXPECT_EQ(ids, golden[i]) << "case " << i + 1 << ": " << Show(cases[i]);
  }
}

TEST(TokenizerGolden, Cl100kMatchesTiktoken) {
  ExpectGolden("cl100k_base.tiktoken.zst", "cl100k_base.golden");
}

TEST(TokenizerGolden, O200kMatchesTiktoken) {
  ExpectGolden("o200k_base.tiktoken.zst", "o200k_base.golden");
}

TEST(TokenizerGolden, Gpt2StyleTokenizerJsonMatchesHuggingFace) {
  ExpectGolden("gpt2_style.tokenizer.json", "gpt2_style.golden");
}

TEST(TokenizerGolden, Llama3StyleTokenizerJsonMatchesHuggingFace) {
  ExpectGolden("llama3_style.tokenizer.json", "llama3_style.golden");
}

TEST(TokenizerGolden, Qwen2StyleTokenizerJsonMatchesHuggingFace) {
  ExpectGolden("qwen2_style.tokenizer.json", "qwen2_style.golden");
}

// spm_encode reads lines, so its goldens hold one line per line of a case.
void ExpectSentencePieceGolden(const std::string& model, const std::string& golden_file) {
  auto tok = Load(model);
  ASSERT_NE(tok, nullptr);
  const auto golden = ReadGoldenIds(golden_file);
  size_t g = 0;
  for (const auto& c : ReadGoldenCases()) {
    size_t start = 0;
    for (;;) {
      const size_t nl = c.find('\n', start);
      const std::string segment = c.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
      std::vector<uint32_t> ids;
      tok->Encode(segment, &ids);
      ASSERT_LT(g, golden.size());
      EXPECT_EQ(ids, golden[g]) << "segment " << g + 1 << ": " << Show(segment);
      ++g;
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  }
  EXPECT_EQ(g, golden.size());
}

TEST(TokenizerGolden, SentencePieceUnigramMatchesSpmEncode) {
  ExpectSentencePieceGolden("spm_unigram.model", "spm_unigram.golden");
}

TEST(TokenizerGolden, SentencePieceBpeWithByteFallbackMatchesSpmEncode) {
  ExpectSentencePieceGolden("spm_bpe_bytes.model", "spm_bpe_bytes.golden");
}

}  // namespace
}  // namespace corpus

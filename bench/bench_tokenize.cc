// Throughput of the tokenizers of `corpus tokenize`, single-threaded: MB/s
// of UTF-8 text per core (bytes over the thread's CPU time), and tokens per
// second. tools/tokenize_ref/bench.mjs measures the npm references on the
// same file; BENCHMARKS.md has both.
//
// Usage: bench_tokenize [documents: JSON Lines with "text", or plain text one
//                       per line] [MB, default 8] [tokenizer file...]
// Without a file (or with "-"), the multilingual sample of the tests is
// repeated up to the size; without tokenizers, the test data's cl100k_base,
// o200k_base, Llama-3-style tokenizer.json and SentencePiece unigram model
// are measured. It also prints a digest of all ids so runs can be compared.
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "bench_util.h"
#include "corpus/io/record.h"
#include "corpus/tokenize/tokenizer.h"
#include "corpus/util/sha256.h"

namespace {

std::vector<std::string> ReadDocuments(const std::string& path, size_t max_bytes) {
  std::vector<std::string> docs;
  size_t total = 0;
  while (total < max_bytes) {
    std::ifstream in(path);
    if (!in) break;
    const size_t before = total;
    for (std::string line; total < max_bytes && std::getline(in, line);) {
      if (line.empty()) continue;
      corpus::Record record;
      if (line.front() == '{' && record.Parse(line).ok()) {
        if (auto text = record.GetString("text")) line = *text;
      }
      total += line.size();
      docs.push_back(std::move(line));
    }
    if (total == before) break;
  }
  return docs;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string data = std::string(CORPUS_SOURCE_DIR) + "/tests/tokenize/testdata/";
  std::string file = argc > 1 ? argv[1] : "-";
  if (file == "-") file = data + "multilingual.txt";
  const double mb = argc > 2 ? std::atof(argv[2]) : 8;
  std::vector<std::string> tokenizers;
  for (int i = 3; i < argc; ++i) tokenizers.push_back(argv[i]);
  if (tokenizers.empty()) {
    for (const char* t : {"cl100k_base.tiktoken.zst", "o200k_base.tiktoken.zst",
                          "llama3_style.tokenizer.json", "spm_unigram.model"}) {
      tokenizers.push_back(data + t);
    }
  }
  const std::vector<std::string> docs = ReadDocuments(file, static_cast<size_t>(mb * 1e6));
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.size();
  if (docs.empty()) {
    std::fprintf(stderr, "no text in %s\n", file.c_str());
    return 1;
  }
  std::printf("text: %s, %zu documents, %.1f MB\n", file.c_str(), docs.size(), bytes / 1e6);
  for (const auto& path : tokenizers) {
    std::unique_ptr<corpus::Tokenizer> tok;
    const double load_start = ThreadCpuSeconds();
    const corpus::Status st = corpus::LoadTokenizer(path, {}, &tok);
    if (!st.ok()) {
      std::fprintf(stderr, "%s\n", st.ToString().c_str());
      return 1;
    }
    const double load = ThreadCpuSeconds() - load_start;
    std::vector<uint32_t> ids;
    corpus::Sha256 digest;
    uint64_t tokens = 0;
    const double start = ThreadCpuSeconds();
    for (const auto& d : docs) {
      ids.clear();
      tok->Encode(d, &ids);
      tokens += ids.size();
      digest.Update(ids.data(), ids.size() * sizeof(uint32_t));
    }
    const double secs = ThreadCpuSeconds() - start;
    const std::string name = path.substr(path.find_last_of('/') + 1);
    std::printf("%-28s %8.2f MB/s per core  %6.2f M tokens/s  %10llu tokens  load %.2f s  ids %.12s\n",
                name.c_str(), bytes / 1e6 / secs, tokens / 1e6 / secs,
                static_cast<unsigned long long>(tokens), load, digest.HexDigest().c_str());
  }
  return 0;
}

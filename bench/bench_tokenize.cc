// Throughput of the tokenizers of `corpus tokenize`, single-threaded: MB/s
// of UTF-8 text per core (bytes over the thread's CPU time), and tokens per
// second; then the whole command a user runs, `corpus tokenize --threads 1`
// as a child process on the same documents (wall, CPU user + sys). For the
// tiktoken vocabularies, the npm `tiktoken` package (tools/tokenize_ref,
// installed by `npm ci` there) runs beside it in the same run:
// tools/tokenize_ref/bench.mjs as a child process, its encode loop and its
// whole process, with the ratios of CPU time. Without node or the package,
// the reference is skipped with a message.
//
// Usage: bench_tokenize [documents: JSON Lines with "text", or plain text one
//                       per line] [MB, default 8] [tokenizer file...]
// Without a file (or with "-"), the multilingual sample of the tests is
// repeated up to the size; without tokenizers, the test data's cl100k_base,
// o200k_base, Llama-3-style tokenizer.json and SentencePiece unigram model
// are measured. It also prints a digest of all ids so runs can be compared.
#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "bench_proc.h"
#include "bench_util.h"
#include "corpus/io/record.h"
#include "corpus/tokenize/tokenizer.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"
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

// The encode-loop rate (MB/s per core) bench.mjs printed on its line, or 0.
double ReferenceRate(const std::string& output) {
  const size_t at = output.find(" MB/s per core");
  if (at == std::string::npos) return 0;
  const size_t space = output.rfind(' ', at - 1);
  return space == std::string::npos ? 0 : std::atof(output.c_str() + space + 1);
}

// The npm tiktoken reference on `file` (the name of the vocabulary, e.g.
// cl100k_base), beside our encode loop (`cpu` seconds) and whole command.
void RunReference(const std::string& vocabulary, const std::string& file, double mb, double bytes, double cpu,
                  double command_cpu) {
  const std::string ref = std::string(CORPUS_SOURCE_DIR) + "/tools/tokenize_ref";
  if (!corpus_bench::HaveTool("node")) {
    corpus_bench::PrintSkipped("node not installed");
    return;
  }
  if (!std::filesystem::exists(ref + "/node_modules/tiktoken")) {
    corpus_bench::PrintSkipped("npm tiktoken not installed: npm ci in tools/tokenize_ref");
    return;
  }
  const std::string out = "/tmp/bench_tokenize_ref." + std::to_string(::getpid());
  const corpus_bench::ProcResult r = corpus_bench::RunProcess(
      {"node", ref + "/bench.mjs", file, std::to_string(mb), "tiktoken " + vocabulary + " (Rust"}, out);
  std::string text;
  (void)corpus::ReadFile(out, &text);
  std::remove(out.c_str());
  const double rate = ReferenceRate(text);
  if (r.exit_code != 0 || rate <= 0) {
    std::printf("reference: npm tiktoken failed (exit %d)\n", r.exit_code);
    return;
  }
  const double ref_cpu = bytes / 1e6 / rate;
  const size_t ids = text.find(" ids ");
  std::printf("%-28s %8.2f MB/s per core  (npm tiktoken %s, encode loop)  ids %s\n", "  reference", rate,
              vocabulary.c_str(), ids == std::string::npos ? "?" : text.substr(ids + 5, 12).c_str());
  corpus_bench::PrintProc("  node bench.mjs (reference, whole process)", r, bytes / 1e6, "MB");
  const std::string what = "tokenize " + vocabulary;
  corpus_bench::PrintRatio((what + ": encode loop").c_str(), cpu, "npm tiktoken encode_ordinary", ref_cpu);
  corpus_bench::PrintRatio((what + ": whole command").c_str(), command_cpu, "node + npm tiktoken", r.cpu);
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
  // The same documents as a JSON Lines shard for the whole command.
  const std::string work = "/tmp/bench_tokenize." + std::to_string(::getpid());
  {
    std::string jsonl;
    for (size_t i = 0; i < docs.size(); ++i) {
      jsonl += corpus::JsonObjectWriter().String("id", "doc-" + std::to_string(i)).String("text", docs[i]).Finish();
      jsonl += '\n';
    }
    CheckOk(corpus::MakeDirs(work + "/in"));
    CheckOk(corpus::WriteFileAtomic(work + "/in/part-00000.jsonl", jsonl));
  }
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
    std::filesystem::remove_all(work + "/out");
    const corpus_bench::ProcResult cmd = corpus_bench::RunProcess(
        {corpus_bench::CorpusBinary(), "tokenize", "--in", work + "/in", "--out", work + "/out", "--tokenizer", path,
         "--threads", "1", "--no-progress"});
    corpus_bench::PrintProc("  corpus tokenize --threads 1 (whole command)", cmd, bytes / 1e6, "MB");
    for (const char* vocabulary : {"cl100k_base", "o200k_base"}) {
      if (name.rfind(vocabulary, 0) == 0) RunReference(vocabulary, file, mb, bytes, secs, cmd.cpu);
    }
  }
  std::filesystem::remove_all(work);
  return 0;
}

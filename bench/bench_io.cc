// Shard I/O throughput: writing zstd shards, reading them, parsing records,
// and a pass-through run of the stage runner, each on one core, next to
// `zstd -dc FILE > /dev/null` on the same files (the floor for reading).
//
// Usage: bench_io [total_MB=256] [work_dir=/tmp/corpus-bench-io]

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "corpus/io/byte_stream.h"
#include "corpus/io/record.h"
#include "corpus/io/record_source.h"
#include "corpus/io/shard_writer.h"
#include "corpus/stage/map_stage.h"
#include "corpus/util/json.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// Pseudo-English documents of a few KB with a realistic record shape.
std::string MakeDoc(std::mt19937_64& rng, uint64_t n) {
  static const char* kWords[] = {"the", "of", "and", "to", "in", "a", "is", "that", "for", "it",
                                 "as", "was", "with", "be", "by", "on", "not", "he", "this", "are",
                                 "corpus", "language", "model", "training", "quality", "research",
                                 "government", "university", "information", "development",
                                 "community", "international", "technology", "history"};
  std::string text;
  const int words = 300 + static_cast<int>(rng() % 700);
  for (int i = 0; i < words; ++i) {
    text += kWords[rng() % (sizeof(kWords) / sizeof(kWords[0]))];
    text += (i % 17 == 16) ? ".\n\n" : " ";
  }
  return corpus::JsonObjectWriter()
      .String("id", "doc-" + std::to_string(n))
      .String("url", "https://example.com/article/" + std::to_string(n))
      .String("source", "crawl")
      .String("fetched_at", "2026-11-26T05:00:00Z")
      .Int("status", 200)
      .String("title", "Article number " + std::to_string(n))
      .String("text", text)
      .Finish();
}

class PassThroughStage : public corpus::MapStage {
 public:
  std::string name() const override { return "passthrough"; }
  corpus::StageConfig config() const override { return {}; }
  std::unique_ptr<corpus::RecordProcessor> NewProcessor(const std::string&) override {
    class P : public corpus::RecordProcessor {
      corpus::Status Process(corpus::Record& r, corpus::Emitter& out) override { return out.Keep(r); }
    };
    return std::make_unique<P>();
  }
};

}  // namespace

int main(int argc, char** argv) {
  const double total_mb = argc > 1 ? std::atof(argv[1]) : 256;
  const std::string dir = argc > 2 ? argv[2] : "/tmp/corpus-bench-io";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir + "/in");
  const int kShards = 8;

  // Generate documents in memory first so generation is not timed.
  std::mt19937_64 rng(42);
  std::vector<std::string> docs;
  uint64_t bytes = 0;
  while (bytes < total_mb * 1e6) {
    docs.push_back(MakeDoc(rng, docs.size()));
    bytes += docs.back().size() + 1;
  }
  std::printf("data: %zu documents, %.1f MB of JSON, %d shards\n", docs.size(), bytes / 1e6, kShards);

  auto t = Clock::now();
  for (int s = 0; s < kShards; ++s) {
    corpus::ShardWriter w(dir + "/in/part-" + std::to_string(s) + ".jsonl.zst", 3);
    for (size_t i = s; i < docs.size(); i += kShards) w.Write(docs[i]);
    w.Finish();
  }
  const double write_s = Seconds(t);
  std::printf("write  zstd-3 (1 core):            %7.1f MB/s\n", bytes / 1e6 / write_s);
  docs.clear();
  docs.shrink_to_fit();

  t = Clock::now();
  uint64_t read_bytes = 0;
  for (int s = 0; s < kShards; ++s) {
    std::unique_ptr<corpus::RecordSource> src;
    corpus::OpenRecordSource(dir + "/in/part-" + std::to_string(s) + ".jsonl.zst", &src);
    std::string_view line;
    while (src->Next(&line)) read_bytes += line.size() + 1;
  }
  const double read_s = Seconds(t);
  std::printf("read   lines (1 core):             %7.1f MB/s\n", read_bytes / 1e6 / read_s);

  t = Clock::now();
  corpus::Record rec;
  uint64_t parsed = 0;
  for (int s = 0; s < kShards; ++s) {
    std::unique_ptr<corpus::RecordSource> src;
    corpus::OpenRecordSource(dir + "/in/part-" + std::to_string(s) + ".jsonl.zst", &src);
    std::string_view line;
    while (src->Next(&line)) parsed += rec.Parse(line).ok() ? line.size() + 1 : 0;
  }
  const double parse_s = Seconds(t);
  std::printf("read + parse records (1 core):     %7.1f MB/s\n", parsed / 1e6 / parse_s);

  PassThroughStage stage;
  corpus::CommonOptions opts;
  opts.inputs = {dir + "/in"};
  opts.out_dir = dir + "/out";
  opts.threads = 1;
  t = Clock::now();
  const corpus::StageOutcome outcome = corpus::RunMapStage(stage, opts);
  const double stage_s = Seconds(t);
  if (!outcome.status.ok()) {
    std::fprintf(stderr, "runner failed: %s\n", outcome.status.ToString().c_str());
    return 1;
  }
  std::printf("runner pass-through read+parse+write zstd-3 (1 core): %7.1f MB/s\n",
              bytes / 1e6 / stage_s);

  t = Clock::now();
  const std::string cmd = "for f in " + dir + "/in/*.zst; do zstd -qdc \"$f\" > /dev/null; done";
  if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "zstd -dc failed\n");
  const double zstd_s = Seconds(t);
  std::printf("zstd -dc > /dev/null (floor):      %7.1f MB/s\n", bytes / 1e6 / zstd_s);
  std::printf("ratio read-lines / zstd -dc:       %7.2f\n", (read_bytes / read_s) / (bytes / zstd_s));
  std::printf("ratio read+parse / zstd -dc:       %7.2f\n", (parsed / parse_s) / (bytes / zstd_s));
  std::filesystem::remove_all(dir);
  return 0;
}

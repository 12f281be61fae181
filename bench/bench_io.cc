// Shard I/O throughput: writing zstd shards, reading them, parsing records,
// and a pass-through run of the stage runner, each on one core, next to
// `zstd -3` of the same JSON Lines (the reference for writing) and
// `zstd -dc FILE > /dev/null` on the same shards (the floor for reading);
// then the whole command a user runs to read shards, `corpus cat SHARDS >
// /dev/null` (process start included), beside `zstd -dc`.
//
// Throughput is bytes per CPU-second (per core), so the numbers hold on a
// busy machine; wall-clock rates are printed beside them.
//
// Usage: bench_io [total_MB=256] [work_dir=/tmp/corpus-bench-io]

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "bench_proc.h"
#include "bench_util.h"
#include "corpus/io/byte_stream.h"
#include "corpus/io/record.h"
#include "corpus/io/record_source.h"
#include "corpus/io/shard_writer.h"
#include "corpus/stage/map_stage.h"
#include "corpus/util/json.h"

namespace {

using Clock = std::chrono::steady_clock;

// CPU time of this process since construction.
struct Timer {
  Timer() : cpu_(corpus_bench::ProcessCpuSeconds()), wall_(Clock::now()) {}
  // Freezes the elapsed times; cpu() and wall() read the frozen values.
  void Stop() {
    cpu_elapsed_ = corpus_bench::ProcessCpuSeconds() - cpu_;
    wall_elapsed_ = std::chrono::duration<double>(Clock::now() - wall_).count();
  }
  double cpu() const { return cpu_elapsed_; }
  double wall() const { return wall_elapsed_; }
  double cpu_;
  Clock::time_point wall_;
  double cpu_elapsed_ = 0, wall_elapsed_ = 0;
};

void Report(const char* what, double bytes, Timer& t) {
  t.Stop();
  std::printf("%-44s %8.1f MB/s per core  (%.1f MB/s wall)\n", what, bytes / 1e6 / t.cpu(),
              bytes / 1e6 / t.wall());
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
  corpus::Status NewProcessor(const std::string&, std::unique_ptr<corpus::RecordProcessor>* out) override {
    class P : public corpus::RecordProcessor {
      corpus::Status Process(corpus::Record& r, corpus::Emitter& out) override { return out.Keep(r); }
    };
    *out = std::make_unique<P>();
    return corpus::Status::OK();
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

  Timer write_t;
  for (int s = 0; s < kShards; ++s) {
    corpus::ShardWriter w(dir + "/in/part-" + std::to_string(s) + ".jsonl.zst", 3);
    for (size_t i = s; i < docs.size(); i += kShards) CheckOk(w.Write(docs[i]));
    CheckOk(w.Finish());
  }
  Report("write zstd-3", bytes, write_t);
  {  // the same bytes as one JSON Lines file, for `zstd -3`
    std::FILE* f = std::fopen((dir + "/all.jsonl").c_str(), "wb");
    for (const std::string& d : docs) {
      std::fwrite(d.data(), 1, d.size(), f);
      std::fputc('\n', f);
    }
    std::fclose(f);
  }
  docs.clear();
  docs.shrink_to_fit();

  Timer read_t;
  uint64_t read_bytes = 0;
  for (int s = 0; s < kShards; ++s) {
    std::unique_ptr<corpus::RecordSource> src;
    CheckOk(corpus::OpenRecordSource(dir + "/in/part-" + std::to_string(s) + ".jsonl.zst", &src));
    std::string_view line;
    while (src->Next(&line)) read_bytes += line.size() + 1;
  }
  Report("read lines", read_bytes, read_t);

  Timer parse_t;
  corpus::Record rec;
  uint64_t parsed = 0;
  for (int s = 0; s < kShards; ++s) {
    std::unique_ptr<corpus::RecordSource> src;
    CheckOk(corpus::OpenRecordSource(dir + "/in/part-" + std::to_string(s) + ".jsonl.zst", &src));
    std::string_view line;
    while (src->Next(&line)) parsed += rec.Parse(line).ok() ? line.size() + 1 : 0;
  }
  Report("read + parse records", parsed, parse_t);

  PassThroughStage stage;
  corpus::CommonOptions opts;
  opts.inputs = {dir + "/in"};
  opts.out_dir = dir + "/out";
  opts.threads = 1;
  Timer stage_t;
  const corpus::StageOutcome outcome = corpus::RunMapStage(stage, opts);
  if (!outcome.status.ok()) {
    std::fprintf(stderr, "runner failed: %s\n", outcome.status.ToString().c_str());
    return 1;
  }
  Report("runner pass-through (read, parse, write)", bytes, stage_t);

  using corpus_bench::PrintRatio;
  if (!corpus_bench::HaveTool("zstd")) {
    corpus_bench::PrintSkipped("zstd not installed");
  } else {
    const corpus_bench::ProcResult zw = corpus_bench::RunShell("zstd -3 -q -c " + dir + "/all.jsonl > /dev/null");
    corpus_bench::PrintProc("zstd -3 of the same JSON Lines (reference)", zw, bytes / 1e6, "MB");
    PrintRatio("io: write shards (ShardWriter level 3, in-process)", write_t.cpu(), "zstd -3", zw.cpu);
    const corpus_bench::ProcResult zr =
        corpus_bench::RunShell("for f in " + dir + "/in/*.zst; do zstd -qdc \"$f\" > /dev/null; done");
    corpus_bench::PrintProc("zstd -dc > /dev/null (the floor)", zr, bytes / 1e6, "MB");
    PrintRatio("io: read lines (in-process)", read_t.cpu(), "zstd -dc", zr.cpu);
    PrintRatio("io: read + parse records (in-process)", parse_t.cpu(), "zstd -dc", zr.cpu);
    const corpus_bench::ProcResult cat = corpus_bench::RunProcess({corpus_bench::CorpusBinary(), "cat", dir + "/in"});
    corpus_bench::PrintProc("corpus cat SHARDS > /dev/null (whole command)", cat, bytes / 1e6, "MB");
    PrintRatio("io: corpus cat (whole command)", cat.cpu, "zstd -dc", zr.cpu);
  }
  std::filesystem::remove_all(dir);
  return 0;
}

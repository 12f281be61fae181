// bench_shard: throughput of `corpus shard` (external shuffle + packing) per
// core, next to the simplest in-memory alternative on the same data:
// `zstdcat | shuf | zstd -3` (GNU shuf holds everything in RAM; ours does not).
//
//   bench_shard [DOCS=100000] [THREADS=1]
//
// Generates DOCS documents of about 2 KB (Zipf-like vocabulary, a few
// fields the release drops), runs the shard stage in-process into a
// temporary folder (the stage's own loop), then the whole command a user
// runs, `corpus shard --phase partition` and `--phase pack` as child
// processes, and the reference pipeline; prints wall and CPU time (user +
// sys) and MB of uncompressed input JSON per CPU second, and the ratio of
// the command's CPU to the reference's.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include "bench_proc.h"
#include "bench_util.h"
#include "corpus/io/shard_writer.h"
#include "corpus/shard/shard_stage.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"

namespace {

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace corpus;
  const int docs = argc > 1 ? std::atoi(argv[1]) : 100000;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 1;
  char tmpl[] = "/tmp/bench-shard-XXXXXX";
  const std::string root = ::mkdtemp(tmpl);
  const std::string in = root + "/clean";
  CheckOk(MakeDirs(in));

  std::mt19937_64 rng(1);
  std::vector<std::string> vocab;
  for (int i = 0; i < 5000; ++i) vocab.push_back("w" + std::to_string(i * 7919 % 100003));
  uint64_t input_bytes = 0;
  const int files = 8;
  for (int f = 0; f < files; ++f) {
    ShardWriter w(in + "/part-" + std::to_string(10000 + f) + ".jsonl.zst", 3, true);
    for (int i = f; i < docs; i += files) {
      std::string text;
      const int words = 200 + static_cast<int>(rng() % 300);
      for (int k = 0; k < words; ++k) {
        const double u = std::uniform_real_distribution<double>(0, 1)(rng);
        text += vocab[static_cast<size_t>(u * u * u * 4999)];
        text += (k % 15 == 14) ? ".\n\n" : " ";
      }
      const std::string line = JsonObjectWriter()
                                   .String("id", "doc-" + std::to_string(i))
                                   .String("url", "https://example.org/" + std::to_string(i))
                                   .String("text", text)
                                   .String("lang", "en")
                                   .Double("lang_score", 0.93)
                                   .String("fetched_at", "2024-05-01T12:00:00Z")
                                   .String("source", "crawl")
                                   .Int("status", 200)
                                   .Finish();
      input_bytes += line.size() + 1;
      CheckOk(w.Write(line));
    }
    CheckOk(w.Finish());
  }
  const double mb = static_cast<double>(input_bytes) / 1e6;
  std::printf("input: %d documents, %.1f MB of JSON in %d shards; threads %d\n", docs, mb, files, threads);

  CommonOptions opts;
  opts.inputs = {in};
  opts.out_dir = root + "/release";
  opts.threads = threads;
  ShardConfig cfg;
  cfg.target_bytes = 64ull << 20;
  cfg.val_fraction = 0.001;
  cfg.bucket_bytes = 32ull << 20;  // several buckets even at this size

  cfg.phase = ShardPhase::kPartition;
  auto start = std::chrono::steady_clock::now();
  double cpu0 = corpus_bench::ProcessCpuSeconds();
  StageOutcome o = RunShardStage(cfg, opts);
  const double t1 = Seconds(start);
  const double c1 = corpus_bench::ProcessCpuSeconds() - cpu0;
  if (!o.status.ok()) {
    std::fprintf(stderr, "partition: %s\n", o.status.ToString().c_str());
    return 1;
  }
  cfg.phase = ShardPhase::kPack;
  start = std::chrono::steady_clock::now();
  cpu0 = corpus_bench::ProcessCpuSeconds();
  o = RunShardStage(cfg, opts);
  const double t2 = Seconds(start);
  const double c2 = corpus_bench::ProcessCpuSeconds() - cpu0;
  if (!o.status.ok()) {
    std::fprintf(stderr, "pack: %s\n", o.status.ToString().c_str());
    return 1;
  }
  std::printf("in-process partition: %6.2f s wall %6.2f s CPU  %6.1f MB per CPU-s\n", t1, c1, mb / c1);
  std::printf("in-process pack:      %6.2f s wall %6.2f s CPU  %6.1f MB per CPU-s\n", t2, c2, mb / c2);
  std::printf("in-process total:     %6.2f s wall %6.2f s CPU  %6.1f MB per CPU-s  (%.0f docs per CPU-s)\n",
              t1 + t2, c1 + c2, mb / (c1 + c2), docs / (c1 + c2));

  const std::vector<std::string> common = {corpus_bench::CorpusBinary(), "shard", "--in", in, "--out",
                                           root + "/release-cli", "--threads", std::to_string(threads),
                                           "--target-size", "64MiB", "--val-fraction", "0.001",
                                           "--bucket-size", "32MiB", "--no-progress", "--phase"};
  std::vector<std::string> cmd_args = common;
  cmd_args.push_back("partition");
  const corpus_bench::ProcResult p1 = corpus_bench::RunProcess(cmd_args);
  corpus_bench::PrintProc("corpus shard --phase partition", p1, mb, "MB");
  cmd_args.back() = "pack";
  const corpus_bench::ProcResult p2 = corpus_bench::RunProcess(cmd_args);
  corpus_bench::PrintProc("corpus shard --phase pack", p2, mb, "MB");
  const double cli_cpu = p1.cpu + p2.cpu;
  std::printf("%-46s      %7.2f s wall %7.2f s CPU  %9.1f MB per CPU-s\n", "corpus shard, both phases (whole command)",
              p1.wall + p2.wall, cli_cpu, mb / cli_cpu);
  if (p1.exit_code != 0 || p2.exit_code != 0) return 1;

  if (!corpus_bench::HaveTool("zstd") || !corpus_bench::HaveTool("shuf")) {
    corpus_bench::PrintSkipped("zstd or shuf not installed");
  } else {
    const corpus_bench::ProcResult ref = corpus_bench::RunShell(
        "zstdcat " + in + "/*.jsonl.zst | shuf --random-source=/dev/zero | zstd -3 -q -o " + root + "/shuf.jsonl.zst");
    corpus_bench::PrintProc("zstdcat | shuf | zstd -3 (reference, in RAM)", ref, mb, "MB");
    corpus_bench::PrintRatio("shard: partition + pack (in-process)", c1 + c2, "pipe zstdcat, shuf, zstd -3", ref.cpu);
    corpus_bench::PrintRatio("shard: corpus shard (whole command)", cli_cpu, "pipe zstdcat, shuf, zstd -3", ref.cpu);
  }
  std::error_code ec;
  std::filesystem::remove_all(root, ec);
  return 0;
}

// `corpus report` throughput: one pass over a synthetic filter output folder
// (kept records with lang, dup_count, token_count and a `signals` object;
// removed records in rejected/ with their rule and value), next to the floor
// of any such pass: `zstd -dc` of the same files, and reading plus parsing
// every record with simdjson and nothing else; then the whole command a user
// runs, `corpus report DIR --out FILE` as a child process (wall, CPU user +
// sys), with the ratios of CPU time to both floors.
//
// Throughput is documents per CPU-second of this process (per core), so the
// numbers hold on a busy machine; wall-clock times are printed beside them.
// The report's peak memory is printed to show it does not grow with the input.
//
// Usage: bench_report [docs=1000000] [threads=2] [work_dir=/tmp/corpus-bench-report] [keep=0]
// (keep=1 leaves the folder and its report.html in work_dir, to look at)

#include <simdjson.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "bench_proc.h"
#include "corpus/io/record_source.h"
#include "corpus/io/shard_writer.h"
#include "corpus/report/report.h"
#include "corpus/stage/stage_stats.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"

namespace {

// CPU seconds of this process and, separately, of its waited-for children
// (the reference `zstd`), with the wall time, between construction and Stop().
struct Timer {
  Timer() : wall0_(std::chrono::steady_clock::now()) { times(&t0_); }
  void Stop() {
    tms t1;
    times(&t1);
    const double tick = static_cast<double>(sysconf(_SC_CLK_TCK));
    cpu = static_cast<double>(t1.tms_utime + t1.tms_stime - t0_.tms_utime - t0_.tms_stime) / tick;
    children_cpu = static_cast<double>(t1.tms_cutime + t1.tms_cstime - t0_.tms_cutime - t0_.tms_cstime) / tick;
    wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0_).count();
  }
  tms t0_;
  std::chrono::steady_clock::time_point wall0_;
  double cpu = 0, children_cpu = 0, wall = 0;
};

// Peak resident memory (VmHWM of /proc/self/status) in MB, and its reset
// (writing 5 to /proc/self/clear_refs, Linux 4.0+), so a phase's own peak
// can be read apart from what ran before it.
double PeakRssMb() {
  std::string status;
  if (!corpus::ReadFile("/proc/self/status", &status).ok()) return 0;
  const size_t at = status.find("VmHWM:");
  return at == std::string::npos ? 0 : std::strtod(status.c_str() + at + 6, nullptr) / 1e3;
}
bool ResetPeakRss() {
  FILE* f = std::fopen("/proc/self/clear_refs", "w");
  if (!f) return false;
  const bool ok = std::fputs("5", f) >= 0;
  return std::fclose(f) == 0 && ok;
}

void Print(const char* what, double docs, double cpu, double wall) {
  std::printf("%-46s %9.0f docs/s per core  (%.1f s CPU, %.1f s wall)\n", what, docs / cpu, cpu, wall);
}

const char* kWords[] = {"the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with",
                        "be", "by", "on", "not", "this", "are", "corpus", "language", "model", "training",
                        "quality", "research", "government", "university", "information", "development",
                        "community", "international", "technology", "history", "river", "market"};
const char* kLangs[] = {"en", "en", "en", "en", "en", "de", "fr", "es", "ja", "ru"};
const char* kTlds[] = {"com", "com", "com", "org", "net", "de", "fr", "co.uk", "io", "info"};
const char* kRules[] = {"gopher_min_words", "language", "fineweb_line_punct", "c4_curly_bracket",
                        "gopher_symbol_ratio", "top_2_gram"};

std::string Text(std::mt19937_64& rng) {
  std::string text;
  const int words = 60 + static_cast<int>(rng() % 340);
  for (int i = 0; i < words; ++i) {
    text += kWords[rng() % (sizeof(kWords) / sizeof(kWords[0]))];
    text += (i % 17 == 16) ? ".\n\n" : " ";
  }
  return text;
}

// A host drawn from a skewed distribution over 50,000 hosts.
std::string Url(std::mt19937_64& rng, uint64_t n) {
  const uint64_t r = rng() % 50000;
  const uint64_t host = (r * r) / 50000;
  return "https://site" + std::to_string(host) + "." + kTlds[host % 10] + "/page/" + std::to_string(n);
}

std::string KeptDoc(std::mt19937_64& rng, uint64_t n) {
  const double u = static_cast<double>(rng() % 10000) / 10000.0;
  corpus::JsonObjectWriter signals;
  signals.Double("rps_doc_frac_no_alph_words", u * 0.2)
      .Double("rps_doc_mean_word_length", 3.5 + 3 * u)
      .Double("rps_doc_frac_lines_end_with_ellipsis", u * u * 0.1)
      .Double("fineweb_line_punct_ratio", 0.5 + u / 2)
      .Uint("rps_doc_word_count", 60 + rng() % 340)
      .Double("rps_doc_stop_word_fraction", 0.2 + u * 0.3)
      .Double("rps_doc_frac_chars_top_2gram", u * 0.15)
      .Bool("would_reject", false);
  return corpus::JsonObjectWriter()
      .String("id", "doc-" + std::to_string(n))
      .String("url", Url(rng, n))
      .String("text", Text(rng))
      .String("lang", kLangs[rng() % 10])
      .Double("lang_score", 0.65 + 0.35 * u)
      .Uint("dup_count", 1 + (rng() % 20 == 0 ? rng() % 50 : 0))
      .Uint("token_count", 80 + rng() % 500)
      .Raw("signals", signals.Finish())
      .Finish();
}

std::string RejectedDoc(std::mt19937_64& rng, uint64_t n) {
  const char* rule = kRules[rng() % 6];
  return corpus::JsonObjectWriter()
      .String("id", "doc-" + std::to_string(n))
      .String("url", Url(rng, n))
      .String("text", Text(rng))
      .Raw("reject", corpus::JsonObjectWriter()
                         .String("stage", "filter")
                         .String("rule", rule)
                         .Double("value", static_cast<double>(rng() % 1000) / 1000.0)
                         .Finish())
      .Finish();
}

}  // namespace

int main(int argc, char** argv) {
  const uint64_t docs = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 2;
  const std::string dir = argc > 3 ? argv[3] : "/tmp/corpus-bench-report";
  const std::string stage = dir + "/clean";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(stage + "/rejected");

  // 90% kept, 10% removed, over 8 shards each.
  std::mt19937_64 rng(1);
  corpus::StageCounts counts;
  {
    constexpr int kShards = 8;
    std::vector<std::unique_ptr<corpus::ShardWriter>> kept, rejected;
    for (int i = 0; i < kShards; ++i) {
      const std::string name = "part-0000" + std::to_string(i) + ".jsonl.zst";
      kept.push_back(std::make_unique<corpus::ShardWriter>(stage + "/" + name));
      rejected.push_back(std::make_unique<corpus::ShardWriter>(stage + "/rejected/" + name));
    }
    for (uint64_t n = 0; n < docs; ++n) {
      const bool keep = rng() % 10 != 0;
      const std::string line = keep ? KeptDoc(rng, n) : RejectedDoc(rng, n);
      if (!(keep ? kept : rejected)[n % kShards]->Write(line).ok()) return 2;
      ++counts.records_in;
      counts.bytes_in += line.size() + 1;
      if (keep) {
        ++counts.kept;
        counts.bytes_out += line.size() + 1;
      } else {
        ++counts.rejected;
        const size_t at = line.find("\"rule\":\"") + 8;
        ++counts.rejected_by_rule[line.substr(at, line.find('"', at) - at)];
      }
    }
    for (auto* w : {&kept, &rejected}) {
      for (auto& s : *w) {
        if (!s->Finish().ok()) return 2;
      }
    }
  }
  counts.seconds = 1;
  if (!corpus::WriteFileAtomic(stage + "/_manifest.json",
                               corpus::JsonObjectWriter()
                                   .String("stage", "filter")
                                   .String("version", "bench")
                                   .Raw("config", "{}")
                                   .Raw("counts", counts.ToJson())
                                   .Raw("inputs", "[\"bench\"]")
                                   .Finish())
           .ok()) {
    return 2;
  }
  uint64_t file_bytes = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(stage)) {
    if (e.is_regular_file()) file_bytes += e.file_size();
  }
  std::printf("%llu documents, %.1f MB of JSON, %.1f MB of zstd files, %d threads\n",
              static_cast<unsigned long long>(docs), counts.bytes_in / 1e6, file_bytes / 1e6, threads);

  const bool have_zstd = corpus_bench::HaveTool("zstd");
  Timer zstd_t;
  const std::string cmd = "zstd -dcq " + stage + "/*.jsonl.zst " + stage + "/rejected/*.jsonl.zst > /dev/null";
  if (!have_zstd) {
    corpus_bench::PrintSkipped("zstd not installed");
  } else if (std::system(cmd.c_str()) != 0) {
    std::fprintf(stderr, "zstd -dc failed\n");
  }
  zstd_t.Stop();
  if (have_zstd) Print("zstd -dc > /dev/null (reference)", static_cast<double>(docs), zstd_t.children_cpu, zstd_t.wall);

  Timer parse_t;
  std::vector<std::string> files, more;
  if (!corpus::ResolveInputs({stage}, &files).ok() || !corpus::ResolveInputs({stage + "/rejected"}, &more).ok()) {
    return 2;
  }
  files.insert(files.end(), more.begin(), more.end());
  simdjson::dom::parser parser;
  uint64_t parsed = 0;
  for (const auto& f : files) {
    std::unique_ptr<corpus::RecordSource> src;
    if (!corpus::OpenRecordSource(f, &src).ok()) return 2;
    std::string_view line;
    simdjson::dom::element e;
    while (src->Next(&line)) parsed += !parser.parse(line.data(), line.size(), true).get(e);
  }
  parse_t.Stop();
  Print("read + simdjson parse (reference)", static_cast<double>(parsed), parse_t.cpu, parse_t.wall);

  double report_1_cpu = 0;
  for (int t : {1, threads}) {
    corpus::ReportConfig cfg;
    cfg.dirs = {stage};
    cfg.out = dir + "/report.html";
    cfg.threads = t;
    corpus::ReportResult result;
    const double before = PeakRssMb();
    const bool reset = ResetPeakRss();
    Timer report_t;
    const corpus::Status st = corpus::WriteReport(cfg, &result);
    report_t.Stop();
    if (!st.ok()) {
      std::fprintf(stderr, "report: %s\n", st.ToString().c_str());
      return 2;
    }
    char what[64];
    std::snprintf(what, sizeof(what), "corpus report, %d thread%s", t, t == 1 ? "" : "s");
    Print(what, static_cast<double>(result.records), report_t.cpu, report_t.wall);
    if (t == 1) report_1_cpu = report_t.cpu;
    if (reset) {
      std::printf("%-46s %9.0f MB peak RSS during the report (%.0f MB before)\n", "", PeakRssMb(), before);
    }
    if (t == threads) break;
  }
  std::printf("report.html: %.0f kB\n", std::filesystem::file_size(dir + "/report.html") / 1e3);
  const corpus_bench::ProcResult whole = corpus_bench::RunProcess(
      {corpus_bench::CorpusBinary(), "report", stage, "--out", dir + "/report-cli.html", "--threads", "1"});
  corpus_bench::PrintProc("corpus report --threads 1 (whole command)", whole, static_cast<double>(docs), "docs");
  corpus_bench::PrintRatio("report: 1 thread (in-process)", report_1_cpu, "read + simdjson parse", parse_t.cpu);
  corpus_bench::PrintRatio("report: corpus report (whole command)", whole.cpu, "read + simdjson parse", parse_t.cpu);
  if (have_zstd) {
    corpus_bench::PrintRatio("report: corpus report (whole command)", whole.cpu, "zstd -dc", zstd_t.children_cpu);
  }
  if (!(argc > 4 && std::atoi(argv[4]) == 1)) std::filesystem::remove_all(dir);
  return 0;
}

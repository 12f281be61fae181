// One big input, --threads 1 against --threads 2: runs the whole `corpus`
// command on ONE file (docs/ARCHITECTURE.md, "Scale": one big input uses
// every thread) and prints wall and CPU time and the speed-up, for
//   extract          one multi-member WARC built from the WCXB dev pages
//   filter           the one shard extract wrote
//   dedup signatures the same shard (--phase signatures)
// and checks the outputs are byte-identical for both thread counts.
//
//   bench_threads [--corpus BIN] [--pages N] [--copies K] [--repeat R] [--work DIR]
//
// BIN defaults to the corpus binary beside this one. Pages come from
// ../shared/data/wcxb-dev (without them the benchmark says so and skips); K
// copies of them, each with its own URL and id, make the file bigger.
// The machine's load average is printed before and after: on a shared
// machine the wall-time ratio means little without it.

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "bench_util.h"
#include "corpus/io/byte_stream.h"
#include "corpus/io/warc_writer.h"
#include "corpus/util/fs.h"
#include "corpus/util/sha256.h"

namespace {

std::string LoadAverage() {
  std::string s;
  if (!corpus::ReadFile("/proc/loadavg", &s).ok()) return "?";
  return s.substr(0, s.find(' ', s.find(' ', s.find(' ') + 1) + 1));
}

corpus::Status ReadDecompressed(const std::string& path, std::string* out) {
  std::unique_ptr<corpus::ByteStream> in;
  CORPUS_RETURN_IF_ERROR(corpus::ByteStream::Open(path, &in));
  out->clear();
  char buf[1 << 16];
  size_t n;
  while ((n = in->Read(buf, sizeof(buf))) > 0) out->append(buf, n);
  return in->status();
}

// Writes the WARC: one gzip member per response record.
corpus::Status BuildWarc(const std::string& html_dir, int pages, int copies, const std::string& path,
                         uint64_t* records) {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(html_dir)) files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  if (pages > 0 && static_cast<size_t>(pages) < files.size()) files.resize(static_cast<size_t>(pages));
  std::string out, html;
  *records = 0;
  for (int c = 0; c < copies; ++c) {
    for (const std::string& f : files) {
      CORPUS_RETURN_IF_ERROR(ReadDecompressed(f, &html));
      const std::string n = std::to_string(c) + "-" + corpus::BaseName(f);
      corpus::WarcOutRecord r;
      r.type = "response";
      char id[64];
      std::snprintf(id, sizeof(id), "<urn:uuid:00000000-0000-4000-8000-%012llu>",
                    static_cast<unsigned long long>(*records));
      r.Add("WARC-Record-ID", id);
      r.Add("WARC-Date", "2026-01-01T00:00:00Z");
      r.Add("WARC-Target-URI", "https://bench.example/" + n);
      r.Add("Content-Type", "application/http; msgtype=response");
      r.block = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html;
      CORPUS_RETURN_IF_ERROR(corpus::AppendGzipMember(corpus::SerializeWarcRecord(r), 6, &out));
      ++*records;
    }
  }
  return corpus::WriteFileAtomic(path, out);
}

struct Run {
  double wall = 0;
  double cpu = 0;          // user + system of the child
  double busiest = 0;      // CPU seconds of its busiest thread
};

// CPU seconds of each thread of `pid` so far, by thread id, from
// /proc/PID/task/TID/stat (utime and stime, fields 14 and 15).
void SampleThreads(pid_t pid, std::map<std::string, double>* seen) {
  static const double tick = static_cast<double>(sysconf(_SC_CLK_TCK));
  const std::string dir = "/proc/" + std::to_string(pid) + "/task";
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    std::string stat;
    if (!corpus::ReadFile(e.path().string() + "/stat", &stat).ok()) continue;
    const size_t paren = stat.rfind(')');
    if (paren == std::string::npos) continue;
    // Fields after the command name start at field 3 (state).
    std::vector<std::string> f;
    size_t pos = paren + 2;
    while (pos < stat.size() && f.size() < 13) {
      const size_t end = stat.find(' ', pos);
      f.push_back(stat.substr(pos, end - pos));
      if (end == std::string::npos) break;
      pos = end + 1;
    }
    if (f.size() < 13) continue;
    const double cpu = (std::atof(f[11].c_str()) + std::atof(f[12].c_str())) / tick;
    double& v = (*seen)[e.path().filename().string()];
    v = std::max(v, cpu);
  }
}

double ChildCpu() {
  rusage ru;
  getrusage(RUSAGE_CHILDREN, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
}

Run RunCommand(const std::vector<std::string>& args) {
  const double cpu0 = ChildCpu();
  const auto t0 = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  // The busiest thread bounds the wall time on idle cores; sample every
  // thread's CPU time while the command runs.
  std::map<std::string, double> threads;
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    SampleThreads(pid, &threads);
    usleep(20000);
  }
  Run r;
  for (const auto& [tid, cpu] : threads) r.busiest = std::max(r.busiest, cpu);
  r.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  r.cpu = ChildCpu() - cpu0;
  if (!WIFEXITED(status) || (WEXITSTATUS(status) != 0 && WEXITSTATUS(status) != 3)) {
    std::fprintf(stderr, "command failed (status %d):", status);
    for (const auto& a : args) std::fprintf(stderr, " %s", a.c_str());
    std::fprintf(stderr, "\n");
    std::exit(1);
  }
  return r;
}

std::string Digest(const std::string& path) {
  std::string data;
  CheckOk(corpus::ReadFile(path, &data));
  return corpus::Sha256Hex(data);
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Runs one command `repeat` times with each thread count, alternating, and
// prints the medians; `output` (relative to the out folder) must match.
void Measure(const std::string& label, const std::string& bin, const std::vector<std::string>& sub,
             const std::string& in, const std::string& out_base, const std::string& output, int repeat,
             double mb) {
  std::vector<double> wall[2], cpu[2], busiest[2];
  std::string digest[2];
  for (int rep = 0; rep < repeat; ++rep) {
    for (int t = 0; t < 2; ++t) {
      const std::string out = out_base + "-t" + std::to_string(t + 1);
      std::filesystem::remove_all(out);
      std::vector<std::string> args = {bin};
      args.insert(args.end(), sub.begin(), sub.end());
      for (const std::string& a : std::vector<std::string>{"--in", in, "--out", out, "--threads", std::to_string(t + 1), "--no-progress",
                                  "--log-level", "warn"}) {
        args.push_back(a);
      }
      const Run r = RunCommand(args);
      wall[t].push_back(r.wall);
      cpu[t].push_back(r.cpu);
      busiest[t].push_back(r.busiest);
      digest[t] = Digest(out + "/" + output);
    }
  }
  const double w1 = Median(wall[0]), w2 = Median(wall[1]);
  const double c1 = Median(cpu[0]), c2 = Median(cpu[1]), b2 = Median(busiest[1]);
  // On two idle cores --threads 2 takes at least its busiest thread's time
  // and half its CPU time; --threads 1 takes its CPU time.
  const double idle_bound = c1 / std::max(b2, c2 / 2);
  std::printf("%-17s %6.1f MB  t1 wall %6.2f s cpu %6.2f s | t2 wall %6.2f s cpu %6.2f s busiest thread "
              "%6.2f s | wall speed-up %.2fx, on 2 idle cores %.2fx | output %s\n",
              label.c_str(), mb, w1, c1, w2, c2, b2, w1 / w2, idle_bound,
              digest[0] == digest[1] ? "identical" : "DIFFERS");
  if (digest[0] != digest[1]) std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  // By default the corpus binary built beside this benchmark.
  std::string bin = (std::filesystem::path(argv[0]).parent_path() / "corpus").string();
  int pages = 0, copies = 2, repeat = 3;
  std::string work = "/tmp/bench_threads";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--corpus")) bin = argv[i + 1];
    else if (!std::strcmp(argv[i], "--pages")) pages = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--copies")) copies = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--repeat")) repeat = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--work")) work = argv[i + 1];
  }
  const std::string html_dir = std::string(CORPUS_SOURCE_DIR) + "/../shared/data/wcxb-dev/dev/html";
  if (!corpus::IsDirectory(html_dir)) {
    std::printf("no pages at %s: nothing to measure, skipped\n", html_dir.c_str());
    return 0;
  }
  CheckOk(corpus::MakeDirs(work));
  const std::string warc = work + "/part-pages.warc.gz";
  uint64_t records = 0;
  CheckOk(BuildWarc(html_dir, pages, copies, warc, &records));
  const double warc_mb = static_cast<double>(std::filesystem::file_size(warc)) / 1e6;
  std::printf("one WARC: %llu pages, %.1f MB gzip; load average before: %s; %ld cores online\n",
              static_cast<unsigned long long>(records), warc_mb, LoadAverage().c_str(),
              sysconf(_SC_NPROCESSORS_ONLN));

  Measure("extract (WARC)", bin, {"extract"}, warc, work + "/docs", "part-pages.jsonl.zst", repeat, warc_mb);
  const std::string shard = work + "/docs-t1/part-pages.jsonl.zst";
  const double shard_mb = static_cast<double>(std::filesystem::file_size(shard)) / 1e6;
  Measure("filter (shard)", bin, {"filter"}, shard, work + "/clean", "part-pages.jsonl.zst", repeat, shard_mb);
  Measure("dedup signatures", bin, {"dedup", "--phase", "signatures"}, shard, work + "/unique",
          "_work/signatures/part-pages/band-0.bin", repeat, shard_mb);
  std::printf("load average after: %s\n", LoadAverage().c_str());
  return 0;
}

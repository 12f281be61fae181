#ifndef CORPUS_BENCH_BENCH_PROC_H_
#define CORPUS_BENCH_BENCH_PROC_H_

// What a user sees: a command run as a child process (process start,
// reading, writing), timed by wall clock and by the CPU time (user + sys)
// wait4() reports for it and every process it waited for, so a shell
// pipeline counts all its stages. Beside it, a reference command on the same
// input, and their ratio printed on a line scripts/bench.sh collects:
//   ratio | WHAT | corpus S s CPU | REFERENCE | R s CPU | X
// where X = corpus CPU / reference CPU (below 1: corpus is cheaper).
//
// Not thread-safe: one benchmark thread runs its children one at a time.

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

extern char** environ;

namespace corpus_bench {

// User + sys seconds of a rusage.
inline double CpuSeconds(const rusage& ru) {
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

// User + sys seconds of this process so far, all its threads.
inline double ProcessCpuSeconds() {
  rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return CpuSeconds(ru);
}

struct ProcResult {
  bool started = false;  // false: the program could not be run at all
  int exit_code = -1;    // 128 + signal when killed by one
  double wall = 0;       // seconds
  double cpu = 0;        // user + sys seconds, waited-for descendants included
  // Linux charges an exec'd child with the peak RSS of the process that
  // spawned it (the old address space), so a peak at or below the
  // benchmark's own (own_peak_rss_mb, read before the spawn) says only that
  // the child stayed below it.
  double peak_rss_mb = 0;
  double own_peak_rss_mb = 0;
};

// Runs argv (argv[0] looked up in PATH) with stdin from /dev/null and stdout
// to `stdout_path` (inherited when empty); stderr is inherited, so errors stay visible.
// REQUIRES: argv is not empty.
inline ProcResult RunProcess(const std::vector<std::string>& argv, const std::string& stdout_path = "/dev/null") {
  ProcResult r;
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  if (!stdout_path.empty()) {
    posix_spawn_file_actions_addopen(&fa, 1, stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  }
  std::fflush(nullptr);
  rusage self{};
  getrusage(RUSAGE_SELF, &self);
  r.own_peak_rss_mb = self.ru_maxrss / 1024.0;
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  const int err = posix_spawnp(&pid, args[0], &fa, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (err != 0) return r;
  int status = 0;
  rusage ru{};
  if (wait4(pid, &status, 0, &ru) != pid) return r;
  r.started = true;
  r.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.cpu = CpuSeconds(ru);
  r.peak_rss_mb = ru.ru_maxrss / 1024.0;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) r.started = false;  // sh: not found
  return r;
}

// Runs `/bin/sh -c command` (a pipeline: every stage's CPU is counted).
inline ProcResult RunShell(const std::string& command) { return RunProcess({"/bin/sh", "-c", command}); }

// Whether `tool` is an executable in PATH.
inline bool HaveTool(const std::string& tool) {
  return RunProcess({"/bin/sh", "-c", "command -v " + tool + " >/dev/null 2>&1"}).exit_code == 0;
}

// The `corpus` binary to measure: $CORPUS_BIN, else the one built beside
// the benchmarks.
inline std::string CorpusBinary() {
  const char* env = std::getenv("CORPUS_BIN");
  return env != nullptr && *env ? env : CORPUS_BINARY;
}

// One line: wall, CPU, peak RSS, and a rate of `units` per CPU second.
inline void PrintProc(const char* what, const ProcResult& r, double units, const char* unit) {
  if (!r.started) {
    std::printf("%-46s could not be run\n", what);
    return;
  }
  std::printf("%-46s %s %7.2f s wall %7.2f s CPU  %9.1f %s per CPU-s  peak RSS %s%.0f MB\n", what,
              r.exit_code == 0 ? "ok  " : "FAIL", r.wall, r.cpu, units / r.cpu, unit,
              r.peak_rss_mb <= r.own_peak_rss_mb ? "<= " : "", r.peak_rss_mb);
}

inline void PrintSkipped(const char* why) { std::printf("reference: skipped (%s)\n", why); }

// The line scripts/bench.sh collects into its summary table.
// REQUIRES: neither `what` nor `reference` contains '|'.
inline void PrintRatio(const char* what, double corpus_cpu, const char* reference, double reference_cpu) {
  std::printf("ratio | %s | corpus %.2f s CPU | %s | %.2f s CPU | %.2f\n", what, corpus_cpu, reference,
              reference_cpu, reference_cpu > 0 ? corpus_cpu / reference_cpu : 0.0);
}

// Starts `bin` with `args` (argv[1..]) in a child process and returns its pid
// (-1 if fork failed); the child exits 127 if `bin` cannot be executed. The
// caller waits for it (wait4 also gives its CPU time and peak RSS).
inline pid_t StartProcess(const std::string& bin, const std::vector<std::string>& args) {
  std::fflush(stdout);  // what was printed so far comes before the child's output
  const pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(bin.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

}  // namespace corpus_bench

#endif  // CORPUS_BENCH_BENCH_PROC_H_

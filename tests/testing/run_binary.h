#ifndef CORPUS_TESTS_TESTING_RUN_BINARY_H_
#define CORPUS_TESTS_TESTING_RUN_BINARY_H_

#include <cerrno>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace corpus::testing {

// Result of running the corpus binary through the shell.
struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout, and stderr too when requested
};

// Runs `CORPUS_BINARY args` and captures stdout (with `2>&1` in args, both).
inline RunResult RunCorpus(const std::string& args) {
  RunResult r;
  const std::string cmd = std::string(CORPUS_BINARY) + " " + args;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), p)) > 0) r.out.append(buf, n);
  const int status = ::pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

// Starts `CORPUS_BINARY args` in the background, its stderr appended to
// `log_path`; returns its pid (for kill -9 and resume tests).
inline pid_t StartCorpus(const std::vector<std::string>& args, const std::string& log_path) {
  const pid_t pid = fork();
  if (pid == 0) {
    const int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) dup2(fd, 2);
    std::vector<char*> argv;
    static std::string bin = CORPUS_BINARY;
    argv.push_back(bin.data());
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

// Waits for a process of StartCorpus and returns its exit code (128 + the
// signal when killed). No time bound: a hung process is ctest's TIMEOUT to
// report, not a guess about how fast this machine is.
inline int WaitCorpus(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace corpus::testing

#endif  // CORPUS_TESTS_TESTING_RUN_BINARY_H_

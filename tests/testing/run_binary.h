#ifndef CORPUS_TESTS_TESTING_RUN_BINARY_H_
#define CORPUS_TESTS_TESTING_RUN_BINARY_H_

#include <sys/wait.h>

#include <cstdio>
#include <string>

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

}  // namespace corpus::testing

#endif  // CORPUS_TESTS_TESTING_RUN_BINARY_H_

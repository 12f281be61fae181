#ifndef CORPUS_CLI_CLI_H_
#define CORPUS_CLI_CLI_H_

namespace corpus {

// Parses the command line, runs the chosen subcommand, returns the exit code
// (docs/ARCHITECTURE.md, "Commands": 0 ok, 1 usage, 2 fatal, 3 malformed input set aside).
int RunCli(int argc, char** argv);

}  // namespace corpus

#endif  // CORPUS_CLI_CLI_H_

#include "corpus/cli/cli.h"

int main(int argc, char** argv) { return corpus::RunCli(argc, argv); }

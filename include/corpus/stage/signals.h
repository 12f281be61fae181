#ifndef CORPUS_STAGE_SIGNALS_H_
#define CORPUS_STAGE_SIGNALS_H_

namespace corpus {

// SIGINT/SIGTERM set a flag instead of killing the process, so stages can
// finish or abandon work cleanly. A second signal exits at once.
void InstallStopHandlers();
bool StopRequested();
void RequestStop();  // for tests

}  // namespace corpus

#endif  // CORPUS_STAGE_SIGNALS_H_

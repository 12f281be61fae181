#ifndef CORPUS_UTIL_ENV_H_
#define CORPUS_UTIL_ENV_H_

namespace corpus {

// Reads the environment variable `name` as a whole decimal integer into
// `*value`. Returns false, leaving `*value` alone, when it is unset, empty or
// not a number. Thread-safe as long as nothing sets the environment.
bool EnvInt(const char* name, int* value);

}  // namespace corpus

#endif  // CORPUS_UTIL_ENV_H_

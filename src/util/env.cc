#include "corpus/util/env.h"

#include <cstdlib>

namespace corpus {

bool EnvInt(const char* name, int* value) {
  const char* v = std::getenv(name);
  if (!v || !*v) return false;
  char* end = nullptr;
  const long x = std::strtol(v, &end, 10);
  if (*end != '\0') return false;
  *value = static_cast<int>(x);
  return true;
}

}  // namespace corpus

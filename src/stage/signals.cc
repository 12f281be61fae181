#include "corpus/stage/signals.h"

#include <unistd.h>

#include <atomic>
#include <csignal>

namespace corpus {
namespace {

std::atomic<int> g_stop{0};

void OnSignal(int sig) {
  if (g_stop.fetch_add(1) >= 1) _exit(128 + sig);
}

}  // namespace

void InstallStopHandlers() {
  struct sigaction sa {};
  sa.sa_handler = OnSignal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

bool StopRequested() { return g_stop.load(std::memory_order_relaxed) > 0; }

void RequestStop() { g_stop.store(1); }

}  // namespace corpus

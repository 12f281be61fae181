#ifndef CORPUS_CRAWL_TRAP_BUDGET_H_
#define CORPUS_CRAWL_TRAP_BUDGET_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "corpus/util/status.h"

namespace corpus {

// TrapBudget bounds the two things that grow without end on a hostile site
// (docs/crawl-traps.md): the URLs of one URL family (url_family.h) that a
// crawl reaches through pages of families that link to themselves, and the
// pages fetched from one host.
//
// A link spends budget only when its page is suspect: the link stays inside
// one of the page's families (the next month of a calendar month, page N+1
// of page N, the same page under a new session id), or the page belongs to a
// family that did so before (the day links of such a calendar month). Then
// the link counts against each of its own families, and is refused once one
// of them has `max_urls_per_family` URLs. Articles with numeric ids linked
// from an ordinary index page are one family too, but spend nothing.
//
// Counts survive a resume as the seen set's hashes do: every increment is an
// 8-byte key appended to `trap_budget.log` in `dir`; Sync() flushes and
// returns the committed length, which the crawl checkpoint stores; Open()
// with that length drops the uncommitted tail and replays the rest. Memory
// is bounded by `memory_entries` counters: past it, the smallest counts are
// forgotten first (a forgotten family starts again from zero, so a trap may
// get one budget more, never less). Not thread-safe.
class TrapBudget {
 public:
  // REQUIRES: max_urls_per_family > 0 or 0 for no family budget.
  TrapBudget(std::string dir, uint64_t max_urls_per_family, size_t memory_entries);
  ~TrapBudget();
  TrapBudget(const TrapBudget&) = delete;
  TrapBudget& operator=(const TrapBudget&) = delete;

  Status Open(uint64_t length);

  // Whether `url`, found on the page `parent` (both normalised; empty for a
  // seed, a redirect target or a sitemap entry), fits the budgets as above.
  // When it fits it is counted (if its page is suspect); otherwise
  // `*family` names the family whose budget is spent.
  bool Admit(std::string_view url, std::string_view parent, std::string* family);

  // Pages fetched from `host`, across resumes.
  uint64_t HostPages(std::string_view host) const;
  void CountHostPage(std::string_view host);

  // Flushes and fsyncs; `*length` is the length to pass to Open().
  Status Sync(uint64_t* length);
  const Status& status() const { return status_; }

 private:
  struct Cached {
    std::string url;
    std::vector<std::pair<std::string, uint64_t>> families;  // with their keys
  };
  static uint64_t HostKey(std::string_view host);
  // Families of `url` with their keys, cached (links of one page share a parent).
  const std::vector<std::pair<std::string, uint64_t>>& Families(std::string_view url, bool parent);
  uint32_t Count(uint64_t key) const;
  void Increment(uint64_t key, bool log);
  void Shrink();

  std::string path_;
  uint64_t max_per_family_;
  size_t memory_entries_;
  std::unordered_map<uint64_t, uint32_t> counts_;
  Cached parent_, child_;
  FILE* log_ = nullptr;
  uint64_t length_ = 0;
  Status status_;
};

}  // namespace corpus

#endif  // CORPUS_CRAWL_TRAP_BUDGET_H_

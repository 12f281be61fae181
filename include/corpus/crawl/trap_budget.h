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
// crawl reaches through pages of families that feed themselves, and the
// pages fetched from one host.
//
// A family feeds itself on a page when the page links one or two other URLs
// of its own shape, on any host (kChainLinks): the next and previous month of a calendar
// month, page N+1 of page N, the same page under a new session id. Such a
// page is suspect, and so is every page of a family that was counted before
// (the day pages of such a calendar). Each new link of a suspect page counts
// against each of its own families and is refused once one of them holds
// `max_urls_per_family` URLs. Pages that link many URLs of their own family
// (an index of numbered articles, a product page with ten related products)
// are trees, not chains, and spend nothing; nor do seeds, redirect targets
// and sitemap entries.
//
class TrapBudget {
 public:
  // REQUIRES: max_urls_per_family > 0 or 0 for no family budget.
  TrapBudget(std::string dir, uint64_t max_urls_per_family, size_t memory_entries);
  ~TrapBudget();
  TrapBudget(const TrapBudget&) = delete;
  TrapBudget& operator=(const TrapBudget&) = delete;

  // Links of one page to other URLs of one of its family shapes (on any
  // host), at most, for the family to feed itself on that page. A page with
  // more is a node of a tree (ten related products, an index).
  static constexpr size_t kChainLinks = 2;

  Status Open(uint64_t length);

  // Tells the budget every link (normalised) of `page` before the new ones
  // are passed to Admit(), so it can see which of the page's families feed
  // themselves there.
  void BeginPage(std::string_view page, const std::vector<std::string>& links);

  // Whether `url`, a new link of the page `parent` (both normalised; empty
  // for a seed, a redirect target or a sitemap entry), fits the budgets as
  // above. When it fits it is counted (if its page is suspect); otherwise
  // `*family` names the family whose budget is spent. Without BeginPage()
  // for `parent`, `url` is taken to be its only link.
  bool Admit(std::string_view url, std::string_view parent, std::string* family);

  // Pages fetched from `host`, across resumes.
  uint64_t HostPages(std::string_view host) const;
  void CountHostPage(std::string_view host);

  // Flushes and fsyncs; `*length` is the length to pass to Open().
  Status Sync(uint64_t* length);
  const Status& status() const { return status_; }

 private:
  struct Family {
    std::string name;  // "host:port/path?query" shape (url_family.h)
    uint64_t key;      // hash of name: what is counted
    uint64_t shape;    // hash of name without the host: what chains are seen by
  };
  using Families = std::vector<Family>;
  static uint64_t HostKey(std::string_view host);
  static Families FamiliesOf(std::string_view url);
  uint32_t Count(uint64_t key) const;
  void Increment(uint64_t key, bool log);
  void Shrink();

  std::string path_;
  uint64_t max_per_family_;
  size_t memory_entries_;
  std::unordered_map<uint64_t, uint32_t> counts_;
  // The page of the last BeginPage(): its families, and those of them that
  // feed themselves there.
  std::string page_;
  Families page_families_;
  std::vector<uint64_t> page_chains_;  // keys
  FILE* log_ = nullptr;
  uint64_t length_ = 0;
  Status status_;
};

}  // namespace corpus

#endif  // CORPUS_CRAWL_TRAP_BUDGET_H_

#include "corpus/crawl/trap_budget.h"

#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <unordered_set>
#include <cerrno>
#include <cstring>
#include <vector>

#include "corpus/crawl/url_family.h"
#include "corpus/util/fs.h"

namespace corpus {

TrapBudget::TrapBudget(std::string dir, uint64_t max_urls_per_family, size_t memory_entries)
    : path_(JoinPath(dir, "trap_budget.log")),
      max_per_family_(max_urls_per_family),
      memory_entries_(std::max<size_t>(memory_entries, 1024)) {}

TrapBudget::~TrapBudget() {
  if (log_) std::fclose(log_);
}

uint64_t TrapBudget::HostKey(std::string_view host) {
  // Seeded apart from the family keys, so a host never collides with a family.
  return XXH3_64bits_withSeed(host.data(), host.size(), 0x686f7374);
}

Status TrapBudget::Open(uint64_t length) {
  counts_.clear();
  length_ = length - length % sizeof(uint64_t);
  if (PathExists(path_)) {
    if (::truncate(path_.c_str(), static_cast<off_t>(length_)) != 0) {
      return Status::IOError("cannot truncate " + path_ + ": " + std::strerror(errno));
    }
  } else {
    length_ = 0;
  }
  log_ = std::fopen(path_.c_str(), "a+b");
  if (!log_) return Status::IOError("cannot open " + path_ + ": " + std::strerror(errno));
  std::rewind(log_);
  std::vector<uint64_t> buf(8192);
  uint64_t replayed = 0;
  while (replayed < length_) {
    const size_t want = static_cast<size_t>(std::min<uint64_t>(buf.size(), (length_ - replayed) / 8));
    const size_t n = std::fread(buf.data(), sizeof(uint64_t), want, log_);
    if (n == 0) break;
    for (size_t i = 0; i < n; ++i) Increment(buf[i], /*log=*/false);
    replayed += n * sizeof(uint64_t);
  }
  if (replayed != length_) return Status::Corruption(path_ + " is shorter than its checkpoint");
  std::fseek(log_, 0, SEEK_END);
  return Status::OK();
}

void TrapBudget::Increment(uint64_t key, bool log) {
  ++counts_[key];
  if (log && log_ && status_.ok()) {
    if (std::fwrite(&key, sizeof(key), 1, log_) != 1) {
      status_ = Status::IOError("cannot write " + path_ + ": " + std::strerror(errno));
    }
    length_ += sizeof(key);
  }
  if (counts_.size() > memory_entries_) Shrink();
}

void TrapBudget::Shrink() {
  // Forget the smallest counts until a quarter of the budget is free.
  uint64_t below = 2;
  while (counts_.size() > memory_entries_ - memory_entries_ / 4) {
    for (auto it = counts_.begin(); it != counts_.end();) {
      it = it->second < below ? counts_.erase(it) : std::next(it);
    }
    below *= 2;
  }
}

TrapBudget::Families TrapBudget::FamiliesOf(std::string_view url) {
  Families out;
  for (std::string& f : UrlFamilies(url)) {
    const uint64_t key = XXH3_64bits(f.data(), f.size());
    const size_t slash = f.find('/');
    const uint64_t shape = XXH3_64bits(f.data() + slash, f.size() - slash);
    out.push_back(Family{std::move(f), key, shape});
  }
  return out;
}

uint32_t TrapBudget::Count(uint64_t key) const {
  auto it = counts_.find(key);
  return it == counts_.end() ? 0 : it->second;
}

void TrapBudget::BeginPage(std::string_view page, const std::vector<std::string>& links) {
  page_.assign(page);
  page_families_ = FamiliesOf(page);
  page_chains_.clear();
  if (max_per_family_ == 0) return;
  std::vector<size_t> same(page_families_.size(), 0);
  std::unordered_set<std::string_view> distinct;
  for (const std::string& link : links) {
    if (link == page || !distinct.insert(link).second) continue;
    for (const Family& f : FamiliesOf(link)) {
      for (size_t i = 0; i < page_families_.size(); ++i) same[i] += page_families_[i].shape == f.shape;
    }
  }
  for (size_t i = 0; i < page_families_.size(); ++i) {
    if (same[i] >= 1 && same[i] <= kChainLinks) page_chains_.push_back(page_families_[i].key);
  }
}

bool TrapBudget::Admit(std::string_view url, std::string_view parent, std::string* family) {
  if (max_per_family_ == 0 || parent.empty()) return true;
  if (parent != page_) BeginPage(parent, {std::string(url)});
  const Families mine = FamiliesOf(url);
  // Suspect: a family of the page feeds itself here (and this link is in
  // it), or a family of the page was counted before.
  bool suspect = false;
  for (const Family& f : page_families_) suspect = suspect || Count(f.key) > 0;
  for (const Family& m : mine) {
    suspect = suspect || std::find(page_chains_.begin(), page_chains_.end(), m.key) != page_chains_.end();
  }
  if (!suspect) return true;
  for (const Family& m : mine) {
    if (Count(m.key) >= max_per_family_) {
      *family = m.name;
      return false;
    }
  }
  for (const Family& m : mine) Increment(m.key, /*log=*/true);
  return true;
}

uint64_t TrapBudget::HostPages(std::string_view host) const { return Count(HostKey(host)); }

void TrapBudget::CountHostPage(std::string_view host) { Increment(HostKey(host), /*log=*/true); }

Status TrapBudget::Sync(uint64_t* length) {
  if (!status_.ok()) return status_;
  if (std::fflush(log_) != 0 || ::fsync(fileno(log_)) != 0) {
    status_ = Status::IOError("cannot sync " + path_ + ": " + std::strerror(errno));
    return status_;
  }
  *length = length_;
  return Status::OK();
}

}  // namespace corpus

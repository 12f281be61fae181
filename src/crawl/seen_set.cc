#include "corpus/crawl/seen_set.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <queue>

#include "corpus/util/fs.h"

namespace corpus {
namespace {

constexpr size_t kIndexStride = 512;  // keys per 4 KiB block of a run
constexpr size_t kMaxRuns = 8;        // more runs are merged into one
constexpr size_t kMinTable = 1024;

// 0 marks an empty slot, so the one hash that is 0 is stored as 1.
uint64_t Slotable(uint64_t h) { return h == 0 ? 1 : h; }

// Buffered sequential reader of a run file for merging.
class RunReader {
 public:
  explicit RunReader(int fd) : fd_(fd) {}
  bool Next(uint64_t* key) {
    if (pos_ == len_) {
      const ssize_t n = ::read(fd_, buf_, sizeof(buf_));
      if (n <= 0) return false;
      len_ = static_cast<size_t>(n) / sizeof(uint64_t);
      pos_ = 0;
      if (len_ == 0) return false;
    }
    *key = buf_[pos_++];
    return true;
  }

 private:
  int fd_;
  uint64_t buf_[8192];
  size_t pos_ = 0;
  size_t len_ = 0;
};

Status WriteAll(int fd, const void* data, size_t len, const std::string& path) {
  const char* p = static_cast<const char*>(data);
  while (len > 0) {
    const ssize_t n = ::write(fd, p, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IOError("cannot write " + path + ": " + std::strerror(errno));
    }
    p += n;
    len -= static_cast<size_t>(n);
  }
  return Status::OK();
}

}  // namespace

SeenSet::SeenSet(std::string dir, size_t memory_entries)
    : dir_(std::move(dir)), memory_entries_(std::max<size_t>(memory_entries, 16)) {}

SeenSet::~SeenSet() {
  if (log_) std::fclose(log_);
  CloseRuns();
}

uint64_t SeenSet::Hash(std::string_view url) { return XXH3_64bits(url.data(), url.size()); }

void SeenSet::CloseRuns() {
  for (auto& r : runs_) {
    if (r.fd >= 0) ::close(r.fd);
    ::unlink(r.path.c_str());
  }
  runs_.clear();
}

Status SeenSet::Open(uint64_t log_length) {
  CORPUS_RETURN_IF_ERROR(MakeDirs(dir_));
  if (log_) std::fclose(log_);
  log_ = nullptr;
  CloseRuns();
  // Runs of an earlier process are an index of its log; rebuilt below.
  if (DIR* d = ::opendir(dir_.c_str())) {
    while (dirent* e = ::readdir(d)) {
      if (std::strncmp(e->d_name, "seen-run-", 9) == 0) ::unlink(JoinPath(dir_, e->d_name).c_str());
    }
    ::closedir(d);
  }
  table_.assign(kMinTable, 0);
  table_count_ = 0;
  size_ = 0;
  const std::string log_path = JoinPath(dir_, "seen.log");
  if (::truncate(log_path.c_str(), static_cast<off_t>(log_length)) != 0 && errno != ENOENT) {
    return Status::IOError("cannot truncate " + log_path + ": " + std::strerror(errno));
  }
  if (log_length > 0) {
    const int fd = ::open(log_path.c_str(), O_RDONLY);
    if (fd < 0) return Status::IOError("cannot open " + log_path + ": " + std::strerror(errno));
    RunReader reader(fd);
    uint64_t h;
    while (reader.Next(&h)) {
      if (!ContainsHash(h)) {
        TableInsert(h);
        ++size_;
        if (table_count_ >= memory_entries_) {
          const Status st = Spill();
          if (!st.ok()) {
            ::close(fd);
            return st;
          }
        }
      }
    }
    ::close(fd);
  }
  log_ = std::fopen(log_path.c_str(), "ab");
  if (!log_) return Status::IOError("cannot open " + log_path + ": " + std::strerror(errno));
  return Status::OK();
}

bool SeenSet::Insert(std::string_view url) { return InsertHash(Hash(url)); }
bool SeenSet::Contains(std::string_view url) const { return ContainsHash(Hash(url)); }

bool SeenSet::ContainsHash(uint64_t h) const {
  h = Slotable(h);
  if (TableContains(h)) return true;
  for (const auto& r : runs_) {
    if (RunContains(r, h)) return true;
  }
  return false;
}

bool SeenSet::InsertHash(uint64_t h) {
  h = Slotable(h);
  if (ContainsHash(h)) return false;
  TableInsert(h);
  ++size_;
  if (log_ && std::fwrite(&h, sizeof(h), 1, log_) != 1 && status_.ok()) {
    status_ = Status::IOError("cannot append to " + JoinPath(dir_, "seen.log"));
  }
  if (table_count_ >= memory_entries_) {
    const Status st = Spill();
    if (!st.ok() && status_.ok()) status_ = st;
  }
  return true;
}

bool SeenSet::TableContains(uint64_t h) const {
  const size_t mask = table_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    if (table_[i] == h) return true;
    if (table_[i] == 0) return false;
  }
}

bool SeenSet::TableInsert(uint64_t h) {
  if ((table_count_ + 1) * 2 > table_.size()) Grow();
  const size_t mask = table_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    if (table_[i] == h) return false;
    if (table_[i] == 0) {
      table_[i] = h;
      ++table_count_;
      return true;
    }
  }
}

void SeenSet::Grow() {
  std::vector<uint64_t> old;
  old.swap(table_);
  table_.assign(old.size() * 2, 0);
  const size_t mask = table_.size() - 1;
  for (uint64_t h : old) {
    if (h == 0) continue;
    size_t i = h & mask;
    while (table_[i] != 0) i = (i + 1) & mask;
    table_[i] = h;
  }
}

Status SeenSet::OpenRun(const std::string& path, Run* run) const {
  run->path = path;
  run->fd = ::open(path.c_str(), O_RDONLY);
  if (run->fd < 0) return Status::IOError("cannot open " + path + ": " + std::strerror(errno));
  run->index.clear();
  run->count = 0;
  RunReader reader(run->fd);
  uint64_t h;
  while (reader.Next(&h)) {
    if (run->count % kIndexStride == 0) run->index.push_back(h);
    ++run->count;
  }
  return Status::OK();
}

Status SeenSet::Spill() {
  std::vector<uint64_t> keys;
  keys.reserve(table_count_);
  for (uint64_t h : table_) {
    if (h != 0) keys.push_back(h);
  }
  std::sort(keys.begin(), keys.end());
  const std::string path = JoinPath(dir_, "seen-run-" + std::to_string(next_run_id_++));
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return Status::IOError("cannot create " + path + ": " + std::strerror(errno));
  Status st = WriteAll(fd, keys.data(), keys.size() * sizeof(uint64_t), path);
  ::close(fd);
  CORPUS_RETURN_IF_ERROR(st);
  Run run;
  CORPUS_RETURN_IF_ERROR(OpenRun(path, &run));
  runs_.push_back(std::move(run));
  table_.assign(kMinTable, 0);
  table_.shrink_to_fit();
  table_count_ = 0;
  if (runs_.size() > kMaxRuns) return MergeRuns();
  return Status::OK();
}

Status SeenSet::MergeRuns() {
  const std::string path = JoinPath(dir_, "seen-run-" + std::to_string(next_run_id_++));
  const int out = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (out < 0) return Status::IOError("cannot create " + path + ": " + std::strerror(errno));
  std::vector<std::unique_ptr<RunReader>> readers;
  using Item = std::pair<uint64_t, size_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
  for (size_t i = 0; i < runs_.size(); ++i) {
    ::lseek(runs_[i].fd, 0, SEEK_SET);
    readers.push_back(std::make_unique<RunReader>(runs_[i].fd));
    uint64_t h;
    if (readers[i]->Next(&h)) heap.push({h, i});
  }
  std::vector<uint64_t> buf;
  buf.reserve(8192);
  Status st;
  while (!heap.empty() && st.ok()) {
    const auto [h, i] = heap.top();
    heap.pop();
    buf.push_back(h);  // runs hold disjoint keys: a key is inserted only when absent
    if (buf.size() == 8192) {
      st = WriteAll(out, buf.data(), buf.size() * sizeof(uint64_t), path);
      buf.clear();
    }
    uint64_t next;
    if (readers[i]->Next(&next)) heap.push({next, i});
  }
  if (st.ok()) st = WriteAll(out, buf.data(), buf.size() * sizeof(uint64_t), path);
  ::close(out);
  CORPUS_RETURN_IF_ERROR(st);
  CloseRuns();
  Run run;
  CORPUS_RETURN_IF_ERROR(OpenRun(path, &run));
  runs_.push_back(std::move(run));
  return Status::OK();
}

bool SeenSet::RunContains(const Run& run, uint64_t h) const {
  if (run.index.empty() || h < run.index.front()) return false;
  // The block whose first key is the last one <= h.
  const size_t block = static_cast<size_t>(
      std::upper_bound(run.index.begin(), run.index.end(), h) - run.index.begin() - 1);
  uint64_t keys[kIndexStride];
  const ssize_t n = ::pread(run.fd, keys, sizeof(keys),
                            static_cast<off_t>(block * kIndexStride * sizeof(uint64_t)));
  if (n <= 0) return false;
  const size_t count = static_cast<size_t>(n) / sizeof(uint64_t);
  return std::binary_search(keys, keys + count, h);
}

Status SeenSet::Sync(uint64_t* log_length) {
  if (!status_.ok()) return status_;
  if (!log_) return Status::Internal("seen set is not open");
  if (std::fflush(log_) != 0 || ::fsync(::fileno(log_)) != 0) {
    return Status::IOError("cannot sync " + JoinPath(dir_, "seen.log"));
  }
  *log_length = size_ * sizeof(uint64_t);
  return Status::OK();
}

size_t SeenSet::MemoryBytes() const {
  size_t bytes = table_.capacity() * sizeof(uint64_t);
  for (const auto& r : runs_) bytes += r.index.capacity() * sizeof(uint64_t) + sizeof(Run);
  return bytes + (log_ ? BUFSIZ : 0);
}

}  // namespace corpus

// URL batches between crawl tasks through the shared output folder
// (README.md, "A crawl over many tasks").
#include "corpus/crawl/handoff.h"

#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "corpus/util/fs.h"

namespace corpus {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string TaskName(const char* prefix, int task) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%s%04d", prefix, task);
  return buf;
}

// Names in `dir` ending in `suffix`, sorted; a missing folder has none.
std::vector<std::string> ListNames(const std::string& dir, const std::string& suffix) {
  std::vector<std::string> out;
  DIR* d = ::opendir(dir.c_str());
  if (!d) return out;
  while (dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    if (name[0] != '.' && EndsWith(name, suffix)) out.push_back(name);
  }
  ::closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

Handoff::Handoff(std::string dir, int task, int num_tasks)
    : dir_(std::move(dir)), task_(task), num_tasks_(num_tasks) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
  run_ = std::to_string(ms);
}

std::string Handoff::Inbox(int task) const { return JoinPath(dir_, TaskName("to-", task)); }

Status Handoff::Open() {
  for (int t = 0; t < num_tasks_; ++t) CORPUS_RETURN_IF_ERROR(MakeDirs(Inbox(t)));
  // Half-written batches of an earlier run of this task (killed mid-write).
  const std::string own = TaskName("b-", task_) + "-";
  for (int t = 0; t < num_tasks_; ++t) {
    for (const auto& name : ListNames(Inbox(t), ".tmp")) {
      if (name.rfind(own, 0) == 0) ::unlink(JoinPath(Inbox(t), name).c_str());
    }
  }
  return Status::OK();
}

void Handoff::Add(int owner, const FrontierEntry& entry) {
  std::string& out = outbox_[owner];
  entry.AppendTo(&out);
  out += '\n';
  ++buffered_;
}

Status Handoff::Publish(uint64_t* batches) {
  *batches = 0;
  for (auto& [owner, lines] : outbox_) {
    if (lines.empty()) continue;
    char name[96];
    std::snprintf(name, sizeof(name), "b-%04d-%s-%08llu.urls", task_, run_.c_str(),
                  static_cast<unsigned long long>(seq_++));
    CORPUS_RETURN_IF_ERROR(WriteFileAtomic(JoinPath(Inbox(owner), name), lines));
    lines.clear();
    ++*batches;
  }
  outbox_.clear();
  buffered_ = 0;
  return Status::OK();
}

Status Handoff::Receive(std::vector<FrontierEntry>* entries, size_t* batches) {
  *batches = 0;
  const std::string inbox = Inbox(task_);
  for (const auto& name : ListNames(inbox, ".urls")) {
    if (read_.count(name)) continue;
    std::string text;
    const std::string path = JoinPath(inbox, name);
    CORPUS_RETURN_IF_ERROR(ReadFile(path, &text));
    size_t start = 0;
    FrontierEntry e;
    while (start < text.size()) {
      size_t nl = text.find('\n', start);
      if (nl == std::string::npos) nl = text.size();
      if (!FrontierEntry::Parse(std::string_view(text).substr(start, nl - start), &e)) {
        return Status::Corruption(path + ": bad line at byte " + std::to_string(start));
      }
      entries->push_back(e);
      start = nl + 1;
    }
    read_.insert(name);
    ++*batches;
  }
  return Status::OK();
}

Status Handoff::RemoveRead() {
  const std::string inbox = Inbox(task_);
  for (const auto& name : read_) {
    const std::string path = JoinPath(inbox, name);
    if (::unlink(path.c_str()) != 0 && PathExists(path)) return Status::IOError("cannot remove " + path);
  }
  read_.clear();
  return Status::OK();
}

Status Handoff::Unread(std::vector<size_t>* per_task) const {
  per_task->assign(num_tasks_, 0);
  for (int t = 0; t < num_tasks_; ++t) (*per_task)[t] = ListNames(Inbox(t), ".urls").size();
  return Status::OK();
}

}  // namespace corpus

#include "corpus/crawl/host_state_log.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <unordered_map>

#include "corpus/io/record.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"

namespace corpus {
namespace {

// Keeps the last value per key, in the order keys were first seen.
template <typename T>
void Upsert(std::vector<T>* list, std::unordered_map<std::string, size_t>* index,
            const std::string& key, T value) {
  auto [it, added] = index->emplace(key, list->size());
  if (added) {
    list->push_back(std::move(value));
  } else {
    (*list)[it->second] = std::move(value);
  }
}

}  // namespace

HostStateLog::HostStateLog(std::string dir) : path_(JoinPath(dir, "host_state.log")) {}

Status HostStateLog::Open(uint64_t length, std::vector<RobotsLogEntry>* robots,
                          std::vector<ParkedHostLogEntry>* parked) {
  robots->clear();
  parked->clear();
  file_.reset();
  if (::truncate(path_.c_str(), static_cast<off_t>(length)) != 0 && errno != ENOENT) {
    return Status::IOError("cannot truncate " + path_ + ": " + std::strerror(errno));
  }
  if (length > 0) {
    std::ifstream in(path_, std::ios::binary);
    if (!in) return Status::IOError("cannot open " + path_);
    std::unordered_map<std::string, size_t> robots_index, parked_index;
    std::string line;
    Record rec;
    while (std::getline(in, line)) {
      // Every committed line was written whole; one that does not parse is
      // damage, and losing a cached fact only costs a refetch.
      if (!rec.Parse(line).ok()) continue;
      if (auto origin = rec.GetString("robots")) {
        RobotsLogEntry e;
        e.origin = *origin;
        e.fetched_unix_ms = rec.GetInt("fetched_unix_ms").value_or(0);
        e.allow_all = rec.GetRaw("allow_all").value_or("false") == "true";
        e.body = rec.GetString("body").value_or("");
        Upsert(robots, &robots_index, *origin, std::move(e));
      } else if (auto host = rec.GetString("parked")) {
        Upsert(parked, &parked_index, *host,
               ParkedHostLogEntry{*host, rec.GetString("rule").value_or("parked")});
      }
    }
  }
  file_.reset(std::fopen(path_.c_str(), "ab"));
  if (!file_) return Status::IOError("cannot open " + path_ + ": " + std::strerror(errno));
  length_ = length;
  status_ = Status::OK();
  return Status::OK();
}

void HostStateLog::Append(const std::string& line) {
  if (!file_) {
    if (status_.ok()) status_ = Status::Internal("host state log is not open");
    return;
  }
  if (std::fwrite(line.data(), 1, line.size(), file_.get()) != line.size() ||
      std::fputc('\n', file_.get()) == EOF) {
    if (status_.ok()) status_ = Status::IOError("cannot write " + path_);
    return;
  }
  length_ += line.size() + 1;
}

void HostStateLog::AddRobots(const RobotsLogEntry& e) {
  Append(JsonObjectWriter()
             .String("robots", e.origin)
             .Int("fetched_unix_ms", e.fetched_unix_ms)
             .Bool("allow_all", e.allow_all)
             .String("body", e.body)
             .Finish());
}

void HostStateLog::AddParkedHost(const ParkedHostLogEntry& e) {
  Append(JsonObjectWriter().String("parked", e.host).String("rule", e.rule).Finish());
}

Status HostStateLog::Sync(uint64_t* length) {
  if (!status_.ok()) return status_;
  if (!file_) return Status::Internal("host state log is not open");
  if (std::fflush(file_.get()) != 0 || ::fsync(::fileno(file_.get())) != 0) {
    return Status::IOError("cannot sync " + path_ + ": " + std::strerror(errno));
  }
  *length = length_;
  return Status::OK();
}

}  // namespace corpus

#include "corpus/crawl/frontier.h"

#include <dirent.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

#include "corpus/util/fs.h"

namespace corpus {
namespace {

// Appends `s` in one copy, then blanks the tabs and line breaks it brought
// (normalised URLs have none; validators seldom do).
void AppendClean(std::string* out, std::string_view s) {
  if (s.empty()) return;
  const size_t start = out->size();
  out->append(s);
  if (!std::memchr(s.data(), '\t', s.size()) && !std::memchr(s.data(), '\n', s.size()) &&
      !std::memchr(s.data(), '\r', s.size())) {
    return;
  }
  for (size_t i = start; i < out->size(); ++i) {
    char& c = (*out)[i];
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
}

void AppendInt(std::string* out, int v) {
  char buf[16];
  const auto r = std::to_chars(buf, buf + sizeof(buf), v);
  out->append(buf, r.ptr);
}

bool ParseInt(std::string_view s, int* v) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), *v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// Reads one '\n'-terminated line; a line without its newline (a torn tail)
// is not returned and the stream is rewound to its start.
bool ReadLine(FILE* f, std::string* line, uint64_t* consumed) {
  line->clear();
  const long start = std::ftell(f);
  int c;
  // Called once per popped entry: the unlocked getc reads stdio's buffer
  // without taking the stream's lock for every byte.
  while ((c = getc_unlocked(f)) != EOF) {
    if (c == '\n') {
      *consumed = line->size() + 1;
      return true;
    }
    line->push_back(static_cast<char>(c));
  }
  std::clearerr(f);
  std::fseek(f, start, SEEK_SET);
  return false;
}

}  // namespace

void FrontierEntry::AppendTo(std::string* out) const {
  for (int v : {depth, hops, retries, kind}) {
    AppendInt(out, v);
    out->push_back('\t');
  }
  AppendClean(out, url);
  out->push_back('\t');
  AppendClean(out, etag);
  out->push_back('\t');
  AppendClean(out, last_modified);
}

size_t FrontierEntry::SerializedSizeBound() const {
  return 4 * 12 + url.size() + 1 + etag.size() + 1 + last_modified.size() + 1;
}

std::string FrontierEntry::Serialize() const {
  std::string s;
  s.reserve(SerializedSizeBound());
  AppendTo(&s);
  return s;
}

bool FrontierEntry::Parse(std::string_view line, FrontierEntry* out) {
  std::string_view parts[7];
  for (int i = 0; i < 7; ++i) {
    const size_t tab = i < 6 ? line.find('\t') : std::string_view::npos;
    if (i < 6 && tab == std::string_view::npos) return false;
    parts[i] = line.substr(0, tab);
    if (i < 6) line.remove_prefix(tab + 1);
  }
  FrontierEntry e;
  if (!ParseInt(parts[0], &e.depth) || !ParseInt(parts[1], &e.hops) ||
      !ParseInt(parts[2], &e.retries) || !ParseInt(parts[3], &e.kind) || parts[4].empty()) {
    return false;
  }
  e.url = std::string(parts[4]);
  e.etag = std::string(parts[5]);
  e.last_modified = std::string(parts[6]);
  *out = std::move(e);
  return true;
}

Frontier::Frontier(std::string dir) : dir_(std::move(dir)) {}

std::string Frontier::QueuePath(int depth) const {
  return JoinPath(dir_, "queue-" + std::to_string(depth) + ".q");
}

Status Frontier::Open(const FrontierState& state) {
  queues_.clear();
  CORPUS_RETURN_IF_ERROR(MakeDirs(dir_));
  pushed_ = popped_ = 0;
  // Queue files beyond the saved depths hold only uncommitted appends.
  if (DIR* d = ::opendir(dir_.c_str())) {
    while (dirent* e = ::readdir(d)) {
      int depth;
      const std::string name = e->d_name;
      if (name.rfind("queue-", 0) == 0 && name.size() > 8 &&
          ParseInt(std::string_view(name).substr(6, name.size() - 8), &depth) &&
          static_cast<size_t>(depth) >= state.written.size()) {
        ::unlink(JoinPath(dir_, name).c_str());
      }
    }
    ::closedir(d);
  }
  for (size_t depth = 0; depth < state.written.size(); ++depth) {
    DepthQueue* q = Queue(static_cast<int>(depth));
    if (!q) return status_;
    if (::ftruncate(::fileno(q->writer.get()), static_cast<off_t>(state.written[depth])) != 0) {
      return Status::IOError("cannot truncate " + q->path + ": " + std::strerror(errno));
    }
    std::fseek(q->writer.get(), 0, SEEK_END);
    q->written = state.written[depth];
    q->read = depth < state.read.size() ? state.read[depth] : 0;
    std::fseek(q->reader.get(), static_cast<long>(q->read), SEEK_SET);
    // Count the unread entries so size() is right after a resume.
    uint64_t consumed;
    const long pos = std::ftell(q->reader.get());
    while (ReadLine(q->reader.get(), &line_, &consumed)) ++pushed_;
    std::fseek(q->reader.get(), pos, SEEK_SET);
  }
  if (!state.pending_file.empty()) {
    const std::string p = state.pending_file;
    // "pending-N.q": continue numbering after it.
    int n = 0;
    if (p.size() > 10 && ParseInt(std::string_view(p).substr(8, p.size() - 10), &n)) {
      pending_seq_ = static_cast<uint64_t>(n) + 1;
    }
  }
  pending_file_loaded_ = state.pending_file;
  return Status::OK();
}

Status Frontier::LoadPending(std::vector<FrontierEntry>* entries) const {
  entries->clear();
  if (pending_file_loaded_.empty()) return Status::OK();
  std::string text;
  CORPUS_RETURN_IF_ERROR(ReadFile(JoinPath(dir_, pending_file_loaded_), &text));
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    FrontierEntry e;
    if (FrontierEntry::Parse(std::string_view(text).substr(start, nl - start), &e)) {
      entries->push_back(std::move(e));
    }
    start = nl + 1;
  }
  return Status::OK();
}

Frontier::DepthQueue* Frontier::Queue(int depth) {
  if (depth < 0) depth = 0;
  while (queues_.size() <= static_cast<size_t>(depth)) {
    DepthQueue q;
    q.path = QueuePath(static_cast<int>(queues_.size()));
    q.writer.reset(std::fopen(q.path.c_str(), "ab"));
    if (q.writer) q.reader.reset(std::fopen(q.path.c_str(), "rb"));
    if (!q.writer || !q.reader) {
      status_ = Status::IOError("cannot open " + q.path + ": " + std::strerror(errno));
      return nullptr;
    }
    queues_.push_back(std::move(q));
  }
  return &queues_[static_cast<size_t>(depth)];
}

Status Frontier::Push(const FrontierEntry& entry) {
  DepthQueue* q = Queue(entry.depth);
  if (!q) return status_;
  out_line_.clear();
  entry.AppendTo(&out_line_);
  out_line_.push_back('\n');
  if (std::fwrite(out_line_.data(), 1, out_line_.size(), q->writer.get()) != out_line_.size()) {
    status_ = Status::IOError("cannot append to " + q->path);
    return status_;
  }
  q->written += out_line_.size();
  ++pushed_;
  return Status::OK();
}

bool Frontier::Pop(FrontierEntry* entry) {
  for (auto& q : queues_) {
    while (q.read < q.written) {
      uint64_t consumed = 0;
      if (!ReadLine(q.reader.get(), &line_, &consumed)) {
        // The rest is still in the writer's buffer.
        std::fflush(q.writer.get());
        if (!ReadLine(q.reader.get(), &line_, &consumed)) break;
      }
      q.read += consumed;
      ++popped_;
      if (FrontierEntry::Parse(line_, entry)) return true;
    }
  }
  return false;
}

Status Frontier::Checkpoint(const std::vector<const FrontierEntry*>& in_memory,
                            FrontierState* state) {
  if (!status_.ok()) return status_;
  state->written.clear();
  state->read.clear();
  for (auto& q : queues_) {
    if (std::fflush(q.writer.get()) != 0 || ::fsync(::fileno(q.writer.get())) != 0) {
      return Status::IOError("cannot sync " + q.path);
    }
    state->written.push_back(q.written);
    state->read.push_back(q.read);
  }
  // One buffer sized for every entry, one write.
  size_t bound = 0;
  for (const FrontierEntry* e : in_memory) bound += e->SerializedSizeBound();
  std::string text;
  text.reserve(bound);
  for (const FrontierEntry* e : in_memory) {
    e->AppendTo(&text);
    text.push_back('\n');
  }
  state->pending_file = "pending-" + std::to_string(pending_seq_++) + ".q";
  return WriteFileAtomic(JoinPath(dir_, state->pending_file), text);
}

void Frontier::RemoveStalePending(const std::string& keep) const {
  DIR* d = ::opendir(dir_.c_str());
  if (!d) return;
  while (dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    if (name.rfind("pending-", 0) == 0 && name != keep) ::unlink(JoinPath(dir_, name).c_str());
  }
  ::closedir(d);
}

}  // namespace corpus

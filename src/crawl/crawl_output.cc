#include "corpus/crawl/crawl_output.h"

#include <dirent.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <set>

#include "corpus/io/record.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"
#include "corpus/util/rfc3339.h"
#include "corpus/util/sha256.h"

namespace corpus {

CrawlOutput::CrawlOutput(const StageDir& dir, int zstd_level, uint64_t max_records,
                         uint64_t max_bytes)
    : dir_(dir), zstd_level_(zstd_level), max_records_(max_records), max_bytes_(max_bytes) {}

CrawlOutput::~CrawlOutput() {
  // Open parts a checkpoint names stay for the resume; the others' writers
  // delete their temporary files.
  for (const auto& part : open_parts_) {
    for (auto* w : {&pages_, &rejects_}) {
      if (*w && dir_.Relative((*w)->path()) == part.path) (*w)->Detach();
    }
  }
}

std::string CrawlOutput::Unit(uint64_t part) const {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%05llu", static_cast<unsigned long long>(part));
  return prefix_ + buf;
}

void CrawlOutput::Restore(std::vector<OutputFile> committed, uint64_t next_part, StageCounts counts,
                          std::vector<OutputFile> open_parts) {
  committed_ = std::move(committed);
  next_part_ = next_part;
  counts_ = std::move(counts);
  open_parts_ = std::move(open_parts);
}

Status CrawlOutput::RemoveUncommitted() {
  // A part closed after the checkpoint was written, and killed before the
  // next one, stands under its final name. Closing only appends to the file,
  // so its first bytes are the checkpointed ones: it goes back to its
  // temporary name and is cut to the checkpoint like any open part.
  for (const auto& f : open_parts_) {
    const std::string tmp = JoinPath(dir_.root(), f.path + ".tmp");
    const std::string closed = JoinPath(dir_.root(), f.path);
    if (!PathExists(tmp) && PathExists(closed) && ::rename(closed.c_str(), tmp.c_str()) != 0) {
      return Status::IOError("cannot rename " + closed + " to " + tmp + ": " + std::strerror(errno));
    }
  }
  std::set<std::string> keep;
  for (const auto& f : committed_) keep.insert(f.path);
  for (const auto& f : open_parts_) keep.insert(f.path + ".tmp");
  for (const std::string sub : {"", "rejected"}) {
    const std::string folder = sub.empty() ? dir_.root() : JoinPath(dir_.root(), sub);
    DIR* d = ::opendir(folder.c_str());
    if (!d) continue;
    while (dirent* e = ::readdir(d)) {
      const std::string name = e->d_name;
      if (name.rfind(prefix_, 0) != 0) continue;
      const std::string rel = sub.empty() ? name : sub + "/" + name;
      if (keep.count(rel)) continue;
      const std::string path = JoinPath(folder, name);
      if (::unlink(path.c_str()) != 0) return Status::IOError("cannot remove " + path);
    }
    ::closedir(d);
  }
  for (const auto& f : open_parts_) CORPUS_RETURN_IF_ERROR(Reopen(f));
  return Status::OK();
}

Status CrawlOutput::Reopen(const OutputFile& part) {
  const bool rejected = part.path.rfind("rejected/", 0) == 0;
  std::unique_ptr<ShardWriter>& writer = rejected ? rejects_ : pages_;
  const std::string path = rejected ? dir_.RejectedPath(Unit(next_part_)) : dir_.KeptPath(Unit(next_part_));
  if (writer || dir_.Relative(path) != part.path) {
    return Status::Corruption("crawl checkpoint names an open part " + part.path +
                              " that is not part " + std::to_string(next_part_));
  }
  writer = NewWriter(path, !rejected);
  return writer->ResumeFrom(part.file_bytes, part.records, part.bytes);
}

std::unique_ptr<ShardWriter> CrawlOutput::NewWriter(const std::string& path, bool pages) const {
  auto writer = std::make_unique<ShardWriter>(path, zstd_level_, false);
  // Pages are most of the bytes: they are compressed on zstd's own threads,
  // so the crawl loop that writes them goes on fetching meanwhile. Two, not
  // one: the crawl's wall time was lower with two for the same CPU time
  // (BENCHMARKS.md, "`corpus crawl` benchmarks").
  if (pages) writer->set_compression_workers(2);
  return writer;
}

Status CrawlOutput::WritePage(std::string_view json) {
  if (!pages_) pages_ = NewWriter(dir_.KeptPath(Unit(next_part_)), /*pages=*/true);
  CORPUS_RETURN_IF_ERROR(pages_->Write(json));
  dirty_ = true;
  ++counts_.records_in;
  ++counts_.kept;
  counts_.bytes_out += json.size() + 1;
  return Status::OK();
}

Status CrawlOutput::WriteReject(std::string_view json, std::string_view rule) {
  if (!rejects_) {
    rejects_ = NewWriter(dir_.RejectedPath(Unit(next_part_)), /*pages=*/false);
  }
  CORPUS_RETURN_IF_ERROR(rejects_->Write(json));
  dirty_ = true;
  ++counts_.records_in;
  ++counts_.rejected;
  ++counts_.rejected_by_rule[std::string(rule)];
  return Status::OK();
}

bool CrawlOutput::Full() const {
  for (const auto* w : {&pages_, &rejects_}) {
    if (*w && ((*w)->stats().records >= max_records_ || (*w)->stats().file_bytes >= max_bytes_)) {
      return true;
    }
  }
  return false;
}

namespace {

// What the manifest says of a part `writer` has written so far (no digest:
// that is known once the part is finished).
OutputFile DescribePart(const StageDir& dir, const ShardWriter& writer) {
  const auto& s = writer.stats();
  OutputFile f;
  f.path = dir.Relative(writer.path());
  f.records = s.records;
  f.bytes = s.uncompressed_bytes;
  f.file_bytes = s.file_bytes;
  return f;
}

}  // namespace

Status CrawlOutput::Finish(std::unique_ptr<ShardWriter>* writer) {
  if (!*writer) return Status::OK();
  CORPUS_RETURN_IF_ERROR((*writer)->Finish());
  OutputFile f = DescribePart(dir_, **writer);
  f.sha256 = (*writer)->stats().sha256;
  committed_.push_back(std::move(f));
  writer->reset();
  return Status::OK();
}

Status CrawlOutput::Commit(bool close) {
  if (!pages_ && !rejects_) return Status::OK();
  if (close || Full()) {
    CORPUS_RETURN_IF_ERROR(Finish(&pages_));
    CORPUS_RETURN_IF_ERROR(Finish(&rejects_));
    ++next_part_;
    open_parts_.clear();
    dirty_ = false;
    return Status::OK();
  }
  if (!dirty_) return Status::OK();
  open_parts_.clear();
  for (auto* w : {&pages_, &rejects_}) {
    if (!*w) continue;
    CORPUS_RETURN_IF_ERROR((*w)->Sync());
    open_parts_.push_back(DescribePart(dir_, **w));
  }
  dirty_ = false;
  return Status::OK();
}

std::string CrawlRecordId(std::string_view url) { return Sha256Hex(url).substr(0, 32); }

std::string PageRecordJson(const PageFacts& p) {
  JsonObjectWriter w;
  // The other fields are short; the html may grow by escaping a little.
  w.Reserve(p.html.size() + p.html.size() / 16 + p.url.size() + 512);
  w.String("id", CrawlRecordId(p.url))
      .String("url", p.url)
      .String("source", "crawl")
      .String("fetched_at", p.fetched_at)
      .Int("status", p.status)
      .String("content_type", p.content_type);
  if (p.etag.empty()) w.Null("etag"); else w.String("etag", p.etag);
  if (p.last_modified.empty()) w.Null("last_modified"); else w.String("last_modified", p.last_modified);
  w.Int("depth", p.depth).String("html", p.html).String("charset", p.charset);
  if (p.truncated) w.Bool("truncated", true);
  return std::move(w).Finish();
}

std::string CrawlRejectJson(std::string_view url, int depth, std::string_view rule,
                            std::string_view value_json) {
  return JsonObjectWriter()
      .String("id", CrawlRecordId(url))
      .String("url", url)
      .String("source", "crawl")
      .String("fetched_at", NowRfc3339())
      .Int("depth", depth)
      .Raw("reject", RejectJson("crawl", rule, value_json))
      .Finish();
}

}  // namespace corpus

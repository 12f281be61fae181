#include "corpus/io/record_source.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "corpus/io/byte_stream.h"
#include "corpus/io/warc_source.h"
#include "corpus/util/fs.h"

namespace corpus {
namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool IsShardPath(const std::string& path) {
  return EndsWith(path, ".jsonl") || EndsWith(path, ".jsonl.zst") || EndsWith(path, ".jsonl.gz") ||
         EndsWith(path, ".json.zst") || EndsWith(path, ".ndjson");
}

class LineRecordSource : public RecordSource {
 public:
  explicit LineRecordSource(std::unique_ptr<ByteStream> stream) : reader_(std::move(stream)) {}
  bool Next(std::string_view* json) override {
    while (reader_.Next(json)) {
      // Blank lines are not records.
      if (json->find_first_not_of(" \t\r") != std::string_view::npos) return true;
    }
    return false;
  }
  uint64_t position() const override { return reader_.line_number(); }
  Status status() const override { return reader_.status(); }
  uint64_t file_offset() const override { return reader_.stream().compressed_offset(); }
  uint64_t file_size() const override { return reader_.stream().file_size(); }

 private:
  LineReader reader_;
};

}  // namespace

bool IsWarcPath(const std::string& path) {
  const std::string name = BaseName(path);
  return EndsWith(name, ".warc") || EndsWith(name, ".warc.gz") || EndsWith(name, ".wet") ||
         EndsWith(name, ".wet.gz") || EndsWith(name, ".wat") || EndsWith(name, ".wat.gz");
}

Status OpenRecordSource(const std::string& path, std::unique_ptr<RecordSource>* out) {
  if (IsWarcPath(path)) return OpenWarcRecordSource(path, out);
  std::unique_ptr<ByteStream> stream;
  CORPUS_RETURN_IF_ERROR(ByteStream::Open(path, &stream));
  *out = std::make_unique<LineRecordSource>(std::move(stream));
  return Status::OK();
}

Status ResolveInputs(const std::vector<std::string>& args, std::vector<std::string>* files) {
  std::set<std::string> seen;
  std::vector<std::string> result;
  auto add = [&](const std::string& p) {
    std::string norm = std::filesystem::path(p).lexically_normal().string();
    if (seen.insert(norm).second) result.push_back(norm);
  };
  for (const std::string& arg : args) {
    if (IsDirectory(arg)) {
      std::vector<std::string> found;
      std::error_code ec;
      for (const auto& entry : std::filesystem::directory_iterator(arg, ec)) {
        if (!entry.is_regular_file()) continue;
        const std::string p = entry.path().string();
        const std::string name = entry.path().filename().string();
        if (name.empty() || name[0] == '_' || name[0] == '.') continue;
        if (IsShardPath(p) || IsWarcPath(p)) found.push_back(p);
      }
      if (ec) return Status::IOError("cannot list " + arg + ": " + ec.message());
      std::sort(found.begin(), found.end());
      for (const auto& p : found) add(p);
    } else if (PathExists(arg)) {
      add(arg);
    } else if (arg.find_first_of("*?[") != std::string::npos) {
      std::vector<std::string> matched;
      CORPUS_RETURN_IF_ERROR(ExpandGlob(arg, &matched));
      std::sort(matched.begin(), matched.end());
      for (const auto& p : matched) {
        if (!IsDirectory(p)) add(p);
      }
    } else {
      return Status::InvalidArgument("input not found: " + arg);
    }
  }
  std::sort(result.begin(), result.end());
  *files = std::move(result);
  return Status::OK();
}

Status ResolveStageInputs(const std::vector<std::string>& args, std::vector<std::string>* files) {
  CORPUS_RETURN_IF_ERROR(ResolveInputs(args, files));
  if (files->empty()) return Status::InvalidArgument("no input files found in --in");
  return Status::OK();
}

}  // namespace corpus

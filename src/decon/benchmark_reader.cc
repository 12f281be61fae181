#include "corpus/decon/benchmark_reader.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>

#include "corpus/io/byte_stream.h"
#include "corpus/text/text_units.h"
#include "corpus/util/fs.h"
#include "corpus/util/sha256.h"

namespace corpus {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Strips ".gz"/".zst" from a file name.
std::string_view WithoutCompression(std::string_view name) {
  for (std::string_view ext : {".gz", ".zst"}) {
    if (EndsWith(name, ext) && name.size() > ext.size()) return name.substr(0, name.size() - ext.size());
  }
  return name;
}

bool IsJsonLinesName(std::string_view name) {
  name = WithoutCompression(name);
  return EndsWith(name, ".jsonl") || EndsWith(name, ".ndjson") || EndsWith(name, ".json");
}

// Appends every string inside `e` (the value itself, or nested values in
// document order) to *out, each after a newline when *out is not empty.
void CollectStrings(simdjson::dom::element e, std::string* out) {
  switch (e.type()) {
    case simdjson::dom::element_type::STRING: {
      std::string_view s;
      if (e.get_string().get(s)) return;
      if (IsBlank(s)) return;
      if (!out->empty()) out->push_back('\n');
      out->append(s);
      return;
    }
    case simdjson::dom::element_type::ARRAY: {
      simdjson::dom::array array;
      if (e.get_array().get(array)) return;
      for (simdjson::dom::element x : array) CollectStrings(x, out);
      return;
    }
    case simdjson::dom::element_type::OBJECT: {
      simdjson::dom::object object;
      if (e.get_object().get(object)) return;
      for (simdjson::dom::key_value_pair kv : object) CollectStrings(kv.value, out);
      return;
    }
    default:
      return;
  }
}

// Follows a dotted path ("question.stem") into nested objects.
bool FindPath(simdjson::dom::element root, std::string_view path, simdjson::dom::element* out) {
  simdjson::dom::element cur = root;
  while (true) {
    const size_t dot = path.find('.');
    const std::string_view key = path.substr(0, dot);
    simdjson::dom::object obj;
    if (cur.get_object().get(obj)) return false;
    if (obj[key].get(cur)) return false;
    if (dot == std::string_view::npos) break;
    path.remove_prefix(dot + 1);
  }
  *out = cur;
  return true;
}

}  // namespace

std::string BenchmarkName(const std::string& path) {
  const std::string base = BaseName(path);
  std::string_view name = WithoutCompression(base);
  for (std::string_view ext : {".jsonl", ".ndjson", ".json", ".txt"}) {
    if (EndsWith(name, ext) && name.size() > ext.size()) {
      name.remove_suffix(ext.size());
      break;
    }
  }
  return std::string(name);
}

Status ListBenchmarkFiles(const std::vector<std::string>& args, std::vector<BenchmarkFile>* out) {
  out->clear();
  std::map<std::string, std::string> path_of;  // name -> path
  auto add = [&](const std::string& path) -> Status {
    BenchmarkFile f{BenchmarkName(path), path};
    auto [it, fresh] = path_of.emplace(f.name, path);
    if (!fresh) {
      return Status::InvalidArgument("two benchmark files are both named \"" + f.name + "\": " + it->second +
                                     " and " + path + "; rename one");
    }
    out->push_back(std::move(f));
    return Status::OK();
  };
  for (const std::string& arg : args) {
    if (IsDirectory(arg)) {
      std::vector<std::string> found;
      std::error_code ec;
      for (const auto& e : std::filesystem::directory_iterator(arg, ec)) {
        const std::string name = e.path().filename().string();
        if (name.empty() || name[0] == '.' || name[0] == '_' || !e.is_regular_file()) continue;
        found.push_back(e.path().string());
      }
      if (ec) return Status::InvalidArgument("cannot list benchmark folder " + arg + ": " + ec.message());
      if (found.empty()) return Status::InvalidArgument("benchmark folder " + arg + " has no files");
      std::sort(found.begin(), found.end());
      for (const auto& p : found) CORPUS_RETURN_IF_ERROR(add(p));
    } else if (PathExists(arg)) {
      CORPUS_RETURN_IF_ERROR(add(arg));
    } else {
      return Status::InvalidArgument("benchmark file not found: " + arg);
    }
  }
  if (out->empty()) return Status::InvalidArgument("no benchmark files given (--benchmarks)");
  return Status::OK();
}

Status ReadBenchmarkItems(const BenchmarkFile& file, const std::vector<std::string>& fields,
                          const std::function<void(uint64_t line, std::string_view text)>& item,
                          std::string* sha256) {
  std::unique_ptr<ByteStream> stream;
  Status st = ByteStream::Open(file.path, &stream);
  if (!st.ok()) return Status::InvalidArgument("cannot read benchmark " + file.path + ": " + st.message());
  LineReader reader(std::move(stream));
  const bool json = IsJsonLinesName(BaseName(file.path));
  Sha256 digest;
  simdjson::dom::parser parser;
  simdjson::padded_string padded;
  std::string text;
  bool any_field = false;
  std::string_view line;
  while (reader.Next(&line)) {
    digest.Update(line);
    digest.Update("\n", 1);
    if (IsBlank(line)) continue;
    if (!json) {
      item(reader.line_number(), line);
      continue;
    }
    padded = simdjson::padded_string(line);
    simdjson::dom::element root;
    if (parser.parse(padded).get(root) || !root.is_object()) {
      return Status::InvalidArgument("benchmark " + file.path + " line " + std::to_string(reader.line_number()) +
                                     ": not a JSON object");
    }
    text.clear();
    if (fields.empty()) {
      CollectStrings(root, &text);
    } else {
      for (const std::string& f : fields) {
        simdjson::dom::element v;
        if (FindPath(root, f, &v)) {
          any_field = true;
          CollectStrings(v, &text);
        }
      }
    }
    if (!text.empty()) item(reader.line_number(), text);
  }
  if (!reader.status().ok()) {
    return Status::InvalidArgument("benchmark " + file.path + " is damaged: " + reader.status().message());
  }
  if (json && !fields.empty() && !any_field) {
    std::string names;
    for (const auto& f : fields) names += (names.empty() ? "" : ",") + f;
    return Status::InvalidArgument("benchmark " + file.path + ": no line has any of the fields " + names +
                                   " (--fields)");
  }
  *sha256 = digest.HexDigest();
  return Status::OK();
}

}  // namespace corpus

// Writing WARC/1.1 files (ISO 28500:2017, "The WARC File Format 1.1"):
// record serialisation, digests, ids, and the rotating, committable file
// series of WarcWriter.
#include "corpus/io/warc_writer.h"

#include <dirent.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cstring>
#include <ctime>
#include <set>

#include "corpus/util/fs.h"
#include "corpus/util/json.h"

namespace corpus {
namespace {

constexpr std::string_view kOpenSuffix = ".open";
constexpr std::string_view kFileSuffix = ".warc.gz";

Status Errno(const std::string& what, const std::string& path) {
  return Status::IOError(what + " " + path + ": " + std::strerror(errno));
}

bool HasField(const WarcOutRecord& r, std::string_view name) {
  for (const auto& [n, v] : r.fields) {
    if (n == name) return true;
  }
  return false;
}

}  // namespace

std::string NewWarcRecordId() {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof(b)) != 1) {
    // RAND_bytes fails only without an entropy source; a clock-and-counter
    // fallback still gives ids unique within the process.
    static uint64_t counter = 0;
    const uint64_t t = static_cast<uint64_t>(std::time(nullptr));
    const uint64_t c = ++counter ^ (static_cast<uint64_t>(::getpid()) << 32);
    std::memcpy(b, &t, 8);
    std::memcpy(b + 8, &c, 8);
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // RFC 9562 variant
  static const char* kHex = "0123456789abcdef";
  std::string s = "<urn:uuid:";
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) s += '-';
    s += kHex[b[i] >> 4];
    s += kHex[b[i] & 15];
  }
  return s + ">";
}

std::string Base32Encode(std::string_view bytes) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  out.reserve((bytes.size() + 4) / 5 * 8);
  uint64_t acc = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    acc = (acc << 8) | c;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += kAlphabet[(acc >> bits) & 31];
    }
  }
  if (bits > 0) out += kAlphabet[(acc << (5 - bits)) & 31];
  while (out.size() % 8 != 0) out += '=';
  return out;
}

std::string WarcSha1Digest(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha1(), nullptr);
  return "sha1:" + Base32Encode(std::string_view(reinterpret_cast<const char*>(md), len));
}

std::string WarcDate(int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string SerializeWarcRecord(const WarcOutRecord& r) {
  std::string out;
  out.reserve(r.block.size() + 512);
  out += "WARC/1.1\r\nWARC-Type: ";
  out += r.type;
  out += "\r\n";
  for (const auto& [name, value] : r.fields) {
    out += name;
    out += ": ";
    out += value;
    out += "\r\n";
  }
  out += "Content-Length: ";
  out += std::to_string(r.block.size());
  out += "\r\n\r\n";
  out += r.block;
  out += "\r\n\r\n";
  return out;
}

Status AppendGzipMember(std::string_view in, int level, std::string* out) {
  z_stream zs;
  std::memset(&zs, 0, sizeof(zs));
  // windowBits 15 + 16: a gzip wrapper (RFC 1952) around the deflate stream.
  if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return Status::Internal("deflateInit2 failed");
  }
  const size_t start = out->size();
  out->resize(start + deflateBound(&zs, static_cast<uLong>(in.size())) + 32);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out->data() + start);
  zs.avail_out = static_cast<uInt>(out->size() - start);
  const int rc = deflate(&zs, Z_FINISH);
  const size_t written = out->size() - start - zs.avail_out;
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) {
    out->resize(start);
    return Status::Internal("gzip compression failed");
  }
  out->resize(start + written);
  return Status::OK();
}

std::string WarcWriter::State::ToJson() const {
  std::string names = "[";
  for (size_t i = 0; i < closed.size(); ++i) {
    if (i) names += ",";
    AppendJsonString(&names, closed[i]);
  }
  names += "]";
  return JsonObjectWriter()
      .String("dir", dir)
      .String("prefix", prefix)
      .Raw("closed", names)
      .String("current", current)
      .Uint("current_bytes", current_bytes)
      .String("current_warcinfo_id", current_warcinfo_id)
      .Uint("next_index", next_index)
      .Finish();
}

Status WarcWriter::State::FromJson(std::string_view json, State* out) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(json.data(), json.size()).get(root)) return Status::Corruption("unreadable WARC state");
  State s;
  std::string_view sv;
  uint64_t u;
  if (root["prefix"].get_string().get(sv)) return Status::Corruption("WARC state without prefix");
  s.prefix = std::string(sv);
  if (!root["dir"].get_string().get(sv)) s.dir = std::string(sv);
  if (!root["current"].get_string().get(sv)) s.current = std::string(sv);
  if (!root["current_warcinfo_id"].get_string().get(sv)) s.current_warcinfo_id = std::string(sv);
  if (!root["current_bytes"].get_uint64().get(u)) s.current_bytes = u;
  if (!root["next_index"].get_uint64().get(u)) s.next_index = u;
  simdjson::dom::array arr;
  if (!root["closed"].get_array().get(arr)) {
    for (auto x : arr) {
      if (!x.get_string().get(sv)) s.closed.emplace_back(sv);
    }
  }
  *out = std::move(s);
  return Status::OK();
}

WarcWriter::WarcWriter(Options options) : options_(std::move(options)) {}

WarcWriter::~WarcWriter() {
  if (file_) std::fclose(file_);  // as a crash leaves it: the next Resume() cuts the tail
}

std::string WarcWriter::FinalPath(const std::string& name) const { return JoinPath(options_.dir, name); }

std::string WarcWriter::OpenPath() const { return FinalPath(state_.current) + std::string(kOpenSuffix); }

Status WarcWriter::Start() {
  CORPUS_RETURN_IF_ERROR(MakeDirs(options_.dir));
  state_ = State();
  state_.dir = options_.dir;
  state_.prefix = options_.prefix;
  return Status::OK();
}

Status WarcWriter::Resume(const State& committed) {
  CORPUS_RETURN_IF_ERROR(MakeDirs(options_.dir));
  state_ = committed;
  state_.dir = options_.dir;
  // Files of this series that the state does not name were started after
  // the commit: gone.
  const std::string series = state_.prefix + "-";
  std::set<std::string> keep(state_.closed.begin(), state_.closed.end());
  if (!state_.current.empty()) keep.insert(state_.current);
  DIR* d = ::opendir(options_.dir.c_str());
  if (!d) return Errno("cannot list", options_.dir);
  std::vector<std::string> stale;
  while (dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if (name.rfind(series, 0) != 0) continue;
    std::string base = name;
    if (base.size() > kOpenSuffix.size() &&
        base.compare(base.size() - kOpenSuffix.size(), kOpenSuffix.size(), kOpenSuffix) == 0) {
      base.resize(base.size() - kOpenSuffix.size());
    }
    if (!keep.count(base) || (base != name && base != state_.current)) stale.push_back(name);
  }
  ::closedir(d);
  for (const auto& name : stale) {
    if (::unlink(FinalPath(name).c_str()) != 0) return Errno("cannot remove", FinalPath(name));
  }
  if (state_.current.empty()) return Status::OK();
  // The open file: renamed to its final name after the commit (it filled up,
  // or the crawl finished) means it is open again.
  const std::string open_path = OpenPath();
  if (!PathExists(open_path) && PathExists(FinalPath(state_.current))) {
    CORPUS_RETURN_IF_ERROR(RenameDurable(FinalPath(state_.current), open_path));
  } else if (PathExists(FinalPath(state_.current))) {
    ::unlink(FinalPath(state_.current).c_str());
  }
  struct stat st;
  if (::stat(open_path.c_str(), &st) != 0) {
    if (state_.current_bytes == 0) {
      state_.current.clear();  // opened, never committed with a record
      return Status::OK();
    }
    return Status::Corruption("WARC file " + open_path + " is missing; it held " +
                              std::to_string(state_.current_bytes) + " committed bytes");
  }
  if (static_cast<uint64_t>(st.st_size) < state_.current_bytes) {
    return Status::Corruption("WARC file " + open_path + " is shorter (" + std::to_string(st.st_size) +
                              " bytes) than its committed length " +
                              std::to_string(state_.current_bytes));
  }
  if (::truncate(open_path.c_str(), static_cast<off_t>(state_.current_bytes)) != 0) {
    return Errno("cannot truncate", open_path);
  }
  if (state_.current_bytes == 0) {
    ::unlink(open_path.c_str());
    state_.current.clear();
    return Status::OK();
  }
  file_ = std::fopen(open_path.c_str(), "ab");
  if (!file_) return Errno("cannot open", open_path);
  file_bytes_ = state_.current_bytes;
  return Status::OK();
}

Status WarcWriter::OpenNext() {
  char index[32];
  std::snprintf(index, sizeof(index), "%05llu", static_cast<unsigned long long>(state_.next_index));
  state_.current = state_.prefix + "-" + index + std::string(kFileSuffix);
  ++state_.next_index;
  state_.current_bytes = 0;
  state_.current_warcinfo_id = NewWarcRecordId();
  file_ = std::fopen(OpenPath().c_str(), "wb");
  if (!file_) return Errno("cannot create", OpenPath());
  file_bytes_ = 0;
  dirty_ = true;
  // WARC 1.1 §6.2: a warcinfo record describes the records that follow it.
  WarcOutRecord info;
  info.type = "warcinfo";
  info.Add("WARC-Record-ID", state_.current_warcinfo_id);
  info.Add("WARC-Date", WarcDate(std::time(nullptr)));
  info.Add("WARC-Filename", state_.current);
  info.Add("WARC-Block-Digest", WarcSha1Digest(options_.warcinfo_fields));
  info.Add("Content-Type", "application/warc-fields");
  info.block = options_.warcinfo_fields;
  return Append(info);
}

Status WarcWriter::Append(const WarcOutRecord& record) {
  buffer_.clear();
  CORPUS_RETURN_IF_ERROR(AppendGzipMember(SerializeWarcRecord(record), options_.gzip_level, &buffer_));
  if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    return Errno("cannot write", OpenPath());
  }
  file_bytes_ += buffer_.size();
  bytes_ += buffer_.size();
  dirty_ = true;
  return Status::OK();
}

Status WarcWriter::Write(WarcOutRecord record) {
  std::vector<WarcOutRecord> one;
  one.push_back(std::move(record));
  return Write(std::move(one));
}

Status WarcWriter::Write(std::vector<WarcOutRecord> records) {
  if (!file_) CORPUS_RETURN_IF_ERROR(OpenNext());
  for (WarcOutRecord& record : records) {
    // WARC-Date when the caller gave none, and WARC-Warcinfo-ID (§5.14),
    // right after the record's id.
    const bool dated = HasField(record, "WARC-Date");
    std::vector<std::pair<std::string, std::string>> fields;
    fields.reserve(record.fields.size() + 2);
    for (auto& f : record.fields) {
      const bool id = f.first == "WARC-Record-ID";
      fields.push_back(std::move(f));
      if (!id) continue;
      if (!dated) fields.emplace_back("WARC-Date", WarcDate(std::time(nullptr)));
      fields.emplace_back("WARC-Warcinfo-ID", state_.current_warcinfo_id);
    }
    record.fields = std::move(fields);
    CORPUS_RETURN_IF_ERROR(Append(record));
    ++records_;
  }
  if (file_bytes_ >= options_.max_file_bytes) return CloseCurrent();
  return Status::OK();
}

Status WarcWriter::CloseCurrent() {
  if (!file_) return Status::OK();
  const std::string open_path = OpenPath();
  const bool ok = std::fflush(file_) == 0 && ::fsync(fileno(file_)) == 0;
  std::fclose(file_);
  file_ = nullptr;
  if (!ok) return Errno("cannot write", open_path);
  CORPUS_RETURN_IF_ERROR(RenameDurable(open_path, FinalPath(state_.current)));
  state_.closed.push_back(state_.current);
  state_.current.clear();
  state_.current_bytes = 0;
  state_.current_warcinfo_id.clear();
  dirty_ = true;
  return Status::OK();
}

Status WarcWriter::Commit(State* state) {
  if (file_ && dirty_) {
    if (std::fflush(file_) != 0 || ::fdatasync(fileno(file_)) != 0) return Errno("cannot write", OpenPath());
  }
  if (file_) state_.current_bytes = file_bytes_;
  dirty_ = false;
  *state = state_;
  return Status::OK();
}

Status WarcWriter::Close() { return CloseCurrent(); }

Status WarcWriter::RemoveFiles(const State& state) {
  const std::string& dir = state.dir;
  std::vector<std::string> names = state.closed;
  if (!state.current.empty()) {
    names.push_back(state.current);
    names.push_back(state.current + std::string(kOpenSuffix));
  }
  for (const auto& name : names) {
    const std::string path = JoinPath(dir, name);
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) return Errno("cannot remove", path);
  }
  return Status::OK();
}

}  // namespace corpus

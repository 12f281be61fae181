#include "corpus/tokenize/token_files.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "corpus/util/fs.h"

namespace corpus {
namespace {

// Megatron-LM's index header and dtype codes (megatron/core/datasets/indexed_dataset.py).
constexpr char kMegatronMagic[9] = {'M', 'M', 'I', 'D', 'I', 'D', 'X', '\0', '\0'};
constexpr uint8_t kMegatronUint16 = 8;
constexpr uint8_t kMegatronInt32 = 4;

template <typename T>
void PutLe(std::string* out, T v) {
  for (size_t i = 0; i < sizeof(T); ++i) {
    out->push_back(static_cast<char>((static_cast<uint64_t>(v) >> (8 * i)) & 0xFF));
  }
}

// "1.23 MT" as datatrove's metadata writes counts (humanize.metric, unit "T").
std::string MetricTokens(uint64_t n) {
  static const char* kPrefixes[] = {"", "k", "M", "G", "T", "P"};
  double v = static_cast<double>(n);
  int p = 0;
  while (v >= 1000 && p < 5) {
    v /= 1000;
    ++p;
  }
  char buf[32];
  std::snprintf(buf, sizeof(buf), v >= 100 ? "%.0f %sT" : v >= 10 ? "%.1f %sT" : "%.2f %sT", v,
                kPrefixes[p]);
  return buf;
}

}  // namespace

int TokenBytes(TokenFormat format, uint32_t vocab_size) {
  if (format == TokenFormat::kMegatron) return vocab_size < 65500 ? 2 : 4;
  return vocab_size <= 65536 ? 2 : 4;
}

TokenFileWriter::TokenFileWriter(std::string dir, std::string stem, TokenFormat format,
                                 uint32_t vocab_size, uint64_t max_tokens_per_file,
                                 std::string tokenizer_name)
    : dir_(std::move(dir)),
      stem_(std::move(stem)),
      format_(format),
      token_bytes_(TokenBytes(format, vocab_size)),
      max_tokens_(max_tokens_per_file),
      tokenizer_name_(std::move(tokenizer_name)) {}

TokenFileWriter::~TokenFileWriter() {
  if (file_ != nullptr) {
    std::fclose(file_);
    ::unlink(tmp_path_.c_str());
  }
}

std::string TokenFileWriter::PartName(const char* suffix) const {
  char num[16];
  std::snprintf(num, sizeof(num), format_ == TokenFormat::kMegatron ? "-%05d" : "_%05d", part_index_);
  return stem_ + num + suffix;
}

Status TokenFileWriter::RemoveEarlierFiles() {
  if (cleaned_) return Status::OK();
  cleaned_ = true;
  std::vector<std::string> old;
  const char* sep = format_ == TokenFormat::kMegatron ? "-" : "_";
  const Status st = ExpandGlob(JoinPath(dir_, stem_ + sep + "[0-9][0-9][0-9][0-9][0-9].*"), &old);
  if (!st.ok() && !st.IsNotFound()) return st;  // NotFound: nothing to remove
  for (const auto& f : old) {
    if (::unlink(f.c_str()) != 0 && errno != ENOENT) {
      return Status::IOError("cannot remove " + f + ": " + std::strerror(errno));
    }
  }
  return Status::OK();
}

Status TokenFileWriter::OpenPart() {
  CORPUS_RETURN_IF_ERROR(RemoveEarlierFiles());
  ++part_index_;
  const std::string path = JoinPath(dir_, PartName(format_ == TokenFormat::kMegatron ? ".bin" : ".ds"));
  tmp_path_ = path + ".tmp";
  file_ = std::fopen(tmp_path_.c_str(), "wb");
  if (file_ == nullptr) return Status::IOError("cannot create " + tmp_path_ + ": " + std::strerror(errno));
  sha_ = Sha256();
  part_tokens_ = 0;
  doc_tokens_.clear();
  return Status::OK();
}

Status TokenFileWriter::Add(const std::vector<uint32_t>& ids) {
  if (file_ != nullptr && max_tokens_ > 0 && part_tokens_ > 0 && part_tokens_ + ids.size() > max_tokens_) {
    CORPUS_RETURN_IF_ERROR(ClosePart());
  }
  if (file_ == nullptr) CORPUS_RETURN_IF_ERROR(OpenPart());
  buf_.clear();
  for (uint32_t id : ids) {
    if (token_bytes_ == 2) {
      PutLe<uint16_t>(&buf_, static_cast<uint16_t>(id));
    } else {
      PutLe<uint32_t>(&buf_, id);
    }
  }
  if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size()) {
    return Status::IOError("cannot write " + tmp_path_ + ": " + std::strerror(errno));
  }
  sha_.Update(buf_);
  part_tokens_ += ids.size();
  doc_tokens_.push_back(ids.size());
  return Status::OK();
}

Status TokenFileWriter::WriteSmallFile(const std::string& name, const std::string& contents,
                                       uint64_t records) {
  CORPUS_RETURN_IF_ERROR(WriteFileAtomic(JoinPath(dir_, name), contents));
  OutputFile f;
  f.path = name;
  f.records = records;
  f.file_bytes = contents.size();
  f.sha256 = Sha256Hex(contents);
  outputs_.push_back(std::move(f));
  return Status::OK();
}

Status TokenFileWriter::ClosePart() {
  const std::string tmp = tmp_path_;
  FILE* f = file_;
  file_ = nullptr;
  if (std::fflush(f) != 0 || ::fsync(fileno(f)) != 0) {
    std::fclose(f);
    ::unlink(tmp.c_str());
    return Status::IOError("cannot write " + tmp + ": " + std::strerror(errno));
  }
  std::fclose(f);
  const std::string data_name = PartName(format_ == TokenFormat::kMegatron ? ".bin" : ".ds");
  CORPUS_RETURN_IF_ERROR(RenameDurable(tmp, JoinPath(dir_, data_name)));
  OutputFile data;
  data.path = data_name;
  data.records = doc_tokens_.size();
  data.bytes = part_tokens_;
  data.file_bytes = part_tokens_ * static_cast<uint64_t>(token_bytes_);
  data.sha256 = sha_.HexDigest();
  outputs_.push_back(std::move(data));

  std::string index;
  if (format_ == TokenFormat::kMegatron) {
    // One sequence per document: header, lengths (int32), byte pointers
    // (int64), document indices (int64, 0..n).
    const uint64_t n = doc_tokens_.size();
    index.append(kMegatronMagic, sizeof(kMegatronMagic));
    PutLe<uint64_t>(&index, 1);
    index.push_back(static_cast<char>(token_bytes_ == 2 ? kMegatronUint16 : kMegatronInt32));
    PutLe<uint64_t>(&index, n);
    PutLe<uint64_t>(&index, n + 1);
    for (uint64_t len : doc_tokens_) PutLe<int32_t>(&index, static_cast<int32_t>(len));
    uint64_t pointer = 0;
    for (uint64_t len : doc_tokens_) {
      PutLe<int64_t>(&index, static_cast<int64_t>(pointer));
      pointer += len * static_cast<uint64_t>(token_bytes_);
    }
    for (uint64_t i = 0; i <= n; ++i) PutLe<int64_t>(&index, static_cast<int64_t>(i));
    CORPUS_RETURN_IF_ERROR(WriteSmallFile(PartName(".idx"), index, n));
  } else {
    uint64_t end = 0;
    for (uint64_t len : doc_tokens_) {
      end += len;
      PutLe<uint64_t>(&index, end);
    }
    CORPUS_RETURN_IF_ERROR(WriteSmallFile(PartName(".ds.index"), index, doc_tokens_.size()));
    CORPUS_RETURN_IF_ERROR(WriteSmallFile(
        PartName(".ds.metadata"),
        tokenizer_name_ + "\n" + std::to_string(part_tokens_) + "\n" + MetricTokens(part_tokens_), 0));
  }
  return Status::OK();
}

Status TokenFileWriter::Finish(std::vector<OutputFile>* outputs) {
  CORPUS_RETURN_IF_ERROR(RemoveEarlierFiles());
  if (file_ != nullptr) CORPUS_RETURN_IF_ERROR(ClosePart());
  outputs->insert(outputs->end(), outputs_.begin(), outputs_.end());
  outputs_.clear();
  return Status::OK();
}

}  // namespace corpus

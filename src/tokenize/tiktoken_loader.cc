// Loads tiktoken rank files (docs/tokenize.md, "tiktoken").

#include <memory>
#include <string>

#include "bpe_tokenizer.h"
#include "corpus/io/byte_stream.h"
#include "corpus/util/fs.h"

namespace corpus {
namespace {

// The pre-tokenizer patterns and special tokens of OpenAI's encodings, as
// the npm `tiktoken` package (the Rust tiktoken core) ships them.
struct TiktokenEncoding {
  const char* name;
  const char* pattern;
  std::pair<const char*, uint32_t> specials[5];
};

const TiktokenEncoding kEncodings[] = {
    {"cl100k_base",
     R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)",
     {{"<|endoftext|>", 100257},
      {"<|fim_prefix|>", 100258},
      {"<|fim_middle|>", 100259},
      {"<|fim_suffix|>", 100260},
      {"<|endofprompt|>", 100276}}},
    {"o200k_base",
     R"([^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+)",
     {{"<|endoftext|>", 199999}, {"<|endofprompt|>", 200018}}},
};

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

bool DecodeBase64(std::string_view in, std::string* out) {
  out->clear();
  uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=') break;
    const int v = Base64Value(c);
    if (v < 0) return false;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out->push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return !out->empty();
}

Status ReadAll(const std::string& path, std::string* contents) {
  std::unique_ptr<ByteStream> stream;
  CORPUS_RETURN_IF_ERROR(ByteStream::Open(path, &stream));
  char buf[1 << 16];
  contents->clear();
  for (size_t n; (n = stream->Read(buf, sizeof(buf))) > 0;) contents->append(buf, n);
  return stream->status();
}

}  // namespace

Status LoadTiktoken(const std::string& path, const TokenizerOptions& options,
                    std::unique_ptr<Tokenizer>* out) {
  std::string name = options.tiktoken_pattern;
  if (name.empty()) {
    const std::string base = BaseName(path);
    for (const auto& e : kEncodings) {
      if (base.find(e.name) != std::string::npos) name = e.name;
    }
    if (name.empty()) {
      return Status::InvalidArgument(
          path + ": cannot tell the encoding from the file name; pass --tiktoken-pattern "
                 "cl100k_base or o200k_base");
    }
  }
  const TiktokenEncoding* enc = nullptr;
  for (const auto& e : kEncodings) {
    if (name == e.name) enc = &e;
  }
  if (enc == nullptr) {
    return Status::InvalidArgument("unknown tiktoken pattern \"" + name +
                                   "\" (known: cl100k_base, o200k_base)");
  }

  std::string contents;
  Status st = ReadAll(path, &contents);
  if (!st.ok()) return Status::InvalidArgument("cannot read " + path + ": " + st.message());
  BpeSpec spec;
  spec.kind = "tiktoken";
  spec.model = std::make_unique<BytePairModel>();
  std::string bytes;
  size_t line_no = 0;
  for (size_t pos = 0; pos < contents.size();) {
    size_t eol = contents.find('\n', pos);
    if (eol == std::string::npos) eol = contents.size();
    std::string_view line(contents.data() + pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (line.empty()) continue;
    const size_t sp = line.find(' ');
    uint32_t rank = 0;
    bool ok = sp != std::string_view::npos && sp + 1 < line.size() &&
              DecodeBase64(line.substr(0, sp), &bytes);
    for (size_t i = sp + 1; ok && i < line.size(); ++i) {
      ok = line[i] >= '0' && line[i] <= '9' && rank < 100000000;
      rank = rank * 10 + static_cast<uint32_t>(line[i] - '0');
    }
    if (!ok) {
      return Status::InvalidArgument(path + ":" + std::to_string(line_no) +
                                     ": not a \"base64 rank\" line of a .tiktoken file");
    }
    st = spec.model->AddToken(bytes, rank);
    if (!st.ok()) return Status::InvalidArgument(path + ":" + std::to_string(line_no) + ": " + st.message());
  }
  spec.model->AddMergesFromRanks();
  st = spec.model->Finalize();
  if (!st.ok()) return Status::InvalidArgument(path + ": " + st.message());

  std::unique_ptr<RegexSplitter> splitter;
  CORPUS_RETURN_IF_ERROR(RegexSplitter::Compile(enc->pattern, &splitter));
  spec.splitters.push_back(std::move(splitter));
  spec.whole_piece_first = true;
  for (const auto& [text, id] : enc->specials) {
    if (text != nullptr) spec.specials.emplace_back(text, id);
  }
  spec.eos = spec.specials.front().second;  // <|endoftext|>
  *out = std::make_unique<BpeTokenizer>(std::move(spec));
  return Status::OK();
}

}  // namespace corpus

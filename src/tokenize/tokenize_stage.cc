#include "corpus/tokenize/tokenize_stage.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "corpus/io/record_source.h"
#include "corpus/shard/shuffle_key.h"
#include "corpus/stage/map_stage.h"
#include "corpus/stage/stage_dir.h"
#include "corpus/tokenize/token_card.h"
#include "corpus/util/fs.h"
#include "corpus/util/sha256.h"

namespace corpus {
namespace {

// The split a record belongs to: its "split" field, else the split prefix
// of the file it came from (as `corpus shard` names its output); "" if none.
std::string SplitOf(const Record& record, const std::string& file_split) {
  if (auto s = record.GetString("split")) return *s;
  return file_split;
}

std::string FileSplit(const std::string& input) {
  const std::string base = BaseName(input);
  for (const char* split : {"train", "validation", "test"}) {
    const std::string prefix = std::string(split) + "-";
    if (base.rfind(prefix, 0) == 0) return split;
  }
  return "";
}

// Tokens of documents spilled to a file so they can be written back in
// shuffled order (datatrove shuffles the same way, within each file):
// memory holds 20 bytes per document, the tokens stay on disk.
class DocumentSpill {
 public:
  explicit DocumentSpill(std::string path) : path_(std::move(path)) {}
  ~DocumentSpill() {
    if (fd_ >= 0) {
      ::close(fd_);
      ::unlink(path_.c_str());
    }
  }
  DocumentSpill(const DocumentSpill&) = delete;
  DocumentSpill& operator=(const DocumentSpill&) = delete;

  Status Add(uint64_t key, const std::vector<uint32_t>& ids) {
    if (fd_ < 0) {
      fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      if (fd_ < 0) return Status::IOError("cannot create " + path_ + ": " + std::strerror(errno));
    }
    const size_t bytes = ids.size() * sizeof(uint32_t);
    if (::pwrite(fd_, ids.data(), bytes, static_cast<off_t>(end_)) != static_cast<ssize_t>(bytes)) {
      return Status::IOError("cannot write " + path_ + ": " + std::strerror(errno));
    }
    docs_.push_back({key, end_, static_cast<uint32_t>(ids.size())});
    end_ += bytes;
    return Status::OK();
  }

  // Writes every document to `writer` in key order (ties: input order).
  Status Replay(TokenFileWriter* writer) {
    std::stable_sort(docs_.begin(), docs_.end(),
                     [](const Doc& a, const Doc& b) { return a.key < b.key; });
    std::vector<uint32_t> ids;
    for (const Doc& d : docs_) {
      ids.resize(d.tokens);
      const size_t bytes = ids.size() * sizeof(uint32_t);
      if (::pread(fd_, ids.data(), bytes, static_cast<off_t>(d.offset)) != static_cast<ssize_t>(bytes)) {
        return Status::IOError("cannot read back " + path_ + ": " + std::strerror(errno));
      }
      CORPUS_RETURN_IF_ERROR(writer->Add(ids));
    }
    return Status::OK();
  }

 private:
  struct Doc {
    uint64_t key;
    uint64_t offset;
    uint32_t tokens;
  };
  std::string path_;
  int fd_ = -1;
  uint64_t end_ = 0;
  std::vector<Doc> docs_;
};

class TokenizeStage;

// Handles the records of one input: counts or writes their tokens.
class TokenizeProcessor : public RecordProcessor {
 public:
  TokenizeProcessor(const TokenizeStage& stage, const std::string& input);
  Status Process(Record& record, Emitter& out) override;
  Status Finish(Emitter& out) override;

 private:
  const TokenizeStage& stage_;
  std::string file_split_;
  std::unique_ptr<TokenFileWriter> writer_;
  std::unique_ptr<DocumentSpill> spill_;
  std::vector<uint32_t> ids_;
};

class TokenizeStage : public MapStage {
 public:
  TokenizeStage(const TokenizeConfig& config, const CommonOptions& opts,
                std::unique_ptr<Tokenizer> tokenizer, std::string tokenizer_sha256,
                std::optional<uint32_t> bos, std::optional<uint32_t> eos,
                std::map<std::string, std::string> unit_of)
      : config_(config),
        out_dir_(opts.out_dir),
        tokenizer_(std::move(tokenizer)),
        tokenizer_sha256_(std::move(tokenizer_sha256)),
        bos_(bos),
        eos_(eos),
        unit_of_(std::move(unit_of)) {}

  std::string name() const override { return "tokenize"; }
  bool WritesKeptShard() const override { return config_.count_only; }

  StageConfig config() const override {
    StageConfig c;
    c.Set("tokenizer", BaseName(config_.tokenizer_path));
    c.Set("tokenizer_sha256", tokenizer_sha256_);
    c.Set("tiktoken_pattern", config_.tokenizer_options.tiktoken_pattern);
    c.Set("count_only", config_.count_only);
    if (!config_.count_only) {
      c.Set("format", config_.format == TokenFormat::kMegatron ? "megatron" : "datatrove");
      c.Set("bos", bos_ ? std::to_string(*bos_) : "none");
      c.Set("eos", eos_ ? std::to_string(*eos_) : "none");
      c.Set("max_tokens_per_file", static_cast<unsigned long long>(config_.max_tokens_per_file));
      c.Set("seed", config_.seed ? std::to_string(*config_.seed) : "none");
    }
    return c;
  }

  Status NewProcessor(const std::string& input_path, std::unique_ptr<RecordProcessor>* out) override {
    *out = std::make_unique<TokenizeProcessor>(*this, input_path);
    return Status::OK();
  }

  // Once every input is done: the folder's dataset card with the totals.
  Status ManifestExtra(const StageDir& dir, const std::vector<std::string>& all_units,
                       std::string* extra_json) override {
    TokenCardInfo card;
    card.tokenizer = BaseName(config_.tokenizer_path);
    card.format = config_.count_only ? "count-only"
                  : config_.format == TokenFormat::kMegatron ? "megatron" : "datatrove";
    for (const std::string& unit : all_units) {
      DoneMarker marker;
      CORPUS_RETURN_IF_ERROR(dir.ReadDone(unit, &marker));
      card.totals.Add(marker.counts);
      for (const OutputFile& f : marker.outputs) {
        if (f.path.rfind("rejected/", 0) != 0) card.files.push_back(f);
      }
    }
    std::set<std::string> cards;
    for (const auto& [input, unit] : unit_of_) {
      const std::filesystem::path readme = std::filesystem::path(input).parent_path() / "README.md";
      if (!PathExists(readme.string())) continue;
      std::error_code ec;
      const auto rel = std::filesystem::relative(readme, std::filesystem::path(out_dir_), ec);
      if (!ec && !rel.empty()) cards.insert(rel.string());
    }
    card.input_cards.assign(cards.begin(), cards.end());
    return WriteFileAtomic(JoinPath(out_dir_, "README.md"), RenderTokenCard(card));
  }

  const TokenizeConfig& cfg() const { return config_; }
  const Tokenizer& tokenizer() const { return *tokenizer_; }
  const std::string& out_dir() const { return out_dir_; }
  std::optional<uint32_t> bos() const { return bos_; }
  std::optional<uint32_t> eos() const { return eos_; }
  // The runner's unit name of an input (unique across all inputs), which
  // names its token files.
  std::string UnitOf(const std::string& input) const {
    auto it = unit_of_.find(input);
    return it != unit_of_.end() ? it->second : StageDir::UnitNames({input}).front();
  }

 private:
  TokenizeConfig config_;
  std::string out_dir_;
  std::unique_ptr<Tokenizer> tokenizer_;
  std::string tokenizer_sha256_;
  std::optional<uint32_t> bos_, eos_;
  std::map<std::string, std::string> unit_of_;
};

TokenizeProcessor::TokenizeProcessor(const TokenizeStage& stage, const std::string& input)
    : stage_(stage), file_split_(FileSplit(input)) {
  if (stage.cfg().count_only) return;
  const std::string unit = stage.UnitOf(input);
  writer_ = std::make_unique<TokenFileWriter>(stage.out_dir(), unit, stage.cfg().format,
                                              stage.tokenizer().vocab_size(),
                                              stage.cfg().max_tokens_per_file,
                                              BaseName(stage.cfg().tokenizer_path));
  if (stage.cfg().seed) {
    spill_ = std::make_unique<DocumentSpill>(JoinPath(stage.out_dir(), unit + ".spill.tmp"));
  }
}

Status TokenizeProcessor::Process(Record& record, Emitter& out) {
  const std::optional<std::string> text = record.GetString("text");
  if (!text) return out.Reject(record, "missing_text", "null");
  if (text->empty()) return out.Reject(record, "empty_text", "0");

  ids_.clear();
  if (!stage_.cfg().count_only && stage_.bos()) ids_.push_back(*stage_.bos());
  const size_t before = ids_.size();
  stage_.tokenizer().Encode(*text, &ids_);
  const uint64_t text_tokens = ids_.size() - before;
  out.Count("documents");
  out.Count("tokens", text_tokens);
  const std::string split = SplitOf(record, file_split_);
  if (!split.empty()) out.Count("tokens_" + split, text_tokens);

  if (stage_.cfg().count_only) {
    record.SetInt("token_count", static_cast<int64_t>(text_tokens));
    return out.Keep(record);
  }
  if (stage_.eos()) ids_.push_back(*stage_.eos());
  out.Count("tokens_written", ids_.size());
  out.KeepElsewhere();
  if (spill_) {
    const std::string id = record.GetString("id").value_or("");
    return spill_->Add(ShuffleKey(*stage_.cfg().seed, id), ids_);
  }
  return writer_->Add(ids_);
}

Status TokenizeProcessor::Finish(Emitter& out) {
  if (!writer_) return Status::OK();
  if (spill_) {
    CORPUS_RETURN_IF_ERROR(spill_->Replay(writer_.get()));
    spill_.reset();
  }
  std::vector<OutputFile> files;
  CORPUS_RETURN_IF_ERROR(writer_->Finish(&files));
  for (const auto& f : files) out.AddOutput(f);
  return Status::OK();
}

// Resolves the BOS/EOS ids the config asks for; kInvalidArgument if the
// tokenizer has no such token.
Status ResolveSpecial(const Tokenizer& tok, bool wanted, const std::string& text,
                      std::optional<uint32_t> own, const char* what, std::optional<uint32_t>* id) {
  id->reset();
  if (!wanted) return Status::OK();
  if (!text.empty()) {
    *id = tok.SpecialTokenId(text);
    if (!*id) return Status::InvalidArgument(std::string("--") + what + "-token \"" + text +
                                             "\" is not a token of this tokenizer");
    return Status::OK();
  }
  if (!own) {
    return Status::InvalidArgument(std::string("the tokenizer has no ") + what +
                                   " token; name one with --" + what + "-token" +
                                   (std::string(what) == "eos" ? " or pass --no-eos" : ""));
  }
  *id = own;
  return Status::OK();
}

}  // namespace

StageOutcome RunTokenize(const TokenizeConfig& config, const CommonOptions& opts) {
  StageOutcome outcome;
  std::unique_ptr<Tokenizer> tokenizer;
  outcome.status = LoadTokenizer(config.tokenizer_path, config.tokenizer_options, &tokenizer);
  if (!outcome.status.ok()) return outcome;
  std::optional<uint32_t> bos, eos;
  if (!config.count_only) {
    outcome.status = ResolveSpecial(*tokenizer, config.bos, config.bos_token, tokenizer->bos_id(), "bos", &bos);
    if (outcome.status.ok()) {
      outcome.status = ResolveSpecial(*tokenizer, config.eos, config.eos_token, tokenizer->eos_id(), "eos", &eos);
    }
    if (!outcome.status.ok()) return outcome;
  }
  std::string contents;
  outcome.status = ReadFile(config.tokenizer_path, &contents);
  if (!outcome.status.ok()) return outcome;
  // Unit names as the runner gives them; if the inputs do not resolve, the
  // runner reports it.
  std::map<std::string, std::string> unit_of;
  std::vector<std::string> inputs;
  if (ResolveInputs(opts.inputs, &inputs).ok()) {
    const std::vector<std::string> units = StageDir::UnitNames(inputs);
    for (size_t i = 0; i < inputs.size(); ++i) unit_of[inputs[i]] = units[i];
  }
  TokenizeStage stage(config, opts, std::move(tokenizer), Sha256Hex(contents), bos, eos,
                      std::move(unit_of));
  return RunMapStage(stage, opts);
}

}  // namespace corpus

// SentencePiece models through libsentencepiece, the reference itself
// (docs/tokenize.md, "SentencePiece").

#include <sentencepiece_processor.h>

#include <memory>
#include <string>

#include "bpe_tokenizer.h"

namespace corpus {
namespace {

// Thread-safety: SentencePieceProcessor::Encode is const and thread-safe.
class SentencePieceTokenizer : public Tokenizer {
 public:
  explicit SentencePieceTokenizer(std::unique_ptr<sentencepiece::SentencePieceProcessor> sp)
      : sp_(std::move(sp)) {}

  void Encode(std::string_view text, std::vector<uint32_t>* ids) const override {
    thread_local std::vector<int> pieces;
    pieces.clear();
    // Fails only on an uninitialized model, which Load() rules out.
    (void)sp_->Encode(text, &pieces);
    for (int id : pieces) ids->push_back(static_cast<uint32_t>(id));
  }
  uint32_t vocab_size() const override { return static_cast<uint32_t>(sp_->GetPieceSize()); }
  std::optional<uint32_t> SpecialTokenId(std::string_view text) const override {
    const int id = sp_->PieceToId(text);
    if (id == sp_->unk_id() && text != sp_->IdToPiece(sp_->unk_id())) return std::nullopt;
    return static_cast<uint32_t>(id);
  }
  std::optional<uint32_t> bos_id() const override { return Id(sp_->bos_id()); }
  std::optional<uint32_t> eos_id() const override { return Id(sp_->eos_id()); }
  std::string kind() const override { return "sentencepiece"; }

 private:
  static std::optional<uint32_t> Id(int id) {
    if (id < 0) return std::nullopt;
    return static_cast<uint32_t>(id);
  }
  std::unique_ptr<sentencepiece::SentencePieceProcessor> sp_;
};

}  // namespace

Status LoadSentencePiece(const std::string& path, std::unique_ptr<Tokenizer>* out) {
  auto sp = std::make_unique<sentencepiece::SentencePieceProcessor>();
  const auto st = sp->Load(path);
  if (!st.ok()) return Status::InvalidArgument("cannot load SentencePiece model " + path + ": " + st.ToString());
  *out = std::make_unique<SentencePieceTokenizer>(std::move(sp));
  return Status::OK();
}

}  // namespace corpus

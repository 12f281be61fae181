// Loads Hugging Face tokenizer.json files with a byte-level BPE model
// (docs/tokenize.md, "tokenizer.json"): GPT-2, Llama 3, Qwen 2 and the like.

#include <simdjson.h>

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>

#include "bpe_tokenizer.h"
#include "corpus/util/fs.h"

namespace corpus {
namespace {

// GPT-2's ByteLevel pre-tokenizer pattern.
constexpr const char* kByteLevelPattern =
    R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";

// Added-token names tried, in order, for the end and beginning of a document.
constexpr const char* kEosNames[] = {"<|endoftext|>", "<|end_of_text|>", "</s>", "<eos>"};
constexpr const char* kBosNames[] = {"<|begin_of_text|>", "<s>", "<bos>", "<|startoftext|>"};

// GPT-2's table from bytes to the printable characters byte-level
// vocabularies are written in; inverted to read them back as bytes.
std::unordered_map<uint32_t, unsigned char> ByteLevelAlphabet() {
  std::unordered_map<uint32_t, unsigned char> to_byte;
  uint32_t next = 256;
  for (int b = 0; b < 256; ++b) {
    const bool printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174);
    to_byte[printable ? static_cast<uint32_t>(b) : next++] = static_cast<unsigned char>(b);
  }
  return to_byte;
}

// Maps a vocabulary entry back to bytes; false if a character is outside the
// byte-level alphabet (such an entry can only come from an added token).
bool FromByteLevel(std::string_view s, const std::unordered_map<uint32_t, unsigned char>& alphabet,
                   std::string* out) {
  out->clear();
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    uint32_t cp;
    size_t len;
    if (c < 0x80) {
      cp = c, len = 1;
    } else if ((c & 0xE0) == 0xC0 && i + 1 < s.size()) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu), len = 2;
    } else {
      return false;  // the alphabet has nothing above U+0143
    }
    auto it = alphabet.find(cp);
    if (it == alphabet.end()) return false;
    out->push_back(static_cast<char>(it->second));
    i += len;
  }
  return true;
}

// Reads an optional field: `*value` keeps its default when the field is
// absent or of another type.
template <typename T>
void ReadOptional(simdjson::simdjson_result<T> field, T* value) {
  T v;
  if (!std::move(field).get(v)) *value = v;
}

Status Bad(const std::string& path, const std::string& what) {
  return Status::InvalidArgument(path + ": " + what);
}

Status AddPreTokenizer(const std::string& path, simdjson::dom::element pt, BpeSpec* spec) {
  std::string_view type;
  if (pt["type"].get_string().get(type)) return Bad(path, "pre_tokenizer without a type");
  if (type == "Sequence") {
    simdjson::dom::array list;
    if (pt["pretokenizers"].get_array().get(list)) return Bad(path, "Sequence without pretokenizers");
    for (simdjson::dom::element e : list) CORPUS_RETURN_IF_ERROR(AddPreTokenizer(path, e, spec));
    return Status::OK();
  }
  std::unique_ptr<RegexSplitter> splitter;
  if (type == "ByteLevel") {
    bool use_regex = true, prefix = false;
    ReadOptional(pt["use_regex"].get_bool(), &use_regex);
    ReadOptional(pt["add_prefix_space"].get_bool(), &prefix);
    spec->add_prefix_space = spec->add_prefix_space || prefix;
    if (!use_regex) return Status::OK();
    CORPUS_RETURN_IF_ERROR(RegexSplitter::Compile(kByteLevelPattern, &splitter));
  } else if (type == "Split") {
    std::string_view pattern, behavior = "Isolated";
    bool invert = false;
    if (pt["pattern"]["Regex"].get_string().get(pattern)) {
      return Bad(path, "only Split pre-tokenizers with a \"Regex\" pattern are supported");
    }
    ReadOptional(pt["behavior"].get_string(), &behavior);
    ReadOptional(pt["invert"].get_bool(), &invert);
    if (behavior != "Isolated" || invert) {
      return Bad(path, "only Split behavior \"Isolated\" without invert is supported, not \"" +
                           std::string(behavior) + "\"");
    }
    Status st = RegexSplitter::Compile(pattern, &splitter);
    if (!st.ok()) return Bad(path, st.message());
  } else {
    return Bad(path, "unsupported pre_tokenizer type \"" + std::string(type) + "\"");
  }
  spec->splitters.push_back(std::move(splitter));
  return Status::OK();
}

Status ReadNormalizer(const std::string& path, simdjson::dom::element n, BpeSpec* spec) {
  if (n.is_null()) return Status::OK();
  std::string_view type;
  if (n["type"].get_string().get(type)) return Bad(path, "normalizer without a type");
  if (type == "Sequence") {
    simdjson::dom::array list;
    if (n["normalizers"].get_array().get(list)) return Bad(path, "Sequence without normalizers");
    size_t count = 0;
    for (simdjson::dom::element e : list) {
      if (++count > 1) return Bad(path, "only one normalizer is supported");
      CORPUS_RETURN_IF_ERROR(ReadNormalizer(path, e, spec));
    }
    return Status::OK();
  }
  if (type == "NFC") spec->normalize = UnicodeForm::kNfc;
  else if (type == "NFD") spec->normalize = UnicodeForm::kNfd;
  else if (type == "NFKC") spec->normalize = UnicodeForm::kNfkc;
  else if (type == "NFKD") spec->normalize = UnicodeForm::kNfkd;
  else return Bad(path, "unsupported normalizer type \"" + std::string(type) + "\"");
  return Status::OK();
}

}  // namespace

Status LoadHfTokenizerJson(const std::string& path, std::unique_ptr<Tokenizer>* out) {
  std::string contents;
  Status st = ReadFile(path, &contents);
  if (!st.ok()) return Status::InvalidArgument("cannot read " + path + ": " + st.message());
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto err = parser.parse(contents).get(root)) {
    return Bad(path, std::string("not JSON: ") + simdjson::error_message(err));
  }
  simdjson::dom::element model;
  if (root["model"].get(model)) return Bad(path, "no \"model\"");
  std::string_view type = "BPE";
  ReadOptional(model["type"].get_string(), &type);
  if (type != "BPE") return Bad(path, "model type \"" + std::string(type) + "\" is not BPE");
  bool byte_fallback = false;
  ReadOptional(model["byte_fallback"].get_bool(), &byte_fallback);
  std::string_view affix;
  if (byte_fallback || (!model["continuing_subword_prefix"].get_string().get(affix) && !affix.empty()) ||
      (!model["end_of_word_suffix"].get_string().get(affix) && !affix.empty())) {
    return Bad(path, "only byte-level BPE is supported (byte_fallback, continuing_subword_prefix "
                     "and end_of_word_suffix must be unset)");
  }
  double dropout = 0;
  if (!model["dropout"].get_double().get(dropout) && dropout > 0) {
    return Bad(path, "BPE dropout is not deterministic; unset it");
  }

  BpeSpec spec;
  spec.kind = "tokenizer.json";
  spec.model = std::make_unique<BytePairModel>();
  spec.split_gaps = true;
  ReadOptional(model["ignore_merges"].get_bool(), &spec.whole_piece_first);

  const auto alphabet = ByteLevelAlphabet();
  simdjson::dom::object vocab;
  if (model["vocab"].get_object().get(vocab)) return Bad(path, "model without \"vocab\"");
  std::unordered_map<std::string, uint32_t> vocab_ids;  // as written (byte-level alphabet)
  std::string bytes;
  // Vocabulary ids are dense (0 .. size-1 in every published tokenizer.json);
  // a sparse id would make the id table as large as the id, so ids past four
  // times the vocabulary's size are refused.
  const uint64_t max_id = std::min<uint64_t>(0xFFFFFFF, 4 * uint64_t{vocab.size()} + 1024);
  for (auto field : vocab) {
    uint64_t id;
    if (field.value.get_uint64().get(id) || id > max_id) {
      return Bad(path, "vocab entry \"" + std::string(field.key) + "\" has no valid id");
    }
    vocab_ids.emplace(std::string(field.key), static_cast<uint32_t>(id));
    if (!FromByteLevel(field.key, alphabet, &bytes)) continue;
    st = spec.model->AddToken(bytes, static_cast<uint32_t>(id));
    if (!st.ok()) return Bad(path, st.message());
  }

  simdjson::dom::array merges;
  if (model["merges"].get_array().get(merges)) return Bad(path, "model without \"merges\"");
  uint32_t rank = 0;
  for (simdjson::dom::element m : merges) {
    std::string left, right;
    std::string_view s;
    simdjson::dom::array pair;
    if (!m.get_string().get(s)) {
      const size_t sp = s.find(' ');
      if (sp == std::string_view::npos) return Bad(path, "merge \"" + std::string(s) + "\" has no space");
      left = std::string(s.substr(0, sp));
      right = std::string(s.substr(sp + 1));
    } else if (!m.get_array().get(pair) && pair.size() == 2) {
      std::string_view a, b;
      if (pair.at(0).get_string().get(a) || pair.at(1).get_string().get(b)) {
        return Bad(path, "merge " + std::to_string(rank) + " is not two strings");
      }
      left = std::string(a);
      right = std::string(b);
    } else {
      return Bad(path, "merge " + std::to_string(rank) + " is neither \"a b\" nor [a, b]");
    }
    auto l = vocab_ids.find(left), r = vocab_ids.find(right), lr = vocab_ids.find(left + right);
    if (l == vocab_ids.end() || r == vocab_ids.end() || lr == vocab_ids.end()) {
      return Bad(path, "merge " + std::to_string(rank) + " (\"" + left + "\", \"" + right +
                           "\") names a token not in the vocab");
    }
    spec.model->AddMerge(l->second, r->second, rank++, lr->second);
  }
  st = spec.model->Finalize();
  if (!st.ok()) return Bad(path, st.message());

  simdjson::dom::element normalizer;
  if (!root["normalizer"].get(normalizer)) CORPUS_RETURN_IF_ERROR(ReadNormalizer(path, normalizer, &spec));
  simdjson::dom::element pre;
  if (!root["pre_tokenizer"].get(pre) && !pre.is_null()) {
    CORPUS_RETURN_IF_ERROR(AddPreTokenizer(path, pre, &spec));
  }

  simdjson::dom::array added;
  if (!root["added_tokens"].get_array().get(added)) {
    for (simdjson::dom::element t : added) {
      std::string_view content;
      uint64_t id;
      if (t["content"].get_string().get(content) || t["id"].get_uint64().get(id)) {
        return Bad(path, "added token without content and id");
      }
      for (const char* flag : {"lstrip", "rstrip", "single_word"}) {
        bool on = false;
        if (!t[flag].get_bool().get(on) && on) {
          return Bad(path, "added token \"" + std::string(content) + "\" sets " + flag +
                               ", which is not supported");
        }
      }
      spec.specials.emplace_back(std::string(content), static_cast<uint32_t>(id));
    }
  }
  spec.match_specials_in_text = true;
  auto find_special = [&](std::string_view name) -> std::optional<uint32_t> {
    for (const auto& [text, id] : spec.specials) {
      if (text == name) return id;
    }
    return std::nullopt;
  };
  for (const char* name : kEosNames) {
    if (!spec.eos) spec.eos = find_special(name);
  }
  for (const char* name : kBosNames) {
    if (!spec.bos) spec.bos = find_special(name);
  }
  *out = std::make_unique<BpeTokenizer>(std::move(spec));
  return Status::OK();
}

}  // namespace corpus

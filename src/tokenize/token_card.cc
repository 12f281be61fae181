#include "corpus/tokenize/token_card.h"

#include <cstdio>

namespace corpus {
namespace {

std::string WithCommas(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

uint64_t Counter(const StageCounts& c, const std::string& name) {
  auto it = c.counters.find(name);
  return it == c.counters.end() ? 0 : it->second;
}

}  // namespace

std::string RenderTokenCard(const TokenCardInfo& info) {
  const StageCounts& t = info.totals;
  std::string md = "# Tokens\n\n";
  md += "Tokenized with `" + info.tokenizer + "`, output `" + info.format + "`, by `corpus tokenize`.\n";
  for (const std::string& card : info.input_cards) md += "The tokenized release: [" + card + "](" + card + ").\n";
  md += "\n| split | tokens |\n|---|---:|\n";
  const std::string prefix = "tokens_";
  for (const auto& [name, n] : t.counters) {
    if (name.rfind(prefix, 0) == 0 && name != "tokens_written") {
      md += "| " + name.substr(prefix.size()) + " | " + WithCommas(n) + " |\n";
    }
  }
  md += "| **all** | **" + WithCommas(Counter(t, "tokens")) + "** |\n\n";
  md += "Documents tokenized: " + WithCommas(Counter(t, "documents")) + ". ";
  if (Counter(t, "tokens_written") > 0) {
    md += "Tokens written, with document boundary tokens: " + WithCommas(Counter(t, "tokens_written")) + ". ";
  }
  md += "Records set aside: " + WithCommas(t.rejected) + " (see `rejected/`).\n\n";
  if (!info.files.empty()) {
    md += "| file | bytes | sha256 |\n|---|---:|---|\n";
    for (const OutputFile& f : info.files) {
      md += "| `" + f.path + "` | " + WithCommas(f.file_bytes) + " | `" + f.sha256 + "` |\n";
    }
  }
  return md;
}

}  // namespace corpus

// corpus-extract-blocks: the learned block model's feature dump.
//
// Reads page records (JSON Lines with "id" and "html", optionally
// "content_language", as `extraction_eval.py pack` writes them, decompressed)
// on standard input and writes one JSON line per candidate block of each
// page's selected main content (block_features.h): the page id, the block's
// node index, the model's probability that it is main text, whether the
// extractor left it out, its features in BlockFeatureNames() order, and its
// text. tools/train_block_model.py labels these blocks and trains the model;
// because the dump calls the extractor itself, training sees exactly the
// features the extractor computes at run time.
//
//   zstd -dc pages.jsonl.zst | corpus-extract-blocks [--no-block-model] > blocks.jsonl
//   corpus-extract-blocks --features     # the feature names, one a line

#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "corpus/extract/block_features.h"
#include "corpus/extract/extractor.h"
#include "corpus/io/record.h"
#include "corpus/util/json.h"

int main(int argc, char** argv) {
  corpus::ExtractOptions options;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--no-block-model") == 0) {
      options.block_model = false;
    } else if (std::strcmp(argv[i], "--features") == 0) {
      for (std::string_view name : corpus::BlockFeatureNames()) std::cout << name << '\n';
      return 0;
    } else {
      std::cerr << "usage: corpus-extract-blocks [--no-block-model | --features] < pages.jsonl\n";
      return 2;
    }
  }
  std::ios::sync_with_stdio(false);
  std::string line, out;
  uint64_t line_no = 0, bad = 0;
  corpus::Record rec;
  while (std::getline(std::cin, line)) {
    ++line_no;
    if (line.empty()) continue;
    const corpus::Status st = rec.Parse(line);
    const auto id = st.ok() ? rec.GetString("id") : std::nullopt;
    const auto html = st.ok() ? rec.GetString("html") : std::nullopt;
    if (!id || !html) {
      std::cerr << "line " << line_no << ": not a page record (needs \"id\" and \"html\")\n";
      ++bad;
      continue;
    }
    const std::string language = rec.GetString("content_language").value_or("");
    std::vector<corpus::BlockTrace> blocks;
    corpus::ExtractMainContent(*html, rec.GetString("url").value_or(""), options, language,
                               &blocks);
    for (const corpus::BlockTrace& b : blocks) {
      out.clear();
      out += "{\"id\":";
      corpus::AppendJsonString(&out, *id);
      out += ",\"node\":" + std::to_string(b.node);
      out += ",\"p\":" + corpus::FormatJsonDouble(b.p_main);
      out += b.dropped ? ",\"dropped\":true" : ",\"dropped\":false";
      out += ",\"x\":[";
      for (size_t k = 0; k < b.x.size(); ++k) {
        if (k) out += ',';
        out += corpus::FormatJsonDouble(b.x[k]);
      }
      out += "],\"text\":";
      corpus::AppendJsonString(&out, b.text);
      out += "}\n";
      std::cout << out;
    }
  }
  return bad ? 3 : 0;
}

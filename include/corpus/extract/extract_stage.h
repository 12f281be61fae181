#ifndef CORPUS_EXTRACT_EXTRACT_STAGE_H_
#define CORPUS_EXTRACT_EXTRACT_STAGE_H_

#include <cstddef>
#include <memory>
#include <string>

#include "corpus/extract/extractor.h"
#include "corpus/stage/map_stage.h"

namespace corpus {

// Settings of `corpus extract`.
struct ExtractConfig {
  ExtractOptions extract;
  // Pages larger than this are set aside with rule "too_large" instead of
  // parsed: real articles are far smaller, and parse time and memory grow
  // with the page.
  size_t max_html_bytes = 32u << 20;
};

// The extract stage: turns page records into documents (docs/ARCHITECTURE.md, "Records").
//
// For each record: `html` is replaced by `title` and `text`, every other field
// passes through untouched. A record that already has `text` but no `html`
// (a WET conversion record) is kept as it is. Rejections: "no_html" (neither
// field), "too_large" (html over max_html_bytes), "empty" (no main text).
// Counters: pages, passthrough, relaxed (found only with relaxed rules),
// json_ld (description taken from JSON-LD), html_bytes, text_bytes.
class ExtractStage : public MapStage {
 public:
  explicit ExtractStage(ExtractConfig config) : config_(std::move(config)) {}

  std::string name() const override { return "extract"; }
  StageConfig config() const override;
  Status NewProcessor(const std::string& input_path, std::unique_ptr<RecordProcessor>* out) override;
  // Every record is judged on its own.
  bool SplitsInput() const override { return true; }

 private:
  ExtractConfig config_;
};

}  // namespace corpus

#endif  // CORPUS_EXTRACT_EXTRACT_STAGE_H_

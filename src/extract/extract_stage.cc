#include "corpus/extract/extract_stage.h"

#include "corpus/util/json.h"

namespace corpus {
namespace {

class ExtractProcessor : public RecordProcessor {
 public:
  explicit ExtractProcessor(const ExtractConfig& config) : config_(config) {}

  Status Process(Record& record, Emitter& out) override {
    std::optional<std::string> html = record.GetString("html");
    if (!html) {
      if (record.GetString("text")) {
        out.Count("passthrough");
        return out.Keep(record);
      }
      return out.Reject(record, "no_html", "null");
    }
    out.Count("pages");
    out.Count("html_bytes", html->size());
    if (html->size() > config_.max_html_bytes) {
      record.Remove("html");
      return out.Reject(record, "too_large", std::to_string(html->size()));
    }
    // Content-Language, when the record carries the response's header.
    const std::string content_language = record.GetString("content_language").value_or("");
    ExtractResult r = ExtractMainContent(*html, record.GetString("url").value_or(""),
                                         config_.extract, content_language);
    record.Remove("html");
    if (r.text.empty()) {
      // The html is dropped here too: rejected/ says why, and the page can be
      // refetched from its url; keeping megabytes of markup helps no one.
      return out.Reject(record, "empty", std::to_string(html->size()));
    }
    if (r.relaxed) out.Count("relaxed");
    if (r.json_ld) out.Count("json_ld");
    if (r.link_page) out.Count("link_page");
    out.Count("text_bytes", r.text.size());
    record.SetString("title", r.title);
    record.SetString("text", r.text);
    return out.Keep(record);
  }

 private:
  const ExtractConfig& config_;
};

}  // namespace

StageConfig ExtractStage::config() const {
  const ExtractOptions& e = config_.extract;
  StageConfig c;
  c.Set("format", e.markdown ? "markdown" : "text");
  c.Set("drop_comments", e.score.drop_comments);
  c.Set("link_penalty", e.score.link_penalty);
  c.Set("headline_weight", e.score.headline_weight);
  c.Set("descend_slack", e.score.descend_slack);
  c.Set("descend_max_prose_left", e.score.descend_max_prose_left);
  c.Set("max_link_density", e.score.max_link_density);
  c.Set("boilerplate_veto_share", e.boilerplate_veto_share);
  c.Set("relaxed_veto_share", e.relaxed_veto_share);
  c.Set("comments_dominate", e.comments_dominate);
  c.Set("link_page_share", e.link_page_share);
  c.Set("link_page_link_weight", e.link_page_link_weight);
  c.Set("min_text_bytes", static_cast<unsigned long long>(e.min_text_bytes));
  c.Set("min_distinct_words", static_cast<unsigned long long>(e.min_distinct_words));
  c.Set("json_ld_products", e.json_ld_products);
  c.Set("json_ld_seen_share", e.json_ld_seen_share);
  c.Set("duplicate_min_bytes", static_cast<unsigned long long>(e.duplicate_min_bytes));
  c.Set("drop_related_sections", e.drop_related_sections);
  c.Set("product_grid_min_prose", static_cast<unsigned long long>(e.product_grid_min_prose));
  c.Set("drop_shop_chrome", e.drop_shop_chrome);
  c.Set("block_model", e.block_model);
  c.Set("max_html_bytes", static_cast<unsigned long long>(config_.max_html_bytes));
  c.Set("extractor_version", ExtractorVersion());
  return c;
}

Status ExtractStage::NewProcessor(const std::string& input_path, std::unique_ptr<RecordProcessor>* out) {
  *out = std::make_unique<ExtractProcessor>(config_);
  return Status::OK();
}

}  // namespace corpus

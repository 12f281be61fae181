#ifndef CORPUS_FILTER_FILTER_PIPELINE_H_
#define CORPUS_FILTER_FILTER_PIPELINE_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "corpus/filter/c4.h"
#include "corpus/filter/document_filter.h"
#include "corpus/filter/fineweb.h"
#include "corpus/filter/gopher_quality.h"
#include "corpus/filter/gopher_repetition.h"
#include "corpus/filter/language.h"
#include "corpus/filter/pii.h"
#include "corpus/filter/url_filter.h"
#include "corpus/stage/stage_config.h"
#include "corpus/util/status.h"

namespace corpus {

// Everything `corpus filter` can be told. The defaults are FineWeb's
// (Penedo et al. 2024): English with score >= 0.65, Gopher repetition and
// quality, C4 without the terminal-punctuation rule, FineWeb's own rules;
// plus PII redaction. URL and bad-word lists are off until given.
struct FilterOptions {
  LanguageOptions language;
  UrlFilterOptions url;
  GopherRepetitionOptions gopher_repetition;
  GopherQualityOptions gopher_quality;
  C4Options c4 = [] {
    C4Options c;
    c.terminal_punct = false;
    return c;
  }();
  FineWebOptions fineweb;
  std::string bad_words_file;
  PiiOptions pii;
  // Folder of per-language settings (<code>.toml, docs/LANGUAGES.md); empty:
  // every language is judged by the options above.
  std::string language_settings_dir;
  // kFilter removes documents; kAnnotate removes none and records every
  // rule's measured value ("signals") and the rules a document would fail
  // ("would_reject"); kFromSignals judges annotated documents by their
  // signals under these options, measuring nothing.
  enum class Mode { kFilter, kAnnotate, kFromSignals };
  Mode mode = Mode::kFilter;
};

// FilterPipeline runs the steps in order on a document and stops at the first
// rejection: language (always identified, so every record gets a language),
// lang_score (the language's minimum), url, gopher_repetition,
// gopher_quality, c4 (may drop lines), fineweb, bad_words, pii (redacts).
// This is FineWeb's order, with language first and the text-changing steps
// last but C4, whose output FineWeb's rules judge.
// A document whose text is or becomes empty is rejected as "empty_text".
// The steps after language identification (the minimum language score
// first) are built once per language that has settings
// (FilterOptions::language_settings_dir) and once with the run's own
// options; a document goes through the set of its identified language
// ("zh-Hant" falls back to "zh"), or the run's own set if it has none.
// Immutable once built and shared by all worker threads.
class FilterPipeline {
 public:
  // Loads the list files; a missing or bad file is InvalidArgument.
  static Status Create(const FilterOptions& opts, std::unique_ptr<FilterPipeline>* out);

  FilterVerdict Run(Document& doc) const;
  // Annotate mode: every step measures `doc` (making its text changes, as
  // Run does for a kept document); `would_reject` gets every rule that the
  // signals fail under this pipeline's options, in Run's order.
  void Annotate(Document& doc, QualitySignals* signals, std::vector<std::string>* would_reject) const;
  // From-signals mode: the first rule `signals` fail under this pipeline's
  // options for a document of language `lang` (whose text is blank or not),
  // or Keep. "lang_in_list" is decided here from `lang`, not taken from the
  // signals, so a new keep-list applies.
  FilterVerdict JudgeSignals(const std::string& lang, bool blank, QualitySignals signals) const;
  // Every setting that changes the output, with digests of the list files.
  const StageConfig& config() const { return config_; }
  std::vector<std::string_view> step_names() const;

 private:
  using Steps = std::vector<std::shared_ptr<const DocumentFilter>>;
  FilterPipeline() = default;
  // The steps of the set for `lang`.
  const Steps& StepsFor(const std::string& lang) const;
  // The rules of every step a document of `lang` goes through, in order.
  std::vector<SignalRule> RulesFor(const std::string& lang) const;

  Steps first_steps_;  // language identification: the same for every language
  Steps default_steps_;
  std::vector<std::pair<std::string, Steps>> language_steps_;  // by code
  StageConfig config_;
};

}  // namespace corpus

#endif  // CORPUS_FILTER_FILTER_PIPELINE_H_

#include "corpus/filter/filter_pipeline.h"

#include "corpus/filter/bad_words.h"
#include "corpus/filter/language_score.h"
#include "corpus/filter/language_settings.h"

#include <cstdio>

namespace corpus {
namespace {

std::string JoinDoubles(const std::vector<double>& values) {
  std::string out;
  char buf[32];
  for (size_t i = 0; i < values.size(); ++i) {
    std::snprintf(buf, sizeof(buf), "%s%.10g", i ? "," : "", values[i]);
    out += buf;
  }
  return out;
}

// Config keys are the flag names, so a changed flag shows up by its name.
void DescribeOptions(const FilterOptions& o, StageConfig* c) {
  c->Set("languages", o.language.languages);
  c->Set("min-lang-score", o.language.min_score);
  c->Set("lang-id-max-bytes", static_cast<unsigned long long>(o.language.max_bytes));
  c->Set("lang-id-sample-bytes", static_cast<unsigned long long>(o.language.sample_bytes));

  const GopherRepetitionOptions& r = o.gopher_repetition;
  c->Set("gopher-repetition", r.enabled);
  if (r.enabled) {
    c->Set("max-dup-line-frac", r.max_dup_line_frac);
    c->Set("max-dup-para-frac", r.max_dup_para_frac);
    c->Set("max-dup-line-char-frac", r.max_dup_line_char_frac);
    c->Set("max-dup-para-char-frac", r.max_dup_para_char_frac);
    c->Set("max-top-ngram-frac", JoinDoubles(r.max_top_ngram_frac));
    c->Set("max-dup-ngram-frac", JoinDoubles(r.max_dup_ngram_frac));
  }
  const GopherQualityOptions& q = o.gopher_quality;
  c->Set("gopher-quality", q.enabled);
  if (q.enabled) {
    c->Set("min-words", q.min_words);
    c->Set("max-words", q.max_words);
    c->Set("min-mean-word-length", q.min_mean_word_length);
    c->Set("max-mean-word-length", q.max_mean_word_length);
    c->Set("max-symbol-word-ratio", q.max_symbol_word_ratio);
    c->Set("max-bullet-lines", q.max_bullet_lines);
    c->Set("max-ellipsis-lines", q.max_ellipsis_lines);
    c->Set("min-alpha-words", q.min_alpha_words);
    c->Set("min-stop-words", q.min_stop_words);
  }
  const C4Options& c4 = o.c4;
  c->Set("c4", c4.enabled);
  if (c4.enabled) {
    c->Set("c4-terminal-punct", c4.terminal_punct);
    c->Set("c4-min-words-per-line", c4.min_words_per_line);
    c->Set("c4-max-word-length", c4.max_word_length);
    c->Set("c4-citations", c4.remove_citations);
    c->Set("c4-javascript", c4.javascript);
    c->Set("c4-policy", c4.policy);
    c->Set("c4-lorem-ipsum", c4.lorem_ipsum);
    c->Set("c4-curly-bracket", c4.curly_bracket);
    c->Set("c4-min-sentences", c4.min_sentences);
  }
  const FineWebOptions& f = o.fineweb;
  c->Set("fineweb", f.enabled);
  if (f.enabled) {
    c->Set("min-line-punct", f.min_line_punct);
    c->Set("short-line-length", f.short_line_length);
    c->Set("max-short-lines", f.max_short_lines);
    c->Set("max-dup-line-chars", f.max_dup_line_chars);
    if (f.max_newline_ratio >= 0) c->Set("max-newline-ratio", f.max_newline_ratio);
  }
  const PiiOptions& p = o.pii;
  c->Set("pii", p.enabled);
  if (p.enabled) {
    c->Set("pii-email", p.email);
    c->Set("pii-ip", p.ip);
    c->Set("pii-phone", p.phone);
    c->Set("pii-card", p.card);
  }
}

// The steps after language identification, built from `o`: the language's
// minimum score, then url, ...; `url`, `bad` and `pii` are shared by every
// set (null when off).
void BuildLanguageSteps(const FilterOptions& o, const std::shared_ptr<const DocumentFilter>& url,
                        const std::shared_ptr<const DocumentFilter>& bad,
                        const std::shared_ptr<const DocumentFilter>& pii,
                        std::vector<std::shared_ptr<const DocumentFilter>>* steps) {
  if (o.language.min_score >= 0) steps->push_back(std::make_shared<LanguageScoreFilter>(o.language.min_score));
  if (url) steps->push_back(url);
  if (o.gopher_repetition.enabled) steps->push_back(std::make_shared<GopherRepetitionFilter>(o.gopher_repetition));
  if (o.gopher_quality.enabled) steps->push_back(std::make_shared<GopherQualityFilter>(o.gopher_quality));
  if (o.c4.enabled) steps->push_back(std::make_shared<C4Filter>(o.c4));
  if (o.fineweb.enabled) steps->push_back(std::make_shared<FineWebFilter>(o.fineweb));
  if (bad) steps->push_back(bad);
  if (pii) steps->push_back(pii);
}

}  // namespace

Status FilterPipeline::Create(const FilterOptions& opts, std::unique_ptr<FilterPipeline>* out) {
  std::unique_ptr<FilterPipeline> p(new FilterPipeline());
  DescribeOptions(opts, &p->config_);
  if (opts.mode == FilterOptions::Mode::kAnnotate) p->config_.Set("mode", "annotate");
  if (opts.mode == FilterOptions::Mode::kFromSignals) p->config_.Set("mode", "from-signals");

  // Identification and the keep-list; the minimum score is a step of each
  // language's set (BuildLanguageSteps).
  LanguageOptions identify = opts.language;
  identify.min_score = -1;
  p->first_steps_.push_back(std::make_shared<LanguageFilter>(identify));

  UrlLists lists;
  std::string digest;
  CORPUS_RETURN_IF_ERROR(UrlFilter::LoadLists(opts.url, &lists, &digest));
  std::unique_ptr<UrlFilter> url_filter;
  CORPUS_RETURN_IF_ERROR(UrlFilter::Create(std::move(lists), &url_filter));
  std::shared_ptr<const DocumentFilter> url;
  if (url_filter->active()) {
    p->config_.Set("url-lists", digest);
    url = std::move(url_filter);
  }

  std::shared_ptr<const DocumentFilter> bad, pii;
  if (!opts.bad_words_file.empty()) {
    std::unique_ptr<BadWordsFilter> b;
    CORPUS_RETURN_IF_ERROR(BadWordsFilter::Load(opts.bad_words_file, &b, &digest));
    p->config_.Set("bad-words", digest);
    bad = std::move(b);
  }
  if (opts.pii.enabled) pii = std::make_shared<PiiFilter>(opts.pii);
  BuildLanguageSteps(opts, url, bad, pii, &p->default_steps_);

  if (!opts.language_settings_dir.empty()) {
    std::vector<LanguageSettings> settings;
    CORPUS_RETURN_IF_ERROR(LoadLanguageSettings(opts.language_settings_dir, &settings, &digest));
    p->config_.Set("language-settings", digest);
    for (const LanguageSettings& s : settings) {
      Steps steps;
      BuildLanguageSteps(s.ApplyTo(opts), url, bad, pii, &steps);
      p->language_steps_.emplace_back(s.code, std::move(steps));
    }
  }
  *out = std::move(p);
  return Status::OK();
}

const FilterPipeline::Steps& FilterPipeline::StepsFor(const std::string& lang) const {
  for (const auto& [code, steps] : language_steps_) {
    if (code == lang) return steps;
  }
  const size_t dash = lang.find('-');
  if (dash != std::string::npos) {
    const std::string_view base(lang.data(), dash);
    for (const auto& [code, steps] : language_steps_) {
      if (code == base) return steps;
    }
  }
  return default_steps_;
}

FilterVerdict FilterPipeline::Run(Document& doc) const {
  if (IsBlank(doc.text())) return FilterVerdict::Reject("empty_text", 0);
  for (const auto& step : first_steps_) {
    FilterVerdict v = step->Apply(doc);
    if (!v.keep) return v;
  }
  for (const auto& step : StepsFor(doc.lang())) {
    FilterVerdict v = step->Apply(doc);
    if (!v.keep) return v;
  }
  if (doc.text_changed() && IsBlank(doc.text())) return FilterVerdict::Reject("empty_text", 0);
  return FilterVerdict::Keep();
}

std::vector<SignalRule> FilterPipeline::RulesFor(const std::string& lang) const {
  std::vector<SignalRule> rules;
  for (const auto& step : first_steps_) step->Rules(&rules);
  for (const auto& step : StepsFor(lang)) step->Rules(&rules);
  return rules;
}

void FilterPipeline::Annotate(Document& doc, QualitySignals* signals, std::vector<std::string>* would_reject) const {
  would_reject->clear();
  if (IsBlank(doc.text())) {
    would_reject->push_back("empty_text");
    return;
  }
  for (const auto& step : first_steps_) step->Measure(doc, signals);
  for (const auto& step : StepsFor(doc.lang())) step->Measure(doc, signals);
  for (const SignalRule& rule : RulesFor(doc.lang())) {
    if (rule.Fails(*signals)) would_reject->push_back(rule.rule);
  }
  if (doc.text_changed() && IsBlank(doc.text())) would_reject->push_back("empty_text");
}

FilterVerdict FilterPipeline::JudgeSignals(const std::string& lang, bool blank, QualitySignals signals) const {
  if (blank) return FilterVerdict::Reject("empty_text", 0);
  const auto* language = dynamic_cast<const LanguageFilter*>(first_steps_.front().get());
  signals.Set("lang_in_list", language->Keeps(lang) ? 1 : 0);
  for (const SignalRule& rule : RulesFor(lang)) {
    if (rule.Fails(signals)) return FilterVerdict::Reject(rule.rule, *signals.Find(rule.signal));
  }
  return FilterVerdict::Keep();
}

std::vector<std::string_view> FilterPipeline::step_names() const {
  std::vector<std::string_view> names;
  for (const auto& s : first_steps_) names.push_back(s->name());
  for (const auto& s : default_steps_) names.push_back(s->name());
  return names;
}

}  // namespace corpus

#include "corpus/filter/filter_pipeline.h"

#include "corpus/filter/bad_words.h"
#include "corpus/filter/language_score.h"
#include "corpus/filter/language_settings.h"
#include "corpus/filter/rule_flags.h"

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

// One setting of rule_flags.h in the config; a list as its values joined.
template <typename T>
void SetSetting(StageConfig* c, const char* name, const T& value) {
  c->Set(name, value);
}
void SetSetting(StageConfig* c, const char* name, const std::vector<double>& values) {
  c->Set(name, JoinDoubles(values));
}

// Config keys are the flag names, so a changed flag shows up by its name.
void DescribeOptions(const FilterOptions& o, StageConfig* c) {
  c->Set("languages", o.language.languages);
  c->Set("min-lang-score", o.language.min_score);
  c->Set("lang-id-max-bytes", static_cast<unsigned long long>(o.language.max_bytes));
  c->Set("lang-id-sample-bytes", static_cast<unsigned long long>(o.language.sample_bytes));

  const auto set = [c](const char* name, const auto& value, const char* /*help*/) { SetSetting(c, name, value); };
  c->Set("gopher-repetition", o.gopher_repetition.enabled);
  if (o.gopher_repetition.enabled) VisitGopherRepetitionSettings(o.gopher_repetition, set);
  c->Set("gopher-quality", o.gopher_quality.enabled);
  if (o.gopher_quality.enabled) VisitGopherQualitySettings(o.gopher_quality, set);
  c->Set("c4", o.c4.enabled);
  if (o.c4.enabled) VisitC4Settings(o.c4, set);
  const FineWebOptions& f = o.fineweb;
  c->Set("fineweb", f.enabled);
  if (f.enabled) {
    VisitFineWebSettings(f, set);
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

#include <spdlog/spdlog.h>

#include <algorithm>

#include "corpus/cli/commands.h"
#include "corpus/filter/filter_stage.h"
#include "corpus/filter/rule_flags.h"
#include "corpus/util/fs.h"

namespace corpus {
namespace {

struct FilterCliConfig {
  CommonOptions common;
  FilterOptions filter;
  std::string language_settings_dir;
  bool annotate = false;
  bool from_signals = false;
};

// A relative list path is looked up in the working folder first, then next
// to the --config file, so configs/*.toml can name configs/filter/ lists
// whichever folder corpus runs from.
std::string ResolveListPath(const std::string& path, const std::string& config_file) {
  if (path.empty() || path[0] == '/' || PathExists(path) || config_file.empty()) return path;
  const size_t slash = config_file.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : config_file.substr(0, slash);
  const std::string beside = JoinPath(dir, path);
  return PathExists(beside) ? beside : path;
}

struct LanguageFlags {
  LanguageOptions* language;
  std::string* settings_dir;
};

void AddLanguageFlags(CLI::App* sub, LanguageFlags f) {
  LanguageOptions* o = f.language;
  sub->add_option("--languages", o->languages,
                  "Keep-list of CLD2 language codes, e.g. en,fr ('all': any language)")
      ->delimiter(',')
      ->capture_default_str();
  sub->add_option("--language-settings", *f.settings_dir,
                  "Folder of per-language thresholds and stop words (<code>.toml, e.g. configs/languages); "
                  "a document is judged by its language's file, others by the flags");
  sub->add_option("--min-lang-score", o->min_score,
                  "Minimum share of the text in the identified language (FineWeb: 0.65; <0: off); a language "
                  "whose settings file sets min-lang-score uses its own")
      ->capture_default_str();
  sub->add_option("--lang-id-max-bytes", o->max_bytes,
                  "Identify the language from at most this many leading bytes (0: the whole text)")
      ->capture_default_str();
  sub->add_option("--lang-id-sample-bytes", o->sample_bytes,
                  "First look at a sample of this many bytes spread over the text; a score >= 0.9 there is final "
                  "(0: off)")
      ->capture_default_str();
}

// Declares one setting of rule_flags.h: a bool as a flag with its --no-
// form, a list as comma-separated values, anything else as one value.
struct SettingFlag {
  CLI::App* sub;

  void operator()(const std::string& name, bool& value, const std::string& help) const {
    sub->add_flag("--" + name + ",!--no-" + name, value, help);
  }
  void operator()(const std::string& name, std::vector<double>& values, const std::string& help) const {
    sub->add_option("--" + name, values, help)->delimiter(',')->capture_default_str();
  }
  template <typename T>
  void operator()(const std::string& name, T& value, const std::string& help) const {
    sub->add_option("--" + name, value, help)->capture_default_str();
  }
};

void AddRuleFlags(CLI::App* sub, FilterOptions* o) {
  const SettingFlag flag{sub};
  flag("gopher-repetition", o->gopher_repetition.enabled, "Gopher repetition rules (Rae et al. 2021, table A1)");
  VisitGopherRepetitionSettings(o->gopher_repetition, flag);
  flag("gopher-quality", o->gopher_quality.enabled, "Gopher quality rules (Rae et al. 2021, A.1.1)");
  VisitGopherQualitySettings(o->gopher_quality, flag);
  flag("c4", o->c4.enabled, "C4 rules (Raffel et al. 2020, section 2.2)");
  VisitC4Settings(o->c4, flag);
  flag("fineweb", o->fineweb.enabled, "FineWeb's own rules (Penedo et al. 2024)");
  VisitFineWebSettings(o->fineweb, flag);
  flag("max-newline-ratio", o->fineweb.max_newline_ratio,
       "Reject when line breaks per word are above this (FineWeb-2's list ratio; <0: off)");
}

void AddListAndPiiFlags(CLI::App* sub, FilterOptions* o) {
  sub->add_option("--url-blocklist", o->url.blocklists,
                  "Domain blocklist: a file of domains, or a UT1-style folder of */domains and */urls files")
      ->delimiter(',');
  sub->add_option("--url-substrings", o->url.substrings_file, "File of URL substrings to reject");
  sub->add_option("--url-patterns", o->url.patterns_file, "File of RE2 patterns; matching URLs are rejected");
  sub->add_option("--url-banned-words", o->url.banned_words_file, "File of words banned in URLs");
  sub->add_option("--bad-words", o->bad_words_file, "C4-style bad-words list; pages with one are rejected");
  sub->add_flag("--pii,!--no-pii", o->pii.enabled, "Redact e-mails, IPs, phone and card numbers");
  sub->add_flag("--pii-email,!--no-pii-email", o->pii.email, "Redact e-mail addresses as <EMAIL>");
  sub->add_flag("--pii-ip,!--no-pii-ip", o->pii.ip, "Redact IPv4/IPv6 addresses as <IP>");
  sub->add_flag("--pii-phone,!--no-pii-phone", o->pii.phone, "Redact phone numbers as <PHONE>");
  sub->add_flag("--pii-card,!--no-pii-card", o->pii.card, "Redact Luhn-valid card numbers as <CARD>");
}

}  // namespace

void AddFilterCommand(CLI::App& app, CliState* state) {
  auto cfg = std::make_shared<FilterCliConfig>();
  CLI::App* sub = AddSubcommand(app, "filter");
  AddCommonStageFlags(sub, &cfg->common);
  AddLanguageFlags(sub, LanguageFlags{&cfg->filter.language, &cfg->language_settings_dir});
  AddRuleFlags(sub, &cfg->filter);
  AddListAndPiiFlags(sub, &cfg->filter);
  CLI::Option* annotate = sub->add_flag("--annotate", cfg->annotate,
                                        "Remove nothing: give every record \"signals\" (each rule's measured value) "
                                        "and \"would_reject\" (the rules it fails under these settings)");
  sub->add_flag("--from-signals", cfg->from_signals,
                "Judge records annotated by --annotate by their signals under these settings, measuring nothing")
      ->excludes(annotate);

  sub->callback([sub, state, cfg, &app] {
    PrepareStageRun(sub, &cfg->common, *state);
    FilterOptions opts = cfg->filter;
    auto& langs = opts.language.languages;
    if (std::find(langs.begin(), langs.end(), "all") != langs.end()) langs.clear();
    std::string config_file;
    if (CLI::Option* c = app.get_config_ptr(); c && c->count() > 0) config_file = c->as<std::string>();
    for (auto& b : opts.url.blocklists) b = ResolveListPath(b, config_file);
    opts.url.substrings_file = ResolveListPath(opts.url.substrings_file, config_file);
    opts.url.patterns_file = ResolveListPath(opts.url.patterns_file, config_file);
    opts.url.banned_words_file = ResolveListPath(opts.url.banned_words_file, config_file);
    opts.bad_words_file = ResolveListPath(opts.bad_words_file, config_file);
    opts.language_settings_dir = ResolveListPath(cfg->language_settings_dir, config_file);
    if (cfg->annotate) opts.mode = FilterOptions::Mode::kAnnotate;
    if (cfg->from_signals) opts.mode = FilterOptions::Mode::kFromSignals;

    std::unique_ptr<FilterStage> stage;
    const Status st = FilterStage::Create(opts, &stage);
    state->exit_code = RunCreatedMapStage("filter", st, stage.get(), cfg->common);
  });
}

}  // namespace corpus

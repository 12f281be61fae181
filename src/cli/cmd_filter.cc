#include <spdlog/spdlog.h>

#include <algorithm>

#include "corpus/cli/commands.h"
#include "corpus/filter/filter_stage.h"
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

void AddGopherFlags(CLI::App* sub, GopherRepetitionOptions* r, GopherQualityOptions* q) {
  sub->add_flag("--gopher-repetition,!--no-gopher-repetition", r->enabled,
                "Gopher repetition rules (Rae et al. 2021, table A1)");
  sub->add_option("--max-dup-line-frac", r->max_dup_line_frac, "Max share of duplicate lines")
      ->capture_default_str();
  sub->add_option("--max-dup-para-frac", r->max_dup_para_frac, "Max share of duplicate paragraphs")
      ->capture_default_str();
  sub->add_option("--max-dup-line-char-frac", r->max_dup_line_char_frac,
                  "Max share of characters in duplicate lines")
      ->capture_default_str();
  sub->add_option("--max-dup-para-char-frac", r->max_dup_para_char_frac,
                  "Max share of characters in duplicate paragraphs")
      ->capture_default_str();
  sub->add_option("--max-top-ngram-frac", r->max_top_ngram_frac,
                  "Max character share of the top n-gram, for n = 2,3,4,...")
      ->delimiter(',')
      ->capture_default_str();
  sub->add_option("--max-dup-ngram-frac", r->max_dup_ngram_frac,
                  "Max character share of duplicate n-grams, for n = 5,6,7,...")
      ->delimiter(',')
      ->capture_default_str();

  sub->add_flag("--gopher-quality,!--no-gopher-quality", q->enabled,
                "Gopher quality rules (Rae et al. 2021, A.1.1)");
  sub->add_option("--min-words", q->min_words, "Min words per document")->capture_default_str();
  sub->add_option("--max-words", q->max_words, "Max words per document")->capture_default_str();
  sub->add_option("--min-mean-word-length", q->min_mean_word_length, "Min mean word length")
      ->capture_default_str();
  sub->add_option("--max-mean-word-length", q->max_mean_word_length, "Max mean word length")
      ->capture_default_str();
  sub->add_option("--max-symbol-word-ratio", q->max_symbol_word_ratio,
                  "Max '#' per word and max ellipses per word")
      ->capture_default_str();
  sub->add_option("--max-bullet-lines", q->max_bullet_lines, "Max share of lines starting with a bullet")
      ->capture_default_str();
  sub->add_option("--max-ellipsis-lines", q->max_ellipsis_lines, "Max share of lines ending in an ellipsis")
      ->capture_default_str();
  sub->add_option("--min-alpha-words", q->min_alpha_words, "Min share of words with a letter")
      ->capture_default_str();
  sub->add_option("--min-stop-words", q->min_stop_words,
                  "Min stop words of the document's language (Gopher's list for English; others need "
                  "--language-settings)")
      ->capture_default_str();
}

void AddC4Flags(CLI::App* sub, C4Options* c) {
  sub->add_flag("--c4,!--no-c4", c->enabled, "C4 rules (Raffel et al. 2020, section 2.2)");
  sub->add_flag("--c4-terminal-punct,!--no-c4-terminal-punct", c->terminal_punct,
                "Drop lines without terminal punctuation (off in FineWeb; default off)");
  sub->add_option("--c4-min-words-per-line", c->min_words_per_line, "Drop lines with fewer words (0: off)")
      ->capture_default_str();
  sub->add_option("--c4-max-word-length", c->max_word_length, "Drop lines with a longer word (0: off)")
      ->capture_default_str();
  sub->add_flag("--c4-citations,!--no-c4-citations", c->remove_citations,
                "Remove [1], [edit], [citation needed]");
  sub->add_flag("--c4-javascript,!--no-c4-javascript", c->javascript, "Drop lines mentioning javascript");
  sub->add_flag("--c4-policy,!--no-c4-policy", c->policy, "Drop cookie / terms of use / privacy policy lines");
  sub->add_flag("--c4-lorem-ipsum,!--no-c4-lorem-ipsum", c->lorem_ipsum, "Reject pages with 'lorem ipsum'");
  sub->add_flag("--c4-curly-bracket,!--no-c4-curly-bracket", c->curly_bracket, "Reject pages with '{'");
  sub->add_option("--c4-min-sentences", c->min_sentences, "Reject pages with fewer sentences (0: off)")
      ->capture_default_str();
}

void AddFineWebFlags(CLI::App* sub, FineWebOptions* f) {
  sub->add_flag("--fineweb,!--no-fineweb", f->enabled, "FineWeb's own rules (Penedo et al. 2024)");
  sub->add_option("--min-line-punct", f->min_line_punct,
                  "Reject when the share of lines ending in punctuation is <= this")
      ->capture_default_str();
  sub->add_option("--short-line-length", f->short_line_length, "A short line has at most this many characters")
      ->capture_default_str();
  sub->add_option("--max-short-lines", f->max_short_lines, "Reject when the share of short lines is >= this")
      ->capture_default_str();
  sub->add_option("--max-dup-line-chars", f->max_dup_line_chars,
                  "Reject when the share of characters in duplicate lines is >= this")
      ->capture_default_str();
  sub->add_option("--max-newline-ratio", f->max_newline_ratio,
                  "Reject when line breaks per word are above this (FineWeb-2's list ratio; <0: off)")
      ->capture_default_str();
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
  AddGopherFlags(sub, &cfg->filter.gopher_repetition, &cfg->filter.gopher_quality);
  AddC4Flags(sub, &cfg->filter.c4);
  AddFineWebFlags(sub, &cfg->filter.fineweb);
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

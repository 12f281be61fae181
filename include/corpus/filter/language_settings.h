#ifndef CORPUS_FILTER_LANGUAGE_SETTINGS_H_
#define CORPUS_FILTER_LANGUAGE_SETTINGS_H_

#include <optional>
#include <string>
#include <vector>

#include "corpus/util/status.h"

namespace corpus {

struct FilterOptions;

// LanguageSettings are the thresholds and stop words of one language, read
// from a file <code>.toml of a settings folder (configs/languages/ holds 25,
// from FineWeb-2's per-language configs; docs/LANGUAGES.md maps its keys).
// Every key is optional: one the file does not set keeps the run's value.
// The language keep-list stays the run's; the minimum language score and
// C4's curly-bracket rule can be set per language.
// Plain data; copyable.
struct LanguageSettings {
  std::string code;    // CLD2 code of the language: "de", "zh", "zh-Hant"
  std::string name;    // "German"
  std::string source;  // where the values come from
  std::optional<double> min_lang_score;   // LanguageOptions::min_score
  std::optional<bool> c4_curly_bracket;   // C4Options::curly_bracket
  std::optional<double> max_dup_line_frac;
  std::optional<std::vector<double>> max_top_ngram_frac;
  std::optional<std::vector<double>> max_dup_ngram_frac;
  std::optional<double> min_line_punct;
  std::optional<double> max_newline_ratio;
  std::optional<double> min_mean_word_length;
  std::optional<double> max_mean_word_length;
  std::optional<double> min_alpha_words;
  std::optional<long long> min_stop_words;
  std::optional<std::vector<std::string>> stop_words;

  // `base` with this language's values in place of the run's.
  FilterOptions ApplyTo(const FilterOptions& base) const;
};

// Parses one settings file: `key = value` lines (numbers, "strings", true or
// false, and [arrays] of numbers or strings), '#' comments. An unknown key
// or a malformed value is InvalidArgument naming the file and line.
Status ParseLanguageSettings(const std::string& text, const std::string& path, LanguageSettings* out);

// Reads every *.toml file of `dir`, sorted by name; `digest` gets a sha256
// over their names and bytes (for the stage's config fingerprint).
Status LoadLanguageSettings(const std::string& dir, std::vector<LanguageSettings>* out, std::string* digest);

}  // namespace corpus

#endif  // CORPUS_FILTER_LANGUAGE_SETTINGS_H_

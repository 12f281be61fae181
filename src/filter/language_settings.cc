#include "corpus/filter/language_settings.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <string_view>
#include <type_traits>
#include <variant>

#include "corpus/filter/filter_pipeline.h"
#include "corpus/text/text_units.h"
#include "corpus/util/fs.h"
#include "corpus/util/sha256.h"

namespace corpus {
namespace {

// One scalar of a value: a "string" (with \" and \\ escapes), a number, or
// true / false.
struct Scalar {
  bool is_string = false;
  bool is_bool = false;
  std::string text;
  double number = 0;
};

// Reads one scalar at s[*i]; false if there is none.
bool ReadScalar(std::string_view s, size_t* i, Scalar* out) {
  while (*i < s.size() && s[*i] == ' ') ++*i;
  if (*i >= s.size()) return false;
  if (s[*i] == '"') {
    out->is_string = true;
    out->text.clear();
    for (++*i; *i < s.size(); ++*i) {
      if (s[*i] == '\\' && *i + 1 < s.size()) {
        out->text.push_back(s[++*i]);
      } else if (s[*i] == '"') {
        ++*i;
        return true;
      } else {
        out->text.push_back(s[*i]);
      }
    }
    return false;  // unterminated
  }
  for (const std::string_view word : {std::string_view("true"), std::string_view("false")}) {
    if (s.substr(*i).starts_with(word)) {
      out->is_string = false;
      out->is_bool = true;
      out->number = word == "true" ? 1 : 0;
      *i += word.size();
      return true;
    }
  }
  out->is_bool = false;
  size_t end = *i;
  while (end < s.size() && (s[end] == '-' || s[end] == '+' || s[end] == '.' || s[end] == 'e' || s[end] == 'E' ||
                            (s[end] >= '0' && s[end] <= '9'))) {
    ++end;
  }
  if (end == *i) return false;
  const std::string number(s.substr(*i, end - *i));
  char* parsed_end = nullptr;
  out->is_string = false;
  out->number = std::strtod(number.c_str(), &parsed_end);
  if (parsed_end != number.c_str() + number.size()) return false;
  *i = end;
  return true;
}

// A value: one scalar, or [scalar, scalar, ...]. Comments were cut off.
bool ReadValue(std::string_view s, std::vector<Scalar>* out, bool* is_array) {
  out->clear();
  size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  *is_array = i < s.size() && s[i] == '[';
  if (!*is_array) {
    Scalar v;
    if (!ReadScalar(s, &i, &v)) return false;
    out->push_back(v);
    while (i < s.size() && s[i] == ' ') ++i;
    return i == s.size();
  }
  ++i;
  for (;;) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i < s.size() && s[i] == ']') return TrimSpace(s.substr(i + 1)).empty();
    Scalar v;
    if (!ReadScalar(s, &i, &v)) return false;
    out->push_back(v);
    while (i < s.size() && s[i] == ' ') ++i;
    if (i < s.size() && s[i] == ',') ++i;
  }
}

// `line` without a '#' comment outside a string.
std::string_view CutComment(std::string_view line) {
  bool in_string = false;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && in_string) {
      ++i;
    } else if (line[i] == '"') {
      in_string = !in_string;
    } else if (line[i] == '#' && !in_string) {
      return line.substr(0, i);
    }
  }
  return line;
}

// A key's field in LanguageSettings.
using SettingField =
    std::variant<std::string LanguageSettings::*, std::optional<bool> LanguageSettings::*,
                 std::optional<double> LanguageSettings::*, std::optional<long long> LanguageSettings::*,
                 std::optional<std::vector<double>> LanguageSettings::*,
                 std::optional<std::vector<std::string>> LanguageSettings::*>;
struct SettingKey {
  std::string_view name;
  SettingField field;
};

// The keys a settings file may set (docs/LANGUAGES.md), each with its field.
const SettingKey kKeys[] = {
    {"code", &LanguageSettings::code},
    {"name", &LanguageSettings::name},
    {"source", &LanguageSettings::source},
    {"min-lang-score", &LanguageSettings::min_lang_score},
    {"c4-curly-bracket", &LanguageSettings::c4_curly_bracket},
    {"max-dup-line-frac", &LanguageSettings::max_dup_line_frac},
    {"max-top-ngram-frac", &LanguageSettings::max_top_ngram_frac},
    {"max-dup-ngram-frac", &LanguageSettings::max_dup_ngram_frac},
    {"min-line-punct", &LanguageSettings::min_line_punct},
    {"max-newline-ratio", &LanguageSettings::max_newline_ratio},
    {"min-mean-word-length", &LanguageSettings::min_mean_word_length},
    {"max-mean-word-length", &LanguageSettings::max_mean_word_length},
    {"min-alpha-words", &LanguageSettings::min_alpha_words},
    {"min-stop-words", &LanguageSettings::min_stop_words},
    {"stop-words", &LanguageSettings::stop_words},
};

// Stores one key's value (`values`, `is_array`: ReadValue's) in its field of
// *out. Each call returns nullptr, or what the field needs when the value is
// not that ("a number").
struct FieldSetter {
  const std::vector<Scalar>& values;
  bool is_array;
  LanguageSettings* out;

  const char* operator()(std::string LanguageSettings::*field) const {
    if (is_array || !values[0].is_string) return "a string";
    out->*field = values[0].text;
    return nullptr;
  }
  const char* operator()(std::optional<bool> LanguageSettings::*field) const {
    if (is_array || !values[0].is_bool) return "true or false";
    out->*field = values[0].number != 0;
    return nullptr;
  }
  template <typename Number>
    requires std::is_arithmetic_v<Number>
  const char* operator()(std::optional<Number> LanguageSettings::*field) const {
    if (is_array || values[0].is_string || values[0].is_bool) return "a number";
    out->*field = static_cast<Number>(values[0].number);
    return nullptr;
  }
  template <typename T>
  const char* operator()(std::optional<std::vector<T>> LanguageSettings::*field) const {
    constexpr bool kStrings = std::is_same_v<T, std::string>;
    const char* const needs = kStrings ? "an array of strings" : "an array of numbers";
    if (!is_array) return needs;
    auto& v = (out->*field).emplace();
    for (const Scalar& s : values) {
      if (s.is_string != kStrings || s.is_bool) return needs;
      if constexpr (kStrings) {
        v.push_back(s.text);
      } else {
        v.push_back(s.number);
      }
    }
    return nullptr;
  }
};

}  // namespace

Status ParseLanguageSettings(const std::string& text, const std::string& path, LanguageSettings* out) {
  *out = LanguageSettings();
  size_t line_no = 0;
  std::vector<Scalar> values;
  for (std::string_view raw : SplitLines(text)) {
    ++line_no;
    const std::string_view line = TrimSpace(CutComment(raw));
    if (line.empty()) continue;
    const std::string where = path + ":" + std::to_string(line_no);
    const size_t eq = line.find('=');
    if (eq == std::string_view::npos) return Status::InvalidArgument(where + ": expected key = value");
    const std::string key(TrimSpace(line.substr(0, eq)));
    bool is_array = false;
    if (!ReadValue(line.substr(eq + 1), &values, &is_array)) {
      return Status::InvalidArgument(where + ": malformed value for " + key);
    }
    const auto key_at = std::find_if(std::begin(kKeys), std::end(kKeys),
                                     [&](const SettingKey& k) { return k.name == key; });
    if (key_at == std::end(kKeys)) return Status::InvalidArgument(where + ": unknown key " + key);
    const char* needs = std::visit(FieldSetter{values, is_array, out}, key_at->field);
    if (needs != nullptr) return Status::InvalidArgument(where + ": " + key + " needs " + needs);
  }
  if (out->code.empty()) return Status::InvalidArgument(path + ": no code = \"...\"");
  return Status::OK();
}

Status LoadLanguageSettings(const std::string& dir, std::vector<LanguageSettings>* out, std::string* digest) {
  out->clear();
  std::vector<std::string> paths;
  Status st = ExpandGlob(JoinPath(dir, "*.toml"), &paths);
  if (!st.ok()) return Status::InvalidArgument("no language settings (*.toml) in " + dir);
  std::sort(paths.begin(), paths.end());
  Sha256 sha;
  for (const std::string& path : paths) {
    std::string text;
    st = ReadFile(path, &text);
    if (!st.ok()) return Status::InvalidArgument("cannot read " + path + ": " + st.message());
    LanguageSettings s;
    CORPUS_RETURN_IF_ERROR(ParseLanguageSettings(text, path, &s));
    for (const LanguageSettings& earlier : *out) {
      if (earlier.code == s.code) return Status::InvalidArgument(path + ": a second file for " + s.code);
    }
    sha.Update(BaseName(path));
    sha.Update(text);
    out->push_back(std::move(s));
  }
  *digest = sha.HexDigest().substr(0, 16);
  return Status::OK();
}

FilterOptions LanguageSettings::ApplyTo(const FilterOptions& base) const {
  FilterOptions o = base;
  if (min_lang_score) o.language.min_score = *min_lang_score;
  if (c4_curly_bracket) o.c4.curly_bracket = *c4_curly_bracket;
  if (max_dup_line_frac) o.gopher_repetition.max_dup_line_frac = *max_dup_line_frac;
  if (max_top_ngram_frac) o.gopher_repetition.max_top_ngram_frac = *max_top_ngram_frac;
  if (max_dup_ngram_frac) o.gopher_repetition.max_dup_ngram_frac = *max_dup_ngram_frac;
  if (min_line_punct) o.fineweb.min_line_punct = *min_line_punct;
  if (max_newline_ratio) o.fineweb.max_newline_ratio = *max_newline_ratio;
  if (min_mean_word_length || max_mean_word_length) o.gopher_quality.word_length_all_scripts = true;
  if (min_mean_word_length) o.gopher_quality.min_mean_word_length = *min_mean_word_length;
  if (max_mean_word_length) o.gopher_quality.max_mean_word_length = *max_mean_word_length;
  if (min_alpha_words) o.gopher_quality.min_alpha_words = *min_alpha_words;
  if (min_stop_words) o.gopher_quality.min_stop_words = *min_stop_words;
  if (stop_words) o.gopher_quality.stop_words = *stop_words;
  return o;
}

}  // namespace corpus

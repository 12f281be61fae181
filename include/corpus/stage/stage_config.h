#ifndef CORPUS_STAGE_STAGE_CONFIG_H_
#define CORPUS_STAGE_STAGE_CONFIG_H_

#include <map>
#include <string>
#include <vector>

namespace corpus {

// StageConfig is the part of a stage's configuration that changes its output,
// as flat key/value text. Its fingerprint goes into every `_done` marker, so a
// rerun with different settings is caught, and Diff() says what changed.
class StageConfig {
 public:
  void Set(const std::string& key, const std::string& value) { entries_[key] = value; }
  void Set(const std::string& key, const char* value) { entries_[key] = value; }
  void Set(const std::string& key, bool value) { entries_[key] = value ? "true" : "false"; }
  void Set(const std::string& key, double value);
  void Set(const std::string& key, long long value) { entries_[key] = std::to_string(value); }
  void Set(const std::string& key, int value) { entries_[key] = std::to_string(value); }
  void Set(const std::string& key, unsigned long value) { entries_[key] = std::to_string(value); }
  void Set(const std::string& key, unsigned long long value) { entries_[key] = std::to_string(value); }
  void Set(const std::string& key, const std::vector<std::string>& values);

  const std::map<std::string, std::string>& entries() const { return entries_; }
  // sha256 of the canonical "key=value\n" text, first 16 hex digits.
  std::string Fingerprint() const;
  // JSON object of the entries, keys sorted.
  std::string ToJson() const;
  // "min_words: 50 -> 100, lang: (unset) -> en"; empty if equal.
  std::string Diff(const std::map<std::string, std::string>& before) const;

 private:
  std::map<std::string, std::string> entries_;
};

}  // namespace corpus

#endif  // CORPUS_STAGE_STAGE_CONFIG_H_

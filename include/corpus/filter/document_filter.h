#ifndef CORPUS_FILTER_DOCUMENT_FILTER_H_
#define CORPUS_FILTER_DOCUMENT_FILTER_H_

#include <string>
#include <string_view>

#include "corpus/filter/document.h"

namespace corpus {

// FilterVerdict is a step's decision on one document: keep it, or reject it
// naming the rule and the measured value that failed it. The value goes into
// the record's {"reject":{"stage":"filter","rule":..,"value":..}}.
struct FilterVerdict {
  bool keep = true;
  std::string rule;
  std::string value_json;  // raw JSON: a number, a string literal, an object

  static FilterVerdict Keep() { return FilterVerdict{}; }
  static FilterVerdict Reject(std::string rule, double value);
  static FilterVerdict RejectString(std::string rule, std::string_view value);
};

// DocumentFilter is one step of the filter pipeline (one family of rules, as
// datatrove's filters). Apply() judges a document and may rewrite its text
// (line removal, redaction). Steps are built once and shared by all worker
// threads, so Apply() must be thread-safe.
class DocumentFilter {
 public:
  virtual ~DocumentFilter() = default;
  virtual std::string_view name() const = 0;
  virtual FilterVerdict Apply(Document& doc) const = 0;
};

}  // namespace corpus

#endif  // CORPUS_FILTER_DOCUMENT_FILTER_H_

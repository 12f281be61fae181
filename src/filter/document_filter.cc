#include "corpus/filter/document_filter.h"

#include <cmath>

#include "corpus/util/json.h"

namespace corpus {

FilterVerdict FilterVerdict::Reject(std::string rule, double value) {
  FilterVerdict v;
  v.keep = false;
  v.rule = std::move(rule);
  v.value_json = std::isfinite(value) ? FormatJsonDouble(value) : "null";
  return v;
}

FilterVerdict FilterVerdict::RejectString(std::string rule, std::string_view value) {
  FilterVerdict v;
  v.keep = false;
  v.rule = std::move(rule);
  v.value_json = JsonQuote(value);
  return v;
}

}  // namespace corpus

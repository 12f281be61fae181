#include "corpus/dedup/actions.h"

#include <cinttypes>
#include <cstdlib>

#include "corpus/util/json.h"

namespace corpus::dedup {

const char* Action::RuleName(Code code) {
  switch (code) {
    case kExactUrl: return "exact_url";
    case kExactText: return "exact_text";
    case kNearDuplicate: return "near_duplicate";
    case kKeep: break;
  }
  return "keep";
}

std::string Action::RejectValueJson() const {
  JsonObjectWriter w;
  w.String("duplicate_of", duplicate_of);
  if (similarity >= 0) {
    w.Double("similarity", similarity);
  } else {
    w.Null("similarity");
  }
  return w.Finish();
}

std::string FormatAction(const Action& a) {
  char head[128];
  std::snprintf(head, sizeof(head), "%" PRIu64 "\t%016" PRIx64 "\t%c\t%" PRIu64 "\t%.6f\t",
                a.ordinal, a.id_hash, static_cast<char>(a.code), a.dup_count, a.similarity);
  std::string out = head;
  AppendJsonString(&out, a.duplicate_of);
  out.push_back('\n');
  return out;
}

Status ParseAction(const std::string& line, Action* a) {
  const char* p = line.c_str();
  char* end = nullptr;
  a->ordinal = std::strtoull(p, &end, 10);
  if (*end != '\t') return Status::Corruption("bad action line");
  a->id_hash = std::strtoull(end + 1, &end, 16);
  if (*end != '\t' || !end[1] || end[2] != '\t') return Status::Corruption("bad action line");
  a->code = static_cast<Action::Code>(end[1]);
  a->dup_count = std::strtoull(end + 3, &end, 10);
  if (*end != '\t') return Status::Corruption("bad action line");
  a->similarity = std::strtod(end + 1, &end);
  if (*end != '\t') return Status::Corruption("bad action line");
  auto id = JsonUnquote(std::string_view(end + 1));
  if (!id) return Status::Corruption("bad id in action line");
  a->duplicate_of = std::move(*id);
  return Status::OK();
}

Status ActionReader::Open(const std::string& path) {
  path_ = path;
  file_.reset(std::fopen(path.c_str(), "r"));
  if (!file_) return Status::IOError("cannot open " + path);
  return Status::OK();
}

bool ActionReader::Next(Action* a) {
  line_.clear();
  int c;
  while ((c = std::fgetc(file_.get())) != EOF && c != '\n') line_.push_back(static_cast<char>(c));
  if (line_.empty()) return false;
  status_ = ParseAction(line_, a);
  if (!status_.ok()) status_ = Status::Corruption(status_.message() + " in " + path_);
  return status_.ok();
}

}  // namespace corpus::dedup

#include "corpus/report/profile.h"

#include <simdjson.h>

#include <algorithm>

#include "corpus/url/url.h"
#include "corpus/text/text_units.h"
#include "corpus/report/html.h"
#include "corpus/report/text_shape.h"
#include "corpus/util/ascii.h"

namespace corpus {
namespace {

constexpr size_t kExcerptLines = 8;
constexpr size_t kExcerptBytes = 600;

// One simdjson parser per thread: parsers keep their buffers between lines.
simdjson::dom::parser& ThreadParser() {
  thread_local simdjson::dom::parser parser;
  return parser;
}

std::string_view StringField(const simdjson::dom::object& o, std::string_view key) {
  std::string_view v;
  if (o[key].get_string().get(v)) return {};
  return v;
}

// One record line, parsed, with the key its samples are chosen by: the
// hash of its id (of the whole line when it has none).
struct ParsedRecord {
  simdjson::dom::object o;
  std::string_view id;
  uint64_t key = 0;
};

// False, counting the line in `*unreadable`, when it is not a JSON object.
bool ParseRecord(std::string_view json, ParsedRecord* r, uint64_t* unreadable) {
  simdjson::dom::element e;
  if (ThreadParser().parse(json.data(), json.size(), true).get(e) || e.get_object().get(r->o)) {
    ++*unreadable;
    return false;
  }
  r->id = StringField(r->o, "id");
  r->key = HashBytes(r->id.empty() ? json : r->id);
  return true;
}

bool NumberField(simdjson::dom::element e, double* v) { return !e.get_double().get(*v); }
bool NumberField(const simdjson::dom::object& o, std::string_view key, double* v) {
  simdjson::dom::element e;
  return !o[key].get(e) && NumberField(e, v);
}

// The first non-blank lines of `text`, at most kExcerptLines lines and
// kExcerptBytes bytes, cut on a code point boundary; "…" marks a cut.
std::string Excerpt(std::string_view text) {
  std::string out;
  size_t lines = 0;
  for (std::string_view line : NonBlankLines(text)) {
    if (lines == kExcerptLines || out.size() >= kExcerptBytes) {
      out += "\n\xE2\x80\xA6";
      return out;
    }
    if (lines++) out += '\n';
    const size_t room = kExcerptBytes - out.size();
    if (line.size() <= room) {
      out.append(line);
      continue;
    }
    size_t cut = room;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.substr(0, cut));
    out += "\xE2\x80\xA6";
    return out;
  }
  return out;
}

// What a record shows as its example text: the extracted text, else the
// original line of a malformed record, else the title, else the HTML source.
std::string_view ExampleText(const simdjson::dom::object& o) {
  for (const char* key : {"text", "raw", "title", "html"}) {
    std::string_view v = StringField(o, key);
    if (!v.empty()) return v;
  }
  return {};
}

// "text/html; charset=utf-8" -> "text/html".
std::string MediaType(std::string_view content_type) {
  const size_t semi = content_type.find(';');
  return AsciiLowercase(TrimSpace(content_type.substr(0, semi)));
}

// The last label of a host; "(IP address)" for IPv4 and IPv6 literals.
std::string TopLevelDomain(const std::string& host) {
  if (!host.empty() && host[0] == '[') return "(IP address)";
  const size_t dot = host.rfind('.');
  const std::string last = dot == std::string::npos ? host : host.substr(dot + 1);
  if (!last.empty() && std::all_of(last.begin(), last.end(), [](char c) { return IsAsciiDigit(c); })) {
    return "(IP address)";
  }
  return last;
}

// The entry for `key`, made from `fresh` when absent and `map` has fewer
// than `cap` entries; nullptr when it is absent and `map` is full.
template <typename Map>
typename Map::mapped_type* FindOrAdd(Map* map, std::string_view key, size_t cap,
                                     const typename Map::mapped_type& fresh) {
  auto it = map->find(key);
  if (it == map->end()) {
    if (map->size() >= cap) return nullptr;
    it = map->emplace(std::string(key), fresh).first;
  }
  return &it->second;
}

// What every example shows of its record.
Sample BaseSample(const ParsedRecord& r) {
  Sample s;
  s.key = r.key;
  s.id = std::string(r.id);
  s.url = std::string(StringField(r.o, "url"));
  s.excerpt = Excerpt(ExampleText(r.o));
  return s;
}

}  // namespace

bool SampleSet::Wants(uint64_t key) const {
  return k_ > 0 && (samples_.size() < k_ || key < samples_.back().key);
}

void SampleSet::Offer(Sample s) {
  if (!Wants(s.key)) return;
  auto at = std::upper_bound(samples_.begin(), samples_.end(), s,
                             [](const Sample& a, const Sample& b) { return a.key < b.key; });
  samples_.insert(at, std::move(s));
  if (samples_.size() > k_) samples_.pop_back();
}

void SampleSet::Merge(const SampleSet& other) {
  for (const auto& s : other.samples_) Offer(s);
}

StageProfile::StageProfile(const ProfileLimits& limits)
    : languages(limits.categories),
      scripts(limits.categories),
      domains(limits.domains),
      tlds(limits.categories),
      hosts(limits.hosts),
      statuses(limits.categories),
      content_types(limits.categories),
      kept_samples(limits.examples),
      limits_(limits) {}

void StageProfile::AddKept(std::string_view json) {
  ParsedRecord r;
  if (!ParseRecord(json, &r, &unreadable_)) return;
  ++kept_;
  const simdjson::dom::object& o = r.o;
  const std::string_view text = StringField(o, "text");
  TextShape shape;
  simdjson::dom::element e;
  if (!o["text"].get(e)) {
    shape = MeasureText(text);
    words.Add(static_cast<double>(shape.words));
    if (shape.words) chars_per_word.Add(shape.chars_per_word());
    lines.Add(static_cast<double>(shape.lines));
    text_bytes.Add(static_cast<double>(text.size()));
    scripts.Add(shape.script < 0 ? "(no letters)" : ScriptName(shape.script));
  }
  std::string_view sv;
  if (!o["html"].get_string().get(sv)) html_bytes.Add(static_cast<double>(sv.size()));
  const std::string_view url = StringField(o, "url");
  if (!url.empty()) {
    const std::string host = UrlHost(url);
    if (!host.empty()) {
      hosts.Add(host);
      domains.Add(RegistrableDomain(host));
      tlds.Add(TopLevelDomain(host));
    }
  }
  const std::string_view lang = StringField(o, "lang");
  if (!o["lang"].get(e)) languages.Add(lang.empty() ? "(none)" : lang);
  double v;
  if (NumberField(o, "lang_score", &v)) lang_score.Add(v);
  if (NumberField(o, "dup_count", &v)) dup_count.Add(v);
  if (NumberField(o, "token_count", &v)) token_count.Add(v);
  int64_t status;
  if (!o["status"].get_int64().get(status)) statuses.Add(std::to_string(status));
  if (!o["content_type"].get_string().get(sv)) content_types.Add(sv.empty() ? "(none)" : MediaType(sv));
  simdjson::dom::object sig;
  if (!o["signals"].get_object().get(sig)) {
    for (auto field : sig) {
      if (!field.value.is_number() || !NumberField(field.value, &v)) continue;
      Histogram* h = FindOrAdd(&signals, field.key, limits_.max_signals, Histogram());
      if (h) {
        h->Add(v);
      } else {
        ++signals_not_shown;
      }
    }
  }
  if (kept_samples.Wants(r.key)) {
    Sample s = BaseSample(r);
    if (!o["text"].get(e)) s.note = GroupedNumber(shape.words) + " words";
    if (!lang.empty()) s.note += (s.note.empty() ? "" : ", ") + std::string(lang);
    kept_samples.Offer(std::move(s));
  }
}

void StageProfile::AddRejected(std::string_view json) {
  ParsedRecord r;
  if (!ParseRecord(json, &r, &unreadable_)) return;
  ++rejected_;
  const simdjson::dom::object& o = r.o;
  std::string rule = "(no rule)";
  simdjson::dom::object reject;
  const bool has_reject = !o["reject"].get_object().get(reject);
  std::string_view sv;
  if (has_reject && !reject["rule"].get_string().get(sv)) rule = std::string(sv);
  SampleSet* set = FindOrAdd(&rejected_samples, rule, limits_.max_rules, SampleSet(limits_.examples));
  if (!set) return;
  if (!set->Wants(r.key)) return;
  Sample s = BaseSample(r);
  simdjson::dom::element value;
  if (has_reject && !reject["value"].get(value)) s.value = simdjson::minify(value);
  set->Offer(std::move(s));
}

void StageProfile::Merge(const StageProfile& o) {
  kept_ += o.kept_;
  rejected_ += o.rejected_;
  unreadable_ += o.unreadable_;
  for (Histogram StageProfile::*h : {&StageProfile::words, &StageProfile::chars_per_word, &StageProfile::lines,
                                     &StageProfile::text_bytes, &StageProfile::html_bytes, &StageProfile::dup_count,
                                     &StageProfile::token_count, &StageProfile::lang_score}) {
    (this->*h).Merge(o.*h);
  }
  for (const auto& [k, h] : o.signals) {
    Histogram* mine = FindOrAdd(&signals, k, limits_.max_signals, Histogram());
    if (mine) {
      mine->Merge(h);
    } else {
      signals_not_shown += h.count();
    }
  }
  signals_not_shown += o.signals_not_shown;
  for (FrequentItems StageProfile::*f : {&StageProfile::languages, &StageProfile::scripts, &StageProfile::domains,
                                         &StageProfile::tlds, &StageProfile::hosts, &StageProfile::statuses,
                                         &StageProfile::content_types}) {
    (this->*f).Merge(o.*f);
  }
  kept_samples.Merge(o.kept_samples);
  for (const auto& [rule, set] : o.rejected_samples) {
    SampleSet* mine = FindOrAdd(&rejected_samples, rule, limits_.max_rules, SampleSet(limits_.examples));
    if (mine) mine->Merge(set);
  }
}

}  // namespace corpus

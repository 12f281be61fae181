#include "corpus/decon/decon_report.h"

#include <simdjson.h>

#include <map>

#include "corpus/util/json.h"

namespace corpus {

std::string MatchJson(const BenchmarkIndex& index, const DeconWords& words, const NgramMatch& match) {
  const BenchmarkItem& item = index.item(match.item);
  const std::string item_json =
      JsonObjectWriter().Uint("line", item.line).String("excerpt", item.excerpt).Finish();
  return JsonObjectWriter()
      .String("benchmark", index.benchmarks()[item.benchmark].name)
      .Raw("item", item_json)
      .String("ngram", words.NgramText(match.word, match.words))
      .Finish();
}

DeconReport::DeconReport(const BenchmarkIndex& index) : index_(index), per_(index.benchmarks().size()) {}

void DeconReport::AddDocument(std::string_view doc_id, const DeconWords& words,
                              const std::vector<NgramMatch>& matches) {
  std::vector<bool> seen(per_.size(), false);
  for (const NgramMatch& m : matches) {
    const BenchmarkItem& item = index_.item(m.item);
    PerBenchmark& p = per_[item.benchmark];
    p.lines.insert(item.line);
    if (seen[item.benchmark]) continue;
    seen[item.benchmark] = true;
    ++p.docs;
    if (p.examples.size() < kExamples) {
      std::string ex = MatchJson(index_, words, m);
      ex.pop_back();  // add the document's id to the object
      ex += ",\"id\":" + JsonQuote(doc_id) + "}";
      p.examples.push_back(std::move(ex));
    }
  }
}

std::string DeconReport::ToJson() const {
  JsonObjectWriter benchmarks;
  for (size_t b = 0; b < per_.size(); ++b) {
    const PerBenchmark& p = per_[b];
    if (p.docs == 0) continue;
    std::string lines = "[", examples = "[";
    for (uint32_t l : p.lines) lines += (lines.size() > 1 ? "," : "") + std::to_string(l);
    for (const auto& e : p.examples) examples += (examples.size() > 1 ? "," : "") + e;
    benchmarks.Raw(index_.benchmarks()[b].name, JsonObjectWriter()
                                                    .Uint("contaminated_docs", p.docs)
                                                    .Raw("items_hit", lines + "]")
                                                    .Raw("examples", examples + "]")
                                                    .Finish());
  }
  return JsonObjectWriter().Raw("benchmarks", benchmarks.Finish()).Finish();
}

Status DeconReport::MergeReports(const BenchmarkIndex& index, const std::string& mode,
                                 const std::vector<std::string>& reports, std::string* extra_json) {
  std::map<std::string, PerBenchmark> merged;
  simdjson::dom::parser parser;
  for (size_t r = 0; r < reports.size(); ++r) {
    simdjson::dom::element root;
    simdjson::dom::object benchmarks;
    if (parser.parse(reports[r]).get(root) || root["benchmarks"].get_object().get(benchmarks)) {
      return Status::Corruption("unreadable decon report " + std::to_string(r));
    }
    for (auto [name, value] : benchmarks) {
      PerBenchmark& p = merged[std::string(name)];
      uint64_t docs = 0;
      simdjson::dom::array lines, examples;
      if (value["contaminated_docs"].get_uint64().get(docs) || value["items_hit"].get_array().get(lines) ||
          value["examples"].get_array().get(examples)) {
        return Status::Corruption("decon report " + std::to_string(r) + ": bad entry for " + std::string(name));
      }
      p.docs += docs;
      for (auto l : lines) {
        uint64_t line = 0;
        if (!l.get_uint64().get(line)) p.lines.insert(static_cast<uint32_t>(line));
      }
      for (auto e : examples) {
        if (p.examples.size() < kExamples) p.examples.push_back(simdjson::to_string(e));
      }
    }
  }
  const NgramMatchOptions& o = index.options();
  std::string list = "[";
  JsonObjectWriter counters;
  for (const BenchmarkStats& s : index.benchmarks()) {
    const PerBenchmark& p = merged[s.name];
    std::string examples = "[";
    for (const auto& e : p.examples) examples += (examples.size() > 1 ? "," : "") + e;
    if (list.size() > 1) list += ",";
    list += JsonObjectWriter()
                .String("name", s.name)
                .String("file", s.path)
                .String("sha256", s.sha256)
                .Uint("items", s.items)
                .Uint("items_indexed", s.items_indexed)
                .Uint("items_matched_whole", s.items_whole)
                .Uint("ngrams", s.ngrams)
                .Uint("contaminated_docs", p.docs)
                .Uint("items_hit", p.lines.size())
                .Raw("examples", examples + "]")
                .Finish();
    counters.Uint("items_hit:" + s.name, p.lines.size());
  }
  const std::string decon = JsonObjectWriter()
                                .String("mode", mode)
                                .Int("ngram", o.ngram)
                                .Int("min_ngram", o.min_ngram)
                                .Int("max_matches", o.max_matches)
                                .Uint("ngrams_too_common", index.too_common())
                                .Raw("benchmarks", list + "]")
                                .Finish();
  *extra_json = JsonObjectWriter().Raw("decon", decon).Raw("summary_counters", counters.Finish()).Finish();
  return Status::OK();
}

}  // namespace corpus

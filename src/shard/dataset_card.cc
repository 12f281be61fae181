#include <cstdio>
#include <string>

#include "corpus/stage/signal_histogram.h"
#include "corpus/shard/release.h"
#include "corpus/shard/shuffle_buckets.h"
#include "corpus/util/fs.h"
#include "corpus/version.h"

namespace corpus {
namespace {

// Shards listed one by one in the card; the manifest lists them all.
constexpr size_t kMaxListedShards = 50;

std::string U(uint64_t v) { return std::to_string(v); }

std::string Share(uint64_t part, uint64_t whole) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.2f%%",
                whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0);
  return buf;
}

std::string Bar(uint64_t part, uint64_t max) {
  const size_t n = max ? static_cast<size_t>(40.0 * static_cast<double>(part) / static_cast<double>(max) + 0.5) : 0;
  std::string bar;
  for (size_t i = 0; i < n; ++i) bar += "#";
  return bar.empty() && part ? "." : bar;
}

// What the well-known fields mean (docs/ARCHITECTURE.md, "Records").
const char* FieldMeaning(const std::string& f) {
  if (f == "id") return "stable unique id of the document";
  if (f == "text") return "main content as plain text, paragraphs separated by a blank line";
  if (f == "url") return "final URL after redirects";
  if (f == "lang") return "language found in `text` (CLD2)";
  if (f == "lang_score") return "confidence of `lang`";
  if (f == "fetched_at") return "RFC 3339 UTC time of the fetch";
  if (f == "source") return "`crawl`, or `warc:<file name>`";
  if (f == "title") return "page title";
  if (f == "dup_count") return "size of the document's near-duplicate cluster";
  return "carried through from the input records";
}

void AppendFunnel(const ReleaseInfo& info, const std::vector<StageSummary>& upstream, std::string* out) {
  *out += "## How it was made\n\n";
  *out += "Every number below is read from the `_manifest.json` of the stage folder named "
          "(`corpus stats FOLDER...` prints the same funnel).\n\n";
  *out += "| stage | folder | documents in | bytes in | kept | bytes out | removed |\n";
  *out += "|---|---|---:|---:|---:|---:|---:|\n";
  auto row = [out](const std::string& stage, const std::string& dir, const StageCounts& c, bool complete) {
    *out += "| " + stage + " | `" + dir + "`" + (complete ? "" : " (unfinished)") + " | " +
            U(c.records_in) + " | " + U(c.bytes_in) + " | " + U(c.kept) + " | " + U(c.bytes_out) +
            " | " + U(c.rejected) + " |\n";
  };
  for (const auto& s : upstream) row(s.stage, s.dir, s.counts, s.complete);
  row("shard", info.dir, info.counts, true);

  *out += "\nRemoved, by rule:\n\n| stage | rule | documents | share of the stage's input |\n|---|---|---:|---:|\n";
  bool any = false;
  auto rules = [&](const std::string& stage, const StageCounts& c) {
    for (const auto& [rule, n] : c.rejected_by_rule) {
      *out += "| " + stage + " | `" + rule + "` | " + U(n) + " | " + Share(n, c.records_in) + " |\n";
      any = true;
    }
  };
  for (const auto& s : upstream) rules(s.stage, s.counts);
  rules("shard", info.counts);
  if (!any) *out += "| - | (nothing removed) | 0 | 0.00% |\n";
  for (const auto& s : upstream) {
    const std::string table = FormatSignalDistributions(s.counts.counters);
    if (table.empty()) continue;
    *out += "\nQuality signals measured by `" + s.stage + " --annotate` in `" + s.dir +
            "` (quantiles and a histogram per signal; docs/LANGUAGES.md defines each):\n\n```\n" + table + "```\n";
  }
  bool damaged = !info.damaged.empty();
  for (const auto& s : upstream) damaged = damaged || !s.damaged.empty();
  if (damaged) {
    *out += "\nDamaged inputs (read up to the damage):\n\n";
    for (const auto& s : upstream) {
      for (const auto& d : s.damaged) *out += "- " + s.stage + ": " + d + "\n";
    }
    for (const auto& [in, d] : info.damaged) *out += "- shard: " + in + ": " + d + "\n";
  }
  *out += "\n";
}

void AppendFiles(const ReleaseInfo& info, std::string* out) {
  *out += "## Splits and files\n\n";
  *out += "| split | shards | documents | bytes (JSON) | bytes (zstd) | words | characters |\n";
  *out += "|---|---:|---:|---:|---:|---:|---:|\n";
  for (const char* split : kSplits) {
    uint64_t n = 0;
    const ReleaseShard t = info.SplitTotals(split, &n);
    if (n == 0) continue;
    *out += std::string("| ") + split + " | " + U(n) + " | " + U(t.file.records) + " | " +
            U(t.file.bytes) + " | " + U(t.file.file_bytes) + " | " + U(t.words) + " | " +
            U(t.characters) + " |\n";
  }
  *out += "\n| file | documents | bytes (JSON) | words | characters | sha256 |\n|---|---:|---:|---:|---:|---|\n";
  for (size_t i = 0; i < info.shards.size() && i < kMaxListedShards; ++i) {
    const auto& s = info.shards[i];
    *out += "| `" + s.file.path + "` | " + U(s.file.records) + " | " + U(s.file.bytes) + " | " +
            U(s.words) + " | " + U(s.characters) + " | `" + s.file.sha256 + "` |\n";
  }
  if (info.shards.size() > kMaxListedShards) {
    *out += "\n" + U(info.shards.size() - kMaxListedShards) +
            " more shards are listed in `_manifest.json`.\n";
  }
  *out += "\nEach record is one JSON object per line with these fields (a field the source "
          "document lacked is left out):\n\n";
  for (const auto& f : info.config.fields) *out += "- `" + f + "`: " + FieldMeaning(f) + "\n";
  *out += "\n";
}

void AppendDistributions(const ReleaseInfo& info, std::string* out) {
  const ReleaseStats& st = info.stats;
  *out += "## Languages\n\n| language | documents | share |\n|---|---:|---:|\n";
  for (const auto& [lang, n] : st.languages) {
    *out += "| `" + lang + "` | " + U(n) + " | " + Share(n, st.documents) + " |\n";
  }
  *out += "\n## Document length\n\nWords per document (runs of non-space characters, as `wc -w` counts).\n\n";
  *out += "| words | documents | share | |\n|---|---:|---:|---|\n";
  uint64_t max = 0;
  for (uint64_t n : st.length_histogram) max = std::max(max, n);
  for (size_t i = 0; i < st.length_histogram.size(); ++i) {
    const uint64_t n = st.length_histogram[i];
    *out += "| " + ReleaseStats::BinLabel(i) + " | " + U(n) + " | " + Share(n, st.documents) + " | `" +
            Bar(n, max) + "` |\n";
  }
  *out += "\n";
}

void AppendConfigs(const ReleaseInfo& info, const std::vector<StageSummary>& upstream, std::string* out) {
  *out += "## Configs used\n\nThe settings that changed each stage's output, as recorded in its manifest.\n\n";
  for (const auto& s : upstream) {
    *out += "- " + s.stage + " (`" + s.dir + "`" + (s.version.empty() ? "" : ", corpus " + s.version) +
            "): `" + s.config_json + "`\n";
  }
  *out += "- shard (`" + info.dir + "`, corpus " CORPUS_VERSION "): `" + info.stage_config.ToJson() + "`\n\n";
  *out += "Order: documents sorted by XXH3-64 of their `id` with seed " + U(info.config.seed) +
          " (a uniform shuffle that does not depend on input order, threads or tasks). ";
  if (info.config.val_fraction > 0) {
    char buf[64];
    std::snprintf(buf, sizeof(buf), "%g", info.config.val_fraction);
    *out += std::string("Validation: the documents whose id hashes (fixed salt) below ") + buf +
            " of the hash range; the same id is on the same side in every release.";
  } else {
    *out += "No validation split.";
  }
  *out += "\n\n";
}

void AppendLoading(const ReleaseInfo& info, std::string* out) {
  const std::string dir = info.dir;
  uint64_t val = 0;
  info.SplitTotals("validation", &val);
  *out += "## How to load\n\nWith the Hugging Face `datasets` JSON loader (zstd needs the `zstandard` package):\n\n";
  *out += "```python\nfrom datasets import load_dataset\n\nds = load_dataset(\n    \"json\",\n"
          "    data_files={\"train\": \"" + dir + "/train-*.jsonl.zst\"" +
          (val ? ", \"validation\": \"" + dir + "/validation-*.jsonl.zst\"" : std::string()) +
          "},\n    streaming=True,  # read shard by shard instead of converting everything first\n)\n"
          "print(next(iter(ds[\"train\"]))[\"text\"][:200])\n```\n\n";
  *out += "From a shell:\n\n```sh\ncorpus cat " + dir + " --limit 1\nzstdcat " + dir +
          "/train-00000-of-*.jsonl.zst | head -n 1\n"
          "# verify the files against the manifest\n(cd " + dir +
          " && jq -r '.outputs[] | \"\\(.sha256)  \\(.path)\"' _manifest.json | sha256sum -c)\n```\n";
}

}  // namespace

std::string RenderDatasetCard(const ReleaseInfo& info, const std::vector<StageSummary>& upstream) {
  uint64_t shards = info.shards.size();
  uint64_t docs = 0, bytes = 0, words = 0;
  for (const auto& s : info.shards) {
    docs += s.file.records;
    bytes += s.file.bytes;
    words += s.words;
  }
  std::string out = "# " + BaseName(info.dir) + "\n\n";
  out += "A text corpus for language-model pretraining made by `corpus` " CORPUS_VERSION ": " +
         U(docs) + " documents, " + U(words) + " words, " + U(bytes) + " bytes of JSON in " +
         U(shards) + " zstd-compressed JSON Lines shards, shuffled with seed " + U(info.config.seed) +
         ".\n\n";
  if (!info.config.report_link.empty()) {
    out += "Charts of the run (the funnel, removals by rule, length, language and domain distributions, "
           "examples of removed and kept documents): [the report](" + info.config.report_link +
           "), made by `corpus report`.\n\n";
  }
  AppendFunnel(info, upstream, &out);
  AppendFiles(info, &out);
  AppendDistributions(info, &out);
  AppendConfigs(info, upstream, &out);
  AppendLoading(info, &out);
  return out;
}

}  // namespace corpus

// The report page (docs/report.md): one HTML document, its style inline, its
// charts inline SVG, no script and no external resource, so it opens
// offline in any browser and can be mailed or archived as one file.

#include <algorithm>
#include <filesystem>

#include "corpus/report/html.h"
#include "corpus/report/report.h"
#include "corpus/report/svg_chart.h"
#include "corpus/util/fs.h"
#include "corpus/util/rfc3339.h"
#include "corpus/version.h"

namespace corpus {
namespace {

constexpr const char* kStyle = R"css(
:root{color-scheme:light}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
main{max-width:1080px;margin:0 auto;padding:16px 24px 48px}
header{background:#1d2a44;color:#fff;padding:20px 24px}
header h1{margin:0 0 4px;font-size:22px}
header p{margin:2px 0;color:#c9d3e6}
nav a{color:#9cc3ff;margin-right:14px}
h2{margin:32px 0 8px;font-size:19px;border-bottom:2px solid #d8dde6;padding-bottom:4px}
h3{margin:20px 0 6px;font-size:16px}
h4{margin:8px 0 4px;font-size:14px}
section>p,.note{color:#4a5365}
table{border-collapse:collapse;margin:8px 0 12px;background:#fff}
th,td{border:1px solid #d8dde6;padding:4px 8px;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
details{background:#fff;border:1px solid #d8dde6;border-radius:6px;margin:10px 0;padding:6px 14px}
summary{cursor:pointer;font-weight:600;padding:4px 0}
.charts{display:flex;flex-wrap:wrap;gap:4px 24px}
.chart{display:block;max-width:100%;height:auto}
.chart text{font-size:11px;fill:#1d2330}
.chart text.num{fill:#4a5365}
.chart text.axis-label{font-size:12px;fill:#1d2330}
.chart .axis{stroke:#6b7385;fill:none}
.chart .grid{stroke:#e3e7ee;fill:none}
.c0{fill:#3b6fd1}.c1{fill:#9aa8c2}.c2{fill:#d9683b}.c3{fill:#3aa37a}.c4{fill:#a25ad1}.c5{fill:#c9a227}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin:6px 0 18px}
.kept{align-self:start;position:sticky;top:8px}
.doc{background:#fff;border:1px solid #d8dde6;border-left:4px solid #3aa37a;border-radius:4px;padding:6px 10px;margin:0 0 8px;overflow:hidden}
.doc.removed{border-left-color:#d9683b}
.meta{font-size:12px;color:#4a5365;word-break:break-all}
.meta b{color:#1d2330}
pre{white-space:pre-wrap;word-break:break-word;font:12px/1.4 ui-monospace,"DejaVu Sans Mono",monospace;margin:4px 0 0;max-height:14em;overflow:auto}
code{font:12px ui-monospace,"DejaVu Sans Mono",monospace}
)css";

std::string E(std::string_view s) { return EscapeHtml(s); }
std::string G(uint64_t n) { return GroupedNumber(n); }

std::string StageLabel(const StageReport& s) {
  return (s.summary.stage.empty() ? std::string("stage") : s.summary.stage) + " (" + s.summary.dir + ")";
}

// The label of a stage on a chart, where room is short: its folder's name.
std::string ShortStageLabel(const StageReport& s) {
  std::string dir = s.summary.dir;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return (s.summary.stage.empty() ? std::string("stage") : s.summary.stage) + " " + BaseName(dir);
}

// A Bar per entry of a top-K list, with its share of all counted.
std::vector<Bar> TopBars(const FrequentItems& items, size_t top) {
  std::vector<Bar> bars;
  for (const auto& [key, n] : items.Top(top)) {
    Bar b;
    b.label = key;
    b.value = static_cast<double>(n);
    b.value_text = G(n) + "  " + PercentOf(static_cast<double>(n), static_cast<double>(items.total()));
    bars.push_back(std::move(b));
  }
  return bars;
}

void AppendTopK(const FrequentItems& items, const std::string& title, const std::string& unit, size_t top,
                std::string* out) {
  if (items.total() == 0) return;
  *out += "<div><h4>" + E(title) + "</h4>" + HorizontalBarChart(TopBars(items, top));
  std::string note;
  if (!items.exact()) {
    note = "More distinct values than the counters hold: counts are lower bounds, each at most " +
           G(items.error()) + " below the truth.";
  } else if (items.size() > top) {
    note = G(items.size() - top) + " more " + unit + " not shown.";
  }
  if (!note.empty()) *out += "<p class=\"note\">" + E(note) + "</p>";
  *out += "</div>";
}

void AppendHistogram(const Histogram& h, const std::string& title, const std::string& x_label, size_t bins,
                     std::string* out) {
  if (h.count() == 0) return;
  *out += "<div><h4>" + E(title) + "</h4>" + HistogramChart(h, x_label, bins) + "</div>";
}

void AppendSummaryRow(const std::string& name, const Histogram& h, std::string* out) {
  if (h.count() == 0) return;
  *out += "<tr><td>" + E(name) + "</td><td class=\"n\">" + G(h.count()) + "</td>";
  for (double v : {h.mean(), h.min(), h.Quantile(0.5), h.Quantile(0.9), h.Quantile(0.99), h.max()}) {
    *out += "<td class=\"n\">" + E(ShortDouble(v, 4)) + "</td>";
  }
  *out += "</tr>";
}

void AppendFunnel(const std::vector<StageReport>& stages, std::string* out) {
  *out += "<section id=\"funnel\"><h2>Funnel</h2><p>Documents into and kept by each stage, from the "
          "stage folders' <code>_manifest.json</code> (or their <code>_done/</code> markers while a stage "
          "is unfinished).</p>";
  std::vector<Bar> bars;
  for (const auto& s : stages) {
    const StageCounts& c = s.summary.counts;
    Bar in{ShortStageLabel(s) + " in", static_cast<double>(c.records_in), G(c.records_in), s.summary.dir, 1};
    Bar kept{ShortStageLabel(s) + " kept", static_cast<double>(c.kept),
             G(c.kept) + "  " + PercentOf(static_cast<double>(c.kept), static_cast<double>(c.records_in)),
             "of " + G(c.records_in) + " in", 0};
    bars.push_back(std::move(in));
    bars.push_back(std::move(kept));
  }
  *out += HorizontalBarChart(bars);
  *out += "<table><tr><th>stage</th><th>folder</th><th class=\"n\">in</th><th class=\"n\">kept</th>"
          "<th class=\"n\">kept %</th><th class=\"n\">removed</th><th class=\"n\">bytes in</th>"
          "<th class=\"n\">bytes out</th></tr>";
  for (const auto& s : stages) {
    const StageCounts& c = s.summary.counts;
    *out += "<tr><td>" + E(s.summary.stage) + (s.summary.complete ? "" : " (unfinished)") + "</td><td><code>" +
            E(s.summary.dir) + "</code></td><td class=\"n\">" + G(c.records_in) + "</td><td class=\"n\">" +
            G(c.kept) + "</td><td class=\"n\">" +
            PercentOf(static_cast<double>(c.kept), static_cast<double>(c.records_in)) + "</td><td class=\"n\">" +
            G(c.rejected) + "</td><td class=\"n\">" + G(c.bytes_in) + "</td><td class=\"n\">" + G(c.bytes_out) +
            "</td></tr>";
  }
  *out += "</table></section>";
}

void AppendRemovals(const std::vector<StageReport>& stages, std::string* out) {
  *out += "<section id=\"removals\"><h2>Removed, by rule</h2><p>Documents each rule removed, as a share of "
          "the stage's input. Each removed document counts once, under the rule that removed it.</p>";
  bool any = false;
  for (const auto& s : stages) {
    const StageCounts& c = s.summary.counts;
    if (c.rejected_by_rule.empty()) continue;
    any = true;
    std::vector<Bar> bars;
    for (const auto& [rule, n] : c.rejected_by_rule) {
      bars.push_back(Bar{rule, static_cast<double>(n),
                         G(n) + "  " + PercentOf(static_cast<double>(n), static_cast<double>(c.records_in)),
                         "of " + G(c.records_in) + " into " + s.summary.stage, 2});
    }
    std::sort(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) {
      return a.value != b.value ? a.value > b.value : a.label < b.label;
    });
    *out += "<h3>" + E(StageLabel(s)) + "</h3>" + HorizontalBarChart(bars);
  }
  if (!any) *out += "<p>No stage removed anything.</p>";
  *out += "</section>";
}

void AppendStageDocuments(const ReportConfig& cfg, const StageReport& s, bool open, std::string* out) {
  const StageProfile& p = s.profile;
  *out += std::string("<details") + (open ? " open" : "") + "><summary>" + E(StageLabel(s)) + ": " +
          G(p.kept()) + " documents kept</summary>";
  if (p.unreadable()) {
    *out += "<p class=\"note\">" + G(p.unreadable()) + " lines were not JSON objects and are not counted.</p>";
  }
  // The numbers behind the histograms.
  std::string rows;
  AppendSummaryRow("words per document", p.words, &rows);
  AppendSummaryRow("characters per word", p.chars_per_word, &rows);
  AppendSummaryRow("lines per document", p.lines, &rows);
  AppendSummaryRow("text bytes", p.text_bytes, &rows);
  AppendSummaryRow("HTML bytes", p.html_bytes, &rows);
  AppendSummaryRow("dup_count", p.dup_count, &rows);
  AppendSummaryRow("token_count", p.token_count, &rows);
  AppendSummaryRow("lang_score", p.lang_score, &rows);
  for (const auto& [k, h] : p.signals) AppendSummaryRow("signals." + k, h, &rows);
  if (!rows.empty()) {
    *out += "<table><tr><th>measure</th><th class=\"n\">documents</th><th class=\"n\">mean</th>"
            "<th class=\"n\">min</th><th class=\"n\">median</th><th class=\"n\">p90</th><th class=\"n\">p99</th>"
            "<th class=\"n\">max</th></tr>" + rows + "</table>";
  }
  *out += "<div class=\"charts\">";
  AppendHistogram(p.words, "Words per document", "words (runs of non-space characters)", cfg.bins, out);
  AppendHistogram(p.chars_per_word, "Characters per word", "mean code points per word of a document", cfg.bins,
                  out);
  AppendHistogram(p.lines, "Lines per document", "lines", cfg.bins, out);
  AppendHistogram(p.html_bytes, "HTML size", "bytes of decoded HTML", cfg.bins, out);
  AppendHistogram(p.dup_count, "Duplicate cluster size", "dup_count", cfg.bins, out);
  AppendHistogram(p.token_count, "Tokens per document", "token_count", cfg.bins, out);
  AppendHistogram(p.lang_score, "Language confidence", "lang_score", cfg.bins, out);
  *out += "</div>";
  if (!p.signals.empty()) {
    *out += "<h3>Quality signals</h3><p class=\"note\">Every numeric field of <code>signals</code>, as the "
            "filter measured it.";
    if (p.signals_not_shown) *out += " " + G(p.signals_not_shown) + " values of further keys are not shown.";
    *out += "</p><div class=\"charts\">";
    for (const auto& [k, h] : p.signals) AppendHistogram(h, k, "signals." + k, cfg.bins, out);
    *out += "</div>";
  }
  *out += "<div class=\"charts\">";
  AppendTopK(p.languages, "Languages (lang)", "languages", cfg.top, out);
  AppendTopK(p.scripts, "Scripts (most frequent among a document's letters)", "scripts", cfg.top, out);
  AppendTopK(p.domains, "Top domains", "domains", cfg.top, out);
  AppendTopK(p.tlds, "Top-level domains", "TLDs", cfg.top, out);
  AppendTopK(p.statuses, "HTTP status", "statuses", cfg.top, out);
  AppendTopK(p.content_types, "Content types", "content types", cfg.top, out);
  AppendTopK(p.hosts, "Top hosts", "hosts", cfg.top, out);
  *out += "</div>";
  if (p.hosts.total() > 0) {
    if (p.hosts.exact()) {
      Histogram per_host;
      for (const auto& [host, n] : p.hosts.All()) per_host.Add(static_cast<double>(n));
      *out += "<div class=\"charts\">";
      AppendHistogram(per_host, "Pages per host (" + G(p.hosts.size()) + " hosts)", "documents per host", cfg.bins,
                      out);
      *out += "</div>";
    } else {
      *out += "<p class=\"note\">More hosts than the " + G(cfg.limits.hosts) +
              " counters hold: pages per host is shown for the top hosts only.</p>";
    }
  }
  *out += "</details>";
}

void AppendDocuments(const ReportConfig& cfg, const std::vector<StageReport>& stages, std::string* out) {
  *out += "<section id=\"documents\"><h2>Documents</h2><p>What each stage kept, from one pass over its "
          "records. Histograms bin values in 1% buckets and draw them on a linear or, for values spanning "
          "orders of magnitude, a logarithmic scale; hover a bar for its exact range and count.</p>";
  for (size_t i = 0; i < stages.size(); ++i) AppendStageDocuments(cfg, stages[i], i + 1 == stages.size(), out);
  *out += "</section>";
}

void AppendSample(const Sample& s, bool removed, std::string* out) {
  *out += std::string("<div class=\"doc") + (removed ? " removed" : "") + "\"><div class=\"meta\">";
  if (!s.value.empty()) *out += "<b>value " + E(s.value) + "</b> &middot; ";
  if (!s.note.empty()) *out += "<b>" + E(s.note) + "</b> &middot; ";
  *out += "<code>" + E(s.id.empty() ? "(no id)" : s.id) + "</code>";
  if (!s.url.empty()) *out += " &middot; " + E(s.url);
  *out += "</div><pre>" + (s.excerpt.empty() ? std::string("(no text)") : E(s.excerpt)) + "</pre></div>";
}

void AppendExamples(const std::vector<StageReport>& stages, std::string* out) {
  *out += "<section id=\"examples\"><h2>Examples</h2><p>For each rule, the removed documents with the "
          "smallest hash of their id (a sample that does not depend on order or threads), their first "
          "lines and the value the rule measured, beside kept documents of the same stage chosen the same "
          "way.</p>";
  bool any = false;
  for (const auto& s : stages) {
    if (s.profile.rejected_samples.empty()) continue;
    any = true;
    *out += "<h3>" + E(StageLabel(s)) + "</h3><div class=\"pair\"><div>";
    for (const auto& [rule, set] : s.profile.rejected_samples) {
      *out += "<h4>Removed by <code>" + E(rule) + "</code></h4>";
      for (const auto& sample : set.samples()) AppendSample(sample, true, out);
    }
    // The kept column stays in view beside the rules as the page scrolls.
    *out += "</div><div class=\"kept\"><h4>Kept</h4>";
    for (const auto& sample : s.profile.kept_samples.samples()) AppendSample(sample, false, out);
    if (s.profile.kept_samples.samples().empty()) *out += "<p class=\"note\">Nothing kept.</p>";
    *out += "</div></div>";
  }
  if (!any) *out += "<p>No removed documents in these folders.</p>";
  *out += "</section>";
}

void AppendRunFacts(const std::vector<StageReport>& stages, std::string* out) {
  *out += "<section id=\"run\"><h2>Run facts</h2><p>Seconds are the sum of the time spent on each input, "
          "so throughput is per worker.</p><table><tr><th>stage</th><th>folder</th><th>corpus</th>"
          "<th>finished</th><th class=\"n\">inputs</th><th class=\"n\">seconds</th><th class=\"n\">docs/s</th>"
          "<th class=\"n\">MB/s in</th><th>counters</th></tr>";
  for (const auto& s : stages) {
    const StageSummary& m = s.summary;
    const double secs = m.counts.seconds;
    std::string counters;
    for (const auto& [k, n] : m.counts.counters) counters += (counters.empty() ? "" : ", ") + k + " " + G(n);
    *out += "<tr><td>" + E(m.stage) + "</td><td><code>" + E(m.dir) + "</code></td><td>" +
            E(m.version.empty() ? "-" : m.version) + "</td><td>" +
            E(m.finished_at.empty() ? (m.complete ? "-" : "unfinished") : m.finished_at) + "</td><td class=\"n\">" +
            G(m.units) + "</td><td class=\"n\">" + ShortDouble(secs, 4) + "</td><td class=\"n\">" +
            (secs > 0 ? CompactNumber(static_cast<double>(m.counts.records_in) / secs) : "-") +
            "</td><td class=\"n\">" +
            (secs > 0 ? ShortDouble(static_cast<double>(m.counts.bytes_in) / 1e6 / secs, 3) : "-") + "</td><td>" +
            E(counters) + "</td></tr>";
  }
  *out += "</table>";
  for (const auto& s : stages) {
    *out += "<details><summary>Config of " + E(StageLabel(s)) + "</summary><pre>" + E(s.summary.config_json) +
            "</pre></details>";
  }
  std::vector<std::string> damaged;
  for (const auto& s : stages) {
    for (const auto& d : s.summary.damaged) damaged.push_back(s.summary.stage + ", while the stage ran: " + d);
    for (const auto& d : s.damaged) damaged.push_back(s.summary.stage + ", while reading for this report: " + d);
  }
  if (!damaged.empty()) {
    *out += "<h3>Damaged inputs</h3><p>Read up to the damage.</p><ul>";
    for (const auto& d : damaged) *out += "<li>" + E(d) + "</li>";
    *out += "</ul>";
  }
  *out += "</section>";
}

std::string DefaultTitle(const ReportConfig& cfg) {
  if (!cfg.title.empty()) return cfg.title;
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::absolute(cfg.dirs.front(), ec).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();  // "run/pages/" -> "run/pages"
  const std::string name = dir.parent_path().filename().string();
  return name.empty() || name == "." ? std::string("corpus run") : name;
}

}  // namespace

std::string RenderReportHtml(const ReportConfig& cfg, const std::vector<StageReport>& stages) {
  const std::string title = DefaultTitle(cfg);
  // The policy forbids every load: a page that tried one would show it as
  // a console error in the browser (the report's browser test looks).
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    "style-src 'unsafe-inline'\">"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    "<title>" + E(title) + " \xE2\x80\x94 corpus report</title><style>" + kStyle +
                    "</style></head><body><header><h1>" + E(title) + "</h1><p>corpus report of " +
                    std::to_string(stages.size()) + " stage folder" + (stages.size() == 1 ? "" : "s") + ":";
  for (const auto& s : stages) out += " <code>" + E(s.summary.dir) + "</code>";
  out += "</p><p>Made by corpus " CORPUS_VERSION " at " + E(NowRfc3339()) +
         ".</p><nav><a href=\"#funnel\">Funnel</a><a href=\"#removals\">Removed by rule</a>"
         "<a href=\"#documents\">Documents</a><a href=\"#examples\">Examples</a><a href=\"#run\">Run facts</a>"
         "</nav></header><main>";
  if (stages.empty()) return out + "<p>No stage folders.</p></main></body></html>\n";
  AppendFunnel(stages, &out);
  AppendRemovals(stages, &out);
  AppendDocuments(cfg, stages, &out);
  AppendExamples(stages, &out);
  AppendRunFacts(stages, &out);
  out += "</main></body></html>\n";
  return out;
}

}  // namespace corpus

#ifndef CORPUS_REPORT_REPORT_H_
#define CORPUS_REPORT_REPORT_H_

#include <string>
#include <vector>

#include "corpus/report/profile.h"
#include "corpus/stage/stage_summary.h"
#include "corpus/util/status.h"

namespace corpus {

// What `corpus report DIR... --out FILE` is asked to do (docs/report.md).
struct ReportConfig {
  std::vector<std::string> dirs;  // stage folders, in pipeline order
  std::string out;                // the HTML file to write
  std::string title;              // page title; the folders' common parent when empty
  int threads = 0;                // 0: all cores
  size_t top = 20;                // entries of each top-K chart
  size_t bins = 40;               // bars of each histogram, at most
  ProfileLimits limits;
};

// One stage folder as the report shows it: its manifest and one pass over
// its records.
struct StageReport {
  StageSummary summary;
  StageProfile profile;
  std::vector<std::string> damaged;  // "file: what broke", found while reading
};

// What a report run found, besides the page.
struct ReportResult {
  uint64_t records = 0;               // records read, kept and rejected, all folders
  std::vector<std::string> damaged;   // inputs read up to damage ("file: what broke")
};

// Reads each folder's manifest (or `_done` markers while unfinished) and
// streams its records once, kept and rejected/, on `threads` threads, in
// memory bounded by `limits` whatever the number of records.
// Errors: InvalidArgument for a folder that is not a stage folder; IOError
// when `out` cannot be written. A damaged record file is read up to the
// damage, listed in `result->damaged` and in the page, and the report is
// still written.
Status WriteReport(const ReportConfig& config, ReportResult* result);

// Scans one folder (used by WriteReport; exposed for tests).
Status ProfileStageDir(const std::string& dir, const ReportConfig& config, StageReport* out);

// The page: one self-contained HTML document with inline SVG charts.
std::string RenderReportHtml(const ReportConfig& config, const std::vector<StageReport>& stages);

}  // namespace corpus

#endif  // CORPUS_REPORT_REPORT_H_

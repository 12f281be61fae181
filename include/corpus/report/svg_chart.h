#ifndef CORPUS_REPORT_SVG_CHART_H_
#define CORPUS_REPORT_SVG_CHART_H_

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/report/histogram.h"

namespace corpus {

// Charts of the report as inline SVG (SVG 1.1, drawn by every browser with
// no script and no network). Each bar carries a <title>, which browsers show
// as a tooltip with the exact numbers. Labels are HTML-escaped here; callers
// pass plain text. Thread-safe (pure functions).

// One bar of a horizontal bar chart.
struct Bar {
  std::string label;
  double value = 0;
  std::string value_text;  // printed right of the bar; GroupedNumber(value) when empty
  std::string tooltip;     // extra words for the <title>
  int color = 0;           // index into the report's palette
};

// Horizontal bars, one row each, scaled to the largest value (or to
// `scale_max` when it is larger).
std::string HorizontalBarChart(const std::vector<Bar>& bars, double scale_max = 0);

// Vertical bars of a histogram's Bins(), with the x axis labelled at a few
// bar edges, the y axis from 0 to the tallest bar, and `x_label` below.
std::string HistogramChart(const Histogram& h, const std::string& x_label, size_t max_bins = 40);

}  // namespace corpus

#endif  // CORPUS_REPORT_SVG_CHART_H_

#include "corpus/report/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "corpus/text/text_units.h"
#include "corpus/report/html.h"

namespace corpus {
namespace {

// Two charts side by side fit the page's 1080 pixels.
constexpr int kWidth = 510;
constexpr int kLabelWidth = 180;  // horizontal bars: room for the label
constexpr int kValueWidth = 110;  // and for the number right of the bar
constexpr int kRow = 20;
constexpr size_t kMaxLabelChars = 28;

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.1f", v);
  return buf;
}

// The label cut to kMaxLabelChars code points, with an ellipsis.
std::string Shorten(const std::string& s) {
  size_t i = 0, chars = 0;
  while (i < s.size() && chars < kMaxLabelChars) {
    NextCodePoint(s, &i);
    ++chars;
  }
  return i >= s.size() ? s : s.substr(0, i) + "\xE2\x80\xA6";
}

void Text(std::string* out, double x, double y, const char* anchor, const std::string& text,
          const char* cls = "") {
  *out += "<text x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" text-anchor=\"" + anchor + "\"";
  if (*cls) *out += std::string(" class=\"") + cls + "\"";
  *out += ">";
  AppendEscapedHtml(out, text);
  *out += "</text>";
}

// The text of a bar edge: whole numbers as they are, others with 3 digits.
std::string Edge(double v, bool integral) { return integral ? CompactNumber(v) : ShortDouble(v, 3); }

}  // namespace

std::string HorizontalBarChart(const std::vector<Bar>& bars, double scale_max) {
  double max = scale_max;
  for (const auto& b : bars) max = std::max(max, b.value);
  const int height = static_cast<int>(bars.size()) * kRow + 4;
  const double span = kWidth - kLabelWidth - kValueWidth;
  std::string out = "<svg class=\"chart\" role=\"img\" width=\"" + std::to_string(kWidth) + "\" height=\"" +
                    std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(kWidth) + " " +
                    std::to_string(height) + "\" xmlns=\"http://www.w3.org/2000/svg\">";
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const double y = static_cast<double>(i) * kRow + 2;
    const double w = max > 0 ? std::max(b.value > 0 ? 1.0 : 0.0, span * b.value / max) : 0;
    const std::string value = b.value_text.empty() ? GroupedNumber(static_cast<uint64_t>(b.value)) : b.value_text;
    out += "<g><title>";
    AppendEscapedHtml(&out, b.label + ": " + value + (b.tooltip.empty() ? "" : " (" + b.tooltip + ")"));
    out += "</title>";
    Text(&out, kLabelWidth - 6, y + 14, "end", Shorten(b.label));
    out += "<rect class=\"c" + std::to_string(b.color % 6) + "\" x=\"" + std::to_string(kLabelWidth) +
           "\" y=\"" + Num(y + 2) + "\" width=\"" + Num(w) + "\" height=\"" + std::to_string(kRow - 4) +
           "\"/>";
    Text(&out, kLabelWidth + w + 4, y + 14, "start", value, "num");
    out += "</g>";
  }
  out += "</svg>";
  return out;
}

std::string HistogramChart(const Histogram& h, const std::string& x_label, size_t max_bins) {
  const Histogram::Scale scale = h.ChooseScale();
  const std::vector<Histogram::Bin> bins = h.Bins(max_bins, scale);
  constexpr int kHeight = 220, kLeft = 50, kRight = 16, kTop = 10, kBottom = 46;
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  uint64_t tallest = 0;
  for (const auto& b : bins) tallest = std::max(tallest, b.count);
  std::string out = "<svg class=\"chart\" role=\"img\" width=\"" + std::to_string(kWidth) + "\" height=\"" +
                    std::to_string(kHeight) + "\" viewBox=\"0 0 " + std::to_string(kWidth) + " " +
                    std::to_string(kHeight) + "\" xmlns=\"http://www.w3.org/2000/svg\">";
  // Axes and the y scale: 0, half and the tallest bar.
  const double base = kTop + plot_h;
  out += "<path class=\"axis\" d=\"M" + std::to_string(kLeft) + " " + std::to_string(kTop) + "V" + Num(base) +
         "H" + Num(kLeft + plot_w) + "\"/>";
  // Ticks at 0, the tallest bar and a whole number near half of it.
  std::vector<uint64_t> ticks;
  if (tallest > 0) ticks = {0, tallest};
  if (tallest / 2 > 0) ticks.push_back(tallest / 2);
  for (uint64_t v : ticks) {
    const double y = base - plot_h * static_cast<double>(v) / static_cast<double>(tallest);
    Text(&out, kLeft - 4, y + 4, "end", CompactNumber(static_cast<double>(v)), "num");
    if (v) out += "<path class=\"grid\" d=\"M" + std::to_string(kLeft) + " " + Num(y) + "H" + Num(kLeft + plot_w) + "\"/>";
  }
  const double bw = bins.empty() ? 0 : plot_w / static_cast<double>(bins.size());
  const size_t label_every = std::max<size_t>(1, (bins.size() + 7) / 8);
  for (size_t i = 0; i < bins.size(); ++i) {
    const auto& b = bins[i];
    const double x = kLeft + bw * static_cast<double>(i);
    const double bh = tallest ? plot_h * static_cast<double>(b.count) / static_cast<double>(tallest) : 0;
    std::string range;
    if (b.lo == b.hi) {
      range = Edge(b.lo, h.integral());
    } else if (h.integral() && b.hi - b.lo <= 1) {
      range = Edge(b.lo, true);
    } else if (h.integral()) {
      const bool last = i + 1 == bins.size();
      range = Edge(b.lo, true) + "\xE2\x80\x93" + Edge(last ? b.hi : b.hi - 1, true);
    } else {
      range = ShortDouble(b.lo, 4) + " to " + ShortDouble(b.hi, 4);
    }
    out += "<g><title>";
    AppendEscapedHtml(&out, range + ": " + GroupedNumber(b.count) + " (" +
                                PercentOf(static_cast<double>(b.count), static_cast<double>(h.count())) + ")");
    out += "</title><rect class=\"c0\" x=\"" + Num(x + 0.5) + "\" y=\"" + Num(base - bh) + "\" width=\"" +
           Num(std::max(bw - 1, 0.5)) + "\" height=\"" + Num(bh) + "\"/></g>";
    if (i % label_every == 0 && x < kLeft + plot_w - 56) Text(&out, x, base + 14, "middle", Edge(b.lo, h.integral()), "num");
  }
  if (!bins.empty()) {
    // Whole-number bars of a linear scale end before their upper edge.
    const Histogram::Bin& last = bins.back();
    const bool exclusive = h.integral() && scale == Histogram::Scale::kLinear;
    if (!exclusive || last.hi - 1 > last.lo) {
      Text(&out, kLeft + plot_w, base + 14, "end", Edge(exclusive ? last.hi - 1 : last.hi, h.integral()), "num");
    }
  }
  Text(&out, kLeft + plot_w / 2, kHeight - 8, "middle",
       x_label + (scale == Histogram::Scale::kLog ? " (log scale)" : ""), "axis-label");
  out += "</svg>";
  return out;
}

}  // namespace corpus

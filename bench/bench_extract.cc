// Extraction throughput: pages/s and MB/s of raw HTML per
// core for ExtractMainContent, next to gumbo's bare parse of the same pages.
// Reads the WCXB development pages from ../shared when present (the numbers
// in BENCHMARKS.md), else generates synthetic pages so it always runs.
//   bench_extract [DIR_WITH_HTML_GZ] [--limit N] [--readability]
// Run from the repository root. --readability also runs the reference,
// Mozilla Readability on linkedom (bench/readability; `npm install` there
// first), on the same files in the same sitting and prints the ratios.
#include <gumbo.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "bench_util.h"
#include "corpus/extract/extractor.h"

namespace {

std::vector<std::string> SyntheticPages(int count) {
  std::vector<std::string> pages;
  for (int p = 0; p < count; ++p) {
    std::string html =
        "<html><head><title>Page</title><script>var tracking = {id: 1, list: [1,2,3]};</script>"
        "<style>body{margin:0} .nav{display:flex}</style></head><body><nav><ul>";
    for (int i = 0; i < 30; ++i) html += "<li><a href='/c" + std::to_string(i) + "'>Category</a></li>";
    html += "</ul></nav><main><article><h1>Title " + std::to_string(p) + "</h1>";
    for (int i = 0; i < 25; ++i) {
      html += "<p>Paragraph " + std::to_string(i) +
              " has several sentences of ordinary prose, with commas, and a <a href='/x'>link</a> "
              "or two. It goes on for a while so that it reads like real text.</p>";
    }
    html += "</article></main><footer><p>Copyright</p></footer><script>";
    html += std::string(20000, 'x');
    html += "</script></body></html>";
    pages.push_back(std::move(html));
  }
  return pages;
}

// Wall time and this thread's CPU time: on a shared machine the CPU time is
// the steadier measure of what one core does.
struct Clock {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  double cpu = ThreadCpuSeconds();

  double WallSeconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
  }
  double CpuSeconds() const { return ThreadCpuSeconds() - cpu; }
};

// Runs bench/readability on the same pages; its wall seconds and CPU seconds
// (both from its "readability + linkedom" line). False if it did not run.
bool RunReadability(const std::string& dir, size_t limit, double* wall_s, double* cpu_s) {
  std::error_code ec;
  const std::string abs_dir = std::filesystem::absolute(dir, ec).string();
  std::string cmd = "cd bench/readability && node --max-old-space-size=8192 bench_readability.mjs '" +
                    abs_dir + "'";
  if (limit) cmd += " --limit " + std::to_string(limit);
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  if (!pipe) return false;
  char line[512];
  bool found = false;
  double pages = 0;
  while (std::fgets(line, sizeof(line), pipe.get())) {
    std::fputs(line, stdout);
    unsigned long n = 0;
    if (std::sscanf(line, "pages: %lu", &n) == 1) pages = static_cast<double>(n);
    double rate = 0, mbps = 0, cpu = 0;
    if (std::sscanf(line, "readability + linkedom %lf %lf %lf", &rate, &mbps, &cpu) == 3 && rate > 0) {
      *wall_s = pages / rate;
      *cpu_s = cpu;
      found = true;
    }
  }
  return found;
}

}  // namespace

int main(int argc, char** argv) {
  // Default: ../shared seen from the repository root or from a build folder.
  std::string dir = "../shared/data/wcxb-dev/dev/html";
  if (!std::filesystem::exists(dir)) dir = "../../shared/data/wcxb-dev/dev/html";
  size_t limit = 0;
  bool readability = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--readability") == 0) {
      readability = true;
    } else if (std::strcmp(argv[i], "--limit") == 0 && i + 1 < argc) {
      limit = std::strtoul(argv[++i], nullptr, 10);
    } else {
      dir = argv[i];
    }
  }
  std::vector<std::string> pages;
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec)) {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      if (limit && pages.size() >= limit) break;
      std::string html;
      if (ReadGzipFile(f, &html)) pages.push_back(std::move(html));
    }
    std::printf("pages: %zu from %s\n", pages.size(), dir.c_str());
  } else {
    std::printf("pages: %s absent; using 300 synthetic pages\n", dir.c_str());
    pages = SyntheticPages(300);
  }
  size_t bytes = 0;
  for (const auto& p : pages) bytes += p.size();
  const double mb = static_cast<double>(bytes) / 1e6;

  // One thread: the numbers are per core.
  Clock gumbo_clock;
  for (const auto& p : pages) {
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, p.data(), p.size());
    gumbo_destroy_output(&kGumboDefaultOptions, out);
  }
  const double gumbo_s = gumbo_clock.CpuSeconds(), gumbo_wall = gumbo_clock.WallSeconds();

  corpus::ExtractOptions options;
  size_t text_bytes = 0;
  Clock extract_clock;
  for (const auto& p : pages) text_bytes += corpus::ExtractMainContent(p, "", options).text.size();
  const double extract_s = extract_clock.CpuSeconds(), extract_wall = extract_clock.WallSeconds();

  // The learned block model's pass (block_model.h), measured page by page
  // against extraction without it, in alternating order so neither side
  // gains from the other's warm caches.
  double with_model_s = 0, without_model_s = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    for (int k = 0; k < 2; ++k) {
      const bool model = (k == 0) == (i % 2 == 0);
      options.block_model = model;
      const double t0 = ThreadCpuSeconds();
      corpus::ExtractMainContent(pages[i], "", options);
      (model ? with_model_s : without_model_s) += ThreadCpuSeconds() - t0;
    }
  }
  options.block_model = true;

  const double n = static_cast<double>(pages.size());
  std::printf("%-24s %16s %16s %14s\n", "one thread", "pages/CPU-s", "MB/CPU-s", "MB/s (wall)");
  std::printf("%-24s %16.1f %16.1f %14.1f\n", "gumbo parse only", n / gumbo_s, mb / gumbo_s,
              mb / gumbo_wall);
  std::printf("%-24s %16.1f %16.1f %14.1f\n", "corpus extract", n / extract_s, mb / extract_s,
              mb / extract_wall);
  std::printf("%-24s %16.1f %16.1f   (alternating, page by page)\n", "  with block model",
              n / with_model_s, mb / with_model_s);
  std::printf("%-24s %16.1f %16.1f\n", "  without block model", n / without_model_s,
              mb / without_model_s);
  std::printf("input %.1f MB, text out %.1f MB\n", mb, static_cast<double>(text_bytes) / 1e6);
  if (readability) {
    double r_wall = 0, r_cpu = 0;
    if (!RunReadability(dir, limit, &r_wall, &r_cpu)) {
      std::printf("readability: did not run (node, and `npm install` in bench/readability?)\n");
      return 1;
    }
    std::printf("%-24s %16.1f %16s %14.1f\n", "readability (process)", n / r_cpu, "",
                mb / r_wall);
    std::printf("corpus / readability: %.1fx per CPU-second, %.1fx wall\n",
                r_cpu / extract_s, r_wall / extract_wall);
  }
  return 0;
}

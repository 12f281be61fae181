// The report in a real browser: headless Chromium loads the page, which must
// log nothing to the console (the page has no script, and its
// Content-Security-Policy turns any attempt to load something into a console
// error), and its screenshot must show the page: the header and chart colours.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <sstream>

#include "corpus/util/fs.h"
#include "report/png_image.h"
#include "report/report_fixture.h"

namespace corpus {
namespace {

using testing::RgbaImage;
using testing::TempDir;

constexpr int kWidth = 1280, kHeight = 2400;

// CORPUS_CHROMIUM, else chromium or chromium-browser on PATH; "" if none.
std::string FindChromium() {
  if (const char* env = std::getenv("CORPUS_CHROMIUM"); env && *env) return env;
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    for (const char* name : {"chromium", "chromium-browser"}) {
      const std::string p = JoinPath(dir.empty() ? "." : dir, name);
      if (::access(p.c_str(), X_OK) == 0) return p;
    }
  }
  return "";
}

struct BrowserRun {
  int exit_code = -1;
  std::string console;  // the CONSOLE lines of Chromium's log
  std::string log;
  std::string png;
};

// Loads `html_path` in headless Chromium and takes a screenshot. `timeout`
// only guards against a hung browser; nothing waits on a clock.
BrowserRun LoadInChromium(const std::string& chromium, const TempDir& tmp, const std::string& html_path) {
  BrowserRun run;
  const std::string profile = tmp.Sub("chromium-profile"), shot = tmp.Sub("shot.png"), log = tmp.Sub("chromium.log");
  EXPECT_TRUE(MakeDirs(profile).ok());
  const std::string cmd = "timeout 300 '" + chromium +
                          "' --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                          "--disable-background-networking --disable-component-update --disable-sync "
                          "--hide-scrollbars --enable-logging=stderr --v=0 --user-data-dir='" + profile +
                          "' --window-size=" + std::to_string(kWidth) + "," + std::to_string(kHeight) +
                          " --screenshot='" + shot + "' 'file://" + html_path + "' >'" + log + "' 2>&1";
  const int status = std::system(cmd.c_str());
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  ReadFile(log, &run.log).IgnoreError();  // no log: the checks below fail on it
  std::stringstream lines(run.log);
  for (std::string line; std::getline(lines, line);) {
    if (line.find(":CONSOLE") != std::string::npos) run.console += line + "\n";
  }
  ReadFile(shot, &run.png).IgnoreError();  // no screenshot: the test fails on an empty PNG
  return run;
}

class ReportBrowserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    chromium_ = FindChromium();
    if (chromium_.empty()) {
      GTEST_SKIP() << "chromium is not installed (scripts/install-deps.sh installs it); "
                      "the report is not checked in a browser";
    }
  }
  std::string chromium_;
};

// The check itself works on this browser: a page with a script error, a
// console.error and a blocked load is caught.
TEST_F(ReportBrowserTest, ConsoleErrorsAreCaught) {
  TempDir tmp;
  const std::string page = tmp.Sub("bad.html");
  ASSERT_TRUE(WriteFileAtomic(page,
                              "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" "
                              "content=\"default-src 'none'; script-src 'unsafe-inline'\"></head><body>"
                              "<script>console.error('boom'); null.f();</script>"
                              "<img src=\"http://127.0.0.1:9/x.png\"></body></html>")
                  .ok());
  const BrowserRun run = LoadInChromium(chromium_, tmp, page);
  ASSERT_EQ(run.exit_code, 0) << run.log;
  EXPECT_NE(run.console.find("boom"), std::string::npos) << run.log;
  EXPECT_NE(run.console.find("TypeError"), std::string::npos) << run.log;
  EXPECT_NE(run.console.find("Content Security Policy"), std::string::npos) << run.log;
}

TEST_F(ReportBrowserTest, ReportLoadsCleanAndDraws) {
  TempDir tmp;
  testing::ReportStages stages(tmp);
  ASSERT_NO_FATAL_FAILURE(stages.Make());
  const std::string out = tmp.Sub("report.html");
  const auto r = testing::RunCorpus("report " + tmp.Sub("unique") + " " + tmp.Sub("clean") + " --out " + out +
                                    " 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;

  const BrowserRun run = LoadInChromium(chromium_, tmp, out);
  ASSERT_EQ(run.exit_code, 0) << run.log;
  EXPECT_EQ(run.console, "") << "the report logged to the browser console";

  // CORPUS_REPORT_SHOT=DIR keeps the page and its screenshot, to look at.
  if (const char* keep = std::getenv("CORPUS_REPORT_SHOT"); keep && *keep) {
    std::string html;
    EXPECT_TRUE(ReadFile(out, &html).ok());
    EXPECT_TRUE(WriteFileAtomic(JoinPath(keep, "report.html"), html).ok());
    EXPECT_TRUE(WriteFileAtomic(JoinPath(keep, "report.png"), run.png).ok());
  }
  RgbaImage img;
  ASSERT_EQ(testing::DecodePng(run.png, &img), "") << run.png.size() << " bytes of screenshot";
  ASSERT_EQ(img.width, static_cast<uint32_t>(kWidth));
  ASSERT_EQ(img.height, static_cast<uint32_t>(kHeight));
  std::map<uint32_t, uint64_t> colors;
  for (uint32_t y = 0; y < img.height; ++y) {
    for (uint32_t x = 0; x < img.width; ++x) ++colors[img.Pixel(x, y)];
  }
  uint64_t most = 0;
  for (const auto& [c, n] : colors) most = std::max(most, n);
  const uint64_t pixels = uint64_t{img.width} * img.height;
  // Not blank: many colours, and a good part of the page differs from its
  // background.
  EXPECT_GT(colors.size(), 50u);
  EXPECT_GT(pixels - most, pixels / 10);
  // The header's band and the bars of the charts are drawn (render.cc's
  // colours #1d2a44 and #3b6fd1, #d9683b for removals).
  EXPECT_GT(colors[0x1d2a44], uint64_t{kWidth} * 40);
  EXPECT_GT(colors[0x3b6fd1], 2000u);
  EXPECT_GT(colors[0xd9683b], 500u);
}

}  // namespace
}  // namespace corpus

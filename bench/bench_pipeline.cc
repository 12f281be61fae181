// The whole pipeline as a user runs it, timed stage by stage: real pages
// packed into one WARC, then `corpus extract`, `dedup`, `filter --config
// configs/fineweb.toml` and `shard`, each a whole process. For each stage it
// prints wall seconds, CPU seconds (user + system of the process, from
// wait4) and pages of the input per CPU-second, then the total.
//
// Input: the WCXB development pages and the snippets-dev pages from
// ../shared/data (each page's real URL from its ground truth), written as
// HTTP response records with the project's WarcWriter; or, with --warc, the
// archives given (repeatable). Without ../shared and without --warc there is
// nothing real to measure: it says so and exits 0.
//
//   bench_pipeline [--corpus BIN] [--work DIR] [--threads N]
//                  [--limit N] [--filter-config configs/fineweb.toml] [--keep]
//                  [--warc FILE ...]
//
// Run from the repository root. BIN defaults to the corpus binary beside
// this benchmark. --threads is passed to every stage (default:
// the stage's own default, as `make demo` runs it). The work folder (default
// a fresh one under /tmp) is removed at the end unless --keep.
#include <simdjson.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_proc.h"
#include "bench_util.h"
#include "corpus/io/record_source.h"
#include "corpus/io/warc_writer.h"
#include "corpus/util/fs.h"

namespace {

namespace fs = std::filesystem;

struct Page {
  std::string url;
  std::string html;
};

// Ground-truth JSON field `field` (a string) of `json`, or "".
std::string JsonStringField(simdjson::dom::parser& parser, const std::string& json, const char* field) {
  simdjson::dom::element doc;
  if (parser.parse(json).get(doc)) return "";
  std::string_view v;
  if (doc[field].get(v)) return "";
  return std::string(v);
}

// WCXB: dev/html/NNNN.html.gz, its URL in dev/ground-truth/NNNN.json.
void LoadWcxb(const std::string& root, size_t limit, std::vector<Page>* pages) {
  const std::string html_dir = root + "/dev/html";
  if (!fs::is_directory(html_dir)) return;
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(html_dir)) files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  simdjson::dom::parser parser;
  for (const auto& f : files) {
    if (limit && pages->size() >= limit) return;
    const std::string id = fs::path(f).filename().string().substr(0, 4);
    std::string json, html;
    if (!corpus::ReadFile(root + "/dev/ground-truth/" + id + ".json", &json).ok()) continue;
    std::string url = JsonStringField(parser, json, "url");
    if (url.empty() || !ReadGzipFile(f, &html)) continue;
    pages->push_back({std::move(url), std::move(html)});
  }
}

// snippets-dev: evaldata.json maps each URL to {"file": "<id>.html.gz", ...}.
void LoadSnippets(const std::string& root, size_t limit, std::vector<Page>* pages) {
  std::string json;
  if (!corpus::ReadFile(root + "/evaldata.json", &json).ok()) return;
  simdjson::dom::parser parser;
  simdjson::dom::object doc;
  if (parser.parse(json).get(doc)) return;
  std::vector<std::pair<std::string, std::string>> entries;
  for (auto [key, value] : doc) {
    std::string_view file;
    if (value["file"].get(file)) continue;
    entries.emplace_back(std::string(key), std::string(file));
  }
  std::sort(entries.begin(), entries.end());
  for (const auto& [url, file] : entries) {
    if (limit && pages->size() >= limit) return;
    std::string html;
    if (!ReadGzipFile(root + "/html/" + file, &html)) continue;
    pages->push_back({url, std::move(html)});
  }
}

// Every page as an HTTP response record (WARC 1.1 §6.3) in one WARC file.
std::string WriteWarc(const std::string& dir, const std::vector<Page>& pages) {
  corpus::WarcWriter::Options options;
  options.dir = dir;
  options.prefix = "pages";
  options.max_file_bytes = uint64_t{1} << 40;
  options.warcinfo_fields = "software: corpus bench_pipeline\r\n";
  corpus::WarcWriter writer(options);
  CheckOk(writer.Start());
  for (const auto& p : pages) {
    corpus::WarcOutRecord r;
    r.type = "response";
    r.Add("WARC-Record-ID", corpus::NewWarcRecordId());
    r.Add("WARC-Target-URI", p.url);
    r.Add("Content-Type", "application/http; msgtype=response");
    r.block = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " +
              std::to_string(p.html.size()) + "\r\n\r\n" + p.html;
    CheckOk(writer.Write(std::move(r)));
  }
  CheckOk(writer.Close());
  corpus::WarcWriter::State state;
  CheckOk(writer.Commit(&state));
  return dir + "/" + state.closed.at(0);
}

// The page records the archives hold (what extract will read).
size_t CountPages(const std::vector<std::string>& warcs) {
  std::vector<std::string> files;
  CheckOk(corpus::ResolveInputs(warcs, &files));
  size_t pages = 0;
  for (const auto& f : files) {
    std::unique_ptr<corpus::RecordSource> src;
    CheckOk(corpus::OpenRecordSource(f, &src));
    std::string_view line;
    while (src->Next(&line)) ++pages;
  }
  return pages;
}

}  // namespace

int main(int argc, char** argv) {
  // Default: the corpus binary built beside this benchmark.
  std::string corpus_bin = (fs::path(argv[0]).parent_path() / "corpus").string();
  std::string work;
  std::string threads;
  std::string filter_config = "configs/fineweb.toml";
  size_t limit = 0;
  bool keep = false;
  std::vector<std::string> warcs;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--corpus" && has_value) {
      corpus_bin = argv[++i];
    } else if (a == "--work" && has_value) {
      work = argv[++i];
    } else if (a == "--threads" && has_value) {
      threads = argv[++i];
    } else if (a == "--limit" && has_value) {
      limit = std::strtoul(argv[++i], nullptr, 10);
    } else if (a == "--filter-config" && has_value) {
      filter_config = argv[++i];
    } else if (a == "--warc" && has_value) {
      warcs.push_back(argv[++i]);
    } else if (a == "--keep") {
      keep = true;
    } else {
      std::fprintf(stderr,
                   "usage: bench_pipeline [--corpus BIN] [--work DIR] [--threads N] [--limit N]\n"
                   "                      [--filter-config TOML] [--keep] [--warc FILE ...]\n");
      return 2;
    }
  }
  if (access(corpus_bin.c_str(), X_OK) != 0) {
    std::fprintf(stderr, "bench_pipeline: %s is not an executable (build the corpus target)\n",
                 corpus_bin.c_str());
    return 1;
  }
  std::vector<Page> pages;
  if (warcs.empty()) {
    std::string shared = "../shared/data";
    if (!fs::is_directory(shared)) shared = "../../shared/data";
    if (!fs::is_directory(shared)) {
      std::printf("bench_pipeline: ../shared/data absent; no real pages to measure\n");
      return 0;
    }
    LoadWcxb(shared + "/wcxb-dev", limit, &pages);
    LoadSnippets(shared + "/snippets-dev", limit, &pages);
    if (pages.empty()) {
      std::printf("bench_pipeline: no pages found under %s\n", shared.c_str());
      return 0;
    }
  }

  if (work.empty()) {
    char tmpl[] = "/tmp/bench_pipeline.XXXXXX";
    if (!mkdtemp(tmpl)) {
      std::perror("mkdtemp");
      return 1;
    }
    work = tmpl;
  }
  CheckOk(corpus::MakeDirs(work));
  size_t page_count = 0;
  if (warcs.empty()) {
    warcs.push_back(WriteWarc(work + "/warc", pages));
    size_t html_bytes = 0;
    for (const auto& p : pages) html_bytes += p.html.size();
    page_count = pages.size();
    std::printf("input: %zu pages, %.1f MB of HTML, WARC %.1f MB (%s)\n", page_count,
                html_bytes / 1e6, static_cast<double>(fs::file_size(warcs[0])) / 1e6,
                warcs[0].c_str());
  } else {
    page_count = CountPages(warcs);
    std::printf("input: %zu page records in %zu archive(s)\n", page_count, warcs.size());
  }
  std::vector<std::string> extract_args = {"extract", "--in"};
  extract_args.insert(extract_args.end(), warcs.begin(), warcs.end());
  extract_args.insert(extract_args.end(), {"--out", work + "/docs"});

  struct Stage {
    const char* name;
    std::vector<std::string> args;
  };
  const std::vector<Stage> stages = {
      {"extract", extract_args},
      {"dedup", {"dedup", "--in", work + "/docs", "--out", work + "/unique"}},
      {"filter", {"--config", filter_config, "filter", "--in", work + "/unique", "--out", work + "/clean"}},
      {"shard", {"shard", "--in", work + "/clean", "--out", work + "/release"}},
  };
  const double n = static_cast<double>(page_count);
  double total_wall = 0, total_cpu = 0;
  std::printf("%-10s %10s %10s %16s\n", "stage", "wall s", "CPU s", "pages/CPU-s");
  for (const auto& stage : stages) {
    std::vector<std::string> args = stage.args;
    args.push_back("--no-progress");
    if (!threads.empty()) {
      args.push_back("--threads");
      args.push_back(threads);
    }
    args.insert(args.begin(), corpus_bin);
    const corpus_bench::ProcResult r = corpus_bench::RunProcess(args, "");
    // Exit 3: finished, some input set aside in rejected/ (still a full run).
    if (r.exit_code != 0 && r.exit_code != 3) {
      std::fprintf(stderr, "bench_pipeline: corpus %s exited with %d\n", stage.name, r.exit_code);
      return 1;
    }
    total_wall += r.wall;
    total_cpu += r.cpu;
    std::printf("%-10s %10.2f %10.2f %16.1f\n", stage.name, r.wall, r.cpu, n / r.cpu);
  }
  std::printf("%-10s %10.2f %10.2f %16.1f\n", "total", total_wall, total_cpu, n / total_cpu);
  if (!keep) {
    std::error_code ec;
    fs::remove_all(work, ec);
  } else {
    std::printf("stage folders kept in %s\n", work.c_str());
  }
  return 0;
}

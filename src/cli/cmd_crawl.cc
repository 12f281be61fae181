#include <spdlog/spdlog.h>

#include "corpus/cli/commands.h"
#include "corpus/util/byte_size.h"
#include "corpus/crawl/crawl_config.h"
#include "corpus/crawl/crawler.h"

namespace corpus {
namespace {

struct CrawlFlags {
  CommonOptions opts;
  CrawlConfig config;
  std::string scope = "host";
  std::string timeout = "20s";
  std::string partition_by = "host";
  std::string peer_timeout = "10m";
};

}  // namespace

void AddCrawlCommand(CLI::App& app, CliState* state) {
  auto f = std::make_shared<CrawlFlags>();
  CrawlConfig& c = f->config;
  CLI::App* sub = AddSubcommand(app, "crawl");
  f->opts.zstd_level = c.zstd_level;  // the crawl's own default (crawl_config.h)
  AddCommonStageFlags(sub, &f->opts, /*needs_in=*/false);
  sub->add_option("--seeds", c.seeds_file, "Seed URLs, one per line, # comments");
  sub->add_option("--max-pages", c.max_pages, "Stop after this many pages (0: no limit)");
  sub->add_option("--max-depth", c.max_depth,
                  "Link hops from a seed; seeds are depth 0 (-1: none; 20 as Heritrix)")
      ->capture_default_str();
  sub->add_option("--scope", f->scope, "Stay on the seeds' host, registrable domain, or go anywhere")
      ->check(CLI::IsMember({"host", "domain", "any"}))
      ->capture_default_str();
  sub->add_option("--include", c.include_regex, "Only follow URLs matching this RE2 regex");
  sub->add_option("--exclude", c.exclude_regex, "Never follow URLs matching this RE2 regex");
  sub->add_option("--concurrency", c.concurrency, "Requests in flight overall")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--per-host-concurrency", c.per_host_concurrency, "Requests in flight per host")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--per-host-delay", c.per_host_delay_ms,
                  "Milliseconds from the end of a response to the next request to that host")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  sub->add_option("--max-crawl-delay", c.max_crawl_delay_ms,
                  "Cap in ms on a robots.txt Crawl-delay")
      ->capture_default_str();
  sub->add_option("--user-agent", c.user_agent, "User-Agent (default corpus/VERSION (+URL))");
  AddByteSizeOption(sub, "--max-body", &c.max_body_bytes, "10MiB",
                    "Body cap; longer pages are kept truncated (e.g. 10MiB)");
  sub->add_option("--timeout", f->timeout, "Total time per request (e.g. 20s, 500ms; Heritrix waits 20 s for a silent socket)")
      ->capture_default_str();
  sub->add_flag("--allow-private-networks", c.allow_private_networks,
                "Allow loopback/private/link-local addresses (tests, intranets)");
  sub->add_option("--refresh", c.refresh_dir,
                  "Earlier pages folder to re-fetch with If-None-Match/If-Modified-Since");
  sub->add_option("--warc", c.warc_dir,
                  "Also archive every request and response (robots.txt included) as WARC/1.1 "
                  "files in this folder, bytes as sent and received");
  AddByteSizeOption(sub, "--warc-max-size", &c.warc_max_bytes, "1GB", "Start a new WARC file after this size");
  sub->add_flag("--sitemaps", c.sitemaps, "Also crawl the URLs of robots.txt Sitemap: lines");
  sub->add_option("--max-pages-per-host", c.max_pages_per_host,
                  "Pages kept per host; further URLs of it are rejected as trap (0: none)")
      ->capture_default_str();
  sub->add_option("--max-urls-per-family", c.max_urls_per_family,
                  "URLs of one family (alike but for numbers, or one query value) reached "
                  "through pages of self-linking families; the rest are rejected as trap "
                  "(0: none; docs/crawl-traps.md)")
      ->capture_default_str();
  sub->add_option("--trap-memory", c.trap_memory_entries,
                  "Family and host counters held in RAM (smallest forgotten first)")
      ->capture_default_str();
  sub->add_option("--part-max-records", c.part_max_records,
                  "Records per part file before the next is begun")
      ->capture_default_str();
  AddByteSizeOption(sub, "--part-max-size", &c.part_max_bytes, "256MiB",
                    "Bytes per part file on disk before the next is begun (e.g. 256MiB)");
  sub->add_option("--max-url-length", c.max_url_length, "Longer URLs are traps")->capture_default_str();
  sub->add_option("--max-path-depth", c.max_path_depth, "URLs with more path segments are traps")
      ->capture_default_str();
  sub->add_option("--queue-memory", c.queue_memory_entries,
                  "URLs held in RAM by the frontier; the rest wait on disk")
      ->capture_default_str();
  sub->add_option("--seen-memory", c.seen_memory_entries,
                  "URL hashes held in RAM by the seen set; the rest spill to disk")
      ->capture_default_str();
  sub->add_option("--partition-by", f->partition_by,
                  "With --num-tasks: tasks share out hosts by the hash of the host or of its "
                  "registrable domain")
      ->check(CLI::IsMember({"host", "domain"}))
      ->capture_default_str();
  sub->add_option("--peer-timeout", f->peer_timeout,
                  "With --num-tasks: how long idle tasks wait for a task that never starts or "
                  "stops reporting before they end naming its slice (e.g. 10m, 30s)")
      ->capture_default_str();
  sub->add_option("--checkpoint-interval", c.checkpoint_interval_ms,
                  "Milliseconds between commits of output and frontier")
      ->capture_default_str();
  sub->callback([sub, state, f] {
    PrepareStageRun(sub, &f->opts, *state);
    CrawlConfig& c = f->config;
    StageOutcome outcome;
    c.out_dir = f->opts.out_dir;
    c.force = f->opts.force;
    c.zstd_level = f->opts.zstd_level;
    c.threads = f->opts.threads;
    c.progress = f->opts.progress;
    ParseCrawlScope(f->scope, &c.scope);
    c.task_index = f->opts.task_index;
    c.num_tasks = f->opts.num_tasks;
    ParsePartitionBy(f->partition_by, &c.partition_by);
    int64_t timeout_ms = 0;
    if (Status st2 = ParseDurationMs(f->timeout, &timeout_ms); !st2.ok() || timeout_ms <= 0) {
      outcome.status = Status::InvalidArgument("--timeout: not a duration: " + f->timeout);
    } else if (Status st3 = ParseDurationMs(f->peer_timeout, &c.peer_timeout_ms); !st3.ok()) {
      outcome.status = Status::InvalidArgument("--peer-timeout: not a duration: " + f->peer_timeout);
    } else {
      c.timeout_ms = static_cast<int>(timeout_ms);
      c.connect_timeout_ms = std::min(c.connect_timeout_ms, c.timeout_ms);
      Crawler crawler(c);
      outcome = crawler.Run();
    }
    state->exit_code = FinishStageRun("crawl", outcome, f->opts);
  });
}

}  // namespace corpus

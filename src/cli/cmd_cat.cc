#include <spdlog/spdlog.h>

#include <cstdio>

#include "corpus/cli/commands.h"
#include "corpus/io/record.h"
#include "corpus/io/record_source.h"
#include "corpus/util/json.h"

namespace corpus {
namespace {

struct CatConfig {
  std::vector<std::string> paths;
  long long limit = -1;
  std::vector<std::string> fields;
};

int RunCat(const CatConfig& cfg) {
  std::vector<std::string> files;
  Status st = ResolveInputs(cfg.paths, &files);
  if (!st.ok()) {
    std::fprintf(stderr, "corpus cat: %s\n", st.message().c_str());
    return kExitUsage;
  }
  int code = kExitOk;
  long long printed = 0;
  Record rec;
  std::string out;
  for (const auto& file : files) {
    std::unique_ptr<RecordSource> src;
    st = OpenRecordSource(file, &src);
    if (!st.ok()) {
      spdlog::error("cat: {}", st.ToString());
      code = kExitFatal;
      continue;
    }
    std::string_view line;
    while ((cfg.limit < 0 || printed < cfg.limit) && src->Next(&line)) {
      out.clear();
      if (cfg.fields.empty()) {
        out.assign(line);
      } else {
        if (!rec.Parse(line).ok()) {
          spdlog::warn("cat: {} line {}: malformed record skipped", file, src->position());
          code = std::max(code, static_cast<int>(kExitMalformedInput));
          continue;
        }
        out = "{";
        bool first = true;
        for (const auto& f : cfg.fields) {
          auto raw = rec.GetRaw(f);
          if (!raw) continue;
          if (!first) out += ",";
          first = false;
          AppendJsonString(&out, f);
          out += ":";
          out.append(*raw);
        }
        out += "}";
      }
      out.push_back('\n');
      if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size()) return kExitFatal;  // closed pipe
      ++printed;
    }
    if (!src->status().ok()) {
      spdlog::warn("cat: {}", src->status().message());
      code = std::max(code, static_cast<int>(kExitMalformedInput));
    }
    if (cfg.limit >= 0 && printed >= cfg.limit) break;
  }
  std::fflush(stdout);
  return code;
}

}  // namespace

void AddCatCommand(CLI::App& app, CliState* state) {
  auto cfg = std::make_shared<CatConfig>();
  CLI::App* sub = AddSubcommand(app, "cat");
  sub->add_option("paths", cfg->paths, "Shard files, stage folders, WARC/WET files or globs")
      ->required()
      ->expected(1, -1);
  sub->add_option("--limit", cfg->limit, "Print at most N records");
  sub->add_option("--fields", cfg->fields, "Only these top-level fields, in this order")
      ->delimiter(',');
  sub->callback([state, cfg] {
    spdlog::set_level(spdlog::level::from_str(state->log_level));
    state->exit_code = RunCat(*cfg);
  });
}

}  // namespace corpus

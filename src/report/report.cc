#include "corpus/report/report.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <mutex>

#include "corpus/io/record_source.h"
#include "corpus/util/fs.h"
#include "corpus/util/parallel_for.h"

namespace corpus {

Status ProfileStageDir(const std::string& dir, const ReportConfig& config, StageReport* out) {
  out->profile = StageProfile(config.limits);
  out->damaged.clear();
  Status st = ReadStageSummary(dir, &out->summary);
  if (st.IsNotFound()) return Status::InvalidArgument(st.message());
  CORPUS_RETURN_IF_ERROR(st);
  // Kept records, then removed ones; every file is read once.
  struct Input {
    std::string path;
    bool rejected = false;
  };
  std::vector<Input> inputs;
  std::vector<std::string> files;
  CORPUS_RETURN_IF_ERROR(ResolveInputs({dir}, &files));
  for (auto& f : files) inputs.push_back({std::move(f), false});
  const std::string rejected = JoinPath(dir, "rejected");
  if (IsDirectory(rejected)) {
    CORPUS_RETURN_IF_ERROR(ResolveInputs({rejected}, &files));
    for (auto& f : files) inputs.push_back({std::move(f), true});
  }
  std::mutex mu;
  const int threads = config.threads > 0 ? config.threads : AvailableCpus();
  st = ParallelFor(inputs.size(), threads, [&](size_t i) -> Status {
    const Input& in = inputs[i];
    StageProfile part(config.limits);
    std::unique_ptr<RecordSource> src;
    Status open = OpenRecordSource(in.path, &src);
    std::string damage;
    if (open.ok()) {
      std::string_view line;
      while (src->Next(&line)) {
        if (in.rejected) {
          part.AddRejected(line);
        } else {
          part.AddKept(line);
        }
      }
      if (!src->status().ok()) damage = src->status().message();
    } else {
      damage = open.message();
    }
    std::lock_guard<std::mutex> lock(mu);
    out->profile.Merge(part);
    if (!damage.empty()) out->damaged.push_back(in.path + ": " + damage);
    return Status::OK();
  });
  std::sort(out->damaged.begin(), out->damaged.end());
  return st;
}

Status WriteReport(const ReportConfig& config, ReportResult* result) {
  *result = ReportResult();
  if (config.dirs.empty()) return Status::InvalidArgument("no stage folders given");
  if (config.out.empty()) return Status::InvalidArgument("--out is required");
  std::vector<StageReport> stages(config.dirs.size());
  for (size_t i = 0; i < config.dirs.size(); ++i) {
    CORPUS_RETURN_IF_ERROR(ProfileStageDir(config.dirs[i], config, &stages[i]));
    result->records += stages[i].profile.kept() + stages[i].profile.rejected();
    for (const auto& d : stages[i].damaged) result->damaged.push_back(d);
  }
  const std::string parent = std::filesystem::path(config.out).parent_path().string();
  if (!parent.empty()) CORPUS_RETURN_IF_ERROR(MakeDirs(parent));
  return WriteFileAtomic(config.out, RenderReportHtml(config, stages));
}

}  // namespace corpus

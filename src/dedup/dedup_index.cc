#include "corpus/dedup/dedup_index.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "corpus/dedup/text_normalizer.h"
#include "corpus/dedup/work_files.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"

namespace corpus::dedup {
namespace {

std::string MetaJson(const DedupOptions& o) {
  return JsonObjectWriter()
      .Int("ngram", o.minhash.ngram)
      .Int("bands", o.minhash.bands)
      .Int("rows", o.minhash.rows)
      .Uint("seed", o.minhash.seed)
      .Int("partitions", o.partitions)
      .String("normalizer", kDedupNormalizerVersion)
      .Finish();
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Status DedupIndex::ListGenerations(const DedupOptions& opts, std::vector<std::string>* gens) const {
  gens->clear();
  if (!IsDirectory(dir_)) return Status::OK();  // a first run starts the index
  std::error_code ec;
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("gen-", 0) != 0 || EndsWith(name, ".tmp") || EndsWith(name, "-" + tag_)) continue;
    names.push_back(name);
  }
  if (ec) return Status::IOError("cannot list index " + dir_ + ": " + ec.message());
  std::sort(names.begin(), names.end());
  const std::string want = MetaJson(opts);
  for (const auto& name : names) {
    const std::string gen = JoinPath(dir_, name);
    std::string meta;
    CORPUS_RETURN_IF_ERROR(ReadFile(JoinPath(gen, "meta.json"), &meta));
    while (!meta.empty() && meta.back() == '\n') meta.pop_back();
    if (meta != want) {
      return Status::InvalidArgument("index " + gen + " was built with other settings (" + meta +
                                     "; this run: " + want + ")");
    }
    gens->push_back(gen);
  }
  return Status::OK();
}

Status DedupIndex::BeginGeneration(const DedupOptions& opts, size_t earlier_gens, std::string* tmp_dir) {
  char seq[16];
  std::snprintf(seq, sizeof(seq), "%06zu", earlier_gens + 1);
  final_ = JoinPath(dir_, std::string("gen-") + seq + "-" + tag_);
  tmp_ = final_ + ".tmp";
  CORPUS_RETURN_IF_ERROR(RemoveTree(tmp_));
  CORPUS_RETURN_IF_ERROR(MakeDirs(tmp_));
  CORPUS_RETURN_IF_ERROR(WriteFileAtomic(JoinPath(tmp_, "meta.json"), MetaJson(opts) + "\n"));
  *tmp_dir = tmp_;
  return Status::OK();
}

Status DedupIndex::CommitGeneration() {
  // Any earlier generation of this run (a rerun) is replaced.
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("gen-", 0) == 0 && EndsWith(name, "-" + tag_)) {
      CORPUS_RETURN_IF_ERROR(RemoveTree(entry.path().string()));
    }
  }
  if (ec) return Status::IOError("cannot list index " + dir_ + ": " + ec.message());
  return RenameDurable(tmp_, final_);
}

}  // namespace corpus::dedup

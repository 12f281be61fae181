// Phase 1 of dedup (dedup_stage.h): one unit per input file. Reads the
// records, computes what later phases need, and writes the input's store
// (doc_store.h) under DIR/_work/signatures/<unit>/.

#include <spdlog/spdlog.h>
#include <xxhash.h>

#include <ctime>
#include <filesystem>
#include <memory>
#include <unordered_set>

#include "corpus/dedup/dedup_job.h"
#include "corpus/dedup/doc_store.h"
#include "corpus/dedup/line_dedup.h"
#include "corpus/dedup/minhash.h"
#include "corpus/dedup/text_normalizer.h"
#include "corpus/io/record.h"
#include "corpus/io/record_source.h"
#include "corpus/stage/progress.h"
#include "corpus/stage/signals.h"
#include "corpus/util/fs.h"
#include "corpus/util/rfc3339.h"

namespace corpus::dedup {
namespace {

// The store files of one input under construction.
class StoreWriter {
 public:
  StoreWriter(const std::string& dir, int partitions)
      : docs_(StorePaths::Docs(dir)), ids_(StorePaths::Ids(dir)), sigs_(StorePaths::Sigs(dir)) {
    for (int p = 0; p < partitions; ++p) {
      bands_.push_back(std::make_unique<RawFileWriter>(StorePaths::Band(dir, p)));
    }
  }
  RawFileWriter& docs() { return docs_; }
  RawFileWriter& ids() { return ids_; }
  RawFileWriter& sigs() { return sigs_; }
  Status Band(uint64_t hash, uint64_t ordinal, uint32_t band) {
    BandEntry e{hash, ordinal, band};
    return bands_[hash % bands_.size()]->Put(e);
  }
  Status Commit() {
    for (auto& b : bands_) CORPUS_RETURN_IF_ERROR(b->Commit());
    CORPUS_RETURN_IF_ERROR(sigs_.Commit());
    CORPUS_RETURN_IF_ERROR(ids_.Commit());
    return docs_.Commit();
  }

 private:
  RawFileWriter docs_, ids_, sigs_;
  std::vector<std::unique_ptr<RawFileWriter>> bands_;
};

// Signs one input into its store and writes the unit's marker.
Status SignInput(const DedupJob& job, size_t input, const MinHasher& hasher, Progress& progress) {
  const std::string& path = job.inputs[input];
  const std::string dir = job.UnitStoreDir(input);
  CORPUS_RETURN_IF_ERROR(RemoveTree(dir));
  CORPUS_RETURN_IF_ERROR(MakeDirs(dir));
  std::unique_ptr<RecordSource> source;
  CORPUS_RETURN_IF_ERROR(OpenRecordSource(path, &source));

  const DedupOptions& o = job.opts;
  StoreWriter out(dir, o.partitions);
  StageCounts counts;
  Record record;
  std::string_view line;
  std::vector<uint64_t> sig, bands, line_hashes;
  std::vector<uint32_t> compact(hasher.params().num_hashes());
  const std::vector<uint32_t> no_sig(compact.size(), 0);
  uint64_t ordinal = 0;
  uint64_t last_offset = 0;
  while (source->Next(&line)) {
    if (StopRequested()) return Status::Aborted("stopped by signal");
    progress.records.fetch_add(1, std::memory_order_relaxed);
    progress.bytes.fetch_add(source->file_offset() - last_offset, std::memory_order_relaxed);
    last_offset = source->file_offset();
    counts.records_in++;
    counts.bytes_in += line.size() + 1;
    // The same records the apply phase will see (RunMapStage): parseable,
    // with a string id. Malformed lines are rejected there, not here.
    if (!record.Parse(line).ok()) continue;
    const auto raw_id = record.GetRaw("id");
    if (!raw_id || raw_id->empty() || raw_id->front() != '"') continue;
    const std::string id = record.GetString("id").value_or("");

    DocEntry doc{};
    doc.id_hash = XXH3_64bits(id.data(), id.size());
    doc.id_offset = out.ids().bytes();
    doc.id_len = static_cast<uint32_t>(id.size());
    CORPUS_RETURN_IF_ERROR(out.ids().Append(id.data(), id.size()));

    const std::optional<std::string> text = record.GetString("text");
    bool signed_doc = false;
    if (text && !text->empty()) {
      doc.flags |= kHasText;
      doc.text_bytes = static_cast<uint32_t>(std::min<size_t>(text->size(), UINT32_MAX));
      const std::string norm = NormalizeDedupText(*text);
      if (!norm.empty()) {
        doc.text_hash = XXH3_64bits(norm.data(), norm.size());
        if (o.exact_text) CORPUS_RETURN_IF_ERROR(out.Band(doc.text_hash, ordinal, kTextBand));
      }
      // Without --near, signatures are not needed (exact_url similarities
      // are then reported as unknown).
      if (o.near && hasher.Compute(norm, &sig)) {
        doc.flags |= kHasSignature;
        signed_doc = true;
        CompactSignatureOf(sig, compact.data());
        hasher.BandHashes(sig, &bands);
        for (size_t b = 0; b < bands.size(); ++b) {
          CORPUS_RETURN_IF_ERROR(out.Band(bands[b], ordinal, static_cast<uint32_t>(b)));
        }
      }
      if (const auto url = record.GetString("url"); url && !url->empty()) {
        const std::string nu = NormalizeDedupUrl(*url);
        doc.flags |= kHasUrl;
        doc.url_hash = XXH3_64bits(nu.data(), nu.size());
        if (o.exact_url) CORPUS_RETURN_IF_ERROR(out.Band(doc.url_hash, ordinal, kUrlBand));
      }
      if (const auto at = record.GetString("fetched_at"); at && ParseRfc3339(*at, &doc.fetched_at)) {
        doc.flags |= kHasFetchedAt;
      }
      if (o.lines > 0) {
        DistinctLineHashes(*text, &line_hashes);
        for (uint64_t h : line_hashes) CORPUS_RETURN_IF_ERROR(out.Band(h, ordinal, kLineBand));
      }
    } else {
      counts.counters["no_text"]++;
    }
    if (doc.flags & kHasSignature) counts.counters["signed"]++;
    CORPUS_RETURN_IF_ERROR(out.docs().Put(doc));
    const std::vector<uint32_t>& s = signed_doc ? compact : no_sig;
    CORPUS_RETURN_IF_ERROR(out.sigs().Append(s.data(), s.size() * sizeof(uint32_t)));
    ++ordinal;
    if (ordinal >= (uint64_t{1} << kOrdinalBits)) return Status::InvalidArgument("input too large: " + path);
  }
  const Status src = source->status();
  if (!src.ok() && !src.IsCorruption()) return src;
  CORPUS_RETURN_IF_ERROR(out.Commit());

  DoneMarker marker;
  marker.unit = job.units[input];
  marker.input = path;
  const StageConfig config = job.ConfigOf("signatures");
  marker.fingerprint = config.Fingerprint();
  marker.config = config.entries();
  marker.counts = counts;
  if (!src.ok()) marker.damage = src.message();
  return job.PhaseDir("signatures").WriteDone(marker);
}

}  // namespace

Status RunSignaturesPhase(const DedupJob& job) {
  const StageDir dir = job.PhaseDir("signatures");
  const std::vector<std::string> mine = TaskSlice(job.units, job.common.task_index, job.common.num_tasks);
  std::vector<std::string> todo;
  CORPUS_RETURN_IF_ERROR(dir.Create());
  CORPUS_RETURN_IF_ERROR(dir.Plan(mine, job.ConfigOf("signatures"), job.common.force, &todo));
  const std::unordered_set<std::string> todo_set(todo.begin(), todo.end());
  std::vector<size_t> work;
  for (size_t i = 0; i < job.units.size(); ++i) {
    if (todo_set.count(job.units[i])) work.push_back(i);
  }
  spdlog::info("dedup signatures: {} of {} inputs to sign", work.size(), mine.size());
  uint64_t total_bytes = 0;
  for (size_t i : work) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(job.inputs[i], ec);
    if (!ec) total_bytes += size;
  }
  Progress progress("dedup signatures", job.common.progress, total_bytes, work.size());
  const MinHasher hasher(job.opts.minhash);
  const Status st = ParallelFor(work.size(), job.common.EffectiveThreads(), [&](size_t i) {
    CORPUS_RETURN_IF_ERROR(SignInput(job, work[i], hasher, progress));
    progress.units_done.fetch_add(1);
    return Status::OK();
  });
  progress.Stop();
  return st;
}

}  // namespace corpus::dedup

// Phase 1 of dedup (dedup_stage.h): one unit per input file. Reads the
// records, computes what later phases need, and writes the input's store
// (doc_store.h) under DIR/_work/signatures/<unit>/.

#include <spdlog/spdlog.h>
#include <xxhash.h>

#include <algorithm>
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
#include "corpus/stage/record_ranges.h"
#include "corpus/stage/signals.h"
#include "corpus/util/fs.h"
#include "corpus/util/parallel_for.h"
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

// One range's documents, signed but not yet numbered.
struct SignedRange : public RangeResult {
  struct Doc {
    DocEntry entry{};  // id_offset is set when the range is committed
    std::string id;
    bool has_sig = false;
    size_t bands_end = 0;  // end of this document's entries in `bands`
  };
  std::vector<Doc> docs;
  std::vector<std::pair<uint64_t, uint32_t>> bands;  // (hash, band), in write order
  std::vector<uint32_t> sigs;                        // num_hashes per document with has_sig
  StageCounts counts;
};

// Signs the ranges of one input (any thread) and writes them to its store in
// input order, numbering the documents: the n-th record ParseInputRecord()
// accepts is ordinal n, as in the apply phase.
class SignJob : public RangeJob {
 public:
  SignJob(const DedupJob& job, const std::string& path, const MinHasher& hasher, StoreWriter& out)
      : opts_(job.opts), path_(path), hasher_(hasher), out_(out) {}

  Status Process(const RecordRange& range, std::unique_ptr<RangeResult>* result) override {
    auto r = std::make_unique<SignedRange>();
    Record record;
    std::vector<uint64_t> sig, band_hashes, line_hashes;
    const size_t num_hashes = hasher_.params().num_hashes();
    for (size_t i = 0; i < range.size(); ++i) {
      if (StopRequested()) return Status::Aborted("stopped by signal");
      const std::string_view line = range.record(i);
      r->counts.records_in++;
      r->counts.bytes_in += line.size() + 1;
      // Malformed lines get no ordinal; the apply phase rejects them.
      if (!ParseInputRecord(line, /*requires_id=*/true, &record).ok()) continue;
      SignedRange::Doc d;
      d.id = record.GetString("id").value_or("");
      DocEntry& doc = d.entry;
      doc.id_hash = XXH3_64bits(d.id.data(), d.id.size());
      doc.id_len = static_cast<uint32_t>(d.id.size());

      const std::optional<std::string> text = record.GetString("text");
      if (text && !text->empty()) {
        doc.flags |= kHasText;
        doc.text_bytes = static_cast<uint32_t>(std::min<size_t>(text->size(), UINT32_MAX));
        const std::string norm = NormalizeDedupText(*text);
        if (!norm.empty()) {
          doc.text_hash = XXH3_64bits(norm.data(), norm.size());
          if (opts_.exact_text) r->bands.emplace_back(doc.text_hash, kTextBand);
        }
        // Without --near, signatures are not needed (exact_url similarities
        // are then reported as unknown).
        if (opts_.near && hasher_.Compute(norm, &sig)) {
          doc.flags |= kHasSignature;
          d.has_sig = true;
          r->sigs.resize(r->sigs.size() + num_hashes);
          CompactSignatureOf(sig, r->sigs.data() + r->sigs.size() - num_hashes);
          hasher_.BandHashes(sig, &band_hashes);
          for (size_t b = 0; b < band_hashes.size(); ++b) {
            r->bands.emplace_back(band_hashes[b], static_cast<uint32_t>(b));
          }
        }
        if (const auto url = record.GetString("url"); url && !url->empty()) {
          const std::string nu = NormalizeDedupUrl(*url);
          doc.flags |= kHasUrl;
          doc.url_hash = XXH3_64bits(nu.data(), nu.size());
          if (opts_.exact_url) r->bands.emplace_back(doc.url_hash, kUrlBand);
        }
        if (const auto at = record.GetString("fetched_at"); at && ParseRfc3339(*at, &doc.fetched_at)) {
          doc.flags |= kHasFetchedAt;
        }
        if (opts_.lines > 0) {
          DistinctLineHashes(*text, &line_hashes);
          for (uint64_t h : line_hashes) r->bands.emplace_back(h, kLineBand);
        }
      } else {
        r->counts.counters["no_text"]++;
      }
      if (doc.flags & kHasSignature) r->counts.counters["signed"]++;
      d.bands_end = r->bands.size();
      r->docs.push_back(std::move(d));
    }
    *result = std::move(r);
    return Status::OK();
  }

  Status Commit(const RecordRange&, std::unique_ptr<RangeResult> result) override {
    const auto& r = static_cast<const SignedRange&>(*result);
    const size_t num_hashes = hasher_.params().num_hashes();
    const std::vector<uint32_t> no_sig(num_hashes, 0);
    size_t band = 0, sig = 0;
    for (const SignedRange::Doc& d : r.docs) {
      DocEntry doc = d.entry;
      doc.id_offset = out_.ids().bytes();
      CORPUS_RETURN_IF_ERROR(out_.ids().Append(d.id.data(), d.id.size()));
      for (; band < d.bands_end; ++band) {
        CORPUS_RETURN_IF_ERROR(out_.Band(r.bands[band].first, ordinal_, r.bands[band].second));
      }
      CORPUS_RETURN_IF_ERROR(out_.docs().Put(doc));
      const uint32_t* s = no_sig.data();
      if (d.has_sig) {
        s = r.sigs.data() + sig;
        sig += num_hashes;
      }
      CORPUS_RETURN_IF_ERROR(out_.sigs().Append(s, num_hashes * sizeof(uint32_t)));
      ++ordinal_;
      if (ordinal_ >= (uint64_t{1} << kOrdinalBits)) return Status::InvalidArgument("input too large: " + path_);
    }
    counts.Add(r.counts);
    return Status::OK();
  }

  StageCounts counts;

 private:
  const DedupOptions& opts_;
  const std::string& path_;
  const MinHasher& hasher_;
  StoreWriter& out_;
  uint64_t ordinal_ = 0;
};

// Signs one input into its store and writes the unit's marker.
Status SignInput(const DedupJob& job, size_t input, const MinHasher& hasher, const RangeOptions& ranges,
                 Progress& progress) {
  const std::string& path = job.inputs[input];
  const std::string dir = job.UnitStoreDir(input);
  CORPUS_RETURN_IF_ERROR(RemoveTree(dir));
  CORPUS_RETURN_IF_ERROR(MakeDirs(dir));
  std::unique_ptr<RecordSource> source;
  CORPUS_RETURN_IF_ERROR(OpenRecordSource(path, &source));

  StoreWriter out(dir, job.opts.partitions);
  SignJob sign(job, path, hasher, out);
  CORPUS_RETURN_IF_ERROR(RunRecordRanges(*source, ranges, sign, &progress));
  const Status src = source->status();
  if (!src.ok() && !src.IsCorruption()) return src;
  CORPUS_RETURN_IF_ERROR(out.Commit());

  DoneMarker marker;
  marker.unit = job.units[input];
  marker.input = path;
  const StageConfig config = job.ConfigOf("signatures");
  marker.fingerprint = config.Fingerprint();
  marker.config = config.entries();
  marker.counts = sign.counts;
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
  // Inputs run side by side; the threads left over split each input into
  // ranges (the store does not depend on how many).
  const int threads = job.common.EffectiveThreads();
  const int outer = std::max(1, std::min<int>(threads, static_cast<int>(work.size())));
  RangeOptions ranges;
  ranges.range_bytes = job.common.range_bytes;
  ranges.threads = std::max(1, threads / outer);
  const Status st = ParallelFor(work.size(), outer, [&](size_t i) {
    CORPUS_RETURN_IF_ERROR(SignInput(job, work[i], hasher, ranges, progress));
    progress.units_done.fetch_add(1);
    return Status::OK();
  });
  progress.Stop();
  return st;
}

}  // namespace corpus::dedup

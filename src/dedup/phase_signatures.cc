// Phase 1 of dedup (dedup_stage.h), a MapStage run by RunMapStage: one unit
// per input file. Reads the records, computes what later phases need, and
// writes the input's store (doc_store.h) under DIR/_work/signatures/<unit>/.

#include <xxhash.h>

#include <algorithm>
#include <map>
#include <memory>

#include "corpus/dedup/dedup_job.h"
#include "corpus/dedup/doc_store.h"
#include "corpus/dedup/line_dedup.h"
#include "corpus/dedup/minhash.h"
#include "corpus/dedup/text_normalizer.h"
#include "corpus/io/record.h"
#include "corpus/stage/map_stage.h"
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

// Signs the records of one range of an input (any thread), keeping the
// documents in memory until the sink numbers and stores them.
class SignProcessor : public RecordProcessor {
 public:
  struct Doc {
    DocEntry entry{};  // id_offset is set when the range is committed
    std::string id;
    bool has_sig = false;
    size_t bands_end = 0;  // end of this document's entries in `bands`
  };

  SignProcessor(const DedupOptions& opts, const MinHasher& hasher) : opts_(opts), hasher_(hasher) {}

  Status Process(Record& record, Emitter& out) override {
    const size_t num_hashes = hasher_.params().num_hashes();
    Doc d;
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
        if (opts_.exact_text) bands.emplace_back(doc.text_hash, kTextBand);
      }
      // Without --near, signatures are not needed (exact_url similarities
      // are then reported as unknown).
      if (opts_.near && hasher_.Compute(norm, &sig_)) {
        doc.flags |= kHasSignature;
        d.has_sig = true;
        sigs.resize(sigs.size() + num_hashes);
        CompactSignatureOf(sig_, sigs.data() + sigs.size() - num_hashes);
        hasher_.BandHashes(sig_, &band_hashes_);
        for (size_t b = 0; b < band_hashes_.size(); ++b) {
          bands.emplace_back(band_hashes_[b], static_cast<uint32_t>(b));
        }
      }
      if (const auto url = record.GetString("url"); url && !url->empty()) {
        const std::string nu = NormalizeDedupUrl(*url);
        doc.flags |= kHasUrl;
        doc.url_hash = XXH3_64bits(nu.data(), nu.size());
        if (opts_.exact_url) bands.emplace_back(doc.url_hash, kUrlBand);
      }
      if (const auto at = record.GetString("fetched_at"); at && ParseRfc3339(*at, &doc.fetched_at)) {
        doc.flags |= kHasFetchedAt;
      }
      if (opts_.lines > 0) {
        DistinctLineHashes(*text, &line_hashes_);
        for (uint64_t h : line_hashes_) bands.emplace_back(h, kLineBand);
      }
    } else {
      out.Count("no_text");
    }
    if (doc.flags & kHasSignature) out.Count("signed");
    d.bands_end = bands.size();
    docs.push_back(std::move(d));
    out.KeepElsewhere();  // into the store, by the sink
    return Status::OK();
  }

  std::vector<Doc> docs;
  std::vector<std::pair<uint64_t, uint32_t>> bands;  // (hash, band), in write order
  std::vector<uint32_t> sigs;                        // num_hashes per document with has_sig

 private:
  const DedupOptions& opts_;
  const MinHasher& hasher_;
  std::vector<uint64_t> sig_, band_hashes_, line_hashes_;
};

// Writes the signed ranges of one input to its store in input order,
// numbering the documents (the numbering contract in map_stage.h).
class StoreSink : public InputSink {
 public:
  StoreSink(const std::string& dir, int partitions, size_t num_hashes, const std::string& path)
      : out_(dir, partitions), num_hashes_(num_hashes), path_(path) {}

  Status Commit(RecordProcessor& processor) override {
    const auto& r = static_cast<const SignProcessor&>(processor);
    const std::vector<uint32_t> no_sig(num_hashes_, 0);
    size_t band = 0, sig = 0;
    for (const SignProcessor::Doc& d : r.docs) {
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
        sig += num_hashes_;
      }
      CORPUS_RETURN_IF_ERROR(out_.sigs().Append(s, num_hashes_ * sizeof(uint32_t)));
      ++ordinal_;
      if (ordinal_ >= (uint64_t{1} << kOrdinalBits)) return Status::InvalidArgument("input too large: " + path_);
    }
    return Status::OK();
  }

  Status Finish(Emitter&) override { return out_.Commit(); }

 private:
  StoreWriter out_;
  const size_t num_hashes_;
  const std::string path_;
  uint64_t ordinal_ = 0;
};

// Phase 1 as a MapStage: each input's records are signed (ranges on any
// thread) and stored under _work/signatures/<unit>/; malformed lines are only
// counted, since the apply phase rejects them.
class SignaturesStage : public MapStage {
 public:
  explicit SignaturesStage(const DedupJob& job) : job_(job), hasher_(job.opts.minhash) {
    for (size_t i = 0; i < job.units.size(); ++i) input_of_unit_[job.units[i]] = i;
  }

  std::string name() const override { return "dedup-signatures"; }
  StageConfig config() const override { return job_.ConfigOf("signatures"); }
  bool SplitsInput() const override { return true; }
  bool WritesKeptShard() const override { return false; }
  bool WritesRejected() const override { return false; }

  Status NewProcessor(const std::string&, std::unique_ptr<RecordProcessor>* out) override {
    *out = std::make_unique<SignProcessor>(job_.opts, hasher_);
    return Status::OK();
  }

  Status NewInputSink(const std::string& input_path, const std::string& unit,
                      std::unique_ptr<InputSink>* out) override {
    const auto it = input_of_unit_.find(unit);
    if (it == input_of_unit_.end()) return Status::Internal("unknown dedup unit: " + unit);
    const std::string dir = job_.UnitStoreDir(it->second);
    CORPUS_RETURN_IF_ERROR(RemoveTree(dir));  // a killed attempt's leftovers
    CORPUS_RETURN_IF_ERROR(MakeDirs(dir));
    *out = std::make_unique<StoreSink>(dir, job_.opts.partitions, hasher_.params().num_hashes(), input_path);
    return Status::OK();
  }

 private:
  const DedupJob& job_;
  const MinHasher hasher_;
  std::map<std::string, size_t> input_of_unit_;
};

}  // namespace

Status RunSignaturesPhase(const DedupJob& job) {
  SignaturesStage stage(job);
  CommonOptions common = job.common;
  common.out_dir = job.WorkDir("signatures");  // the phase's StageDir (DedupJob::PhaseDir)
  return RunMapStage(stage, common).status;
}

}  // namespace corpus::dedup

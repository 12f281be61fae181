// Adds the survivors of a dedup run to the incremental index (dedup_index.h):
// one new generation holding, for every input document that was kept and has
// text, its doc entry, id, compact signature and band entries (MinHash bands
// and the exact-text hash). Called by the cluster phase, which knows the
// removals; reads only the signature phase's stores, sequentially.

#include <spdlog/spdlog.h>

#include <algorithm>
#include <memory>

#include "corpus/dedup/dedup_index.h"
#include "corpus/dedup/dedup_job.h"
#include "corpus/dedup/doc_store.h"
#include "corpus/util/fs.h"

namespace corpus::dedup {

Status WriteIndexGeneration(const DedupJob& job, const std::vector<uint64_t>& removed_keys) {
  CORPUS_RETURN_IF_ERROR(MakeDirs(job.opts.index_dir));
  DedupIndex index(job.opts.index_dir, job.run_tag);
  std::string gen;
  CORPUS_RETURN_IF_ERROR(index.BeginGeneration(job.opts, job.index_gens.size(), &gen));
  RawFileWriter docs(StorePaths::Docs(gen)), ids(StorePaths::Ids(gen)), sigs(StorePaths::Sigs(gen));
  std::vector<std::unique_ptr<RawFileWriter>> bands;
  for (int p = 0; p < job.opts.partitions; ++p) {
    bands.push_back(std::make_unique<RawFileWriter>(StorePaths::Band(gen, p)));
  }
  const size_t sig_bytes = sizeof(uint32_t) * static_cast<size_t>(job.opts.minhash.num_hashes());
  std::vector<char> sig(sig_bytes);
  std::string id;
  uint64_t next_ordinal = 0;
  constexpr uint64_t kDropped = UINT64_MAX;

  for (size_t in = 0; in < job.inputs.size(); ++in) {
    const std::string dir = job.UnitStoreDir(in);
    const uint64_t store = job.index_gens.size() + in;
    RecordFileReader<DocEntry> doc_in;
    RandomAccessFile id_in, sig_in;
    CORPUS_RETURN_IF_ERROR(doc_in.Open(StorePaths::Docs(dir)));
    CORPUS_RETURN_IF_ERROR(id_in.Open(StorePaths::Ids(dir)));
    CORPUS_RETURN_IF_ERROR(sig_in.Open(StorePaths::Sigs(dir)));
    // New ordinal of each of this input's documents, or kDropped.
    std::vector<uint64_t> remap;
    DocEntry d;
    while (doc_in.Next(&d)) {
      const uint64_t key = MakeKey(store, remap.size());
      const bool removed = std::binary_search(removed_keys.begin(), removed_keys.end(), key);
      if (removed || !(d.flags & kHasText) || (d.text_hash == 0 && !(d.flags & kHasSignature))) {
        remap.push_back(kDropped);
        continue;
      }
      id.resize(d.id_len);
      if (d.id_len) CORPUS_RETURN_IF_ERROR(id_in.Read(d.id_offset, d.id_len, id.data()));
      CORPUS_RETURN_IF_ERROR(sig_in.Read(remap.size() * sig_bytes, sig_bytes, sig.data()));
      DocEntry out = d;
      out.id_offset = ids.bytes();
      CORPUS_RETURN_IF_ERROR(ids.Append(id.data(), id.size()));
      CORPUS_RETURN_IF_ERROR(docs.Put(out));
      CORPUS_RETURN_IF_ERROR(sigs.Append(sig.data(), sig.size()));
      remap.push_back(next_ordinal++);
    }
    CORPUS_RETURN_IF_ERROR(doc_in.status());
    for (int p = 0; p < job.opts.partitions; ++p) {
      RecordFileReader<BandEntry> band_in;
      CORPUS_RETURN_IF_ERROR(band_in.Open(StorePaths::Band(dir, p)));
      BandEntry e;
      while (band_in.Next(&e)) {
        if (e.key >= remap.size() || remap[e.key] == kDropped) continue;
        if (e.band == kUrlBand || e.band == kLineBand) continue;
        e.key = remap[e.key];
        CORPUS_RETURN_IF_ERROR(bands[p]->Put(e));
      }
      CORPUS_RETURN_IF_ERROR(band_in.status());
    }
  }
  for (auto& b : bands) CORPUS_RETURN_IF_ERROR(b->Commit());
  CORPUS_RETURN_IF_ERROR(sigs.Commit());
  CORPUS_RETURN_IF_ERROR(ids.Commit());
  CORPUS_RETURN_IF_ERROR(docs.Commit());
  CORPUS_RETURN_IF_ERROR(index.CommitGeneration());
  spdlog::info("dedup: index {} gained {} documents", job.opts.index_dir, next_ordinal);
  return Status::OK();
}

}  // namespace corpus::dedup

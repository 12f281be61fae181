// Phase 3 of dedup (dedup_stage.h): the one global step. Streams the
// verified pairs (few compared with documents), joins them into clusters with
// union-find, picks the record to keep in each (keeper_rule.h) and writes one
// sorted action list per input for the apply phase. With --index it also
// writes the index generation of this run's survivors (index_writer.cc).

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <iterator>

#include "corpus/dedup/actions.h"
#include "corpus/dedup/dedup_job.h"
#include "corpus/dedup/doc_store.h"
#include "corpus/dedup/keeper_rule.h"
#include "corpus/dedup/union_find.h"
#include "corpus/util/fs.h"

namespace corpus::dedup {

Status WriteIndexGeneration(const DedupJob& job, const std::vector<uint64_t>& removed_keys);

namespace {

constexpr uint32_t kNone = UINT32_MAX;

class Clusterer {
 public:
  explicit Clusterer(const DedupJob& job)
      : job_(job), stores_(job.StoreDirs(), job.opts.minhash.num_hashes()) {}

  Status Run(StageCounts* counts) {
    CORPUS_RETURN_IF_ERROR(LoadPairs());
    CORPUS_RETURN_IF_ERROR(LoadDocs());
    CORPUS_RETURN_IF_ERROR(ResolveUrls());
    CORPUS_RETURN_IF_ERROR(ResolveText());
    CORPUS_RETURN_IF_ERROR(WriteActions(counts));
    if (!job_.opts.index_dir.empty()) {
      std::vector<uint64_t> removed;
      for (uint32_t i = 0; i < docs_.size(); ++i) {
        if (code_[i] != Action::kKeep) removed.push_back(docs_[i].key);
      }
      CORPUS_RETURN_IF_ERROR(WriteIndexGeneration(job_, removed));
    }
    return Status::OK();
  }

 private:
  bool Indexed(uint32_t i) const { return StoreOf(docs_[i].key) < job_.index_gens.size(); }

  // Calls fn(pair) for every pair of every partition file. The pairs are
  // streamed three times (keys, URL groups, text clusters) rather than held,
  // so memory grows with the documents in pairs, not with the pairs.
  template <typename Fn>
  Status ForEachPair(Fn fn) const {
    for (int p = 0; p < job_.opts.partitions; ++p) {
      RecordFileReader<PairEntry> in;
      CORPUS_RETURN_IF_ERROR(in.Open(job_.PairsPath(p)));
      PairEntry e;
      while (in.Next(&e)) fn(e);
      CORPUS_RETURN_IF_ERROR(in.status());
    }
    return Status::OK();
  }

  Status LoadPairs() {
    std::vector<uint64_t> keys, part;
    for (int p = 0; p < job_.opts.partitions; ++p) {
      part.clear();
      RecordFileReader<PairEntry> in;
      CORPUS_RETURN_IF_ERROR(in.Open(job_.PairsPath(p)));
      PairEntry e;
      while (in.Next(&e)) {
        part.push_back(e.a);
        part.push_back(e.b);
        ++pairs_;
      }
      CORPUS_RETURN_IF_ERROR(in.status());
      std::sort(part.begin(), part.end());
      part.erase(std::unique(part.begin(), part.end()), part.end());
      std::vector<uint64_t> merged;
      merged.reserve(keys.size() + part.size());
      std::set_union(keys.begin(), keys.end(), part.begin(), part.end(), std::back_inserter(merged));
      keys.swap(merged);
    }
    if (keys.size() >= kNone) return Status::InvalidArgument("too many duplicate documents for one run");
    docs_.resize(keys.size());
    for (size_t i = 0; i < keys.size(); ++i) docs_[i].key = keys[i];
    return Status::OK();
  }

  Status LoadDocs() {
    for (auto& c : docs_) {
      CORPUS_RETURN_IF_ERROR(stores_.Doc(c.key, &c.doc));
      CORPUS_RETURN_IF_ERROR(stores_.Id(c.key, c.doc, &c.id));
    }
    code_.assign(docs_.size(), Action::kKeep);
    target_.assign(docs_.size(), kNone);
    return Status::OK();
  }

  uint32_t IndexOf(uint64_t key) const {
    auto it = std::lower_bound(docs_.begin(), docs_.end(), key,
                               [](const Candidate& c, uint64_t k) { return c.key < k; });
    return static_cast<uint32_t>(it - docs_.begin());
  }

  // Groups of size > 1 of `uf` over the documents, each in key order.
  std::vector<std::vector<uint32_t>> Groups(UnionFind& uf) const {
    std::vector<std::pair<uint32_t, uint32_t>> by_root(docs_.size());  // (root, member)
    for (uint32_t i = 0; i < docs_.size(); ++i) by_root[i] = {uf.Find(i), i};
    std::sort(by_root.begin(), by_root.end());
    std::vector<std::vector<uint32_t>> out;
    for (size_t i = 0; i < by_root.size();) {
      size_t j = i;
      std::vector<uint32_t> members;
      while (j < by_root.size() && by_root[j].first == by_root[i].first) members.push_back(by_root[j++].second);
      if (members.size() > 1) out.push_back(std::move(members));
      i = j;
    }
    return out;
  }

  // Exact URL first: older fetches of a page are removed before the text
  // step, so they neither join nor win text clusters.
  Status ResolveUrls() {
    UnionFind uf(docs_.size());
    CORPUS_RETURN_IF_ERROR(ForEachPair([&](const PairEntry& e) {
      if (e.kind == kPairUrl) uf.Union(IndexOf(e.a), IndexOf(e.b));
    }));
    for (const auto& group : Groups(uf)) {
      uint32_t best = group[0];
      for (uint32_t m : group) {
        if (BetterUrlKeeper(docs_[m], docs_[best])) best = m;
      }
      for (uint32_t m : group) {
        if (m == best) continue;
        code_[m] = Action::kExactUrl;
        target_[m] = best;
      }
    }
    return Status::OK();
  }

  Status ResolveText() {
    UnionFind uf(docs_.size());
    CORPUS_RETURN_IF_ERROR(ForEachPair([&](const PairEntry& e) {
      if (e.kind == kPairUrl) return;
      const uint32_t a = IndexOf(e.a), b = IndexOf(e.b);
      if (code_[a] == Action::kExactUrl || code_[b] == Action::kExactUrl) return;
      uf.Union(a, b);
    }));
    for (const auto& group : Groups(uf)) {
      // Index documents are already published: the oldest one present wins.
      uint32_t best = kNone;
      for (uint32_t m : group) {
        if (Indexed(m)) { best = m; break; }  // key order = index age
      }
      if (best == kNone) {
        best = group[0];
        for (uint32_t m : group) {
          if (BetterTextKeeper(docs_[m], docs_[best])) best = m;
        }
      }
      for (uint32_t m : group) {
        if (m == best || Indexed(m)) continue;
        const bool same = docs_[m].doc.text_hash == docs_[best].doc.text_hash &&
                          (docs_[m].doc.flags & kHasText) && (docs_[best].doc.flags & kHasText);
        code_[m] = same ? Action::kExactText : Action::kNearDuplicate;
        target_[m] = best;
      }
    }
    return Status::OK();
  }

  // The record that finally stands for `i`: follows removals to a keeper.
  uint32_t Owner(uint32_t i) const {
    while (code_[i] != Action::kKeep) i = target_[i];
    return i;
  }

  Status Similarity(uint32_t a, uint32_t b, double* sim) {
    if (!(docs_[a].doc.flags & kHasSignature) || !(docs_[b].doc.flags & kHasSignature)) {
      *sim = -1;
      return Status::OK();
    }
    const int n = job_.opts.minhash.num_hashes();
    sig_a_.resize(n);
    sig_b_.resize(n);
    CORPUS_RETURN_IF_ERROR(stores_.Signature(docs_[a].key, sig_a_.data()));
    CORPUS_RETURN_IF_ERROR(stores_.Signature(docs_[b].key, sig_b_.data()));
    *sim = EstimateJaccard(sig_a_.data(), sig_b_.data(), n);
    return Status::OK();
  }

  Status WriteActions(StageCounts* counts) {
    std::vector<uint64_t> dup_count(docs_.size(), 1);
    for (uint32_t i = 0; i < docs_.size(); ++i) {
      if (code_[i] != Action::kKeep) dup_count[Owner(i)]++;
    }
    const size_t first_input = job_.index_gens.size();
    std::vector<std::vector<Action>> per_input(job_.inputs.size());
    for (uint32_t i = 0; i < docs_.size(); ++i) {
      if (Indexed(i)) continue;
      Action a;
      a.ordinal = OrdinalOf(docs_[i].key);
      a.id_hash = docs_[i].doc.id_hash;
      a.code = code_[i];
      if (a.code == Action::kKeep) {
        if (dup_count[i] == 1) continue;
        a.dup_count = dup_count[i];
        counts->counters["clusters"]++;
      } else {
        a.duplicate_of = docs_[target_[i]].id;
        if (a.code == Action::kExactText) {
          a.similarity = 1.0;
        } else {
          CORPUS_RETURN_IF_ERROR(Similarity(i, target_[i], &a.similarity));
        }
        counts->rejected_by_rule[Action::RuleName(a.code)]++;
        counts->rejected++;
      }
      per_input[StoreOf(docs_[i].key) - first_input].push_back(std::move(a));
    }
    const StageDir dir = job_.PhaseDir("cluster");
    for (size_t in = 0; in < per_input.size(); ++in) {
      auto& actions = per_input[in];
      std::sort(actions.begin(), actions.end(),
                [](const Action& x, const Action& y) { return x.ordinal < y.ordinal; });
      std::string text;
      for (const auto& a : actions) text += FormatAction(a);
      CORPUS_RETURN_IF_ERROR(WriteFileAtomic(job_.ActionsPath(job_.units[in]), text));
    }
    counts->counters["pairs"] = pairs_;
    counts->counters["documents_in_pairs"] = docs_.size();
    return Status::OK();
  }

  const DedupJob& job_;
  StoreSet stores_;
  uint64_t pairs_ = 0;
  std::vector<Candidate> docs_;  // every document in a pair, by key
  std::vector<Action::Code> code_;
  std::vector<uint32_t> target_;  // the document a removed one duplicates
  std::vector<uint32_t> sig_a_, sig_b_;
};

}  // namespace

Status RunClusterPhase(const DedupJob& job) {
  CORPUS_RETURN_IF_ERROR(RequirePhaseDone(job, "pairs", job.PartitionUnits(), "cluster"));
  const StageDir dir = job.PhaseDir("cluster");
  CORPUS_RETURN_IF_ERROR(dir.Create());
  // One global task: task 0 of an array does it, the others have nothing to do.
  if (job.common.task_index != 0) {
    spdlog::info("dedup cluster: runs as task 0 only; nothing to do for task {}", job.common.task_index);
    return Status::OK();
  }
  std::vector<std::string> todo;
  CORPUS_RETURN_IF_ERROR(dir.Plan({"cluster"}, job.ConfigOf("cluster"), job.common.force, &todo));
  if (todo.empty()) return Status::OK();
  Clusterer clusterer(job);
  DoneMarker marker;
  CORPUS_RETURN_IF_ERROR(clusterer.Run(&marker.counts));
  spdlog::info("dedup cluster: {} pairs, {} records to remove", marker.counts.counters["pairs"],
               marker.counts.rejected);
  const StageConfig config = job.ConfigOf("cluster");
  marker.unit = "cluster";
  marker.fingerprint = config.Fingerprint();
  marker.config = config.entries();
  return dir.WriteDone(marker);
}

}  // namespace corpus::dedup

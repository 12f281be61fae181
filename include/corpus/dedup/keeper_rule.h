#ifndef CORPUS_DEDUP_KEEPER_RULE_H_
#define CORPUS_DEDUP_KEEPER_RULE_H_

#include <string>

#include "corpus/dedup/work_files.h"

namespace corpus::dedup {

// A document as the cluster phase sees it when choosing what to keep.
struct Candidate {
  uint64_t key;
  DocEntry doc;
  std::string id;
};

// The deterministic rules that pick the one record kept from a group of
// duplicates. Both are strict total orders (the key breaks every tie), so
// the choice never depends on thread or task scheduling.
//
// Exact-URL groups keep the most recent fetch: a record with `fetched_at`
// before one without, then the latest `fetched_at`, then the longest text,
// then the smallest id, then the first in input order.
bool BetterUrlKeeper(const Candidate& a, const Candidate& b);

// Text clusters (exact text and near duplicates) keep the original: a record
// with `fetched_at` before one without, then the earliest `fetched_at` (the
// first publication seen), then the longest text (the most complete copy),
// then the smallest id, then the first in input order. Records from the
// --index (earlier runs) always win over new ones; that is decided by the
// caller, since they are already published.
bool BetterTextKeeper(const Candidate& a, const Candidate& b);

}  // namespace corpus::dedup

#endif  // CORPUS_DEDUP_KEEPER_RULE_H_

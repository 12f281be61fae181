#include "corpus/dedup/keeper_rule.h"

namespace corpus::dedup {
namespace {

// Compares the tie-breakers shared by both rules.
bool BetterTail(const Candidate& a, const Candidate& b) {
  if (a.doc.text_bytes != b.doc.text_bytes) return a.doc.text_bytes > b.doc.text_bytes;
  if (a.id != b.id) return a.id < b.id;
  return a.key < b.key;
}

bool HasTime(const Candidate& c) { return (c.doc.flags & kHasFetchedAt) != 0; }

}  // namespace

bool BetterUrlKeeper(const Candidate& a, const Candidate& b) {
  if (HasTime(a) != HasTime(b)) return HasTime(a);
  if (HasTime(a) && a.doc.fetched_at != b.doc.fetched_at) return a.doc.fetched_at > b.doc.fetched_at;
  return BetterTail(a, b);
}

bool BetterTextKeeper(const Candidate& a, const Candidate& b) {
  if (HasTime(a) != HasTime(b)) return HasTime(a);
  if (HasTime(a) && a.doc.fetched_at != b.doc.fetched_at) return a.doc.fetched_at < b.doc.fetched_at;
  return BetterTail(a, b);
}

}  // namespace corpus::dedup

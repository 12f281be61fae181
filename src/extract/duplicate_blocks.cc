#include "corpus/extract/duplicate_blocks.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// Polynomial rolling hash over bytes, mod 2^64: h(AB) = h(A) * B^|B| + h(B),
// so a parent's hash is composed from its children's without re-reading
// their text.
constexpr uint64_t kBase = 0x100000001B3ull;

struct Span {
  uint64_t hash = 0;
  uint64_t pow = 1;  // kBase^len
  uint64_t len = 0;  // non-space bytes
};

// A page with this many bytes of code listings (<pre>) or more is a
// manual's or a tutorial's.
constexpr uint64_t kMinManualCodeBytes = 2000;

}  // namespace

void MarkDuplicateSubtrees(DomIndex* dom, size_t min_bytes) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  if (nodes.empty()) return;
  // A manual repeats itself on purpose: the same command in several steps,
  // one snippet per language, a note under each section.
  if (CodeListingBytes(nodes, 0) >= kMinManualCodeBytes) return;
  std::vector<Span> span(nodes.size());
  // Children before parents; in reverse document order the children of one
  // parent arrive right to left, so each is prepended to what is there.
  for (size_t i = nodes.size(); i-- > 0;) {
    const DomNode& n = nodes[i];
    Span& s = span[i];
    if ((n.flags & kDomText) && n.text > 0) {
      for (const char* p = n.node->v.text.text; *p; ++p) {
        if (IsAsciiWhitespace(*p)) continue;
        s.hash = s.hash * kBase + static_cast<unsigned char>(*p);
        s.pow *= kBase;
        ++s.len;
      }
    }
    if (n.parent >= 0 && s.len > 0) {
      Span& p = span[n.parent];
      p.hash = s.hash * p.pow + p.hash;
      p.pow *= s.pow;
      p.len += s.len;
    }
  }

  std::unordered_map<uint64_t, int32_t> first;  // text key -> first element
  // The table cell of one line last entered: a cell's whole text (a team,
  // a venue, a party) repeats from row to row of a table on purpose. (A
  // cell of blocks that repeats is a widget's: "Rate this book", "Clear
  // rating" in every row of a list.)
  int32_t cell_end = -1;
  uint64_t cell_len = 0;
  for (size_t i = 0; i < nodes.size(); ++i) {
    DomNode& n = nodes[i];
    if (n.flags & kDomBoilerplate) {
      i = n.end - 1;
      continue;
    }
    if ((n.flags & kDomText) || span[i].len < min_bytes) continue;
    if ((n.tag == GUMBO_TAG_TD || n.tag == GUMBO_TAG_TH) && n.own_text == n.text) {
      cell_end = n.end;
      cell_len = span[i].len;
    }
    const bool whole_cell = static_cast<int32_t>(i) < cell_end && span[i].len == cell_len;
    const uint64_t key = span[i].hash ^ (span[i].len * 0x9E3779B97F4A7C15ull);
    auto [it, inserted] = first.emplace(key, static_cast<int32_t>(i));
    // A single-child wrapper has its child's text: only a copy that starts
    // after the first one ends is a repetition.
    if (!inserted && !whole_cell && nodes[it->second].end <= static_cast<int32_t>(i)) {
      DomNode& earlier = nodes[it->second];
      if (earlier.link >= earlier.text && n.link < n.text) {
        // The earlier copy is a link to this text (a table of contents, a
        // live blog's key events, a breadcrumb ending in the headline): the
        // text itself is the one kept, parts of it linked or not (a live
        // blog's update links its time to itself).
        earlier.flags |= kDomDuplicate;
        it->second = static_cast<int32_t>(i);
        continue;
      }
      n.flags |= kDomDuplicate;
      i = n.end - 1;
    }
  }
}

}  // namespace corpus

#include "corpus/extract/streamed_html.h"

#include <algorithm>
#include <functional>
#include <unordered_map>
#include <vector>

namespace corpus {
namespace {

// The exact markup react-dom/server writes (ReactFizzConfigDOM).
constexpr std::string_view kSegmentOpen = "<div hidden id=\"S:";
constexpr std::string_view kTemplateOpen = "<template id=\"";
constexpr std::string_view kTemplateClose = "\"></template>";
constexpr std::string_view kPendingBoundary = "<!--$?-->";
constexpr std::string_view kBoundaryEnd = "<!--/$-->";
constexpr std::string_view kBoundaryStart = "<!--$";  // "<!--$-->", "<!--$?-->", "<!--$!-->"
// Segments hold segments' placeholders; real pages nest a few levels.
constexpr int kMaxDepth = 16;
// A fallback is a spinner or a skeleton; one not closed within this many
// bytes is left in place, so a page of unclosed boundaries stays linear.
constexpr size_t kMaxFallbackBytes = 64 << 10;

struct Segment {
  size_t begin = 0;          // "<div hidden ..."
  size_t content_begin = 0;  // after the start tag
  size_t content_end = 0;    // at the matching "</div>"
  size_t end = 0;            // after it
  bool used = false;
};

// The next segment start at or after `from`, or npos. A Boyer-Moore-Horspool
// search: the needle is long and its bytes rare in markup, so it mostly
// skips its own length at a time (glibc's memmem and string_view::find
// both cost several percent of extraction on pages that have none).
size_t FindSegmentOpen(std::string_view s, size_t from) {
  static const std::boyer_moore_horspool_searcher searcher(kSegmentOpen.begin(), kSegmentOpen.end());
  if (from > s.size()) return std::string_view::npos;
  const auto it = std::search(s.begin() + from, s.end(), searcher);
  return it == s.end() ? std::string_view::npos : static_cast<size_t>(it - s.begin());
}

bool StartsWith(std::string_view s, size_t pos, std::string_view prefix) {
  return s.size() - pos >= prefix.size() && s.compare(pos, prefix.size(), prefix) == 0;
}

// The position of the "</div>" closing a <div> whose content starts at
// `from`, counting nested <div>s; npos if it never closes.
size_t MatchingDivClose(std::string_view s, size_t from) {
  int depth = 1;
  for (size_t i = s.find('<', from); i != std::string_view::npos; i = s.find('<', i + 1)) {
    if (StartsWith(s, i, "</div>")) {
      if (--depth == 0) return i;
    } else if (StartsWith(s, i, "<div") && i + 4 < s.size() &&
               (s[i + 4] == '>' || s[i + 4] == ' ')) {
      ++depth;
    }
  }
  return std::string_view::npos;
}

// After a pending boundary's placeholder: the end of its fallback, i.e. the
// position after the "<!--/$-->" that closes the boundary.
size_t FallbackEnd(std::string_view s, size_t from) {
  int depth = 1;
  const size_t limit = std::min(s.size(), from + kMaxFallbackBytes);
  for (size_t i = s.find("<!--", from); i < limit; i = s.find("<!--", i + 4)) {
    if (StartsWith(s, i, kBoundaryEnd)) {
      if (--depth == 0) return i + kBoundaryEnd.size();
    } else if (StartsWith(s, i, kBoundaryStart)) {
      ++depth;
    }
  }
  return std::string_view::npos;
}

class Resolver {
 public:
  explicit Resolver(std::string_view html) : html_(html) {}

  // Segments from `first`, the position of the first one.
  bool FindSegments(size_t first) {
    for (size_t at = first; at != std::string_view::npos; at = FindSegmentOpen(html_, at + 1)) {
      const size_t id_begin = at + kSegmentOpen.size();
      const size_t id_end = html_.find('"', id_begin);
      if (id_end == std::string_view::npos || html_.compare(id_end, 2, "\">") != 0) continue;
      Segment seg;
      seg.begin = at;
      seg.content_begin = id_end + 2;
      seg.content_end = MatchingDivClose(html_, seg.content_begin);
      // Unbalanced from here on: stop rather than rescan to the end per segment.
      if (seg.content_end == std::string_view::npos) break;
      seg.end = seg.content_end + 6;
      by_id_.emplace(html_.substr(id_begin, id_end - id_begin), segments_.size());
      segments_.push_back(seg);
      at = seg.end - 1;
    }
    return !segments_.empty();
  }

  void Emit(size_t begin, size_t end, int depth, std::string* out) {
    size_t copied = begin;
    size_t pos = begin;
    while (pos < end) {
      const size_t lt = html_.find('<', pos);
      if (lt == std::string_view::npos || lt >= end) break;
      size_t skip_to = 0;
      if (const Segment* seg = SegmentAt(lt)) {
        if (seg->used) skip_to = seg->end;  // already emitted at its placeholder
      } else if (depth < kMaxDepth) {
        const bool pending = StartsWith(html_, lt, kPendingBoundary);
        const size_t tpl = pending ? lt + kPendingBoundary.size() : lt;
        Segment* target = nullptr;
        size_t tpl_end = 0;
        if (StartsWith(html_, tpl, kTemplateOpen)) {
          const size_t id_begin = tpl + kTemplateOpen.size();
          const size_t id_end = html_.find('"', id_begin);
          if (id_end != std::string_view::npos && id_end < end &&
              html_.compare(id_end, kTemplateClose.size(), kTemplateClose) == 0 &&
              id_end - id_begin > 2 && html_[id_begin + 1] == ':' &&
              (html_[id_begin] == 'B' || html_[id_begin] == 'P')) {
            target = Lookup(html_.substr(id_begin + 2, id_end - id_begin - 2));
            tpl_end = id_end + kTemplateClose.size();
          }
        }
        if (target && !target->used) {
          out->append(html_.data() + copied, lt - copied);
          target->used = true;
          Emit(target->content_begin, target->content_end, depth + 1, out);
          skip_to = tpl_end;
          if (pending) {
            const size_t fallback_end = FallbackEnd(html_, tpl_end);
            if (fallback_end != std::string_view::npos && fallback_end <= end) {
              skip_to = fallback_end;
            }
          }
          copied = pos = skip_to;
          continue;
        }
      }
      if (skip_to) {
        out->append(html_.data() + copied, lt - copied);
        copied = pos = skip_to;
      } else {
        pos = lt + 1;
      }
    }
    out->append(html_.data() + copied, end - copied);
  }

 private:
  Segment* Lookup(std::string_view id) {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : &segments_[it->second];
  }

  // The segment starting at `pos`, if any (segments are in document order).
  const Segment* SegmentAt(size_t pos) const {
    auto it = std::lower_bound(segments_.begin(), segments_.end(), pos,
                               [](const Segment& s, size_t p) { return s.begin < p; });
    return it != segments_.end() && it->begin == pos ? &*it : nullptr;
  }

  std::string_view html_;
  std::vector<Segment> segments_;
  std::unordered_map<std::string_view, size_t> by_id_;
};

}  // namespace

bool ResolveStreamedSegments(std::string_view html, std::string* out) {
  const size_t first = FindSegmentOpen(html, 0);
  if (first == std::string_view::npos) return false;
  Resolver resolver(html);
  if (!resolver.FindSegments(first)) return false;
  out->clear();
  out->reserve(html.size());
  resolver.Emit(0, html.size(), 0, out);
  return true;
}

}  // namespace corpus

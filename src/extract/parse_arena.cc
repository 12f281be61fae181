#include "corpus/extract/parse_arena.h"

#include <algorithm>

namespace corpus {
namespace {

// Malloc's guarantee on x86-64 and AArch64 (alignof(max_align_t)).
constexpr size_t kAlign = 16;
// Blocks grow from 256 KiB to 8 MiB, so a small page costs one block and a
// 50 MB page a few dozen.
constexpr size_t kFirstBlock = 256 << 10;
constexpr size_t kMaxBlock = 8 << 20;

void* ArenaAllocate(void* arena, size_t size) {
  return static_cast<ParseArena*>(arena)->Allocate(size);
}

void ArenaFree(void*, void*) {}

}  // namespace

void* ParseArena::Allocate(size_t size) {
  size = (std::max<size_t>(size, 1) + kAlign - 1) & ~(kAlign - 1);
  bytes_allocated_ += size;
  if (static_cast<size_t>(end_ - next_) < size) {
    size_t block = blocks_.empty() ? kFirstBlock : std::min(blocks_.back().size * 2, kMaxBlock);
    block = std::max(block, size);
    // new std::byte[] is aligned for max_align_t, so offsets that are
    // multiples of kAlign stay aligned.
    blocks_.push_back(Block{std::unique_ptr<std::byte[]>(new std::byte[block]), block});
    next_ = blocks_.back().data.get();
    end_ = next_ + block;
  }
  void* p = next_;
  next_ += size;
  return p;
}

void ParseArena::Reset() {
  if (blocks_.size() > 1) blocks_.resize(1);
  if (!blocks_.empty() && blocks_[0].size != kFirstBlock) blocks_.clear();
  next_ = blocks_.empty() ? nullptr : blocks_[0].data.get();
  end_ = blocks_.empty() ? nullptr : next_ + blocks_[0].size;
  bytes_allocated_ = 0;
}

GumboOutput* ParseWithArena(std::string_view html, ParseArena* arena) {
  arena->Reset();
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = ArenaAllocate;
  options.deallocator = ArenaFree;
  options.userdata = arena;
  options.max_errors = 0;  // parse errors are never read; recording them costs
  return gumbo_parse_with_options(&options, html.data(), html.size());
}

}  // namespace corpus

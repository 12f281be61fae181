// The arena gumbo parses into (parse_arena.h): malloc-like alignment, no
// overlap between live allocations, reuse after Reset, and trees equal to
// those of gumbo's own allocator.
#include "corpus/extract/parse_arena.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "corpus/extract/dom_index.h"
#include "corpus/extract/dom_text.h"

namespace corpus {
namespace {

TEST(ParseArenaTest, AllocationsAreAlignedAndDisjoint) {
  ParseArena arena;
  std::vector<std::pair<char*, size_t>> blocks;
  for (size_t size : {1u, 3u, 16u, 17u, 1000u, 300000u, 5u, 9000000u, 2u}) {
    char* p = static_cast<char*>(arena.Allocate(size));
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % 16, 0u) << size;
    std::memset(p, static_cast<int>(blocks.size()), size);
    blocks.emplace_back(p, size);
  }
  // Every block still holds what was written: none was handed out twice.
  for (size_t i = 0; i < blocks.size(); ++i) {
    for (size_t j = 0; j < blocks[i].second; j += 997) {
      ASSERT_EQ(blocks[i].first[j], static_cast<char>(i));
    }
  }
  EXPECT_GE(arena.bytes_allocated(), 9000000u + 300000u);
  arena.Reset();
  EXPECT_EQ(arena.bytes_allocated(), 0u);
  EXPECT_NE(arena.Allocate(64), nullptr);
}

std::string RenderBody(const GumboOutput* out) {
  DomIndex dom;
  dom.Build(out->document);
  return RenderText(dom, 0, {}, TextFormat::kPlain);
}

TEST(ParseArenaTest, TreeMatchesMallocParse) {
  const std::string html =
      "<html><head><title>T</title></head><body><h1>Head</h1><p>One <b>two</b> three."
      "<ul><li>a<li>b</ul><table><tr><td>x<td>y</table><p>&amp; &eacute; end";
  GumboOutput* plain = gumbo_parse(html.c_str());
  const std::string expected = RenderBody(plain);
  gumbo_destroy_output(&kGumboDefaultOptions, plain);

  ParseArena arena;
  for (int round = 0; round < 3; ++round) {  // the arena is reused across parses
    const GumboOutput* out = ParseWithArena(html, &arena);
    ASSERT_NE(out, nullptr);
    EXPECT_EQ(RenderBody(out), expected);
    EXPECT_GT(arena.bytes_allocated(), 0u);
  }
}

TEST(ParseArenaTest, DeepAndLargeDocuments) {
  std::string html;
  for (int i = 0; i < 20000; ++i) html += "<div>";
  html += "deep";
  for (int i = 0; i < 50000; ++i) html += "<p>paragraph number " + std::to_string(i);
  ParseArena arena;
  const GumboOutput* out = ParseWithArena(html, &arena);
  ASSERT_NE(out, nullptr);
  EXPECT_NE(RenderBody(out).find("paragraph number 49999"), std::string::npos);
}

}  // namespace
}  // namespace corpus

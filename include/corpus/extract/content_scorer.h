#ifndef CORPUS_EXTRACT_CONTENT_SCORER_H_
#define CORPUS_EXTRACT_CONTENT_SCORER_H_

#include <cstdint>
#include <vector>

#include "corpus/extract/dom_index.h"

namespace corpus {

// Knobs of the main-content selection (all part of the stage config).
struct ScoreOptions {
  bool drop_comments = true;   // treat comment sections as boilerplate
  // A byte of short-link (menu) text cancels this many bytes of text
  // (chosen on the dev pages: BENCHMARKS.md, "Version 33").
  double link_penalty = 0.7;
  double headline_weight = 0.5;  // a byte of long-link (headline) text counts this much
  double descend_slack = 0.2;  // give up this share of the weight for a tighter container
  // ...but not this many bytes of prose paragraphs left beside the tighter one
  double descend_max_prose_left = 1500;
  double max_link_density = 0.5;  // menu-link-dense lists and boxes inside the content go
  // A recipe's page (schema.org Recipe): its ingredients are read as a list
  // of quantities when their names come first and a few name no amount, and
  // the descent stops above a box that holds them beside the box of its
  // steps.
  bool recipe_page = false;
};

// The outcome of selection: the subtree to render and what to leave out of it.
struct ContentSelection {
  int32_t root = -1;           // index into DomIndex::nodes(), -1 if none
  std::vector<uint8_t> drop;   // per node: 1 = skip this subtree when rendering
  double weight = 0;           // the root's content weight
  double page_text = 0;        // text bytes of the page outside boilerplate
};

// Picks the main content of a page.
//
// Every block's own text gets a weight: its non-link bytes, minus
// `link_penalty` times its link bytes (short unpunctuated snippets like "Home"
// or "Share" only count against). Subtree weights add up, skipping subtrees
// marked boilerplate. The main content is the subtree of maximum weight: the
// tree form of the maximum-sum segment that boilerplate detectors such as
// boilerpipe (Kohlschütter et al., WSDM 2010) approximate block by block. It
// keeps every post of a forum thread and every <article> in a <main> together,
// and still stops at link-heavy navigation. Among nested containers of nearly
// the same weight (`descend_slack`) the innermost wins, so page chrome with a
// little stray text is left out, unless what it leaves out holds paragraphs
// of prose (`descend_max_prose_left`). Inside the chosen subtree, boilerplate
// elements and link-dense lists/boxes are dropped (readability.js's
// link-density test, "cleanConditionally"), but for lists and tables of
// quantities whose names link ("300 g <a>farina</a>", a table's "500 ml |
// <a>Rinderbrühe</a>": a recipe's ingredients).
ContentSelection SelectMainContent(const DomIndex& dom, const ScoreOptions& options);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_CONTENT_SCORER_H_

#ifndef CORPUS_DEDUP_LINE_DEDUP_H_
#define CORPUS_DEDUP_LINE_DEDUP_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace corpus::dedup {

// Line-level deduplication (`--lines K`): a line found in at least K
// documents of the input is site boilerplate ("All rights reserved", menu
// entries) and is removed from every text. This is the document-frequency
// line filter of Dolma's deduper (bff/"paragraph" dedup) and of CCNet
// (Wenzek et al. 2020, §3.2), reduced to whole lines.
//
// A line is compared after trimming spaces and tabs at both ends; blank
// lines are never counted or removed.

// The distinct hashes (XXH3-64 of the trimmed line) of a text's non-blank lines.
void DistinctLineHashes(std::string_view text, std::vector<uint64_t>* hashes);

// `text` without the lines whose hash is in `frequent`; the paragraph breaks
// they leave are collapsed so no more than one blank line separates two
// remaining lines. Sets *removed to the number of lines taken out.
std::string RemoveFrequentLines(std::string_view text, const std::unordered_set<uint64_t>& frequent,
                                uint64_t* removed);

}  // namespace corpus::dedup

#endif  // CORPUS_DEDUP_LINE_DEDUP_H_

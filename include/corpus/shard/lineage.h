#ifndef CORPUS_SHARD_LINEAGE_H_
#define CORPUS_SHARD_LINEAGE_H_

#include <string>
#include <vector>

namespace corpus {

// Finds the stage folders a release was made from, for its dataset card:
// the folders holding `input_files` that have a `_manifest.json`, then the
// folders of those manifests' `inputs`, and so on back to the first stage
// (a crawl, or an extract from WARC files). Walked breadth-first with a
// visited set, so loops and shared ancestors are harmless. Returned in
// pipeline order: the farthest stage first, the shard's own inputs last.
// Paths in manifests are as their stage was given them; a folder that no
// longer resolves from here is skipped.
std::vector<std::string> FindUpstreamStages(const std::vector<std::string>& input_files);

}  // namespace corpus

#endif  // CORPUS_SHARD_LINEAGE_H_

#ifndef CORPUS_DEDUP_DOC_STORE_H_
#define CORPUS_DEDUP_DOC_STORE_H_

#include <memory>
#include <string>
#include <vector>

#include "corpus/dedup/work_files.h"
#include "corpus/util/status.h"

namespace corpus::dedup {

// A store is the folder of work files describing one set of documents: one
// input file (written by the signatures phase) or one generation of the
// incremental index. Files, all indexed by the document's ordinal:
//   docs.bin      DocEntry per document
//   ids.bin       the ids, concatenated (DocEntry::id_offset/id_len)
//   sigs.bin      compact signature (uint32 per hash) per document; zeros
//                 for documents without kHasSignature
//   band-<p>.bin  BandEntry of the documents whose hash falls in partition p
struct StorePaths {
  static std::string Docs(const std::string& dir) { return dir + "/docs.bin"; }
  static std::string Ids(const std::string& dir) { return dir + "/ids.bin"; }
  static std::string Sigs(const std::string& dir) { return dir + "/sigs.bin"; }
  static std::string Band(const std::string& dir, int partition) {
    return dir + "/band-" + std::to_string(partition) + ".bin";
  }
};

// Random access to the stores of one dedup run, addressed by document key
// (store number in the key's top bits, see work_files.h). Files are opened
// on first use. Reads are positional, but the lazy opening is not
// thread-safe: use one StoreSet per thread.
class StoreSet {
 public:
  StoreSet(std::vector<std::string> store_dirs, int num_hashes);

  size_t size() const { return dirs_.size(); }
  const std::string& dir(size_t store) const { return dirs_[store]; }

  Status Doc(uint64_t key, DocEntry* out);
  Status Id(uint64_t key, const DocEntry& doc, std::string* out);
  // `out` must hold num_hashes values.
  Status Signature(uint64_t key, uint32_t* out);

 private:
  struct Open {
    std::unique_ptr<RandomAccessFile> docs, ids, sigs;
  };
  Status Get(uint64_t key, Open** out);

  std::vector<std::string> dirs_;
  int num_hashes_;
  std::vector<Open> open_;
};

}  // namespace corpus::dedup

#endif  // CORPUS_DEDUP_DOC_STORE_H_

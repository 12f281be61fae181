#include "corpus/dedup/doc_store.h"

namespace corpus::dedup {

StoreSet::StoreSet(std::vector<std::string> store_dirs, int num_hashes)
    : dirs_(std::move(store_dirs)), num_hashes_(num_hashes), open_(dirs_.size()) {}

Status StoreSet::Get(uint64_t key, Open** out) {
  const uint64_t store = StoreOf(key);
  if (store >= dirs_.size()) return Status::Corruption("document key of unknown store");
  Open& o = open_[store];
  if (!o.docs) {
    auto docs = std::make_unique<RandomAccessFile>();
    auto ids = std::make_unique<RandomAccessFile>();
    auto sigs = std::make_unique<RandomAccessFile>();
    CORPUS_RETURN_IF_ERROR(docs->Open(StorePaths::Docs(dirs_[store])));
    CORPUS_RETURN_IF_ERROR(ids->Open(StorePaths::Ids(dirs_[store])));
    CORPUS_RETURN_IF_ERROR(sigs->Open(StorePaths::Sigs(dirs_[store])));
    o.docs = std::move(docs);
    o.ids = std::move(ids);
    o.sigs = std::move(sigs);
  }
  *out = &o;
  return Status::OK();
}

Status StoreSet::Doc(uint64_t key, DocEntry* out) {
  Open* o;
  CORPUS_RETURN_IF_ERROR(Get(key, &o));
  return o->docs->Read(OrdinalOf(key) * sizeof(DocEntry), sizeof(DocEntry), out);
}

Status StoreSet::Id(uint64_t key, const DocEntry& doc, std::string* out) {
  Open* o;
  CORPUS_RETURN_IF_ERROR(Get(key, &o));
  out->resize(doc.id_len);
  if (doc.id_len == 0) return Status::OK();
  return o->ids->Read(doc.id_offset, doc.id_len, out->data());
}

Status StoreSet::Signature(uint64_t key, uint32_t* out) {
  Open* o;
  CORPUS_RETURN_IF_ERROR(Get(key, &o));
  const size_t len = sizeof(uint32_t) * static_cast<size_t>(num_hashes_);
  return o->sigs->Read(OrdinalOf(key) * len, len, out);
}

}  // namespace corpus::dedup

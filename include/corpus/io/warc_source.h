#ifndef CORPUS_IO_WARC_SOURCE_H_
#define CORPUS_IO_WARC_SOURCE_H_

#include <memory>
#include <string>

#include "corpus/io/record_source.h"

namespace corpus {

// Opens a WARC or WET archive as a RecordSource of page records
// (docs/ARCHITECTURE.md, "Records"). Implemented in src/io/warc_source.cc.
Status OpenWarcRecordSource(const std::string& path, std::unique_ptr<RecordSource>* out);

}  // namespace corpus

#endif  // CORPUS_IO_WARC_SOURCE_H_

#include "corpus/io/warc_source.h"

namespace corpus {

// Replaced by the WARC/WET reader.
Status OpenWarcRecordSource(const std::string& path, std::unique_ptr<RecordSource>* out) {
  return Status::InvalidArgument("WARC input is not supported yet: " + path);
}

}  // namespace corpus

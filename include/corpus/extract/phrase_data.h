#ifndef CORPUS_EXTRACT_PHRASE_DATA_H_
#define CORPUS_EXTRACT_PHRASE_DATA_H_

#include <cstddef>

namespace corpus {

// One configs/extract/<language>.txt file, embedded at build time
// (src/extract/phrase_data.cmake writes the definitions).
struct EmbeddedPhraseFile {
  const char* language;  // the file name without ".txt"
  const char* text;
};

extern const EmbeddedPhraseFile kEmbeddedPhraseFiles[];
extern const size_t kEmbeddedPhraseFileCount;

// configs/extract/names.txt, the class and id name lists
// (markup_name_book.h), embedded at build time.
extern const char kEmbeddedMarkupNames[];

}  // namespace corpus

#endif  // CORPUS_EXTRACT_PHRASE_DATA_H_

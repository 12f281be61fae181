#ifndef CORPUS_EXTRACT_AUTHOR_BIOS_H_
#define CORPUS_EXTRACT_AUTHOR_BIOS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/extract/dom_index.h"

namespace corpus {

// Flags kDomBoilerplate on the bio of the page's author: a block of at most
// `max_box_text` bytes of text whose words are one of `descriptions` (the
// authors' descriptions in the page's JSON-LD, JsonLdFacts::author_descriptions), or
// a paragraph of one. Publishing software writes the author's profile both
// into the box under each post and into the post's structured data, so the
// match needs no words of any language; the bio is the same on every post
// of its author, and no part of the article. Words are compared by their
// letters and digits alone (spacing, punctuation, markup and entity escapes
// aside), and a block must hold kMinBioLetters of them. For article pages
// (extractor.cc); docs/LANGUAGES.md, "The author's bio". Linear in the
// page's blocks of a bio's size.
void MarkAuthorBios(DomIndex* dom, const std::vector<std::string>& descriptions,
                    uint64_t max_box_text);

// The fewest letters and digits a block must share with a description.
inline constexpr size_t kMinBioLetters = 60;

}  // namespace corpus

#endif  // CORPUS_EXTRACT_AUTHOR_BIOS_H_

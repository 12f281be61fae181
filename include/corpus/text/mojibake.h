#ifndef CORPUS_TEXT_MOJIBAKE_H_
#define CORPUS_TEXT_MOJIBAKE_H_

#include <cstddef>
#include <string>

namespace corpus {

// Repairs UTF-8 text that was decoded once more as Windows-1252 or
// ISO-8859-1 and encoded again: "doesnâ€™t" or "doesnâ\u0080\u0099t" for
// "doesn’t", "cafÃ©" for "café". Many pages are served that way (a CMS that
// stored UTF-8 bytes in a Latin-1 database), and the broken words count as
// other words in every later stage (dedup, language id, the tokenizer).
//
// A run is rewritten only when its characters, mapped back to Windows-1252
// bytes, form one whole UTF-8 sequence of two to four bytes: a lead
// character (Â..ô; for two bytes only the leads of common scripts) followed
// by exactly the continuation characters it needs (U+0080..U+00BF or their
// Windows-1252 stand-ins such as € and ™). Correct text almost never has
// that shape: an accented letter followed by a symbol such as "©" or "°"
// with no letter between. This is the core
// test of ftfy's fix_encoding (R. Speer, "ftfy", 2012-), without its
// broader heuristics. The input must be valid UTF-8. Returns the number of
// sequences repaired.
size_t RepairMojibake(std::string* text);

}  // namespace corpus

#endif  // CORPUS_TEXT_MOJIBAKE_H_

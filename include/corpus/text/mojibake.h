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

// Repairs text in a legacy East Asian charset (GBK, GB18030, Big5, Shift_JIS,
// EUC-JP, EUC-KR) that was decoded as Windows-1252 or ISO-8859-1: "ºÓ±±"
// for "河北", every byte its own character. A page's bytes reach an HTML
// record that way when a tool upstream of corpus took the wrong charset;
// corpus's own readers (crawl, WARC) decode by the page's declaration and
// uchardet (charset.h).
//
// The text is decoded again only when all three hold: every non-ASCII
// character stands for one Windows-1252 byte; at least 5% of the characters
// (and 100 in all) are such bytes (pages in Latin-1 languages, whose accented
// letters are a percent or two of an HTML page, stay as they are); and
// uchardet reads the bytes as one of the charsets above, which decode with
// under 1% of their characters replaced. Returns the charset the text was
// decoded from, or "" when it is unchanged.
std::string RedecodeMisreadCjk(std::string* text);

}  // namespace corpus

#endif  // CORPUS_TEXT_MOJIBAKE_H_

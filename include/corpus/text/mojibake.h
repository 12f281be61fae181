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

// Replaces each C1 control character (U+0080..U+009F) with the
// Windows-1252 character of the same byte value: "we\u0092re" becomes
// "we’re", "\u0093quoted\u0094" becomes "“quoted”". Such text is Windows-1252
// that some tool read as ISO-8859-1 and encoded as UTF-8; pages served that
// way are common among older sites. C1 controls are never text in HTML (a
// parse error in the input stream, HTML Standard 13.2.3.5), and a numeric
// character reference to one already means the Windows-1252 character (the
// table of 13.2.5.80, "Numeric character reference end state"); ftfy's
// fix_c1_controls does the same. The five that Windows-1252 leaves
// undefined (U+0081, U+008D, U+008F, U+0090, U+009D) stand for no
// character and are removed: left in, the HTML parser shows each as U+FFFD
// (the tail of a "”" whose other bytes were lost becomes "em”\u009D",
// "em”�"). The input must be valid UTF-8. Returns the number of characters
// replaced or removed.
size_t RepairC1Controls(std::string* text);

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

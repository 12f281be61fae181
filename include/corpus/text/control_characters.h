#ifndef CORPUS_TEXT_CONTROL_CHARACTERS_H_
#define CORPUS_TEXT_CONTROL_CHARACTERS_H_

#include <cstddef>
#include <string>

namespace corpus {

// Control characters in a page's HTML, which are never text there (a parse
// error in the input stream, HTML Standard 13.2.3.5) and which the parser
// shows as U+FFFD. Runs on a whole page before the parse; markup is ASCII
// printable and is not touched. The input must be valid UTF-8. Returns the
// number of characters replaced or removed. Thread-safe (no shared state).
//
// - C1 controls (U+0080..U+009F) are Windows-1252 that some tool read as
//   ISO-8859-1 before writing UTF-8: "we\u0092re" for "we’re", "\u0093" and
//   "\u0094" for “ and ”. Each becomes the Windows-1252 character of its byte,
//   as HTML already reads a numeric reference to one (the table of
//   13.2.5.80, "Numeric character reference end state") and as ftfy's
//   fix_c1_controls does. The five that Windows-1252 leaves undefined
//   (U+0081, U+008D, U+008F, U+0090, U+009D) stand for no character and go
//   (U+009D, the lost tail of a "”": "love 'em”\u009D guarantee").
// - C0 controls other than HTML's whitespace (tab, line feed, form feed,
//   carriage return) and NUL, and DEL, go: "unbequemen \x1DThemen". A
//   vertical tab, the line break of word processors' text, becomes a space.
//   NUL is left to the parser, which has rules of its own for it.
size_t RepairControlCharacters(std::string* text);

}  // namespace corpus

#endif  // CORPUS_TEXT_CONTROL_CHARACTERS_H_

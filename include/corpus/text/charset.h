#ifndef CORPUS_TEXT_CHARSET_H_
#define CORPUS_TEXT_CHARSET_H_

#include <string>
#include <string_view>

namespace corpus {

// Result of decoding an HTML body to UTF-8.
struct DecodedHtml {
  std::string utf8;     // valid UTF-8, invalid bytes replaced by U+FFFD
  std::string charset;  // canonical lowercase name actually used, e.g. "utf-8", "windows-1252", "shift_jis"
  std::string method;   // "bom", "header", "meta", "detector" or "default"
};

// Decodes an HTML body (as fetched, or as stored in a WARC response) to UTF-8.
//
// The encoding is chosen in the order of the HTML standard's "encoding
// sniffing algorithm" (WHATWG HTML §13.2.3.2), simplified:
//   1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE), which is stripped;
//   2. charset= of the Content-Type header;
//   3. <meta charset> / <meta http-equiv=Content-Type content=...> found by a
//      prescan of the first 4 KiB (§13.2.3.3, simplified; a meta naming UTF-16
//      means UTF-8, as the standard says);
//   4. uchardet's guess;
//   5. otherwise UTF-8 when the bytes are valid UTF-8, else windows-1252.
// Labels are resolved as the WHATWG Encoding standard does, so ISO-8859-1 and
// US-ASCII mean windows-1252, Shift_JIS means windows-31j, GB2312 means GBK.
// A label nobody knows is ignored and the next step decides. One departure
// from the standard: a body that is valid UTF-8 and not pure ASCII is decoded
// as UTF-8 even when a header or meta names another (non-UTF-16) charset
// (method "detector"): mislabelled UTF-8 is common, the reverse almost never
// validates.
DecodedHtml DecodeHtmlToUtf8(std::string_view body, std::string_view content_type_header);
// The same, taking the body: when it is UTF-8 already it becomes `utf8`
// without a copy. `body` is left valid but unspecified.
DecodedHtml DecodeOwnedHtmlToUtf8(std::string&& body, std::string_view content_type_header);

// uchardet's guess for `bytes` (their first 64 KiB) as a canonical charset
// name (CanonicalCharset), or "" when it has none, or none decoded here.
std::string DetectCharset(std::string_view bytes);

// "text/html; charset=ISO-8859-1" -> "iso-8859-1" (lowercased, quotes
// stripped), "" if there is no charset parameter.
std::string CharsetFromContentType(std::string_view content_type_header);

// Maps an encoding label ("latin1", "SJIS", "utf8", " UTF-8 ") to the canonical
// lowercase name used in DecodedHtml::charset ("windows-1252", "shift_jis",
// "utf-8"), or "" if the label names no encoding we can decode.
std::string CanonicalCharset(std::string_view label);

// Converts `bytes` in `charset` (a canonical name) to UTF-8, replacing
// undecodable bytes by U+FFFD. Returns false, leaving `out` empty, when the
// charset is unsupported.
bool ConvertToUtf8(std::string_view bytes, const std::string& charset, std::string* out);

}  // namespace corpus

#endif  // CORPUS_TEXT_CHARSET_H_

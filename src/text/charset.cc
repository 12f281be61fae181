// Finding the encoding of an HTML body (the HTML standard's encoding sniffing,
// simplified) and decoding it; the encodings themselves are in
// charset_convert.cc.

#include "corpus/text/charset.h"

#include <uchardet/uchardet.h>

#include <memory>
#include <utility>

#include "corpus/text/html_attributes.h"
#include "corpus/util/ascii.h"
#include "corpus/util/json.h"

namespace corpus {
namespace {

// WHATWG HTML §13.2.3.2: the prescan looks at the first 1024 bytes; pages in
// the wild often put <meta charset> after a long <head> preamble, so we scan
// 4 KiB, like several crawlers do.
constexpr size_t kPrescanBytes = 4096;
// uchardet's guess does not improve much after the first tens of KiB, and
// feeding it a 50 MB page would cost as much as the rest of the pipeline.
constexpr size_t kDetectorBytes = 64 * 1024;

// One attribute of a tag, per WHATWG HTML §13.2.3.3 "get an attribute": its
// name and value ASCII-lowercased.
struct Attribute {
  std::string name;
  std::string value;
};

// Reads the attribute at `*pos` in `s` (split by NextHtmlAttribute); false at
// the tag's end or the end of `s`.
bool GetAttribute(std::string_view s, size_t* pos, Attribute* attr) {
  HtmlAttribute raw;
  if (NextHtmlAttribute(s, pos, &raw) != HtmlAttributeStep::kAttribute) return false;
  attr->name = AsciiLowercase(raw.name);
  attr->value = AsciiLowercase(raw.value);
  return true;
}

// WHATWG HTML §2.4 "extracting a character encoding from a meta element":
// the value after "charset" and '=' in a content attribute.
std::string CharsetFromMetaContent(std::string_view content) {
  size_t i = 0;
  for (;;) {
    const size_t at = content.find("charset", i);
    if (at == std::string_view::npos) return "";
    i = at + 7;
    while (i < content.size() && IsAsciiWhitespace(content[i])) ++i;
    if (i < content.size() && content[i] == '=') break;
  }
  ++i;
  while (i < content.size() && IsAsciiWhitespace(content[i])) ++i;
  if (i >= content.size()) return "";
  if (content[i] == '"' || content[i] == '\'') {
    const char quote = content[i];
    const size_t end = content.find(quote, i + 1);
    if (end == std::string_view::npos) return "";
    return std::string(content.substr(i + 1, end - i - 1));
  }
  size_t end = i;
  while (end < content.size() && !IsAsciiWhitespace(content[end]) && content[end] != ';') ++end;
  return std::string(content.substr(i, end - i));
}

// Canonical charset named by the attributes of one <meta> tag, or "".
std::string CharsetFromMetaTag(std::string_view s, size_t* pos) {
  bool pragma = false;
  std::string charset;
  std::string from_content;
  Attribute attr;
  while (GetAttribute(s, pos, &attr)) {
    if (attr.name == "http-equiv" && attr.value == "content-type") {
      pragma = true;
    } else if (attr.name == "charset" && charset.empty()) {
      charset = attr.value;
    } else if (attr.name == "content" && from_content.empty()) {
      from_content = CharsetFromMetaContent(attr.value);
    }
  }
  std::string label = !charset.empty() ? charset : (pragma ? from_content : "");
  std::string canonical = CanonicalCharset(label);
  // §13.2.3.3: a meta cannot switch to UTF-16 (the bytes being read are
  // ASCII-compatible), so it means UTF-8; x-user-defined means windows-1252.
  if (canonical == "utf-16le" || canonical == "utf-16be") return "utf-8";
  if (label == "x-user-defined") return "windows-1252";
  return canonical;
}

// The prescan of WHATWG HTML §13.2.3.3, simplified: comments and other tags are
// skipped (their attributes parsed, so a quoted '>' does not end them), the
// first <meta> that names a known encoding wins.
std::string PrescanMetaCharset(std::string_view body) {
  const std::string_view s = body.substr(0, kPrescanBytes);
  size_t i = 0;
  while (i < s.size()) {
    const size_t lt = s.find('<', i);
    if (lt == std::string_view::npos) break;
    i = lt;
    if (s.compare(i, 4, "<!--") == 0) {
      const size_t end = s.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
    } else if (StartsWithLowercase(s, i, "<meta") && i + 5 < s.size() &&
               (IsAsciiWhitespace(s[i + 5]) || s[i + 5] == '/')) {
      i += 5;
      std::string charset = CharsetFromMetaTag(s, &i);
      if (!charset.empty()) return charset;
    } else if (i + 1 < s.size() &&
               (IsAsciiAlpha(s[i + 1]) ||
                (s[i + 1] == '/' && i + 2 < s.size() && IsAsciiAlpha(s[i + 2])))) {
      // Any other tag: skip its name, then its attributes.
      ++i;
      while (i < s.size() && !IsAsciiWhitespace(s[i]) && s[i] != '>') ++i;
      HtmlAttribute ignored;
      while (NextHtmlAttribute(s, &i, &ignored) == HtmlAttributeStep::kAttribute) {
      }
    } else if (i + 1 < s.size() && (s[i + 1] == '!' || s[i + 1] == '/' || s[i + 1] == '?')) {
      const size_t end = s.find('>', i + 1);
      if (end == std::string_view::npos) break;
      i = end + 1;
    } else {
      ++i;
    }
  }
  return "";
}

bool IsAscii(std::string_view s) { return AsciiPrefixLength(s) == s.size(); }

DecodedHtml Decode(std::string_view bytes, std::string charset, std::string method) {
  DecodedHtml out;
  if (!ConvertToUtf8(bytes, charset, &out.utf8)) {
    // Only reachable if glibc lacks a gconv module: fall back, never fail.
    charset = "windows-1252";
    method = "default";
    ConvertToUtf8(bytes, charset, &out.utf8);
  }
  out.charset = std::move(charset);
  out.method = std::move(method);
  return out;
}

// UTF-8 already validated: a copy, without a second validation pass.
// `owned`, when set, holds the bytes `body` views (or a part of them): they are
// moved instead of copied when `body` is the whole of it.
DecodedHtml ValidUtf8(std::string_view body, std::string method, std::string* owned) {
  DecodedHtml out;
  if (owned != nullptr && owned->data() == body.data() && owned->size() == body.size()) {
    out.utf8 = std::move(*owned);
  } else {
    out.utf8.assign(body);
  }
  out.charset = "utf-8";
  out.method = std::move(method);
  return out;
}

}  // namespace

std::string DetectCharset(std::string_view bytes) {
  std::unique_ptr<struct uchardet, void (*)(uchardet_t)> ud(uchardet_new(), uchardet_delete);
  if (!ud) return "";
  const std::string_view sample = bytes.substr(0, kDetectorBytes);
  if (uchardet_handle_data(ud.get(), sample.data(), sample.size()) != 0) return "";
  uchardet_data_end(ud.get());
  const char* name = uchardet_get_charset(ud.get());
  return name ? CanonicalCharset(name) : "";
}

std::string CharsetFromContentType(std::string_view header) {
  size_t i = header.find(';');
  while (i != std::string_view::npos) {
    ++i;
    const size_t next = header.find(';', i);
    std::string_view param = header.substr(i, next == std::string_view::npos ? header.npos : next - i);
    i = next;
    const size_t eq = param.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string_view name = StripAsciiWhitespace(param.substr(0, eq));
    if (!EqualsIgnoreAsciiCase(name, "charset")) continue;
    std::string_view value = StripAsciiWhitespace(param.substr(eq + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    }
    return AsciiLowercase(value);
  }
  return "";
}

namespace {

DecodedHtml DecodeHtml(std::string_view body, std::string_view content_type_header,
                       std::string* owned) {
  if (body.substr(0, 3) == "\xEF\xBB\xBF") return Decode(body.substr(3), "utf-8", "bom");
  if (body.substr(0, 2) == "\xFF\xFE") return Decode(body.substr(2), "utf-16le", "bom");
  if (body.substr(0, 2) == "\xFE\xFF") return Decode(body.substr(2), "utf-16be", "bom");

  // Bytes that are valid UTF-8 and not plain ASCII are UTF-8 with near
  // certainty (text in a legacy encoding almost never forms valid multibyte
  // sequences), and declarations of ISO-8859-1 over UTF-8 bytes are common:
  // server defaults, pages converted without updating their <meta>. So such
  // bytes are decoded as UTF-8 whatever a label says (a label naming UTF-16
  // without a BOM excepted); this also spares uchardet's occasional misguess
  // of short UTF-8 pages as a single-byte encoding.
  const bool ascii = IsAscii(body);
  const bool valid_utf8 = ascii || IsValidUtf8(body);
  auto declared = [&](std::string cs, const char* method) {
    if (valid_utf8 && cs == "utf-8") return ValidUtf8(body, method, owned);
    if (valid_utf8 && !ascii && cs != "utf-16le" && cs != "utf-16be") {
      return ValidUtf8(body, "detector", owned);
    }
    return Decode(body, std::move(cs), method);
  };
  if (std::string cs = CanonicalCharset(CharsetFromContentType(content_type_header)); !cs.empty()) {
    return declared(std::move(cs), "header");
  }
  if (std::string cs = PrescanMetaCharset(body); !cs.empty()) return declared(std::move(cs), "meta");
  if (valid_utf8) return ValidUtf8(body, ascii ? "default" : "detector", owned);
  if (std::string cs = DetectCharset(body); !cs.empty() && cs != "utf-8") {
    return Decode(body, std::move(cs), "detector");
  }
  return Decode(body, "windows-1252", "default");
}

}  // namespace

DecodedHtml DecodeHtmlToUtf8(std::string_view body, std::string_view content_type_header) {
  return DecodeHtml(body, content_type_header, nullptr);
}

DecodedHtml DecodeOwnedHtmlToUtf8(std::string&& body, std::string_view content_type_header) {
  return DecodeHtml(body, content_type_header, &body);
}

}  // namespace corpus

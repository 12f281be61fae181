#ifndef CORPUS_CRAWL_HTML_TAG_SCANNER_H_
#define CORPUS_CRAWL_HTML_TAG_SCANNER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace corpus {

// One start tag as the scanner met it: its name and attributes, still
// pointing into the scanned document.
class HtmlStartTag {
 public:
  // Lowercase tag name ("a", "meta"); names longer than 15 bytes, which no
  // tag the crawler looks at has, are reported as "".
  std::string_view name() const { return std::string_view(name_, name_len_); }

  // Value of the first attribute called `name` (ASCII lowercase expected),
  // compared ASCII case-insensitively as the HTML tokenizer lowercases
  // attribute names. Character references are decoded into `value` (WHATWG
  // HTML §13.2.5.72-80 for attribute values: numeric, and the named ones of
  // FindHtmlNamedReference). False, leaving `value` empty,
  // when the tag has no such attribute; an attribute without a value gives
  // true and "".
  bool Get(std::string_view name, std::string* value) const;
  bool Has(std::string_view name) const;

  // Inside a <template>: content a script clones in (or, with
  // shadowrootmode, a declarative shadow root the page renders), not part
  // of the document itself.
  bool in_template() const { return in_template_; }

 private:
  friend class HtmlTagScanner;
  struct Attr {
    std::string_view name;   // as written
    std::string_view value;  // raw, character references not decoded
  };
  const Attr* Find(std::string_view name) const;

  char name_[16];
  size_t name_len_ = 0;
  bool in_template_ = false;
  std::vector<Attr> attrs_;
};

// HtmlTagScanner finds the start tags of an HTML document in one forward
// pass without building a tree; the crawler uses it to find links, <base>
// and <meta name=robots>, which a full HTML5 parse costs ten times more for.
//
// It follows the WHATWG HTML tokenizer (§13.2.5) where that decides which
// bytes are markup: comments (`<!-- -->`, also `<!-->`, `--!>` endings),
// bogus comments (`<!...>`, `<?...>`, `</ ...>`), attributes as
// NextHtmlAttribute (text/html_attributes.h) splits them (quoted values may
// contain `>`, attributes may span lines), case-insensitive names, and the
// contents of raw-text and RCDATA elements (script, style, xmp, iframe,
// noembed, noframes, textarea, title; plaintext to the end), which are text
// however much they look like tags.
// Tags inside <template> are reported flagged (HtmlStartTag::in_template):
// their contents are tokenized like any markup. A tag cut off by the end of
// the input is dropped, as the tokenizer does.
//
// Simplifications, none of which matter for finding links: SVG/MathML
// content is tokenized as HTML, and script's "double escaped" state
// (`<!--<script>` inside a script) is not modelled, so such a script ends at
// its first `</script>`. Cost is linear in the input; no recursion.
class HtmlTagScanner {
 public:
  using Callback = std::function<void(const HtmlStartTag&)>;

  // Calls `on_tag` for every start tag of `html` in document order. The tag
  // and its string_views are valid only during the call.
  void Scan(std::string_view html, const Callback& on_tag);

 private:
  // Parses the tag whose name starts at `pos` (just past "<" or "</") into
  // tag_; returns the index past its ">", or npos when the input ends first.
  size_t ParseTag(std::string_view html, size_t pos);

  HtmlStartTag tag_;  // reused, so a page costs no allocation per tag
};

// Appends `raw`, an attribute value as written, to `out` with its character
// references decoded (see HtmlStartTag::Get). Unknown or malformed references
// are kept as written.
void AppendDecodedAttributeValue(std::string_view raw, std::string* out);

}  // namespace corpus

#endif  // CORPUS_CRAWL_HTML_TAG_SCANNER_H_

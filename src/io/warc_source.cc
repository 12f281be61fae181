// WARC and WET archives as a RecordSource of page records (docs/ARCHITECTURE.md, "Records"):
// what to keep from each WARC record, and how it becomes a JSON line.

#include "corpus/io/warc_source.h"

#include <map>

#include "corpus/io/byte_stream.h"
#include "corpus/io/http_response.h"
#include "corpus/io/warc_reader.h"
#include "corpus/text/charset.h"
#include "corpus/util/ascii.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"

namespace corpus {
namespace {

// A page body over this size is skipped and counted (the record cap of
// WarcReader applies the same bound to the archived block).
constexpr uint64_t kMaxBody = uint64_t{64} << 20;

std::string LowerMediaType(std::string_view content_type) {
  return AsciiLowercase(StripChars(content_type.substr(0, content_type.find(';')), " \t"));
}

bool IsHtmlMediaType(const std::string& mime) {
  return mime == "text/html" || mime == "application/xhtml+xml";
}

// The HTML signatures of the WHATWG MIME Sniffing standard (§7.1, "text/html"
// rows), simplified: after optional whitespace (and a UTF-8 BOM), the body
// starts with <!DOCTYPE HTML, <html, <head, <body, <title, <p, <div, <!--.
bool LooksLikeHtml(std::string_view body) {
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  const size_t start = body.find_first_not_of(" \t\r\n\f");
  if (start == std::string_view::npos) return false;
  body = body.substr(start, 16);
  const std::string lower = AsciiLowercase(body);
  for (std::string_view sig : {"<!doctype html", "<html", "<head", "<body", "<title", "<p", "<div", "<!--"}) {
    if (lower.compare(0, sig.size(), sig) != 0) continue;
    // The tag name must end there: "<p>" starts a page, "<preamble>" does not.
    if (sig == "<!--" || lower.size() == sig.size()) return true;
    const char next = lower[sig.size()];
    if (next == ' ' || next == '>' || next == '\t' || next == '\n' || next == '\r') return true;
  }
  return false;
}

// WARC-Target-URI as a plain URL: some writers (wget among them, following
// an early WARC 1.0 draft) wrap it in angle brackets.
std::string_view TargetUri(const WarcRecord& rec) {
  std::string_view uri = rec.Header("WARC-Target-URI");
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
  return uri;
}

// The counter name for a record type that carries no page: the other types of
// WARC 1.1 §6 by name, anything else as "other" (a malformed archive must not
// grow the counters without bound).
std::string SkippedType(std::string_view type) {
  for (std::string_view known : {"warcinfo", "request", "metadata", "revisit", "resource", "continuation"}) {
    if (type == known) return std::string(known);
  }
  return "other";
}

class WarcRecordSource : public RecordSource {
 public:
  WarcRecordSource(std::unique_ptr<ByteStream> stream, const std::string& path)
      : reader_(std::move(stream), path), source_("warc:" + BaseName(path)) {}

  bool Next(std::string_view* json) override {
    while (reader_.Next(&rec_)) {
      const std::string_view type = rec_.type();
      bool made = false;
      if (type == "response") {
        made = MakePage(rec_);
      } else if (type == "conversion") {
        made = MakeWetDocument(rec_);
      } else {
        Skip(SkippedType(type));
      }
      if (made) {
        position_ = reader_.records();
        *json = json_;
        return true;
      }
    }
    return false;
  }

  uint64_t position() const override { return position_; }
  Status status() const override { return reader_.status(); }
  uint64_t file_offset() const override { return reader_.stream().compressed_offset(); }
  uint64_t file_size() const override { return reader_.stream().file_size(); }
  std::vector<std::pair<std::string, uint64_t>> skipped() const override {
    return {skipped_.begin(), skipped_.end()};
  }

 private:
  void Skip(const std::string& reason) { ++skipped_["warc_skipped_" + reason]; }

  // The fields every record from an archive starts with.
  JsonObjectWriter Common(const WarcRecord& rec) const {
    JsonObjectWriter w;
    w.String("id", rec.Header("WARC-Record-ID"))
        .String("url", TargetUri(rec))
        .String("source", source_)
        .String("fetched_at", rec.Header("WARC-Date"));
    return w;
  }

  // A `response` record holding an HTML page fetched with status 200.
  bool MakePage(const WarcRecord& rec) {
    if (rec.oversized) {
      Skip("too_large");
      return false;
    }
    // Responses to dns: or other non-HTTP requests have no HTTP message.
    if (LowerMediaType(rec.Header("Content-Type")) != "application/http") {
      Skip("not_http");
      return false;
    }
    HttpResponseHead head;
    if (!ParseHttpResponseHead(rec.block, &head).ok()) {
      Skip("bad_http");
      return false;
    }
    if (head.status != 200) {
      Skip("status");
      return false;
    }
    // The payload type Common Crawl identified from the bytes outranks what
    // the server declared (a PDF served as text/html is not a page).
    const std::string_view content_type = FindHeader(head.headers, "Content-Type");
    const std::string_view identified = rec.Header("WARC-Identified-Payload-Type");
    const std::string mime = LowerMediaType(identified.empty() ? content_type : identified);
    // With no type at all, the body decides (below), as a browser sniffs it.
    if (!IsHtmlMediaType(mime) && !mime.empty()) {
      Skip("not_html");
      return false;
    }
    bool truncated = false;
    const std::string_view raw = std::string_view(rec.block).substr(head.body_offset);
    const Status st = DecodeHttpBody(head, raw, kMaxBody, &body_, &truncated);
    if (!st.ok()) {
      Skip(st.code() == Status::Code::kAborted ? "too_large" : "bad_encoding");
      return false;
    }
    if (mime.empty() && !LooksLikeHtml(body_)) {
      Skip("not_html");
      return false;
    }
    DecodedHtml html = DecodeHtmlToUtf8(body_, content_type);
    JsonObjectWriter w = Common(rec);
    w.Int("status", head.status).String("content_type", content_type).String("charset", html.charset);
    // Marked like the crawler marks a body cut at its cap: by the writer's
    // limit (WARC-Truncated, WARC 1.1 §5.13) or by a compressed body cut short.
    if (truncated || !rec.Header("WARC-Truncated").empty()) w.Bool("truncated", true);
    json_ = w.String("html", html.utf8).Finish();
    return true;
  }

  // A WET `conversion` record: Common Crawl's own text of a page.
  bool MakeWetDocument(const WarcRecord& rec) {
    if (rec.oversized) {
      Skip("too_large");
      return false;
    }
    // WET text is UTF-8; AppendJsonString replaces any invalid byte.
    json_ = Common(rec).String("text", rec.block).String("text_source", "commoncrawl_wet").Finish();
    return true;
  }

  WarcReader reader_;
  std::string source_;
  // Reused from record to record, so their buffers are allocated once.
  WarcRecord rec_;
  std::string body_;
  std::string json_;
  uint64_t position_ = 0;
  std::map<std::string, uint64_t> skipped_;
};

}  // namespace

Status OpenWarcRecordSource(const std::string& path, std::unique_ptr<RecordSource>* out) {
  std::unique_ptr<ByteStream> stream;
  CORPUS_RETURN_IF_ERROR(ByteStream::Open(path, &stream));
  *out = std::make_unique<WarcRecordSource>(std::move(stream), path);
  return Status::OK();
}

}  // namespace corpus

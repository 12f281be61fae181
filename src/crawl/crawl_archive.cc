#include "corpus/crawl/crawl_archive.h"

#include <ctime>

#include "corpus/crawl/crawl_config.h"
#include "corpus/io/header_fields.h"
#include "corpus/io/http_response.h"
#include "corpus/version.h"

namespace corpus {
namespace {

constexpr const char* kServerNotModified = "http://netpreserve.org/warc/1.1/revisit/server-not-modified";

// The header fields of a request block (after its request line).
HeaderFields RequestFields(std::string_view request) {
  HeaderFields fields;
  const size_t line_end = request.find('\n');
  if (line_end == std::string_view::npos) return fields;
  request.remove_prefix(line_end + 1);
  const size_t blank = request.find("\r\n\r\n");
  ParseHeaderFields(request.substr(0, blank), &fields);
  return fields;
}

// The entity body of a response block: the body without its chunked
// transfer coding (what is received of it, when cut short).
std::string EntityBody(const HttpResponseHead& head, std::string_view block) {
  const std::string_view body = block.substr(std::min(head.body_offset, block.size()));
  const std::string_view te = FindHeader(head.headers, "Transfer-Encoding");
  if (te.find("chunked") == std::string_view::npos && te.find("CHUNKED") == std::string_view::npos) {
    return std::string(body);
  }
  std::string out;
  const Status st = DecodeChunked(body, body.size(), &out);
  if (!st.ok() && out.empty()) return std::string(body);  // not chunked after all
  return out;
}

std::string WarcinfoFields(const CrawlConfig& config) {
  return std::string("software: corpus/") + CORPUS_VERSION +
         "\r\nformat: WARC File Format 1.1"
         "\r\nconformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"
         "\r\nrobots: obey"
         "\r\nhttp-header-user-agent: " +
         config.EffectiveUserAgent() + "\r\n";
}

// A series name unique to this run: corpus-YYYYMMDDhhmmss-RANDOM.
std::string NewPrefix() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof(stamp), "%Y%m%d%H%M%S", &tm);
  const std::string uuid = NewWarcRecordId();  // "<urn:uuid:xxxxxxxx-..."
  return std::string("corpus-") + stamp + "-" + uuid.substr(10, 8);
}

}  // namespace

std::vector<WarcOutRecord> ExchangeRecords(const HttpExchange& x, std::string_view truncated) {
  const std::string date = WarcDate(x.unix_seconds);
  const std::string request_id = NewWarcRecordId();
  const std::string response_id = NewWarcRecordId();
  HttpResponseHead head;
  const bool parsed = ParseHttpResponseHead(x.response, &head).ok();
  bool revisit = false;
  if (parsed && head.status == 304) {
    const HeaderFields sent = RequestFields(x.request);
    revisit = !FindHeader(sent, "If-None-Match").empty() || !FindHeader(sent, "If-Modified-Since").empty();
  }
  auto common = [&](WarcOutRecord* r, const std::string& id, const std::string& other) {
    r->Add("WARC-Record-ID", id);
    r->Add("WARC-Date", date);
    r->Add("WARC-Target-URI", x.target_uri);
    if (!x.ip_address.empty()) r->Add("WARC-IP-Address", x.ip_address);
    r->Add("WARC-Concurrent-To", other);
  };
  std::vector<WarcOutRecord> out(2);
  WarcOutRecord& req = out[0];
  req.type = "request";
  common(&req, request_id, response_id);
  req.Add("WARC-Block-Digest", WarcSha1Digest(x.request));
  req.Add("Content-Type", "application/http;msgtype=request");
  req.block = x.request;

  WarcOutRecord& resp = out[1];
  resp.type = revisit ? "revisit" : "response";
  common(&resp, response_id, request_id);
  resp.Add("WARC-Block-Digest", WarcSha1Digest(x.response));
  if (revisit) {
    // §6.7.2: the 304's header fields; the earlier capture is the same URI.
    resp.Add("WARC-Profile", kServerNotModified);
    resp.Add("WARC-Refers-To-Target-URI", x.target_uri);
  } else if (parsed) {
    resp.Add("WARC-Payload-Digest", WarcSha1Digest(EntityBody(head, x.response)));
  }
  if (!truncated.empty()) {
    resp.Add("WARC-Truncated", std::string(truncated));
  } else if (x.cut) {
    resp.Add("WARC-Truncated", "length");
  }
  resp.Add("Content-Type", "application/http;msgtype=response");
  resp.block = x.response;
  return out;
}

Status CrawlArchive::Open(const CrawlConfig& config, std::string_view committed_state,
                          std::unique_ptr<CrawlArchive>* out) {
  WarcWriter::Options o;
  o.dir = config.warc_dir;
  o.max_file_bytes = config.warc_max_bytes;
  o.warcinfo_fields = WarcinfoFields(config);
  std::unique_ptr<CrawlArchive> archive;
  if (committed_state.empty()) {
    o.prefix = NewPrefix();
    archive.reset(new CrawlArchive(std::move(o)));
    CORPUS_RETURN_IF_ERROR(archive->writer_.Start());
    archive->thread_ = std::thread([a = archive.get()] { a->WriterLoop(); });
  } else {
    WarcWriter::State state;
    CORPUS_RETURN_IF_ERROR(WarcWriter::State::FromJson(committed_state, &state));
    o.prefix = state.prefix;
    archive.reset(new CrawlArchive(std::move(o)));
    CORPUS_RETURN_IF_ERROR(archive->writer_.Resume(state));
    archive->thread_ = std::thread([a = archive.get()] { a->WriterLoop(); });
  }
  *out = std::move(archive);
  return Status::OK();
}

Status CrawlArchive::RemoveFiles(std::string_view committed_state) {
  if (committed_state.empty()) return Status::OK();
  WarcWriter::State state;
  CORPUS_RETURN_IF_ERROR(WarcWriter::State::FromJson(committed_state, &state));
  return WarcWriter::RemoveFiles(state);
}

CrawlArchive::CrawlArchive(WarcWriter::Options options) : writer_(std::move(options)) {}

CrawlArchive::~CrawlArchive() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

Status CrawlArchive::Add(FetchResult* r) {
  if (r->exchanges.empty()) return Status::OK();
  Fetch f;
  // Why the last response is incomplete (WARC 1.1 §5.13): the body cap,
  // the timeout, a dropped connection, or the crawler hanging up on a
  // response that is not HTML.
  if (r->truncated) f.truncated = "length";
  else if (r->error == FetchError::kTimeout) f.truncated = "time";
  else if (r->error == FetchError::kNotHtml) f.truncated = "unspecified";
  else if (r->error != FetchError::kNone) f.truncated = "disconnect";
  HttpExchange& x = r->exchanges.back();
  if (r->error == FetchError::kNotHtml && x.response.size() >= 2 &&
      x.response.compare(x.response.size() - 2, 2, "\r\n") == 0 &&
      (x.response.size() < 4 || x.response.compare(x.response.size() - 4, 4, "\r\n\r\n") != 0)) {
    // The transfer was stopped at the blank line that ends the head,
    // before curl passed that line on: it was received, so it is kept.
    x.response += "\r\n";
  }
  for (const auto& e : r->exchanges) f.bytes += e.request.size() + e.response.size();
  f.exchanges = std::move(r->exchanges);
  r->exchanges.clear();
  std::unique_lock<std::mutex> lock(mu_);
  // Bounded memory: wait while the thread is behind by more than the cap.
  cv_.wait(lock, [&] { return queued_bytes_ < kMaxQueuedBytes || !error_.ok(); });
  if (!error_.ok()) return error_;
  queued_bytes_ += f.bytes;
  queue_.push_back(std::move(f));
  cv_.notify_all();
  return Status::OK();
}

void CrawlArchive::WriterLoop() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    if (stop_) return;
    Fetch f = std::move(queue_.front());
    queue_.pop_front();
    writing_ = true;
    lock.unlock();
    Status st;
    for (size_t i = 0; i < f.exchanges.size() && st.ok(); ++i) {
      const bool last = i + 1 == f.exchanges.size();
      st = writer_.Write(ExchangeRecords(f.exchanges[i], last ? f.truncated : ""));
    }
    lock.lock();
    writing_ = false;
    queued_bytes_ -= f.bytes;
    if (!st.ok() && error_.ok()) error_ = st;
    cv_.notify_all();
  }
}

Status CrawlArchive::Drain() {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [&] { return (queue_.empty() && !writing_) || !error_.ok(); });
  return error_;
}

Status CrawlArchive::Commit(std::string* state) {
  CORPUS_RETURN_IF_ERROR(Drain());
  WarcWriter::State s;
  CORPUS_RETURN_IF_ERROR(writer_.Commit(&s));
  *state = s.ToJson();
  return Status::OK();
}

Status CrawlArchive::Close() {
  CORPUS_RETURN_IF_ERROR(Drain());
  return writer_.Close();
}

}  // namespace corpus

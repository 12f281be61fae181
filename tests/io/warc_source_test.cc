// WARC/WET archives read through OpenRecordSource, as every stage reads them.

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "corpus/io/record.h"
#include "corpus/io/record_source.h"
#include "io/warc_test_util.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

using corpus::testing::GzipMember;
using corpus::testing::HttpMessage;
using corpus::testing::ResponseRecord;
using corpus::testing::SharedWarcPath;
using corpus::testing::TempDir;
using corpus::testing::WarcRecordBytes;
using corpus::testing::WriteBytes;

struct Output {
  std::vector<Record> records;
  std::map<std::string, uint64_t> skipped;
  Status status;
};

Output ReadSource(const std::string& path) {
  Output out;
  std::unique_ptr<RecordSource> source;
  Status st = OpenRecordSource(path, &source);
  EXPECT_TRUE(st.ok()) << st.ToString();
  if (!st.ok()) return out;
  std::string_view json;
  while (source->Next(&json)) {
    Record r;
    EXPECT_TRUE(r.Parse(json).ok()) << json;
    out.records.push_back(std::move(r));
  }
  out.status = source->status();
  for (const auto& [k, v] : source->skipped()) out.skipped[k] = v;
  return out;
}

std::string Str(const Record& r, std::string_view key) { return r.GetString(key).value_or("<absent>"); }

// An archive with one record of every kind the reader must tell apart.
std::string MixedArchive(bool gzip) {
  const std::string html = "<html><p>caf\xE9 \x93quoted\x94</p></html>";
  const std::string gz_html = GzipMember("<html><p>gzipped page</p></html>");
  const std::vector<std::string> recs = {
      WarcRecordBytes({{"WARC-Type", "warcinfo"}, {"WARC-Record-ID", "<urn:uuid:0>"}}, "software: test\r\n"),
      WarcRecordBytes({{"WARC-Type", "request"}, {"WARC-Record-ID", "<urn:uuid:1>"}}, "GET / HTTP/1.1\r\n\r\n"),
      ResponseRecord("<urn:uuid:2>", "http://a.example/latin",
                     HttpMessage(200, {{"Content-Type", "text/html; charset=iso-8859-1"}}, html)),
      ResponseRecord("<urn:uuid:3>", "<http://a.example/gz>",
                     HttpMessage(200,
                                 {{"Content-Type", "text/html"},
                                  {"Content-Encoding", "gzip"},
                                  {"Transfer-Encoding", "chunked"}},
                                 "5\r\n" + gz_html.substr(0, 5) + "\r\n" +
                                     [&] {
                                       char b[16];
                                       std::snprintf(b, sizeof(b), "%zx", gz_html.size() - 5);
                                       return std::string(b);
                                     }() +
                                     "\r\n" + gz_html.substr(5) + "\r\n0\r\n\r\n")),
      ResponseRecord("<urn:uuid:4>", "http://a.example/missing",
                     HttpMessage(404, {{"Content-Type", "text/html"}}, "<p>not found</p>")),
      ResponseRecord("<urn:uuid:5>", "http://a.example/logo.png",
                     HttpMessage(200, {{"Content-Type", "image/png"}}, "\x89PNG")),
      WarcRecordBytes({{"WARC-Type", "revisit"}, {"WARC-Record-ID", "<urn:uuid:6>"}}, ""),
      WarcRecordBytes({{"WARC-Type", "metadata"}, {"WARC-Record-ID", "<urn:uuid:7>"}}, "fetchTimeMs: 1\r\n"),
      WarcRecordBytes({{"WARC-Type", "response"},
                       {"WARC-Record-ID", "<urn:uuid:8>"},
                       {"WARC-Target-URI", "dns:a.example"},
                       {"Content-Type", "text/dns"}},
                      "a.example. 300 IN A 192.0.2.1\r\n"),
  };
  std::string out;
  for (const auto& r : recs) out += gzip ? GzipMember(r) : r;
  return out;
}

TEST(WarcSource, TurnsResponsesIntoPageRecordsAndCountsTheRest) {
  TempDir dir;
  for (bool gzip : {false, true}) {
    const std::string path = dir.Sub(gzip ? "CC-TEST-00001.warc.gz" : "CC-TEST-00001.warc");
    WriteBytes(path, MixedArchive(gzip));
    Output out = ReadSource(path);
    ASSERT_TRUE(out.status.ok()) << out.status.ToString();
    ASSERT_EQ(out.records.size(), 2u);

    const Record& latin = out.records[0];
    EXPECT_EQ(Str(latin, "id"), "<urn:uuid:2>");
    EXPECT_EQ(Str(latin, "url"), "http://a.example/latin");
    EXPECT_EQ(Str(latin, "source"), "warc:CC-TEST-00001.warc" + std::string(gzip ? ".gz" : ""));
    EXPECT_EQ(Str(latin, "fetched_at"), "2024-05-18T01:58:10Z");
    EXPECT_EQ(latin.GetInt("status").value_or(0), 200);
    EXPECT_EQ(Str(latin, "content_type"), "text/html; charset=iso-8859-1");
    EXPECT_EQ(Str(latin, "charset"), "windows-1252");
    EXPECT_EQ(Str(latin, "html"), "<html><p>café \u201Cquoted\u201D</p></html>");

    const Record& gz = out.records[1];
    EXPECT_EQ(Str(gz, "url"), "http://a.example/gz");  // <...> wrapping removed
    EXPECT_EQ(Str(gz, "html"), "<html><p>gzipped page</p></html>");
    EXPECT_FALSE(gz.Has("text"));

    EXPECT_EQ(out.skipped["warc_skipped_warcinfo"], 1u);
    EXPECT_EQ(out.skipped["warc_skipped_request"], 1u);
    EXPECT_EQ(out.skipped["warc_skipped_status"], 1u);
    EXPECT_EQ(out.skipped["warc_skipped_not_html"], 1u);
    EXPECT_EQ(out.skipped["warc_skipped_revisit"], 1u);
    EXPECT_EQ(out.skipped["warc_skipped_metadata"], 1u);
    EXPECT_EQ(out.skipped["warc_skipped_not_http"], 1u);
  }
}

TEST(WarcSource, IdentifiedPayloadTypeDecides) {
  TempDir dir;
  auto response = [](const std::string& id, const std::string& declared, const std::string& identified) {
    return WarcRecordBytes({{"WARC-Type", "response"},
                            {"WARC-Record-ID", id},
                            {"WARC-Target-URI", "http://a.example/" + id},
                            {"WARC-Identified-Payload-Type", identified},
                            {"Content-Type", "application/http; msgtype=response"}},
                           HttpMessage(200, {{"Content-Type", declared}}, "<p>x</p>"));
  };
  WriteBytes(dir.Sub("a.warc"), response("pdf", "text/html", "application/pdf") +
                                    response("page", "application/octet-stream", "text/html") +
                                    response("xhtml", "", "application/xhtml+xml"));
  Output out = ReadSource(dir.Sub("a.warc"));
  ASSERT_EQ(out.records.size(), 2u);
  EXPECT_EQ(Str(out.records[0], "id"), "page");
  EXPECT_EQ(Str(out.records[1], "id"), "xhtml");
  EXPECT_EQ(out.skipped["warc_skipped_not_html"], 1u);
}

TEST(WarcSource, UntypedResponsesAreSniffed) {
  TempDir dir;
  WriteBytes(dir.Sub("a.warc"),
             ResponseRecord("page", "http://a.example/1", HttpMessage(200, {}, "\r\n<!DOCTYPE html><p>x</p>")) +
                 ResponseRecord("text", "http://a.example/2", HttpMessage(200, {}, "plain text, not a page")) +
                 ResponseRecord("pre", "http://a.example/3", HttpMessage(200, {}, "<preamble>")));
  Output out = ReadSource(dir.Sub("a.warc"));
  ASSERT_EQ(out.records.size(), 1u);
  EXPECT_EQ(Str(out.records[0], "id"), "page");
  EXPECT_EQ(out.skipped["warc_skipped_not_html"], 2u);
}

TEST(WarcSource, BadBodiesAreSkippedAndCounted) {
  TempDir dir;
  std::string gz = GzipMember("<p>a page that is long enough to be damaged</p>");
  for (size_t i = 10; i < gz.size(); ++i) gz[i] = static_cast<char>(gz[i] ^ 0xA5);
  WriteBytes(dir.Sub("a.warc"),
             ResponseRecord("<urn:uuid:1>", "http://a.example/",
                            HttpMessage(200, {{"Content-Type", "text/html"}, {"Content-Encoding", "gzip"}}, gz)) +
                 ResponseRecord("<urn:uuid:2>", "http://a.example/", "not http at all") +
                 ResponseRecord("<urn:uuid:3>", "http://a.example/ok",
                                HttpMessage(200, {{"Content-Type", "text/html"}}, "<p>ok</p>")));
  Output out = ReadSource(dir.Sub("a.warc"));
  ASSERT_EQ(out.records.size(), 1u);
  EXPECT_EQ(Str(out.records[0], "id"), "<urn:uuid:3>");
  EXPECT_EQ(out.skipped["warc_skipped_bad_encoding"], 1u);
  EXPECT_EQ(out.skipped["warc_skipped_bad_http"], 1u);
}

TEST(WarcSource, WriterTruncatedBodyIsMarked) {
  TempDir dir;
  WriteBytes(dir.Sub("a.warc"),
             WarcRecordBytes({{"WARC-Type", "response"},
                              {"WARC-Record-ID", "<urn:uuid:1>"},
                              {"WARC-Truncated", "length"},
                              {"Content-Type", "application/http; msgtype=response"}},
                             HttpMessage(200, {{"Content-Type", "text/html"}}, "<p>first part")) +
                 ResponseRecord("<urn:uuid:2>", "http://a.example/",
                                HttpMessage(200, {{"Content-Type", "text/html"}}, "<p>whole</p>")));
  Output out = ReadSource(dir.Sub("a.warc"));
  ASSERT_EQ(out.records.size(), 2u);
  EXPECT_EQ(out.records[0].GetRaw("truncated").value_or(""), "true");
  EXPECT_FALSE(out.records[1].Has("truncated"));
}

TEST(WarcSource, WetConversionRecordsBecomeDocuments) {
  TempDir dir;
  const std::string path = dir.Sub("x.warc.wet.gz");
  WriteBytes(path,
             GzipMember(WarcRecordBytes({{"WARC-Type", "warcinfo"}}, "x: y\r\n")) +
                 GzipMember(WarcRecordBytes({{"WARC-Type", "conversion"},
                                             {"WARC-Record-ID", "<urn:uuid:9>"},
                                             {"WARC-Target-URI", "https://a.example/p"},
                                             {"WARC-Date", "2024-05-18T01:58:10Z"},
                                             {"Content-Type", "text/plain"}},
                                            "Title\nFirst line \xC3\xA9\nbad \xFF byte")));
  Output out = ReadSource(path);
  ASSERT_TRUE(out.status.ok());
  ASSERT_EQ(out.records.size(), 1u);
  const Record& r = out.records[0];
  EXPECT_EQ(Str(r, "id"), "<urn:uuid:9>");
  EXPECT_EQ(Str(r, "url"), "https://a.example/p");
  EXPECT_EQ(Str(r, "source"), "warc:x.warc.wet.gz");
  EXPECT_EQ(Str(r, "text"), "Title\nFirst line é\nbad \uFFFD byte");
  EXPECT_EQ(Str(r, "text_source"), "commoncrawl_wet");
  EXPECT_FALSE(r.Has("html"));
}

TEST(WarcSource, TruncatedArchiveKeepsWholeRecordsThenReportsCorruption) {
  TempDir dir;
  const std::string page = ResponseRecord("<urn:uuid:1>", "http://a.example/",
                                          HttpMessage(200, {{"Content-Type", "text/html"}}, "<p>one</p>"));
  const std::string second = ResponseRecord("<urn:uuid:2>", "http://a.example/2",
                                            HttpMessage(200, {{"Content-Type", "text/html"}}, "<p>two</p>"));
  WriteBytes(dir.Sub("a.warc"), page + second.substr(0, second.size() - 12));
  std::unique_ptr<RecordSource> source;
  ASSERT_TRUE(OpenRecordSource(dir.Sub("a.warc"), &source).ok());
  std::string_view json;
  ASSERT_TRUE(source->Next(&json));
  EXPECT_EQ(source->position(), 1u);
  EXPECT_FALSE(source->Next(&json));
  ASSERT_TRUE(source->status().IsCorruption());
  EXPECT_NE(source->status().message().find("at byte " + std::to_string(page.size())), std::string::npos)
      << source->status().message();
  EXPECT_EQ(source->file_size(), page.size() + second.size() - 12);
}

// Real archives from ../shared/data/warc (skipped when absent).

TEST(WarcSourceRealFiles, CommonCrawlWarcAndWet) {
  const std::string warc = SharedWarcPath("whirlwind.warc.gz");
  const std::string wet = SharedWarcPath("whirlwind.warc.wet.gz");
  if (warc.empty() || wet.empty()) GTEST_SKIP() << "shared data absent";
  Output out = ReadSource(warc);
  ASSERT_TRUE(out.status.ok()) << out.status.ToString();
  ASSERT_EQ(out.records.size(), 1u);
  const Record& page = out.records[0];
  EXPECT_EQ(Str(page, "id"), "<urn:uuid:2aabeff2-67f5-4608-8466-e87c6296e2b6>");
  EXPECT_EQ(Str(page, "url"), "https://an.wikipedia.org/wiki/Escopete");
  EXPECT_EQ(Str(page, "source"), "warc:whirlwind.warc.gz");
  EXPECT_EQ(Str(page, "charset"), "utf-8");
  // The body is stored decoded (X-Crawler-Content-Encoding: gzip).
  EXPECT_EQ(Str(page, "html").rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(Str(page, "html").find("Escopete"), std::string::npos);
  EXPECT_EQ(out.skipped["warc_skipped_request"], 1u);
  EXPECT_EQ(out.skipped["warc_skipped_metadata"], 1u);

  Output text = ReadSource(wet);
  ASSERT_TRUE(text.status.ok());
  ASSERT_EQ(text.records.size(), 1u);
  EXPECT_EQ(Str(text.records[0], "url"), "https://an.wikipedia.org/wiki/Escopete");
  EXPECT_EQ(Str(text.records[0], "text").rfind("Escopete - Biquipedia", 0), 0u);
  EXPECT_EQ(Str(text.records[0], "text_source"), "commoncrawl_wet");
}

TEST(WarcSourceRealFiles, WgetArchivesWithBracketedUris) {
  const std::string path = SharedWarcPath("dolma-sample-0000.warc.gz");
  if (path.empty()) GTEST_SKIP() << "shared data absent";
  Output out = ReadSource(path);
  ASSERT_TRUE(out.status.ok()) << out.status.ToString();
  ASSERT_FALSE(out.records.empty());
  for (const Record& r : out.records) {
    const std::string url = Str(r, "url");
    EXPECT_EQ(url.rfind("http", 0), 0u) << url;
    EXPECT_EQ(url.back() == '>', false) << url;
    EXPECT_FALSE(Str(r, "html").empty());
  }
}

TEST(WarcSourceRealFiles, WarcioChunkedResponse) {
  const std::string path = SharedWarcPath("warcio-example-iana.org-chunked.warc");
  if (path.empty()) GTEST_SKIP() << "shared data absent";
  Output out = ReadSource(path);
  ASSERT_TRUE(out.status.ok()) << out.status.ToString();
  ASSERT_GE(out.records.size(), 1u);
  const std::string html = Str(out.records[0], "html");
  EXPECT_EQ(html.rfind("<!doctype html>", 0), 0u) << html.substr(0, 40);
  EXPECT_EQ(html.find("\r\n0\r\n"), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
}

TEST(WarcSourceRealFiles, WarcioExamplesGzipAndTruncated) {
  const std::string gz = SharedWarcPath("warcio-example.warc.gz");
  const std::string trunc = SharedWarcPath("warcio-example-trunc.warc");
  if (gz.empty() || trunc.empty()) GTEST_SKIP() << "shared data absent";
  Output out = ReadSource(gz);
  ASSERT_TRUE(out.status.ok()) << out.status.ToString();
  ASSERT_EQ(out.records.size(), 1u);
  EXPECT_NE(Str(out.records[0], "html").find("Example Domain"), std::string::npos);
  EXPECT_EQ(out.skipped["warc_skipped_revisit"], 1u);

  out = ReadSource(trunc);
  EXPECT_TRUE(out.status.IsCorruption()) << out.status.ToString();
  ASSERT_EQ(out.records.size(), 1u);
  // Its gzip-encoded body lacks its last bytes: what decodes is kept, marked.
  EXPECT_NE(Str(out.records[0], "html").find("Example Domain"), std::string::npos);
  EXPECT_TRUE(out.records[0].GetRaw("truncated").has_value());
}

}  // namespace
}  // namespace corpus

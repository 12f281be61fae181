#include "corpus/io/warc_writer.h"

#include <dirent.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "corpus/io/byte_stream.h"
#include "corpus/io/warc_reader.h"
#include "corpus/util/fs.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

// Number of complete gzip members in `data`; -1 when it is not a series of
// whole members.
int CountGzipMembers(const std::string& data) {
  int members = 0;
  size_t pos = 0;
  std::string out(1 << 16, '\0');
  while (pos < data.size()) {
    z_stream zs;
    std::memset(&zs, 0, sizeof(zs));
    inflateInit2(&zs, 15 + 16);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + pos));
    zs.avail_in = static_cast<uInt>(data.size() - pos);
    int rc;
    do {
      zs.next_out = reinterpret_cast<Bytef*>(out.data());
      zs.avail_out = static_cast<uInt>(out.size());
      rc = inflate(&zs, Z_NO_FLUSH);
    } while (rc == Z_OK);
    const size_t used = data.size() - pos - zs.avail_in;
    inflateEnd(&zs);
    if (rc != Z_STREAM_END) return -1;
    pos += used;
    ++members;
  }
  return members;
}

std::vector<WarcRecord> ReadAll(const std::string& path, Status* status = nullptr) {
  std::unique_ptr<ByteStream> stream;
  EXPECT_TRUE(ByteStream::Open(path, &stream).ok()) << path;
  WarcReader reader(std::move(stream), path);
  std::vector<WarcRecord> out;
  WarcRecord rec;
  while (reader.Next(&rec)) out.push_back(rec);
  if (status) *status = reader.status();
  EXPECT_TRUE(reader.status().ok()) << reader.status().ToString();
  return out;
}

std::vector<std::string> ListDir(const std::string& dir) {
  std::vector<std::string> names;
  DIR* d = ::opendir(dir.c_str());
  if (!d) return names;
  while (dirent* e = ::readdir(d)) {
    const std::string n = e->d_name;
    if (n != "." && n != "..") names.push_back(n);
  }
  ::closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

WarcOutRecord Resource(const std::string& uri, const std::string& block) {
  WarcOutRecord r;
  r.type = "resource";
  r.Add("WARC-Record-ID", NewWarcRecordId());
  r.Add("WARC-Target-URI", uri);
  r.Add("Content-Type", "text/plain");
  r.block = block;
  return r;
}

TEST(WarcDigestTest, Base32MatchesRfc4648Vectors) {
  // RFC 4648 §10.
  EXPECT_EQ(Base32Encode(""), "");
  EXPECT_EQ(Base32Encode("f"), "MY======");
  EXPECT_EQ(Base32Encode("fo"), "MZXQ====");
  EXPECT_EQ(Base32Encode("foo"), "MZXW6===");
  EXPECT_EQ(Base32Encode("foob"), "MZXW6YQ=");
  EXPECT_EQ(Base32Encode("fooba"), "MZXW6YTB");
  EXPECT_EQ(Base32Encode("foobar"), "MZXW6YTBOI======");
}

TEST(WarcDigestTest, Sha1DigestIsLabelledBase32) {
  // SHA-1("abc") = a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d (FIPS 180-2 example).
  EXPECT_EQ(WarcSha1Digest("abc"), "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5");
  EXPECT_EQ(WarcSha1Digest(""), "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
}

TEST(WarcRecordTest, IdsAreUrnUuidVersion4AndUnique) {
  const std::regex form("<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}>");
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = NewWarcRecordId();
    EXPECT_TRUE(std::regex_match(id, form)) << id;
    EXPECT_TRUE(seen.insert(id).second) << id;
  }
}

TEST(WarcRecordTest, SerializesVersionFieldsLengthBlockAndEnd) {
  WarcOutRecord r;
  r.type = "response";
  r.Add("WARC-Record-ID", "<urn:uuid:1>");
  r.Add("WARC-Target-URI", "http://a.test/");
  r.block = "HTTP/1.1 200 OK\r\n\r\nhi";
  EXPECT_EQ(SerializeWarcRecord(r),
            "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
            "WARC-Target-URI: http://a.test/\r\nContent-Length: 21\r\n\r\n"
            "HTTP/1.1 200 OK\r\n\r\nhi\r\n\r\n");
  EXPECT_EQ(WarcDate(1700000000), "2023-11-14T22:13:20Z");
}

TEST(WarcWriterTest, WarcinfoFirstThenOneGzipMemberPerRecord) {
  testing::TempDir tmp;
  WarcWriter::Options o;
  o.dir = tmp.Sub("warc");
  o.prefix = "test";
  o.warcinfo_fields = "software: test\r\n";
  WarcWriter w(o);
  ASSERT_TRUE(w.Start().ok());
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(w.Write(Resource("http://a.test/" + std::to_string(i), "body")).ok());
  ASSERT_TRUE(w.Close().ok());
  EXPECT_EQ(ListDir(o.dir), std::vector<std::string>{"test-00000.warc.gz"});
  std::string bytes;
  ASSERT_TRUE(ReadFile(JoinPath(o.dir, "test-00000.warc.gz"), &bytes).ok());
  EXPECT_EQ(CountGzipMembers(bytes), 4);
  const auto recs = ReadAll(JoinPath(o.dir, "test-00000.warc.gz"));
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_EQ(recs[0].version, "WARC/1.1");
  EXPECT_EQ(recs[0].type(), "warcinfo");
  EXPECT_EQ(recs[0].Header("WARC-Filename"), "test-00000.warc.gz");
  EXPECT_EQ(recs[0].Header("Content-Type"), "application/warc-fields");
  EXPECT_EQ(recs[0].block, "software: test\r\n");
  EXPECT_EQ(recs[0].Header("WARC-Block-Digest"), WarcSha1Digest("software: test\r\n"));
  for (int i = 1; i < 4; ++i) {
    EXPECT_EQ(recs[i].type(), "resource");
    EXPECT_EQ(recs[i].Header("WARC-Warcinfo-ID"), recs[0].Header("WARC-Record-ID"));
    EXPECT_FALSE(recs[i].Header("WARC-Date").empty());
    EXPECT_EQ(recs[i].Header("WARC-Target-URI"), "http://a.test/" + std::to_string(i - 1));
    EXPECT_EQ(recs[i].block, "body");
  }
  EXPECT_EQ(w.records_written(), 3u);
}

TEST(WarcWriterTest, RotatesAtMaxSizeEachFileWithItsWarcinfo) {
  testing::TempDir tmp;
  WarcWriter::Options o;
  o.dir = tmp.Sub("warc");
  o.prefix = "rot";
  o.max_file_bytes = 400;  // about two small records per file
  WarcWriter w(o);
  ASSERT_TRUE(w.Start().ok());
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(w.Write(Resource("http://a.test/" + std::to_string(i), std::string(50, 'x'))).ok());
  }
  ASSERT_TRUE(w.Close().ok());
  const auto names = ListDir(o.dir);
  ASSERT_GT(names.size(), 2u);
  size_t resources = 0;
  for (size_t f = 0; f < names.size(); ++f) {
    char want[64];
    std::snprintf(want, sizeof(want), "rot-%05zu.warc.gz", f);
    EXPECT_EQ(names[f], want);
    const auto recs = ReadAll(JoinPath(o.dir, names[f]));
    ASSERT_GE(recs.size(), 2u);
    EXPECT_EQ(recs[0].type(), "warcinfo");
    EXPECT_EQ(recs[0].Header("WARC-Filename"), names[f]);
    for (size_t i = 1; i < recs.size(); ++i) {
      EXPECT_EQ(recs[i].Header("WARC-Warcinfo-ID"), recs[0].Header("WARC-Record-ID"));
      EXPECT_EQ(recs[i].Header("WARC-Target-URI"), "http://a.test/" + std::to_string(resources++));
    }
    // A file is closed once it reaches the limit: all but the last are past it.
    std::string bytes;
    ASSERT_TRUE(ReadFile(JoinPath(o.dir, names[f]), &bytes).ok());
    if (f + 1 < names.size()) {
      EXPECT_GE(bytes.size(), o.max_file_bytes);
    }
  }
  EXPECT_EQ(resources, 10u);
}

TEST(WarcWriterTest, ResumeDropsWhatCameAfterTheCommit) {
  testing::TempDir tmp;
  WarcWriter::Options o;
  o.dir = tmp.Sub("warc");
  o.prefix = "crash";
  o.max_file_bytes = 2000;
  WarcWriter::State committed;
  {
    WarcWriter w(o);
    ASSERT_TRUE(w.Start().ok());
    ASSERT_TRUE(w.Write(Resource("http://a.test/kept1", "a")).ok());
    ASSERT_TRUE(w.Write(Resource("http://a.test/kept2", "b")).ok());
    ASSERT_TRUE(w.Commit(&committed).ok());
    ASSERT_EQ(committed.current, "crash-00000.warc.gz");
    // Uncommitted: enough to fill this file (renamed to its final name) and
    // start the next, then "kill -9": the writer is dropped without Close().
    std::string noise;  // incompressible, so the file fills up
    uint32_t x = 1;
    for (int i = 0; i < 600; ++i) noise += static_cast<char>((x = x * 1103515245u + 12345u) >> 24);
    for (int i = 0; i < 6; ++i) ASSERT_TRUE(w.Write(Resource("http://a.test/lost", noise)).ok());
  }
  ASSERT_GT(ListDir(o.dir).size(), 1u);
  // The committed state survives a trip through the checkpoint's JSON.
  WarcWriter::State reread;
  ASSERT_TRUE(WarcWriter::State::FromJson(committed.ToJson(), &reread).ok());
  EXPECT_EQ(reread.current, "crash-00000.warc.gz");
  EXPECT_EQ(reread.current_bytes, committed.current_bytes);
  EXPECT_EQ(reread.dir, o.dir);
  {
    WarcWriter w(o);
    ASSERT_TRUE(w.Resume(reread).ok());
    EXPECT_EQ(ListDir(o.dir), std::vector<std::string>{"crash-00000.warc.gz.open"});
    ASSERT_TRUE(w.Write(Resource("http://a.test/after", "c")).ok());
    ASSERT_TRUE(w.Close().ok());
  }
  EXPECT_EQ(ListDir(o.dir), std::vector<std::string>{"crash-00000.warc.gz"});
  const auto recs = ReadAll(JoinPath(o.dir, "crash-00000.warc.gz"));
  std::vector<std::string> uris;
  for (const auto& r : recs) uris.emplace_back(r.Header("WARC-Target-URI"));
  EXPECT_EQ(uris, (std::vector<std::string>{"", "http://a.test/kept1", "http://a.test/kept2",
                                            "http://a.test/after"}));
  // The records after the resume point at the file's one warcinfo.
  EXPECT_EQ(recs[3].Header("WARC-Warcinfo-ID"), recs[0].Header("WARC-Record-ID"));
}

TEST(WarcWriterTest, ResumeReopensAFileClosedAfterTheCommit) {
  testing::TempDir tmp;
  WarcWriter::Options o;
  o.dir = tmp.Sub("warc");
  o.prefix = "closed";
  WarcWriter::State committed;
  {
    WarcWriter w(o);
    ASSERT_TRUE(w.Start().ok());
    ASSERT_TRUE(w.Write(Resource("http://a.test/1", "a")).ok());
    ASSERT_TRUE(w.Commit(&committed).ok());
    ASSERT_TRUE(w.Write(Resource("http://a.test/lost", "b")).ok());
    ASSERT_TRUE(w.Close().ok());  // renamed, but the checkpoint never recorded it
  }
  EXPECT_EQ(ListDir(o.dir), std::vector<std::string>{"closed-00000.warc.gz"});
  WarcWriter w(o);
  ASSERT_TRUE(w.Resume(committed).ok());
  ASSERT_TRUE(w.Close().ok());
  WarcWriter::State final_state;
  ASSERT_TRUE(w.Commit(&final_state).ok());
  EXPECT_EQ(final_state.closed, std::vector<std::string>{"closed-00000.warc.gz"});
  EXPECT_TRUE(final_state.current.empty());
  EXPECT_EQ(ReadAll(JoinPath(o.dir, "closed-00000.warc.gz")).size(), 2u);  // warcinfo + 1
}

TEST(WarcWriterTest, ResumeReportsACommittedFileCutShort) {
  testing::TempDir tmp;
  WarcWriter::Options o;
  o.dir = tmp.Sub("warc");
  o.prefix = "short";
  WarcWriter::State committed;
  {
    WarcWriter w(o);
    ASSERT_TRUE(w.Start().ok());
    ASSERT_TRUE(w.Write(Resource("http://a.test/1", "a")).ok());
    ASSERT_TRUE(w.Commit(&committed).ok());
  }
  ASSERT_TRUE(WriteFileAtomic(JoinPath(o.dir, "short-00000.warc.gz.open"), "x").ok());
  WarcWriter w(o);
  const Status st = w.Resume(committed);
  EXPECT_TRUE(st.IsCorruption()) << st.ToString();
  EXPECT_NE(st.message().find("short-00000.warc.gz.open"), std::string::npos) << st.message();
}

TEST(WarcWriterTest, RemoveFilesDeletesTheSeries) {
  testing::TempDir tmp;
  WarcWriter::Options o;
  o.dir = tmp.Sub("warc");
  o.prefix = "gone";
  o.max_file_bytes = 1;
  WarcWriter w(o);
  ASSERT_TRUE(w.Start().ok());
  ASSERT_TRUE(w.Write(Resource("http://a.test/1", "a")).ok());
  ASSERT_TRUE(w.Write(Resource("http://a.test/2", "b")).ok());
  ASSERT_TRUE(WriteFileAtomic(JoinPath(o.dir, "other.warc.gz"), "keep").ok());
  WarcWriter::State state;
  ASSERT_TRUE(w.Commit(&state).ok());
  ASSERT_TRUE(WarcWriter::RemoveFiles(state).ok());
  EXPECT_EQ(ListDir(o.dir), std::vector<std::string>{"other.warc.gz"});
}

}  // namespace
}  // namespace corpus

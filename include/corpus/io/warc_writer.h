#ifndef CORPUS_IO_WARC_WRITER_H_
#define CORPUS_IO_WARC_WRITER_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/util/status.h"

namespace corpus {

// One WARC record to write (WARC 1.1 §4): its type, its named fields in the
// order they are written, and its block. WARC-Type, WARC-Date (when absent),
// WARC-Warcinfo-ID and Content-Length are added by the writer; the caller
// names the record (WARC-Record-ID) so records can point at each other
// (WARC-Concurrent-To) before they are written.
struct WarcOutRecord {
  std::string type;  // "request", "response", "revisit", "warcinfo", ...
  std::vector<std::pair<std::string, std::string>> fields;
  std::string block;

  void Add(std::string name, std::string value) { fields.emplace_back(std::move(name), std::move(value)); }
};

// A fresh record id: "<urn:uuid:...>", a random (version 4) UUID (RFC 9562
// §5.4) in the form WARC 1.1 §5.2 shows.
std::string NewWarcRecordId();

// RFC 4648 §6 base32 (upper case, '=' padded) of `bytes`.
std::string Base32Encode(std::string_view bytes);

// The labelled digest of WARC 1.1 §5.8/§5.9 as Common Crawl, Heritrix and
// wget write it: "sha1:" and the base32 of the SHA-1 of `data`.
std::string WarcSha1Digest(std::string_view data);

// WARC-Date (WARC 1.1 §5.4): UTC, W3C-ISO8601 at second precision.
std::string WarcDate(int64_t unix_seconds);

// The bytes of one record: version line, fields, blank line, block and the
// two CRLFs that end a record (WARC 1.1 §4).
std::string SerializeWarcRecord(const WarcOutRecord& record);

// `in` as one complete gzip member (RFC 1952), appended to `*out`. Readers
// (and corpus's own WarcReader) find record boundaries in a file of such
// members without decompressing the whole file (WARC 1.1 Annex D.2).
Status AppendGzipMember(std::string_view in, int level, std::string* out);

// WarcWriter appends records, one gzip member each, to a series of WARC files
// `PREFIX-NNNNN.warc.gz` in a folder, starting a new file (with its own
// `warcinfo` record first) once the open one reaches `max_file_bytes`.
//
// Commits make it crash-safe together with whatever the caller commits with
// it: Commit() flushes and syncs what was written and returns a State, which
// the caller stores in its own atomically replaced checkpoint. A writer
// opened with that State (Resume) deletes the files not named in it and cuts
// the open file back to its committed length, so records written after the
// last commit of a killed run vanish, and every file still parses to its end.
// The open file is `NAME.warc.gz.open` (as Heritrix names it) and is renamed
// to its final name when it is full or on Close().
//
// Not thread-safe. Destroying a writer without Close() leaves the open file
// as it is (that is what a crash does); the next Resume() deals with it.
class WarcWriter {
 public:
  struct Options {
    std::string dir;
    // Fresh runs: files are PREFIX-00000.warc.gz, PREFIX-00001.warc.gz ...
    std::string prefix;
    uint64_t max_file_bytes = 1000000000;  // Heritrix's and Common Crawl's 1 GB
    // The `warcinfo` block (application/warc-fields, WARC 1.1 §6.2) each file starts with.
    std::string warcinfo_fields;
    int gzip_level = 1;
  };

  // What is committed: enough to resume.
  struct State {
    std::string dir;
    std::string prefix;
    std::vector<std::string> closed;  // finished files, final names
    std::string current;              // open file (final name), "" if none
    uint64_t current_bytes = 0;       // committed length of the open file
    std::string current_warcinfo_id;
    uint64_t next_index = 0;

    std::string ToJson() const;
    static Status FromJson(std::string_view json, State* out);
  };

  explicit WarcWriter(Options options);
  ~WarcWriter();
  WarcWriter(const WarcWriter&) = delete;
  WarcWriter& operator=(const WarcWriter&) = delete;

  // Starts anew: creates the folder; nothing is written until the first record.
  Status Start();
  // Continues from a committed state (see class comment). REQUIRES: the state
  // came from Commit() of a writer on the same folder.
  Status Resume(const State& committed);

  // Appends `records` to the open file (opening one, warcinfo first, if
  // none), all to the same file, so a request and its response stay
  // together; a full file is then closed, and the next write starts another.
  // REQUIRES: every record has a WARC-Record-ID field.
  Status Write(std::vector<WarcOutRecord> records);
  Status Write(WarcOutRecord record);
  // Flushes and syncs; `*state` is then the resume point.
  Status Commit(State* state);
  // Finishes the open file under its final name. Commit() afterwards.
  Status Close();

  // Deletes every file a committed state names, open or closed (a crawl
  // started over with --force).
  static Status RemoveFiles(const State& state);

  const std::string& dir() const { return options_.dir; }
  uint64_t records_written() const { return records_; }
  uint64_t bytes_written() const { return bytes_; }

 private:
  Status OpenNext();
  // One record as one gzip member at the end of the open file.
  Status Append(const WarcOutRecord& record);
  Status CloseCurrent();
  std::string OpenPath() const;
  std::string FinalPath(const std::string& name) const;

  Options options_;
  State state_;
  std::FILE* file_ = nullptr;
  uint64_t file_bytes_ = 0;  // of the open file, committed or not
  bool dirty_ = false;
  uint64_t records_ = 0;
  uint64_t bytes_ = 0;
  std::string buffer_;
};

}  // namespace corpus

#endif  // CORPUS_IO_WARC_WRITER_H_

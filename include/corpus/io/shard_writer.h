#ifndef CORPUS_IO_SHARD_WRITER_H_
#define CORPUS_IO_SHARD_WRITER_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/util/sha256.h"
#include "corpus/util/status.h"

struct ZSTD_CCtx_s;

namespace corpus {

// ShardWriter writes one zstd-compressed JSON Lines shard atomically.
//
// Contract: records go to `path + ".tmp"`; Finish() flushes, fsyncs and
// renames to `path`, so a file under its final name is always complete. A
// writer destroyed without Finish() (a failed or killed stage) deletes its
// temporary file. The file is created on the first record, or by Finish() if
// `create_empty` is set, so optional outputs (rejected/) stay absent when empty.
// A path not ending in ".zst" is written uncompressed.
//
// Thread-safety: not thread-safe; each writer belongs to one thread (the map
// stage gives every input its own kept and rejected writers).
class ShardWriter {
 public:
  struct Stats {
    uint64_t records = 0;
    uint64_t uncompressed_bytes = 0;  // JSON bytes including newlines
    uint64_t file_bytes = 0;          // bytes on disk
    std::string sha256;               // of the file on disk
  };

  ShardWriter(std::string path, int zstd_level = 3, bool create_empty = true);
  ~ShardWriter();
  ShardWriter(const ShardWriter&) = delete;
  ShardWriter& operator=(const ShardWriter&) = delete;

  // Compresses on `workers` threads of libzstd's own (ZSTD_c_nbWorkers)
  // instead of in Write(), which then mostly hands the bytes over: for a
  // writer fed by a thread with other work (the crawl loop). 0, the default,
  // compresses in the calling thread. Finish() and Sync() wait for the
  // workers. REQUIRES: called before the first Write() or ResumeFrom().
  void set_compression_workers(int workers);

  // `line` must be one JSON object without newlines.
  Status Write(std::string_view line);
  // Appends `records` lines (`uncompressed_bytes` with their newlines)
  // already encoded by EncodeShardLines() for this writer's path, after
  // closing the frame of any lines written with Write().
  Status WriteEncoded(std::string_view encoded, uint64_t records, uint64_t uncompressed_bytes);
  // Ends the current zstd frame and makes every record written so far
  // durable in the temporary file, which stays unfinished (stats().file_bytes
  // is then a point ResumeFrom() can continue from). No-op before the first
  // record.
  Status Sync();
  // Continues the temporary file an earlier writer of the same path left at
  // a Sync() point: keeps its first `file_bytes` bytes, drops the rest, and
  // carries on counting from `records` and `uncompressed_bytes`.
  // REQUIRES: nothing written yet.
  Status ResumeFrom(uint64_t file_bytes, uint64_t records, uint64_t uncompressed_bytes);
  // Commits the file. Idempotent; returns the first error seen.
  Status Finish();
  // Removes the temporary file without committing.
  void Abandon();
  // Closes the temporary file and leaves it in place unfinished, for a later
  // writer's ResumeFrom(). Bytes after the last Sync() may be incomplete.
  void Detach();

  const Stats& stats() const { return stats_; }
  const std::string& path() const { return path_; }
  bool created() const { return file_ != nullptr || finished_with_file_; }

 private:
  Status Open();
  void StartCompressor();
  Status Compress(const char* data, size_t len, bool end);
  // Compresses what is pending and ends the frame (when `close_frame`), then
  // flushes and syncs the file.
  Status EndFrameDurably(bool close_frame);
  Status WriteOut(const char* data, size_t len);

  std::string path_;
  std::string tmp_path_;
  int level_;
  int compression_workers_ = 0;
  bool compress_;
  bool create_empty_;
  FILE* file_ = nullptr;
  ZSTD_CCtx_s* cctx_ = nullptr;
  std::string pending_;   // uncompressed bytes waiting for the compressor
  std::vector<char> out_buf_;
  Sha256 sha_;
  Stats stats_;
  Status error_;
  bool finished_ = false;
  bool finished_with_file_ = false;
  bool frame_open_ = false;        // Write() lines not yet closed into a frame
  bool encoded_written_ = false;   // WriteEncoded() was used
};

// Encodes newline-terminated `lines` the way a ShardWriter of `path` stores
// them: one zstd frame (with checksum) for a ".zst" path, the lines as they
// are otherwise. Lets threads compress pieces of one shard in parallel and a
// single writer append them in order (ShardWriter::WriteEncoded).
// Thread-safe.
Status EncodeShardLines(const std::string& path, std::string_view lines, int zstd_level,
                        std::string* encoded);

}  // namespace corpus

#endif  // CORPUS_IO_SHARD_WRITER_H_

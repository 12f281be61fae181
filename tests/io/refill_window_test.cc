// RefillWindow (io/byte_stream.h): the buffer both LineReader and
// WarcReader keep over a stream.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "corpus/io/byte_stream.h"
#include "io/warc_test_util.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

TEST(RefillWindowTest, KeepsUnreadBytesInFrontGrowsAndEnds) {
  testing::TempDir dir;
  std::string data;
  for (int i = 0; i < 1000; ++i) data += static_cast<char>('a' + i % 26);
  const std::string path = dir.Sub("data.bin");
  testing::WriteBytes(path, data);
  std::unique_ptr<ByteStream> stream;
  ASSERT_TRUE(ByteStream::Open(path, &stream).ok());

  std::string buf(8, '\0');
  size_t end = 0;
  ASSERT_EQ(RefillWindow(stream.get(), &buf, 0, &end, 1), 8u);
  EXPECT_EQ(buf.substr(0, end), data.substr(0, 8));
  // Two bytes used: the other six move to the front and two more are read
  // into the room behind them.
  ASSERT_EQ(RefillWindow(stream.get(), &buf, 2, &end, 1), 2u);
  EXPECT_EQ(buf.size(), 8u);
  EXPECT_EQ(buf.substr(0, end), data.substr(2, 8));
  // A full buffer doubles.
  ASSERT_EQ(RefillWindow(stream.get(), &buf, 0, &end, 1), 8u);
  EXPECT_EQ(buf.size(), 16u);
  EXPECT_EQ(buf.substr(0, end), data.substr(2, 16));
  // When doubling gives less than the room asked for, twice that room.
  ASSERT_EQ(RefillWindow(stream.get(), &buf, 0, &end, 100), 200u);
  EXPECT_EQ(buf.size(), 216u);
  EXPECT_EQ(buf.substr(0, end), data.substr(2, 216));
  // Read to the end: then 0, with the stream's status still ok.
  size_t total = 2 + end;
  while (size_t n = RefillWindow(stream.get(), &buf, end, &end, 64)) total += n;
  EXPECT_EQ(total, data.size());
  EXPECT_EQ(end, 0u);
  EXPECT_TRUE(stream->status().ok());
}

}  // namespace
}  // namespace corpus

#ifndef CORPUS_UTIL_SHA256_H_
#define CORPUS_UTIL_SHA256_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace corpus {

// Incremental SHA-256 (FIPS 180-4), used for the checksums in `_done`
// markers and manifests so users can verify shards with `sha256sum`.
class Sha256 {
 public:
  Sha256();
  void Update(const void* data, size_t len);
  void Update(std::string_view s) { Update(s.data(), s.size()); }
  // Lowercase hex digest; the object must not be updated afterwards.
  std::string HexDigest();

 private:
  void Transform(const uint8_t* block);

  uint32_t state_[8];
  uint64_t total_len_ = 0;
  uint8_t buffer_[64];
  size_t buffer_len_ = 0;
};

std::string Sha256Hex(std::string_view data);

}  // namespace corpus

#endif  // CORPUS_UTIL_SHA256_H_

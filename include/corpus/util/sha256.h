#ifndef CORPUS_UTIL_SHA256_H_
#define CORPUS_UTIL_SHA256_H_

#include <cstdint>
#include <string>
#include <string_view>

struct evp_md_ctx_st;  // OpenSSL's EVP_MD_CTX

namespace corpus {

// Incremental SHA-256 (FIPS 180-4), used for the checksums in `_done`
// markers and manifests so users can verify shards with `sha256sum`, and for
// record ids. Computed by OpenSSL's libcrypto, which uses the CPU's SHA
// extensions where present (about 4x a portable implementation).
// Movable, not copyable.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&& other) noexcept;
  Sha256& operator=(Sha256&& other) noexcept;
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(const void* data, size_t len);
  void Update(std::string_view s) { Update(s.data(), s.size()); }
  // Lowercase hex digest; the object must not be updated afterwards.
  std::string HexDigest();

 private:
  ::evp_md_ctx_st* context_;
};

std::string Sha256Hex(std::string_view data);

}  // namespace corpus

#endif  // CORPUS_UTIL_SHA256_H_

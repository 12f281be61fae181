#include "corpus/filter/word_list.h"

#include <utf8proc.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "corpus/text/text_units.h"
#include "corpus/util/ascii.h"
#include "corpus/util/fs.h"
#include "corpus/util/sha256.h"

namespace corpus {

Status LoadListFile(const std::string& path, ListFile* out) {
  std::string bytes;
  Status st = ReadFile(path, &bytes);
  if (!st.ok()) return Status::InvalidArgument("cannot read list " + path + ": " + st.message());
  out->path = path;
  out->sha256 = Sha256Hex(bytes);
  out->entries.clear();
  for (std::string_view line : SplitLines(bytes)) {
    line = TrimSpace(line);
    if (line.empty() || line[0] == '#') continue;
    out->entries.emplace_back(line);
  }
  return Status::OK();
}

std::string LowerUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const char32_t c = NextCodePoint(s, &i);
    if (c < 128) {
      out.push_back(AsciiLower(static_cast<char>(c)));
      continue;
    }
    AppendUtf8(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c))), &out);
  }
  return out;
}

Status FindNamedFiles(const std::string& dir, const std::string& name, std::vector<std::string>* out) {
  namespace fs = std::filesystem;
  std::error_code ec;
  // recursive_directory_iterator walks with an explicit stack, not recursion.
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) return Status::InvalidArgument("cannot list " + dir + ": " + ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) return Status::IOError("cannot list " + dir + ": " + ec.message());
    if (it->path().filename() == name && it->is_regular_file(ec)) out->push_back(it->path().string());
  }
  std::sort(out->begin(), out->end());
  return Status::OK();
}

}  // namespace corpus

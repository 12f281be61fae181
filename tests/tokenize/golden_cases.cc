#include "tokenize/golden_cases.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <sstream>

#include "corpus/util/fs.h"

namespace corpus {
namespace {

std::string Unescape(const std::string& line) {
  std::string out;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] != '\\' || i + 1 >= line.size()) {
      out.push_back(line[i]);
      continue;
    }
    const char e = line[++i];
    switch (e) {
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'f': out.push_back('\f'); break;
      case '\\': out.push_back('\\'); break;
      case 'x':
        out.push_back(static_cast<char>(std::stoi(line.substr(i + 1, 2), nullptr, 16)));
        i += 2;
        break;
      case 'u':
      {
        utf8proc_uint8_t buf[4];
        const auto n = utf8proc_encode_char(std::stoi(line.substr(i + 1, 4), nullptr, 16), buf);
        out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
        i += 4;
      }
        break;
      default: ADD_FAILURE() << "unknown escape in " << line;
    }
  }
  return out;
}

std::vector<std::string> Lines(const std::string& path) {
  std::string contents;
  EXPECT_TRUE(ReadFile(path, &contents).ok()) << path;
  std::vector<std::string> lines;
  std::istringstream in(contents);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

std::string TokenizeTestData(const std::string& name) {
  return std::string(CORPUS_SOURCE_DIR) + "/tests/tokenize/testdata/" + name;
}

std::vector<std::string> ReadGoldenCases() {
  std::vector<std::string> cases;
  for (const auto& line : Lines(TokenizeTestData("cases.txt"))) cases.push_back(Unescape(line));
  return cases;
}

std::vector<std::vector<uint32_t>> ReadGoldenIds(const std::string& name) {
  std::vector<std::vector<uint32_t>> out;
  for (const auto& line : Lines(TokenizeTestData(name))) {
    std::vector<uint32_t> ids;
    std::istringstream in(line);
    for (uint32_t id; in >> id;) ids.push_back(id);
    out.push_back(std::move(ids));
  }
  return out;
}

}  // namespace corpus

#ifndef CORPUS_TESTS_TOKENIZE_GOLDEN_CASES_H_
#define CORPUS_TESTS_TOKENIZE_GOLDEN_CASES_H_

#include <cstdint>
#include <string>
#include <vector>

namespace corpus {

// The tokenizer test data made by tools/make_tokenize_goldens.sh.
std::string TokenizeTestData(const std::string& name);

// The cases of testdata/cases.txt, escapes decoded as tools/tokenize_ref/cases.mjs
// decodes them (\n \r \t \f \\ \xHH \uHHHH).
std::vector<std::string> ReadGoldenCases();

// A golden file: one line of space-separated ids per case.
std::vector<std::vector<uint32_t>> ReadGoldenIds(const std::string& name);

}  // namespace corpus

#endif  // CORPUS_TESTS_TOKENIZE_GOLDEN_CASES_H_

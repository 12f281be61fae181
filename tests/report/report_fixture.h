#ifndef CORPUS_TESTS_REPORT_REPORT_FIXTURE_H_
#define CORPUS_TESTS_REPORT_REPORT_FIXTURE_H_

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "corpus/util/fs.h"
#include "corpus/util/json.h"
#include "testing/run_binary.h"
#include "testing/temp_dir.h"

namespace corpus::testing {

// Stage folders made by the real binary for the report's tests: documents in
// `in/` (JSON Lines written here), `corpus dedup` into `unique/` and
// `corpus filter --languages en` into `clean/`. The documents carry what the
// report draws: English prose over two sites, a French page, short pages the
// Gopher rule removes (one holding markup that must come out escaped), exact
// duplicates, a malformed line, `token_count` and a `signals` object.
class ReportStages {
 public:
  explicit ReportStages(const TempDir& tmp) : tmp_(tmp) {}

  // REQUIRES: called once per TempDir.
  void Make() {
    ASSERT_TRUE(MakeDirs(tmp_.Sub("in")).ok());
    std::string lines;
    std::mt19937_64 rng(11);
    const char* kWords[] = {"river", "market", "village", "winter", "garden", "teacher", "bridge", "story",
                            "morning", "harbour", "family", "letter", "mountain", "kitchen", "window", "summer",
                            "music", "doctor", "train", "forest", "island", "paper", "county", "evening"};
    const char* kGlue[] = {"the", "and", "of", "to", "with", "that", "is", "was", "in", "for", "on", "from"};
    for (int i = 0; i < 30; ++i) {
      std::string text;
      for (int p = 0; p < 4; ++p) {
        if (p) text += "\n\n";
        for (int s = 0; s < 3; ++s) {
          std::string sentence;
          for (int w = 0; w < 10; ++w) {
            const char* word = w % 2 ? kGlue[rng() % 12] : kWords[rng() % 24];
            sentence += (w ? " " : "") + std::string(word);
          }
          sentence[0] = static_cast<char>(sentence[0] - 32);
          text += (s ? " " : "") + sentence + ".";
        }
      }
      const std::string host = i % 3 ? "news.example.com" : "blog.example.org";
      lines += Doc("doc" + std::to_string(i), "https://" + host + "/p/" + std::to_string(i), text,
                   ",\"token_count\":" + std::to_string(150 + i) +
                       ",\"signals\":{\"ratio\":" + std::to_string(i / 30.0) + ",\"flag\":true,\"nested\":{\"x\":1}}");
      if (i == 0) duplicate_ = lines;
    }
    // Exact duplicates of doc0 under other ids.
    for (int d = 0; d < 2; ++d) {
      std::string copy = duplicate_;
      copy.replace(copy.find("\"doc0\""), 6, "\"copy" + std::to_string(d) + "\"");
      lines += copy;
    }
    for (int i = 0; i < 4; ++i) {
      lines += Doc("short" + std::to_string(i), "http://shop.example.net/s" + std::to_string(i),
                   i == 0 ? "Buy now <script>alert('x')</script> & save" : "Only a few words here.", "");
    }
    lines += Doc("fr0", "https://exemple.fr/article",
                 "Le village se trouve au bord de la rivi\xC3\xA8re et les habitants y vivent depuis longtemps. "
                 "Chaque matin, les enfants marchent vers l'\xC3\xA9" "cole en traversant le vieux pont de pierre. "
                 "Le march\xC3\xA9 du samedi attire les familles de toute la r\xC3\xA9gion, qui viennent acheter "
                 "des l\xC3\xA9gumes, du pain et du fromage. En hiver, la neige couvre les toits et les "
                 "chemins, mais la vie continue au rythme des saisons.\n\nLes anciens racontent des histoires "
                 "sur la montagne, les for\xC3\xAAts et les hivers d'autrefois, quand le train ne passait pas "
                 "encore par la vall\xC3\xA9" "e et que les lettres arrivaient une fois par semaine.",
                 "");
    lines += "{not json at all\n";
    ASSERT_TRUE(WriteFileAtomic(tmp_.Sub("in/docs.jsonl"), lines).ok());
    Run("dedup --in " + tmp_.Sub("in") + " --out " + tmp_.Sub("unique") + " --no-progress");
    Run("filter --in " + tmp_.Sub("unique") + " --out " + tmp_.Sub("clean") +
        " --languages en --no-pii --no-progress");
  }

 private:
  static std::string Doc(const std::string& id, const std::string& url, const std::string& text,
                         const std::string& extra) {
    return "{\"id\":" + JsonQuote(id) + ",\"url\":" + JsonQuote(url) + ",\"text\":" + JsonQuote(text) + extra +
           "}\n";
  }

  void Run(const std::string& args) {
    const RunResult r = RunCorpus(args + " 2>&1");
    // 3: the malformed line went to rejected/, the rest went on.
    ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 3) << args << "\n" << r.out;
  }

  const TempDir& tmp_;
  std::string duplicate_;
};

}  // namespace corpus::testing

#endif  // CORPUS_TESTS_REPORT_REPORT_FIXTURE_H_

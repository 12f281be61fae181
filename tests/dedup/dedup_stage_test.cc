// End-to-end tests of RunDedup on generated corpora with planted duplicates
// of known Jaccard similarity, compared with exact all-pairs Jaccard.

#include "corpus/dedup/dedup_stage.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "corpus/stage/stage_summary.h"
#include "corpus/util/fs.h"
#include "dedup/dedup_test_util.h"
#include "testing/temp_dir.h"

namespace corpus::dedup {
namespace {

using testing::CorpusGenerator;
using testing::GenDoc;

GenDoc Doc(std::string id, std::string text) {
  GenDoc doc;
  doc.id = std::move(id);
  doc.text = std::move(text);
  return doc;
}

// Groups of planted duplicates: a base text, an exact copy, a copy with a
// changed header and footer, and variants at J = 0.9, 0.8, 0.7, 0.5; plus
// unrelated texts.
std::vector<GenDoc> PlantedCorpus(int groups, int unrelated) {
  CorpusGenerator gen(11);
  std::vector<GenDoc> docs;
  int n = 0;
  auto add = [&](const std::vector<std::string>& words, int group, const std::string& extra = "") {
    GenDoc d;
    d.id = "doc-" + std::to_string(n++);
    d.text = CorpusGenerator::Join(words) + extra;
    d.group = group;
    d.url = "https://site" + std::to_string(n) + ".example/page";
    d.fetched_at = "2024-01-01T00:00:" + std::to_string(10 + n % 50) + "Z";
    docs.push_back(d);
  };
  for (int g = 0; g < groups; ++g) {
    const auto base = gen.Words(300);
    add(base, g);
    add(base, g);
    auto framed = base;
    framed.insert(framed.begin(), {"Breaking", "news", "from", "our", "desk"});
    add(framed, g, "\n\nCopyright 2024 Some Other Site. Share this story.");
    for (double j : {0.9, 0.8, 0.7, 0.5}) add(gen.Variant(base, j), g);
  }
  for (int u = 0; u < unrelated; ++u) add(gen.Words(300), -1);
  return docs;
}

struct Outcome {
  std::map<std::string, std::string> owner;  // id -> id of the kept record it ended in
  std::map<std::string, int64_t> dup_count;  // kept id -> dup_count
  std::map<std::string, std::string> rule;   // removed id -> rule
};

void ReadOutcomeInto(const std::string& out, Outcome* result) {
  Outcome& o = *result;
  std::map<std::string, std::string> dup_of;
  for (const auto& line : testing::ReadRecords(out)) {
    Record r;
    EXPECT_TRUE(r.Parse(line).ok());
    const std::string id = *r.GetString("id");
    o.owner[id] = id;
    if (auto c = r.GetInt("dup_count")) o.dup_count[id] = *c;
  }
  for (const auto& line : testing::ReadRecords(out + "/rejected")) {
    Record r;
    EXPECT_TRUE(r.Parse(line).ok());
    Record reject;
    EXPECT_TRUE(reject.Parse(*r.GetRaw("reject")).ok());
    if (reject.GetString("rule") == "malformed") continue;
    Record value;
    ASSERT_TRUE(value.Parse(*reject.GetRaw("value")).ok());
    const std::string id = *r.GetString("id");
    dup_of[id] = *value.GetString("duplicate_of");
    o.rule[id] = *reject.GetString("rule");
  }
  for (const auto& [id, target] : dup_of) {
    std::string t = target;
    for (int hops = 0; dup_of.count(t) && hops < 100; ++hops) t = dup_of[t];
    o.owner[id] = t;
  }
}

Outcome ReadOutcome(const std::string& out) {
  Outcome o;
  ReadOutcomeInto(out, &o);
  return o;
}

StageOutcome Dedup(const std::string& in, const std::string& out, DedupOptions d = {},
                   int threads = 1, int task_index = 0, int num_tasks = 1) {
  CommonOptions c;
  c.inputs = {in};
  c.out_dir = out;
  c.threads = threads;
  c.task_index = task_index;
  c.num_tasks = num_tasks;
  return RunDedup(d, c);
}

class DedupStageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    in_ = tmp_.Sub("in");
    ASSERT_TRUE(MakeDirs(in_).ok());
  }
  corpus::testing::TempDir tmp_;
  std::string in_;
};

TEST_F(DedupStageTest, ClustersMatchExactJaccard) {
  const auto docs = PlantedCorpus(30, 40);
  testing::WriteShards(in_, docs, 3);
  const StageOutcome r = Dedup(in_, tmp_.Sub("out"));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_TRUE(r.manifest_written);
  const Outcome o = ReadOutcome(tmp_.Sub("out"));
  ASSERT_EQ(o.owner.size(), docs.size());  // nothing lost

  std::vector<std::vector<uint64_t>> sh;
  for (const auto& d : docs) sh.push_back(testing::Shingles(d.text, 5));
  int high = 0, high_merged = 0, low_in_group = 0, low_merged = 0, unrelated_merged = 0;
  int bin_pairs[4] = {0, 0, 0, 0}, bin_merged[4] = {0, 0, 0, 0};
  for (size_t i = 0; i < docs.size(); ++i) {
    for (size_t j = i + 1; j < docs.size(); ++j) {
      const bool merged = o.owner.at(docs[i].id) == o.owner.at(docs[j].id);
      const bool same_group = docs[i].group >= 0 && docs[i].group == docs[j].group;
      if (!same_group) {
        unrelated_merged += merged;
        continue;
      }
      const double jac = testing::ExactJaccard(sh[i], sh[j]);
      const int bin = jac >= 0.85 ? 0 : jac >= 0.75 ? 1 : jac >= 0.6 ? 2 : 3;
      bin_pairs[bin]++;
      bin_merged[bin] += merged;
      if (jac >= 0.85) {
        ++high;
        high_merged += merged;
      } else if (jac < 0.6) {
        ++low_in_group;
        low_merged += merged;
      }
    }
  }
  // The merge rate per exact-Jaccard bin, for BENCHMARKS.md.
  const char* bins[4] = {"J >= 0.85", "0.75 <= J < 0.85", "0.6 <= J < 0.75", "J < 0.6"};
  for (int b = 0; b < 4; ++b) {
    std::printf("  planted pairs %-18s %5d, merged %5.1f%%\n", bins[b], bin_pairs[b],
                bin_pairs[b] ? 100.0 * bin_merged[b] / bin_pairs[b] : 0.0);
  }
  ASSERT_GT(high, 100);
  EXPECT_GE(static_cast<double>(high_merged) / high, 0.95) << high_merged << "/" << high;
  ASSERT_GT(low_in_group, 30);
  EXPECT_LE(static_cast<double>(low_merged) / low_in_group, 0.05) << low_merged << "/" << low_in_group;
  EXPECT_EQ(unrelated_merged, 0);

  // Exact copies are exact_text; every removal names a kept record; the
  // dup_counts add up to the records removed.
  int64_t removed_by_count = 0;
  for (const auto& [id, c] : o.dup_count) removed_by_count += c - 1;
  EXPECT_EQ(static_cast<size_t>(removed_by_count), o.rule.size());
  EXPECT_EQ(o.rule.at("doc-1"), "exact_text");
  for (const auto& [id, rule] : o.rule) {
    EXPECT_TRUE(rule == "exact_text" || rule == "near_duplicate") << rule;
    EXPECT_EQ(o.owner.at(o.owner.at(id)), o.owner.at(id));
  }
  StageSummary summary;
  ASSERT_TRUE(ReadStageSummary(tmp_.Sub("out"), &summary).ok());
  EXPECT_TRUE(summary.complete);
  EXPECT_EQ(summary.counts.records_in, docs.size());
  EXPECT_EQ(summary.counts.rejected, o.rule.size());
  EXPECT_GT(summary.counts.rejected_by_rule["near_duplicate"], 0u);
}

TEST_F(DedupStageTest, VerificationDropsLowSimilarityCandidates) {
  const auto docs = PlantedCorpus(10, 0);
  testing::WriteShards(in_, docs, 2);
  DedupOptions unverified;
  unverified.verify = false;  // FineWeb: every shared band merges
  ASSERT_TRUE(Dedup(in_, tmp_.Sub("verified")).status.ok());
  ASSERT_TRUE(Dedup(in_, tmp_.Sub("unverified"), unverified).status.ok());
  const Outcome v = ReadOutcome(tmp_.Sub("verified"));
  const Outcome u = ReadOutcome(tmp_.Sub("unverified"));
  int merged_v = 0, merged_u = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    for (size_t j = i + 1; j < docs.size(); ++j) {
      if (docs[i].group != docs[j].group) continue;
      const double jac = testing::ExactJaccard(testing::Shingles(docs[i].text, 5),
                                               testing::Shingles(docs[j].text, 5));
      if (jac >= 0.75) continue;
      merged_v += v.owner.at(docs[i].id) == v.owner.at(docs[j].id);
      merged_u += u.owner.at(docs[i].id) == u.owner.at(docs[j].id);
    }
  }
  EXPECT_GT(merged_u, merged_v);
}

TEST_F(DedupStageTest, KeepsTheEarliestFetchOfACluster) {
  CorpusGenerator gen(5);
  const std::string text = CorpusGenerator::Join(gen.Words(100));
  std::vector<GenDoc> docs = {
      {"b-late", text, "https://a.example/1", "2024-03-01T00:00:00Z"},
      {"a-early", text, "https://b.example/1", "2024-01-01T00:00:00Z"},
      {"c-none", text, "https://c.example/1", ""},
  };
  testing::WriteShards(in_, docs, 2);
  ASSERT_TRUE(Dedup(in_, tmp_.Sub("out")).status.ok());
  const Outcome o = ReadOutcome(tmp_.Sub("out"));
  EXPECT_EQ(o.owner.at("b-late"), "a-early");
  EXPECT_EQ(o.owner.at("c-none"), "a-early");
  EXPECT_EQ(o.dup_count.at("a-early"), 3);
}

TEST_F(DedupStageTest, ExactUrlKeepsTheMostRecentFetch) {
  CorpusGenerator gen(6);
  std::vector<GenDoc> docs = {
      {"old", CorpusGenerator::Join(gen.Words(80)), "https://News.example/story#top", "2024-01-01T00:00:00Z"},
      {"new", CorpusGenerator::Join(gen.Words(80)), "https://news.example/story", "2024-06-01T10:00:00+02:00"},
      {"mid", CorpusGenerator::Join(gen.Words(80)), "https://news.example:443/story", "2024-03-01T00:00:00Z"},
      {"other", CorpusGenerator::Join(gen.Words(80)), "https://news.example/other", "2023-01-01T00:00:00Z"},
  };
  testing::WriteShards(in_, docs, 2);
  ASSERT_TRUE(Dedup(in_, tmp_.Sub("out")).status.ok());
  const Outcome o = ReadOutcome(tmp_.Sub("out"));
  EXPECT_EQ(o.rule.at("old"), "exact_url");
  EXPECT_EQ(o.rule.at("mid"), "exact_url");
  EXPECT_EQ(o.owner.at("old"), "new");
  EXPECT_EQ(o.owner.at("other"), "other");
  EXPECT_EQ(o.dup_count.at("new"), 3);
}

TEST_F(DedupStageTest, RecordsWithoutTextPassUntouched) {
  const std::vector<std::string> lines = {
      R"({"id":"a","html":"<p>x</p>"})", R"({"id":"b","text":""})", R"({"id":"c","text":null,"z":[1]})",
      R"({"id":"d","text":"same words here for all"})", R"({"id":"e","text":"Same words, here for ALL!"})",
      "not json at all"};
  ShardWriter w(in_ + "/part-0.jsonl.zst");
  for (const auto& l : lines) ASSERT_TRUE(w.Write(l).ok());
  ASSERT_TRUE(w.Finish().ok());
  const StageOutcome r = Dedup(in_, tmp_.Sub("out"));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_TRUE(r.input_damaged);  // the malformed line
  const auto kept = testing::ReadRecords(tmp_.Sub("out"));
  EXPECT_TRUE(std::count(kept.begin(), kept.end(), lines[0]));
  EXPECT_TRUE(std::count(kept.begin(), kept.end(), lines[1]));
  EXPECT_TRUE(std::count(kept.begin(), kept.end(), lines[2]));
  const Outcome o = ReadOutcome(tmp_.Sub("out"));
  EXPECT_EQ(o.rule.at("d"), "exact_text");  // "e" is longer and wins
  StageSummary s;
  ASSERT_TRUE(ReadStageSummary(tmp_.Sub("out"), &s).ok());
  EXPECT_EQ(s.counts.counters["no_text"], 3u);
  EXPECT_EQ(s.counts.rejected_by_rule["malformed"], 1u);
}

TEST_F(DedupStageTest, SameResultForAnyThreadsAndTasks) {
  testing::WriteShards(in_, PlantedCorpus(8, 10), 5);
  ASSERT_TRUE(Dedup(in_, tmp_.Sub("t1")).status.ok());
  ASSERT_TRUE(Dedup(in_, tmp_.Sub("t2"), {}, 2).status.ok());
  for (Phase p : {Phase::kSignatures, Phase::kPairs, Phase::kCluster, Phase::kApply}) {
    for (int t = 0; t < 3; ++t) {
      DedupOptions d;
      d.phase = p;
      const StageOutcome r = Dedup(in_, tmp_.Sub("n3"), d, 1, t, 3);
      ASSERT_TRUE(r.status.ok()) << r.status.ToString();
    }
  }
  const auto want = testing::ReadRecords(tmp_.Sub("t1"));
  ASSERT_FALSE(want.empty());
  EXPECT_EQ(testing::ReadRecords(tmp_.Sub("t2")), want);
  EXPECT_EQ(testing::ReadRecords(tmp_.Sub("n3")), want);
  EXPECT_EQ(testing::ReadRecords(tmp_.Sub("n3/rejected")), testing::ReadRecords(tmp_.Sub("t1/rejected")));
  EXPECT_TRUE(PathExists(tmp_.Sub("n3/_manifest.json")));
}

TEST_F(DedupStageTest, PhasesRefuseToRunBeforeTheirInputsAreReady) {
  testing::WriteShards(in_, PlantedCorpus(2, 2), 2);
  DedupOptions d;
  d.phase = Phase::kPairs;
  EXPECT_TRUE(Dedup(in_, tmp_.Sub("out"), d).status.IsInvalidArgument());
  d.phase = Phase::kAll;
  EXPECT_TRUE(Dedup(in_, tmp_.Sub("out"), d, 1, 0, 2).status.IsInvalidArgument());
}

TEST_F(DedupStageTest, ResumesAfterAKilledPhase) {
  testing::WriteShards(in_, PlantedCorpus(6, 6), 3);
  ASSERT_TRUE(Dedup(in_, tmp_.Sub("fresh")).status.ok());
  const std::string out = tmp_.Sub("out");
  DedupOptions d;
  d.phase = Phase::kSignatures;
  ASSERT_TRUE(Dedup(in_, out, d).status.ok());
  d.phase = Phase::kPairs;
  ASSERT_TRUE(Dedup(in_, out, d).status.ok());
  // A pairs task killed midway: its marker never written, a torn temporary
  // file left behind, and one input's signature marker lost too.
  ASSERT_EQ(::unlink((out + "/_work/pairs/_done/partition-3.json").c_str()), 0);
  ASSERT_EQ(::unlink((out + "/_work/signatures/_done/part-1.json").c_str()), 0);
  ASSERT_TRUE(WriteFileAtomic(out + "/_work/pairs/pairs-3.bin.tmp", "torn").ok());
  ASSERT_TRUE(Dedup(in_, out).status.ok());
  EXPECT_EQ(testing::ReadRecords(out), testing::ReadRecords(tmp_.Sub("fresh")));
  EXPECT_EQ(testing::ReadRecords(out + "/rejected"), testing::ReadRecords(tmp_.Sub("fresh/rejected")));
  // Another config without --force is refused, naming the change.
  DedupOptions other;
  other.threshold = 0.5;
  const StageOutcome r = Dedup(in_, out, other);
  ASSERT_TRUE(r.status.IsInvalidArgument());
  EXPECT_NE(r.status.message().find("threshold"), std::string::npos);
}

TEST_F(DedupStageTest, IndexDropsDuplicatesOfEarlierRuns) {
  CorpusGenerator gen(9);
  std::vector<GenDoc> first, second, third;
  std::vector<std::vector<std::string>> texts;
  for (int i = 0; i < 6; ++i) texts.push_back(gen.Words(150));
  for (int i = 0; i < 3; ++i) {
    first.push_back(Doc("one-" + std::to_string(i), CorpusGenerator::Join(texts[i])));
  }
  second.push_back(Doc("two-copy", CorpusGenerator::Join(texts[0])));
  second.push_back(Doc("two-near", CorpusGenerator::Join(gen.Variant(texts[1], 0.92))));
  second.push_back(Doc("two-new", CorpusGenerator::Join(texts[3])));
  second.push_back(Doc("two-new-copy", CorpusGenerator::Join(texts[3])));
  third.push_back(Doc("three-copy-of-two", CorpusGenerator::Join(texts[3])));
  third.push_back(Doc("three-copy-of-one", CorpusGenerator::Join(texts[2])));
  third.push_back(Doc("three-new", CorpusGenerator::Join(texts[4])));
  DedupOptions d;
  d.index_dir = tmp_.Sub("index");
  for (auto* set : {&first, &second, &third}) {
    const std::string name = set == &first ? "1" : set == &second ? "2" : "3";
    ASSERT_TRUE(MakeDirs(tmp_.Sub("in" + name)).ok());
    testing::WriteShards(tmp_.Sub("in" + name), *set, 1);
    const StageOutcome r = Dedup(tmp_.Sub("in" + name), tmp_.Sub("out" + name), d);
    ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  }
  const Outcome o2 = ReadOutcome(tmp_.Sub("out2"));
  EXPECT_EQ(o2.rule.at("two-copy"), "exact_text");
  EXPECT_EQ(o2.owner.at("two-copy"), "one-0");
  EXPECT_EQ(o2.rule.at("two-near"), "near_duplicate");
  EXPECT_EQ(o2.owner.at("two-near"), "one-1");
  EXPECT_EQ(o2.owner.at("two-new-copy"), "two-new");
  const Outcome o3 = ReadOutcome(tmp_.Sub("out3"));
  EXPECT_EQ(o3.owner.at("three-copy-of-two"), "two-new");
  EXPECT_EQ(o3.owner.at("three-copy-of-one"), "one-2");
  EXPECT_EQ(o3.owner.at("three-new"), "three-new");
  // Rerunning the last run replaces its own generation instead of matching
  // against it.
  CommonOptions c;
  c.inputs = {tmp_.Sub("in3")};
  c.out_dir = tmp_.Sub("out3");
  c.threads = 1;
  c.force = true;
  ASSERT_TRUE(RunDedup(d, c).status.ok());
  EXPECT_EQ(ReadOutcome(tmp_.Sub("out3")).owner.at("three-new"), "three-new");
  EXPECT_EQ(ReadOutcome(tmp_.Sub("out3")).owner.at("three-copy-of-two"), "two-new");
  size_t gens = 0;
  for (const auto& e : std::filesystem::directory_iterator(tmp_.Sub("index"))) gens += e.is_directory();
  EXPECT_EQ(gens, 3u);
}

TEST_F(DedupStageTest, LinesInManyDocumentsAreRemoved) {
  CorpusGenerator gen(12);
  std::vector<GenDoc> docs;
  for (int i = 0; i < 6; ++i) {
    std::string text = "Home | About | Contact\n\n" + CorpusGenerator::Join(gen.Words(60)) +
                       "\n\nAll rights reserved.";
    if (i == 0) text += "\nOnly here once.";
    docs.push_back(Doc("d" + std::to_string(i), text));
  }
  testing::WriteShards(in_, docs, 2);
  DedupOptions d;
  d.lines = 5;
  ASSERT_TRUE(Dedup(in_, tmp_.Sub("out"), d).status.ok());
  for (const auto& line : testing::ReadRecords(tmp_.Sub("out"))) {
    Record r;
    ASSERT_TRUE(r.Parse(line).ok());
    const std::string text = *r.GetString("text");
    EXPECT_EQ(text.find("Home | About"), std::string::npos);
    EXPECT_EQ(text.find("All rights reserved."), std::string::npos);
    if (*r.GetString("id") == "d0") {
      EXPECT_NE(text.find("Only here once."), std::string::npos);
    }
  }
  StageSummary s;
  ASSERT_TRUE(ReadStageSummary(tmp_.Sub("out"), &s).ok());
  EXPECT_EQ(s.counts.counters["lines_removed"], 12u);
}

}  // namespace
}  // namespace corpus::dedup

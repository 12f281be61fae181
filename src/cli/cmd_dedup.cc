#include "corpus/cli/commands.h"
#include "corpus/dedup/dedup_stage.h"

namespace corpus {

void AddDedupCommand(CLI::App& app, CliState* state) {
  struct Flags {
    CommonOptions common;
    dedup::DedupOptions dedup;
    std::string phase = "all";
  };
  auto f = std::make_shared<Flags>();
  CLI::App* sub = AddSubcommand(app, "dedup");
  AddCommonStageFlags(sub, &f->common);
  dedup::DedupOptions& d = f->dedup;
  sub->add_option("--ngram", d.minhash.ngram, "Words per shingle (FineWeb: 5)")->capture_default_str();
  sub->add_option("--bands", d.minhash.bands, "LSH bands (FineWeb: 14)")->capture_default_str();
  sub->add_option("--rows", d.minhash.rows, "MinHash values per band (FineWeb: 8)")->capture_default_str();
  sub->add_option("--seed", d.minhash.seed, "Seed of the MinHash permutations")->capture_default_str();
  sub->add_option("--threshold", d.threshold,
                  "Keep an LSH candidate pair only if its estimated Jaccard is at least this")
      ->capture_default_str();
  sub->add_flag("!--no-verify", d.verify,
                "Do not verify LSH candidates (FineWeb's behaviour: every bucket match merges)");
  sub->add_flag("--exact-url,!--no-exact-url", d.exact_url,
                "Drop older fetches of the same normalised URL (default on)");
  sub->add_flag("--exact-text,!--no-exact-text", d.exact_text,
                "Drop copies of the same normalised text (default on)");
  sub->add_flag("--near,!--no-near", d.near, "MinHash near-duplicate removal (default on)");
  sub->add_option("--lines", d.lines,
                  "Remove lines that occur in at least K documents (0: off)")->capture_default_str();
  sub->add_option("--index", d.index_dir,
                  "Incremental index folder: drop documents that duplicate earlier runs' "
                  "survivors, then add this run's survivors");
  sub->add_option("--partitions", d.partitions, "Band-hash partitions (tasks of the pairs phase)")
      ->capture_default_str();
  sub->add_option("--memory-mb", d.memory_mb, "Sort memory budget shared by all threads")
      ->capture_default_str();
  sub->add_option("--phase", f->phase,
                  "Run one phase: signatures | pairs | cluster | apply | all")
      ->check(CLI::IsMember({"signatures", "pairs", "cluster", "apply", "all"}))
      ->capture_default_str();
  sub->footer(
      "Phases (work files in OUT/_work/<phase>/, each with _done markers, so a killed phase\n"
      "resumes when rerun):\n"
      "  signatures  per input file: normalise text, MinHash, write band/exact-hash partitions\n"
      "  pairs       per partition: sort buckets, verify candidate pairs (--partitions tasks)\n"
      "  cluster     one global task (task 0): union-find, choose the record to keep\n"
      "  apply       per input file: write kept records with dup_count, rejected/ with the rule\n"
      "Kept per cluster: the earliest fetched_at, then the longest text, then the smallest id;\n"
      "per URL: the latest fetched_at. Removed records go to rejected/ with rule exact_url,\n"
      "exact_text or near_duplicate and {\"duplicate_of\": id, \"similarity\": x}.\n"
      "OUT/_work/ (about 1 KB per document) is only needed to resume or rerun a phase; it may\n"
      "be deleted once OUT/_manifest.json exists.\n"
      "\n"
      "Examples:\n"
      "  corpus dedup --in docs/ --out unique/\n"
      "  corpus dedup --in docs/ --out unique/ --lines 20 --index dedup-index/\n"
      "  # Slurm: one array per phase, each depending on the previous one\n"
      "  sbatch --array=0-31 --wrap 'corpus dedup --in docs/ --out unique/ --phase signatures'\n"
      "  sbatch --array=0-15 --wrap 'corpus dedup --in docs/ --out unique/ --phase pairs'\n"
      "  sbatch --wrap 'corpus dedup --in docs/ --out unique/ --phase cluster'\n"
      "  sbatch --array=0-31 --wrap 'corpus dedup --in docs/ --out unique/ --phase apply'");
  sub->callback([sub, state, f] {
    PrepareStageRun(sub, &f->common, *state);
    dedup::ParsePhase(f->phase, &f->dedup.phase);
    const StageOutcome outcome = dedup::RunDedup(f->dedup, f->common);
    state->exit_code = FinishStageRun("dedup", outcome, f->common);
  });
}

}  // namespace corpus

#include <string_view>

#include "corpus/cli/commands.h"

namespace corpus {
namespace {

// The help of each subcommand: its one-line summary and the footer --help
// prints below the flags (details and examples), in one table so that every
// command's help reads alike.
struct CommandHelp {
  const char* name;
  const char* summary;
  const char* footer;  // "" when the flags say it all
};

constexpr CommandHelp kCommandHelp[] = {
    {"crawl",
     "Fetch web pages from seed URLs into page records",
     "Examples:\n"
     "  corpus crawl --seeds seeds/example.txt --out pages/ --max-pages 1000\n"
     "  corpus crawl --seeds seeds/builtin.txt --out pages/ --allow-private-networks "
     "--per-host-delay 50\n"
     "  corpus crawl --seeds seeds/example.txt --out pages2/ --refresh pages/   # re-fetch, 304s skipped\n"
     "  corpus crawl --seeds seeds/example.txt --out pages/ --warc warc/   # also keep WARC files\n"
     "  corpus crawl --seeds seeds/example.txt --out pages/ --num-tasks 4 --task-index 0   # and 1, 2, 3\n"
     "A killed crawl continues where it stopped when the same command is run again.\n"
     "With --num-tasks N (in Slurm: scripts/slurm/together.sbatch) each task crawls the hosts it owns and hands\n"
     "links to other hosts to their owner through OUT/_crawl/handoff/."},
    {"extract",
     "Main text out of HTML pages, WARC or WET files (pages -> documents)",
     "Examples:\n"
     "  corpus extract --in pages/ --out docs/\n"
     "  corpus extract --in 'CC-MAIN-*.warc.gz' --out docs/ --threads 16\n"
     "  corpus extract --in pages/ --out docs-md/ --format markdown\n"
     "  corpus cat docs/ --limit 1 --fields url,title,text"},
    {"dedup",
     "Remove exact (URL, text) and near duplicates (MinHash/LSH) across all inputs", ""},
    {"filter",
     "Keep good text: language, Gopher, C4, FineWeb, URL and bad-word filters; redact PII",
     "Every removed record goes to rejected/ with {\"stage\":\"filter\",\"rule\",\"value\"}.\n"
     "Defaults follow FineWeb: English (score >= 0.65), Gopher repetition + quality, C4 without\n"
     "the terminal-punctuation rule, FineWeb's rules; PII redaction on.\n"
     "Examples:\n"
     "  corpus filter --in unique/ --out clean/\n"
     "  corpus filter --config configs/fineweb.toml --in unique/ --out clean/\n"
     "  corpus filter --in unique/ --out clean/ --languages en,fr --min-words 100 --no-pii\n"
     "  corpus filter --in unique/ --out clean/ --url-blocklist ut1/ --bad-words configs/filter/bad_words_en.txt\n"
     "  corpus filter --config configs/fineweb2.toml --annotate --in unique/ --out annotated/\n"
     "  corpus filter --config configs/fineweb2.toml --from-signals --in annotated/ --out clean/"},
    {"shard",
     "Pack documents into a shuffled release of even shards with a manifest and a dataset card",
     "Examples:\n"
     "  corpus shard --in clean/ --out release/\n"
     "  corpus shard --in clean/ --out release/ --target-size 64MiB --seed 7 --val-fraction 0.001\n"
     "  corpus shard --in clean/ --out release/ --docs-per-shard 100000 --fields id,text,url\n"
     "  # Slurm: partition as one array, then pack as a dependent array\n"
     "  corpus shard --in clean/ --out release/ --phase partition   (array task)\n"
     "  corpus shard --in clean/ --out release/ --phase pack        (array task)"},
    {"tokenize",
     "Token ids of documents as Megatron .bin/.idx or datatrove .ds files, or token counts",
     "Tokenizers: *.model (SentencePiece), *.json (Hugging Face tokenizer.json, byte-level BPE),\n"
     "*.tiktoken or *.tiktoken.zst (tiktoken ranks; the pattern from the file name or\n"
     "--tiktoken-pattern).\n"
     "Examples:\n"
     "  corpus tokenize --in release/ --out tokens/ --tokenizer cl100k_base.tiktoken\n"
     "  corpus tokenize --in release/ --out tokens/ --tokenizer tokenizer.json --format datatrove \\\n"
     "      --max-tokens-per-file 1000000000 --seed 1\n"
     "  corpus tokenize --in clean/ --out counted/ --tokenizer spm.model --count-only\n"
     "  corpus stats tokens/                       # documents and tokens per split"},
    {"decon",
     "Remove text that overlaps evaluation sets (GPT-3's 13-gram decontamination)",
     "Benchmarks are JSON Lines (items' string fields; --fields picks them) or plain text (one item\n"
     "per line), .gz/.zst too; a folder means every file in it; the file name is the benchmark's name.\n"
     "Matching: lowercase, punctuation removed, words (CJK by dictionary), exact n-grams; items\n"
     "shorter than --ngram words but at least --min-ngram are matched whole. Each contaminated record\n"
     "goes to rejected/ with rule \"contamination\" (--mode drop), or loses each match and --cut-window\n"
     "characters around it (--mode cut; \"decon_cuts\" lists the removed byte spans). The manifest\n"
     "reports, per benchmark, contaminated documents, items hit and examples.\n"
     "Examples:\n"
     "  corpus decon --in clean/ --out decon/ --benchmarks evals/\n"
     "  corpus decon --in clean/ --out decon/ --benchmarks mmlu.jsonl arc.jsonl --fields question,choices\n"
     "  corpus decon --in clean/ --out decon/ --benchmarks evals/ --mode cut"},
    {"cat",
     "Print records as JSON Lines (like zstdcat | jq -c)",
     "Examples:\n"
     "  corpus cat docs/ --limit 3\n"
     "  corpus cat 'clean/part-*.jsonl.zst' --fields id,url,lang\n"
     "  corpus cat unique/rejected/ | jq -r .reject.rule | sort | uniq -c"},
    {"stats",
     "Print the funnel of stage folders: records and bytes in, kept, rejected by rule",
     "Examples:\n"
     "  corpus stats pages/ docs/ unique/ clean/ release/\n"
     "  corpus stats clean/"},
    {"report",
     "Write one self-contained HTML page with the funnel, distributions and examples of stage folders",
     "Examples:\n"
     "  corpus report pages/ docs/ unique/ clean/ release/ --out report.html\n"
     "  corpus report clean/ --out clean-report.html --top 50 --examples 5"},
};

}  // namespace

CLI::App* AddSubcommand(CLI::App& app, std::string_view name) {
  for (const CommandHelp& help : kCommandHelp) {
    if (name != help.name) continue;
    CLI::App* sub = app.add_subcommand(help.name, help.summary);
    if (*help.footer != '\0') sub->footer(help.footer);
    return sub;
  }
  return app.add_subcommand(std::string(name));
}

}  // namespace corpus

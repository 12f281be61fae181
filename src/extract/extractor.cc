#include "corpus/extract/extractor.h"

#include <gumbo.h>

#include <algorithm>
#include <unordered_set>

#include "corpus/extract/author_bios.h"
#include "corpus/extract/block_model.h"
#include "corpus/extract/boilerplate.h"
#include "corpus/extract/code_gutters.h"
#include "corpus/extract/comment_threads.h"
#include "corpus/extract/date_lines.h"
#include "corpus/extract/discussion.h"
#include "corpus/extract/dom_index.h"
#include "corpus/extract/dom_text.h"
#include "corpus/extract/duplicate_blocks.h"
#include "corpus/extract/html_prescan.h"
#include "corpus/extract/json_ld.h"
#include "corpus/extract/lead_blocks.h"
#include "corpus/extract/markup_name_book.h"
#include "corpus/extract/page_language.h"
#include "corpus/extract/page_title.h"
#include "corpus/extract/parse_arena.h"
#include "corpus/extract/phrase_book.h"
#include "corpus/extract/placeholder_text.h"
#include "corpus/extract/post_chrome.h"
#include "corpus/extract/reply_subjects.h"
#include "corpus/extract/product_grid.h"
#include "corpus/extract/related_sections.h"
#include "corpus/extract/shop_chrome.h"
#include "corpus/extract/shop_labels.h"
#include "corpus/extract/signup_boxes.h"
#include "corpus/extract/streamed_html.h"
#include "corpus/extract/teaser_cards.h"
#include "corpus/extract/teaser_lines.h"
#include "corpus/extract/toc_lists.h"
#include "corpus/extract/trailing_links.h"
#include "corpus/text/control_characters.h"
#include "corpus/text/mojibake.h"
#include "corpus/text/text_units.h"
#include "corpus/util/ascii.h"
#include "corpus/util/sha256.h"

namespace corpus {
namespace {

// JSON-LD descriptions sometimes carry HTML markup; keep the text only.
std::string StripTags(std::string_view s) {
  if (s.find('<') == std::string_view::npos) return std::string(s);
  std::string out;
  bool in_tag = false;
  for (char c : s) {
    if (c == '<') {
      in_tag = true;
      out.push_back(' ');
    } else if (c == '>' && in_tag) {
      in_tag = false;
    } else if (!in_tag) {
      out.push_back(c);
    }
  }
  return out;
}

// Splits `s` into lower-cased words: runs of ASCII letters and digits and
// of non-ASCII characters other than general punctuation (U+2000..U+206F:
// curly quotes, dashes, primes), so "L’atelier" and "L'atelier" agree.
// Stops early when `fn` returns false.
template <typename Fn>
void ForEachWord(std::string_view s, Fn&& fn) {
  std::string word;
  for (size_t i = 0; i <= s.size(); ++i) {
    const unsigned char c = i < s.size() ? static_cast<unsigned char>(s[i]) : ' ';
    if (c == 0xE2 && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xFC) == 0x80) {
      i += 2;  // U+2000..U+20FF: a separator
    } else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80) {
      word.push_back(static_cast<char>(c));
      continue;
    } else if (c >= 'A' && c <= 'Z') {
      word.push_back(static_cast<char>(c + 32));
      continue;
    }
    if (!word.empty() && !fn(word)) return;
    word.clear();
  }
}

// Whether at least `share` of the distinct words of `passage` occur in `text`.
bool MostWordsIn(std::string_view passage, std::string_view text, double share) {
  std::unordered_set<std::string> have;
  ForEachWord(text, [&](const std::string& w) {
    have.insert(w);
    return true;
  });
  std::unordered_set<std::string> want;
  ForEachWord(passage, [&](const std::string& w) {
    want.insert(w);
    return true;
  });
  if (want.empty()) return true;
  size_t found = 0;
  for (const std::string& w : want) found += have.count(w);
  return static_cast<double>(found) >= share * static_cast<double>(want.size());
}

// Whether `text` has at least `n` distinct words (ForEachWord's words).
bool HasDistinctWords(std::string_view text, size_t n) {
  std::vector<std::string> seen;
  auto see = [&seen](std::string_view w) {
    if (std::find(seen.begin(), seen.end(), w) == seen.end()) seen.emplace_back(w);
  };
  ForEachWord(text, [&](const std::string& w) {
    see(w);
    // A script written without spaces (Chinese, Japanese, Thai) puts a
    // whole clause in one such word: each of its characters counts as one.
    for (size_t i = 0; i < w.size() && seen.size() < n;) {
      const size_t at = i;
      if (IsNonSpacingScript(NextCodePoint(w, &i))) see(std::string_view(w).substr(at, i - at));
    }
    return seen.size() < n;  // enough seen: a long text is not read to its end
  });
  return seen.size() >= n;
}

// An articleBody shorter than this is a summary, not the article.
constexpr size_t kMinArticleBodyBytes = 1000;
// Blocks of at least this many distinct words are compared with the body.
constexpr size_t kMinBodyBlockWords = 12;

// Drops from `sel` each block of the selection, with no block inside and
// at least kMinBodyBlockWords distinct words, of which fewer than half are
// words of `body`: the article's text as the page's JSON-LD gives it
// ("articleBody"). Only when the body is the article: 70% of the words of
// the selection's blocks are in it (a body cut short to its opening
// paragraphs takes nothing). docs/LANGUAGES.md, "The article's text as its
// structured data gives it".
void DropBlocksOutsideArticleBody(const DomIndex& dom, std::string_view body, ContentSelection* sel) {
  const auto& nodes = dom.nodes();
  if (sel->root < 0) return;
  std::unordered_set<std::string> words;
  ForEachWord(body, [&](const std::string& w) {
    words.insert(w);
    return true;
  });
  std::vector<int32_t> blocks;
  size_t seen = 0, in_body = 0;
  std::string text;
  std::unordered_set<std::string> mine;
  for (int32_t i = sel->root; i < nodes[sel->root].end; ++i) {
    const DomNode& n = nodes[i];
    if (sel->drop[i]) {
      i = n.end - 1;
      continue;
    }
    if ((n.flags & kDomText) || !(n.flags & kDomBlock) || n.text == 0 || n.own_text != n.text) continue;
    text.clear();
    AppendSmallText(nodes, i, &text);
    mine.clear();
    size_t hits = 0;
    ForEachWord(text, [&](const std::string& w) {
      if (mine.insert(w).second) hits += words.count(w);
      return true;
    });
    seen += mine.size();
    in_body += hits;
    if (mine.size() >= kMinBodyBlockWords && 2 * hits < mine.size()) blocks.push_back(i);
  }
  if (seen == 0 || 10 * in_body < 7 * seen) return;
  for (int32_t b : blocks) sel->drop[b] = 1;
}

// Text in comment sections (outermost ones), not counting menu links.
double CommentBytes(const DomIndex& dom) {
  const auto& nodes = dom.nodes();
  double total = 0;
  for (size_t i = 0; i < nodes.size(); ++i) {
    if ((nodes[i].flags & kDomComments) && !(nodes[i].flags & kDomText)) {
      total += static_cast<double>(nodes[i].text - nodes[i].navlink);
      i = nodes[i].end - 1;
    }
  }
  return total;
}

// Whether the subtree at `root` reads as an article: at least a third of its
// text is in long paragraphs (kMinProseBlock bytes of text outside links in
// one block). A page of teasers, whose blurbs are a line or two under each
// headline, is not, and there the "Latest news" boxes are the content.

bool IsProse(const DomIndex& dom, int32_t root) {
  const auto& nodes = dom.nodes();
  uint64_t prose = 0;
  for (int32_t i = root; i < nodes[root].end; ++i) {
    const DomNode& n = nodes[i];
    if (IsProseBlock(n)) {
      prose += n.own_text;
    }
  }
  return 3 * prose >= nodes[root].text;
}

// Whether the subtree at `root` reads as a news story of short paragraphs:
// kMinShortParagraphs short paragraphs or more (IsRunningParagraph),
// holding a third of its text,
// and few links (a page of teasers links each blurb's headline).
constexpr int kMinShortParagraphs = 4;
bool IsShortParagraphStory(const DomIndex& dom, int32_t root) {
  const auto& nodes = dom.nodes();
  uint64_t prose = 0;
  int paragraphs = 0;
  for (int32_t i = root; i < nodes[root].end; ++i) {
    const DomNode& n = nodes[i];
    if (!IsRunningParagraph(n)) continue;
    prose += n.own_text;
    ++paragraphs;
  }
  return paragraphs >= kMinShortParagraphs && 3 * prose >= nodes[root].text &&
         8 * nodes[root].link < nodes[root].text;
}

}  // namespace

// Bumped whenever a rule changes what is extracted; the data files (phrase
// files, class and id name lists, the block model) are versioned by their
// digests (ExtractorVersion).
constexpr std::string_view kExtractorCodeVersion = "200";

std::string ExtractorVersion() {
  // The data files' digests, hashed together (configs/extract/).
  Sha256 data;
  data.Update(PhraseBook::Default().digest());
  data.Update(MarkupNameBook::Default().digest());
  data.Update(BlockModel::Default().digest());
  return std::string(kExtractorCodeVersion) + "-" + data.HexDigest().substr(0, 16);
}

namespace {

// One extraction of a page with `options` (ExtractMainContent).
ExtractResult ExtractOnce(std::string_view html, const ExtractOptions& options,
                          std::string_view content_language,
                          std::vector<BlockTrace>* block_trace) {
  ExtractResult result;
  std::string resolved;
  if (ResolveStreamedSegments(html, &resolved)) html = resolved;
  PrescanResult pre;
  PrescanHtml(html, &pre);
  // Before the parse: gumbo turns the C1 controls of Latin-1 mojibake
  // ("â\u0080\u0099") into U+FFFD, and then it cannot be undone. Markup is
  // ASCII and stays as it is. A whole page of Chinese, Japanese or Korean
  // read byte by byte as Latin-1 is decoded again first; control
  // characters left after the repair ("we\u0092re": Windows-1252 read as
  // Latin-1) are mended or go.
  RedecodeMisreadCjk(&pre.html);
  RepairMojibake(&pre.html);
  RepairControlCharacters(&pre.html);

  // One arena per thread, so its first block is reused page after page.
  thread_local ParseArena arena;
  struct ReleaseAtExit {  // a 50 MB page's blocks are not kept until the next page
    ParseArena* arena;
    ~ReleaseAtExit() { arena->Reset(); }
  } release{&arena};
  const GumboOutput* parsed = ParseWithArena(pre.html, &arena);
  if (!parsed) return result;

  DomIndex dom;
  dom.Build(parsed->document);
  MarkBoilerplate(&dom, options.boilerplate_veto_share);
  const PhraseSet phrases = PagePhrases(dom, content_language);
  for (std::string_view lang : phrases.languages()) {
    if (!result.phrase_languages.empty()) result.phrase_languages += ',';
    result.phrase_languages += lang;
  }
  if (options.drop_related_sections) MarkRelatedSections(&dom, phrases);
  // A table of contents goes before repeats are found: its links hold the
  // first copy of each heading's text, and the headings are the content.
  MarkTocLists(&dom);
  if (options.duplicate_min_bytes > 0) MarkDuplicateSubtrees(&dom, options.duplicate_min_bytes);
  MarkPostChrome(&dom);
  MarkReplySubjects(&dom, phrases);
  MarkReplyThreads(&dom, phrases);
  MarkCodeGutters(&dom);
  MarkCreditLines(&dom, phrases);
  MarkPlaceholderText(&dom, phrases);
  MarkDateLines(&dom, phrases);
  // The page's JSON-LD, read once for the rules that use it.
  const JsonLdFacts ld = ReadJsonLd(pre.json_ld);
  const bool product_page = IsProductPage(ld, dom.og_type(), pre.html);
  if (options.drop_shop_chrome && product_page) {
    MarkShopChrome(&dom, phrases);
    if (options.drop_related_sections) MarkShopBoxes(&dom, phrases);
  }
  MarkShopLabels(&dom, phrases);
  if (options.drop_shop_chrome) MarkPricedCarousels(&dom);
  const TextFormat format = options.markdown ? TextFormat::kMarkdown : TextFormat::kPlain;

  ScoreOptions score = options.score;
  // On a forum thread the "comments" are the posts.
  if (score.drop_comments && IsDiscussionPage(dom, pre.json_ld)) score.drop_comments = false;
  // A recipe's ingredients may stand in a box beside its steps.
  score.recipe_page = score.recipe_page || ld.recipe;
  if (options.drop_related_sections) MarkTeaserLines(&dom, phrases);
  ContentSelection sel = SelectMainContent(dom, score);
  // The body the selection descended to, before a lead above it widened
  // the root: whether the page is prose is read on it.
  int32_t body_root = -1;
  const bool article = options.drop_related_sections && sel.root >= 0 &&
                       (IsProse(dom, sel.root) || IsShortParagraphStory(dom, sel.root));
  if (article) {
    // An article: the boxes of other articles and the author's bio around
    // it go, unless a box is most of what was selected (then it is the
    // content).
    const uint64_t max_box = dom.nodes()[sel.root].text / 2;
    MarkArticleBoxes(&dom, phrases, max_box);
    MarkAuthorBios(&dom, ld.author_descriptions, max_box);
    MarkSignupBoxes(&dom, phrases, max_box);
    // On a product's page the list after the description is the
    // product's: its features and specifications, often linked.
    if (!product_page) MarkTrailingLinkLists(&dom, sel.root);
    // A page that declares itself an article (Open Graph's og:type).
    const bool declared_article = EqualsIgnoreAsciiCase(dom.og_type(), "article");
    MarkTeaserCards(&dom, sel.root, declared_article);
    if (score.drop_comments) MarkTrailingNotes(&dom, sel.root);
    const int32_t first_root = sel.root;
    sel = SelectMainContent(dom, score);
    if (sel.root >= 0 && sel.root < first_root && first_root < dom.nodes()[sel.root].end) {
      // The article's text runs on past the first container (a body split
      // in two around a box): the cards between are looked for again.
      MarkTeaserCards(&dom, sel.root, declared_article);
      sel = SelectMainContent(dom, score);
    }
  }
  // The boilerplate flags are final from here on: the post's heading on a
  // blog, for the leads and the title, is found once.
  const int32_t post_heading = PostHeadingNode(dom);
  if (article) {
    // The lead between the headline and a body container of its own.
    body_root = sel.root;
    AddLeadBlocks(dom, post_heading, &sel);
  }
  if (sel.weight < options.link_page_share * sel.page_text && !product_page) {
    // Little prose but plenty of text: an index, a category page, a list of
    // links. Its links are its content; count them in, keep dense lists.
    // (Not on a product's page: its text is short by nature, and its links
    // are to other products and brands.)
    score.link_penalty = -options.link_page_link_weight;
    score.headline_weight = 1.0;
    score.max_link_density = 1.01;
    ContentSelection lists = SelectMainContent(dom, score);
    if (lists.root >= 0) {
      sel = std::move(lists);
      result.link_page = true;
    } else {
      score = options.score;
    }
  }
  if (options.product_grid_min_prose > 0) {
    DropProductGridsBesideProse(dom, options.product_grid_min_prose, &sel);
  }
  // The learned block model's pass over the selected blocks (block_model.h).
  const bool model_pass = options.block_model || block_trace;
  const int32_t prose_root = result.link_page || body_root < 0 ? sel.root : body_root;
  const BlockPageFacts page{product_page, result.link_page,
                            model_pass && prose_root >= 0 && IsProse(dom, prose_root)};
  const auto drop_model_boilerplate = [&](ContentSelection* s, std::vector<BlockTrace>* trace) {
    if (model_pass && s->root >= 0) {
      DropModelBoilerplate(dom, phrases, page, BlockModel::Default(), options.block_model, s,
                           trace);
    }
  };
  if (article && !result.link_page && !ld.article_body.empty()) {
    const std::string body = CollapseSpaces(StripTags(ld.article_body));
    if (body.size() >= kMinArticleBodyBytes) DropBlocksOutsideArticleBody(dom, body, &sel);
  }
  drop_model_boilerplate(&sel, block_trace);
  result.text = RenderText(dom, sel.root, sel.drop, format);
  if (score.drop_comments && (result.text.size() < options.min_text_bytes ||
                              CommentBytes(dom) > options.comments_dominate * result.text.size())) {
    // A thread whose posts are marked up as comments: nothing else on the
    // page, or a short opening post under a long discussion.
    score.drop_comments = false;
    sel = SelectMainContent(dom, score);
    drop_model_boilerplate(&sel, nullptr);
    std::string text = RenderText(dom, sel.root, sel.drop, format);
    if (text.size() > result.text.size()) {
      result.text = std::move(text);
      result.relaxed = true;
    }
  }

  if (options.json_ld_products) {
    const std::string desc = CollapseSpaces(StripTags(ld.product_description));
    // Compare words, not bytes: visible copies are reflowed, truncated,
    // reworded a little or typeset with other quotes and dashes.
    if (!desc.empty() && !MostWordsIn(desc, result.text, options.json_ld_seen_share)) {
      if (!result.text.empty()) result.text += "\n\n";
      result.text += desc;
      result.json_ld = true;
    }
  }
  if (result.text.size() < options.min_text_bytes) {
    // A page drawn by JavaScript: its text, if anywhere, is in JSON-LD. (The
    // meta description is not used: it is a teaser, not the content.)
    std::string body = CollapseSpaces(StripTags(ld.body));
    if (body.size() > result.text.size()) {
      result.text = std::move(body);
      result.relaxed = true;
    }
  }
  // A few words, however often repeated ("Sold Out" under each picture of a
  // grid, "Skip to main content"), are what is left of chrome around a
  // page drawn by JavaScript: no main text.
  if (!HasDistinctWords(result.text, options.min_distinct_words)) result.text.clear();
  result.title = PickTitle(dom, post_heading);
  return result;
}

}  // namespace

ExtractResult ExtractMainContent(std::string_view html, std::string_view url,
                                 const ExtractOptions& options,
                                 std::string_view content_language,
                                 std::vector<BlockTrace>* block_trace) {
  ExtractResult result = ExtractOnce(html, options, content_language, block_trace);
  if (!result.text.empty() || options.relaxed_veto_share >= options.boilerplate_veto_share) {
    return result;
  }
  // Nothing outside boilerplate: the page's content may sit in a part
  // named like chrome that holds too little of the page's text for the
  // size veto (a category's tiles in a "related-product" section, under a
  // menu larger than they are). A second pass with a lower veto takes it,
  // if it finds a main text's worth; a page drawn by JavaScript, with a
  // few menu links around an empty frame, stays empty.
  ExtractOptions relaxed = options;
  relaxed.boilerplate_veto_share = options.relaxed_veto_share;
  ExtractResult again = ExtractOnce(html, relaxed, content_language, nullptr);
  if (again.text.size() < options.min_text_bytes) return result;
  again.relaxed = true;
  return again;
}

}  // namespace corpus

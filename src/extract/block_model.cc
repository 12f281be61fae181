#include "corpus/extract/block_model.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "corpus/extract/dom_text.h"
#include "corpus/util/sha256.h"

namespace corpus {
namespace {

// The next line of `text` from `*pos` without its comment ('#' to the end)
// and surrounding spaces; false at the end of the text.
bool NextLine(std::string_view text, size_t* pos, size_t* line_no, std::string_view* line) {
  while (*pos < text.size()) {
    size_t end = text.find('\n', *pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(*pos, end - *pos);
    *pos = end + 1;
    ++*line_no;
    if (const size_t hash = l.find('#'); hash != std::string_view::npos) l = l.substr(0, hash);
    while (!l.empty() && (l.back() == ' ' || l.back() == '\r' || l.back() == '\t')) l.remove_suffix(1);
    while (!l.empty() && (l.front() == ' ' || l.front() == '\t')) l.remove_prefix(1);
    if (!l.empty()) {
      *line = l;
      return true;
    }
  }
  return false;
}

Status LineError(size_t line_no, std::string_view what) {
  return Status::Corruption("block model, line " + std::to_string(line_no) + ": " +
                            std::string(what));
}

}  // namespace

Status BlockModel::Parse(std::string_view text, BlockModel* model) {
  *model = BlockModel();
  BlockModel m;
  size_t pos = 0, line_no = 0;
  std::string_view line;
  if (!NextLine(text, &pos, &line_no, &line) || line != "corpus-block-model 1") {
    return LineError(line_no, "expected the header \"corpus-block-model 1\"");
  }
  bool have_features = false, have_base = false, have_drop = false, have_share = false;
  bool have_min_blocks = false;
  while (NextLine(text, &pos, &line_no, &line)) {
    std::istringstream in{std::string(line)};
    std::string key;
    in >> key;
    if (key == "features") {
      const auto& names = BlockFeatureNames();
      std::string name;
      size_t i = 0;
      while (in >> name) {
        if (i >= names.size() || name != names[i]) {
          return LineError(line_no, "feature " + std::to_string(i) + " is \"" + name +
                                        "\", the extractor computes \"" +
                                        (i < names.size() ? std::string(names[i]) : "") + "\"");
        }
        ++i;
      }
      if (i != names.size()) return LineError(line_no, "too few features");
      have_features = true;
    } else if (key == "base") {
      have_base = static_cast<bool>(in >> m.base_);
    } else if (key == "drop_below") {
      have_drop = static_cast<bool>(in >> m.drop_below_);
    } else if (key == "max_drop_share") {
      have_share = static_cast<bool>(in >> m.max_drop_share_);
    } else if (key == "min_blocks") {
      have_min_blocks = static_cast<bool>(in >> m.min_blocks_);
    } else if (key == "prose_pages_only") {
      int flag = -1;
      if (!(in >> flag) || (flag != 0 && flag != 1)) return LineError(line_no, "expected 0 or 1");
      m.prose_pages_only_ = flag == 1;
    } else if (key == "tree") {
      size_t count = 0;
      if (!(in >> count) || count == 0 || count > 4096) return LineError(line_no, "bad tree size");
      const int32_t first = static_cast<int32_t>(m.nodes_.size());
      for (size_t k = 0; k < count; ++k) {
        if (!NextLine(text, &pos, &line_no, &line)) return LineError(line_no, "tree cut short");
        std::istringstream nin{std::string(line)};
        Node node{};
        if (!(nin >> node.feature >> node.threshold >> node.left >> node.right >> node.value)) {
          return LineError(line_no, "expected: feature threshold left right value");
        }
        const int32_t self = static_cast<int32_t>(k);
        if (node.feature >= static_cast<int32_t>(kBlockFeatureCount) || node.feature < -1 ||
            (node.feature >= 0 &&
             (node.left <= self || node.right <= self || node.left >= static_cast<int32_t>(count) ||
              node.right >= static_cast<int32_t>(count)))) {
          return LineError(line_no, "node out of range");
        }
        if (node.feature >= 0) {
          node.left += first;
          node.right += first;
        }
        m.nodes_.push_back(node);
      }
      m.roots_.push_back(first);
    } else {
      return LineError(line_no, "unknown key \"" + key + "\"");
    }
  }
  if (!have_features || !have_base || !have_drop || !have_share || !have_min_blocks ||
      m.roots_.empty()) {
    return LineError(line_no,
                     "needs features, base, drop_below, max_drop_share, min_blocks and a tree");
  }
  m.digest_ = Sha256Hex(text);
  *model = std::move(m);
  return Status::OK();
}

const BlockModel& BlockModel::Default() {
  static const BlockModel* model = [] {
    auto* m = new BlockModel();
    (void)Parse(kEmbeddedBlockModel, m);  // empty on error: drops nothing
    return m;
  }();
  return *model;
}

double BlockModel::MainProbability(const std::array<float, kBlockFeatureCount>& x) const {
  double score = base_;
  for (int32_t i : roots_) {
    while (nodes_[i].feature >= 0) {
      const Node& n = nodes_[i];
      i = x[n.feature] <= n.threshold ? n.left : n.right;
    }
    score += nodes_[i].value;
  }
  return 1.0 / (1.0 + std::exp(-score));
}

namespace {

// The longest line (bytes of text) set in a block of its own inside a cell
// that is read as a property's name or value ("0.178 kg", "AEB-L core, 410
// stainless cladding"); a longer text is a layout table's column.
constexpr uint64_t kMaxWrappedValueText = 160;

// The row whose cell block `block` is: a block of a <tr>, or a line that is
// all of its cell's text (WooCommerce sets each value in a <p>:
// "<th>Weight</th><td><p>0.178 kg</p></td>"); -1 if none. `*wrapped` tells
// which.
int32_t RowOf(const std::vector<DomNode>& nodes, int32_t block, bool* wrapped) {
  const int32_t up = nodes[block].parent;
  *wrapped = false;
  if (up < 0) return -1;
  if (nodes[up].tag == GUMBO_TAG_TR) return up;
  if ((nodes[up].tag != GUMBO_TAG_TD && nodes[up].tag != GUMBO_TAG_TH) ||
      nodes[up].text != nodes[block].text) {
    return -1;
  }
  *wrapped = true;
  const int32_t row = nodes[up].parent;
  return row >= 0 && nodes[row].tag == GUMBO_TAG_TR ? row : -1;
}

// The two cells of a table row of a name and its value (RowOf) are judged
// together, by their mean probability: keeping a property's name without
// its value ("Moc | 250 Watt" read as "Moc"), or the reverse, is never
// right. A row with a cell's line set in a block of its own is such a row
// when one cell is the block itself and both are lines: two columns of
// blocks are a layout table's. (Rows of more cells are left to each cell's
// own probability: measured, judging them whole was no better;
// BENCHMARKS.md, "Versions 93 to 100".) So are a description list's term
// and its one description ("<dt>Wohnfläche ca.:</dt><dd>78 m²</dd>"), the
// description's text set in a <dd> or in one block inside it. A list item
// that is a name and its value in two lines ("<li><div>Farbe</div><div>
// Silber</div></li>") keeps both when either is kept: the model reads a
// short value last on a page as a footer's word.
void JudgeRowsWhole(const std::vector<DomNode>& nodes, const std::vector<BlockFeatures>& blocks,
                    std::vector<double>* p) {
  const auto tag = [&](size_t k) {
    return k < blocks.size() ? nodes[blocks[k].node].tag : GUMBO_TAG_UNKNOWN;
  };
  const auto parent = [&](size_t k) { return nodes[blocks[k].node].parent; };
  // The list that holds block `k` as a description: a <dd>'s, or that of
  // the <dd> whose text it is all of (a description set in a <p>); -1.
  const auto description_of = [&](size_t k) -> int32_t {
    if (k >= blocks.size()) return -1;
    const int32_t n = blocks[k].node;
    if (nodes[n].tag == GUMBO_TAG_DD) return nodes[n].parent;
    const int32_t up = nodes[n].parent;
    return up >= 0 && nodes[up].tag == GUMBO_TAG_DD && nodes[up].text == nodes[n].text
               ? nodes[up].parent
               : -1;
  };
  // Whether blocks k and k + 1 are all the text of one list item, two
  // lines: a spec list's name and value.
  const auto item_pair = [&](size_t k) {
    if (k + 1 >= blocks.size() || parent(k) != parent(k + 1) || parent(k) < 0) return false;
    const DomNode& item = nodes[parent(k)];
    const DomNode& name = nodes[blocks[k].node];
    const DomNode& value = nodes[blocks[k + 1].node];
    return item.tag == GUMBO_TAG_LI && item.text == name.text + value.text &&
           name.text <= kMaxWrappedValueText && value.text <= kMaxWrappedValueText &&
           (k + 2 >= blocks.size() || parent(k + 2) != parent(k));
  };
  for (size_t k = 0; k < blocks.size();) {
    if (tag(k) == GUMBO_TAG_DT && description_of(k + 1) == parent(k) &&
        description_of(k + 2) != parent(k)) {
      (*p)[k] = (*p)[k + 1] = ((*p)[k] + (*p)[k + 1]) / 2;
      k += 2;
      continue;
    }
    if (item_pair(k)) {
      (*p)[k] = (*p)[k + 1] = std::max((*p)[k], (*p)[k + 1]);
      k += 2;
      continue;
    }
    bool wrapped[2] = {false, false};  // of blocks k and k + 1
    bool later_wrapped = false;        // of the blocks after those
    const int32_t row = RowOf(nodes, blocks[k].node, &wrapped[0]);
    size_t end = k + 1;
    while (row >= 0 && end < blocks.size() &&
           RowOf(nodes, blocks[end].node, end == k + 1 ? &wrapped[1] : &later_wrapped) == row) {
      ++end;
    }
    if (end - k == 2) {
      const bool lines = nodes[blocks[k].node].text <= kMaxWrappedValueText &&
                         nodes[blocks[k + 1].node].text <= kMaxWrappedValueText;
      if (!(wrapped[0] || wrapped[1]) || (!(wrapped[0] && wrapped[1]) && lines)) {
        (*p)[k] = (*p)[k + 1] = ((*p)[k] + (*p)[k + 1]) / 2;
      }
    }
    k = end;
  }
}

}  // namespace

int DropModelBoilerplate(const DomIndex& dom, const PhraseSet& phrases,
                         const BlockPageFacts& page, const BlockModel& model, bool apply,
                         ContentSelection* sel, std::vector<BlockTrace>* trace) {
  const bool acts = apply && !model.empty() && (page.prose || !model.prose_pages_only());
  if (!trace && !acts) return 0;
  const std::vector<BlockFeatures> blocks = ComputeBlockFeatures(dom, *sel, phrases, page);
  const std::vector<DomNode>& nodes = dom.nodes();
  std::vector<double> p(blocks.size());
  for (size_t k = 0; k < blocks.size(); ++k) {
    p[k] = model.empty() ? 1.0 : model.MainProbability(blocks[k].x);
  }
  JudgeRowsWhole(nodes, blocks, &p);
  double total = 0, dropped = 0;
  for (size_t k = 0; k < blocks.size(); ++k) {
    const double text = static_cast<double>(nodes[blocks[k].node].text);
    total += text;
    if (p[k] < model.drop_below()) dropped += text;
  }
  const bool drop = acts && dropped > 0 && dropped <= model.max_drop_share() * total &&
                    blocks.size() >= model.min_blocks();
  int count = 0;
  for (size_t k = 0; k < blocks.size(); ++k) {
    const bool out = drop && p[k] < model.drop_below();
    if (out) {
      sel->drop[blocks[k].node] = 1;
      ++count;
    }
    if (trace) {
      BlockTrace& t = trace->emplace_back();
      t.node = blocks[k].node;
      t.x = blocks[k].x;
      t.p_main = p[k];
      t.dropped = out;
      t.text = RenderText(dom, blocks[k].node, {}, TextFormat::kPlain);
    }
  }
  return count;
}

}  // namespace corpus

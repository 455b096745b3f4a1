// SPDX-License-Identifier: Apache-2.0
#include "scan/model_card.hpp"

#include "syntax/doc_tree.hpp"
#include "util/text_util.hpp"

namespace mofcheck {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

using doc::Node;

std::string scalar(const Node* n) {
  return n && n->kind == Node::Kind::string ? n->text : std::string();
}

// A front matter value that may be one string or a list of strings.
std::vector<std::string> strings(const Node* n) {
  std::vector<std::string> out;
  if (!n) return out;
  if (n->kind == Node::Kind::string) out.push_back(n->text);
  for (const auto& item : n->items) {
    if (item.kind == Node::Kind::string) out.push_back(item.text);
  }
  return out;
}

// Front matter is small; a model card's longest values are descriptions.
constexpr int kFrontMatterDepth = 64;
constexpr std::size_t kFrontMatterString = 1u << 20;

void read_front_matter(std::string_view yaml_text, ModelCard& card) {
  Node root;
  try {
    root = doc::parse_yaml(yaml_text, "front matter", kFrontMatterDepth, kFrontMatterString);
  } catch (const Error& e) {
    if (e.message() == "the document is empty") return;
    // The front matter starts on the card's second line.
    card.front_matter_error = "the front matter is not valid YAML (line " +
                              std::to_string(e.where().line + 1) + ": " + e.message() + ")";
    return;
  }
  if (root.kind == Node::Kind::null) return;
  if (root.kind != Node::Kind::object) {
    card.front_matter_error = "the front matter is not a mapping";
    return;
  }
  card.license = scalar(root.get("license"));
  card.license_name = scalar(root.get("license_name"));
  card.license_link = scalar(root.get("license_link"));
  card.pipeline_tag = scalar(root.get("pipeline_tag"));
  card.model_name = scalar(root.get("model_name"));
  card.datasets = strings(root.get("datasets"));
  card.base_model = strings(root.get("base_model"));
  card.tags = strings(root.get("tags"));
  if (card.license.empty()) {
    std::vector<std::string> l = strings(root.get("license"));
    if (!l.empty()) card.license = l.front();
  }
  const Node* index = root.get("model-index");
  if (index && index->kind == Node::Kind::array) {
    for (const auto& model : index->items) {
      if (model.kind != Node::Kind::object) continue;
      if (card.model_name.empty()) card.model_name = scalar(model.get("name"));
      const Node* results = model.get("results");
      if (results && results->kind == Node::Kind::array) {
        card.model_index_results += results->items.size();
      }
    }
  }
}

bool is_id_char(char c) {
  return (c >= '0' && c <= '9') || c == '.' || c == 'v';
}

void find_arxiv(std::string_view line, int number, ModelCard& card) {
  const std::string lowered = text::lower(line);
  std::size_t context_start = 0;
  for (std::size_t pos = 0; (pos = lowered.find("arxiv.org/", pos)) != std::string::npos;) {
    pos += 10;
    std::size_t slash = lowered.find('/', pos);
    if (slash == std::string::npos) break;
    std::string_view kind = std::string_view(lowered).substr(pos, slash - pos);
    if (kind != "abs" && kind != "pdf" && kind != "html") continue;
    std::size_t end = slash + 1;
    while (end < line.size() && is_id_char(line[end])) ++end;
    std::string id(line.substr(slash + 1, end - slash - 1));
    pos = end;
    // Drop a version suffix and a trailing dot from prose.
    while (!id.empty() && id.back() == '.') id.pop_back();
    if (auto v = id.find('v'); v != std::string::npos) id.resize(v);
    if (id.size() < 9 || id.find('.') == std::string::npos) continue;
    std::string url = "https://arxiv.org/abs/" + id;
    bool seen = false;
    for (const auto& l : card.arxiv) seen = seen || l.url == url;
    // The words before a link (since the previous one) say what it is.
    if (!seen) {
      card.arxiv.push_back(
          {number, url, std::string(line.substr(context_start, end - context_start))});
    }
    context_start = end;
  }
}

}  // namespace

ModelCard parse_model_card(std::string_view text) {
  ModelCard card;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::string_view> lines = split_lines(text);
  std::size_t body = 0;
  if (!lines.empty() && text::trim(lines[0]) == "---") {
    for (std::size_t i = 1; i < lines.size(); ++i) {
      if (text::trim(lines[i]) != "---") continue;
      card.has_front_matter = true;
      std::size_t from = static_cast<std::size_t>(lines[1].data() - text.data());
      std::size_t to = static_cast<std::size_t>(lines[i].data() - text.data());
      read_front_matter(text.substr(from, to - from), card);
      body = i + 1;
      break;
    }
  }
  bool in_fence = false;
  for (std::size_t i = body; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    const int number = static_cast<int>(i + 1);
    std::string_view t = text::trim(line);
    if (t.substr(0, 3) == "```" || t.substr(0, 3) == "~~~") in_fence = !in_fence;
    find_arxiv(line, number, card);
    if (in_fence || t.empty() || t[0] != '#') continue;
    std::size_t hashes = t.find_first_not_of('#');
    if (hashes == std::string_view::npos || hashes > 6 || t[hashes] != ' ') continue;
    card.headings.push_back({number, std::string(text::trim(t.substr(hashes)))});
  }
  return card;
}

}  // namespace mofcheck

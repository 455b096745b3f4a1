// SPDX-License-Identifier: Apache-2.0
#include "syntax/yaml_reader.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include <yaml-cpp/eventhandler.h>

#include "syntax/doc_tree.hpp"

namespace mofcheck::yaml {

namespace {

SourceLocation mark_location(const YAML::Mark& mark, std::string_view origin) {
  SourceLocation loc{std::string(origin), 0, 0};
  if (!mark.is_null()) {
    loc.line = mark.line + 1;
    loc.column = mark.column + 1;
  }
  return loc;
}

// yaml-cpp's parser recurses once per nested collection, so a deeply nested
// document ("[[[[...", "- - - - x", or indentation nesting) would exhaust the
// stack inside it. This scan bounds the nesting on the raw text before
// yaml-cpp sees it. It counts flow brackets and block collections (one level
// per "- ", "? " or ": " indicator and per mapping key that opens a deeper
// indentation). Where it cannot tell exactly, it counts more, never less.
class DepthScanner {
 public:
  DepthScanner(std::string_view text, std::string_view origin, int max_depth)
      : text_(text), origin_(origin), max_depth_(max_depth) {}

  void run() {
    std::size_t pos = 0;
    while (pos <= text_.size()) {
      std::size_t end = text_.find('\n', pos);
      if (end == std::string_view::npos) end = text_.size();
      line(text_.substr(pos, end - pos));
      ++line_no_;
      pos = end + 1;
    }
  }

 private:
  static bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
  static bool ends_token(std::string_view s, std::size_t i) {
    return i + 1 >= s.size() || blank(s[i + 1]);
  }

  void too_deep(std::size_t column) {
    throw Error({std::string(origin_), line_no_, static_cast<int>(column) + 1},
                "nesting deeper than " + std::to_string(max_depth_) +
                    " levels; a manifest needs only a few");
  }
  void push_block(std::size_t column) {
    block_.push_back(column);
    if (static_cast<int>(block_.size()) + flow_ > max_depth_) too_deep(column);
  }

  void line(std::string_view s) {
    std::size_t indent = 0;
    while (indent < s.size() && blank(s[indent])) ++indent;
    const bool empty = indent == s.size() || s[indent] == '#';
    if (block_scalar_) {
      // Lines of a literal or folded scalar are text, whatever they hold.
      if (empty || indent > block_scalar_parent_) return;
      block_scalar_ = false;
    }
    std::size_t i = 0;
    if (!quote_ && flow_ == 0 && !empty) {
      std::string_view rest = s.substr(indent);
      if (indent == 0 &&
          (rest[0] == '%' ||
           ((rest.substr(0, 3) == "---" || rest.substr(0, 3) == "...") && ends_token(rest, 2)))) {
        block_.clear();  // a directive or a document boundary
        if (rest[0] == '%') return;
        i = indent + 3;
      } else {
        while (!block_.empty() && block_.back() >= indent) block_.pop_back();
        i = indent;
        // Compact collections: "- - x", "? - x", "- key: value".
        while (i < s.size() && (s[i] == '-' || s[i] == '?' || s[i] == ':') && ends_token(s, i)) {
          push_block(i);
          block_scalar_parent_ = i;
          ++i;
          while (i < s.size() && blank(s[i])) ++i;
        }
        if (has_key(s.substr(i))) {
          push_block(i);
          block_scalar_parent_ = i;
        } else if (i == indent) {
          block_scalar_parent_ = indent;
        }
      }
    }
    scan(s, i);
  }

  // Whether a block mapping key starts the text: a ':' followed by a space
  // or the end of the line, outside quotes and brackets.
  static bool has_key(std::string_view s) {
    char quote = 0;
    int brackets = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (quote) {
        if (c == '\\' && quote == '"') {
          ++i;
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if ((c == '"' || c == '\'') && i == 0) {
        quote = c;
      } else if (c == '[' || c == '{') {
        ++brackets;
      } else if ((c == ']' || c == '}') && brackets > 0) {
        --brackets;
      } else if (c == '#' && i > 0 && blank(s[i - 1])) {
        return false;
      } else if (c == ':' && brackets == 0 && ends_token(s, i)) {
        return true;
      }
    }
    return false;
  }

  // Quotes, flow brackets and comments from `i` on; notices a block scalar
  // indicator ('|' or '>') where a value starts.
  void scan(std::string_view s, std::size_t i) {
    bool node_start = !quote_;
    for (; i < s.size(); ++i) {
      char c = s[i];
      if (quote_) {
        if (quote_ == '"' && c == '\\') {
          ++i;
        } else if (quote_ == '\'' && c == '\'' && i + 1 < s.size() && s[i + 1] == '\'') {
          ++i;  // '' is an escaped quote
        } else if (c == quote_) {
          quote_ = 0;
        }
        continue;
      }
      if (blank(c)) continue;
      if (c == '#' && (i == 0 || blank(s[i - 1]))) return;
      if ((c == '"' || c == '\'') && node_start) {
        quote_ = c;
        node_start = false;
        continue;
      }
      if ((c == '[' || c == '{') && (node_start || flow_ > 0)) {
        if (++flow_ + static_cast<int>(block_.size()) > max_depth_) too_deep(i);
        node_start = true;
        continue;
      }
      if ((c == ']' || c == '}') && flow_ > 0) {
        --flow_;
        node_start = false;
        continue;
      }
      if (flow_ > 0) {
        node_start = c == ',' || c == ':' || c == '?';
        continue;
      }
      if ((c == '|' || c == '>') && node_start) {
        block_scalar_ = true;
        return;
      }
      if ((c == ':' || c == '-' || c == '?') && ends_token(s, i)) {
        node_start = true;
        continue;
      }
      if ((c == '&' || c == '!') && node_start) {
        // An anchor or a tag before the node: the node starts after it.
        while (i + 1 < s.size() && !blank(s[i + 1])) ++i;
        continue;
      }
      node_start = false;
    }
  }

  std::string_view text_;
  std::string_view origin_;
  int max_depth_;
  int line_no_ = 1;
  int flow_ = 0;
  char quote_ = 0;
  std::vector<std::size_t> block_;  // columns of the open block collections
  bool block_scalar_ = false;
  std::size_t block_scalar_parent_ = 0;
};

void check_depth(std::string_view text, std::string_view origin, int max_depth) {
  DepthScanner(text, origin, max_depth).run();
}

}  // namespace

YAML::Node load(std::string_view text, std::string_view origin, int max_depth) {
  // yaml-cpp's LoadAll can loop without end on some malformed streams (found
  // by fuzzing); the event-driven reader bounds depth, size and documents
  // first, and stops at a second document.
  (void)doc::parse_yaml(text, origin, max_depth, text.size() + 1);
  auto docs = load_all(text, origin, max_depth);
  if (docs.empty() || docs.front().IsNull()) {
    throw Error({std::string(origin), 0, 0}, "the document is empty");
  }
  if (docs.size() > 1) {
    throw Error(where(docs[1], origin),
                "holds several YAML documents; give one manifest per file or use a stream input");
  }
  return docs.front();
}

YAML::Node load_known_good(std::string_view text, std::string_view origin) {
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    throw Error(mark_location(e.mark, origin), "invalid YAML: " + e.msg);
  }
}

std::vector<YAML::Node> load_all(std::string_view text, std::string_view origin, int max_depth) {
  check_depth(text, origin, max_depth);
  try {
    return YAML::LoadAll(std::string(text));
  } catch (const YAML::Exception& e) {
    throw Error(mark_location(e.mark, origin), "invalid YAML: " + e.msg);
  }
}

SourceLocation where(const YAML::Node& node, std::string_view origin) {
  return mark_location(node.Mark(), origin);
}

const char* kind_name(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Scalar:
      return "a string";
    case YAML::NodeType::Null:
      return "null";
    case YAML::NodeType::Undefined:
      return "missing";
  }
  return "unknown";
}

std::string scalar(const YAML::Node& node, std::string_view origin, std::string_view what) {
  if (!node.IsScalar()) {
    throw Error(where(node, origin),
                std::string(what) + " must be a string, not " + kind_name(node));
  }
  return node.Scalar();
}

std::string optional_scalar(const YAML::Node& node, std::string_view origin,
                            std::string_view what) {
  if (!node || node.IsNull()) return {};
  return scalar(node, origin, what);
}

void require_map(const YAML::Node& node, std::string_view origin, std::string_view what) {
  if (!node.IsMap()) {
    throw Error(where(node, origin),
                std::string(what) + " must be a mapping, not " + kind_name(node));
  }
}

void require_seq(const YAML::Node& node, std::string_view origin, std::string_view what) {
  if (!node.IsSequence()) {
    throw Error(where(node, origin), std::string(what) + " must be a list, not " + kind_name(node));
  }
}

}  // namespace mofcheck::yaml

namespace mofcheck::doc {

namespace {

// Builds the tree from yaml-cpp's parse events rather than from a loaded
// YAML::Node: yaml-cpp's parser recurses once per nested collection and
// emits the start event on the way down, so failing on the event that goes
// too deep stops the recursion early; and nothing is built past the node
// budget, so neither a huge document nor an alias bomb ("billion laughs")
// can exhaust memory.
class TreeHandler : public YAML::EventHandler {
 public:
  TreeHandler(std::string_view origin, int max_depth, std::size_t max_string,
              std::vector<Diagnostic>* warnings)
      : origin_(origin), max_depth_(max_depth), max_string_(max_string), warnings_(warnings) {}

  Node root;
  int documents = 0;

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents > 1) {
      throw Error(loc(mark), "a second YAML document starts here; give one manifest per file");
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    finish(make(Node::Kind::null, mark), anchor, anchor_name_, 1, 0);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) throw Error(loc(mark), "alias of an unknown anchor");
    const Stored& stored = it->second;
    if (!alias_warned_ && warnings_) {
      alias_warned_ = true;
      warnings_->push_back({Severity::warning,
                            "yaml-alias",
                            "the YAML alias '*" + stored.name +
                                "' repeats the value anchored with '&" + stored.name +
                                "'; mof-check expands aliases, but a manifest is clearer "
                                "with each value written out",
                            {},
                            loc(mark)});
    }
    spend(stored.size, mark.line + 1, mark.column + 1);
    if (static_cast<int>(stack_.size() + stored.height) > max_depth_) too_deep(mark);
    Node n = stored.node;
    n.line = mark.line + 1;
    n.column = mark.column + 1;
    finish(std::move(n), 0, {}, stored.size, stored.height);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    check_tag(tag, mark);
    if (value.size() > max_string_) {
      throw Error(loc(mark),
                  (expecting_key() ? "a key of " : "a string of ") + std::to_string(value.size()) +
                      " bytes is longer than the limit of " + std::to_string(max_string_) +
                      " bytes",
                  ErrorKind::string_too_long);
    }
    Node n = make(Node::Kind::string, mark);
    n.text = value;
    // yaml-cpp implements no merge semantics: "<<" would be read as a key.
    if (tag == "?" && value == "<<" && expecting_key()) {
      throw Error(loc(mark),
                  "YAML merge keys ('<<') are not supported in a manifest; write the keys out");
    }
    finish(std::move(n), anchor, anchor_name_, 1, 0);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(Node::Kind::array, mark, tag, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(Node::Kind::object, mark, tag, anchor);
  }
  void OnMapEnd() override { close(); }
  void OnAnchor(const YAML::Mark&, const std::string& name) override { anchor_name_ = name; }

 private:
  struct Frame {
    Node node;
    YAML::anchor_t anchor = 0;
    std::string anchor_name;
    std::size_t used_at_start = 0;
    std::size_t height = 0;    // levels below this node
    bool key_pending = false;  // objects: a key was read, its value is next
    std::string key;
    std::pair<int, int> key_at{0, 0};
    KeySet keys;
  };
  struct Stored {
    Node node;
    std::string name;
    std::size_t size = 0;
    std::size_t height = 0;
  };

  SourceLocation loc(const YAML::Mark& mark) const {
    return {std::string(origin_), mark.line + 1, mark.column + 1};
  }
  Node make(Node::Kind kind, const YAML::Mark& mark) {
    Node n;
    n.kind = kind;
    n.line = mark.line + 1;
    n.column = mark.column + 1;
    spend(1, n.line, n.column);
    return n;
  }
  void spend(std::size_t nodes, int line, int column) {
    if (nodes > max_nodes - used_) {
      throw Error({std::string(origin_), line, column},
                  "the document holds more than " + std::to_string(max_nodes) +
                      " values (counting each use of an alias); a manifest needs "
                      "far fewer");
    }
    used_ += nodes;
  }
  [[noreturn]] void too_deep(const YAML::Mark& mark) {
    throw Error(loc(mark), "nesting deeper than " + std::to_string(max_depth_) +
                               " levels; a manifest needs only a few");
  }
  void check_tag(const std::string& tag, const YAML::Mark& mark) {
    // "?" marks an untagged plain node, "!" an untagged quoted one.
    if (tag.empty() || tag == "?" || tag == "!") return;
    throw Error(loc(mark), "YAML tags such as '" + tag +
                               "' are not allowed in a manifest; write plain values");
  }
  bool expecting_key() const {
    return !stack_.empty() && stack_.back().node.kind == Node::Kind::object &&
           !stack_.back().key_pending;
  }

  void open(Node::Kind kind, const YAML::Mark& mark, const std::string& tag,
            YAML::anchor_t anchor) {
    check_tag(tag, mark);
    if (expecting_key()) throw Error(loc(mark), "mapping keys must be plain strings");
    if (static_cast<int>(stack_.size()) >= max_depth_) too_deep(mark);
    Frame f;
    f.used_at_start = used_;
    f.node = make(kind, mark);
    f.anchor = anchor;
    if (anchor != 0) f.anchor_name = anchor_name_;
    stack_.push_back(std::move(f));
  }
  void close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (f.node.kind == Node::Kind::object && f.key_pending) {
      Node null_value;
      null_value.line = f.key_at.first;
      null_value.column = f.key_at.second;
      f.node.members.emplace_back(std::move(f.key), std::move(null_value));
      f.node.key_positions.push_back(f.key_at);
    }
    std::size_t size = used_ - f.used_at_start;
    finish(std::move(f.node), f.anchor, f.anchor_name, size, f.height + 1);
  }

  // Places a complete node into its parent (or as the root), keeping a copy
  // when it carries an anchor.
  void finish(Node n, YAML::anchor_t anchor, const std::string& anchor_name, std::size_t size,
              std::size_t height) {
    if (anchor != 0) {
      spend(size, n.line, n.column);  // the stored copy costs as much again
      anchors_[anchor] = Stored{n, anchor_name, size, height};
    }
    if (stack_.empty()) {
      root = std::move(n);
      return;
    }
    Frame& parent = stack_.back();
    parent.height = std::max(parent.height, height);
    if (parent.node.kind == Node::Kind::array) {
      parent.node.items.push_back(std::move(n));
      return;
    }
    if (!parent.key_pending) {
      if (n.kind != Node::Kind::string) {
        throw Error({std::string(origin_), n.line, n.column}, "mapping keys must be plain strings");
      }
      long first = parent.keys.add(n.text, parent.node.members.size());
      if (first >= 0) {
        throw Error({std::string(origin_), n.line, n.column},
                    "duplicate key \"" + n.text + "\" (first written at line " +
                        std::to_string(parent.node.key_positions[first].first) +
                        "); a manifest must say each thing once");
      }
      parent.key = std::move(n.text);
      parent.key_at = {n.line, n.column};
      parent.key_pending = true;
      return;
    }
    parent.node.members.emplace_back(std::move(parent.key), std::move(n));
    parent.node.key_positions.push_back(parent.key_at);
    parent.key_pending = false;
  }

  std::string_view origin_;
  int max_depth_;
  std::size_t max_string_;
  std::vector<Diagnostic>* warnings_;
  std::vector<Frame> stack_;
  std::map<YAML::anchor_t, Stored> anchors_;
  std::string anchor_name_;
  std::size_t used_ = 0;
  bool alias_warned_ = false;
};

}  // namespace

Node parse_yaml(std::string_view text, std::string_view origin, int max_depth,
                std::size_t max_string, std::vector<Diagnostic>* warnings) {
  yaml::check_depth(text, origin, max_depth);
  std::istringstream in{std::string(text)};
  TreeHandler handler(origin, max_depth, max_string, warnings);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(handler)) {
    }
  } catch (const YAML::Exception& e) {
    throw Error(yaml::mark_location(e.mark, origin), "invalid YAML: " + e.msg);
  }
  if (handler.documents == 0) throw Error({std::string(origin), 0, 0}, "the document is empty");
  return std::move(handler.root);
}

}  // namespace mofcheck::doc

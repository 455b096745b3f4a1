// SPDX-License-Identifier: Apache-2.0
#include "yaml_reader.hpp"

#include "doc_tree.hpp"

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

// yaml-cpp builds nodes recursively; a deeply nested flow collection such as
// "[[[[...]]]]" would exhaust the stack inside it. Count the nesting first on
// the raw text (brackets outside quotes, plus block indentation levels).
void check_depth(std::string_view text, std::string_view origin, int max_depth) {
  int depth = 0;
  int line = 1;
  int column = 0;
  char quote = 0;
  char last = '\n';  // last significant character outside quotes
  bool comment = false;
  bool escaped = false;
  char prev = '\n';  // previous raw character
  for (char c : text) {
    ++column;
    char before = prev;
    prev = c;
    if (c == '\n') {
      ++line;
      column = 0;
      comment = false;
      last = '\n';
      continue;
    }
    if (comment) continue;
    if (quote) {
      if (escaped) {
        escaped = false;
      } else if (quote == '"' && c == '\\') {
        escaped = true;
      } else if (c == quote) {
        quote = 0;
        last = c;
      }
      continue;
    }
    if (c == ' ' || c == '\t') continue;
    // A quote opens a quoted scalar only where a scalar can start, so an
    // apostrophe inside plain text cannot hide brackets from this count.
    bool scalar_start = last == '\n' || last == ':' || last == '[' || last == '{' ||
                        last == ',' || last == '-' || last == '?';
    if (c == '#' && (before == ' ' || before == '\t' || before == '\n')) {
      comment = true;
    } else if ((c == '"' || c == '\'') && scalar_start) {
      quote = c;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) {
        throw Error({std::string(origin), line, column},
                    "nesting deeper than " + std::to_string(max_depth) +
                        " levels; a manifest needs only a few");
      }
    } else if (c == ']' || c == '}') {
      if (depth > 0) --depth;
    }
    last = c;
  }
}

}  // namespace

YAML::Node load(std::string_view text, std::string_view origin, int max_depth) {
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
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return "a string";
    case YAML::NodeType::Null: return "null";
    case YAML::NodeType::Undefined: return "missing";
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

struct Converter {
  std::string_view origin;
  int max_depth;
  std::size_t max_string;
  // Aliases let a small file describe an exponentially large tree ("billion
  // laughs"); the budget stops the expansion long before memory suffers.
  std::size_t budget = 200000;

  Node convert(const YAML::Node& in, int depth) {
    Node out;
    auto loc = yaml::where(in, origin);
    out.line = loc.line;
    out.column = loc.column;
    if (budget == 0) {
      throw Error(loc, "the document expands to too many nodes (YAML aliases?)");
    }
    --budget;
    if (depth > max_depth) {
      throw Error(loc, "nesting deeper than " + std::to_string(max_depth) +
                           " levels; a manifest needs only a few");
    }
    switch (in.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        out.kind = Node::Kind::null;
        break;
      case YAML::NodeType::Scalar:
        out.kind = Node::Kind::string;
        if (in.Scalar().size() > max_string) {
          throw Error(loc, "a string of " + std::to_string(in.Scalar().size()) +
                               " bytes is longer than the limit of " + std::to_string(max_string));
        }
        out.text = in.Scalar();
        break;
      case YAML::NodeType::Sequence:
        out.kind = Node::Kind::array;
        for (const auto& item : in) out.items.push_back(convert(item, depth + 1));
        break;
      case YAML::NodeType::Map:
        out.kind = Node::Kind::object;
        for (const auto& kv : in) {
          if (!kv.first.IsScalar()) {
            throw Error(yaml::where(kv.first, origin), "mapping keys must be plain strings");
          }
          const std::string& key = kv.first.Scalar();
          auto kloc = yaml::where(kv.first, origin);
          for (std::size_t i = 0; i < out.members.size(); ++i) {
            if (out.members[i].first == key) {
              throw Error(kloc, "duplicate key \"" + key + "\" (first written at line " +
                                    std::to_string(out.key_positions[i].first) +
                                    "); a manifest must say each thing once");
            }
          }
          out.members.emplace_back(key, convert(kv.second, depth + 1));
          out.key_positions.emplace_back(kloc.line, kloc.column);
        }
        break;
    }
    return out;
  }
};

}  // namespace

Node parse_yaml(std::string_view text, std::string_view origin, int max_depth,
                std::size_t max_string) {
  YAML::Node root = yaml::load(text, origin, max_depth);
  Converter conv{origin, max_depth, max_string};
  return conv.convert(root, 0);
}

}  // namespace mofcheck::doc

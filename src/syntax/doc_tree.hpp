// SPDX-License-Identifier: Apache-2.0
// A small syntax-neutral document tree with source positions. The JSON and
// YAML readers both produce it, so the manifest is interpreted once. Private.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <mofcheck/error.hpp>

namespace mofcheck::doc {

struct Node {
  enum class Kind { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  std::string text;                                   ///< scalar text
  std::vector<Node> items;                            ///< array items
  std::vector<std::pair<std::string, Node>> members;  ///< object members in order
  std::vector<std::pair<int, int>> key_positions;     ///< line/column of each member key
  int line = 0;
  int column = 0;

  // Declared here and defaulted below, where Node is complete: clang
  // instantiates the (constexpr) vector destructors of an implicit one too
  // early for std::pair<std::string, Node>.
  Node();
  ~Node();
  Node(const Node&);
  Node(Node&&) noexcept;
  Node& operator=(const Node&);
  Node& operator=(Node&&) noexcept;

  const Node* get(std::string_view key) const {
    for (const auto& m : members) {
      if (m.first == key) return &m.second;
    }
    return nullptr;
  }
};

inline Node::Node() = default;
inline Node::~Node() = default;
inline Node::Node(const Node&) = default;
inline Node::Node(Node&&) noexcept = default;
inline Node& Node::operator=(const Node&) = default;
inline Node& Node::operator=(Node&&) noexcept = default;

/// The keys of one mapping being read, for finding a duplicate in constant
/// time (a hostile mapping may hold a hundred thousand keys).
class KeySet {
 public:
  /// The index given when `key` was first added, or -1 after adding it now.
  long add(const std::string& key, std::size_t index) {
    auto [it, inserted] = seen_.emplace(key, index);
    return inserted ? -1 : static_cast<long>(it->second);
  }

  /// The index of the member of `members` named `key`, or -1; `members` are
  /// the mapping's keys so far (added to no set). Small mappings, which are
  /// nearly all, are scanned instead of hashed.
  template <typename Members>
  long find_member(const Members& members, const std::string& key) {
    constexpr std::size_t linear = 16;
    if (members.size() < linear) {
      for (std::size_t i = 0; i < members.size(); ++i) {
        if (members[i].first == key) return static_cast<long>(i);
      }
      return -1;
    }
    if (seen_.empty()) {
      for (std::size_t i = 0; i < members.size(); ++i) seen_.emplace(members[i].first, i);
    }
    return add(key, members.size());
  }

 private:
  std::unordered_map<std::string, std::size_t> seen_;
};

/// Most values (scalars, lists, mappings, counting each use of a YAML alias)
/// one document may hold: a manifest needs a few hundred; the bound keeps a
/// hostile document from exhausting memory.
inline constexpr std::size_t max_nodes = 200000;

/// "null", "a boolean", "a number", "a string", "a list", "a mapping".
const char* kind_name(Node::Kind k);

/// Parses JSON text into a tree. Throws Error with line/column on syntax
/// errors, duplicate keys, nesting deeper than `max_depth`, strings longer
/// than `max_string`. `text` starts after any byte order mark: one at its
/// start is an error.
Node parse_json(std::string_view text, std::string_view origin, int max_depth,
                std::size_t max_string);

/// Parses the first JSON value of `text`; `consumed` receives the number of
/// bytes it took (for concatenated JSON streams).
Node parse_json_prefix(std::string_view text, std::string_view origin, int max_depth,
                       std::size_t max_string, std::size_t& consumed);

/// `text` with every CRLF and lone CR turned into a line feed, as parse_yaml
/// reads it (libfyaml 0.7.12 folds a CRLF inside a quoted scalar wrongly).
std::string with_line_feeds(std::string_view text);

/// Parses one YAML document into a tree (all scalars become strings).
/// Throws Error for syntax errors, an empty or multi-document text, nesting
/// deeper than `max_depth`, strings longer than `max_string`, more than
/// `max_nodes` values, tags, merge keys and non-string keys. Aliases are
/// expanded (each use counts against `max_nodes`); the first one adds a
/// warning to `warnings` when given.
Node parse_yaml(std::string_view text, std::string_view origin, int max_depth,
                std::size_t max_string, std::vector<Diagnostic>* warnings = nullptr);

}  // namespace mofcheck::doc

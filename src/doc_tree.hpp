// SPDX-License-Identifier: Apache-2.0
// A small syntax-neutral document tree with source positions. The JSON and
// YAML readers both produce it, so the manifest is interpreted once. Private.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <mofcheck/error.hpp>

namespace mofcheck::doc {

struct Node {
  enum class Kind { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  std::string text;                                    ///< scalar text
  std::vector<Node> items;                             ///< array items
  std::vector<std::pair<std::string, Node>> members;   ///< object members in order
  std::vector<std::pair<int, int>> key_positions;      ///< line/column of each member key
  int line = 0;
  int column = 0;

  const Node* get(std::string_view key) const {
    for (const auto& m : members) {
      if (m.first == key) return &m.second;
    }
    return nullptr;
  }
};

/// "null", "a boolean", "a number", "a string", "a list", "a mapping".
const char* kind_name(Node::Kind k);

/// Parses JSON text into a tree. Throws Error with line/column on syntax
/// errors, duplicate keys, nesting deeper than `max_depth`, strings longer
/// than `max_string`.
Node parse_json(std::string_view text, std::string_view origin, int max_depth,
                std::size_t max_string);

/// Parses the first JSON value of `text`; `consumed` receives the number of
/// bytes it took (for concatenated JSON streams).
Node parse_json_prefix(std::string_view text, std::string_view origin, int max_depth,
                       std::size_t max_string, std::size_t& consumed);

/// Parses one YAML document into a tree (all scalars become strings).
Node parse_yaml(std::string_view text, std::string_view origin, int max_depth,
                std::size_t max_string);

}  // namespace mofcheck::doc

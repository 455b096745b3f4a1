// SPDX-License-Identifier: Apache-2.0
// Checked access to a doc::Node for the readers of YAML data files (framework
// definitions, scan rules): each throws Error at the node's line and column
// when the node is not what the reader needs. Private to the library.
#pragma once

#include <string>
#include <string_view>

#include "syntax/doc_tree.hpp"

namespace mofcheck::doc {

/// The node's place in `origin`.
inline SourceLocation where(const Node& n, std::string_view origin) {
  return {std::string(origin), n.line, n.column};
}

/// The place of the key of member `i` of mapping `map`.
inline SourceLocation key_where(const Node& map, std::size_t i, std::string_view origin) {
  return {std::string(origin), map.key_positions[i].first, map.key_positions[i].second};
}

/// A string node's text; throws Error naming `what` for any other node.
inline const std::string& scalar(const Node& n, std::string_view origin, std::string_view what) {
  if (n.kind != Node::Kind::string) {
    throw Error(where(n, origin),
                std::string(what) + " must be a string, not " + kind_name(n.kind));
  }
  return n.text;
}

/// Like scalar(), but an absent (nullptr) or null node gives "".
inline std::string optional_scalar(const Node* n, std::string_view origin, std::string_view what) {
  if (!n || n->kind == Node::Kind::null) return {};
  return scalar(*n, origin, what);
}

/// Throws Error unless the node is a mapping.
inline void require_map(const Node& n, std::string_view origin, std::string_view what) {
  if (n.kind != Node::Kind::object) {
    throw Error(where(n, origin),
                std::string(what) + " must be a mapping, not " + kind_name(n.kind));
  }
}

/// Throws Error unless the node is a list.
inline void require_seq(const Node& n, std::string_view origin, std::string_view what) {
  if (n.kind != Node::Kind::array) {
    throw Error(where(n, origin), std::string(what) + " must be a list, not " + kind_name(n.kind));
  }
}

}  // namespace mofcheck::doc

// SPDX-License-Identifier: Apache-2.0
// Small helpers over yaml-cpp that turn its exceptions and marks into
// mofcheck::Error with 1-based line and column. Private to the library.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include <mofcheck/error.hpp>

namespace mofcheck::yaml {

/// Parses one YAML document. Throws Error on syntax errors, on an empty
/// document, and on nesting deeper than `max_depth`.
YAML::Node load(std::string_view text, std::string_view origin, int max_depth = 64);
/// Parses text that is part of mof-check itself (the built-in definition)
/// without the bounded pre-read `load` does for untrusted input.
YAML::Node load_known_good(std::string_view text, std::string_view origin);
/// Parses every document of a multi-document stream.
std::vector<YAML::Node> load_all(std::string_view text, std::string_view origin,
                                 int max_depth = 64);

/// 1-based location of a node.
SourceLocation where(const YAML::Node& node, std::string_view origin);

/// A scalar as string; throws Error naming `what` when the node is not a scalar.
std::string scalar(const YAML::Node& node, std::string_view origin, std::string_view what);
/// Like scalar(), but an absent or null node gives "".
std::string optional_scalar(const YAML::Node& node, std::string_view origin, std::string_view what);
/// "mapping", "sequence", "string", "null".
const char* kind_name(const YAML::Node& node);
/// Throws Error unless the node is a mapping.
void require_map(const YAML::Node& node, std::string_view origin, std::string_view what);
/// Throws Error unless the node is a sequence.
void require_seq(const YAML::Node& node, std::string_view origin, std::string_view what);

}  // namespace mofcheck::yaml

// SPDX-License-Identifier: Apache-2.0
// SPDX license expressions (SPDX specification, annex "SPDX License
// Expressions"): parsing into a small tree and printing in canonical form.
// Knows the syntax only; whether an id exists is LicenseDb's business.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mofcheck::spdx {

/// Deepest parenthesis nesting parse() accepts.
inline constexpr int kMaxDepth = 64;

/// One node of an expression: a license (leaf) or an AND / OR of two or more
/// operands. Chains of one operator are flattened: "A AND (B AND C)" has one
/// AND node with three children.
struct Node {
  enum class Kind { license, all_of /* AND */, any_of /* OR */ };
  Kind kind = Kind::license;

  // Leaf fields.
  std::string id;  ///< license id, "LicenseRef-x" or "DocumentRef-d:LicenseRef-x", as written
  bool or_later = false;     ///< written with a "+" suffix
  std::string exception;     ///< exception id after WITH, as written; empty if none
  int column = 0;            ///< 1-based column of `id`
  int exception_column = 0;  ///< 1-based column of `exception`, 0 if none

  // Operator fields.
  std::vector<int> children;  ///< indexes into Expression::nodes, in written order
};

/// A parsed expression; nodes[root] is the top.
struct Expression {
  std::vector<Node> nodes;
  int root = -1;
};

/// A remark about accepted but non-canonical syntax (e.g. a lower-case operator).
struct Remark {
  int column = 0;  ///< 1-based
  std::string message;
};

/// Outcome of parse(): an expression, or an error with a column.
struct ParseResult {
  Expression expression;        ///< valid when ok()
  std::string error;            ///< what was expected and what was found; empty when ok()
  int error_column = 0;         ///< 1-based column of the problem
  std::vector<Remark> remarks;  ///< warnings about accepted input

  bool ok() const { return error.empty(); }
};

/// Parses an SPDX license expression: ids, "id+", "LicenseRef-x",
/// "DocumentRef-d:LicenseRef-x", WITH, AND, OR and parentheses, with SPDX
/// precedence (WITH binds tightest, then AND, then OR). Operators written in
/// lower or mixed case are accepted with a remark. Never throws (allocation
/// failure aside); columns count characters (UTF-8 code points) from 1.
ParseResult parse(std::string_view text);

/// Canonical text: single spaces, upper-case operators and only the
/// parentheses precedence needs.
std::string to_string(const Expression& expression);

/// True for "LicenseRef-..." and "DocumentRef-...:LicenseRef-..." ids.
bool is_license_ref(std::string_view id);

}  // namespace mofcheck::spdx

// SPDX-License-Identifier: Apache-2.0
// Rendering of a release diff as text, JSON or Markdown. Private.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include <mofcheck/diff.hpp>

namespace mofcheck {

/// The formats write_diff accepts.
const std::vector<std::string>& diff_formats();

/// Writes `diff` in `format` (one of diff_formats()).
void write_diff(const EvaluationDiff& diff, const std::string& format, std::ostream& out);

}  // namespace mofcheck

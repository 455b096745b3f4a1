// SPDX-License-Identifier: Apache-2.0
// One manifest file read and judged, for the commands that take a single one.
#include <mofcheck/manifest.hpp>

#include "cli/commands.hpp"

namespace mofcheck {

Evaluation evaluate_input(const std::string& path, const Knowledge& k, const std::string& format) {
  const std::string origin = path == "-" ? "<stdin>" : path;
  Manifest m = parse_manifest(read_input(path), origin, input_syntax_of(format, path));
  return evaluate(m, *k.framework, *k.licenses, k.profile);
}

}  // namespace mofcheck

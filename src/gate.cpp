// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/gate.hpp>

#include "text_util.hpp"

namespace mofcheck {

GateResult check_gate(const Evaluation& ev, const GatePolicy& policy) {
  GateResult r;
  // A lower level number is a more complete class; 0 means unclassified.
  if (policy.min_class > 0 && (ev.model_class == 0 || ev.model_class > policy.min_class)) {
    r.passed = false;
    r.failures.push_back("the model is " + ev.framework->label(ev.model_class) + ", below the required " +
                         ev.framework->label(policy.min_class));
  }
  return r;
}

int parse_class_level(const std::string& text, const Framework& fw) {
  for (const auto& c : fw.classes) {
    if (text::iequals(text, c.roman) || text == std::to_string(c.level)) return c.level;
  }
  return 0;
}

}  // namespace mofcheck

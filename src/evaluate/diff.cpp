// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/diff.hpp>

namespace mofcheck {

namespace {

// Larger is more complete: unclassified is 0, the first class to reach 1, ...
int rank(const Framework& fw, int level) {
  return level == 0 ? 0 : fw.highest_level() - level + 1;
}

}  // namespace

bool EvaluationDiff::downgraded() const {
  return rank(*framework, new_class) < rank(*framework, old_class);
}

bool EvaluationDiff::upgraded() const {
  return rank(*framework, new_class) > rank(*framework, old_class);
}

EvaluationDiff diff_evaluations(const Evaluation& old_ev, const Evaluation& new_ev) {
  if (old_ev.framework != new_ev.framework) {
    throw Error({new_ev.model.origin, 0, 0},
                "cannot compare evaluations made with different framework definitions");
  }
  EvaluationDiff d;
  d.framework = new_ev.framework;
  d.old_origin = old_ev.model.origin;
  d.new_origin = new_ev.model.origin;
  d.old_class = old_ev.model_class;
  d.new_class = new_ev.model_class;
  d.old_progress = old_ev.progress;
  d.new_progress = new_ev.progress;
  for (std::size_t i = 0; i < new_ev.components.size() && i < old_ev.components.size(); ++i) {
    const ComponentResult& a = old_ev.components[i];
    const ComponentResult& b = new_ev.components[i];
    std::string old_license = a.listed ? a.license_canonical : std::string();
    std::string new_license = b.listed ? b.license_canonical : std::string();
    if (a.status == b.status && old_license == new_license) continue;
    d.changes.push_back({i, a.status, b.status, old_license, new_license, b.where});
  }
  return d;
}

}  // namespace mofcheck

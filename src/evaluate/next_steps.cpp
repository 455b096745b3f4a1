// SPDX-License-Identifier: Apache-2.0
// The path to the next class: which unmet components to publish or relicense,
// for the next class up and for the most complete class. Computed once by
// evaluate(); the reporters only print it.
#include <algorithm>

#include <mofcheck/evaluate.hpp>

namespace mofcheck {

namespace {

bool contains(const std::vector<int>& v, int x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool contains(const std::vector<std::size_t>& v, std::size_t x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

std::vector<std::size_t> minimal_actions(const Evaluation& ev, const ClassGap& gap) {
  const Framework& fw = *ev.framework;
  std::vector<std::size_t> actions;
  for (std::size_t i : gap.unmet) {
    // When both a component and its stand-in are unmet, publishing the
    // stand-in satisfies both in this class: one action, not two.
    bool covered =
        std::any_of(fw.substitutions.begin(), fw.substitutions.end(), [&](const Substitution& s) {
          return s.component == i && contains(gap.unmet, s.substitute) &&
                 (contains(s.waived_in, gap.level) || contains(s.counts_in, gap.level));
        });
    if (!covered) actions.push_back(i);
  }
  // By class: what the nearest class needs first.
  std::stable_sort(actions.begin(), actions.end(), [&](std::size_t a, std::size_t b) {
    return fw.components[a].class_level > fw.components[b].class_level;
  });
  return actions;
}

std::vector<NextStep> next_steps(const Evaluation& ev) {
  std::vector<NextStep> steps;
  if (ev.gaps.empty()) return steps;
  auto add = [&](const ClassGap& gap) {
    NextStep step;
    step.level = gap.level;
    step.actions = gap.actions;
    for (std::size_t i : step.actions) {
      if (steps.empty() || !contains(steps.front().actions, i)) step.additional.push_back(i);
    }
    steps.push_back(std::move(step));
  };
  add(ev.gaps.front());
  // Gaps run from the nearest class to the most complete one.
  const ClassGap& last = ev.gaps.back();
  if (&last != &ev.gaps.front() && last.level == ev.framework->lowest_level()) add(last);
  return steps;
}

}  // namespace mofcheck

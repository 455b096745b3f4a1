// SPDX-License-Identifier: Apache-2.0
// The path to the next class: which unmet components to publish or relicense,
// for the next class up and for the most complete class. Computed once by
// evaluate(); the reporters only print it.
#include <algorithm>

#include "evaluate/next_steps.hpp"

namespace mofcheck {

namespace {

bool contains(const std::vector<int>& v, int x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool contains(const std::vector<std::size_t>& v, std::size_t x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

void minimal_actions_into(const Evaluation& ev, const ClassGap& gap,
                          std::vector<std::size_t>& actions) {
  const Framework& fw = *ev.framework;
  actions.clear();
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
  // By class: what the nearest class needs first. A stable insertion sort:
  // the list is as short as the framework, and it needs no buffer.
  for (std::size_t k = 1; k < actions.size(); ++k) {
    const std::size_t moving = actions[k];
    const int level = fw.components[moving].class_level;
    std::size_t j = k;
    for (; j > 0 && fw.components[actions[j - 1]].class_level < level; --j) {
      actions[j] = actions[j - 1];
    }
    actions[j] = moving;
  }
}

std::vector<std::size_t> minimal_actions(const Evaluation& ev, const ClassGap& gap) {
  std::vector<std::size_t> actions;
  minimal_actions_into(ev, gap, actions);
  return actions;
}

void next_steps_into(const Evaluation& ev, std::vector<NextStep>& steps) {
  std::size_t used = 0;
  auto add = [&](const ClassGap& gap) {
    if (used == steps.size()) steps.emplace_back();
    NextStep& step = steps[used];
    step.level = gap.level;
    step.actions = gap.actions;  // keeps the room of an earlier record's step
    step.additional.clear();
    for (std::size_t i : step.actions) {
      if (used == 0 || !contains(steps.front().actions, i)) step.additional.push_back(i);
    }
    ++used;
  };
  if (!ev.gaps.empty()) {
    add(ev.gaps.front());
    // Gaps run from the nearest class to the most complete one.
    const ClassGap& last = ev.gaps.back();
    if (&last != &ev.gaps.front() && last.level == ev.framework->lowest_level()) add(last);
  }
  steps.resize(used);
}

std::vector<NextStep> next_steps(const Evaluation& ev) {
  std::vector<NextStep> steps;
  next_steps_into(ev, steps);
  return steps;
}

}  // namespace mofcheck

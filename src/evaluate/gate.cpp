// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/gate.hpp>

#include <algorithm>
#include <string_view>

#include "util/text_util.hpp"

namespace mofcheck {

bool GateResult::blocks(std::size_t component) const {
  return std::find(blocking.begin(), blocking.end(), component) != blocking.end();
}

const Waiver* GateResult::waiver_for(std::size_t index) const {
  for (const auto& w : waived) {
    if (w.diagnostic == index) return &w.waiver;
  }
  return nullptr;
}

bool GateResult::fails_on(std::size_t index) const {
  return std::find(failing_diagnostics.begin(), failing_diagnostics.end(), index) !=
         failing_diagnostics.end();
}

namespace {

bool covers(const Waiver& w, const Diagnostic& d, const Framework& fw) {
  if (w.code != d.code) return false;
  if (w.component.empty()) return true;
  if (text::iequals(w.component, d.component)) return true;
  // Either side may use an alias of the framework's name.
  int a = fw.find_component(w.component);
  return a >= 0 && a == fw.find_component(d.component);
}

std::string waiver_subject(const Waiver& w) {
  return "waiver of " + w.code + (w.component.empty() ? "" : " for '" + w.component + "'");
}

void add_blocking(GateResult& r, std::size_t i) {
  if (!r.blocks(i)) r.blocking.push_back(i);
}

}  // namespace

GateResult check_gate(const Evaluation& ev, const GatePolicy& policy) {
  const Framework& fw = *ev.framework;
  GateResult r;
  r.min_class = policy.min_class;
  r.strict_label = policy.strict_label;
  // A lower level number is a more complete class; 0 means unclassified.
  if (policy.min_class > 0 && (ev.model_class == 0 || ev.model_class > policy.min_class)) {
    r.failures.push_back("the model is " + fw.label(ev.model_class) + ", below the required " +
                         fw.label(policy.min_class));
    for (const auto& gap : ev.gaps) {
      if (gap.level != policy.min_class) continue;
      for (std::size_t i : gap.unmet) add_blocking(r, i);
    }
  }

  for (std::size_t i : policy.require) {
    if (i >= ev.components.size() || is_met(ev.components[i].status)) continue;
    r.failures.push_back("the required component '" + fw.components[i].name + "' is " +
                         status_name(ev.components[i].status));
    add_blocking(r, i);
  }
  std::sort(r.blocking.begin(), r.blocking.end());

  std::vector<bool> expired(policy.waivers.size(), false);
  for (std::size_t w = 0; w < policy.waivers.size(); ++w) {
    const Waiver& waiver = policy.waivers[w];
    // ISO dates compare as strings.
    expired[w] = !policy.today.empty() && waiver.expires < policy.today;
    if (!expired[w]) continue;
    r.expired.push_back(waiver);
    std::string at = waiver.where.str();
    r.failures.push_back(waiver_subject(waiver) + " expired on " + waiver.expires +
                         (at.empty() ? "" : " (" + at + ")") + "; renew or remove it");
  }

  for (std::size_t d = 0; d < ev.diagnostics.size(); ++d) {
    const Diagnostic& diag = ev.diagnostics[d];
    bool waived = false;
    for (std::size_t w = 0; w < policy.waivers.size() && !waived; ++w) {
      if (expired[w] || !covers(policy.waivers[w], diag, fw)) continue;
      r.waived.push_back({d, policy.waivers[w]});
      waived = true;
    }
    if (waived || is_model_finding(diag) || diag.severity == Severity::note) continue;
    if (diag.severity == Severity::warning && policy.fail_on != Severity::warning) continue;
    r.failing_diagnostics.push_back(d);
  }
  // One failure per folded group, so a misspelt release license fails once.
  for (const DiagnosticGroup& g : fold_diagnostics(ev, r.failing_diagnostics)) {
    const Diagnostic& diag = ev.diagnostics[g.members.front()];
    std::string at = diag.where.str();
    r.failures.push_back(
        (diag.severity == Severity::error ? std::string("error") : policy.strict_label) + ": " +
        (at.empty() ? std::string() : at + ": ") + g.message + " [" + diag.code + "]");
  }

  r.passed = r.failures.empty();
  return r;
}

bool is_model_finding(const Diagnostic& d) {
  return d.code == "license-not-open";
}

namespace {

// Where two diagnostics point is the same as SourceLocation::str() shows it.
bool same_place(const SourceLocation& a, const SourceLocation& b) {
  if (a.file != b.file || std::max(a.line, 0) != std::max(b.line, 0)) return false;
  return a.line <= 0 || std::max(a.column, 0) == std::max(b.column, 0);
}

// The length of the "<component>: " that leads a component's diagnostic
// text, or 0.
std::size_t component_prefix(const Diagnostic& d, const std::string& text) {
  const std::size_t n = d.component.size();
  if (n == 0 || text.size() <= n + 2 || text.compare(0, n, d.component) != 0 ||
      text.compare(n, 2, ": ") != 0)
    return 0;
  return n + 2;
}

}  // namespace

std::vector<DiagnosticGroup> fold_diagnostics(const Evaluation& ev,
                                              const std::vector<std::size_t>& indices) {
  // Diagnostics fold when they agree in severity, code, place and text past
  // the component's name (a fix's outcome is part of the text). A record has
  // a few: each is compared with the groups so far, and its text is made once.
  std::vector<DiagnosticGroup> groups;
  std::vector<std::size_t> rest_at;  // per group: where its message's rest starts, or npos
  auto rest_of = [&](std::size_t g) {
    return std::string_view(groups[g].message).substr(rest_at[g]);
  };
  for (std::size_t i : indices) {
    const Diagnostic& d = ev.diagnostics[i];
    std::string text = d.text();
    if (d.component.empty()) {
      groups.push_back({{i}, std::move(text)});
      rest_at.push_back(std::string::npos);
      continue;
    }
    const std::size_t at = component_prefix(d, text);
    const std::string_view rest = std::string_view(text).substr(at);
    std::size_t g = 0;
    for (; g < groups.size(); ++g) {
      if (rest_at[g] == std::string::npos) continue;
      const Diagnostic& first = ev.diagnostics[groups[g].members.front()];
      if (first.severity == d.severity && first.code == d.code &&
          same_place(first.where, d.where) && rest_of(g) == rest)
        break;
    }
    if (g == groups.size()) {
      groups.push_back({{i}, std::move(text)});
      rest_at.push_back(at);
    } else {
      groups[g].members.push_back(i);
    }
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    DiagnosticGroup& group = groups[g];
    if (group.members.size() < 2) continue;
    std::string names;
    for (std::size_t i : group.members) {
      names += (names.empty() ? "" : ", ") + ev.diagnostics[i].component;
    }
    group.message = names + " (" + std::to_string(group.members.size()) +
                    " components): " + std::string(rest_of(g));
  }
  return groups;
}

int parse_class_level(const std::string& text, const Framework& fw) {
  for (const auto& c : fw.classes) {
    if (text::iequals(text, c.roman) || text == std::to_string(c.level)) return c.level;
  }
  return 0;
}

bool is_iso_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int year = std::stoi(s.substr(0, 4));
  int month = std::stoi(s.substr(5, 2));
  int day = std::stoi(s.substr(8, 2));
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && !leap) return day <= 28;
  return day <= days[month - 1];
}

}  // namespace mofcheck

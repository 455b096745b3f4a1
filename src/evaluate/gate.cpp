// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/gate.hpp>

#include <algorithm>

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
    if (waived || !policy.strict || diag.severity != Severity::warning) continue;
    r.failing_diagnostics.push_back(d);
    std::string at = diag.where.str();
    r.failures.push_back(policy.strict_label + ": " + (at.empty() ? std::string() : at + ": ") +
                         diag.message + " [" + diag.code + "]");
  }

  r.passed = r.failures.empty();
  return r;
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

// SPDX-License-Identifier: Apache-2.0
// GitHub-flavoured Markdown, for $GITHUB_STEP_SUMMARY and pull-request
// comments: verdict, progress, component table, what the next class lacks,
// the gate, and the diagnostics. Every input-derived string is escaped so it
// cannot break a table or add markup.
#include <cstdio>
#include <ostream>

#include "report/escape.hpp"
#include "report/reporters.hpp"
#include "report/wording.hpp"

namespace mofcheck {

namespace {

std::string md(std::string_view s) {
  return escape::markdown(s);
}

const char* icon(ComponentStatus s) {
  switch (s) {
    case ComponentStatus::met:
      return "✅";
    case ComponentStatus::met_with_warning:
      return "⚠️";
    case ComponentStatus::missing:
      return "➖";
    case ComponentStatus::unlicensed:
    case ComponentStatus::not_open:
      return "❌";
  }
  return "";
}

std::string license_cell(const ComponentResult& r) {
  return wording::license_cell(r, md);
}

class MarkdownReporter : public Reporter {
 public:
  void add(const Evaluation& ev, const GateResult& gate, std::ostream& out) override {
    const Framework& fw = *ev.framework;
    if (count_++ > 0) out << "\n---\n\n";
    std::string title = ev.model.name;
    if (!ev.model.version.empty()) title += " " + ev.model.version;
    const char* verdict = !gate.passed ? "❌" : ev.model_class > 0 ? "✅" : "⚪";
    out << "### " << verdict << ' ' << md(title) << ": " << md(fw.label(ev.model_class)) << "\n\n";
    out << md(ev.model.origin);
    if (!ev.model.producer.empty()) out << " by " << md(ev.model.producer);
    out << " · profile " << profile_name(ev.profile);
    if (ev.other_class != ev.model_class) {
      const ClassDef* other = fw.find_class(ev.other_class);
      out << " (Class under " << profile_name(other_profile(ev.profile)) << ": "
          << (other ? md(other->roman) : std::string("Unclassified")) << ')';
    }
    out << " · gate " << (gate.passed ? "passed" : "**failed**");
    if (gate.min_class > 0) out << " (requires " << md(fw.label(gate.min_class)) << ")";
    out << "\n\n";

    out << '|';
    for (const auto& c : fw.classes) out << " Class " << md(c.roman) << " |";
    out << "\n|";
    for (std::size_t i = 0; i < fw.classes.size(); ++i) out << " ---: |";
    out << "\n|";
    for (const auto& c : fw.classes) {
      out << ' ' << wording::percent(ev.progress[static_cast<std::size_t>(c.level)]) << " |";
    }
    out << "\n\n";

    out << "| Component | Class | Status | License |\n| --- | --- | --- | --- |\n";
    for (const auto& cls : fw.classes) {
      for (const auto& r : ev.components) {
        const ComponentDef& def = fw.components[r.index];
        if (def.class_level != cls.level) continue;
        out << "| " << md(def.name) << (def.required ? "" : " (optional)") << " | " << md(cls.roman)
            << " | " << icon(r.status) << ' ' << status_name(r.status)
            << (gate.blocks(r.index) ? " (gate)" : "") << " | " << license_cell(r) << " |\n";
      }
    }

    // The same path as the text report: the next class, then the most
    // complete one with only what it adds.
    const std::vector<NextStep>& steps = ev.next_steps;
    for (std::size_t s = 0; s < steps.size(); ++s) {
      out << "\n**To reach " << md(fw.label(steps[s].level)) << (s == 0 ? ":" : ", in addition:")
          << "**\n\n";
      for (std::size_t i : steps[s].additional) {
        out << "- **" << md(fw.components[i].name) << "**: " << md(describe_action(ev, i)) << '\n';
      }
      if (steps[s].additional.empty()) out << "- nothing more\n";
    }

    if (!gate.passed) {
      out << "\n**Gate failed:**\n\n";
      for (const auto& f : gate.failures) out << "- " << md(f) << '\n';
    }

    if (!ev.diagnostics.empty()) {
      out << "\n<details><summary>Diagnostics (" << ev.diagnostics.size()
          << ")</summary>\n\n| Severity | Where | Message | Code |\n| --- | --- | --- | --- |\n";
      for (std::size_t d = 0; d < ev.diagnostics.size(); ++d) {
        const Diagnostic& diag = ev.diagnostics[d];
        std::string severity = severity_name(diag.severity);
        if (const Waiver* w = gate.waiver_for(d)) {
          severity += " (" + wording::waived(*w, md) + ")";
        } else if (gate.fails_on(d)) {
          severity.insert(0, "**");
          severity.append("** (fails the gate)");
        }
        out << "| " << severity << " | " << md(diag.where.str()) << " | " << md(diag.text())
            << " | " << md(diag.code) << " |\n";
      }
      out << "\n</details>\n";
    }
  }

  void add_error(const Error& error, std::ostream& out) override {
    if (count_++ > 0) out << "\n---\n\n";
    out << "### ❌ " << md(error.where().file.empty() ? "input" : error.where().file)
        << ": invalid\n\n"
        << md(error.what()) << '\n';
  }

 private:
  int count_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> make_markdown_reporter(const ReportOptions&) {
  return std::make_unique<MarkdownReporter>();
}

}  // namespace mofcheck

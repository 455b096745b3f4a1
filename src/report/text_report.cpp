// SPDX-License-Identifier: Apache-2.0
// The human report: verdict, progress, components by class, warnings and
// the next step. Everything taken from the input goes through terminal_safe.
#include <algorithm>
#include <cstdio>
#include <ostream>

#include "report/reporters.hpp"
#include "report/wording.hpp"
#include "report/wrap.hpp"

namespace mofcheck {

namespace {

std::string pad(std::string s, std::size_t width) {
  // Width in code points, so UTF-8 names line up.
  std::size_t cps = 0;
  for (unsigned char c : s) cps += (c & 0xC0) != 0x80;
  if (cps < width) s.append(width - cps, ' ');
  return s;
}

std::string trim_right(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

class TextReporter : public Reporter {
 public:
  explicit TextReporter(const ReportOptions& o) : color_(o.color), width_(o.width) {}

  void add(const Evaluation& ev, const GateResult& gate, std::ostream& out) override {
    const Framework& fw = *ev.framework;
    if (count_++ > 0) out << '\n';
    std::string title = ev.model.name;
    if (!ev.model.version.empty()) title += " " + ev.model.version;
    out << bold(terminal_safe(title));
    if (!ev.model.producer.empty()) out << " by " << terminal_safe(ev.model.producer);
    out << "  (" << terminal_safe(ev.model.origin);
    if (!ev.model.mot_id.empty()) out << ", MOT id " << terminal_safe(ev.model.mot_id);
    out << ")\n";
    out << "Verdict:  " << paint(ev.model_class > 0 ? green : red, fw.label(ev.model_class))
        << '\n';
    out << "Profile:  " << profile_name(ev.profile);
    if (ev.other_class != ev.model_class) {
      const ClassDef* other = fw.find_class(ev.other_class);
      out << " (Class under " << profile_name(other_profile(ev.profile)) << ": "
          << (other ? other->roman : std::string("Unclassified")) << ')';
    }
    out << '\n';
    out << "Progress:";
    for (const auto& c : fw.classes) {
      out << (c.level == fw.highest_level() ? " " : ", ") << "Class " << c.roman << ' '
          << wording::percent(ev.progress[static_cast<std::size_t>(c.level)]);
    }
    out << '\n';

    for (const auto& cls : fw.classes) {
      out << '\n' << bold(cls.label) << '\n';
      for (const auto& r : ev.components) {
        const ComponentDef& def = fw.components[r.index];
        if (def.class_level != cls.level) continue;
        std::string name = def.name + (def.required ? "" : " (optional)");
        std::string line = trim_right(pad(name, 42) + describe(r));
        // Past the width, the license goes on the next line, under the name.
        if (width_ > 0 && 19 + display_width(line) > width_) {
          line = name + "\n" + std::string(19, ' ') + wrap_paragraph(describe(r), width_, 19, 19);
        }
        out << "  " << status_cell(r.status) << ' ' << line << '\n';
      }
    }

    // Diagnostics about the input; a license that is not open is in the
    // component lines already (is_model_finding). Waived ones come last.
    std::vector<std::size_t> open_ones, waived;
    for (std::size_t i = 0; i < ev.diagnostics.size(); ++i) {
      if (is_model_finding(ev.diagnostics[i])) continue;
      (gate.waiver_for(i) ? waived : open_ones).push_back(i);
    }
    bool any = false;
    for (const auto* list : {&open_ones, &waived}) {
      for (const DiagnosticGroup& g : fold_diagnostics(ev, *list)) {
        const Diagnostic& d = ev.diagnostics[g.members.front()];
        if (!any) out << '\n' << bold("Diagnostics") << '\n';
        any = true;
        std::string loc = d.where.str();
        std::string line =
            terminal_safe(loc.empty() ? ev.model.origin : loc) + ": " +
            paint(d.severity == Severity::error ? red : yellow, severity_name(d.severity)) + ": " +
            terminal_safe(g.message) + " [" + d.code + "]";
        if (const Waiver* w = gate.waiver_for(g.members.front())) {
          line += " (" + wording::waived(*w, terminal_safe) + ")";
        }
        out << "  " << wrap_paragraph(line, width_, 2, 6) << '\n';
      }
    }

    print_next_steps(ev, out);
    if (!gate.passed) {
      out << '\n';
      for (const auto& f : gate.failures) {
        out << wrap_paragraph(paint(red, "Gate failed") + ": " + terminal_safe(f), width_, 0, 4)
            << '\n';
      }
    }
  }

  // The CLI has already printed the error on standard error; the report
  // stays free of it so that stdout holds only reports.
  void add_error(const Error&, std::ostream&) override {}

 private:
  static constexpr const char* green = "\033[32m";
  static constexpr const char* yellow = "\033[33m";
  static constexpr const char* red = "\033[31m";

  std::string paint(const char* colour, const std::string& s) const {
    return color_ ? colour + s + "\033[0m" : s;
  }
  std::string bold(const std::string& s) const { return color_ ? "\033[1m" + s + "\033[0m" : s; }

  // The path to the next class and to the most complete one; the second
  // lists only what the first does not already ask for.
  void print_next_steps(const Evaluation& ev, std::ostream& out) const {
    const Framework& fw = *ev.framework;
    const std::vector<NextStep>& steps = ev.next_steps;
    if (steps.empty()) {
      out << '\n'
          << bold("Next step:") << " none; " << fw.label(ev.model_class)
          << " is the most complete class\n";
      return;
    }
    for (std::size_t s = 0; s < steps.size(); ++s) {
      const NextStep& step = steps[s];
      out << '\n'
          << bold("To reach " + fw.label(step.level) + (s == 0 ? ":" : ", in addition:")) << '\n';
      // Components that need the same action share one line.
      std::vector<std::pair<std::string, std::string>> lines;  // names, action
      for (std::size_t i : step.additional) {
        std::string action = terminal_safe(describe_action(ev, i));
        auto same = std::find_if(lines.begin(), lines.end(),
                                 [&](const auto& l) { return l.second == action; });
        if (same == lines.end()) {
          lines.emplace_back(fw.components[i].name, std::move(action));
        } else {
          same->first += ", " + fw.components[i].name;
        }
      }
      for (const auto& [names, action] : lines) {
        out << "  - " << wrap_paragraph(names + ": " + action, width_, 4, 6) << '\n';
      }
      if (step.additional.empty()) out << "  (nothing more)\n";
    }
  }

  std::string status_cell(ComponentStatus s) const {
    std::string name = pad(status_name(s), 16);
    switch (s) {
      case ComponentStatus::met:
        return paint(green, name);
      case ComponentStatus::met_with_warning:
        return paint(yellow, name);
      case ComponentStatus::missing:
        return name;
      default:
        return paint(red, name);
    }
  }

  static std::string describe(const ComponentResult& r) {
    return wording::license_cell(r, terminal_safe);
  }

  bool color_;
  std::size_t width_;
  int count_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> make_text_reporter(const ReportOptions& options) {
  return std::make_unique<TextReporter>(options);
}

}  // namespace mofcheck

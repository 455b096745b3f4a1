// SPDX-License-Identifier: Apache-2.0
// The human report: verdict, progress, components by class, warnings and
// the next step. Everything taken from the input goes through terminal_safe.
#include <cstdio>
#include <ostream>

#include "report/reporters.hpp"

namespace mofcheck {

namespace {

std::string percent(double p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f%%", p);
  return buf;
}

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
  explicit TextReporter(const ReportOptions& o) : color_(o.color) {}

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
          << percent(ev.progress[static_cast<std::size_t>(c.level)]);
    }
    out << '\n';

    for (const auto& cls : fw.classes) {
      out << '\n' << bold(cls.label) << '\n';
      for (const auto& r : ev.components) {
        const ComponentDef& def = fw.components[r.index];
        if (def.class_level != cls.level) continue;
        out << "  " << status_cell(r.status) << ' '
            << trim_right(pad(def.name + (def.required ? "" : " (optional)"), 42) + describe(r))
            << '\n';
      }
    }

    bool any = false;
    for (std::size_t i = 0; i < ev.diagnostics.size(); ++i) {
      const Diagnostic& d = ev.diagnostics[i];
      if (!any) out << '\n' << bold("Diagnostics") << '\n';
      any = true;
      std::string loc = d.where.str();
      out << "  " << terminal_safe(loc.empty() ? ev.model.origin : loc) << ": "
          << paint(d.severity == Severity::error ? red : yellow, severity_name(d.severity)) << ": "
          << terminal_safe(d.message) << " [" << d.code << "]";
      if (const Waiver* w = gate.waiver_for(i)) {
        out << " (waived until " << terminal_safe(w->expires) << ": " << terminal_safe(w->reason)
            << ")";
      }
      out << '\n';
    }

    print_next_steps(ev, out);
    if (!gate.passed) {
      out << '\n';
      for (const auto& f : gate.failures) {
        out << paint(red, "Gate failed") << ": " << terminal_safe(f) << '\n';
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
    std::vector<NextStep> steps = next_steps(ev);
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
      for (std::size_t i : step.additional) {
        out << "  - " << fw.components[i].name << ": " << terminal_safe(describe_action(ev, i))
            << '\n';
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
    std::string s;
    if (!r.listed) {
      if (!r.substituted_by.empty()) s = "counted through " + r.substituted_by;
      return s;
    }
    s = r.license.empty() ? std::string("no license") : terminal_safe(r.license_canonical);
    switch (r.license_source) {
      case LicenseSource::component:
        break;
      case LicenseSource::type:
        s += " (type-wide license)";
        break;
      case LicenseSource::distribution:
        s += " (distribution license)";
        break;
      case LicenseSource::host:
        s += " (inside " + r.included_in + ")";
        break;
      case LicenseSource::none:
        break;
    }
    if (!r.substituted_by.empty()) s += "; counted through " + r.substituted_by;
    return s;
  }

  bool color_;
  int count_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> make_text_reporter(const ReportOptions& options) {
  return std::make_unique<TextReporter>(options);
}

}  // namespace mofcheck

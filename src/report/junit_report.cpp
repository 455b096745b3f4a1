// SPDX-License-Identifier: Apache-2.0
// JUnit XML, as CI test dashboards (GitLab, Jenkins, ...) read it: one test
// suite per manifest, one test case per required component and one for the
// gate. An unmet component fails when the gate needs it (GateResult::blocking:
// the gap to --min-class, --require) and is skipped otherwise, so the test
// report fails exactly when the exit code does.
#include <ostream>
#include <sstream>
#include <vector>

#include "report/escape.hpp"
#include "report/reporters.hpp"
#include "report/wording.hpp"

namespace mofcheck {

namespace {

std::string attr(std::string_view s) {
  return escape::xml(s, true);
}

class JunitReporter : public Reporter {
 public:
  void add(const Evaluation& ev, const GateResult& gate, std::ostream&) override {
    const Framework& fw = *ev.framework;
    std::ostringstream cases;
    int tests = 0, failures = 0, skipped = 0;
    // Unmet: what some class still lacks (a stand-in counts as met).
    std::vector<bool> unmet(ev.components.size(), false);
    for (const auto& gap : ev.gaps) {
      for (std::size_t i : gap.unmet) unmet[i] = true;
    }
    for (const auto& r : ev.components) {
      const ComponentDef& def = fw.components[r.index];
      if (!def.required && !gate.blocks(r.index)) continue;
      ++tests;
      cases << "    <testcase name=\"" << attr(def.name) << "\" classname=\""
            << attr(fw.label(def.class_level)) << "\" file=\"" << attr(ev.model.origin) << '"';
      if (r.where.line > 0) cases << " line=\"" << r.where.line << '"';
      cases << " time=\"0\"";
      if (!unmet[r.index] && !gate.blocks(r.index)) {
        cases << "/>\n";
        continue;
      }
      std::string reason = describe_action(ev, r.index);
      // The gate decides what fails (GateResult::blocking); a component it
      // does not require is reported as skipped, so the report and the exit
      // code never disagree.
      if (gate.blocks(r.index)) {
        ++failures;
        cases << ">\n      <failure type=\"" << status_name(r.status) << "\" message=\""
              << attr(def.name + ": " + reason) << "\">"
              << escape::xml(where_of(ev, r) + def.name + " is " + status_name(r.status) + ": " +
                             reason)
              << "</failure>\n    </testcase>\n";
      } else {
        ++skipped;
        cases << ">\n      <skipped message=\""
              << attr(std::string(status_name(r.status)) + ", not required by the gate: " + reason)
              << "\"/>\n    </testcase>\n";
      }
    }
    ++tests;
    cases << "    <testcase name=\"gate\" classname=\"mof-check\" file=\"" << attr(ev.model.origin)
          << "\" time=\"0\"";
    if (gate.passed) {
      cases << "/>\n";
    } else {
      ++failures;
      std::string all;
      for (const auto& f : gate.failures) all += f + "\n";
      cases << ">\n      <failure type=\"gate\" message=\"" << attr(gate.failures.front()) << "\">"
            << escape::xml(all) << "</failure>\n    </testcase>\n";
    }

    std::ostringstream suite;
    suite << "  <testsuite name=\"" << attr(ev.model.origin) << "\" tests=\"" << tests
          << "\" failures=\"" << failures << "\" errors=\"0\" skipped=\"" << skipped
          << "\" time=\"0\">\n";
    suite << "    <properties>\n"
          << property("model", ev.model.name) << property("version", ev.model.version)
          << property("class", fw.label(ev.model_class))
          << property("profile", profile_name(ev.profile))
          << property("gate", gate.passed ? "passed" : "failed") << "    </properties>\n";
    suite << cases.str();
    std::string log = diagnostics_log(ev, gate);
    if (!log.empty()) suite << "    <system-out>" << escape::xml(log) << "</system-out>\n";
    suite << "  </testsuite>\n";
    suites_ += suite.str();
    tests_ += tests;
    failures_ += failures;
    skipped_ += skipped;
  }

  void add_error(const Error& error, std::ostream&) override {
    ++tests_;
    ++errors_;
    const std::string& file = error.where().file;
    suites_ += "  <testsuite name=\"" + attr(file) +
               "\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" time=\"0\">\n"
               "    <testcase name=\"read and evaluate\" classname=\"mof-check\" file=\"" +
               attr(file) + "\" time=\"0\">\n      <error type=\"input-error\" message=\"" +
               attr(error.message()) + "\">" + escape::xml(error.what()) +
               "</error>\n    </testcase>\n  </testsuite>\n";
  }

  void finish(std::ostream& out) override {
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<testsuites name=\"mof-check\" tests=\"" << tests_ << "\" failures=\"" << failures_
        << "\" errors=\"" << errors_ << "\" skipped=\"" << skipped_ << "\" time=\"0\">\n"
        << suites_ << "</testsuites>\n";
  }

 private:
  static std::string property(const std::string& name, const std::string& value) {
    return "      <property name=\"" + attr(name) + "\" value=\"" + attr(value) + "\"/>\n";
  }

  static std::string where_of(const Evaluation& ev, const ComponentResult& r) {
    std::string at = r.where.str();
    return (at.empty() ? ev.model.origin : at) + ": ";
  }

  // Diagnostics as log lines; waived ones say so.
  static std::string diagnostics_log(const Evaluation& ev, const GateResult& gate) {
    std::string log;
    for (std::size_t d = 0; d < ev.diagnostics.size(); ++d) {
      const Diagnostic& diag = ev.diagnostics[d];
      std::string at = diag.where.str();
      log += (at.empty() ? ev.model.origin : at) + ": " + severity_name(diag.severity) + ": " +
             diag.text() + " [" + diag.code + "]";
      if (const Waiver* w = gate.waiver_for(d)) {
        log += " (" + wording::waived(*w) + ")";
      }
      log += "\n";
    }
    return log;
  }

  std::string suites_;
  int tests_ = 0, failures_ = 0, errors_ = 0, skipped_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> make_junit_reporter(const ReportOptions&) {
  return std::make_unique<JunitReporter>();
}

}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
// GitHub Actions workflow commands: one ::error, ::warning or ::notice per
// finding, on the manifest line it concerns, so the job log and the
// pull request show annotations; then one ::error per failed gate.
#include <ostream>

#include "report/escape.hpp"
#include "report/findings.hpp"
#include "report/reporters.hpp"

namespace mofcheck {

namespace {

// Workflow commands say "notice" where SARIF says "note".
const char* command(FindingLevel level) {
  return level == FindingLevel::note ? "notice" : finding_level_name(level);
}

void annotate(std::ostream& out, const char* cmd, const SourceLocation& where,
              const std::string& title, const std::string& message) {
  out << "::" << cmd << " file=" << escape::workflow_property(where.file);
  if (where.line > 0) {
    out << ",line=" << where.line;
    if (where.column > 0) out << ",col=" << where.column;
  }
  out << ",title=" << escape::workflow_property(title) << "::" << escape::workflow_data(message)
      << '\n';
}

class GithubReporter : public Reporter {
 public:
  void add(const Evaluation& ev, const GateResult& gate, std::ostream& out) override {
    for (const Finding& f : list_findings(ev, gate)) {
      annotate(out, command(f.level), f.where, "mof-check: " + f.title, f.message);
    }
    if (gate.passed) return;
    std::string message;
    for (const auto& failure : gate.failures) message += (message.empty() ? "" : "; ") + failure;
    const SourceLocation& at = ev.model.release_where.file.empty()
                                   ? SourceLocation{ev.model.origin, 0, 0}
                                   : ev.model.release_where;
    annotate(out, "error", at, "mof-check: gate failed for " + ev.model.name,
             ev.framework->label(ev.model_class) + " (profile " + profile_name(ev.profile) +
                 "): " + message);
  }

  void add_error(const Error& error, std::ostream& out) override {
    annotate(out, "error", error.where(), "mof-check: invalid input", error.message());
  }
};

}  // namespace

std::unique_ptr<Reporter> make_github_reporter(const ReportOptions&) {
  return std::make_unique<GithubReporter>();
}

}  // namespace mofcheck

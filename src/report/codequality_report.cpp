// SPDX-License-Identifier: Apache-2.0
// GitLab Code Quality: one JSON array of issues (description, check_name,
// fingerprint, severity, location.path and location.lines.begin), which a
// merge request shows beside the changed lines. The issues are the
// findings the sarif and github formats annotate.
#include <cstdint>
#include <cstdio>
#include <ostream>

#include <nlohmann/json.hpp>

#include "report/findings.hpp"
#include "report/reporters.hpp"

namespace mofcheck {

namespace {

// GitLab needs a fingerprint that stays the same for the same issue from
// run to run: FNV-1a of its rule, place and message.
std::string fingerprint(const std::string& rule, const std::string& path, int line,
                        const std::string& message) {
  std::uint64_t h = 14695981039346656037ull;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xFF;
    h *= 1099511628211ull;
  };
  mix(rule);
  mix(path);
  mix(std::to_string(line));
  mix(message);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

const char* severity_of(FindingLevel level) {
  switch (level) {
    case FindingLevel::error:
      return "major";
    case FindingLevel::warning:
      return "minor";
    case FindingLevel::note:
      return "info";
  }
  return "info";
}

class CodeQualityReporter : public Reporter {
 public:
  void add(const Evaluation& ev, const GateResult& gate, std::ostream&) override {
    for (const Finding& f : list_findings(ev, gate)) {
      push(f.rule, f.message, severity_of(f.level), f.where);
    }
  }
  void add_error(const Error& error, std::ostream&) override {
    push("input-error", error.what(), "critical", error.where());
  }
  void finish(std::ostream& out) override {
    out << issues_.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }

 private:
  void push(const std::string& rule, const std::string& message, const char* severity,
            const SourceLocation& where) {
    int line = where.line > 0 ? where.line : 1;
    issues_.push_back({{"description", message},
                       {"check_name", rule},
                       {"fingerprint", fingerprint(rule, where.file, line, message)},
                       {"severity", severity},
                       {"location", {{"path", where.file}, {"lines", {{"begin", line}}}}}});
  }

  nlohmann::ordered_json issues_ = nlohmann::ordered_json::array();
};

}  // namespace

std::unique_ptr<Reporter> make_codequality_reporter(const ReportOptions&) {
  return std::make_unique<CodeQualityReporter>();
}

}  // namespace mofcheck

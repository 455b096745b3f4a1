// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/report.hpp>

#include <ostream>

#include "report/reporters.hpp"

namespace mofcheck {

Reporter::~Reporter() = default;
void Reporter::finish(std::ostream&) {}
LineWriter Reporter::line_writer() const {
  return {};
}
void Reporter::add_line(std::string_view line, std::ostream& out) {
  out.write(line.data(), static_cast<std::streamsize>(line.size()));
}

const std::vector<std::string>& report_formats() {
  static const std::vector<std::string> names = {"text",        "json",  "jsonl", "csv",
                                                 "markdown",    "sarif", "junit", "github",
                                                 "codequality", "html"};
  return names;
}

namespace {

// What to release an unmet component under.
void append_fix(std::string& s, const Framework& fw, std::size_t index, const ComponentResult& r) {
  s += license_advice(fw, fw.components[index].type);
  for (std::size_t substitute : r.stand_ins) {
    s += " (a met ";
    s += fw.components[substitute].name;
    s += " also stands in for it)";
  }
}

}  // namespace

void append_action(std::string& out, const Evaluation& ev, std::size_t index) {
  append_action(out, *ev.framework, index, ev.components[index]);
}

void append_action(std::string& out, const Framework& fw, std::size_t index,
                   const ComponentResult& r) {
  switch (r.status) {
    case ComponentStatus::missing:
      out += "missing: publish it under ";
      append_fix(out, fw, index, r);
      return;
    case ComponentStatus::unlicensed:
      out += "listed without a license: release it under ";
      append_fix(out, fw, index, r);
      return;
    case ComponentStatus::not_open:
      out += "under ";
      out += r.license;
      out += ", not open";
      if (!r.reason.empty()) out.append(" (").append(r.reason).append(")");
      if (!r.suggestion.empty()) {
        out.append("; if you meant ").append(r.suggestion).append(", write that id");
      }
      out += ": release it under ";
      append_fix(out, fw, index, r);
      return;
    case ComponentStatus::met:
    case ComponentStatus::met_with_warning:
      break;
  }
  out += "met";
}

std::string describe_action(const Evaluation& ev, std::size_t index) {
  std::string s;
  append_action(s, ev, index);
  return s;
}

std::unique_ptr<Reporter> make_reporter(std::string_view format, const ReportOptions& options) {
  if (format == "text") return with_batch_summary(make_text_reporter(options), options);
  if (format == "json") {
    return options.summary_only ? make_summary_json_reporter(options) : make_json_reporter(options);
  }
  if (format == "codequality") return make_codequality_reporter(options);
  if (format == "jsonl") return make_jsonl_reporter(options);
  if (format == "csv") return make_csv_reporter(options);
  if (format == "markdown") return make_markdown_reporter(options);
  if (format == "sarif") return make_sarif_reporter(options);
  if (format == "junit") return make_junit_reporter(options);
  if (format == "github") return make_github_reporter(options);
  if (format == "html") return make_html_reporter(options);
  return nullptr;
}

}  // namespace mofcheck

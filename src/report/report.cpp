// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/report.hpp>

#include "report/reporters.hpp"

namespace mofcheck {

Reporter::~Reporter() = default;
void Reporter::finish(std::ostream&) {}

const std::vector<std::string>& report_formats() {
  static const std::vector<std::string> names = {"text",     "json",  "jsonl", "csv",
                                                 "markdown", "sarif", "junit", "github"};
  return names;
}

namespace {

const char* license_kind(ContentType t) {
  switch (t) {
    case ContentType::code:
      return "an open source (OSI-approved) license";
    case ContentType::data:
      return "an open data license";
    case ContentType::document:
      return "an open content license";
  }
  return "an open license";
}

void append_examples(std::string& s, const Framework& fw, ContentType t) {
  const auto& ids = fw.recommended(t);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    s += i == 0 ? " such as " : i + 1 == ids.size() ? " or " : ", ";
    s += ids[i];
  }
}

// What to release an unmet component under.
void append_fix(std::string& s, const Framework& fw, std::size_t index) {
  const ComponentDef& def = fw.components[index];
  s += license_kind(def.type);
  append_examples(s, fw, def.type);
  for (const auto& sub : fw.substitutions) {
    if (sub.component == index) {
      s += " (a met ";
      s += fw.components[sub.substitute].name;
      s += " also stands in for it)";
    }
  }
}

}  // namespace

std::string open_license_hint(const Framework& fw, ContentType type) {
  std::string s = license_kind(type);
  append_examples(s, fw, type);
  return s;
}

void append_action(std::string& out, const Evaluation& ev, std::size_t index) {
  append_action(out, *ev.framework, index, ev.components[index]);
}

void append_action(std::string& out, const Framework& fw, std::size_t index,
                   const ComponentResult& r) {
  switch (r.status) {
    case ComponentStatus::missing:
      out += "missing: publish it under ";
      append_fix(out, fw, index);
      return;
    case ComponentStatus::unlicensed:
      out += "listed without a license: release it under ";
      append_fix(out, fw, index);
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
      append_fix(out, fw, index);
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
  if (format == "json") return make_json_reporter(options);
  if (format == "jsonl") return make_jsonl_reporter(options);
  if (format == "csv") return make_csv_reporter(options);
  if (format == "markdown") return make_markdown_reporter(options);
  if (format == "sarif") return make_sarif_reporter(options);
  if (format == "junit") return make_junit_reporter(options);
  if (format == "github") return make_github_reporter(options);
  return nullptr;
}

}  // namespace mofcheck

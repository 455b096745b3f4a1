// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/report.hpp>

#include "reporters.hpp"

namespace mofcheck {

Reporter::~Reporter() = default;
void Reporter::finish(std::ostream&) {}

const std::vector<std::string>& report_formats() {
  static const std::vector<std::string> names = {"text",  "json",  "jsonl", "csv",
                                                 "markdown", "sarif", "junit", "github"};
  return names;
}

namespace {

const char* license_kind(ContentType t) {
  switch (t) {
    case ContentType::code: return "an open source (OSI-approved) license";
    case ContentType::data: return "an open data license";
    case ContentType::document: return "an open content license";
  }
  return "an open license";
}

std::string examples(const Framework& fw, ContentType t) {
  const auto& ids = fw.recommended(t);
  std::string s;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    s += (i == 0 ? " such as " : i + 1 == ids.size() ? " or " : ", ") + ids[i];
  }
  return s;
}

}  // namespace

std::string open_license_hint(const Framework& fw, ContentType type) {
  return std::string(license_kind(type)) + examples(fw, type);
}

std::string describe_action(const Evaluation& ev, std::size_t index) {
  const Framework& fw = *ev.framework;
  const ComponentDef& def = fw.components[index];
  const ComponentResult& r = ev.components[index];
  std::string fix = open_license_hint(fw, def.type);
  for (const auto& sub : fw.substitutions) {
    if (sub.component == index) {
      fix += " (a met " + fw.components[sub.substitute].name + " also stands in for it)";
    }
  }
  switch (r.status) {
    case ComponentStatus::missing:
      return "missing: publish it under " + fix;
    case ComponentStatus::unlicensed:
      return "listed without a license: release it under " + fix;
    case ComponentStatus::not_open: {
      std::string s = "under " + r.license + ", not open";
      if (!r.reason.empty()) s += " (" + r.reason + ")";
      if (!r.suggestion.empty()) s += "; if you meant " + r.suggestion + ", write that id";
      return s + ": release it under " + fix;
    }
    case ComponentStatus::met:
    case ComponentStatus::met_with_warning:
      break;
  }
  return "met";
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

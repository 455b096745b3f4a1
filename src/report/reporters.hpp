// SPDX-License-Identifier: Apache-2.0
// Factories of the concrete reporters, one file each. Private.
#pragma once

#include <memory>
#include <vector>

#include <mofcheck/report.hpp>

namespace mofcheck {

std::unique_ptr<Reporter> make_text_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_json_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_jsonl_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_csv_reporter(const ReportOptions& options);
/// Adds the batch summary (counts per class, table of models) after the
/// reports of `inner` when there are several, or alone with summary_only.
std::unique_ptr<Reporter> with_batch_summary(std::unique_ptr<Reporter> inner,
                                             const ReportOptions& options);
/// --summary-only --format json: {"models", "invalid_inputs", "classes": [{class, label, models}]}.
std::unique_ptr<Reporter> make_summary_json_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_codequality_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_markdown_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_sarif_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_junit_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_github_reporter(const ReportOptions& options);

}  // namespace mofcheck

namespace mofcheck {

/// One sentence telling the producer what to do about an unmet component
/// (publish it, or relicense it and under which kind of license).
std::string describe_action(const Evaluation& ev, std::size_t index);
/// describe_action(), appended to `out`.
void append_action(std::string& out, const Evaluation& ev, std::size_t index);
/// The same for the result `r` of component `index`. For a missing or an
/// unlicensed component the sentence depends on the framework and the index
/// only (the json report encodes those once).
void append_action(std::string& out, const Framework& fw, std::size_t index,
                   const ComponentResult& r);

/// The actions one class still needs, as component indices ordered by class
/// (nearest first): the gap's unmet components, less those that an unmet
/// stand-in in the same list covers.
std::vector<std::size_t> minimal_actions(const Evaluation& ev, const ClassGap& gap);

/// One class to climb to and the actions it needs.
struct NextStep {
  int level = 0;
  std::vector<std::size_t> actions;     ///< minimal_actions() of the class
  std::vector<std::size_t> additional;  ///< those not already in the step before
};

/// The path every report ends with: the next class up, then the most
/// complete class when it is another one. Empty when the model reached it.
std::vector<NextStep> next_steps(const Evaluation& ev);

/// The kind of open license a type needs, with the framework's suggestions:
/// "an open data license such as CDLA-Permissive-2.0 or Apache-2.0".
std::string open_license_hint(const Framework& fw, ContentType type);

}  // namespace mofcheck

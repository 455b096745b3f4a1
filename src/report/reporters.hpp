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
std::unique_ptr<Reporter> make_markdown_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_sarif_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_junit_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_github_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_html_reporter(const ReportOptions& options);

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

}  // namespace mofcheck

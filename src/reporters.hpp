// SPDX-License-Identifier: Apache-2.0
// Factories of the concrete reporters, one file each. Private.
#pragma once

#include <memory>

#include <mofcheck/report.hpp>

namespace mofcheck {

std::unique_ptr<Reporter> make_text_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_json_reporter(const ReportOptions& options);

}  // namespace mofcheck

namespace mofcheck {

/// One sentence telling the producer what to do about an unmet component
/// (publish it, or relicense it and under which kind of license).
std::string describe_action(const Evaluation& ev, std::size_t index);

}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
// One fuzz body for both manifest syntaxes: parse, and when the manifest is
// valid, evaluate it and render every report format, so the evaluator and
// the renderers see whatever the reader lets through.
#pragma once

#include <sstream>

#include <mofcheck/evaluate.hpp>
#include <mofcheck/framework.hpp>
#include <mofcheck/gate.hpp>
#include <mofcheck/license.hpp>
#include <mofcheck/manifest.hpp>
#include <mofcheck/report.hpp>

#include "fuzz_common.hpp"

namespace mofcheck::fuzz {

inline void check_manifest(std::string_view text, InputSyntax syntax) {
  expect_only_errors([&] {
    Manifest m = parse_manifest(text, "fuzz-input", syntax);
    Evaluation ev = evaluate(m, builtin_framework(), LicenseDb::builtin());
    GatePolicy policy;
    policy.min_class = builtin_framework().lowest_level();
    GateResult gate = check_gate(ev, policy);
    for (const auto& format : report_formats()) {
      std::ostringstream out;
      auto reporter = make_reporter(format, ReportOptions{});
      if (!reporter) std::abort();
      reporter->add(ev, gate, out);
      reporter->finish(out);
      if (format == "text" && out.str().find('\x1b') != std::string::npos) {
        std::fprintf(stderr, "an escape character reached the text report\n");
        std::abort();
      }
    }
  });
}

}  // namespace mofcheck::fuzz

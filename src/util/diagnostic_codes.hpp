// SPDX-License-Identifier: Apache-2.0
// The one table of diagnostic codes: every code any layer emits (readers,
// license layer, evaluator, path check) and the two rule ids reports add
// (waiver-expired, input-error), each with its severity, a summary and what
// to do. Private; tests/unit/diagnostic_codes_test.cpp checks that every code
// the sources emit is listed here and every entry is emitted somewhere.
//
// A constexpr table rather than a file in data/: the codes are the tool's own
// interface, not sourced domain facts; they are emitted from five layers and
// util is the one all of them may include; and a compiled table cannot fail
// to load or cost start-up time.
#pragma once

#include <span>
#include <string_view>

#include <mofcheck/error.hpp>

namespace mofcheck {

struct DiagnosticCode {
  std::string_view code;  ///< stable kebab-case id, e.g. "unknown-component"
  /// The most severe level it is emitted with (license-alias is an error when
  /// the meant license is not open, else a warning).
  Severity severity;
  std::string_view summary;  ///< one line: what the code means
  std::string_view help;     ///< what to do about it
  /// The message suggests a license to write instead: the evaluation then
  /// attaches the class that license would give (Diagnostic::fix).
  bool suggests_license = false;
};

/// Every code, in a stable order (SARIF rule descriptions, documentation).
std::span<const DiagnosticCode> diagnostic_codes();

/// The entry for `code`, or nullptr for a code the table does not list.
const DiagnosticCode* find_diagnostic_code(std::string_view code);

}  // namespace mofcheck

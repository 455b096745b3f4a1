// SPDX-License-Identifier: Apache-2.0
// Renderers: turn evaluations into text, JSON and the other report formats.
// They format what the evaluator found; they never judge anything again.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <mofcheck/evaluate.hpp>
#include <mofcheck/gate.hpp>

namespace mofcheck {

struct ReportOptions {
  bool color = false;         ///< ANSI colours (text only); the CLI decides (TTY, NO_COLOR)
  bool summary_only = false;  ///< text: print only the batch summary (--summary-only)
  std::size_t width = 0;      ///< text: wrap long lines to this many columns (0: never)
  /// The definition of the run, so table formats (csv) can write their
  /// header before the first evaluation; may be null.
  const Framework* framework = nullptr;
  /// The profile of the run, for the rows of inputs that could not be scored.
  Profile profile = Profile::mot;
};

/// Writes what a reporter's add() writes for one evaluation at the start of
/// `room` and returns its length. `room` is reused line after line: its
/// bytes may all be taken as room, and those past the line are unspecified.
using LineWriter =
    std::function<std::size_t(std::string& room, const Evaluation&, const GateResult&)>;

/// Receives the results of one run, input by input, and writes one report.
/// Streaming formats write in add(); whole-document formats write in finish().
class Reporter {
 public:
  virtual ~Reporter();
  /// One evaluated manifest and its gate outcome.
  virtual void add(const Evaluation& evaluation, const GateResult& gate, std::ostream& out) = 0;
  /// One input that could not be evaluated (invalid or unreadable).
  virtual void add_error(const Error& error, std::ostream& out) = 0;
  /// Called once after the last input.
  virtual void finish(std::ostream& out);
  /// For a format whose text for an evaluation depends on that evaluation
  /// alone (jsonl, csv): a new LineWriter with state of its own, so that
  /// each scoring thread can write the lines, then handed to add_line().
  /// Empty (the default) for other formats.
  virtual LineWriter line_writer() const;
  /// Takes a line a line_writer() wrote, in place of add() for its evaluation.
  /// Lines written one after another may come as one text: add_line(a + b)
  /// must do what add_line(a) and then add_line(b) do.
  virtual void add_line(std::string_view line, std::ostream& out);
};

/// The names make_reporter accepts, in the order --help lists them.
const std::vector<std::string>& report_formats();

/// A reporter for `format`; nullptr when the name is unknown.
std::unique_ptr<Reporter> make_reporter(std::string_view format, const ReportOptions& options);

/// Makes untrusted text safe for a terminal: control characters, escape
/// sequences, bidirectional overrides and invalid UTF-8 are shown as escapes.
std::string terminal_safe(std::string_view text);

}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace mofcheck {

/// A place in an input: file name (or "<stdin>"), 1-based line and column;
/// 0 means unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  /// "file:line:col", "file:line" or "file", whichever parts are known.
  std::string str() const;
};

/// What an Error is about, beyond its message, so that a caller can add its
/// own advice (the CLI names the flag that sets a limit). Library messages
/// never name a command-line flag.
enum class ErrorKind {
  invalid,          ///< the input is malformed or cannot be used as it is
  input_too_large,  ///< an input or record is larger than ReadLimits::max_bytes
  string_too_long,  ///< a string or key is longer than ReadLimits::max_string
  bad_checkout,     ///< the root given for a path check is not a readable folder
};

/// The one exception type of the library: an input (manifest, definition,
/// license data, command line) that cannot be used. `what()` reads
/// "file:line:col: message".
class Error : public std::runtime_error {
 public:
  Error(SourceLocation where, const std::string& message, ErrorKind kind = ErrorKind::invalid);
  const SourceLocation& where() const { return where_; }
  const std::string& message() const { return message_; }
  ErrorKind kind() const { return kind_; }

 private:
  SourceLocation where_;
  std::string message_;
  ErrorKind kind_;
};

enum class Severity { error, warning, note };

/// "error", "warning", "note".
const char* severity_name(Severity s);

/// The license text a diagnostic suggests writing instead, and the class the
/// model would then have (computed by the evaluation, see add_fix_outcomes).
struct SuggestedFix {
  std::string license;        ///< the text to write instead
  int class_level = 0;        ///< the model's class with it (0: unclassified)
  std::string class_label;    ///< that class's label in the loaded framework
  bool changes_class = true;  ///< false: the model stays at the class it has
};

/// A finding about an input that does not stop its evaluation.
struct Diagnostic {
  Severity severity = Severity::warning;
  std::string code;       ///< stable kebab-case id, e.g. "unknown-component"
  std::string message;    ///< one sentence: what, and how to fix it
  std::string component;  ///< component name it concerns, or empty
  SourceLocation where;
  std::optional<SuggestedFix> fix = std::nullopt;  ///< set for license fixes with a known outcome

  /// The message followed by the fix's outcome ("...; with MIT the model
  /// would be Class II - Open Tooling"), as every report prints it.
  std::string text() const;
};

}  // namespace mofcheck

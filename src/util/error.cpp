// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/error.hpp>

namespace mofcheck {

std::string SourceLocation::str() const {
  std::string s = file;
  if (line > 0) {
    s += ':' + std::to_string(line);
    if (column > 0) s += ':' + std::to_string(column);
  }
  return s;
}

static std::string format_error(const SourceLocation& where, const std::string& message) {
  std::string loc = where.str();
  return loc.empty() ? message : loc + ": " + message;
}

Error::Error(SourceLocation where, const std::string& message, ErrorKind kind)
    : std::runtime_error(format_error(where, message)),
      where_(std::move(where)),
      message_(message),
      kind_(kind) {}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "warning";
}

std::string Diagnostic::text() const {
  if (!fix) return message;
  // "did you mean X? With X the model would be ..." reads as two sentences.
  std::string s = message;
  s += !s.empty() && s.back() == '?' ? " With " : "; with ";
  s += fix->license;
  s += fix->changes_class ? " the model would be " : " alone the model stays ";
  s += fix->class_label;
  return s;
}

}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
// libfyaml's events for a reader that builds no tree (the plain YAML
// manifest path), with the same parser set-up and cache as parse_yaml(),
// and the scalar decoding parse_yaml() does itself. The caller runs the
// same guards first (text encoding; no CR, no tab). Private.
#pragma once

#include <string>
#include <string_view>

struct fy_diag;
struct fy_parser;
struct fy_event;

namespace mofcheck::doc {

/// The events of one text, parsed by the thread's cached parser.
class YamlEvents {
 public:
  /// `text` must outlive the object. Throws std::bad_alloc.
  explicit YamlEvents(std::string_view text);
  ~YamlEvents();
  YamlEvents(const YamlEvents&) = delete;
  YamlEvents& operator=(const YamlEvents&) = delete;

  /// The next event, valid until the next call; nullptr at the end of the
  /// stream or on a syntax error (failed() tells which).
  fy_event* next();
  bool failed() const { return failed_; }

 private:
  fy_diag* diag_ = nullptr;
  fy_parser* parser_ = nullptr;
  fy_event* event_ = nullptr;
  bool finished_ = false;
  bool failed_ = false;
};

/// The value of a single-quoted scalar from its source between the quotes
/// (parse_yaml() decodes every one holding '' so).
std::string single_quoted(std::string_view raw);

}  // namespace mofcheck::doc

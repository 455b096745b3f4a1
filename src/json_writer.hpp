// SPDX-License-Identifier: Apache-2.0
// A streaming JSON writer whose bytes equal nlohmann::json's dump(indent, ' ',
// false, error_handler_t::replace) of the same document: the json and jsonl
// reports are written with it instead of building a tree per record. Private.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mofcheck {

/// Appends one JSON document to a string. Keys and values are written in the
/// order they are given; `indent` < 0 is compact, otherwise each element goes
/// on its own line indented by `indent` spaces per level, as nlohmann does.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out, int indent = -1) : out_(out), indent_(indent) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  /// The key of the next member; the value follows with one of the calls below.
  void key(std::string_view name);

  void value(std::string_view text);
  void value(const char* text) { value(std::string_view(text)); }
  void value(const std::string& text) { value(std::string_view(text)); }
  void value(bool b);
  void value(int n) { integer(static_cast<std::int64_t>(n)); }
  void value(std::size_t n);
  /// Shortest round-trip digits, ".0" on integral values, null when not finite.
  void value(double x);
  void null();

  /// `key(name)` then `value(v)`.
  template <typename T>
  void member(std::string_view name, const T& v) {
    key(name);
    value(v);
  }

 private:
  void integer(std::int64_t n);
  void before_value();
  void newline_indent(std::size_t depth);

  std::string& out_;
  int indent_;
  std::vector<bool> has_elements_;  // one per open container
  bool after_key_ = false;
};

/// Appends `text` as a JSON string literal (quotes included), escaped as
/// nlohmann's dump escapes it without ensure_ascii: the short escapes, \u00XX
/// for other control characters, invalid UTF-8 replaced by U+FFFD.
void append_json_string(std::string& out, std::string_view text);

}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
// A streaming JSON writer whose bytes equal nlohmann::json's dump(indent, ' ',
// false, error_handler_t::replace) of the same document: the json and jsonl
// reports are written with it instead of building a tree per record. Private.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace mofcheck {

/// Appends one JSON document to a string. Keys and values are written in the
/// order they are given; `indent` < 0 is compact, otherwise each element goes
/// on its own line indented by `indent` spaces per level, as nlohmann does.
///
/// The writer fills room it makes at the end of `out` through a pointer, so
/// `out` holds exactly the text written once the document is complete (its
/// outermost value closed) or the writer is destroyed; in between it also
/// holds spare bytes. Reserving no memory in `out` is needed: room grows.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out, int indent = -1) : out_(out), indent_(indent) {}
  /// A compact writer that takes all of `room` as room: the document starts
  /// at its first byte, and `room` keeps its size unless more is needed, so
  /// a buffer reused for document after document is not zero-filled again
  /// for each. written() is the text once the document is complete.
  struct InRoom {};
  JsonWriter(std::string& room, InRoom) : out_(room), indent_(-1), in_room_(true) {
    p_ = room.data();
    end_ = p_ + room.size();
  }
  ~JsonWriter() { sync(); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  /// The key of the next member; the value follows with one of the calls below.
  [[gnu::always_inline]] void key(std::string_view name) {
    // Names in the source with nothing to escape (every key of the reports):
    // the test and the copy fold into a few stores when inlined.
    if (name.size() <= kShortKey && plain_key(name)) {
      if (indent_ >= 0) before_value();
      char* p = room(name.size() + 5);
      if (indent_ < 0 && next_ == Next::element) *p++ = ',';
      *p++ = '"';
      std::memcpy(p, name.data(), name.size());
      p += name.size();
      *p++ = '"';
      *p++ = ':';
      if (indent_ >= 0) *p++ = ' ';
      p_ = p;
    } else {
      before_value();
      escaped_key(name);
    }
    next_ = Next::value;
  }

  [[gnu::always_inline]] void value(std::string_view text) {
    before_value();
    string(text);
    end_value();
  }
  void value(const char* text) { value(std::string_view(text)); }
  void value(const std::string& text) { value(std::string_view(text)); }
  void value(bool b) {
    before_value();
    if (b) {
      literal("true", 4);
    } else {
      literal("false", 5);
    }
    end_value();
  }
  void value(int n) { integer(static_cast<std::int64_t>(n)); }
  void value(std::size_t n);
  /// Shortest round-trip digits, ".0" on integral values, null when not finite.
  void value(double x);
  void null() {
    before_value();
    literal("null", 4);
    end_value();
  }

  /// Whether the output is compact (no indent).
  bool compact() const { return indent_ < 0; }
  /// A line break after the complete document (for JSON Lines).
  void end_line() { put('\n'); }
  /// InRoom: the text written so far, at the start of the room.
  std::string_view written() const {
    return {out_.data(), static_cast<std::size_t>(p_ - out_.data())};
  }
  /// Text already encoded as compact JSON, written as it is where a value
  /// goes: one value, or after begin_object() or a member, one or more
  /// members ("a":1,"b":2). Compact output only; `json` must be valid there.
  void raw(std::string_view json) {
    before_value();
    literal(json.data(), json.size());
    end_value();
  }

  /// A string value from the program's own tables (a status, a severity):
  /// printable ASCII with no quote or backslash, written without the scan
  /// value() makes for what needs escaping.
  void plain_value(std::string_view text) {
    before_value();
    char* p = room(text.size() + 2);
    *p++ = '"';
    std::memcpy(p, text.data(), text.size());
    p += text.size();
    *p++ = '"';
    p_ = p;
    end_value();
  }

  /// `key(name)` then `plain_value(text)`; `name` is plain as `text` is
  /// (neither is scanned: one copy each, in one piece of room).
  void plain_member(std::string_view name, std::string_view text) {
    if (indent_ >= 0) {
      key(name);
      plain_value(text);
      return;
    }
    char* p = room(name.size() + text.size() + 6);
    if (next_ == Next::element) *p++ = ',';
    *p++ = '"';
    std::memcpy(p, name.data(), name.size());
    p += name.size();
    std::memcpy(p, "\":\"", 3);
    p += 3;
    std::memcpy(p, text.data(), text.size());
    p += text.size();
    *p++ = '"';
    p_ = p;
    end_value();
  }

  /// Inside the document: the bytes written so far. A value written between
  /// two such offsets (its separator excluded) can be written again with
  /// repeat().
  std::size_t offset() const { return static_cast<std::size_t>(p_ - out_.data()); }
  /// The value written earlier at [from, to) of this document, written again
  /// where a value goes (compact output only).
  void repeat(std::size_t from, std::size_t to) {
    before_value();
    char* p = room(to - from);  // may move the text: copied from it after
    std::memcpy(p, out_.data() + from, to - from);
    p_ = p + (to - from);
    end_value();
  }

  /// `key(name)` then `value(v)`.
  template <typename T>
  [[gnu::always_inline]] void member(std::string_view name, const T& v) {
    key(name);
    value(v);
  }

 private:
  static constexpr std::size_t kShortKey = 32;

  [[gnu::always_inline]] static constexpr bool plain_key(std::string_view name) {
    for (char c : name) {
      auto u = static_cast<unsigned char>(c);
      if (u < 0x20 || u >= 0x80 || c == '"' || c == '\\') return false;
    }
    return true;
  }

  // At least `n` writable bytes from the returned pointer (which is p_).
  [[gnu::always_inline]] char* room(std::size_t n) {
    if (static_cast<std::size_t>(end_ - p_) < n) grow(n);
    return p_;
  }
  void grow(std::size_t n);
  // Cuts `out` to the text written; the next write makes room again.
  void sync();

  [[gnu::always_inline]] void literal(const char* text, std::size_t n) {
    std::memcpy(room(n), text, n);
    p_ += n;
  }
  [[gnu::always_inline]] void put(char c) {
    *room(1) = c;
    ++p_;
  }

  // What the next key or value follows, which decides the separator before it.
  enum class Next : unsigned char {
    first,    // the start of a container or of the document: none
    element,  // an element of the container: a comma
    value,    // a key: none
  };

  // The separator before a value or key; with indent also the line break
  // and indent of an element.
  [[gnu::always_inline]] void before_value() {
    if (next_ == Next::value) return;
    if (indent_ >= 0) {
      if (depth_ > 0) separate_indented();
    } else if (next_ == Next::element) {
      put(',');
    }
  }
  // After a complete value: the document is done at the top.
  [[gnu::always_inline]] void end_value() {
    if (depth_ == 0) {
      sync();
      next_ = Next::first;
    } else {
      next_ = Next::element;
    }
  }

  void open(char bracket) {
    before_value();
    put(bracket);
    ++depth_;
    next_ = Next::first;
  }
  void close(char bracket);
  void separate_indented();
  void newline_indent(std::size_t depth);
  void escaped_key(std::string_view name);
  void string(std::string_view text);
  void integer(std::int64_t n);

  std::string& out_;
  int indent_;
  char* p_ = nullptr;      // next byte to write, in `out`; null when `out` is exact
  char* end_ = nullptr;    // end of the room made in `out`
  std::size_t depth_ = 0;  // containers open
  Next next_ = Next::first;
  bool in_room_ = false;  // `out` is room throughout; p_ is never null
};

/// Appends `text` as a JSON string literal (quotes included), escaped as
/// nlohmann's dump escapes it without ensure_ascii: the short escapes, \u00XX
/// for other control characters, invalid UTF-8 replaced by U+FFFD.
void append_json_string(std::string& out, std::string_view text);

}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
#include "syntax/yaml_block_scanner.hpp"

#include <cstring>

#include "util/ascii_scan.hpp"

namespace mofcheck::doc {

namespace {

using Type = PlainEvent::Type;
using Style = PlainEvent::Style;

// Deeper than any manifest (a component's field is four levels down): the
// reader declines past that anyway, and the scan stays shallow.
constexpr int kMaxDepth = 8;

// Bytes a plain scalar may not start with: YAML's indicators (some of them
// may start one before a non-space, but such values go to libfyaml).
bool is_indicator(char c) {
  return std::strchr("-?:,[]{}#&*!|>'\"%@`", c) != nullptr && c != '\0';
}

bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

// Whether the text holds a character YAML (or libfyaml) may read other than
// as plain text: a control character, a C1 control (NEL among them), the
// line and paragraph separators, a byte order mark or a non-character.
bool has_special_character(std::string_view t) {
  const auto byte = [&t](std::size_t i) {
    return i < t.size() ? static_cast<unsigned char>(t[i]) : 0u;
  };
  for (std::size_t i = 0; i < t.size();) {
    while (i + 8 <= t.size()) {
      const std::uint64_t x = ascii::load8(t, i);
      const std::uint64_t stop =
          ascii::any_below(x, 0x20) | ascii::any_equal(x, 0x7F) | ascii::any_high(x);
      if (stop) {
        i += ascii::first_flagged(stop);
        break;
      }
      i += 8;
    }
    if (i >= t.size()) break;
    const unsigned c = byte(i);
    if (c == '\n' || (c >= 0x20 && c < 0x7F) || (c >= 0x80 && c < 0xC2) || (c > 0xC2 && c < 0xE2) ||
        (c > 0xE2 && c < 0xEF) || c > 0xEF) {
      ++i;
      continue;
    }
    if (c < 0x80) return true;  // a control character
    const unsigned b1 = byte(i + 1);
    const unsigned b2 = byte(i + 2);
    if (c == 0xC2 && b1 >= 0x80 && b1 <= 0x9F) return true;
    if (c == 0xE2 && b1 == 0x80 && (b2 == 0xA8 || b2 == 0xA9)) return true;
    if (c == 0xEF && ((b1 == 0xBB && b2 == 0xBF) || (b1 == 0xBF && (b2 == 0xBE || b2 == 0xBF)))) {
      return true;
    }
    ++i;
  }
  return false;
}

class BlockScanner {
 public:
  BlockScanner(std::string_view text, std::vector<PlainEvent>& out) : t_(text), out_(out) {}

  bool scan() {
    advance();
    push(Type::stream_start, 0);
    if (have_ && marker('-')) {
      if (!nothing_after(cur_.content + 3)) return false;  // content on the '---' line
      advance();
    }
    // No document, or one that is a sequence: libfyaml's to read.
    if (!have_ || item()) return false;
    push(Type::document_start, cur_.content);
    if (!mapping(1)) return false;
    if (have_) {
      // Only a closing '...' may follow, with nothing after it.
      if (!marker('.') || !nothing_after(cur_.content + 3)) return false;
      advance();
      if (have_) return false;
    }
    push(Type::document_end, t_.size());
    push(Type::stream_end, t_.size());
    return true;
  }

 private:
  struct Line {
    std::size_t start = 0;    // its first byte
    std::size_t content = 0;  // its first byte after the indentation
    std::size_t end = 0;      // its line feed, or the end of the text
    std::size_t indent() const { return content - start; }
  };

  // Moves to the next line with content, past blank and comment lines.
  void advance() {
    while (next_ < t_.size()) {
      const std::size_t start = next_;
      const void* nl = std::memchr(t_.data() + start, '\n', t_.size() - start);
      const std::size_t end =
          nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - t_.data()) : t_.size();
      next_ = end + 1;
      std::size_t content = start;
      while (content < end && t_[content] == ' ') ++content;
      if (content == end || t_[content] == '#') continue;
      cur_ = {start, content, end};
      have_ = true;
      return;
    }
    have_ = false;
  }

  PlainEvent& push(Type type, std::size_t at) {
    PlainEvent& e = out_.emplace_back();
    e.type = type;
    e.placed = true;
    e.at = at;
    return e;
  }
  void push_scalar(Style style, std::size_t at, std::string_view text) {
    PlainEvent& e = push(Type::scalar, at);
    e.style = style;
    e.text = text;
  }

  std::size_t skip_spaces(std::size_t i) const {
    while (i < cur_.end && t_[i] == ' ') ++i;
    return i;
  }
  // Nothing but spaces and a comment from `i` to the line's end (a comment
  // needs a space before it).
  bool nothing_after(std::size_t i) const {
    const std::size_t j = skip_spaces(i);
    return j == cur_.end || (t_[j] == '#' && j > i);
  }
  // A document marker ('---' or '...') at the start of the current line.
  bool marker(char c) const {
    return cur_.indent() == 0 && cur_.end - cur_.start >= 3 && t_[cur_.start] == c &&
           t_[cur_.start + 1] == c && t_[cur_.start + 2] == c &&
           (cur_.end - cur_.start == 3 || t_[cur_.start + 3] == ' ');
  }
  // The current line's content is a block sequence entry.
  bool item() const {
    return t_[cur_.content] == '-' && (cur_.content + 1 == cur_.end || t_[cur_.content + 1] == ' ');
  }
  // Where the ':' of a plain key starting at `i` is, or npos.
  std::size_t key_end(std::size_t i) const {
    if (i >= cur_.end || t_[i] == '-') return std::string_view::npos;
    std::size_t k = i;
    while (k < cur_.end && is_key_char(t_[k])) ++k;
    if (k == i || k == cur_.end || t_[k] != ':') return std::string_view::npos;
    if (k + 1 < cur_.end && t_[k + 1] != ' ') return std::string_view::npos;
    return k;
  }

  // A block node starting on the current line.
  bool node(int depth) { return item() ? sequence(depth) : mapping(depth); }

  // The block mapping whose first key starts at cur_.content; it ends
  // before the first line indented less.
  bool mapping(int depth) {
    if (depth > kMaxDepth) return false;
    const std::size_t n = cur_.indent();
    push(Type::mapping_start, cur_.content);
    for (;;) {
      const std::size_t k = key_end(cur_.content);
      if (k == std::string_view::npos) return false;
      push_scalar(Style::plain, cur_.content, t_.substr(cur_.content, k - cur_.content));
      const std::size_t v = skip_spaces(k + 1);
      if (v == cur_.end || t_[v] == '#') {
        // The value is on the lines below: more indented, or a sequence at
        // the key's own indentation. Anything else is an empty value.
        advance();
        if (!have_) return false;
        if (cur_.indent() > n) {
          if (!node(depth + 1)) return false;
        } else if (cur_.indent() == n && item()) {
          if (!sequence(depth + 1)) return false;
        } else {
          return false;
        }
      } else {
        if (!inline_value(v)) return false;
        advance();
        if (have_ && cur_.indent() > n) return false;  // a scalar going on below, or an error
      }
      if (!have_ || cur_.indent() < n) break;
      if (cur_.indent() > n || item()) return false;
      if (n == 0 && (marker('-') || marker('.'))) break;
    }
    push(Type::mapping_end, t_.size());
    return true;
  }

  // The block sequence whose first entry is the current line.
  bool sequence(int depth) {
    if (depth > kMaxDepth) return false;
    const std::size_t n = cur_.indent();
    push(Type::sequence_start, cur_.content);
    for (;;) {
      const std::size_t v = skip_spaces(cur_.content + 1);
      if (v == cur_.end || t_[v] == '#') {
        advance();
        if (!have_ || cur_.indent() <= n) return false;  // an empty entry
        if (!node(depth + 1)) return false;
      } else if (t_[v] == '{' || t_[v] == '[') {
        if (!inline_value(v)) return false;
        advance();
        if (have_ && cur_.indent() > n) return false;
      } else if (key_end(v) != std::string_view::npos) {
        cur_.content = v;  // a mapping on the entry's line, indented to its first key
        if (!mapping(depth + 1)) return false;
      } else {
        return false;  // a scalar entry, a nested '- -', a quoted key
      }
      if (!have_ || cur_.indent() < n) break;
      if (cur_.indent() > n) return false;
      if (!item()) break;  // the mapping around it goes on
    }
    push(Type::sequence_end, t_.size());
    return true;
  }

  // The value after a key's ':' (or an entry's '-') on the same line.
  bool inline_value(std::size_t v) {
    const std::size_t e = cur_.end;
    const char c = t_[v];
    if (c == '{' || c == '[') {
      const std::size_t q = skip_spaces(v + 1);
      if (q == e || t_[q] != (c == '{' ? '}' : ']') || !nothing_after(q + 1)) return false;
      push(c == '{' ? Type::mapping_start : Type::sequence_start, v);
      push(c == '{' ? Type::mapping_end : Type::sequence_end, q);
      return true;
    }
    if (c == '\'') {
      std::size_t q = v + 1;
      for (;;) {
        const void* hit = std::memchr(t_.data() + q, '\'', e - q);
        if (!hit) return false;  // it goes on below
        q = static_cast<std::size_t>(static_cast<const char*>(hit) - t_.data());
        if (q + 1 < e && t_[q + 1] == '\'') {
          q += 2;
          continue;
        }
        break;
      }
      if (!nothing_after(q + 1)) return false;
      push_scalar(Style::single_quoted, v, t_.substr(v + 1, q - v - 1));
      return true;
    }
    if (c == '"') {
      std::size_t q = v + 1;
      while (q < e && t_[q] != '"' && t_[q] != '\\') ++q;
      if (q == e || t_[q] == '\\' || !nothing_after(q + 1)) return false;
      push_scalar(Style::double_quoted, v, t_.substr(v + 1, q - v - 1));
      return true;
    }
    if (is_indicator(c)) return false;
    std::size_t last = v + 1;  // after the last byte that is not a space
    for (std::size_t q = v + 1; q < e; ++q) {
      const char ch = t_[q];
      if (ch == ':' && (q + 1 == e || t_[q + 1] == ' ')) return false;  // a key, or a mapping
      if (ch == '#' && t_[q - 1] == ' ') break;                         // a comment
      if (ch != ' ') last = q + 1;
    }
    push_scalar(Style::plain, v, t_.substr(v, last - v));
    return true;
  }

  std::string_view t_;
  std::vector<PlainEvent>& out_;
  std::size_t next_ = 0;  // the start of the first line not looked at yet
  Line cur_;
  bool have_ = false;  // cur_ is a line with content
};

}  // namespace

bool scan_block_yaml(std::string_view text, std::vector<PlainEvent>& events) {
  events.clear();
  if (has_special_character(text)) return false;
  return BlockScanner(text, events).scan();
}

}  // namespace mofcheck::doc

// SPDX-License-Identifier: Apache-2.0
#include "json_writer.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

#include <nlohmann/json.hpp>

#include "ascii_scan.hpp"

namespace mofcheck {

namespace {

// Length of the well-formed UTF-8 sequence starting at text[i] (Unicode
// table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or 0.
std::size_t utf8_sequence(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  auto cont = [&](std::size_t k, unsigned lo, unsigned hi) {
    return k < text.size() && byte(k) >= lo && byte(k) <= hi;
  };
  unsigned b = byte(i);
  if (b >= 0xC2 && b <= 0xDF) return cont(i + 1, 0x80, 0xBF) ? 2 : 0;
  if (b >= 0xE0 && b <= 0xEF) {
    unsigned lo = b == 0xE0 ? 0xA0 : 0x80;
    unsigned hi = b == 0xED ? 0x9F : 0xBF;
    return cont(i + 1, lo, hi) && cont(i + 2, 0x80, 0xBF) ? 3 : 0;
  }
  if (b >= 0xF0 && b <= 0xF4) {
    unsigned lo = b == 0xF0 ? 0x90 : 0x80;
    unsigned hi = b == 0xF4 ? 0x8F : 0xBF;
    return cont(i + 1, lo, hi) && cont(i + 2, 0x80, 0xBF) && cont(i + 3, 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

// The first index from `i` on holding a byte that is not printable ASCII
// other than '"' and '\\', eight bytes at a time (most text is plain).
std::size_t plain_prefix(std::string_view text, std::size_t i) {
  auto plain8 = [&](std::size_t at) {
    std::uint64_t x = ascii::load8(text, at);
    return (ascii::any_below(x, 0x20) | ascii::any_equal(x, '"') | ascii::any_equal(x, '\\') |
            ascii::any_high(x)) == 0;
  };
  for (; i + 8 <= text.size(); i += 8) {
    if (!plain8(i)) break;
  }
  // The short tail: the last eight bytes again, overlapping what was checked.
  if (i < text.size() && i + 8 > text.size() && text.size() >= 8 && plain8(text.size() - 8)) {
    return text.size();
  }
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') break;
    ++i;
  }
  return i;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  const std::size_t start = out.size();
  std::size_t i = plain_prefix(text, 0);
  if (i == text.size()) {  // nothing to escape, as nearly always: one copy
    out.resize(start + text.size() + 2);
    char* p = out.data() + start;
    p[0] = '"';
    if (!text.empty()) std::memcpy(p + 1, text.data(), text.size());
    p[text.size() + 1] = '"';
    return;
  }
  out += '"';
  std::size_t plain = 0;  // start of the run not yet copied
  while (i < text.size()) {
    i = plain_prefix(text, i);
    if (i == text.size()) break;
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      std::size_t n = utf8_sequence(text, i);
      if (n == 0) {
        // Invalid UTF-8 is rare: nlohmann's own replacement rules decide it.
        out.resize(start);
        out += nlohmann::json(std::string(text))
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      i += n;
      continue;
    }
    out.append(text.data() + plain, i - plain);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        static constexpr char hex[] = "0123456789abcdef";
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 0xF];
      }
    }
    plain = ++i;
  }
  out.append(text.data() + plain, text.size() - plain);
  out += '"';
}

void JsonWriter::newline_indent(std::size_t depth) {
  out_ += '\n';
  out_.append(depth * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_elements_.empty()) return;  // the document itself
  if (has_elements_.back()) out_ += ',';
  has_elements_.back() = true;
  if (indent_ >= 0) newline_indent(has_elements_.size());
}

void JsonWriter::key(std::string_view name) {
  before_value();
  append_json_string(out_, name);
  if (indent_ >= 0) {
    out_.append(": ", 2);
  } else {
    out_.push_back(':');
  }
  after_key_ = true;
}

void JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  has_elements_.push_back(false);
}

void JsonWriter::end_object() {
  bool any = has_elements_.back();
  has_elements_.pop_back();
  if (any && indent_ >= 0) newline_indent(has_elements_.size());
  out_ += '}';
}

void JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  has_elements_.push_back(false);
}

void JsonWriter::end_array() {
  bool any = has_elements_.back();
  has_elements_.pop_back();
  if (any && indent_ >= 0) newline_indent(has_elements_.size());
  out_ += ']';
}

void JsonWriter::value(std::string_view text) {
  before_value();
  append_json_string(out_, text);
}

void JsonWriter::value(bool b) {
  before_value();
  out_ += b ? "true" : "false";
}

void JsonWriter::integer(std::int64_t n) {
  before_value();
  std::array<char, 24> buf{};
  auto end = std::to_chars(buf.data(), buf.data() + buf.size(), n).ptr;
  out_.append(buf.data(), end);
}

void JsonWriter::value(std::size_t n) {
  before_value();
  std::array<char, 24> buf{};
  auto end = std::to_chars(buf.data(), buf.data() + buf.size(), n).ptr;
  out_.append(buf.data(), end);
}

void JsonWriter::value(double x) {
  before_value();
  if (!std::isfinite(x)) {
    out_ += "null";
    return;
  }
  // nlohmann's own float formatter (the one dump uses), for identical digits.
  std::array<char, 64> buf{};
  char* end = nlohmann::detail::to_chars(buf.data(), buf.data() + buf.size(), x);
  out_.append(buf.data(), end);
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

}  // namespace mofcheck

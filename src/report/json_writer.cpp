// SPDX-License-Identifier: Apache-2.0
#include "report/json_writer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
// (glibc's <sys/platform/x86.h> is C that g++ accepts and clang++ does not:
// the fuzzers, built with clang, scan 16 bytes at a time.)
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && \
    __has_include(<sys/platform/x86.h>)
#include <immintrin.h>
#include <sys/platform/x86.h>
#define MOFCHECK_AVX2_SCAN 1
#endif

#include <nlohmann/json.hpp>

#include "util/utf8.hpp"

namespace mofcheck {

namespace {

// The bytes a JSON string holds as they are: printable ASCII (DEL included,
// as nlohmann writes it) other than '"' and '\\'.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> t{};
  for (std::size_t c = 0x20; c < 0x80; ++c) t[c] = c != '"' && c != '\\';
  return t;
}();

#if defined(MOFCHECK_AVX2_SCAN)
// Bit k set when byte k of the 32 at `p` is not plain.
[[gnu::target("avx2")]] inline std::uint32_t stops32(const char* p) {
  const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  // Bytes from 0x80 on are negative as signed: one compare finds them and the controls.
  const __m256i bad =
      _mm256_or_si256(_mm256_cmpgt_epi8(_mm256_set1_epi8(0x20), x),
                      _mm256_or_si256(_mm256_cmpeq_epi8(x, _mm256_set1_epi8('"')),
                                      _mm256_cmpeq_epi8(x, _mm256_set1_epi8('\\'))));
  return static_cast<std::uint32_t>(_mm256_movemask_epi8(bad));
}

// plain_prefix() thirty-two bytes at a time, on processors with AVX2 (asked
// once at run time: the build targets every x86-64). Reports repeat long
// reasons and advice, which this halves the steps of.
[[gnu::target("avx2")]] std::size_t plain_prefix_avx2(const char* p, std::size_t n, std::size_t i) {
  for (; i + 32 <= n; i += 32) {
    if (std::uint32_t m = stops32(p + i)) return i + static_cast<std::size_t>(__builtin_ctz(m));
  }
  if (i == n) return n;
  // The short tail: the last thirty-two bytes, less those before `i`.
  const std::size_t last = n - 32;
  const std::uint32_t m = stops32(p + last) >> (i - last) << (i - last);
  return m == 0 ? n : last + static_cast<std::size_t>(__builtin_ctz(m));
}

// glibc's answer, found when the program started (no cpuid here: in a
// virtual machine each costs an exit to the host).
bool has_avx2() {
  static const bool yes = CPU_FEATURE_ACTIVE(AVX2);
  return yes;
}
#endif

// The first index from `i` on holding a byte that is not plain; sixteen bytes
// at a time where SSE2 is there (most text is plain), 32 with AVX2.
std::size_t plain_prefix(std::string_view text, std::size_t i) {
  const char* p = text.data();
  const std::size_t n = text.size();
#if defined(MOFCHECK_AVX2_SCAN)
  if (n >= 32 && has_avx2()) return plain_prefix_avx2(p, n, i);
#endif
#if defined(__SSE2__)
  if (n >= 16) {
    const __m128i space = _mm_set1_epi8(0x20);
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    // Bytes from 0x80 on are negative as signed: one compare finds them and the controls.
    auto stops = [&](std::size_t at) {
      __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
      __m128i bad =
          _mm_or_si128(_mm_cmplt_epi8(x, space),
                       _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)));
      return static_cast<unsigned>(_mm_movemask_epi8(bad));
    };
    for (; i + 16 <= n; i += 16) {
      if (unsigned m = stops(i)) return i + static_cast<std::size_t>(__builtin_ctz(m));
    }
    if (i == n) return n;
    // The short tail: the last sixteen bytes, less those before `i`.
    const std::size_t last = n - 16;
    unsigned m = stops(last) >> (i - last) << (i - last);
    return m == 0 ? n : last + static_cast<std::size_t>(__builtin_ctz(m));
  }
#endif
  while (i < n && kPlain[static_cast<unsigned char>(p[i])]) ++i;
  return i;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  JsonWriter w(out);
  w.value(text);
}

void JsonWriter::grow(std::size_t n) {
  const std::size_t used = p_ ? static_cast<std::size_t>(p_ - out_.data()) : out_.size();
  // resize() zero-fills the room, so it grows by what was written so far
  // (at least 4 kB): a document costs about twice its size in fills, not the
  // whole capacity an earlier, larger one left behind for every record.
  std::size_t want = used + n + std::max<std::size_t>(4096, used);
  if (want > out_.capacity()) want = std::max(want, 2 * used);
  out_.resize(want);
  p_ = out_.data() + used;
  end_ = out_.data() + out_.size();
}

void JsonWriter::sync() {
  if (!p_ || in_room_) return;
  out_.resize(static_cast<std::size_t>(p_ - out_.data()));
  p_ = end_ = nullptr;
}

void JsonWriter::newline_indent(std::size_t depth) {
  const std::size_t n = depth * static_cast<std::size_t>(indent_);
  char* p = room(n + 1);
  *p = '\n';
  std::memset(p + 1, ' ', n);
  p_ = p + n + 1;
}

void JsonWriter::separate_indented() {
  if (next_ == Next::element) put(',');
  newline_indent(depth_);
}

void JsonWriter::close(char bracket) {
  const bool any = next_ != Next::first;
  --depth_;
  if (any && indent_ >= 0) newline_indent(depth_);
  put(bracket);
  end_value();
}

void JsonWriter::escaped_key(std::string_view name) {
  string(name);
  if (indent_ >= 0) {
    literal(": ", 2);
  } else {
    put(':');
  }
}

void JsonWriter::string(std::string_view text) {
  const std::size_t n = text.size();
  std::size_t i = plain_prefix(text, 0);
  if (i == n) {  // nothing to escape, as nearly always: one copy
    char* p = room(n + 2);
    *p++ = '"';
    std::memcpy(p, text.data(), n);
    p += n;
    *p++ = '"';
    p_ = p;
    return;
  }
  put('"');
  const std::size_t start = static_cast<std::size_t>(p_ - out_.data()) - 1;
  std::size_t plain = 0;  // start of the run not yet copied
  while (i < n) {
    i = plain_prefix(text, i);
    if (i == n) break;
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      std::size_t len = utf8_length(text, i);
      if (len == 0) {
        // Invalid UTF-8 is rare: nlohmann's own replacement rules decide it.
        p_ = out_.data() + start;
        std::string dumped = nlohmann::json(std::string(text))
                                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        literal(dumped.data(), dumped.size());
        return;
      }
      i += len;
      continue;
    }
    literal(text.data() + plain, i - plain);
    switch (c) {
      case '"':
        literal("\\\"", 2);
        break;
      case '\\':
        literal("\\\\", 2);
        break;
      case '\b':
        literal("\\b", 2);
        break;
      case '\f':
        literal("\\f", 2);
        break;
      case '\n':
        literal("\\n", 2);
        break;
      case '\r':
        literal("\\r", 2);
        break;
      case '\t':
        literal("\\t", 2);
        break;
      default: {
        static constexpr char hex[] = "0123456789abcdef";
        char* p = room(6);
        std::memcpy(p, "\\u00", 4);
        p[4] = hex[c >> 4];
        p[5] = hex[c & 0xF];
        p_ = p + 6;
      }
    }
    plain = ++i;
  }
  literal(text.data() + plain, n - plain);
  put('"');
}

void JsonWriter::integer(std::int64_t n) {
  before_value();
  char* p = room(24);
  p_ = std::to_chars(p, p + 24, n).ptr;
  end_value();
}

void JsonWriter::value(std::size_t n) {
  before_value();
  char* p = room(24);
  p_ = std::to_chars(p, p + 24, n).ptr;
  end_value();
}

void JsonWriter::value(double x) {
  before_value();
  if (!std::isfinite(x)) {
    literal("null", 4);
  } else {
    // nlohmann's own float formatter (the one dump uses), for identical digits.
    char* p = room(64);
    p_ = nlohmann::detail::to_chars(p, p + 64, x);
  }
  end_value();
}

}  // namespace mofcheck

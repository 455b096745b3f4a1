// SPDX-License-Identifier: Apache-2.0
// Eight-bytes-at-a-time tests for scanning long runs of plain ASCII text
// (the common case) without looking at each byte. Private.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace mofcheck::ascii {

inline constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
inline constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

/// The eight bytes of `text` from `i` on as one word (needs i + 8 <= size).
inline std::uint64_t load8(std::string_view text, std::size_t i) {
  std::uint64_t x;
  std::memcpy(&x, text.data() + i, 8);
  return x;
}

/// Nonzero when some byte of `x` is below `n` (n <= 0x80). May also flag a
/// byte above a true hit, never a word without one.
inline std::uint64_t any_below(std::uint64_t x, unsigned n) {
  return (x - kOnes * n) & ~x & kHighs;
}

/// Nonzero when some byte of `x` equals `c`.
inline std::uint64_t any_equal(std::uint64_t x, unsigned char c) {
  return any_below(x ^ (kOnes * c), 1);
}

/// Nonzero when some byte of `x` is 0x80 or above.
inline std::uint64_t any_high(std::uint64_t x) {
  return x & kHighs;
}

}  // namespace mofcheck::ascii

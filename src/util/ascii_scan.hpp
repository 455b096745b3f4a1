// SPDX-License-Identifier: Apache-2.0
// Eight-bytes-at-a-time tests for scanning long runs of plain ASCII text
// (the common case) without looking at each byte. Private.
#pragma once

#include <bit>
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

/// How many bytes of the eight load8() gave can be skipped before the first
/// one flagged in `mask` (a nonzero result of the tests above). On a
/// little-endian machine the lowest flag is always a true hit (a borrow
/// only runs towards later bytes); elsewhere none is skipped.
inline std::size_t first_flagged(std::uint64_t mask) {
  if constexpr (std::endian::native == std::endian::little) {
    return static_cast<std::size_t>(std::countr_zero(mask)) >> 3;
  } else {
    return 0;
  }
}

}  // namespace mofcheck::ascii

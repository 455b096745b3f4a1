// SPDX-License-Identifier: Apache-2.0
// ASCII string helpers shared by the library. Private.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mofcheck::text {

inline char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

/// Space, tab, line feed, carriage return, form feed, vertical tab.
inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// `s` without leading and trailing is_space() bytes.
inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

/// Edit distance for "did you mean" suggestions: insertions, deletions,
/// substitutions and swaps of two neighbouring bytes ("MTI" -> "MIT") each
/// cost 1 (optimal string alignment). Stops early and returns `cap` + 1 once
/// the distance is known to exceed `cap`.
std::size_t edit_distance(std::string_view a, std::string_view b,
                          std::size_t cap = static_cast<std::size_t>(-1) / 2);

}  // namespace mofcheck::text

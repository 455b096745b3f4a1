// SPDX-License-Identifier: Apache-2.0
#include "cli/input_limits.hpp"

#include <limits>
#include <string>

#include "util/text_util.hpp"

namespace mofcheck {

namespace {

// Bounds on the limits themselves, so a flag cannot switch a guard off:
// a document over 1 GiB or nested deeper than 1000 levels is refused.
constexpr std::size_t kMaxInputSize = std::size_t{1} << 30;
constexpr std::size_t kMaxDepth = 1000;
constexpr std::size_t kMaxComponents = 100000;

std::string show_bytes(std::size_t n) {
  if (n % (1u << 20) == 0) return std::to_string(n >> 20) + "M";
  if (n % (1u << 10) == 0) return std::to_string(n >> 10) + "K";
  return std::to_string(n);
}

// A CLI11 validator-and-transform for a byte count.
CLI::Validator byte_size(std::size_t max) {
  return CLI::Validator(
      [max](std::string& value) -> std::string {
        auto n = parse_byte_size(value, max);
        if (!n) {
          return "expected a size such as 65536, 512K or 64M, from 1 byte to " + show_bytes(max) +
                 "; got '" + value + "'";
        }
        value = std::to_string(*n);
        return {};
      },
      "SIZE");
}

CLI::Validator count(std::size_t max) {
  return CLI::Validator(
      [max](std::string& value) -> std::string {
        std::size_t n = 0;
        bool ok = !value.empty() && value.size() <= 9;
        for (char c : value) {
          ok = ok && c >= '0' && c <= '9';
          if (ok) n = n * 10 + static_cast<std::size_t>(c - '0');
        }
        if (!ok || n == 0 || n > max) {
          return "expected a whole number from 1 to " + std::to_string(max) + "; got '" + value +
                 "'";
        }
        return {};
      },
      "N");
}

}  // namespace

std::optional<std::size_t> parse_byte_size(std::string_view text, std::size_t max) {
  std::size_t digits = 0;
  std::size_t n = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
    if (n > max) return std::nullopt;
    n = n * 10 + static_cast<std::size_t>(text[digits] - '0');
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  std::string unit = text::lower(text.substr(digits));
  unsigned shift = 0;
  if (unit.empty() || unit == "b") {
    shift = 0;
  } else if (unit == "k" || unit == "kb" || unit == "kib") {
    shift = 10;
  } else if (unit == "m" || unit == "mb" || unit == "mib") {
    shift = 20;
  } else if (unit == "g" || unit == "gb" || unit == "gib") {
    shift = 30;
  } else {
    return std::nullopt;
  }
  if (n == 0 || n > (max >> shift)) return std::nullopt;
  return n << shift;
}

void add_limit_options(CLI::App& app, ReadLimits& limits) {
  const std::string group = "Limits on hostile input (exceeding one is an error, exit 2)";
  app.add_option("--max-input-size", limits.max_bytes, "Largest manifest, in bytes (K, M, G)")
      ->transform(byte_size(kMaxInputSize))
      ->type_name("SIZE")
      ->default_str(show_bytes(limits.max_bytes))
      ->group(group);
  app.add_option("--max-depth", limits.max_depth, "Deepest nesting of lists and mappings")
      ->transform(count(kMaxDepth))
      ->type_name("N")
      ->capture_default_str()
      ->group(group);
  app.add_option("--max-components", limits.max_components, "Most entries in release.components")
      ->transform(count(kMaxComponents))
      ->type_name("N")
      ->capture_default_str()
      ->group(group);
  app.add_option("--max-string-length", limits.max_string,
                 "Longest string (a name, license or key), in bytes (K, M, G)")
      ->transform(byte_size(kMaxInputSize))
      ->type_name("SIZE")
      ->default_str(show_bytes(limits.max_string))
      ->group(group);
}

}  // namespace mofcheck

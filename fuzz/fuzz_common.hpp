// SPDX-License-Identifier: Apache-2.0
// Shared by the fuzz targets: any exception other than mofcheck::Error is a
// bug (an uncaught exception in the CLI), so it aborts and libFuzzer keeps
// the input.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string_view>

#include <mofcheck/error.hpp>

namespace mofcheck::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Runs `body`; returns normally for mofcheck::Error, aborts for anything else.
template <typename Body>
void expect_only_errors(Body&& body) {
  try {
    body();
  } catch (const Error&) {
    // An invalid input, reported as such: the expected outcome.
  } catch (const std::exception& e) {
    std::fprintf(stderr, "uncaught exception: %s\n", e.what());
    std::abort();
  }
}

}  // namespace mofcheck::fuzz

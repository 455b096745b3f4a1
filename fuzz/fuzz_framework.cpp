// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: the framework definition loader.
#include <mofcheck/framework.hpp>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  mofcheck::fuzz::expect_only_errors(
      [&] { (void)mofcheck::parse_framework(mofcheck::fuzz::as_text(data, size), "fuzz-input"); });
  return 0;
}

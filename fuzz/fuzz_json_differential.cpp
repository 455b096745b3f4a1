// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: the library's JSON reader (bytes check and the full
// reader's parser) and its plain fast path against simdjson's DOM parser
// on the raw document (json_differential.hpp says what must agree).
#include <cstdio>
#include <cstdlib>

#include "fuzz_common.hpp"
#include "json_differential.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = mofcheck::fuzz::as_text(data, size);
  std::string difference;
  mofcheck::fuzz::expect_only_errors([&] { difference = mofcheck::fuzz::json_differential(text); });
  if (!difference.empty()) {
    std::fprintf(stderr, "JSON readers disagree: %s\n", difference.c_str());
    std::abort();
  }
  return 0;
}

// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: the JSON manifest reader (and what runs after it).
#include "fuzz_manifest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  mofcheck::fuzz::check_manifest(mofcheck::fuzz::as_text(data, size), mofcheck::InputSyntax::json);
  return 0;
}

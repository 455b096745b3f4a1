// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: the JSON manifest reader (and what runs after it), and
// the plain JSON path held to the full reader's answers: whenever it takes
// an input, the full reader must accept it and read the same fields.
#include <cstdio>
#include <cstdlib>

#include "fuzz_manifest.hpp"
#include "manifest/json_fast_path.hpp"
#include "manifest/manifest_dump.hpp"
#include "manifest/manifest_full_reader.hpp"

namespace {

void check_plain_path(std::string_view text) {
  mofcheck::Manifest fast;
  if (!mofcheck::read_plain_json_manifest(text, "fuzz-input", {}, fast)) return;
  std::string full;
  try {
    full = mofcheck::dump_manifest(
        mofcheck::read_manifest_fully(text, "fuzz-input", mofcheck::InputSyntax::json, {}));
  } catch (const mofcheck::Error& e) {
    std::fprintf(stderr, "the plain path took an input the full reader rejects: %s\n", e.what());
    std::abort();
  }
  if (full != mofcheck::dump_manifest(fast)) {
    std::fprintf(stderr, "the plain path read differently:\n--- full\n%s--- plain\n%s",
                 full.c_str(), mofcheck::dump_manifest(fast).c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = mofcheck::fuzz::as_text(data, size);
  mofcheck::fuzz::check_manifest(text, mofcheck::InputSyntax::json);
  check_plain_path(text);
  return 0;
}

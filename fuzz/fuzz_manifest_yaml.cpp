// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: the YAML manifest reader (and what runs after it); and
// the plain YAML path, which must read whatever it takes as the full reader
// does.
#include <cstdio>
#include <cstdlib>

#include "fuzz_manifest.hpp"
#include "manifest/manifest_dump.hpp"
#include "manifest/manifest_full_reader.hpp"
#include "manifest/yaml_fast_path.hpp"
#include "util/text_encoding.hpp"

namespace {

void check_plain_path(std::string_view text) {
  using namespace mofcheck;
  // parse_manifest checks the encoding before the plain path runs.
  try {
    check_text_encoding(text, "fuzz-input", TextRules::any);
  } catch (const Error&) {
    return;
  }
  Manifest fast;
  if (!read_plain_yaml_manifest(text, "fuzz-input", {}, fast)) return;
  Manifest full;
  try {
    full = read_manifest_fully(text, "fuzz-input", InputSyntax::yaml, {});
  } catch (const Error& e) {
    std::fprintf(stderr, "the plain YAML path took a text the full reader rejects: %s\n", e.what());
    std::abort();
  }
  if (dump_manifest(fast) != dump_manifest(full)) {
    std::fprintf(stderr, "the plain YAML path reads otherwise:\n%s\n---\n%s\n",
                 dump_manifest(fast).c_str(), dump_manifest(full).c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = mofcheck::fuzz::as_text(data, size);
  mofcheck::fuzz::check_manifest(text, mofcheck::InputSyntax::yaml);
  check_plain_path(text);
  return 0;
}

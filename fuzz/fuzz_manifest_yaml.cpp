// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: the YAML manifest reader (and what runs after it); and
// the plain YAML path, with events from the block scanner and from
// libfyaml, which must read whatever it takes as the full reader does.
#include <cstdio>
#include <cstdlib>

#include "fuzz_manifest.hpp"
#include "manifest/manifest_dump.hpp"
#include "manifest/manifest_full_reader.hpp"
#include "manifest/yaml_fast_path.hpp"
#include "util/text_encoding.hpp"

namespace {

void compare_to_full(std::string_view text, const mofcheck::Manifest& fast);

void check_plain_path(std::string_view text) {
  using namespace mofcheck;
  // parse_manifest checks the encoding before the plain path runs.
  try {
    check_text_encoding(text, "fuzz-input", TextRules::any);
  } catch (const Error&) {
    return;
  }
  for (PlainYamlEvents from : {PlainYamlEvents::block_scanner, PlainYamlEvents::libfyaml}) {
    Manifest fast;
    if (read_plain_yaml_manifest(text, "fuzz-input", {}, fast, from)) compare_to_full(text, fast);
  }
}

void compare_to_full(std::string_view text, const mofcheck::Manifest& fast) {
  using namespace mofcheck;
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

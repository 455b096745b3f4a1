// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: the SPDX expression parser and the license assessment.
// Besides "never crashes", it checks that the canonical text of a parsed
// expression parses again to the same canonical text.
#include <mofcheck/license.hpp>
#include <mofcheck/spdx.hpp>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mofcheck;
  std::string_view text = fuzz::as_text(data, size);
  fuzz::expect_only_errors([&] {
    spdx::ParseResult parsed = spdx::parse(text);
    if (parsed.ok()) {
      std::string canonical = spdx::to_string(parsed.expression);
      spdx::ParseResult again = spdx::parse(canonical);
      if (!again.ok() || spdx::to_string(again.expression) != canonical) {
        std::fprintf(stderr, "canonical form does not round-trip: '%s'\n", canonical.c_str());
        std::abort();
      }
    }
    for (ContentType type : {ContentType::code, ContentType::data, ContentType::document}) {
      (void)LicenseDb::builtin().assess(text, type);
    }
  });
  return 0;
}

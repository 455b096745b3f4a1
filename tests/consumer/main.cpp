// SPDX-License-Identifier: Apache-2.0
// Evaluates a manifest given as text through the installed library.
#include <iostream>

#include <mofcheck/evaluate.hpp>
#include <mofcheck/framework.hpp>
#include <mofcheck/license.hpp>
#include <mofcheck/manifest.hpp>

int main() {
  const char* text =
      R"json({"release": {"name": "tiny", "license": {"distribution": {"name": "Apache-2.0"}},
    "components": [{"name": "Model architecture"}, {"name": "Model parameters (Final)"},
      {"name": "Model card"}, {"name": "Data card"}, {"name": "Technical report"},
      {"name": "Evaluation results"}]}})json";
  auto manifest = mofcheck::parse_manifest(text, "inline.json");
  auto ev =
      mofcheck::evaluate(manifest, mofcheck::builtin_framework(), mofcheck::LicenseDb::builtin());
  std::cout << ev.framework->label(ev.model_class) << '\n';
  return ev.model_class == 3 ? 0 : 1;
}

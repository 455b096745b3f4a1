// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/manifest.hpp>

#include <gtest/gtest.h>

namespace mofcheck {
namespace {

constexpr const char* json_text = R"({
  "framework": {"name": "Model Openness Framework", "version": "1.0", "date": "2024-12-15"},
  "release": {
    "name": "demo",
    "version": "7B",
    "producer": "Lab",
    "license": {"distribution": {"name": "Apache-2.0", "path": "LICENSE"}},
    "components": [
      {"name": "Model card", "license": "CC-BY-4.0"},
      {"name": "Model architecture", "component_path": "src/"}
    ]
  }
}
)";

constexpr const char* yaml_text = R"(framework:
  name: 'Model Openness Framework'
  version: '1.0'
release:
  name: demo
  version: 7B
  producer: Lab
  license:
    distribution:
      name: Apache-2.0
      path: LICENSE
  components:
    - name: Model card
      license: CC-BY-4.0
    - name: Model architecture
      component_path: src/
)";

TEST(Manifest, JsonFieldsAndPositions) {
  Manifest m = parse_manifest(json_text, "m.json");
  EXPECT_EQ(m.name.value, "demo");
  EXPECT_EQ(m.version.value, "7B");
  EXPECT_EQ(m.producer.value, "Lab");
  EXPECT_EQ(m.framework_version.value, "1.0");
  EXPECT_EQ(m.license_distribution.name.value, "Apache-2.0");
  EXPECT_EQ(m.license_distribution.name.where.line, 7);
  ASSERT_EQ(m.components.size(), 2u);
  EXPECT_EQ(m.components[0].name.value, "Model card");
  EXPECT_EQ(m.components[0].where.line, 9);
  EXPECT_EQ(m.components[0].where.column, 7);
  EXPECT_TRUE(m.components[0].license.present);
  EXPECT_EQ(m.components[0].license.value, "CC-BY-4.0");
  EXPECT_EQ(m.components[0].license.where.line, 9);
  EXPECT_EQ(m.components[0].license.where.column, 41);
  EXPECT_FALSE(m.components[1].license.present);
  EXPECT_EQ(m.components[1].component_path.value, "src/");
  EXPECT_EQ(m.release_where.line, 3);
  EXPECT_TRUE(m.diagnostics.empty());
}

TEST(Manifest, YamlGivesTheSameManifestWithItsOwnPositions) {
  Manifest m = parse_manifest(yaml_text, "m.yml");
  EXPECT_EQ(m.name.value, "demo");
  EXPECT_EQ(m.license_distribution.name.value, "Apache-2.0");
  ASSERT_EQ(m.components.size(), 2u);
  EXPECT_EQ(m.components[0].name.value, "Model card");
  EXPECT_EQ(m.components[0].where.line, 13);
  EXPECT_EQ(m.components[0].license.value, "CC-BY-4.0");
  EXPECT_EQ(m.components[0].license.where.line, 14);
  EXPECT_EQ(m.components[0].license.where.column, 16);
  EXPECT_EQ(m.components[1].where.line, 15);
}

TEST(Manifest, SyntaxIsChosenByContentNotName) {
  EXPECT_EQ(parse_manifest(yaml_text, "looks.json").name.value, "demo");
  EXPECT_EQ(parse_manifest(json_text, "looks.yaml").name.value, "demo");
}

TEST(Manifest, ByteOrderMarkIsAccepted) {
  EXPECT_EQ(parse_manifest(std::string("\xEF\xBB\xBF") + json_text, "bom.json").name.value, "demo");
}

TEST(Manifest, MotEmptyLicenseListMeansNoGlobalLicense) {
  Manifest m = parse_manifest("release:\n  name: x\n  license: []\n", "m.yml");
  EXPECT_FALSE(m.license_distribution.present);
}

TEST(Manifest, EarlierMotKeySpellingsAreRead) {
  Manifest m = parse_manifest(
      "release:\n  name: x\n  github: https://example.org/x\n  components:\n"
      "    - name: Model card\n      location: README.md\n      license_name: CC-BY-4.0\n",
      "old.yml");
  EXPECT_EQ(m.repository.value, "https://example.org/x");
  ASSERT_EQ(m.components.size(), 1u);
  EXPECT_TRUE(m.components[0].license.present);
  EXPECT_EQ(m.components[0].license.value, "CC-BY-4.0");
  EXPECT_EQ(m.components[0].component_path.value, "README.md");
  EXPECT_TRUE(m.diagnostics.empty());
}

TEST(Manifest, CurrentSpellingWinsOverTheEarlierOne) {
  Manifest m = parse_manifest(
      "release:\n  name: x\n  components:\n"
      "    - name: Model card\n      license: MIT\n      license_name: CC-BY-4.0\n",
      "both.yml");
  EXPECT_EQ(m.components[0].license.value, "MIT");
  ASSERT_EQ(m.diagnostics.size(), 1u);
  EXPECT_EQ(m.diagnostics[0].message,
            "'release.components[0].license_name' is ignored because 'license' is given too");
}

TEST(Manifest, NumbersForStringsAreWarnings) {
  Manifest m = parse_manifest(R"({"release": {"name": "x", "version": 2}})", "m.json");
  EXPECT_EQ(m.version.value, "2");
  ASSERT_EQ(m.diagnostics.size(), 1u);
  EXPECT_EQ(m.diagnostics[0].code, "not-a-string");
  EXPECT_EQ(m.diagnostics[0].message,
            "'release.version' is a number; write it as a string (\"2\")");
}

TEST(Manifest, UnknownKeysAreWarningsWithTheirPosition) {
  Manifest m = parse_manifest("release:\n  name: x\n  licence: MIT\n", "m.yml");
  ASSERT_EQ(m.diagnostics.size(), 1u);
  EXPECT_EQ(m.diagnostics[0].code, "unknown-key");
  EXPECT_EQ(m.diagnostics[0].where.line, 3);
  EXPECT_EQ(m.diagnostics[0].where.column, 3);
}

struct BadManifest {
  const char* text;
  const char* message;
};

class ManifestErrors : public ::testing::TestWithParam<BadManifest> {};

TEST_P(ManifestErrors, SayWhatAndWhere) {
  try {
    parse_manifest(GetParam().text, "bad");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), GetParam().message);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Structure, ManifestErrors,
    ::testing::Values(
        BadManifest{"{\"release\": {\"name\": }}",
                    "bad:1:22: invalid JSON: unexpected '}'; expected '[', '{', or a literal"},
        BadManifest{"{\"release\": {\"name\": \"a\", \"name\": \"b\"}}",
                    "bad:1:27: duplicate key \"name\" (first written at line 1); a manifest must "
                    "say each thing once"},
        BadManifest{"{\"framework\": {}}",
                    "bad:1:1: the manifest has no 'release' section; add release.name and "
                    "release.components"},
        BadManifest{"[1, 2]",
                    "bad:1:1: a manifest must be a mapping with 'framework' and 'release'; this "
                    "JSON document is a list"},
        BadManifest{"{\"release\": {\"version\": \"1\"}}",
                    "bad:1:13: 'release.name' is required: give the model's name"},
        BadManifest{"{\"release\": {\"name\": \"x\", \"components\": {\"name\": \"Model card\"}}}",
                    "bad:1:41: 'release.components' must be a list of components, not a mapping"},
        BadManifest{"{\"release\": {\"name\": \"x\", \"components\": [\"Model card\"]}}",
                    "bad:1:42: 'release.components[0]' must be a mapping, not a string"},
        BadManifest{"{\"release\": {\"name\": \"x\", \"components\": [{\"license\": \"MIT\"}]}}",
                    "bad:1:42: 'release.components[0]' has no 'name'; name the component"},
        BadManifest{"{\"release\": {\"name\": [\"x\"]}}",
                    "bad:1:22: 'release.name' must be a string, not a list"},
        BadManifest{"release:\n  name: x\n  components: 3\n",
                    "bad:3:15: 'release.components' must be a list of components, not a string"},
        BadManifest{"release: [a\n",
                    "bad:2:1: invalid YAML: flow sequence without a closing bracket"},
        BadManifest{"release:\n  name: a\n  name: b\n",
                    "bad:3:3: duplicate key \"name\" (first written at line 2); a manifest must "
                    "say each thing once"}));

}  // namespace
}  // namespace mofcheck

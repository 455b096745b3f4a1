// SPDX-License-Identifier: Apache-2.0
// The manifest schema table is the one list of fields: a manifest that sets
// every field of the table, written from the table itself, must be read
// whole by both readers (JSON plain path and full reader, YAML too), and
// every field must reach its member, the dump and offset_positions.
#include "manifest/manifest_fields.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>

#include "manifest/json_fast_path.hpp"
#include "manifest/manifest_dump.hpp"
#include "manifest/manifest_full_reader.hpp"

namespace mofcheck {
namespace {

// Each field's value names its path, so a field read into the wrong member shows.
template <typename Table>
std::string members(const Table& table, const std::string& path) {
  std::string out;
  for (const auto& f : table) {
    if (!out.empty()) out += ", ";
    out += "\"" + std::string(f.key) + "\": \"" + path + std::string(f.key) + "\"";
  }
  return out;
}

std::string every_field_json() {
  std::string globals;
  for (const auto& g : schema::kGlobalLicenses) {
    if (!globals.empty()) globals += ",\n      ";
    globals += "\"" + std::string(g.key) + "\": {" +
               members(schema::kGlobalLicense, "license." + std::string(g.key) + ".") + "}";
  }
  return "{\n  \"framework\": {" + members(schema::kFramework, "framework.") +
         "},\n  \"release\": {\n    " + members(schema::kRelease, "release.") + ",\n    \"" +
         std::string(schema::kLicenseKey) + "\": {\n      " + globals + "\n    },\n    \"" +
         std::string(schema::kComponentsKey) + "\": [\n      {" +
         members(schema::kComponent, "c0.") + "},\n      {" + members(schema::kComponent, "c1.") +
         "}\n    ]\n  }\n}\n";
}

TEST(ManifestFields, BothReadersReadEveryFieldOfTheTable) {
  const std::string text = every_field_json();
  Manifest fast;
  ASSERT_TRUE(read_plain_json_manifest(text, "all.json", {}, fast)) << text;
  Manifest full = read_manifest_fully(text, "all.json", InputSyntax::json, {});
  EXPECT_EQ(dump_manifest(fast), dump_manifest(full));
  EXPECT_TRUE(full.diagnostics.empty());

  std::set<std::string> values;
  std::size_t fields = 0;
  schema::for_each_field(full, [&](const Field& f) {
    ++fields;
    EXPECT_TRUE(f.present);
    EXPECT_GT(f.where.line, 0);
    values.insert(f.value);
  });
  const std::size_t expected = schema::kFramework.size() + schema::kRelease.size() +
                               schema::kGlobalLicenses.size() * schema::kGlobalLicense.size() +
                               2 * schema::kComponent.size();
  EXPECT_EQ(fields, expected);
  EXPECT_EQ(values.size(), expected) << "two fields share a member";
  EXPECT_EQ(full.name.value, "release.name");
  EXPECT_EQ(full.components[1].license.value, "c1.license");
  EXPECT_EQ(full.license_data.path.value, "license.data.path");
  EXPECT_TRUE(full.components[0].license.quoted);
  EXPECT_TRUE(full.license_code.name.quoted);
  EXPECT_FALSE(full.license_code.path.quoted);
  // Every field appears in the dump with its value.
  const std::string dump = dump_manifest(full);
  for (const std::string& v : values) EXPECT_NE(dump.find("[" + v + "]"), std::string::npos) << v;
}

TEST(ManifestFields, TheYamlReadingMatchesTheJsonOne) {
  // JSON is YAML: the YAML reader reads the same text into the same fields.
  const std::string text = every_field_json();
  Manifest json = read_manifest_fully(text, "all", InputSyntax::json, {});
  Manifest yaml = read_manifest_fully(text, "all", InputSyntax::yaml, {});
  EXPECT_EQ(dump_manifest(json), dump_manifest(yaml));
}

TEST(ManifestFields, OffsetPositionsMovesEveryField) {
  Manifest m = read_manifest_fully(every_field_json(), "all", InputSyntax::json, {});
  Manifest moved = m;
  offset_positions(moved, 11, 1);
  std::vector<int> before, after;
  schema::for_each_field(m, [&](const Field& f) { before.push_back(f.where.line); });
  schema::for_each_field(moved, [&](const Field& f) { after.push_back(f.where.line); });
  ASSERT_EQ(before.size(), after.size());
  for (std::size_t i = 0; i < before.size(); ++i) EXPECT_EQ(after[i], before[i] + 10) << i;
}

TEST(ManifestFields, KnownKeysIncludeLegacySpellingsOnlyForTheFullReader) {
  auto known = schema::keys(schema::kComponent, true);
  auto plain = schema::keys(schema::kComponent, false);
  EXPECT_EQ(plain.size(), schema::kComponent.size());
  EXPECT_NE(std::find(known.begin(), known.end(), "license_name"), known.end());
  EXPECT_EQ(std::find(plain.begin(), plain.end(), "license_name"), plain.end());
}

}  // namespace
}  // namespace mofcheck

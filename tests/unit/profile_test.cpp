// SPDX-License-Identifier: Apache-2.0
// The two profiles on the families of inputs where the MOT and SPDX
// semantics part: license spelling, expressions, the ids whose openness the
// MOT's list and the SPDX/OSI/FSF data disagree on, duplicate components,
// component names, labels and progress digits.
//
// Every expected `mot` value (class, progress to the last digit, label) was
// obtained by running the MOT's own scoring code on the same manifest text
// outside Drupal: lfai/model_openness_tool web/modules/mof/src/ModelUpdater.php
// (update, processComponentLicenses), ModelEvaluator.php (evaluate,
// getClassification, getProgress, getClassLabel), LicenseHandler.php
// (isOpenSourceLicense, isTypeAppropriate) and ComponentManager.php
// (getComponentByName), with the licenses LicenseImporter.php loads from
// licenses.json and mof-licenses.json. The `spdx` class is mof-check's own
// richer judgement.
#include <mofcheck/evaluate.hpp>
#include <mofcheck/profile.hpp>

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include <mofcheck/framework.hpp>
#include <mofcheck/license.hpp>
#include <mofcheck/manifest.hpp>

namespace mofcheck {
namespace {

struct Entry {
  std::string name;
  std::optional<std::string> license;  ///< none: inherits the global license
};

struct Input {
  std::vector<Entry> entries;
  std::optional<std::string> distribution = "Apache-2.0";
  std::optional<std::string> data;  ///< release.license.data
};

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\t') {
      out += "\\t";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

// The MOT's record format, in YAML.
std::string yaml(const Input& in) {
  std::string s =
      "framework: {name: Model Openness Framework, version: '1.0', date: '2024-12-15'}\n"
      "release:\n  name: T\n";
  if (in.distribution) {
    s += "  license:\n    distribution: {name: " + quoted(*in.distribution) + "}\n";
    if (in.data) s += "    data: {name: " + quoted(*in.data) + "}\n";
  }
  s += "  components:\n";
  for (const Entry& e : in.entries) {
    s += "    - name: " + quoted(e.name) + "\n";
    if (e.license) s += "      license: " + quoted(*e.license) + "\n";
  }
  return s;
}

const std::vector<std::string> kClass3 = {"Model architecture", "Model parameters (Final)",
                                          "Model card",         "Data card",
                                          "Technical report",   "Evaluation results"};
const std::vector<std::string> kClass2 = {"Training code", "Inference code", "Evaluation code",
                                          "Evaluation data"};
const std::vector<std::string> kClass1 = {"Data preprocessing code", "Datasets",
                                          "Model parameters (Intermediate)", "Research paper"};

std::vector<Entry> bare(const std::vector<std::string>& names, const std::string& skip = "") {
  std::vector<Entry> out;
  for (const auto& n : names) {
    if (n != skip) out.push_back({n, std::nullopt});
  }
  return out;
}

std::vector<Entry> operator+(std::vector<Entry> a, const std::vector<Entry>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// Class III's components, the model card under its own license.
Input card(const std::string& license) {
  Input in{bare(kClass3)};
  in.entries[2].license = license;
  return in;
}

// The model card listed twice.
Input duplicate(const std::string& first, std::optional<std::string> second) {
  Input in = card(first);
  in.entries.push_back({"Model card", std::move(second)});
  return in;
}

// Class III's components, the model card's name written otherwise.
Input named(const std::string& name) {
  Input in{bare(kClass3)};
  in.entries[2].name = name;
  return in;
}

// Every component of Class I, Datasets written "Dataset".
Input unknown_dataset() {
  return {bare(kClass3) + bare(kClass2) + bare(kClass1, "Datasets") + bare({"Dataset"})};
}

// Every required component down to `level`, under the distribution license.
Input cls(int level, const std::string& distribution = "Apache-2.0") {
  Input in{bare(kClass3), distribution};
  if (level <= 2) in.entries = in.entries + bare(kClass2);
  if (level <= 1) in.entries = in.entries + bare(kClass1);
  return in;
}

// Class I with the research paper standing in for the technical report.
Input paper_for_report() {
  return {bare(kClass3, "Technical report") + bare(kClass2) + bare(kClass1)};
}

// The components of class `level` itself: the first k under MIT, the rest
// under a non-commercial license; the classes above complete.
Input progress(int level, int k, bool report = true) {
  const auto& own = level == 3 ? kClass3 : level == 2 ? kClass2 : kClass1;
  std::vector<Entry> mine;
  for (std::size_t i = 0; i < own.size(); ++i) {
    mine.push_back({own[i], static_cast<int>(i) < k ? "MIT" : "CC-BY-NC-4.0"});
  }
  if (level == 3) return {mine, std::nullopt};
  std::vector<Entry> above = bare(kClass3, report ? "" : "Technical report");
  if (level == 1) above = above + bare(kClass2);
  return {above + mine};
}

Input global_data(const std::string& name) {
  Input in{bare(kClass3)};
  in.data = name;
  return in;
}

struct Case {
  const char* name;
  Input input;
  int mot_class;
  double progress[3];  ///< the MOT's, classes I, II, III
  const char* mot_label;
  int spdx_class;
};

std::ostream& operator<<(std::ostream& os, const Case& c) {
  return os << c.name;
}

class Profiles : public ::testing::TestWithParam<Case> {};

TEST_P(Profiles, MotIsTheMotAndSpdxIsRicher) {
  const Case& c = GetParam();
  Manifest m = parse_manifest(yaml(c.input), "case.yml");
  Evaluation mot = evaluate(m, builtin_framework(), LicenseDb::builtin(), Profile::mot);
  EXPECT_EQ(mot.profile, Profile::mot);
  EXPECT_EQ(mot.model_class, c.mot_class);
  // Exact: the MOT's JSON carries (k / n) * 100 to the last digit.
  EXPECT_EQ(mot.progress[1], c.progress[0]);
  EXPECT_EQ(mot.progress[2], c.progress[1]);
  EXPECT_EQ(mot.progress[3], c.progress[2]);
  EXPECT_EQ(MotRules::builtin().label(mot.model_class), c.mot_label);
  EXPECT_EQ(mot.other_class, c.spdx_class);

  Evaluation spdx = evaluate(m, builtin_framework(), LicenseDb::builtin(), Profile::spdx);
  EXPECT_EQ(spdx.profile, Profile::spdx);
  EXPECT_EQ(spdx.model_class, c.spdx_class);
  EXPECT_EQ(spdx.other_class, c.mot_class);

  // Every component the profiles judge differently is explained, in both.
  for (const Evaluation* ev : {&mot, &spdx}) {
    const Evaluation& other = ev == &mot ? spdx : mot;
    for (std::size_t i = 0; i < ev->components.size(); ++i) {
      const ComponentResult& r = ev->components[i];
      const ComponentResult& o = other.components[i];
      if (!r.listed || !o.listed || is_met(r.status) == is_met(o.status)) continue;
      const std::string& name = builtin_framework().components[i].name;
      bool explained = false;
      for (const Diagnostic& d : ev->diagnostics) {
        explained = explained || (d.code == "profile-difference" && d.component == name &&
                                  d.severity == Severity::warning);
      }
      EXPECT_TRUE(explained) << name << " under " << profile_name(ev->profile);
    }
  }
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(MotHarness, Profiles, ::testing::Values(
    Case{"class-0", cls(3, "CC-BY-NC-4.0"), 0, {0.0, 0.0, 0.0}, "Unclassified", 0},
    Case{"class-1-paper-for-report", paper_for_report(), 1, {100.0, 100.0, 100.0}, "Class I - Open Science Model", 1},
    Case{"class-1", cls(1), 1, {100.0, 100.0, 100.0}, "Class I - Open Science Model", 1},
    Case{"class-2", cls(2), 2, {71.42857142857143, 100.0, 100.0}, "Class II - Open Tooling Model", 2},
    Case{"class-3", cls(3), 3, {0.0, 60.0, 100.0}, "Class III - Open Model", 3},
    Case{"dup-closed-then-bare", duplicate("CC-BY-NC-4.0", std::nullopt), 3, {0.0, 60.0, 100.0}, "Class III - Open Model", 3},
    Case{"dup-closed-then-open", duplicate("CC-BY-NC-4.0", "MIT"), 3, {0.0, 60.0, 100.0}, "Class III - Open Model", 3},
    Case{"dup-closed-then-unlicensed", duplicate("CC-BY-NC-4.0", "unlicensed"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 0},
    Case{"dup-open-then-closed", duplicate("MIT", "CC-BY-NC-4.0"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 0},
    Case{"dup-open-then-unlicensed", duplicate("MIT", "unlicensed"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 0},
    Case{"dup-unlicensed-then-closed", duplicate("unlicensed", "CC-BY-NC-4.0"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 0},
    Case{"dup-unlicensed-then-open", duplicate("unlicensed", "MIT"), 3, {0.0, 60.0, 100.0}, "Class III - Open Model", 3},
    Case{"global-data-lower", global_data("cc-by-4.0"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 3},
    Case{"global-zero", cls(3, "0"), 0, {0.0, 0.0, 0.0}, "Unclassified", 0},
    Case{"license-alias", card("Apache 2.0"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 0},
    Case{"license-and", card("MIT AND Apache-2.0"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 3},
    Case{"license-cc-by-lower", card("cc-by-4.0"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 3},
    Case{"license-cc-by", card("CC-BY-4.0"), 3, {0.0, 60.0, 100.0}, "Class III - Open Model", 3},
    Case{"license-classpath", card("GPL-2.0-with-classpath-exception"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 0},
    Case{"license-deprecated", card("GPL-2.0+"), 3, {0.0, 60.0, 100.0}, "Class III - Open Model", 3},
    Case{"license-empty", card(""), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 0},
    Case{"license-exact", card("MIT"), 3, {0.0, 60.0, 100.0}, "Class III - Open Model", 3},
    Case{"license-gfdl-inv", card("GFDL-1.3-invariants-only"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 3},
    Case{"license-gfdl-noinv", card("GFDL-1.3-no-invariants-or-later"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 3},
    Case{"license-gfdl", card("GFDL-1.3"), 3, {0.0, 60.0, 100.0}, "Class III - Open Model", 3},
    Case{"license-llama", card("Llama 3.1 Community License"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 0},
    Case{"license-lower", card("mit"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 3},
    Case{"license-odc-pddl", card("ODC-PDDL-1.0"), 3, {0.0, 60.0, 100.0}, "Class III - Open Model", 0},
    Case{"license-openmdw-10", card("OpenMDW-1.0"), 3, {0.0, 60.0, 100.0}, "Class III - Open Model", 3},
    Case{"license-openmdw-11", card("OpenMDW-1.1"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 3},
    Case{"license-or-lower", card("mit or apache-2.0"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 3},
    Case{"license-or", card("MIT OR Apache-2.0"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 3},
    Case{"license-parens", card("(MIT)"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 3},
    Case{"license-pddl", card("PDDL-1.0"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 3},
    Case{"license-plus", card("MIT+"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 3},
    Case{"license-spaces", card(" MIT "), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 3},
    Case{"license-tab", card("MIT\t"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 3},
    Case{"license-unlicense-lower", card("unlicense"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 3},
    Case{"license-unlicense", card("Unlicense"), 3, {0.0, 60.0, 100.0}, "Class III - Open Model", 3},
    Case{"license-unlicensed", card("unlicensed"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 0},
    Case{"license-with", card("Apache-2.0 WITH LLVM-exception"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 3},
    Case{"license-zero", card("0"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 0},
    Case{"name-double", named("Model  card"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 3},
    Case{"name-lower", named("model card"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 3},
    Case{"name-space", named(" Model card"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 3},
    Case{"name-tab", named("Model\tcard"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 0},
    Case{"name-upper", named("MODEL CARD"), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 3},
    Case{"progress-1-0-of-4", progress(1, 0), 2, {71.42857142857143, 100.0, 100.0}, "Class II - Open Tooling Model", 2},
    Case{"progress-1-1-of-4", progress(1, 1), 2, {78.57142857142857, 100.0, 100.0}, "Class II - Open Tooling Model", 2},
    Case{"progress-1-2-of-4", progress(1, 2), 2, {85.71428571428571, 100.0, 100.0}, "Class II - Open Tooling Model", 2},
    Case{"progress-1-3-of-4", progress(1, 3), 2, {92.85714285714286, 100.0, 100.0}, "Class II - Open Tooling Model", 2},
    Case{"progress-1-4-of-4", progress(1, 4), 1, {100.0, 100.0, 100.0}, "Class I - Open Science Model", 1},
    Case{"progress-1-noreport-0-of-4", progress(1, 0, false), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 0},
    Case{"progress-1-noreport-1-of-4", progress(1, 1, false), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 0},
    Case{"progress-1-noreport-2-of-4", progress(1, 2, false), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 0},
    Case{"progress-1-noreport-3-of-4", progress(1, 3, false), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 0},
    Case{"progress-1-noreport-4-of-4", progress(1, 4, false), 1, {100.0, 100.0, 100.0}, "Class I - Open Science Model", 1},
    Case{"progress-2-0-of-4", progress(2, 0), 3, {0.0, 60.0, 100.0}, "Class III - Open Model", 3},
    Case{"progress-2-1-of-4", progress(2, 1), 3, {0.0, 70.0, 100.0}, "Class III - Open Model", 3},
    Case{"progress-2-2-of-4", progress(2, 2), 3, {0.0, 80.0, 100.0}, "Class III - Open Model", 3},
    Case{"progress-2-3-of-4", progress(2, 3), 3, {0.0, 90.0, 100.0}, "Class III - Open Model", 3},
    Case{"progress-2-4-of-4", progress(2, 4), 2, {71.42857142857143, 100.0, 100.0}, "Class II - Open Tooling Model", 2},
    Case{"progress-3-0-of-6", progress(3, 0), 0, {0.0, 0.0, 0.0}, "Unclassified", 0},
    Case{"progress-3-1-of-6", progress(3, 1), 0, {0.0, 0.0, 16.666666666666664}, "Unclassified", 0},
    Case{"progress-3-2-of-6", progress(3, 2), 0, {0.0, 0.0, 33.33333333333333}, "Unclassified", 0},
    Case{"progress-3-3-of-6", progress(3, 3), 0, {0.0, 0.0, 50.0}, "Unclassified", 0},
    Case{"progress-3-4-of-6", progress(3, 4), 0, {0.0, 0.0, 66.66666666666666}, "Unclassified", 0},
    Case{"progress-3-5-of-6", progress(3, 5), 0, {0.0, 0.0, 83.33333333333334}, "Unclassified", 0},
    Case{"progress-3-6-of-6", progress(3, 6), 3, {0.0, 60.0, 100.0}, "Class III - Open Model", 3}));
// clang-format on

TEST(Profiles, UnknownNameNotesWhereTheMotFilesIt) {
  // The MOT files "Dataset" under Datasets (ComponentManager::getComponentByName
  // returns the first component when array_search fails) and publishes Class I;
  // mof-check does not count the name, and says why the two can differ.
  Manifest m = parse_manifest(yaml(unknown_dataset()), "case.yml");
  for (Profile p : {Profile::mot, Profile::spdx}) {
    Evaluation ev = evaluate(m, builtin_framework(), LicenseDb::builtin(), p);
    EXPECT_EQ(ev.model_class, 2);
    bool noted = false;
    for (const Diagnostic& d : ev.diagnostics) {
      noted = noted || (d.code == "unknown-component" &&
                        d.message.find("did you mean 'Datasets'?") != std::string::npos &&
                        d.message.find("the MOT files a name it does not know under 'Datasets'") !=
                            std::string::npos);
    }
    EXPECT_TRUE(noted) << profile_name(p);
  }
}

TEST(Profiles, DuplicateWarningNamesTheLineIgnored) {
  Manifest m = parse_manifest(yaml(duplicate("MIT", "CC-BY-NC-4.0")), "case.yml");
  Evaluation ev = evaluate(m, builtin_framework(), LicenseDb::builtin(), Profile::mot);
  bool named = false;
  for (const Diagnostic& d : ev.diagnostics) {
    named = named || (d.code == "duplicate-component" &&
                      d.message ==
                          "component 'Model card' is listed again; the last entry counts, as in "
                          "the MOT, and the one at line 9 is ignored");
  }
  EXPECT_TRUE(named);
}

TEST(Profiles, DifferenceNamesTheFixTheMotAccepts) {
  auto message = [](const std::string& license) {
    Manifest m = parse_manifest(yaml(card(license)), "case.yml");
    Evaluation ev = evaluate(m, builtin_framework(), LicenseDb::builtin(), Profile::mot);
    for (const Diagnostic& d : ev.diagnostics) {
      if (d.code == "profile-difference") return d.message;
    }
    return std::string();
  };
  EXPECT_EQ(message("mit"),
            "Model card: 'mit' is open under the spdx profile, but the MOT compares license names "
            "exactly; write 'MIT' (with it the model is Class III - Open Model for the MOT); under "
            "--profile spdx the component is met");
  EXPECT_NE(message("MIT OR Apache-2.0").find("choose one of MIT or Apache-2.0"),
            std::string::npos);
  EXPECT_NE(message("PDDL-1.0").find("write 'ODC-PDDL-1.0'"), std::string::npos);
  EXPECT_NE(message("MIT AND Apache-2.0").find("cannot record MIT AND Apache-2.0"),
            std::string::npos);
  EXPECT_EQ(message("MIT"), "");
}

TEST(Profiles, MotDataMatchesTheMotsLists) {
  const MotRules& mot = MotRules::builtin();
  // LicenseHandler::OPEN_DATA_LICENSES and OPEN_LICENSES, and the entities' flags.
  EXPECT_TRUE(mot.open("ODC-PDDL-1.0"));
  EXPECT_FALSE(mot.open("PDDL-1.0"));
  EXPECT_TRUE(mot.open("OpenMDW-1.0"));
  EXPECT_FALSE(mot.open("OpenMDW-1.1"));
  EXPECT_FALSE(mot.open("GFDL-1.3-invariants-only"));
  EXPECT_TRUE(mot.open("GFDL-1.3"));
  EXPECT_FALSE(mot.open("mit"));
  EXPECT_TRUE(mot.unlicensed("unlicensed"));
  EXPECT_TRUE(mot.unlicensed(""));
  EXPECT_EQ(mot.label(2), "Class II - Open Tooling Model");
  EXPECT_EQ(mot.unknown_component_filed_under(), "Datasets");
}

TEST(Profiles, ParsesItsNames) {
  EXPECT_EQ(parse_profile("mot"), Profile::mot);
  EXPECT_EQ(parse_profile("spdx"), Profile::spdx);
  EXPECT_EQ(parse_profile("MOT"), std::nullopt);
  EXPECT_STREQ(profile_name(Profile::spdx), "spdx");
}

TEST(ApiRecords, ClassificationIsReadAndCompared) {
  const std::string record = R"({"id": "1130",
  "framework": {"name": "Model Openness Framework", "version": "1.0", "date": "2024-12-15"},
  "release": {"name": "M", "license": [], "components": [{"name": "Model card", "license": "MIT"}]},
  "classification": {"class": 3, "label": "Class III - Open Model",
                     "progress": {"1": 0.0, "2": 0.0, "3": 16.666666666666664}}})";
  Manifest m = parse_manifest(record, "r.json");
  EXPECT_EQ(m.mot_id.value, "1130");
  ASSERT_TRUE(m.published.present);
  EXPECT_EQ(m.published.model_class, 3);
  for (const Diagnostic& d : m.diagnostics) EXPECT_NE(d.code, "unknown-key") << d.message;
  Evaluation ev = evaluate(m, builtin_framework(), LicenseDb::builtin(), Profile::mot);
  EXPECT_EQ(ev.model.mot_id, "1130");
  EXPECT_EQ(ev.progress[3], 16.666666666666664);  // (1 / 6) * 100, as published
  int differs = 0;
  for (const Diagnostic& d : ev.diagnostics) {
    if (d.code != "mot-verdict-differs") continue;
    ++differs;
    // The class differs; progress III is the same to the last digit, so it is not named.
    EXPECT_NE(d.message.find("class 3 where mof-check finds Unclassified"), std::string::npos);
    EXPECT_EQ(d.message.find("progress III"), std::string::npos) << d.message;
  }
  EXPECT_EQ(differs, 1);
}

TEST(ApiRecords, PageIsABatchOfRecords) {
  const std::string page = R"({"pager": {"total_items": 2, "total_pages": 1, "current_page": 1},
 "models": [
  {"id": "1", "release": {"name": "A", "components": [{"name": "Model card", "license": "MIT"}]}},
  {"id": "2", "release": {"components": []}},
  {"id": "3", "release": {"name": "C"}}]})";
  ASSERT_TRUE(looks_like_api_page(page));
  EXPECT_FALSE(looks_like_api_page(R"({"release": {"name": "A"}})"));
  std::vector<PageRecord> recs = parse_api_page(page, "page.json");
  ASSERT_EQ(recs.size(), 3u);
  ASSERT_TRUE(recs[0].manifest);
  EXPECT_EQ(recs[0].manifest->origin, "page.json#1");
  EXPECT_EQ(recs[0].manifest->mot_id.value, "1");
  EXPECT_EQ(recs[0].manifest->components.at(0).license.where.line, 3);
  ASSERT_TRUE(recs[1].error);  // no release name: that record alone is an error
  EXPECT_EQ(recs[1].error->where().file, "page.json#2");
  EXPECT_EQ(recs[1].error->where().line, 4);
  ASSERT_TRUE(recs[2].manifest);
  EXPECT_THROW(parse_api_page(R"({"pager": {}})", "p.json"), Error);
}

}  // namespace
}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
// The repository scanner on fixture trees the tests write themselves.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <mofcheck/evaluate.hpp>
#include <mofcheck/manifest.hpp>
#include <mofcheck/scan.hpp>

#include "scan/model_card.hpp"

namespace mofcheck {
namespace {

namespace fs = std::filesystem;

class ScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("mofcheck-scan-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  void write(const std::string& rel, const std::string& text = "x") {
    fs::path p = root_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
  }

  ScanResult scan() {
    return scan_repository(root_.string(), builtin_framework(), LicenseDb::builtin());
  }

  static const DraftComponent* component(const ScanResult& r, const std::string& name) {
    for (const auto& c : r.draft.components) {
      if (c.name == name) return &c;
    }
    return nullptr;
  }

  static bool has_note(const ScanResult& r, const std::string& part) {
    for (const auto& n : r.notes) {
      if (n.text.find(part) != std::string::npos) return true;
    }
    return false;
  }

  Evaluation evaluate_draft(const ScanResult& r, DraftSyntax syntax = DraftSyntax::json) {
    Manifest m = parse_manifest(render_draft(r.draft, syntax), "draft");
    EXPECT_TRUE(m.diagnostics.empty());
    return evaluate(m, builtin_framework(), LicenseDb::builtin());
  }

  static ComponentStatus status(const Evaluation& ev, const std::string& name) {
    return ev.components[static_cast<std::size_t>(ev.framework->find_component(name))].status;
  }

  fs::path root_;
};

const char* const apache_excerpt =
    "\n                                 Apache License\n"
    "                           Version 2.0, January 2004\n"
    "                        http://www.apache.org/licenses/\n\n"
    "   TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION\n";

// A whole license text for the matcher, from Debian's base-files (essential),
// so that no license text is copied into the repository.
std::string common_license(const std::string& name) {
  std::ifstream in("/usr/share/common-licenses/" + name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_F(ScanTest, HuggingFaceLayout) {
  write("LICENSE", apache_excerpt);
  write("README.md",
        "---\nlicense: apache-2.0\ndatasets: [org/corpus]\nbase_model: org/base\n"
        "pipeline_tag: text-generation\nmodel-index:\n- name: Tiny-1B\n  results:\n"
        "  - task: {type: text-generation}\n---\n# Tiny-1B\n\n"
        "Read the [technical report](https://arxiv.org/abs/2402.00838v1).\n"
        "## Evaluation\n\n## Training Data\n\n## Limitations\n");
  write("config.json", R"({"architectures": ["TinyForCausalLM"]})");
  write("model-00001-of-00002.safetensors");
  write("model-00002-of-00002.safetensors");
  write("model.safetensors.index.json", "{}");
  write("tokenizer.json", "{}");
  write("checkpoint-500/model.safetensors");
  write("modeling_tiny.py", "class Tiny: pass\n");

  ScanResult r = scan();
  EXPECT_EQ(r.draft.name, "Tiny-1B");
  EXPECT_EQ(r.draft.type, "language");
  EXPECT_EQ(r.draft.origin, "org/base");
  EXPECT_EQ(r.draft.architecture, "TinyForCausalLM");
  EXPECT_TRUE(r.draft.distribution.present);
  EXPECT_EQ(r.draft.distribution.name, "Apache-2.0");
  EXPECT_EQ(r.draft.distribution.path, "LICENSE");

  const DraftComponent* weights = component(r, "Model parameters (Final)");
  ASSERT_NE(weights, nullptr);
  EXPECT_EQ(weights->component_path, "model-00001-of-00002.safetensors");
  EXPECT_FALSE(weights->has_license);  // inherits the repository license
  const DraftComponent* inter = component(r, "Model parameters (Intermediate)");
  ASSERT_NE(inter, nullptr);
  EXPECT_EQ(inter->component_path, "checkpoint-500/");
  EXPECT_EQ(component(r, "Model architecture")->component_path, "modeling_tiny.py");
  EXPECT_EQ(component(r, "Model card")->component_path, "README.md");
  EXPECT_EQ(component(r, "Evaluation results")->included_in, "Model card");
  EXPECT_EQ(component(r, "Data card")->included_in, "Model card");
  EXPECT_EQ(component(r, "Technical report")->component_path, "https://arxiv.org/abs/2402.00838");
  EXPECT_EQ(component(r, "Model metadata")->component_path, "config.json");
  EXPECT_EQ(component(r, "Training code"), nullptr);
  EXPECT_TRUE(has_note(r, "names datasets (org/corpus)"));
  EXPECT_TRUE(has_note(r, "model-index in the front matter lists 1 result(s)"));

  // A paper on arXiv is not the repository's to license: the draft gives it
  // an empty license instead of letting the repository's Apache-2.0 apply.
  EXPECT_TRUE(component(r, "Technical report")->has_license);
  EXPECT_EQ(component(r, "Technical report")->license, "");
  EXPECT_TRUE(has_note(r, "confirm the license on its arXiv page"));

  for (DraftSyntax syntax : {DraftSyntax::json, DraftSyntax::yaml}) {
    Evaluation ev = evaluate_draft(r, syntax);
    EXPECT_EQ(ev.model_class, 0);
    EXPECT_EQ(status(ev, "Technical report"), ComponentStatus::unlicensed);
    EXPECT_EQ(status(ev, "Data card"), ComponentStatus::met);
  }
}

TEST_F(ScanTest, GitHubTrainingCodeLayout) {
  const std::string apache = common_license("Apache-2.0"), cc0 = common_license("CC0-1.0");
  if (apache.empty() || cc0.empty()) GTEST_SKIP() << "no /usr/share/common-licenses";
  write("LICENSE", "Copyright (c) 2026 Example Lab\n\n" + apache);
  write("README.md", "# toolkit\n\nSee https://arxiv.org/abs/2403.13784 for the paper.\n");
  write("src/toolkit/model.py");
  write("scripts/train.py");
  write("scripts/evaluate.py");
  write("scripts/generate.py");
  write("scripts/preprocess_data.py");
  write("requirements.txt", "torch\n");
  write("eval_data/test.jsonl");
  write("data/LICENSE", cc0);
  write("data/corpus.jsonl");
  write(".git/objects/pack/train.py");  // never looked into

  ScanResult r = scan();
  EXPECT_EQ(r.draft.distribution.name, "Apache-2.0");
  EXPECT_EQ(component(r, "Model architecture")->component_path, "src/toolkit/model.py");
  EXPECT_EQ(component(r, "Training code")->component_path, "scripts/train.py");
  EXPECT_EQ(component(r, "Evaluation code")->component_path, "scripts/evaluate.py");
  EXPECT_EQ(component(r, "Inference code")->component_path, "scripts/generate.py");
  EXPECT_EQ(component(r, "Data preprocessing code")->component_path, "scripts/preprocess_data.py");
  EXPECT_EQ(component(r, "Supporting libraries and tools")->component_path, "requirements.txt");
  EXPECT_EQ(component(r, "Evaluation data")->component_path, "eval_data/");
  const DraftComponent* datasets = component(r, "Datasets");
  ASSERT_NE(datasets, nullptr);
  EXPECT_EQ(datasets->component_path, "data/");
  EXPECT_TRUE(datasets->has_license);
  EXPECT_EQ(datasets->license, "CC0-1.0");
  EXPECT_EQ(datasets->license_path, "data/LICENSE");
  EXPECT_EQ(component(r, "Research paper")->component_path, "https://arxiv.org/abs/2403.13784");
  EXPECT_EQ(component(r, "Model parameters (Final)"), nullptr);
  // A README without front matter is only a guess at a model card.
  bool card_guess = false;
  for (const auto& n : r.notes) card_guess = card_guess || (n.component == "Model card" && n.guess);
  EXPECT_TRUE(card_guess);
  Evaluation ev = evaluate_draft(r);
  // Counted; under the MOT's type lists CC0-1.0 may carry a suitability note.
  EXPECT_NE(status(ev, "Datasets"), ComponentStatus::missing);
  EXPECT_NE(status(ev, "Datasets"), ComponentStatus::not_open);
  EXPECT_EQ(status(ev, "Training code"), ComponentStatus::met);
}

TEST_F(ScanTest, CustomModelLicenseIsRecognisedAndNotOpen) {
  write("LICENSE",
        "LLAMA 3.1 COMMUNITY LICENSE AGREEMENT\nLlama 3.1 Version Release Date: July 23, 2024\n");
  write("README.md", "---\nlicense: llama3.1\n---\n# Model\n");
  write("model.safetensors");
  ScanResult r = scan();
  EXPECT_EQ(r.draft.distribution.name, "Llama 3.1 Community License");
  Evaluation ev = evaluate_draft(r);
  EXPECT_EQ(status(ev, "Model parameters (Final)"), ComponentStatus::not_open);
  EXPECT_EQ(ev.model_class, 0);
}

TEST_F(ScanTest, CustomLicenseFromFrontMatterOther) {
  write("README.md",
        "---\nlicense: other\nlicense_name: acme-model-license\n"
        "license_link: LICENSE.txt\n---\n# Model\n");
  write("LICENSE.txt", "ACME may revoke this license at any time.\n");
  write("pytorch_model.bin");
  ScanResult r = scan();
  EXPECT_TRUE(has_note(r, "license text not recognised"));
  EXPECT_EQ(r.draft.distribution.name, "acme-model-license");
  EXPECT_EQ(r.draft.distribution.path, "LICENSE.txt");
  EXPECT_EQ(status(evaluate_draft(r), "Model parameters (Final)"), ComponentStatus::not_open);
}

TEST_F(ScanTest, TypedLicenseFilesAtTheRoot) {
  const std::string apache = common_license("Apache-2.0");
  if (apache.empty()) GTEST_SKIP() << "no /usr/share/common-licenses";
  write("LICENSE-CODE", apache);
  write("LICENSE-MODEL", "Gemma Terms of Use\n\nLast modified: ...\n");
  write("model.gguf");
  ScanResult r = scan();
  EXPECT_FALSE(r.draft.distribution.present);
  EXPECT_EQ(r.draft.code.name, "Apache-2.0");
  EXPECT_EQ(r.draft.data.name, "Gemma Terms of Use");
  EXPECT_EQ(status(evaluate_draft(r), "Model parameters (Final)"), ComponentStatus::not_open);
}

TEST_F(ScanTest, NothingRecognisable) {
  write("notes.txt", "hello");
  write("misc/thing.dat");
  ScanResult r = scan();
  EXPECT_TRUE(r.draft.components.empty());
  EXPECT_FALSE(r.draft.distribution.present);
  EXPECT_TRUE(has_note(r, "taken from the folder name"));
  Evaluation ev = evaluate_draft(r);
  EXPECT_EQ(ev.model_class, 0);
}

TEST_F(ScanTest, SymlinksOutOfTheRootAreNotFollowed) {
  fs::path outside = root_.string() + "-outside";
  fs::create_directories(outside / "train");
  std::ofstream(outside / "LICENSE") << common_license("Apache-2.0");
  std::ofstream(outside / "train" / "train.py") << "x";
  fs::create_directory_symlink(outside / "train", root_ / "linked");
  fs::create_symlink(outside / "LICENSE", root_ / "LICENSE");
  ScanResult r = scan();
  fs::remove_all(outside);
  EXPECT_EQ(component(r, "Training code"), nullptr);
  EXPECT_FALSE(r.draft.distribution.present && !r.draft.distribution.name.empty());
  EXPECT_TRUE(has_note(r, "symbolic link out of the checkout"));
}

TEST_F(ScanTest, WalkIsCapped) {
  for (int i = 0; i < 30; ++i) write(std::to_string(i).append(".txt"));
  ScanLimits limits;
  limits.max_entries = 10;
  ScanResult r = scan_repository(root_.string(), builtin_framework(), LicenseDb::builtin(),
                                 ScanRules::builtin(), LicenseMatcher::builtin(), limits);
  EXPECT_TRUE(r.truncated);
  EXPECT_TRUE(has_note(r, "stopped after 10"));

  write("a/b/c/d/e/train.py");
  limits = {};
  limits.max_depth = 3;
  r = scan_repository(root_.string(), builtin_framework(), LicenseDb::builtin(),
                      ScanRules::builtin(), LicenseMatcher::builtin(), limits);
  EXPECT_EQ(component(r, "Training code"), nullptr);
}

TEST_F(ScanTest, RulesForComponentsTheDefinitionLacksAreSkipped) {
  Framework tiny = parse_framework(R"(
framework: {name: Tiny, version: "1"}
classes:
  - {level: 1, name: Only}
components:
  - {id: model-parameters-final, name: Weights, type: data, class: 1}
)",
                                   "tiny.yaml");
  write("model.safetensors");
  write("train.py");
  ScanResult r = scan_repository(root_.string(), tiny, LicenseDb::builtin());
  ASSERT_EQ(r.draft.components.size(), 1u);
  EXPECT_EQ(r.draft.components[0].name, "Weights");
  EXPECT_EQ(r.draft.framework_name, "Tiny");
}

TEST_F(ScanTest, NotAFolderIsAnError) {
  write("file.txt");
  EXPECT_THROW(
      scan_repository((root_ / "file.txt").string(), builtin_framework(), LicenseDb::builtin()),
      Error);
  EXPECT_THROW(
      scan_repository((root_ / "absent").string(), builtin_framework(), LicenseDb::builtin()),
      Error);
}

TEST(ScanRules, BuiltinRulesNameComponentsOfTheDefinition) {
  const Framework& fw = builtin_framework();
  auto known = [&](const std::string& id) {
    for (const auto& c : fw.components) {
      if (c.id == id) return true;
    }
    return false;
  };
  const ScanRules& rules = ScanRules::builtin();
  for (const auto& c : rules.components) EXPECT_TRUE(known(c.component)) << c.component;
  for (const auto& s : rules.card_sections) EXPECT_TRUE(known(s.component)) << s.component;
  EXPECT_TRUE(known(rules.model_card));
  EXPECT_TRUE(known(rules.model_index));
  EXPECT_TRUE(known(rules.arxiv_other));
}

TEST(ScanRules, MalformedRulesNameTheLine) {
  try {
    ScanRules::parse("components:\n  weights:\n    files: [a]\n    colour: red\n", "r.yaml");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.where().line, 4);
    EXPECT_NE(std::string(e.what()).find("unknown key 'colour'"), std::string::npos);
  }
}

TEST(ModelCard, FrontMatterHeadingsAndLinks) {
  ModelCard c = parse_model_card(
      "---\nlicense: mit\ntags: [a, b]\n---\n# Title\n```\n# not a heading\n```\n"
      "## Evaluation results\nPaper: https://arxiv.org/pdf/2403.13784v2.\n");
  EXPECT_TRUE(c.has_front_matter);
  EXPECT_EQ(c.license, "mit");
  EXPECT_EQ(c.tags, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(c.headings.size(), 2u);
  EXPECT_EQ(c.headings[1].text, "Evaluation results");
  EXPECT_EQ(c.headings[1].line, 9);
  ASSERT_EQ(c.arxiv.size(), 1u);
  EXPECT_EQ(c.arxiv[0].url, "https://arxiv.org/abs/2403.13784");
}

TEST(ModelCard, BrokenFrontMatterIsReportedNotThrown) {
  ModelCard c = parse_model_card("---\nlicense: [unclosed\n---\n# Title\n");
  EXPECT_TRUE(c.has_front_matter);
  EXPECT_FALSE(c.front_matter_error.empty());
  EXPECT_EQ(c.headings.size(), 1u);
}

TEST(Draft, TemplateListsEveryComponentWithAnEmptyLicense) {
  Draft d = template_draft(builtin_framework());
  d.name = "m";
  for (DraftSyntax syntax : {DraftSyntax::json, DraftSyntax::yaml}) {
    Manifest m = parse_manifest(render_draft(d, syntax), "t");
    EXPECT_TRUE(m.diagnostics.empty());
    ASSERT_EQ(m.components.size(), builtin_framework().components.size());
    for (const auto& c : m.components) {
      EXPECT_TRUE(c.license.present);
      EXPECT_EQ(c.license.value, "");
      EXPECT_TRUE(c.component_path.present);
      EXPECT_FALSE(c.description.value.empty());
    }
  }
}

TEST(Draft, ValuesThatLookLikeOtherTypesStayStrings) {
  Draft d;
  d.name = "1.0";
  d.version = "yes";
  d.producer = "a \"quoted\" name: with colon";
  Manifest m = parse_manifest(render_draft(d, DraftSyntax::yaml), "t.yaml");
  EXPECT_TRUE(m.diagnostics.empty());
  EXPECT_EQ(m.name.value, "1.0");
  EXPECT_EQ(m.version.value, "yes");
  EXPECT_EQ(m.producer.value, "a \"quoted\" name: with colon");
}

}  // namespace
}  // namespace mofcheck

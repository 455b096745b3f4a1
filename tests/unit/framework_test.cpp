// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/framework.hpp>

#include <gtest/gtest.h>

namespace mofcheck {
namespace {

TEST(Framework, BuiltinDefinitionHasTheSeventeenMofComponents) {
  const Framework& fw = builtin_framework();
  EXPECT_EQ(fw.name, "Model Openness Framework");
  EXPECT_EQ(fw.version, "1.0");
  ASSERT_EQ(fw.components.size(), 17u);
  int required[4] = {0, 0, 0, 0};
  int optional = 0;
  for (const auto& c : fw.components) {
    if (c.required) {
      ++required[c.class_level];
    } else {
      ++optional;
    }
  }
  EXPECT_EQ(required[3], 6);
  EXPECT_EQ(required[2], 4);
  EXPECT_EQ(required[1], 4);
  EXPECT_EQ(optional, 3);
  ASSERT_EQ(fw.classes.size(), 3u);
  EXPECT_EQ(fw.classes[0].label, "Class III - Open Model");
  EXPECT_EQ(fw.classes[2].label, "Class I - Open Science");
  EXPECT_EQ(fw.label(0), "Unclassified");
}

TEST(Framework, ComponentTypesAndClassesAreThoseOfTheMof) {
  const Framework& fw = builtin_framework();
  auto check = [&](const char* name, ContentType type, int level, bool required) {
    int i = fw.find_component(name);
    ASSERT_GE(i, 0) << name;
    const ComponentDef& c = fw.components[static_cast<std::size_t>(i)];
    EXPECT_EQ(c.type, type) << name;
    EXPECT_EQ(c.class_level, level) << name;
    EXPECT_EQ(c.required, required) << name;
  };
  check("Model architecture", ContentType::code, 3, true);
  check("Model parameters (Final)", ContentType::data, 3, true);
  check("Sample model outputs", ContentType::document, 3, false);
  check("Evaluation data", ContentType::data, 2, true);
  check("Supporting libraries and tools", ContentType::code, 2, false);
  check("Model parameters (Intermediate)", ContentType::data, 1, true);
  check("Research paper", ContentType::document, 1, true);
  check("Model metadata", ContentType::data, 1, false);
}

TEST(Framework, SubstitutionIsData) {
  const Framework& fw = builtin_framework();
  ASSERT_EQ(fw.substitutions.size(), 1u);
  const Substitution& s = fw.substitutions[0];
  EXPECT_EQ(fw.components[s.component].name, "Technical report");
  EXPECT_EQ(fw.components[s.substitute].name, "Research paper");
  EXPECT_EQ(s.counts_in, (std::vector<int>{3, 2}));
  EXPECT_EQ(s.waived_in, (std::vector<int>{1}));
}

TEST(Framework, FindComponentIsExactThenCaseInsensitiveOrById) {
  const Framework& fw = builtin_framework();
  EXPECT_EQ(fw.find_component("Model card"), fw.find_component("model CARD"));
  EXPECT_EQ(fw.find_component("model-card"), fw.find_component("Model card"));
  EXPECT_EQ(fw.find_component("Model cards"), -1);
}

struct BadDefinition {
  const char* text;
  const char* message;
};

class FrameworkErrors : public ::testing::TestWithParam<BadDefinition> {};

TEST_P(FrameworkErrors, SayWhatAndWhere) {
  try {
    parse_framework(GetParam().text, "def.yaml");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), GetParam().message);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Validation, FrameworkErrors,
    ::testing::Values(
        BadDefinition{"framework: [",
                      "def.yaml:1:13: invalid YAML: flow sequence without a closing bracket"},
        BadDefinition{"", "def.yaml: the document is empty"},
        BadDefinition{"- a\n- b\n", "def.yaml:1:1: the definition must be a mapping, not a list"},
        BadDefinition{"framework: {name: T, version: '1'}\n",
                      "def.yaml: the definition has no 'classes' list"},
        BadDefinition{"framework: {name: T, version: '1'}\nclasses: [{level: 7}]\ncomponents: []\n",
                      "def.yaml:3:13: 'components' is empty"},
        BadDefinition{"framework: {name: T, version: '1'}\nclasses: [{level: x}]\n",
                      "def.yaml:2:19: 'level' must be a class level from 1 to 9, not 'x'"},
        BadDefinition{"framework: {name: T, version: '1'}\nclasses: [{level: 1, name: A}]\n"
                      "components:\n  - {id: a, name: A, type: model, class: 1}\n",
                      "def.yaml:4:28: 'type' must be code, data or document, not 'model'"},
        BadDefinition{"framework: {name: T, version: '1'}\nclasses: [{level: 1, name: A}]\n"
                      "components:\n  - {id: a, name: A, type: code, class: 2}\n",
                      "def.yaml:4:41: component 'a' belongs to class 2, which 'classes' does not "
                      "define"},
        BadDefinition{"framework: {name: T, version: '1'}\nclasses: [{level: 1, name: A}]\n"
                      "components:\n  - {id: a, name: A, type: code, class: 1}\n"
                      "  - {id: b, name: a, type: code, class: 1}\n",
                      "def.yaml:5:5: component name or id 'a' is defined twice"},
        BadDefinition{"framework: {name: T, version: '1'}\nclasses: [{level: 1, name: A}]\n"
                      "components:\n  - {id: a, name: A, type: code, class: 1}\n"
                      "substitutions:\n  - {component: a, substitute: zz}\n",
                      "def.yaml:6:32: 'substitute' names unknown component 'zz'; use a component "
                      "id"},
        BadDefinition{"framework: {name: T, version: '1'}\nclasses: [{level: 1, name: A}]\n"
                      "components:\n  - {id: a, name: A, type: code, class: 1, colour: red}\n",
                      "def.yaml:4:44: unknown key 'colour' in a component (allowed: id, name, "
                      "description, type, class, required, aliases, may_be_included_in)"}));

}  // namespace
}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
// The YAML test suite (yaml/yaml-test-suite, flattened by
// scripts/fetch-test-suites.sh) through doc::parse_yaml, the one YAML reader.
//  - Every case the suite marks `fail` must be refused with a positioned
//    "invalid YAML" error: none may be read as data.
//  - Every valid case is read, or refused only for a documented mof-check
//    rule (tags, merge keys, non-string keys, one document, empty document,
//    limits, the tab libfyaml refuses after an explicit key), never as
//    invalid YAML.
//  - A valid case read, and given with its JSON, gives the same data. The doc
//    tree keeps YAML scalars as strings, so a JSON null matches the tree's
//    null (a plain empty, '~' or 'null' scalar), a JSON boolean a string
//    'true'/'false' in any of the core schema's spellings, and a JSON number
//    a string that the core schema reads as the same number (decimal, 0o
//    octal, 0x hex, float, .inf/.nan).
// A missing or unreadable suite file fails the test.
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "syntax/doc_tree.hpp"

namespace mofcheck {
namespace {

using doc::Node;
using nlohmann::json;

bool starts_with(const std::string& s, std::string_view p) {
  return s.compare(0, p.size(), p) == 0;
}

// The mof-check rule (the start of its message) a valid YAML text breaks, or
// "" when the message is none of them.
std::string_view documented_rule(const std::string& message) {
  for (std::string_view rule :
       {"YAML tags such as", "YAML merge keys", "mapping keys must be plain strings",
        "a second YAML document starts here", "the document is empty", "duplicate key",
        "nesting deeper than", "the document holds more than", "a string of", "a key of",
        "a tab between ':'"}) {
    if (starts_with(message, rule)) return rule;
  }
  return {};
}

// The YAML 1.2 core schema's number, or nullopt.
std::optional<double> core_number(const std::string& s) {
  if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "+.inf" || s == "+.Inf" || s == "+.INF") {
    return HUGE_VAL;
  }
  if (s == "-.inf" || s == "-.Inf" || s == "-.INF") return -HUGE_VAL;
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return NAN;
  if (s.empty()) return std::nullopt;
  int base = 10;
  std::string digits = s;
  if (starts_with(s, "0o")) {
    base = 8;
    digits = s.substr(2);
  } else if (starts_with(s, "0x")) {
    base = 16;
    digits = s.substr(2);
  }
  if (digits.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  double v = base == 10 ? std::strtod(digits.c_str(), &end)
                        : static_cast<double>(std::strtoull(digits.c_str(), &end, base));
  if (*end != '\0' || digits.find_first_of("xXpP") != std::string::npos) return std::nullopt;
  return v;
}

bool core_bool(const std::string& s, bool& value) {
  if (s == "true" || s == "True" || s == "TRUE") return value = true, true;
  if (s == "false" || s == "False" || s == "FALSE") return value = false, true;
  return false;
}

// Empty when equal, else where and how they differ.
std::string compare(const Node& n, const json& j, const std::string& path) {
  auto differ = [&](const std::string& why) { return path + ": " + why; };
  switch (j.type()) {
    case json::value_t::null:
      return n.kind == Node::Kind::null ? "" : differ("expected null, got " + n.text);
    case json::value_t::boolean: {
      bool v = false;
      if (n.kind == Node::Kind::string && core_bool(n.text, v) && v == j.get<bool>()) return "";
      return differ("expected " + j.dump() + ", got '" + n.text + "'");
    }
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: {
      auto v = n.kind == Node::Kind::string ? core_number(n.text) : std::nullopt;
      const double want = j.get<double>();
      if (v && (*v == want || (std::isnan(*v) && std::isnan(want)))) return "";
      return differ("expected " + j.dump() + ", got '" + n.text + "'");
    }
    case json::value_t::string:
      if (n.kind == Node::Kind::string && n.text == j.get<std::string>()) return "";
      return differ("expected " + j.dump() + ", got '" + n.text + "' (" + doc::kind_name(n.kind) +
                    ")");
    case json::value_t::array: {
      if (n.kind != Node::Kind::array || n.items.size() != j.size()) {
        return differ("expected a list of " + std::to_string(j.size()));
      }
      for (std::size_t i = 0; i < j.size(); ++i) {
        std::string d = compare(n.items[i], j[i], path + "[" + std::to_string(i) + "]");
        if (!d.empty()) return d;
      }
      return "";
    }
    case json::value_t::object: {
      if (n.kind != Node::Kind::object || n.members.size() != j.size()) {
        return differ("expected a mapping of " + std::to_string(j.size()));
      }
      for (const auto& [key, value] : j.items()) {
        const Node* m = n.get(key);
        if (!m) return differ("no key '" + key + "'");
        std::string d = compare(*m, value, path + "." + key);
        if (!d.empty()) return d;
      }
      return "";
    }
    default:
      return differ("unexpected JSON");
  }
}

// The suite's JSON holds one value per document; the one value of a
// one-document case, or nullopt.
std::optional<json> single_json(const std::string& text) {
  std::vector<json> values;
  std::istringstream in(text);
  try {
    while (true) {
      in >> std::ws;
      if (in.peek() == std::char_traits<char>::eof()) break;
      json v;
      in >> v;
      values.push_back(std::move(v));
    }
  } catch (const json::exception&) {
    return std::nullopt;
  }
  if (values.size() != 1) return std::nullopt;
  return values.front();
}

TEST(YamlTestSuite, EveryInvalidCaseIsRefusedAndEveryValidOneReadAsTheSuiteSays) {
  const std::string path = std::string(MOFCHECK_TEST_SUITES_DIR) + "/yaml-test-suite.json";
  std::ifstream file(path);
  ASSERT_TRUE(file) << path << " is missing: run scripts/fetch-test-suites.sh";
  json cases;
  ASSERT_NO_THROW(cases = json::parse(file)) << path << " is not JSON";
  ASSERT_TRUE(cases.is_array());
  ASSERT_GT(cases.size(), 300u) << path << " holds too few cases";

  int fail_cases = 0, fail_refused = 0, valid_cases = 0, valid_read = 0, valid_rule = 0,
      compared = 0;
  std::map<std::string, int> by_rule;
  for (const auto& c : cases) {
    const std::string id = c.at("id").get<std::string>();
    const std::string yaml = c.at("yaml").get<std::string>();
    const bool fail = c.at("fail").get<bool>();
    SCOPED_TRACE(id + " " + c.value("name", ""));
    std::optional<Node> tree;
    std::optional<Error> error;
    try {
      tree = doc::parse_yaml(yaml, "case", 64, 1u << 20);
    } catch (const Error& e) {
      error = e;
    }
    if (fail) {
      ++fail_cases;
      if (!error) {
        ADD_FAILURE() << "invalid YAML read as data";
        continue;
      }
      EXPECT_TRUE(starts_with(error->message(), "invalid YAML")) << error->what();
      EXPECT_GT(error->where().line, 0) << error->what();
      EXPECT_GT(error->where().column, 0) << error->what();
      ++fail_refused;
      continue;
    }
    ++valid_cases;
    if (error) {
      const std::string_view rule = documented_rule(error->message());
      EXPECT_FALSE(rule.empty()) << "valid YAML refused: " << error->what();
      ++by_rule[std::string(rule)];
      ++valid_rule;
      continue;
    }
    ++valid_read;
    if (!c.contains("json")) continue;
    std::optional<json> want = single_json(c.at("json").get<std::string>());
    if (!want) continue;
    EXPECT_EQ(compare(*tree, *want, "$"), "");
    ++compared;
  }
  std::printf(
      "yaml-test-suite: %d invalid cases, %d refused as invalid YAML; %d valid cases, %d read "
      "(%d compared with the suite's JSON), %d refused by a documented mof-check rule\n",
      fail_cases, fail_refused, valid_cases, valid_read, compared, valid_rule);
  for (const auto& [rule, count] : by_rule)
    std::printf("  %3d refused: %s ...\n", count, rule.c_str());
  EXPECT_EQ(fail_refused, fail_cases);
  EXPECT_GT(compared, 150);
}

}  // namespace
}  // namespace mofcheck

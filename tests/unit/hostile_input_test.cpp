// SPDX-License-Identifier: Apache-2.0
// Hostile manifests: wrong types in every field, limits, YAML features a
// manifest must not rely on, terminal safety, the output guard, and the
// inputs the fuzzers found (fuzz/regressions).
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <mofcheck/framework.hpp>
#include <mofcheck/license.hpp>
#include <mofcheck/manifest.hpp>
#include <mofcheck/spdx.hpp>
#include "cli/cli.hpp"

#include "cli/input_limits.hpp"
#include "cli/output_guard.hpp"
#include "syntax/doc_tree.hpp"

namespace mofcheck {
namespace {

namespace fs = std::filesystem;

// Each template holds '@' where the value under test goes; its text must be
// valid JSON (and so valid YAML) once a string is put there.
struct StringField {
  const char* path;
  const char* text;
};

const StringField string_fields[] = {
    {"framework.name", R"({"framework": {"name": @}, "release": {"name": "m"}})"},
    {"framework.version", R"({"framework": {"version": @}, "release": {"name": "m"}})"},
    {"framework.date", R"({"framework": {"date": @}, "release": {"name": "m"}})"},
    {"release.name", R"({"release": {"name": @}})"},
    {"release.version", R"({"release": {"name": "m", "version": @}})"},
    {"release.date", R"({"release": {"name": "m", "date": @}})"},
    {"release.type", R"({"release": {"name": "m", "type": @}})"},
    {"release.architecture", R"({"release": {"name": "m", "architecture": @}})"},
    {"release.origin", R"({"release": {"name": "m", "origin": @}})"},
    {"release.producer", R"({"release": {"name": "m", "producer": @}})"},
    {"release.contact", R"({"release": {"name": "m", "contact": @}})"},
    {"release.repository", R"({"release": {"name": "m", "repository": @}})"},
    {"release.huggingface", R"({"release": {"name": "m", "huggingface": @}})"},
    {"release.license.distribution.name",
     R"({"release": {"name": "m", "license": {"distribution": {"name": @}}}})"},
    {"release.license.code.path",
     R"({"release": {"name": "m", "license": {"code": {"path": @}}}})"},
    {"release.license.data.name",
     R"({"release": {"name": "m", "license": {"data": {"name": @}}}})"},
    {"release.license.document.path",
     R"({"release": {"name": "m", "license": {"document": {"path": @}}}})"},
    {"release.components[0].name", R"({"release": {"name": "m", "components": [{"name": @}]}})"},
    {"release.components[0].description",
     R"({"release": {"name": "m", "components": [{"name": "Model card", "description": @}]}})"},
    {"release.components[0].license",
     R"({"release": {"name": "m", "components": [{"name": "Model card", "license": @}]}})"},
    {"release.components[0].license_path",
     R"({"release": {"name": "m", "components": [{"name": "Model card", "license_path": @}]}})"},
    {"release.components[0].component_path",
     R"({"release": {"name": "m", "components": [{"name": "Model card", "component_path": @}]}})"},
    {"release.components[0].included_in",
     R"({"release": {"name": "m", "components": [{"name": "Model card", "included_in": @}]}})"},
};

std::string fill(const char* text, const std::string& value) {
  std::string s = text;
  s.replace(s.find('@'), 1, value);
  return s;
}

int value_column(const char* text) {
  return static_cast<int>(std::string(text).find('@')) + 1;
}

// Parses and returns the error; fails the test when there is none.
Error error_of(const std::string& text, InputSyntax syntax, const ReadLimits& limits = {}) {
  try {
    parse_manifest(text, "m", syntax, limits);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << text.substr(0, 200);
  return Error({}, "");
}

TEST(HostileShape, ListOrMappingForAStringIsAnErrorAtTheValue) {
  for (InputSyntax syntax : {InputSyntax::json, InputSyntax::yaml}) {
    for (const auto& f : string_fields) {
      for (auto [value, kind] :
           {std::pair{"[1]", "a list"}, std::pair{"{\"a\": 1}", "a mapping"}}) {
        SCOPED_TRACE(std::string(f.path) + " = " + value);
        Error e = error_of(fill(f.text, value), syntax);
        EXPECT_EQ(e.message(), std::string("'") + f.path + "' must be a string, not " + kind);
        EXPECT_EQ(e.where().line, 1);
        EXPECT_EQ(e.where().column, value_column(f.text));
      }
    }
  }
}

TEST(HostileShape, NumberOrBooleanForAStringIsAWarningInJson) {
  for (const auto& f : string_fields) {
    for (const char* value : {"7", "true", "-1.5e300"}) {
      SCOPED_TRACE(std::string(f.path) + " = " + value);
      Manifest m = parse_manifest(fill(f.text, value), "m", InputSyntax::json);
      ASSERT_EQ(m.diagnostics.size(), 1u);
      EXPECT_EQ(m.diagnostics[0].code, "not-a-string");
      EXPECT_EQ(m.diagnostics[0].where.column, value_column(f.text));
      EXPECT_NE(m.diagnostics[0].message.find(std::string("'") + f.path + "'"), std::string::npos);
    }
  }
}

TEST(HostileShape, NullIsEmptyExceptForRequiredNames) {
  for (InputSyntax syntax : {InputSyntax::json, InputSyntax::yaml}) {
    for (const auto& f : string_fields) {
      SCOPED_TRACE(f.path);
      std::string text = fill(f.text, "null");
      std::string path = f.path;
      if (path == "release.name" || path == "release.components[0].name") {
        Error e = error_of(text, syntax);
        EXPECT_NE(e.message().find("'release"), std::string::npos) << e.what();
        EXPECT_EQ(e.where().line, 1);
      } else {
        EXPECT_NO_THROW(parse_manifest(text, "m", syntax));
      }
    }
  }
}

TEST(HostileShape, AStringWhereAMappingOrListBelongsIsAnError) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {R"({"framework": @, "release": {"name": "m"}})",
       "'framework' must be a mapping, not a string"},
      {R"({"release": @})", "'release' must be a mapping, not a string"},
      {R"({"release": {"name": "m", "license": @}})",
       "'release.license' must be a mapping, not a string"},
      {R"({"release": {"name": "m", "license": {"code": @}}})",
       "'release.license.code' must be a mapping, not a string"},
      {R"({"release": {"name": "m", "components": @}})",
       "'release.components' must be a list of components, not a string"},
      {R"({"release": {"name": "m", "components": [@]}})",
       "'release.components[0]' must be a mapping, not a string"},
  };
  for (InputSyntax syntax : {InputSyntax::json, InputSyntax::yaml}) {
    for (const auto& c : cases) {
      SCOPED_TRACE(c.text);
      Error e = error_of(fill(c.text, "\"x\""), syntax);
      EXPECT_EQ(e.message(), c.message);
      EXPECT_EQ(e.where().column, value_column(c.text));
    }
  }
  EXPECT_EQ(error_of("[1, 2]", InputSyntax::json).message(),
            "a manifest must be a mapping with 'framework' and 'release'; this JSON document "
            "is a list");
  EXPECT_EQ(error_of("just text", InputSyntax::yaml).message(),
            "a manifest must be a mapping with 'framework' and 'release'; this YAML document "
            "is a string");
  // Read as JSON, text that is not JSON is a JSON error, never read as YAML.
  EXPECT_EQ(std::string(error_of("[1,]", InputSyntax::json).what()),
            "m:1:4: invalid JSON: unexpected ']'; expected '[', '{', or a literal");
  EXPECT_EQ(error_of("release:\n  name: m\n", InputSyntax::json).message().substr(0, 13),
            "invalid JSON:");
  EXPECT_EQ(error_of("\"text\"", InputSyntax::json).message(),
            "a manifest must be a mapping with 'framework' and 'release'; this JSON document "
            "is a string");
}

TEST(HostileShape, UnknownTopLevelKeyIsAWarning) {
  Manifest m = parse_manifest(R"({"release": {"name": "m"}, "relase": 1})", "m");
  ASSERT_EQ(m.diagnostics.size(), 1u);
  EXPECT_EQ(m.diagnostics[0].code, "unknown-key");
  EXPECT_EQ(m.diagnostics[0].where.column, 28);
}

TEST(HostileYaml, FeaturesAManifestMustNotUse) {
  struct Case {
    const char* text;
    const char* what;
  };
  const Case cases[] = {
      {"release:\n  name: !!python/object:os.system m\n",
       "m:2:9: YAML tags such as 'tag:yaml.org,2002:python/object:os.system' are not allowed in a "
       "manifest; write plain values"},
      {"release: !custom\n  name: m\n",
       "m:1:10: YAML tags such as '!custom' are not allowed in a manifest; write plain values"},
      {"d: &d {name: m}\nrelease:\n  <<: *d\n",
       "m:3:3: YAML merge keys ('<<') are not supported in a manifest; write the keys out"},
      {"release: {name: m}\n---\nrelease: {name: n}\n",
       "m:2:1: a second YAML document starts here; give one manifest per file"},
      {"release: {name: m}\n? [a]\n: b\n", "m:2:3: mapping keys must be plain strings"},
      {"release: {name: m}\nx: *nowhere\n",
       "m:2:4: invalid YAML: the alias '*nowhere' names no anchor defined before it"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(std::string(error_of(c.text, InputSyntax::yaml).what()), c.what);
  }
}

TEST(HostileYaml, AliasesAreExpandedWithAWarning) {
  Manifest m = parse_manifest("base: &b {name: m}\nrelease: *b\n", "m", InputSyntax::yaml);
  EXPECT_EQ(m.name.value, "m");
  bool warned = false;
  for (const auto& d : m.diagnostics) warned = warned || d.code == "yaml-alias";
  EXPECT_TRUE(warned);
}

TEST(HostileYaml, DeepTextThatIsNotNestingIsAccepted) {
  std::string indented = "release:\n  name: m\n  description: |\n";
  for (int i = 0; i < 100; ++i) indented += std::string(4 + i, ' ') + "line\n";
  EXPECT_NO_THROW(parse_manifest(indented, "m", InputSyntax::yaml));
  std::string brackets(100, '[');
  EXPECT_NO_THROW(
      parse_manifest("release:\n  name: \"" + brackets + "\"\n", "m", InputSyntax::yaml));
  EXPECT_NO_THROW(
      parse_manifest("release:\n  name: '" + brackets + "''s'\n", "m", InputSyntax::yaml));
  EXPECT_NO_THROW(parse_manifest("release:\n  name: a" + brackets + "\n", "m", InputSyntax::yaml));
  EXPECT_NO_THROW(
      parse_manifest("release:\n  name: m # " + brackets + "\n", "m", InputSyntax::yaml));
}

TEST(HostileLimits, DepthAtAndPastTheLimitInEveryForm) {
  ReadLimits limits;
  limits.max_depth = 4;
  // Each text nests `n` levels (the root mapping is the first).
  auto json = [](int n) {
    return "{\"release\": {\"name\": \"m\"}, \"x\": " + std::string(n - 1, '[') +
           std::string(n - 1, ']') + "}";
  };
  auto flow = [](int n) {
    return "release: {name: m}\nx: " + std::string(n - 1, '[') + std::string(n - 1, ']') + "\n";
  };
  auto compact = [](int n) {
    std::string s = "release: {name: m}\nx:\n  ";
    for (int i = 1; i < n; ++i) s += "- ";
    return s + "y\n";
  };
  auto indented = [](int n) {
    std::string s = "release: {name: m}\n";
    for (int i = 1; i < n; ++i) s += std::string(static_cast<std::size_t>(i - 1), ' ') + "k:\n";
    return s + std::string(static_cast<std::size_t>(n - 1), ' ') + "k: v\n";
  };
  auto aliases = [](int n) {
    std::string s = "release: {name: m}\na0: &a0 x\n";
    for (int i = 1; i < n; ++i) {
      s += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) +
           "]\n";
    }
    return s;
  };
  struct Form {
    const char* name;
    std::string (*make)(int);
    InputSyntax syntax;
  };
  const Form forms[] = {{"json", +json, InputSyntax::json},
                        {"flow", +flow, InputSyntax::yaml},
                        {"compact", +compact, InputSyntax::yaml},
                        {"indented", +indented, InputSyntax::yaml},
                        {"aliases", +aliases, InputSyntax::yaml}};
  for (const auto& f : forms) {
    SCOPED_TRACE(f.name);
    EXPECT_NO_THROW(parse_manifest(f.make(4), "m", f.syntax, limits)) << f.make(4);
    EXPECT_EQ(error_of(f.make(5), f.syntax, limits).message(),
              "nesting deeper than 4 levels; a manifest needs only a few")
        << f.make(5);
  }
}

TEST(HostileLimits, StringsComponentsAndSize) {
  ReadLimits limits;
  limits.max_string = 10;  // "components" is the longest key
  limits.max_components = 2;
  limits.max_bytes = 200;
  for (InputSyntax syntax : {InputSyntax::json, InputSyntax::yaml}) {
    EXPECT_NO_THROW(parse_manifest(R"({"release": {"name": "1234567890"}})", "m", syntax, limits));
    // The library names no flag: the kind lets the CLI add it.
    Error long_string = error_of(R"({"release": {"name": "12345678901"}})", syntax, limits);
    EXPECT_EQ(long_string.message(), "a string of 11 bytes is longer than the limit of 10 bytes");
    EXPECT_EQ(long_string.kind(), ErrorKind::string_too_long);
    Error long_key = error_of(R"({"release": {"name": "m", "description": 1}})", syntax, limits);
    EXPECT_EQ(long_key.message(), "a key of 11 bytes is longer than the limit of 10 bytes");
    EXPECT_EQ(long_key.kind(), ErrorKind::string_too_long);
    EXPECT_NO_THROW(parse_manifest(R"({"release": {"name": "m", "components": [{"name": "a"},
        {"name": "b"}]}})",
                                   "m", syntax, limits));
    EXPECT_EQ(error_of(R"({"release": {"name": "m", "components": [{"name": "a"}, {"name": "b"},
        {"name": "c"}]}})",
                       syntax, limits)
                  .message(),
              "'release.components' has 3 entries, more than the limit of 2");
  }
  std::string text = R"({"release": {"name": "m"}})";
  text.resize(200, ' ');
  EXPECT_NO_THROW(parse_manifest(text, "m", InputSyntax::automatic, limits));
  Error too_large = error_of(text + " ", InputSyntax::automatic, limits);
  EXPECT_EQ(too_large.message(), "input of 201 bytes exceeds the limit of 200 bytes");
  EXPECT_EQ(too_large.kind(), ErrorKind::input_too_large);
}

TEST(HostileEncoding, EachProblemHasItsOwnMessage) {
  struct Case {
    std::string text;
    const char* what;
  };
  const Case cases[] = {
      {"", "m: the file is empty; a manifest needs a 'release'"},
      {" \n\t\r\n", "m: holds only whitespace; a manifest needs a 'release'"},
      {"# x\n  # y\n", "m: holds only comments; a manifest needs a 'release'"},
      {std::string("\xFF\xFE{\0}\0", 6), "m: is UTF-16 text; save the manifest as UTF-8"},
      {std::string("\0{\0}", 4), "m: is UTF-16 text; save the manifest as UTF-8"},
      {std::string("\xFF\xFE\0\0{\0\0\0", 8), "m: is UTF-32 text; save the manifest as UTF-8"},
      {"\x7F"
       "ELF\x02\x01\x01",
       "m: is an ELF executable, not a JSON or YAML manifest"},
      {std::string("\x01\x02\x03\x04\x05\x06\x07\x08\x0E\x0F", 10),
       "m: is binary data, not a JSON or YAML manifest"},
      {std::string("release:\n  name: a\0b\n", 20),
       "m:2:10: a NUL byte; a manifest is text without NUL bytes"},
      {"release:\n  name: \x1B[2J\n",
       "m:2:9: the control character 0x1B; write it escaped inside a quoted string, or remove it"},
      {"release:\n  name: caf\xE9\n",
       "m:2:12: invalid UTF-8 (byte 0xE9); save the manifest as UTF-8"},
      {"release:\n  name: \xC0\xAF\n",
       "m:2:9: invalid UTF-8 (byte 0xC0); save the manifest as UTF-8"},
      {"release:\n  name: \xED\xA0\x80\n",
       "m:2:9: invalid UTF-8 (byte 0xED); save the manifest as UTF-8"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(std::string(error_of(c.text, InputSyntax::automatic).what()), c.what);
  }
  EXPECT_EQ(parse_manifest("\xEF\xBB\xBF{\"release\": {\"name\": \"b\xC3\xA9\"}}", "m").name.value,
            "b\xC3\xA9");
  EXPECT_EQ(parse_manifest("\xEF\xBB\xBFrelease:\n  name: b\n", "m").name.value, "b");
}

// One byte order mark may open a file; a second is U+FEFF where a value must
// start (the JSON parser would skip it on its own: the differential fuzzer
// found it reading "\xEF\xBB\xBF\xEF\xBB\xBF-0" as the number 0).
TEST(HostileEncoding, OnlyOneByteOrderMarkOpensJson) {
  const std::string bom = "\xEF\xBB\xBF";
  EXPECT_EQ(std::string(
                error_of(bom + bom + "{\"release\": {\"name\": \"b\"}}", InputSyntax::json).what()),
            "m:1:1: invalid JSON: a byte order mark (U+FEFF) where a value must start; a file may "
            "open with one, and only one");
  EXPECT_EQ(error_of(bom + "-0", InputSyntax::json).message().substr(0, 38),
            "a manifest must be a mapping with 'fra");
}

TEST(HostileInput, ADirectoryIsNotAFile) {
  try {
    read_input(::testing::TempDir());
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "is a directory, not a file");
  }
}

// Runs the CLI in-process on `text` written to a temporary file.
std::string run_on(const std::string& text, const std::vector<std::string>& extra, int& rc) {
  fs::path file = fs::path(::testing::TempDir()) / "hostile-terminal.json";
  std::ofstream(file, std::ios::binary) << text;
  std::vector<std::string> args = {"mof-check", "check"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(file.string());
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  rc = run_cli(static_cast<int>(argv.size()), argv.data(), out, err, true);
  fs::remove(file);
  return out.str() + err.str();
}

TEST(HostileTerminal, InputCannotPutAnEscapeOnTheScreen) {
  const std::string text =
      R"({"release": {"name": "\u001b]0;title\u0007\u001b[2Jwiped\u202eevil", )"
      R"("producer": "\u009b31m\u001b[31mred", "license": {"distribution": {"name": "MIT\u001b[8m"}}, )"
      R"("components": [{"name": "Model card\u001b[1A", "license": "\u2066Apache-2.0\u2069",)"
      R"( "component_path": "\u001b[K../../etc"}, {"name": "\u001b[1mNot a component"}]}})";
  for (const char* format : {"text", "json"}) {
    SCOPED_TRACE(format);
    int rc = -1;
    std::string shown = run_on(text, {"--color", "never", "--format", format}, rc);
    EXPECT_EQ(rc, 0) << shown;
    EXPECT_EQ(shown.find('\x1b'), std::string::npos) << shown;
    EXPECT_EQ(shown.find('\x07'), std::string::npos) << shown;
    if (std::string(format) == "text") {
      // JSON's own rules escape only C0 controls; text escapes these too.
      EXPECT_EQ(shown.find("\xC2\x9B"), std::string::npos);      // C1 CSI
      EXPECT_EQ(shown.find("\xE2\x80\xAE"), std::string::npos);  // right-to-left override
      EXPECT_EQ(shown.find("\xE2\x81\xA6"), std::string::npos);  // left-to-right isolate
    }
    EXPECT_NE(shown.find("wiped"), std::string::npos);
  }
}

TEST(HostileOutput, AnOutputNeverReplacesAnInput) {
  fs::path dir = fs::path(::testing::TempDir()) / "hostile-guard";
  fs::create_directories(dir);
  fs::path input = dir / "model.json";
  std::ofstream(input) << "{}";
  const std::vector<std::string> inputs = {"-", input.string()};
  EXPECT_THROW(refuse_output_over_input(input.string(), inputs), Error);
  EXPECT_THROW(refuse_output_over_input((dir / "." / "model.json").string(), inputs), Error);
  fs::path link = dir / "link.json";
  fs::remove(link);
  fs::create_symlink(input, link);
  EXPECT_THROW(refuse_output_over_input(link.string(), inputs), Error);
  EXPECT_NO_THROW(refuse_output_over_input((dir / "report.json").string(), inputs));
  EXPECT_NO_THROW(refuse_output_over_input(input.string(), inputs, "-o", true));
  try {
    refuse_output_over_input(input.string(), inputs, "-o");
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "-o " + input.string() + ": this is the input " + input.string() +
                               "; writing there would replace it (choose another file, or pass "
                               "--in-place)");
  }
  fs::remove_all(dir);
}

TEST(HostileLimits, ByteSizes) {
  const std::size_t max = std::size_t{1} << 30;
  EXPECT_EQ(parse_byte_size("1", max), 1u);
  EXPECT_EQ(parse_byte_size("512K", max), 512u << 10);
  EXPECT_EQ(parse_byte_size("64MiB", max), 64u << 20);
  EXPECT_EQ(parse_byte_size("1g", max), std::size_t{1} << 30);
  for (const char* bad : {"", "0", "K", "2G", "1T", "-1", "1.5M", "99999999999999999999999"}) {
    EXPECT_FALSE(parse_byte_size(bad, max).has_value()) << bad;
  }
}

// Every input a fuzzer found (fuzz/regressions/<target>/) still gives only
// an Error, never a crash or another exception.
TEST(FuzzRegressions, ReplayWithoutCrashing) {
  fs::path root = fs::path(MOFCHECK_SOURCE_DIR) / "fuzz" / "regressions";
  int replayed = 0;
  for (const char* target :
       {"manifest_json", "manifest_yaml", "spdx", "framework", "yaml_differential"}) {
    fs::path dir = root / target;
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      SCOPED_TRACE(entry.path().string());
      ++replayed;
      std::string t = target;
      try {
        if (t == "manifest_json") parse_manifest(text, "f", InputSyntax::json);
        if (t == "manifest_yaml") parse_manifest(text, "f", InputSyntax::yaml);
        if (t == "framework") parse_framework(text, "f");
        if (t == "yaml_differential") doc::parse_yaml(text, "f", 60, 1u << 20);
        if (t == "spdx") {
          auto parsed = spdx::parse(text);
          if (parsed.ok()) {
            EXPECT_TRUE(spdx::parse(spdx::to_string(parsed.expression)).ok());
          }
          (void)LicenseDb::builtin().assess(text, ContentType::code);
        }
      } catch (const Error&) {
      }
    }
  }
  RecordProperty("replayed", replayed);
}

}  // namespace
}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
// Writes the built-in data as constant C++ tables (src/license/builtin_tables.hpp,
// src/framework/builtin_tables.hpp). Run by the build:
//   gen_builtin_tables OUT.cpp LICENSES_JSON MOT_PROFILE_JSON FRAMEWORK_YAML
// It reads each file with the loader mof-check uses at run time for a
// --licenses or --framework file and writes what that loader produced,
// lookup tables included, so the tables cannot mean anything the files do
// not; tests/unit/builtin_tables_test.cpp holds the two to each other.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <mofcheck/framework.hpp>
#include <mofcheck/license.hpp>
#include <mofcheck/profile.hpp>

#include "license/license_tables.hpp"

namespace {

using mofcheck::BuiltinTablesAccess;

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A C++ string_view literal. Octal escapes (at most three digits) cannot run
// into the character after them, as hexadecimal ones would.
std::string lit(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c >= 0x20 && c < 0x7f && c != '?') {
      out += static_cast<char>(c);
    } else {
      char buf[5];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      out += buf;
    }
  }
  return out + "\"sv";
}

std::string boolean(bool b) {
  return b ? "true" : "false";
}

class Writer {
 public:
  // A named array of string_views; returns its name ("{}" for none: an empty span).
  template <typename Strings>
  std::string strings(const Strings& items) {
    if (items.empty()) return "{}";
    std::string name = name_for('s');
    out_ << "constexpr std::string_view " << name << "[] = {";
    for (const auto& s : items) out_ << lit(s) << ", ";
    out_ << "};\n";
    return name;
  }
  template <typename Ints>
  std::string ints(const char* type, const Ints& items) {
    if (items.empty()) return "{}";
    std::string name = name_for('n');
    out_ << "constexpr " << type << ' ' << name << "[] = {";
    for (auto v : items) out_ << static_cast<int>(v) << ", ";
    out_ << "};\n";
    return name;
  }
  // A sorted IndexRow table of a loaded map.
  std::string index(const mofcheck::license_detail::Index& index) {
    std::vector<std::pair<std::string, int>> rows(index.map.begin(), index.map.end());
    if (rows.empty()) return "{}";
    std::sort(rows.begin(), rows.end());
    std::string name = name_for('x');
    out_ << "constexpr IndexRow " << name << "[] = {\n";
    for (const auto& [key, value] : rows) out_ << "  {" << lit(key) << ", " << value << "},\n";
    out_ << "};\n";
    return name;
  }
  std::ostringstream& out() { return out_; }

 private:
  std::string name_for(char prefix) {
    std::string name(1, prefix);
    name += std::to_string(next_++);
    return name;
  }

  std::ostringstream out_;
  int next_ = 0;
};

void licenses(Writer& w, const mofcheck::LicenseDb& db) {
  const mofcheck::LicenseDb::Impl& d = BuiltinTablesAccess::impl(db);
  std::ostringstream rows;
  for (const mofcheck::LicenseInfo& l : d.licenses) {
    rows << "  {" << lit(l.id) << ", " << lit(l.name) << ", " << lit(l.replacement) << ", "
         << lit(l.note) << ", " << lit(l.reason) << ", " << boolean(l.osi_approved) << ", "
         << boolean(l.fsf_libre) << ", " << boolean(l.deprecated) << ", " << boolean(l.open) << ", "
         << w.ints("TypeCode", l.suits) << ", " << w.ints("TypeCode", l.note_for) << "},\n";
  }
  w.out() << "constexpr LicenseRow licenses[] = {\n" << rows.str() << "};\n";
  w.out() << "constexpr ExceptionRow exceptions[] = {\n";
  for (const mofcheck::ExceptionInfo& e : d.exceptions) {
    w.out() << "  {" << lit(e.id) << ", " << lit(e.name) << ", " << boolean(e.deprecated) << "},\n";
  }
  w.out() << "};\n";
  rows.str("");
  for (const mofcheck::KnownLicense& k : d.known) {
    rows << "  {" << lit(k.key) << ", " << lit(k.name) << ", " << lit(k.reason) << ", "
         << lit(k.kind) << ", " << w.strings(k.patterns) << "},\n";
  }
  w.out() << "constexpr KnownRow known[] = {\n" << rows.str() << "};\n";
  std::string suits_mask = w.ints("std::uint8_t", d.suits_mask);
  std::string by_lower = w.index(d.license_by_lower);
  std::string exception_by_lower = w.index(d.exception_by_lower);
  std::string phrases = w.index(d.phrases);
  std::string guessed = w.index(d.guessed);
  std::string leading = w.strings(d.leading_words);
  std::string trailing = w.strings(d.trailing_words);
  w.out() << "}  // namespace\n\nconstinit const LicenseTables kLicenses{" << lit(d.list_version)
          << ", " << lit(d.source) << ", " << lit(d.default_reason) << ", licenses, " << suits_mask
          << ", exceptions, known, " << by_lower << ", " << exception_by_lower << ", " << phrases
          << ", " << guessed << ", " << leading << ", " << trailing << "};\n\nnamespace {\n";
}

void mot(Writer& w, const mofcheck::MotRules& m) {
  const BuiltinTablesAccess::MotFacts f = BuiltinTablesAccess::facts(m);
  std::string labels = w.strings(f.labels);
  std::string open = w.strings(f.open);
  std::string unlicensed = w.strings(f.unlicensed);
  std::string suits[3];
  for (int t = 0; t < 3; ++t) suits[t] = w.strings(f.suits[t]);
  std::string spellings = "{}";
  if (!f.spellings.empty()) {
    spellings = "spellings";
    w.out() << "constexpr SpellingRow spellings[] = {\n";
    for (const auto& [from, to] : f.spellings)
      w.out() << "  {" << lit(from) << ", " << lit(to) << "},\n";
    w.out() << "};\n";
  }
  w.out() << "}  // namespace\n\nconstinit const MotTables kMot{" << lit(f.source) << ", "
          << lit(f.filed_under) << ", " << labels << ", " << open << ", " << unlicensed << ", {"
          << suits[0] << ", " << suits[1] << ", " << suits[2] << "}, " << spellings
          << "};\n\nnamespace {\n";
}

void framework(Writer& w, const mofcheck::Framework& fw) {
  w.out() << "constexpr ClassRow classes[] = {\n";
  for (const mofcheck::ClassDef& c : fw.classes) {
    w.out() << "  {" << c.level << ", " << lit(c.name) << ", " << lit(c.label) << ", "
            << lit(c.roman) << "},\n";
  }
  w.out() << "};\n";
  std::ostringstream rows;
  for (const mofcheck::ComponentDef& c : fw.components) {
    rows << "  {" << lit(c.id) << ", " << lit(c.name) << ", " << lit(c.description) << ", "
         << static_cast<int>(c.type) << ", " << c.class_level << ", " << boolean(c.required) << ", "
         << w.strings(c.aliases) << ", " << w.strings(c.may_be_included_in) << "},\n";
  }
  w.out() << "constexpr ComponentRow components[] = {\n" << rows.str() << "};\n";
  rows.str("");
  for (const mofcheck::Substitution& s : fw.substitutions) {
    rows << "  {" << s.component << ", " << s.substitute << ", " << w.ints("int", s.counts_in)
         << ", " << w.ints("int", s.waived_in) << "},\n";
  }
  std::string substitutions = "{}";
  if (!fw.substitutions.empty()) {
    substitutions = "substitutions";
    w.out() << "constexpr SubstitutionRow substitutions[] = {\n" << rows.str() << "};\n";
  }
  std::string recommended[3];
  for (std::size_t t = 0; t < 3; ++t) recommended[t] = w.strings(fw.recommended_licenses[t]);
  w.out() << "}  // namespace\n\nconstinit const FrameworkTables kFramework{" << lit(fw.name)
          << ", " << lit(fw.version) << ", " << lit(fw.date) << ", " << lit(fw.origin)
          << ", classes, components, " << substitutions << ", {" << recommended[0] << ", "
          << recommended[1] << ", " << recommended[2] << "}};\n\nnamespace {\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr
        << "usage: gen_builtin_tables OUT.cpp LICENSES_JSON MOT_PROFILE_JSON FRAMEWORK_YAML\n";
    return 2;
  }
  try {
    const std::string out_path = argv[1];
    const mofcheck::LicenseDb db = mofcheck::LicenseDb::parse(read(argv[2]), argv[2]);
    const mofcheck::MotRules mot_rules = mofcheck::MotRules::parse(read(argv[3]), argv[3]);
    mofcheck::Framework fw = mofcheck::parse_framework(read(argv[4]), argv[4]);
    // The origin reports and errors name; the facts came from argv[4].
    fw.origin = "<builtin>/" + std::filesystem::path(argv[4]).filename().string();

    Writer w;
    w.out() << "// Generated by tools/gen_builtin_tables.cpp from data/; do not edit.\n"
            << "#include \"framework/builtin_tables.hpp\"\n"
            << "#include \"license/builtin_tables.hpp\"\n\n"
            << "namespace mofcheck::builtin {\n\nusing namespace std::literals;\n\nnamespace {\n";
    licenses(w, db);
    mot(w, mot_rules);
    framework(w, fw);
    w.out() << "}  // namespace\n\n}  // namespace mofcheck::builtin\n";

    // Written beside and renamed, so a failed run leaves no half file.
    {
      std::ofstream out(out_path + ".tmp", std::ios::binary);
      out << w.out().str();
      if (!out.flush()) throw std::runtime_error("cannot write " + out_path + ".tmp");
    }
    std::filesystem::rename(out_path + ".tmp", out_path);
  } catch (const std::exception& e) {
    std::cerr << "gen_builtin_tables: " << e.what() << '\n';
    return 1;
  }
  return 0;
}

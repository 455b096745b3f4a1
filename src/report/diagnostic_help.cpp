// SPDX-License-Identifier: Apache-2.0
#include "report/diagnostic_help.hpp"

#include <array>

namespace mofcheck {

namespace {

struct Entry {
  std::string_view code, summary, help;
};

// Keep in step with the codes the readers, the evaluator, the license layer
// and the gate emit; an unknown code still gets a generic rule.
constexpr std::array<Entry, 20> kHelp = {{
    {"license-not-open", "The license is not open under the MOF",
     "Release the component under an open license suited to its type (OSI-approved for code, "
     "an open data license for data, an open content license for documents)."},
    {"license-alias", "The license is written with a name that is not an SPDX id",
     "Write the SPDX id the message suggests, so tools can recognise the license."},
    {"license-unknown", "The license id is not on the SPDX License List",
     "Write an SPDX license id, or a LicenseRef- for a license that has none."},
    {"license-syntax", "The license is not a valid SPDX license expression",
     "Fix the expression at the column shown: ids joined by AND, OR and WITH, with parentheses."},
    {"license-not-canonical", "The license id or operator is not written in canonical form",
     "Write the SPDX id with its canonical spelling and operators in upper case."},
    {"license-deprecated", "The SPDX license id is deprecated",
     "Write the id SPDX lists as its replacement."},
    {"license-type-unsuited", "The open license is not suited to the component's type",
     "Prefer a license made for the type (a software license for code, a data license for "
     "data, a content license for documents)."},
    {"license-type-note", "A remark about the license and the component's type",
     "Check that the license states the rights you mean to grant for this type."},
    {"unknown-component", "The manifest lists a component the framework does not define",
     "Write the component's name as 'mof-check components' lists it; it is not counted."},
    {"duplicate-component", "The manifest lists a component twice",
     "Keep one entry per component; only the first counts."},
    {"component-name", "The component is written with another name than the framework's",
     "Write the name exactly as the framework does."},
    {"framework-version", "The manifest was written for another framework version",
     "Update the manifest's framework section, or judge it with the matching definition."},
    {"unknown-key", "The manifest has a key mof-check does not know",
     "Remove the key or correct its spelling; it is ignored."},
    {"not-a-string", "A value is a number or boolean where a string belongs", "Quote the value."},
    {"included-in-license", "A component published inside another has a license of its own",
     "Check which license applies: the host component's, or the one written for this one."},
    {"path-missing", "A component_path or license_path does not exist under --paths ROOT",
     "Correct the path, or publish the file it names."},
    {"path-escapes", "A path leads outside --paths ROOT",
     "Write a path inside the repository (no '..' out of it, no absolute path, no link out)."},
    {"path-url", "A path is a URL; mof-check does not fetch it",
     "Nothing to do; check by hand that the URL serves what it should."},
    {"waiver-expired", "A waiver in the project configuration has expired",
     "Fix what the waiver accepted, or renew the waiver with a new reason and date."},
    {"input-error", "The input could not be read or evaluated",
     "Fix the manifest at the location shown; nothing else about it was judged."},
}};

}  // namespace

std::vector<std::string> diagnostic_codes() {
  std::vector<std::string> codes;
  for (const auto& e : kHelp) codes.emplace_back(e.code);
  return codes;
}

DiagnosticHelp diagnostic_help(std::string_view code) {
  for (const auto& e : kHelp) {
    if (e.code == code) return {std::string(e.summary), std::string(e.help)};
  }
  return {"mof-check diagnostic " + std::string(code), "See the message for what to change."};
}

}  // namespace mofcheck

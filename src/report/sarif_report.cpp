// SPDX-License-Identifier: Apache-2.0
// SARIF 2.1.0 (OASIS): one run for all inputs; one rule per framework
// component and per diagnostic code found; one result per unmet required
// component, diagnostic, expired waiver and unreadable input. Code-scanning
// tools show results on the manifest line they point at.
#include <map>
#include <ostream>

#include <nlohmann/json.hpp>

#include <mofcheck/version.hpp>

#include "report/escape.hpp"
#include "report/findings.hpp"
#include "report/reporters.hpp"
#include "util/diagnostic_codes.hpp"

namespace mofcheck {

namespace {

using ojson = nlohmann::ordered_json;

constexpr const char* kSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

ojson physical_location(const SourceLocation& where) {
  ojson loc = {{"artifactLocation", {{"uri", escape::uri_path(where.file)}}}};
  if (where.line > 0) {
    ojson region = {{"startLine", where.line}};
    if (where.column > 0) region["startColumn"] = where.column;
    loc["region"] = region;
  }
  return {{"physicalLocation", loc}};
}

ojson text(const std::string& s) {
  return {{"text", s}};
}

class SarifReporter : public Reporter {
 public:
  explicit SarifReporter(Profile profile) : profile_(profile) {}

  void add(const Evaluation& ev, const GateResult& gate, std::ostream&) override {
    if (!framework_) add_component_rules(*ev.framework);
    for (const Finding& f : list_findings(ev, gate)) {
      add_diagnostic_rule(f.rule);  // component rules exist already
      ojson r = {{"ruleId", f.rule},
                 {"ruleIndex", rule_index_.at(f.rule)},
                 {"level", finding_level_name(f.level)},
                 {"message", text(f.message)},
                 {"locations", ojson::array({physical_location(f.where)})}};
      if (!f.license_where.file.empty() &&
          (f.license_where.line != f.where.line || f.license_where.file != f.where.file)) {
        ojson rel = physical_location(f.license_where);
        rel["id"] = 1;
        rel["message"] = text("the license that applies is written here");
        r["relatedLocations"] = ojson::array({rel});
      }
      if (f.waiver) {
        r["suppressions"] = ojson::array(
            {{{"kind", "external"},
              {"status", "accepted"},
              {"justification", f.waiver->reason + " (until " + f.waiver->expires + ")"},
              {"location", physical_location(f.waiver->where)}}});
      }
      r["properties"] = {{"model", ev.model.name},
                         {"class", ev.model_class},
                         {"profile", profile_name(ev.profile)},
                         {"gatePassed", gate.passed}};
      results_.push_back(std::move(r));
    }
  }

  void add_error(const Error& error, std::ostream&) override {
    add_diagnostic_rule("input-error");
    failed_ = true;
    results_.push_back({{"ruleId", "input-error"},
                        {"ruleIndex", rule_index_.at("input-error")},
                        {"level", "error"},
                        {"message", text(error.message())},
                        {"locations", ojson::array({physical_location(error.where())})}});
  }

  void finish(std::ostream& out) override {
    ojson driver = {{"name", "mof-check"},
                    {"version", version},
                    {"informationUri", "https://arxiv.org/abs/2403.13784"},
                    {"rules", rules_}};
    ojson run = {{"tool", {{"driver", driver}}},
                 {"invocations", ojson::array({{{"executionSuccessful", !failed_}}})},
                 {"results", results_},
                 {"properties", {{"profile", profile_name(profile_)}}}};
    ojson doc = {{"$schema", kSchema}, {"version", "2.1.0"}, {"runs", ojson::array({run})}};
    out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }

 private:
  void add_rule(const std::string& id, ojson rule) {
    rule_index_[id] = rules_.size();
    rules_.push_back(std::move(rule));
  }

  void add_component_rules(const Framework& fw) {
    framework_ = &fw;
    for (const auto& def : fw.components) {
      std::string need = (def.required ? fw.label(def.class_level) + " requires the "
                                       : std::string("The optional component ")) +
                         def.name + " (" + def.description + "), released under " +
                         license_advice(fw, def.type) + ".";
      add_rule(
          component_rule(def),
          {{"id", component_rule(def)},
           {"name", def.name},
           {"shortDescription", text(def.name + " is published under an open license")},
           {"fullDescription", text(def.description)},
           {"help", text(need + " List it in release.components with its license, or "
                                "rely on the release's type-wide or distribution license.")},
           {"defaultConfiguration", {{"level", "warning"}}},
           {"properties", {{"class", def.class_level}, {"type", content_type_name(def.type)}}}});
    }
  }

  void add_diagnostic_rule(const std::string& code) {
    if (rule_index_.count(code)) return;
    // Every emitted code is in the table (diagnostic_codes_test); the
    // fallback keeps the report valid should one slip through.
    const DiagnosticCode* c = find_diagnostic_code(code);
    std::string summary = c ? std::string(c->summary) : "mof-check diagnostic " + code;
    std::string help = c ? std::string(c->help) : "See the message for what to change.";
    add_rule(code, {{"id", code},
                    {"shortDescription", text(summary)},
                    {"help", text(help)},
                    {"defaultConfiguration", {{"level", "warning"}}}});
  }

  const Framework* framework_ = nullptr;
  Profile profile_;
  ojson rules_ = ojson::array();
  std::map<std::string, std::size_t> rule_index_;
  ojson results_ = ojson::array();
  bool failed_ = false;
};

}  // namespace

std::unique_ptr<Reporter> make_sarif_reporter(const ReportOptions& o) {
  return std::make_unique<SarifReporter>(o.profile);
}

}  // namespace mofcheck

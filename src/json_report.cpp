// SPDX-License-Identifier: Apache-2.0
#include "json_report.hpp"

#include <ostream>

#include "reporters.hpp"

namespace mofcheck {

using ojson = nlohmann::ordered_json;

ojson location_json(const SourceLocation& where) {
  ojson j = {{"file", where.file}};
  if (where.line > 0) j["line"] = where.line;
  if (where.column > 0) j["column"] = where.column;
  return j;
}

ojson evaluation_json(const Evaluation& ev, const GateResult& gate) {
  const Framework& fw = *ev.framework;
  ojson j;
  j["input"] = ev.model.origin;
  j["model"] = {{"name", ev.model.name},
                {"version", ev.model.version},
                {"producer", ev.model.producer},
                {"date", ev.model.date},
                {"type", ev.model.type}};
  j["framework"] = {{"name", fw.name}, {"version", fw.version}};
  j["license_list_version"] = ev.license_list_version;
  j["class"] = ev.model_class;
  j["label"] = fw.label(ev.model_class);
  ojson progress = ojson::object();
  for (auto it = fw.classes.rbegin(); it != fw.classes.rend(); ++it) {
    progress[std::to_string(it->level)] = ev.progress[static_cast<std::size_t>(it->level)];
  }
  j["progress"] = progress;
  j["gate"] = {{"passed", gate.passed}, {"failures", gate.failures}};
  if (!gate.waived.empty()) {
    ojson waived = ojson::array();
    for (const auto& w : gate.waived) {
      waived.push_back({{"code", w.waiver.code},
                        {"component", w.waiver.component},
                        {"reason", w.waiver.reason},
                        {"expires", w.waiver.expires},
                        {"diagnostic", w.diagnostic}});
    }
    j["gate"]["waived"] = std::move(waived);
  }
  ojson comps = ojson::array();
  for (const auto& r : ev.components) {
    const ComponentDef& def = fw.components[r.index];
    ojson c = {{"name", def.name},
               {"id", def.id},
               {"type", content_type_name(def.type)},
               {"class", def.class_level},
               {"required", def.required},
               {"status", status_name(r.status)},
               {"license", r.listed ? ojson(r.license_canonical) : ojson(nullptr)},
               {"license_written", r.listed ? ojson(r.license) : ojson(nullptr)},
               {"license_source", license_source_name(r.license_source)},
               {"type_appropriate", r.type_appropriate}};
    if (!r.reason.empty()) c["reason"] = r.reason;
    if (!r.suggestion.empty()) c["suggestion"] = r.suggestion;
    if (!r.included_in.empty()) c["included_in"] = r.included_in;
    if (!r.substituted_by.empty()) c["substituted_by"] = r.substituted_by;
    if (r.listed) c["location"] = location_json(r.where);
    comps.push_back(std::move(c));
  }
  j["components"] = std::move(comps);
  ojson diags = ojson::array();
  for (const auto& d : ev.diagnostics) {
    ojson o = {{"severity", severity_name(d.severity)}, {"code", d.code}, {"message", d.message}};
    if (!d.component.empty()) o["component"] = d.component;
    if (!d.where.file.empty()) o["location"] = location_json(d.where);
    diags.push_back(std::move(o));
  }
  j["diagnostics"] = std::move(diags);
  ojson next = ojson::array();
  for (const auto& gap : ev.gaps) {
    ojson actions = ojson::array();
    for (std::size_t i : minimal_actions(ev, gap)) {
      actions.push_back({{"component", fw.components[i].name},
                         {"status", status_name(ev.components[i].status)},
                         {"action", describe_action(ev, i)}});
    }
    next.push_back({{"class", gap.level}, {"label", fw.label(gap.level)}, {"actions", actions}});
  }
  j["next"] = std::move(next);
  return j;
}

ojson error_json(const Error& error) {
  ojson j;
  j["input"] = error.where().file;
  j["error"] = {{"message", error.message()}, {"location", location_json(error.where())}};
  return j;
}

namespace {

class JsonReporter : public Reporter {
 public:
  void add(const Evaluation& ev, const GateResult& gate, std::ostream& out) override {
    out << evaluation_json(ev, gate).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
        << '\n';
  }
  void add_error(const Error& error, std::ostream& out) override {
    out << error_json(error).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(const ReportOptions&) {
  return std::make_unique<JsonReporter>();
}

}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
#include "report/findings.hpp"

#include <algorithm>

#include "report/reporters.hpp"
#include "report/wording.hpp"

namespace mofcheck {

const char* finding_level_name(FindingLevel level) {
  switch (level) {
    case FindingLevel::error:
      return "error";
    case FindingLevel::warning:
      return "warning";
    case FindingLevel::note:
      return "note";
  }
  return "note";
}

std::string component_rule(const ComponentDef& def) {
  return "component/" + def.id;
}

namespace {

// A location that names at least the manifest.
SourceLocation or_manifest(const SourceLocation& where, const Evaluation& ev) {
  if (!where.file.empty()) return where;
  return ev.model.release_where.file.empty() ? SourceLocation{ev.model.origin, 0, 0}
                                             : ev.model.release_where;
}

}  // namespace

std::vector<Finding> list_findings(const Evaluation& ev, const GateResult& gate) {
  const Framework& fw = *ev.framework;
  std::vector<Finding> out;

  auto add_component = [&](std::size_t i, FindingLevel level, const std::string& because) {
    const ComponentDef& def = fw.components[i];
    const ComponentResult& r = ev.components[i];
    Finding f;
    f.level = level;
    f.rule = component_rule(def);
    f.title = def.name + " " + status_name(r.status);
    f.message = def.name + ": " + describe_action(ev, i) + " (" + because + ")";
    f.where = or_manifest(r.where, ev);
    if (r.listed && !r.license_where.file.empty()) f.license_where = r.license_where;
    f.component = static_cast<int>(i);
    out.push_back(std::move(f));
  };
  std::vector<bool> seen(ev.components.size(), false);
  for (std::size_t g = 0; g < ev.gaps.size(); ++g) {
    for (std::size_t i : ev.gaps[g].unmet) {
      if (seen[i]) continue;
      seen[i] = true;
      bool blocks = gate.blocks(i);
      add_component(
          i,
          blocks   ? FindingLevel::error
          : g == 0 ? FindingLevel::warning
                   : FindingLevel::note,
          fw.label(ev.gaps[g].level) + " requires it" + (blocks ? ", and the gate does" : ""));
    }
  }
  // Components the gate requires outside every gap (a --require within a class reached).
  for (std::size_t i : gate.blocking) {
    if (!seen[i]) add_component(i, FindingLevel::error, "the gate requires it");
  }

  for (std::size_t d = 0; d < ev.diagnostics.size(); ++d) {
    const Diagnostic& diag = ev.diagnostics[d];
    Finding f;
    f.rule = diag.code;
    f.title = diag.code;
    f.message = diag.text();
    f.where = or_manifest(diag.where, ev);
    f.component = diag.component.empty() ? -1 : fw.find_component(diag.component);
    f.waiver = gate.waiver_for(d);
    if (f.waiver) {
      f.level = FindingLevel::note;
      f.message += " (" + wording::waived(*f.waiver) + ")";
    } else if (gate.fails_on(d)) {
      f.level = FindingLevel::error;
      f.message += " (fails the gate)";
    } else if (diag.severity == Severity::error && f.component >= 0 &&
               gate.blocks(static_cast<std::size_t>(f.component))) {
      f.level = FindingLevel::error;  // why a component the gate needs is not met
    } else {
      f.level = diag.severity == Severity::note ? FindingLevel::note : FindingLevel::warning;
    }
    out.push_back(std::move(f));
  }

  for (const Waiver& w : gate.expired) {
    Finding f;
    f.level = FindingLevel::error;
    f.rule = "waiver-expired";
    f.title = "waiver expired";
    f.message = "the waiver of " + w.code +
                (w.component.empty() ? "" : " for '" + w.component + "'") + " expired on " +
                w.expires + " (" + w.reason + "); renew or remove it";
    f.where = or_manifest(w.where, ev);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace mofcheck

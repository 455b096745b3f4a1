// SPDX-License-Identifier: Apache-2.0
#include "evaluate/profile_difference.hpp"

#include <cstdio>

#include <mofcheck/spdx.hpp>

namespace mofcheck {

namespace {

// What the MOT would accept in place of a text the spdx profile counts as
// open: the text to write (empty when there is none), and why.
struct MotFix {
  std::string text;
  std::string why;
};

// The MOT's id for an SPDX id, when its list counts it as open.
std::string mot_id(const MotRules& rules, const std::string& id) {
  if (rules.open(id)) return id;
  std::string other = rules.spelling(id);
  return !other.empty() && rules.open(other) ? other : std::string();
}

MotFix mot_fix(const LicenseAssessment& spdx, std::string_view written, ContentType type,
               const MotRules& rules) {
  const std::string quoted = "'" + std::string(written) + "'";
  spdx::ParseResult parsed = spdx::parse(spdx.canonical);
  if (!parsed.ok()) return {{}, quoted + " does not read as one license id"};
  const spdx::Expression& e = parsed.expression;
  const spdx::Node& top = e.nodes[static_cast<std::size_t>(e.root)];
  if (top.kind == spdx::Node::Kind::license) {
    if (!top.exception.empty() || top.or_later) {
      return {{},
              "the MOT reads one license id, not an expression, so it cannot record " +
                  spdx.canonical +
                  (top.or_later ? "" : " (the license alone is not the same grant)")};
    }
    std::string id = mot_id(rules, top.id);
    if (id.empty()) {
      return {{},
              top.id +
                  " is not on the MOT's open list (its list differs from the SPDX, "
                  "OSI, FSF and MOF data here)"};
    }
    if (id != top.id) return {id, "the MOT's list names this license " + id};
    return {id, "the MOT compares license names exactly"};
  }
  if (top.kind == spdx::Node::Kind::all_of) {
    return {
        {},
        "the MOT reads one license id, not an expression, so it cannot record " + spdx.canonical};
  }
  // OR: any one operand the MOT counts will do; prefer one it suits to the type.
  std::vector<std::string> choices;
  std::string suited;
  for (int child : top.children) {
    const spdx::Node& n = e.nodes[static_cast<std::size_t>(child)];
    if (n.kind != spdx::Node::Kind::license || !n.exception.empty() || n.or_later) continue;
    std::string id = mot_id(rules, n.id);
    if (id.empty()) continue;
    choices.push_back(id);
    if (suited.empty() && rules.suits(id, type)) suited = id;
  }
  if (choices.empty()) {
    return {{},
            "the MOT reads one license id, not an expression, and counts none of the "
            "choices of " +
                spdx.canonical};
  }
  std::string list;
  for (std::size_t i = 0; i < choices.size(); ++i) {
    list += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
  }
  return {suited.empty() ? choices.front() : suited,
          "the MOT reads one license id, not an expression; choose one of " + list};
}

}  // namespace

void explain_profile_difference(const Manifest& manifest, LicenseMemo& memo,
                                const std::vector<const Field*>& sources, const Evaluation& other,
                                Evaluation& ev) {
  ev.other_class = other.model_class < 0 ? ev.model_class : other.model_class;
  if (other.model_class < 0) return;
  const Framework& fw = *ev.framework;
  const MotRules& rules = memo.mot();
  const bool under_mot = ev.profile == Profile::mot;
  const std::string theirs = profile_name(other_profile(ev.profile));
  for (std::size_t i = 0; i < ev.components.size(); ++i) {
    const ComponentResult& r = ev.components[i];
    const ComponentResult& o = other.components[i];
    // A name only one profile matches is told by unknown-component and component-name.
    if (!r.listed || !o.listed || is_met(r.status) == is_met(o.status)) continue;
    const ComponentDef& def = fw.components[i];
    const LicenseAssessment spdx = memo.assess(r.license, def.type);
    const bool spdx_open = spdx.status == LicenseAssessment::Status::open;
    std::string message = def.name + ": ";
    if (spdx_open) {
      MotFix fix = mot_fix(spdx, r.license, def.type, rules);
      message += under_mot ? "'" + r.license + "' is open under the spdx profile, but "
                           : "the MOT does not count '" + r.license + "' as open: ";
      message += fix.why;
      if (!fix.text.empty()) {
        message += "; write '" + fix.text + "'";
        if (i < sources.size() && sources[i]) {
          int level =
              class_with_licenses(manifest, fw, memo, {{sources[i], fix.text}}, Profile::mot);
          message += level == ev.model_class && under_mot
                         ? " (with it the model stays " + fw.label(level) + ")"
                         : " (with it the model is " + rules.label(level) + " for the MOT)";
        }
      }
    } else {
      message += "the MOT counts '" + r.license + "' as open, the spdx profile does not" +
                 (spdx.reason.empty() ? std::string() : " (" + spdx.reason + ")");
    }
    if (under_mot)
      message += "; under --profile " + theirs + " the component is " + status_name(o.status);
    ev.diagnostics.push_back(
        {Severity::warning, "profile-difference", std::move(message), def.name, r.license_where});
  }
}

namespace {

std::string percent(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

}  // namespace

void compare_published(const Manifest& manifest, Evaluation& ev) {
  const PublishedClassification& p = manifest.published;
  if (!p.present) return;
  const Framework& fw = *ev.framework;
  std::string differs;
  if (p.model_class != ev.model_class) {
    differs = "class " + std::to_string(p.model_class) + " where mof-check finds " +
              fw.label(ev.model_class);
  }
  for (std::size_t l = 1; l < p.progress.size() && l < ev.progress.size(); ++l) {
    if (!p.has_progress[l] || p.progress[l] == ev.progress[l]) continue;
    differs += (differs.empty() ? "" : ", ") + std::string("progress ") +
               (fw.find_class(static_cast<int>(l)) ? fw.find_class(static_cast<int>(l))->roman
                                                   : std::to_string(l)) +
               " " + percent(p.progress[l]) + " where mof-check finds " + percent(ev.progress[l]);
  }
  if (differs.empty()) return;
  ev.diagnostics.push_back(
      {Severity::warning,
       "mot-verdict-differs",
       "the MOT published " + differs + " (profile " + profile_name(ev.profile) +
           (ev.profile == Profile::mot
                ? "; the record may predate a change of the MOT's data, or hit its lookup of "
                  "unknown component names)"
                : "; --profile mot judges as the MOT does)"),
       {},
       p.where});
}

}  // namespace mofcheck

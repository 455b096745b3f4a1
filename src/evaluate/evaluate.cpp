// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/evaluate.hpp>

#include <algorithm>

#include "evaluate/license_memo.hpp"
#include "evaluate/next_steps.hpp"
#include "evaluate/profile_difference.hpp"
#include "util/text_util.hpp"

namespace mofcheck {

const char* status_name(ComponentStatus s) {
  switch (s) {
    case ComponentStatus::met:
      return "met";
    case ComponentStatus::met_with_warning:
      return "met-with-warning";
    case ComponentStatus::unlicensed:
      return "unlicensed";
    case ComponentStatus::not_open:
      return "not-open";
    case ComponentStatus::missing:
      return "missing";
  }
  return "missing";
}

const char* license_source_name(LicenseSource s) {
  switch (s) {
    case LicenseSource::none:
      return "none";
    case LicenseSource::component:
      return "component";
    case LicenseSource::type:
      return "type";
    case LicenseSource::distribution:
      return "distribution";
    case LicenseSource::host:
      return "included-in";
  }
  return "none";
}

bool Evaluation::has_warnings() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity != Severity::note; });
}

namespace {

const GlobalLicense& type_license(const Manifest& m, ContentType t) {
  switch (t) {
    case ContentType::code:
      return m.license_code;
    case ContentType::data:
      return m.license_data;
    case ContentType::document:
      return m.license_document;
  }
  return m.license_code;
}

std::string closest_component(const Framework& fw, std::string_view name) {
  // Only suggest when the name is plausibly a misspelling.
  const std::size_t cap = std::max<std::size_t>(3, name.size() / 3);
  const std::string* best = nullptr;
  std::size_t best_distance = SIZE_MAX;
  const std::string lowered = text::lower(name);
  std::string candidate;
  for (const auto& c : fw.components) {
    // The lengths alone bound the distance from below: skip names that
    // cannot be within the cap or beat the best so far.
    const std::size_t gap =
        c.name.size() > name.size() ? c.name.size() - name.size() : name.size() - c.name.size();
    if (gap > cap || gap >= best_distance) continue;
    candidate.assign(c.name);
    for (char& ch : candidate) ch = text::lower(ch);
    std::size_t d = text::edit_distance(lowered, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = &c.name;
    }
  }
  return best && best_distance <= cap ? *best : std::string();
}

int exact_component(const Framework& fw, std::string_view name) {
  for (std::size_t i = 0; i < fw.components.size(); ++i) {
    if (fw.components[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

// The name with runs of white space made one space, and none at the ends.
std::string squeeze(std::string_view name) {
  std::string out;
  bool gap = false;
  for (char ch : name) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      gap = !out.empty();
    } else {
      if (gap) out += ' ';
      gap = false;
      out += ch;
    }
  }
  return out;
}

// Framework::find_component, then the same with white space squeezed.
int loose_component(const Framework& fw, std::string_view name) {
  int idx = fw.find_component(name);
  if (idx >= 0) return idx;
  std::string squeezed = squeeze(name);
  return squeezed.size() == name.size() ? -1 : fw.find_component(squeezed);
}

// Where the text of a field begins (after an opening quote), so that a
// column inside a license expression maps onto the file.
SourceLocation text_start(const Field& f) {
  SourceLocation at = f.where;
  if (f.quoted && at.column > 0) ++at.column;
  return at;
}

bool contains(const std::vector<int>& v, int x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

ComponentStatus status_of(const LicenseAssessment& a) {
  switch (a.status) {
    case LicenseAssessment::Status::open:
      return a.suits_type ? ComponentStatus::met : ComponentStatus::met_with_warning;
    case LicenseAssessment::Status::not_open:
      return ComponentStatus::not_open;
    case LicenseAssessment::Status::unlicensed:
      return ComponentStatus::unlicensed;
    case LicenseAssessment::Status::not_included:
      return ComponentStatus::missing;
  }
  return ComponentStatus::not_open;
}

// The findings of a verdict on one listed component's license, as its
// diagnostics; `unsuited` false leaves out the one that the license does not
// suit the component's type.
void take_findings(const ComponentResult& r, const Framework& fw, const ComponentDef& def,
                   const LicenseAssessment& a, bool unsuited, std::vector<Diagnostic>& diags) {
  for (const auto& f : a.findings) {
    const bool is_unsuited = f.code == "license-type-unsuited";
    if (is_unsuited && !unsuited) continue;
    Diagnostic& d = diags.emplace_back();
    d.severity = f.severity;
    d.code = f.code;
    d.message.reserve(def.name.size() + 2 + f.message.size());
    d.message.append(def.name).append(": ").append(f.message);
    // The license layer knows what a license suits; the framework says what
    // to use instead.
    if (is_unsuited) d.message.append("; ").append(unsuited_advice(fw, def.type));
    d.component = def.name;
    d.where = r.license_where;
    if (f.column > 0 && d.where.column > 0) d.where.column += f.column - 1;
  }
}

// Copies the verdict on one listed component's license into its result,
// its findings into the diagnostics.
void take_verdict(ComponentResult& r, const Framework& fw, const ComponentDef& def,
                  const LicenseAssessment& a, std::vector<Diagnostic>& diags) {
  r.license_canonical = a.canonical;
  r.reason = a.reason;
  r.suggestion = a.suggestion;
  r.type_appropriate = a.suits_type;
  take_findings(r, fw, def, a, true, diags);
}

// take_verdict() under the mot profile: `mine` is the MOT's verdict, `spdx`
// the richer one. When neither counts the license as open, the spdx findings
// explain why and suggest a fix; when the MOT counts it, they stay as
// remarks, but suitability is the MOT's; when only spdx counts it, the
// profile-difference diagnostic (explain_profile_difference) says what to do.
// (judge() has emptied the result's texts.)
void take_mot_verdict(ComponentResult& r, const Framework& fw, const ComponentDef& def,
                      const LicenseAssessment& mine, const LicenseAssessment& spdx,
                      const MotRules& rules, std::vector<Diagnostic>& diags) {
  const bool open = mine.status == LicenseAssessment::Status::open;
  const bool spdx_open = spdx.status == LicenseAssessment::Status::open;
  if (open == spdx_open) {
    r.suggestion = spdx.suggestion;
    take_findings(r, fw, def, spdx, false, diags);
  }
  r.license_canonical = mine.canonical;
  r.type_appropriate = mine.suits_type;
  if (!open) {
    if (!spdx_open) {
      r.reason = mine.reason;
      if (!spdx.reason.empty()) r.reason.append("; ").append(spdx.reason);
    }
    return;
  }
  if (mine.suits_type) return;
  std::string listed;
  for (ContentType t : rules.suited_types(mine.canonical)) {
    listed += (listed.empty() ? "" : ", ") + std::string(content_type_name(t));
  }
  // A note, not a warning: the MOT's type lists are short (MIT suits only
  // code there), and its verdict stands either way.
  Diagnostic& d = diags.emplace_back();
  d.severity = Severity::note;
  d.code = "license-type-unsuited";
  d.message =
      def.name + ": the MOT lists " + mine.canonical +
      (listed.empty() ? " for no component type"
                      : " as suited to " + listed + ", not to " + content_type_name(def.type)) +
      "; it counts the component as open but not type-appropriate";
  d.component = def.name;
  d.where = r.license_where;
}

// stand_ins_for() into `out`.
void stand_ins_into(const Framework& fw, std::size_t component, std::vector<std::size_t>& out) {
  out.clear();
  for (const Substitution& sub : fw.substitutions) {
    if (sub.component == component) out.push_back(sub.substitute);
  }
}

// What judge() works in, kept from record to record.
struct Scratch {
  std::vector<const ManifestComponent*> entry;
  std::vector<std::string_view> text;
  std::vector<char> met, active;
};

// The judging behind evaluate() and class_with_licenses(), under profile
// `prof`. `text_of(field)` gives the license text a field counts with. With
// `Full` false only what decides the class is computed: statuses, progress
// and gaps, no texts, no diagnostics, no model information. `sources`, when
// given, receives the field each component's license came from.
template <bool Full, typename TextOf>
void judge(const Manifest& m, const Framework& fw, LicenseMemo& memo, Profile prof,
           TextOf&& text_of, Evaluation& ev, std::vector<const Field*>* sources = nullptr) {
  ev.framework = &fw;
  ev.profile = prof;
  const bool mot = prof == Profile::mot;
  if constexpr (Full) {
    ev.license_list_version = memo.db().list_version();
    // Assigned member by member: an evaluation reused for record after
    // record keeps the room of its strings.
    ev.model.origin = m.origin;
    ev.model.name = m.name.value;
    ev.model.version = m.version.value;
    ev.model.producer = m.producer.value;
    ev.model.date = m.date.value;
    ev.model.type = m.type.value;
    ev.model.release_where = m.release_where;
    ev.model.record = m.record;
    ev.model.mot_id = m.mot_id.value;
    ev.diagnostics = m.diagnostics;
    if (m.framework_version.present && !m.framework_version.value.empty() &&
        m.framework_version.value != fw.version) {
      ev.diagnostics.push_back(
          {Severity::warning,
           "framework-version",
           "the manifest was written for " +
               (m.framework_name.value.empty() ? fw.name : m.framework_name.value) + " " +
               m.framework_version.value + " but is judged by " + fw.name + " " + fw.version,
           {},
           m.framework_version.where});
    }
  }

  const std::size_t n = fw.components.size();
  // An evaluation may be reused record after record: everything judging
  // sets is set afresh here, keeping the room of the strings (and of the
  // gaps' lists: `gaps_used` counts those written).
  std::size_t gaps_used = 0;
  for (ComponentResult& r : ev.components) {
    r.status = ComponentStatus::missing;
    r.listed = false;
    r.license_source = LicenseSource::none;
    r.type_appropriate = true;
    if constexpr (Full) {
      r.license.clear();
      r.license_canonical.clear();
      r.reason.clear();
      r.suggestion.clear();
      r.included_in.clear();
      r.substituted_by.clear();
      r.license_where.file.clear();
      r.license_where.line = r.license_where.column = 0;
    }
  }
  ev.components.resize(n);
  // Scratch lists, one set per thread and kind of judging (judge() never
  // calls itself), so that judging a record allocates nothing.
  thread_local Scratch scratch;
  std::vector<const ManifestComponent*>& entry = scratch.entry;
  entry.assign(n, nullptr);
  for (std::size_t i = 0; i < n; ++i) {
    ev.components[i].index = i;
    if constexpr (Full) ev.components[i].where = m.release_where;
  }

  // Match manifest entries to definition components: exactly under mot (as
  // the MOT's ComponentManager::getComponentByName), also in other case and
  // spacing under spdx.
  for (const auto& c : m.components) {
    int idx = mot ? exact_component(fw, c.name.value) : loose_component(fw, c.name.value);
    if (idx < 0) {
      if constexpr (Full) {
        std::string near = closest_component(fw, c.name.value);
        ev.diagnostics.push_back(
            {Severity::warning, "unknown-component",
             "unknown component '" + c.name.value + "' is not counted" +
                 (near.empty() ? "; run 'mof-check components' for the names"
                               : "; did you mean '" + near + "'?") +
                 " (the MOT files a name it does not know under '" +
                 memo.mot().unknown_component_filed_under() +
                 "', a defect of its component lookup, so its published verdict can differ)",
             c.name.value, c.name.where});
      }
      continue;
    }
    const ComponentDef& def = fw.components[static_cast<std::size_t>(idx)];
    if constexpr (Full) {
      if (c.name.value != def.name) {
        ev.diagnostics.push_back(
            {Severity::warning, "component-name",
             "component '" + c.name.value + "' is counted as '" + def.name +
                 "'; write the name exactly as the framework does (the MOT compares names "
                 "exactly: it does not count this entry)",
             def.name, c.name.where});
      }
      // The MOT keeps the last entry of a component (ModelUpdater fills one
      // slot per component id, entry after entry).
      if (const ManifestComponent* before = entry[static_cast<std::size_t>(idx)]) {
        ev.diagnostics.push_back({Severity::warning, "duplicate-component",
                                  "component '" + def.name +
                                      "' is listed again; the last entry counts, as in the "
                                      "MOT, and the one at line " +
                                      std::to_string(before->where.line) + " is ignored",
                                  def.name, c.name.where});
      }
    }
    entry[static_cast<std::size_t>(idx)] = &c;
  }

  // The license text each listed component counts with.
  std::vector<std::string_view>& text = scratch.text;
  text.assign(n, {});
  auto judge_text = [&](std::size_t i) {
    ComponentResult& r = ev.components[i];
    const ComponentDef& def = fw.components[i];
    if constexpr (Full) {
      r.license = text[i];
      if (mot) {
        const LicenseMemo::Verdicts v = memo.both(text[i], def.type);
        r.status = status_of(v.mot);
        take_mot_verdict(r, fw, def, v.mot, v.spdx, memo.mot(), ev.diagnostics);
      } else {
        const LicenseAssessment& a = memo.judge(text[i], def.type, prof);
        r.status = status_of(a);
        take_verdict(r, fw, def, a, ev.diagnostics);
      }
    } else {
      r.status = status_of(memo.judge(text[i], def.type, prof));
    }
  };

  // Resolve each listed component's license: its own, the type-wide one, the distribution one.
  // The MOT does not read `included_in`: such a component counts with its
  // own or the global license.
  auto hosted = [mot](const ManifestComponent* c) { return !mot && !c->included_in.value.empty(); };
  if (sources) sources->assign(n, nullptr);
  for (std::size_t i = 0; i < n; ++i) {
    const ManifestComponent* c = entry[i];
    if (!c || hosted(c)) continue;
    ComponentResult& r = ev.components[i];
    const ComponentDef& def = fw.components[i];
    r.listed = true;
    const GlobalLicense& typed = type_license(m, def.type);
    const Field* from = nullptr;
    if (c->license.present) {
      from = &c->license;
      r.license_source = LicenseSource::component;
    } else if (typed.present && !typed.name.value.empty() && !(mot && typed.name.value == "0")) {
      from = &typed.name;
      r.license_source = LicenseSource::type;
    } else if (m.license_distribution.present && !m.license_distribution.name.value.empty() &&
               !(mot && m.license_distribution.name.value == "0")) {
      from = &m.license_distribution.name;
      r.license_source = LicenseSource::distribution;
    }
    if (from) text[i] = text_of(*from);
    if (sources) (*sources)[i] = from;
    if constexpr (Full) {
      r.where = c->where;
      r.license_where = from ? text_start(*from) : c->where;
    }
    judge_text(i);
  }

  // Components published inside another take the host's presence and license.
  for (std::size_t i = 0; i < n; ++i) {
    const ManifestComponent* c = entry[i];
    if (!c || !hosted(c)) continue;
    const ComponentDef& def = fw.components[i];
    int host = fw.find_component(c->included_in.value);
    bool allowed = host >= 0 &&
                   std::any_of(def.may_be_included_in.begin(), def.may_be_included_in.end(),
                               [&](const std::string& h) { return fw.find_component(h) == host; });
    if (!allowed) {
      std::string list;
      for (const auto& h : def.may_be_included_in) list += (list.empty() ? "" : ", ") + h;
      throw Error(c->included_in.where, "'" + def.name + "' cannot be included in '" +
                                            c->included_in.value + "'" +
                                            (list.empty() ? "; the framework allows it nowhere"
                                                          : "; the framework allows: " + list));
    }
    const ComponentResult& h = ev.components[static_cast<std::size_t>(host)];
    if (!h.listed || h.status == ComponentStatus::missing) {
      throw Error(c->included_in.where, "'" + def.name + "' is said to be included in '" +
                                            fw.components[static_cast<std::size_t>(host)].name +
                                            "', which the manifest does not include");
    }
    ComponentResult& r = ev.components[i];
    r.listed = true;
    r.license_source = LicenseSource::host;
    text[i] = text[static_cast<std::size_t>(host)];
    if (sources) (*sources)[i] = (*sources)[static_cast<std::size_t>(host)];
    if constexpr (Full) {
      r.where = c->where;
      r.included_in = fw.components[static_cast<std::size_t>(host)].name;
      r.license_where = h.license_where;
      if (c->license.present) {
        ev.diagnostics.push_back(
            {Severity::warning, "included-in-license",
             "'" + def.name + "' is included in '" + r.included_in +
                 "' and takes its license; its own license '" + c->license.value +
                 "' is ignored (remove it, or drop 'included_in' to publish it separately)",
             def.name, c->license.where});
      }
    }
    judge_text(i);
  }

  // Classes, from the first to reach to the most complete.
  std::vector<char>& met = scratch.met;
  met.resize(n);
  for (std::size_t i = 0; i < n; ++i) met[i] = is_met(ev.components[i].status);
  std::vector<char>& active = scratch.active;
  active.resize(fw.substitutions.size());
  for (std::size_t s = 0; s < fw.substitutions.size(); ++s) {
    const auto& sub = fw.substitutions[s];
    active[s] = !met[sub.component] && met[sub.substitute];
  }

  ev.progress.assign(static_cast<std::size_t>(fw.highest_level()) + 1, 0.0);
  bool all_above_complete = true;
  ev.model_class = 0;
  for (const ClassDef& cls : fw.classes) {
    const int level = cls.level;
    int total = 0;
    int count = 0;
    if (gaps_used == ev.gaps.size()) ev.gaps.emplace_back();
    ClassGap& gap = ev.gaps[gaps_used];
    gap.level = level;
    gap.unmet.clear();
    gap.actions.clear();
    for (std::size_t i = 0; i < n; ++i) {
      const ComponentDef& def = fw.components[i];
      if (!def.required || def.class_level < level) continue;
      bool ok = met[i];
      bool waived = false;
      for (std::size_t s = 0; s < fw.substitutions.size(); ++s) {
        const auto& sub = fw.substitutions[s];
        if (!active[s] || sub.component != i) continue;
        if (contains(sub.counts_in, level)) ok = true;
        if (contains(sub.waived_in, level)) waived = true;
      }
      if (waived) continue;
      ++total;
      if (ok) {
        ++count;
      } else {
        gap.unmet.push_back(i);
      }
    }
    bool complete = count == total;
    // (k / n) * 100, as the MOT computes it (ModelEvaluator::getProgress):
    // 100 * k / n differs in the last digit for many values.
    double pct = total == 0 ? 100.0 : (static_cast<double>(count) / total) * 100;
    ev.progress[static_cast<std::size_t>(level)] = all_above_complete ? std::min(pct, 100.0) : 0.0;
    if (all_above_complete && complete) ev.model_class = level;
    if (!(all_above_complete && complete)) ++gaps_used;
    all_above_complete = all_above_complete && complete;
  }
  ev.gaps.resize(gaps_used);

  if constexpr (Full) {
    for (std::size_t s = 0; s < fw.substitutions.size(); ++s) {
      const auto& sub = fw.substitutions[s];
      if (active[s])
        ev.components[sub.component].substituted_by = fw.components[sub.substitute].name;
    }
    // In place: a list keeps its room from record to record, and a met
    // component's is emptied.
    for (std::size_t i = 0; i < n; ++i) {
      if (met[i]) {
        ev.components[i].stand_ins.clear();
      } else {
        stand_ins_into(fw, i, ev.components[i].stand_ins);
      }
    }
  }
}

std::string_view as_written(const Field& f) {
  return f.value;
}

}  // namespace

std::vector<std::size_t> stand_ins_for(const Framework& fw, std::size_t component) {
  std::vector<std::size_t> out;
  stand_ins_into(fw, component, out);
  return out;
}

Evaluation evaluate(const Manifest& m, const Framework& fw, const LicenseDb& db, Profile profile) {
  LicenseMemo memo(db, profile);
  return evaluate(m, fw, memo);
}

Evaluation evaluate(const Manifest& m, const Framework& fw, LicenseMemo& memo,
                    EvaluationDetail detail) {
  Evaluation ev;
  evaluate_into(ev, m, fw, memo, detail);
  return ev;
}

void evaluate_into(Evaluation& ev, const Manifest& m, const Framework& fw, LicenseMemo& memo,
                   EvaluationDetail detail) {
  // `ev` may hold an earlier record's evaluation: judge() sets its verdicts
  // afresh, and what the steps below fill is emptied first.
  ev.other_class = 0;
  thread_local std::vector<const Field*> sources;
  judge<true>(m, fw, memo, memo.profile(), as_written, ev, &sources);
  // Judged without texts into room kept by the thread (no allocation per record).
  thread_local Evaluation other;
  const Profile theirs = other_profile(memo.profile());
  try {
    judge<false>(m, fw, memo, theirs, as_written, other);
  } catch (const Error&) {
    // Only spdx reads included_in, and only it can refuse the manifest.
    other.model_class = -1;
  }
  explain_profile_difference(m, memo, sources, other, ev);
  compare_published(m, ev);
  if (detail == EvaluationDetail::verdict) {
    ev.next_steps.clear();
    return;
  }
  // Part of every full evaluation, so that check, diff, badge and scan agree.
  add_fix_outcomes(ev, m, fw, memo);
  for (ClassGap& gap : ev.gaps) minimal_actions_into(ev, gap, gap.actions);
  next_steps_into(ev, ev.next_steps);
}

int class_with_licenses(const Manifest& m, const Framework& fw, LicenseMemo& memo,
                        const std::vector<LicenseReplacement>& replaced, Profile profile) {
  thread_local Evaluation ev;  // reused, as in evaluate()
  judge<false>(
      m, fw, memo, profile,
      [&](const Field& f) {
        for (const LicenseReplacement& r : replaced) {
          if (r.field == &f) return r.text;
        }
        return as_written(f);
      },
      ev);
  return ev.model_class;
}

}  // namespace mofcheck

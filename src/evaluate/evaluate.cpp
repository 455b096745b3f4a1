// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/evaluate.hpp>

#include <algorithm>

#include "evaluate/license_memo.hpp"
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

// Copies the verdict on one listed component's license into its result,
// its findings into the diagnostics.
void take_verdict(ComponentResult& r, const Framework& fw, const ComponentDef& def,
                  const LicenseAssessment& a, std::vector<Diagnostic>& diags) {
  r.license_canonical = a.canonical;
  r.reason = a.reason;
  r.suggestion = a.suggestion;
  r.type_appropriate = a.suits_type;
  for (const auto& f : a.findings) {
    Diagnostic& d = diags.emplace_back();
    d.severity = f.severity;
    d.code = f.code;
    d.message.reserve(def.name.size() + 2 + f.message.size());
    d.message.append(def.name).append(": ").append(f.message);
    // The license layer knows what a license suits; the framework says what
    // to use instead.
    if (f.code == "license-type-unsuited")
      d.message.append("; ").append(unsuited_advice(fw, def.type));
    d.component = def.name;
    d.where = r.license_where;
    if (f.column > 0 && d.where.column > 0) d.where.column += f.column - 1;
  }
}

// The judging behind evaluate() and class_with_licenses(). `text_of(field)`
// gives the license text a field counts with. With `Full` false only what
// decides the class is computed: statuses, progress and gaps, no texts, no
// diagnostics, no model information.
template <bool Full, typename TextOf>
void judge(const Manifest& m, const Framework& fw, LicenseMemo& memo, TextOf&& text_of,
           Evaluation& ev) {
  ev.framework = &fw;
  if constexpr (Full) {
    ev.license_list_version = memo.db().list_version();
    ev.model = {m.origin,     m.name.value, m.version.value, m.producer.value,
                m.date.value, m.type.value, m.release_where, m.record};
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
  ev.components.resize(n);
  std::vector<const ManifestComponent*> entry(n, nullptr);
  for (std::size_t i = 0; i < n; ++i) {
    ev.components[i].index = i;
    if constexpr (Full) ev.components[i].where = m.release_where;
  }

  // Match manifest entries to definition components.
  for (const auto& c : m.components) {
    int idx = fw.find_component(c.name.value);
    if (idx < 0) {
      if constexpr (Full) {
        std::string near = closest_component(fw, c.name.value);
        ev.diagnostics.push_back({Severity::warning, "unknown-component",
                                  "unknown component '" + c.name.value + "' is not counted" +
                                      (near.empty() ? "; run 'mof-check components' for the names"
                                                    : "; did you mean '" + near + "'?"),
                                  c.name.value, c.name.where});
      }
      continue;
    }
    const ComponentDef& def = fw.components[static_cast<std::size_t>(idx)];
    if (entry[static_cast<std::size_t>(idx)]) {
      if constexpr (Full) {
        ev.diagnostics.push_back(
            {Severity::warning, "duplicate-component",
             "component '" + def.name + "' is listed again (first at line " +
                 std::to_string(entry[static_cast<std::size_t>(idx)]->where.line) +
                 "); only the first entry counts",
             def.name, c.name.where});
      }
      continue;
    }
    if constexpr (Full) {
      if (c.name.value != def.name) {
        ev.diagnostics.push_back({Severity::warning, "component-name",
                                  "component '" + c.name.value + "' is counted as '" + def.name +
                                      "'; write the name exactly as the framework does",
                                  def.name, c.name.where});
      }
    }
    entry[static_cast<std::size_t>(idx)] = &c;
  }

  // The license text each listed component counts with.
  std::vector<std::string_view> text(n);
  auto judge_text = [&](std::size_t i) {
    ComponentResult& r = ev.components[i];
    const ComponentDef& def = fw.components[i];
    const LicenseAssessment& a = memo.assess(text[i], def.type);
    r.status = status_of(a);
    if constexpr (Full) {
      r.license = text[i];
      take_verdict(r, fw, def, a, ev.diagnostics);
    }
  };

  // Resolve each listed component's license: its own, the type-wide one, the distribution one.
  for (std::size_t i = 0; i < n; ++i) {
    const ManifestComponent* c = entry[i];
    if (!c || !c->included_in.value.empty()) continue;
    ComponentResult& r = ev.components[i];
    const ComponentDef& def = fw.components[i];
    r.listed = true;
    const GlobalLicense& typed = type_license(m, def.type);
    const Field* from = nullptr;
    if (c->license.present) {
      from = &c->license;
      r.license_source = LicenseSource::component;
    } else if (typed.present && !typed.name.value.empty()) {
      from = &typed.name;
      r.license_source = LicenseSource::type;
    } else if (m.license_distribution.present && !m.license_distribution.name.value.empty()) {
      from = &m.license_distribution.name;
      r.license_source = LicenseSource::distribution;
    }
    if (from) text[i] = text_of(*from);
    if constexpr (Full) {
      r.where = c->where;
      r.license_where = from ? text_start(*from) : c->where;
    }
    judge_text(i);
  }

  // Components published inside another take the host's presence and license.
  for (std::size_t i = 0; i < n; ++i) {
    const ManifestComponent* c = entry[i];
    if (!c || c->included_in.value.empty()) continue;
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
  std::vector<bool> met(n);
  for (std::size_t i = 0; i < n; ++i) met[i] = is_met(ev.components[i].status);
  std::vector<bool> active(fw.substitutions.size());
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
    ClassGap gap{level, {}};
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
    double pct = total == 0 ? 100.0 : 100.0 * count / total;
    ev.progress[static_cast<std::size_t>(level)] = all_above_complete ? std::min(pct, 100.0) : 0.0;
    if (all_above_complete && complete) ev.model_class = level;
    if (!(all_above_complete && complete)) ev.gaps.push_back(std::move(gap));
    all_above_complete = all_above_complete && complete;
  }

  if constexpr (Full) {
    for (std::size_t s = 0; s < fw.substitutions.size(); ++s) {
      if (!active[s]) continue;
      const auto& sub = fw.substitutions[s];
      ev.components[sub.component].substituted_by = fw.components[sub.substitute].name;
    }
  }
}

std::string_view as_written(const Field& f) {
  return f.value;
}

}  // namespace

Evaluation evaluate(const Manifest& m, const Framework& fw, const LicenseDb& db) {
  LicenseMemo memo(db);
  return evaluate(m, fw, memo);
}

Evaluation evaluate(const Manifest& m, const Framework& fw, LicenseMemo& memo) {
  Evaluation ev;
  judge<true>(m, fw, memo, as_written, ev);
  // Part of every evaluation, so that check, diff, badge and scan agree.
  add_fix_outcomes(ev, m, fw, memo);
  for (ClassGap& gap : ev.gaps) gap.actions = minimal_actions(ev, gap);
  ev.next_steps = next_steps(ev);
  return ev;
}

int class_with_licenses(const Manifest& m, const Framework& fw, LicenseMemo& memo,
                        const std::vector<LicenseReplacement>& replaced) {
  Evaluation ev;
  judge<false>(
      m, fw, memo,
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

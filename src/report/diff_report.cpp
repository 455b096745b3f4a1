// SPDX-License-Identifier: Apache-2.0
#include "report/diff_report.hpp"

#include <cstdio>
#include <ostream>

#include <nlohmann/json.hpp>

#include <mofcheck/report.hpp>

#include "report/escape.hpp"
#include "report/json_report.hpp"
#include "report/wording.hpp"

namespace mofcheck {

namespace {

using ojson = nlohmann::ordered_json;

const char* direction(const EvaluationDiff& d) {
  return d.downgraded() ? "downgrade" : d.upgraded() ? "upgrade" : "unchanged";
}

// "met (Apache-2.0)", "missing", "unlicensed".
std::string state(ComponentStatus s, const std::string& license) {
  std::string out = status_name(s);
  if (!license.empty()) out += " (" + license + ")";
  return out;
}

void write_text(const EvaluationDiff& d, std::ostream& out) {
  const Framework& fw = *d.framework;
  out << terminal_safe(d.old_origin) << " -> " << terminal_safe(d.new_origin) << '\n';
  out << "Class:    " << fw.label(d.old_class) << " -> " << fw.label(d.new_class);
  if (d.old_class != d.new_class) out << " (" << direction(d) << ')';
  out << "\nProgress:";
  for (const auto& c : fw.classes) {
    auto l = static_cast<std::size_t>(c.level);
    out << (c.level == fw.highest_level() ? " " : ", ") << "Class " << c.roman << ' '
        << wording::percent(d.old_progress[l]) << " -> " << wording::percent(d.new_progress[l]);
  }
  out << '\n';
  if (d.changes.empty()) {
    out << "No component changed status or license.\n";
    return;
  }
  out << "\nChanged components:\n";
  for (const auto& c : d.changes) {
    out << "  " << fw.components[c.index].name << ": "
        << terminal_safe(state(c.old_status, c.old_license)) << " -> "
        << terminal_safe(state(c.new_status, c.new_license)) << '\n';
  }
}

ojson side_json(const Framework& fw, const std::string& origin, int level,
                const std::vector<double>& progress) {
  ojson p = ojson::object();
  for (auto it = fw.classes.rbegin(); it != fw.classes.rend(); ++it) {
    p[std::to_string(it->level)] = progress[static_cast<std::size_t>(it->level)];
  }
  return {{"input", origin}, {"class", level}, {"label", fw.label(level)}, {"progress", p}};
}

void write_json(const EvaluationDiff& d, std::ostream& out) {
  const Framework& fw = *d.framework;
  ojson j;
  j["old"] = side_json(fw, d.old_origin, d.old_class, d.old_progress);
  j["new"] = side_json(fw, d.new_origin, d.new_class, d.new_progress);
  j["change"] = direction(d);
  ojson comps = ojson::array();
  for (const auto& c : d.changes) {
    auto license = [](const std::string& l) { return l.empty() ? ojson(nullptr) : ojson(l); };
    ojson o = {
        {"name", fw.components[c.index].name},
        {"id", fw.components[c.index].id},
        {"old", {{"status", status_name(c.old_status)}, {"license", license(c.old_license)}}},
        {"new", {{"status", status_name(c.new_status)}, {"license", license(c.new_license)}}}};
    if (!c.where.file.empty()) o["location"] = location_json(c.where);
    comps.push_back(std::move(o));
  }
  j["components"] = std::move(comps);
  out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void write_markdown(const EvaluationDiff& d, std::ostream& out) {
  const Framework& fw = *d.framework;
  const char* mark = d.downgraded() ? "⬇️" : d.upgraded() ? "⬆️" : "➡️";
  out << "### " << mark << " MOF: " << escape::markdown(fw.label(d.old_class)) << " → "
      << escape::markdown(fw.label(d.new_class)) << "\n\n"
      << escape::markdown(d.old_origin) << " → " << escape::markdown(d.new_origin) << "\n\n";
  out << '|';
  for (const auto& c : fw.classes) out << " Class " << escape::markdown(c.roman) << " |";
  out << "\n|";
  for (std::size_t i = 0; i < fw.classes.size(); ++i) out << " ---: |";
  out << "\n|";
  for (const auto& c : fw.classes) {
    auto l = static_cast<std::size_t>(c.level);
    out << ' ' << wording::percent(d.old_progress[l]) << " → "
        << wording::percent(d.new_progress[l]) << " |";
  }
  out << "\n\n";
  if (d.changes.empty()) {
    out << "No component changed status or license.\n";
    return;
  }
  out << "| Component | Before | After |\n| --- | --- | --- |\n";
  for (const auto& c : d.changes) {
    out << "| " << escape::markdown(fw.components[c.index].name) << " | "
        << escape::markdown(state(c.old_status, c.old_license)) << " | "
        << escape::markdown(state(c.new_status, c.new_license)) << " |\n";
  }
}

}  // namespace

const std::vector<std::string>& diff_formats() {
  static const std::vector<std::string> names = {"text", "json", "markdown"};
  return names;
}

void write_diff(const EvaluationDiff& diff, const std::string& format, std::ostream& out) {
  if (format == "json") {
    write_json(diff, out);
  } else if (format == "markdown") {
    write_markdown(diff, out);
  } else {
    write_text(diff, out);
  }
}

}  // namespace mofcheck

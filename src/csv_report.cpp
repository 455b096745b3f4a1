// SPDX-License-Identifier: Apache-2.0
// CSV: one row per model as it is scored (name, version, producer, class,
// progress per class, components met, source), fields quoted as RFC 4180
// says. An input that cannot be scored is a row with its error. The
// progress columns follow the framework's classes.
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

#include "reporters.hpp"

namespace mofcheck {

namespace {

// Input text is made terminal-safe too: a CSV is often just looked at.
std::string field(std::string_view text) {
  std::string s = terminal_safe(text);
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string quoted = "\"";
  for (char c : s) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string number(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", value);
  return buf;
}

class CsvReporter : public Reporter {
 public:
  explicit CsvReporter(const ReportOptions& o) : framework_(o.framework) {}

  void add(const Evaluation& ev, const GateResult&, std::ostream& out) override {
    if (!framework_) framework_ = ev.framework;
    header(out);
    std::string row =
        field(ev.model.name) + ',' + field(ev.model.version) + ',' + field(ev.model.producer) + ',';
    const ClassDef* reached = ev.framework->find_class(ev.model_class);
    row += reached ? reached->roman : std::string("none");
    for (const ClassDef* c : columns_) {
      row += ',' + number(ev.progress[static_cast<std::size_t>(c->level)]);
    }
    std::size_t met = 0;
    for (const auto& c : ev.components) met += is_met(c.status) ? 1 : 0;
    row += ',' + std::to_string(met) + ',' + field(ev.model.origin) + ",\n";
    out << row;
  }

  void add_error(const Error& error, std::ostream& out) override {
    // Until a framework is known the number of columns is not: hold the row.
    if (!framework_) {
      pending_.emplace_back(error.where().file, error.what());
      return;
    }
    header(out);
    error_row(error.where().file, error.what(), out);
  }

  void finish(std::ostream& out) override { header(out); }

 private:
  void error_row(const std::string& source, const std::string& message, std::ostream& out) const {
    // Empty model fields, class, progress and count; then source and error.
    out << std::string(5 + columns_.size(), ',') << field(source) << ',' << field(message) << '\n';
  }

  void header(std::ostream& out) {
    if (header_done_) return;
    header_done_ = true;
    out << "name,version,producer,class";
    if (framework_) {
      // The most complete class first, as in the json report's progress.
      for (auto it = framework_->classes.rbegin(); it != framework_->classes.rend(); ++it) {
        columns_.push_back(&*it);
        out << ",progress_" << it->roman;
      }
    }
    out << ",components_met,source,error\n";
    for (const auto& [source, message] : pending_) error_row(source, message, out);
    pending_.clear();
  }

  const Framework* framework_;
  std::vector<const ClassDef*> columns_;
  bool header_done_ = false;
  std::vector<std::pair<std::string, std::string>> pending_;
};

}  // namespace

std::unique_ptr<Reporter> make_csv_reporter(const ReportOptions& options) {
  return std::make_unique<CsvReporter>(options);
}

}  // namespace mofcheck

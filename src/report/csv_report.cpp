// SPDX-License-Identifier: Apache-2.0
// CSV: one row per model as it is scored (name, version, producer, class,
// progress per class, components met, source), fields quoted as RFC 4180
// says and otherwise byte for byte as written (a line break stays a line
// break inside quotes). The class is the level number, as in the json
// report: 1 is the most complete class, 0 unclassified. An input that
// cannot be scored is a row with its error. The progress columns follow the
// framework's classes.
#include <algorithm>
#include <charconv>
#include <ostream>
#include <string>
#include <vector>

#include "report/reporters.hpp"

namespace mofcheck {

namespace {

void append_field(std::string& row, std::string_view text) {
  // (One pass over the bytes: find_first_of would call memchr for each.)
  if (std::none_of(text.begin(), text.end(),
                   [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; })) {
    row.append(text);
    return;
  }
  row += '"';
  for (char c : text) {
    if (c == '"') row += '"';
    row += c;
  }
  row += '"';
}

std::string field(std::string_view text) {
  std::string s;
  append_field(s, text);
  return s;
}

// As printf's "%.4g".
void append_number(std::string& row, double value) {
  char buf[32];
  auto end = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, 4).ptr;
  row.append(buf, end);
}

// The classes with a progress column: the most complete first, as in the
// json report's progress.
std::vector<const ClassDef*> columns_of(const Framework& fw) {
  std::vector<const ClassDef*> columns;
  for (auto it = fw.classes.rbegin(); it != fw.classes.rend(); ++it) columns.push_back(&*it);
  return columns;
}

// The row of `ev`, written over `row`; returns its length.
std::size_t write_row(std::string& row, const Evaluation& ev,
                      const std::vector<const ClassDef*>& columns) {
  row.clear();  // keeps the capacity
  append_field(row, ev.model.name);
  row += ',';
  append_field(row, ev.model.version);
  row += ',';
  append_field(row, ev.model.producer);
  row += ',';
  char level[12];
  row.append(level, std::to_chars(level, level + sizeof level, ev.model_class).ptr);
  for (const ClassDef* c : columns) {
    row += ',';
    append_number(row, ev.progress[static_cast<std::size_t>(c->level)]);
  }
  std::size_t met = 0;
  for (const auto& c : ev.components) met += is_met(c.status) ? 1 : 0;
  char buf[24];
  row += ',';
  row.append(buf, std::to_chars(buf, buf + sizeof buf, met).ptr);
  row += ',';
  append_field(row, ev.model.origin);
  row += ",,";
  row += profile_name(ev.profile);
  row += '\n';
  return row.size();
}

class CsvReporter : public Reporter {
 public:
  explicit CsvReporter(const ReportOptions& o) : framework_(o.framework), profile_(o.profile) {}

  void add(const Evaluation& ev, const GateResult&, std::ostream& out) override {
    if (!framework_) framework_ = ev.framework;
    header(out);
    const std::size_t n = write_row(row_, ev, columns_);
    out.write(row_.data(), static_cast<std::streamsize>(n));
  }
  LineWriter line_writer() const override {
    // The columns follow the framework's classes: without one given, the
    // first evaluation decides them (add()).
    if (!framework_) return {};
    return [columns = columns_of(*framework_)](std::string& room, const Evaluation& ev,
                                               const GateResult&) {
      return write_row(room, ev, columns);
    };
  }
  void add_line(std::string_view line, std::ostream& out) override {
    header(out);
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
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
    out << std::string(5 + columns_.size(), ',') << field(source) << ',' << field(message) << ','
        << profile_name(profile_) << '\n';
  }

  void header(std::ostream& out) {
    if (header_done_) return;
    header_done_ = true;
    out << "name,version,producer,class";
    if (framework_) {
      columns_ = columns_of(*framework_);
      for (const ClassDef* c : columns_) out << ",progress_" << c->roman;
    }
    out << ",components_met,source,error,profile\n";
    for (const auto& [source, message] : pending_) error_row(source, message, out);
    pending_.clear();
  }

  const Framework* framework_;
  Profile profile_;
  std::vector<const ClassDef*> columns_;
  bool header_done_ = false;
  std::vector<std::pair<std::string, std::string>> pending_;
  std::string row_;  // reused across rows
};

}  // namespace

std::unique_ptr<Reporter> make_csv_reporter(const ReportOptions& options) {
  return std::make_unique<CsvReporter>(options);
}

}  // namespace mofcheck

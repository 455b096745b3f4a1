// SPDX-License-Identifier: Apache-2.0
// The summary that ends a text report of several models: how many reached
// each class, and a table of the models sorted by class (the most complete
// first) and then by name. It wraps the text reporter; with --summary-only
// it prints the summary alone.
#include <algorithm>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/reporters.hpp"

namespace mofcheck {

namespace {

std::size_t width(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void cell(std::ostream& out, const std::string& s, std::size_t w) {
  out << s << std::string(w > width(s) ? w - width(s) : 0, ' ');
}

class SummaryReporter : public Reporter {
 public:
  SummaryReporter(std::unique_ptr<Reporter> inner, const ReportOptions& o)
      : inner_(std::move(inner)),
        framework_(o.framework),
        profile_(o.profile),
        summary_only_(o.summary_only) {}

  void add(const Evaluation& ev, const GateResult& gate, std::ostream& out) override {
    if (!framework_) framework_ = ev.framework;
    if (!summary_only_) inner_->add(ev, gate, out);
    const ClassDef* c = ev.framework->find_class(ev.model_class);
    rows_.push_back({ev.model_class, c ? c->roman : std::string("-"), terminal_safe(ev.model.name),
                     terminal_safe(ev.model.version), terminal_safe(ev.model.producer),
                     terminal_safe(ev.model.origin)});
  }

  void add_error(const Error& error, std::ostream& out) override {
    if (!summary_only_) inner_->add_error(error, out);
    ++invalid_;
  }

  void finish(std::ostream& out) override {
    if (!summary_only_) inner_->finish(out);
    std::size_t reports = rows_.size() + invalid_;
    if (!summary_only_ && reports < 2) return;
    if (!summary_only_) out << '\n';
    write(out);
  }

 private:
  struct Row {
    int level;
    std::string roman, name, version, producer, source;
  };

  // Level 1 is the most complete class; unclassified (0) comes last.
  static int rank(int level) { return level > 0 ? level : 1 << 20; }

  void write(std::ostream& out) {
    out << "Summary: " << rows_.size() << (rows_.size() == 1 ? " model" : " models");
    if (invalid_ > 0)
      out << ", " << invalid_ << (invalid_ == 1 ? " invalid input" : " invalid inputs");
    out << " (profile " << profile_name(profile_) << ')';
    out << '\n';
    if (framework_) {
      std::vector<int> levels;
      for (auto it = framework_->classes.rbegin(); it != framework_->classes.rend(); ++it) {
        levels.push_back(it->level);
      }
      levels.push_back(0);
      std::size_t w = 0;
      for (int l : levels) w = std::max(w, width(framework_->label(l)));
      for (int l : levels) {
        auto n =
            std::count_if(rows_.begin(), rows_.end(), [l](const Row& r) { return r.level == l; });
        out << "  ";
        cell(out, framework_->label(l), w + 2);
        out << n << '\n';
      }
    }
    if (rows_.empty()) return;
    std::stable_sort(rows_.begin(), rows_.end(), [](const Row& a, const Row& b) {
      if (rank(a.level) != rank(b.level)) return rank(a.level) < rank(b.level);
      if (a.name != b.name) return a.name < b.name;
      return a.version < b.version;
    });
    std::size_t w[5] = {width("Class"), width("Model"), width("Version"), width("Producer"), 0};
    for (const auto& r : rows_) {
      w[0] = std::max(w[0], width(r.roman));
      w[1] = std::max(w[1], width(r.name));
      w[2] = std::max(w[2], width(r.version));
      w[3] = std::max(w[3], width(r.producer));
    }
    auto line = [&](const std::string& a, const std::string& b, const std::string& c,
                    const std::string& d, const std::string& e) {
      out << "  ";
      cell(out, a, w[0] + 2);
      cell(out, b, w[1] + 2);
      cell(out, c, w[2] + 2);
      cell(out, d, w[3] + 2);
      out << e << '\n';
    };
    out << '\n';
    line("Class", "Model", "Version", "Producer", "Input");
    for (const auto& r : rows_) line(r.roman, r.name, r.version, r.producer, r.source);
  }

  std::unique_ptr<Reporter> inner_;
  const Framework* framework_;
  Profile profile_;
  bool summary_only_;
  std::vector<Row> rows_;
  std::size_t invalid_ = 0;
};

// --summary-only --format json: the counts per class as one JSON object.
class SummaryJsonReporter : public Reporter {
 public:
  explicit SummaryJsonReporter(const ReportOptions& o) : framework_(o.framework) {}

  void add(const Evaluation& ev, const GateResult&, std::ostream&) override {
    if (!framework_) framework_ = ev.framework;
    ++by_level_[ev.model_class];
    ++models_;
  }
  void add_error(const Error&, std::ostream&) override { ++invalid_; }

  void finish(std::ostream& out) override {
    nlohmann::ordered_json j;
    j["models"] = models_;
    j["invalid_inputs"] = invalid_;
    auto classes = nlohmann::ordered_json::array();
    if (framework_) {
      std::vector<int> levels;
      for (const auto& c : framework_->classes) levels.push_back(c.level);
      levels.push_back(0);
      for (int l : levels) {
        classes.push_back(
            {{"class", l}, {"label", framework_->label(l)}, {"models", by_level_[l]}});
      }
    }
    j["classes"] = std::move(classes);
    out << j.dump(2) << '\n';
  }

 private:
  const Framework* framework_;
  std::map<int, std::size_t> by_level_;
  std::size_t models_ = 0;
  std::size_t invalid_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> make_summary_json_reporter(const ReportOptions& options) {
  return std::make_unique<SummaryJsonReporter>(options);
}

std::unique_ptr<Reporter> with_batch_summary(std::unique_ptr<Reporter> inner,
                                             const ReportOptions& options) {
  return std::make_unique<SummaryReporter>(std::move(inner), options);
}

}  // namespace mofcheck

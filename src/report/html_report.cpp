// SPDX-License-Identifier: Apache-2.0
// --format html: one self-contained page (no network, no external asset) for
// one model, or a leaderboard of many with each model's detail. The page is
// its style and script (html/report.css, html/report.js, compiled in) and the
// run's results as JSON in a non-executable <script type="application/json">,
// which the script draws with textContent only. Strings are interned in one
// table, so 10,000 models stay a few MB. A Content-Security-Policy allows no
// script or style but the page's own (by hash), no network and no forms.
//
// Escaping: the only input text written as HTML is the <title> (escaped as
// XML, which is valid HTML text); in the JSON every '<' is written \u003c, so
// no manifest string can end the data's <script> element.
#include <cmath>
#include <ostream>
#include <string>
#include <unordered_map>
#include <vector>

#include "report/escape.hpp"
#include "report/html_assets.hpp"
#include "report/json_writer.hpp"
#include "report/reporters.hpp"

namespace mofcheck {

namespace {

constexpr ComponentStatus kStatuses[] = {ComponentStatus::met, ComponentStatus::met_with_warning,
                                         ComponentStatus::unlicensed, ComponentStatus::not_open,
                                         ComponentStatus::missing};

// One letter per status in the data (the script maps it to a symbol).
char status_letter(ComponentStatus s) {
  switch (s) {
    case ComponentStatus::met:
      return 'm';
    case ComponentStatus::met_with_warning:
      return 'w';
    case ComponentStatus::unlicensed:
      return 'u';
    case ComponentStatus::not_open:
      return 'n';
    case ComponentStatus::missing:
      return 'x';
  }
  return 'x';
}

// Progress to one decimal: the page shows no more, and it keeps the data short.
double rounded(double p) {
  return std::round(p * 10.0) / 10.0;
}

// Writes `json` for a <script> element: '<' as \u003c, so "</script" and
// "<!--" cannot occur. A '<' in JSON text is always inside a string.
void write_script_json(std::ostream& out, std::string_view json) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < json.size(); ++i) {
    if (json[i] == '<') {
      out.write(json.data() + start, static_cast<std::streamsize>(i - start));
      out << "\\u003c";
      start = i + 1;
    }
  }
  out.write(json.data() + start, static_cast<std::streamsize>(json.size() - start));
}

class HtmlReporter : public Reporter {
 public:
  explicit HtmlReporter(const ReportOptions& options) : framework_(options.framework) {}

  void add(const Evaluation& ev, const GateResult& gate, std::ostream&) override {
    if (!framework_) framework_ = ev.framework;
    const Framework& fw = *ev.framework;
    if (models_count_++ > 0) models_ += ',';
    if (models_count_ == 1) first_title_ = ev.model.name + " " + ev.model.version;
    JsonWriter w(models_);
    w.begin_object();
    w.key("n"), w.value(intern(ev.model.name));
    w.key("v"), w.value(intern(ev.model.version));
    w.key("p"), w.value(intern(ev.model.producer));
    w.key("o"), w.value(intern(ev.model.origin));
    w.key("c"), w.value(ev.model_class);
    w.key("g");
    w.begin_array();
    for (const auto& c : fw.classes)
      w.value(rounded(ev.progress[static_cast<std::size_t>(c.level)]));
    w.end_array();
    w.key("ok"), w.value(gate.passed);
    w.key("f");
    w.begin_array();
    for (const auto& f : gate.failures) w.value(intern(f));
    w.end_array();

    std::string letters;
    for (const auto& r : ev.components) letters += status_letter(r.status);
    w.key("s"), w.value(letters);
    // Per component: [license, source, host, stand-in, reason], or 0 when
    // there is nothing to say (a missing component nobody stands in for).
    w.key("l");
    w.begin_array();
    for (const auto& r : ev.components) {
      if (!r.listed && r.substituted_by.empty() && r.license.empty()) {
        w.value(0);
        continue;
      }
      w.begin_array();
      w.value(r.license.empty() ? -1 : intern(r.license_canonical));
      w.value(static_cast<int>(r.license_source));
      w.value(r.included_in.empty() ? -1 : intern(r.included_in));
      w.value(r.substituted_by.empty() ? -1 : intern(r.substituted_by));
      w.value(r.reason.empty() || is_met(r.status) ? -1 : intern(r.reason));
      w.end_array();
    }
    w.end_array();

    // Diagnostics: [severity, where, message, code, gate (0, 1 fails
    // --strict, 2 waived), waiver].
    w.key("d");
    w.begin_array();
    for (std::size_t d = 0; d < ev.diagnostics.size(); ++d) {
      const Diagnostic& diag = ev.diagnostics[d];
      const Waiver* waiver = gate.waiver_for(d);
      w.begin_array();
      w.value(static_cast<int>(diag.severity));
      w.value(intern(diag.where.str()));
      w.value(intern(diag.text()));
      w.value(intern(diag.code));
      w.value(waiver ? 2 : gate.fails_on(d) ? 1 : 0);
      w.value(waiver ? intern("until " + waiver->expires + ": " + waiver->reason) : -1);
      w.end_array();
    }
    w.end_array();

    // The path to the next classes: [level, [[component, action], ...]].
    w.key("x");
    w.begin_array();
    for (const NextStep& step : next_steps(ev)) {
      w.begin_array();
      w.value(step.level);
      w.begin_array();
      for (std::size_t i : step.additional) {
        w.begin_array();
        w.value(i);
        w.value(intern(describe_action(ev, i)));
        w.end_array();
      }
      w.end_array();
      w.end_array();
    }
    w.end_array();
    w.end_object();
  }

  void add_error(const Error& error, std::ostream&) override {
    if (errors_count_++ > 0) errors_ += ',';
    JsonWriter w(errors_);
    w.value(intern(error.what()));
  }

  void finish(std::ostream& out) override {
    std::string title;
    if (models_count_ == 1 && errors_count_ == 0) {
      title = first_title_;
      while (!title.empty() && title.back() == ' ') title.pop_back();
      title += " — mof-check";
    } else {
      title = "mof-check: " + std::to_string(models_count_) +
              (models_count_ == 1 ? " model" : " models");
    }

    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        << "script-src " << html_assets::js_csp_source() << "; style-src "
        << html_assets::css_csp_source()
        << "; img-src data:; base-uri 'none'; form-action 'none'\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<meta name=\"color-scheme\" content=\"light dark\">\n"
        << "<meta name=\"generator\" content=\"mof-check\">\n"
        << "<title>" << escape::xml(title) << "</title>\n<style>" << html_assets::css()
        << "</style>\n</head>\n<body>\n<main id=\"app\"><noscript><p>This report is drawn by "
           "its own inline script; allow JavaScript for this file to read it.</p></noscript>"
           "</main>\n<script type=\"application/json\" id=\"mof-data\">";

    std::string data;
    {
      JsonWriter w(data);
      w.begin_object();
      w.key("title"), w.value(title);
      write_framework(w);
      w.key("st");
      w.begin_object();
      for (ComponentStatus s : kStatuses)
        w.key(std::string(1, status_letter(s))), w.value(status_name(s));
      w.end_object();
      w.key("sev");
      w.begin_array();
      for (Severity s : {Severity::error, Severity::warning, Severity::note}) {
        w.value(severity_name(s));
      }
      w.end_array();
      w.key("src");
      w.begin_array();
      for (LicenseSource s : {LicenseSource::none, LicenseSource::component, LicenseSource::type,
                              LicenseSource::distribution, LicenseSource::host}) {
        w.value(license_source_name(s));
      }
      w.end_array();
      w.key("S");
      w.begin_array();
      for (const std::string* s : strings_) w.value(*s);
      w.end_array();
      w.end_object();
    }
    // The data object with the models and errors spliced in before its end.
    data.pop_back();
    data += ",\"m\":[" + models_ + "],\"e\":[" + errors_ + "]}";
    write_script_json(out, data);
    out << "</script>\n<script>" << html_assets::js() << "</script>\n</body>\n</html>\n";
  }

 private:
  int intern(const std::string& s) {
    auto [it, inserted] = index_.try_emplace(s, static_cast<int>(strings_.size()));
    if (inserted) strings_.push_back(&it->first);
    return it->second;
  }

  void write_framework(JsonWriter& w) {
    w.key("fw");
    w.begin_object();
    w.key("none"), w.value(framework_ ? framework_->label(0) : std::string("Unclassified"));
    w.key("classes");
    w.begin_array();
    if (framework_) {
      for (const auto& c : framework_->classes) {
        w.begin_object();
        w.key("level"), w.value(c.level);
        w.key("roman"), w.value(c.roman);
        w.key("label"), w.value(c.label);
        w.end_object();
      }
    }
    w.end_array();
    w.key("c");
    w.begin_array();
    if (framework_) {
      for (const auto& def : framework_->components) {
        w.begin_object();
        w.key("n"), w.value(def.name);
        w.key("k"), w.value(def.class_level);
        w.key("r"), w.value(def.required);
        w.key("t"), w.value(content_type_name(def.type));
        w.end_object();
      }
    }
    w.end_array();
    w.end_object();
  }

  const Framework* framework_;
  std::string models_, errors_, first_title_;
  std::size_t models_count_ = 0, errors_count_ = 0;
  // Each distinct string once; the data refers to them by index.
  std::unordered_map<std::string, int> index_;
  std::vector<const std::string*> strings_;
};

}  // namespace

std::unique_ptr<Reporter> make_html_reporter(const ReportOptions& options) {
  return std::make_unique<HtmlReporter>(options);
}

}  // namespace mofcheck

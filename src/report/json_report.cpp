// SPDX-License-Identifier: Apache-2.0
#include "report/json_report.hpp"

#include <ostream>
#include <string>
#include <vector>

#include "report/reporters.hpp"

namespace mofcheck {

namespace {

using ojson = nlohmann::ordered_json;

void write_tag(JsonWriter& w, const RecordTag* tag) {
  if (tag == nullptr) return;
  w.member("source", tag->source);
  w.member("record", tag->record);
}

// "label": the class label, without the copy Framework::label() returns.
void write_label(JsonWriter& w, const Framework& fw, int level) {
  if (const ClassDef* c = fw.find_class(level)) {
    w.member("label", c->label);
  } else {
    w.member("label", fw.label(level));
  }
}

void string_or_null(JsonWriter& w, bool present, const std::string& text) {
  if (present) {
    w.value(text);
  } else {
    w.null();
  }
}

// The members of a component that come from the framework alone.
void write_component_head(JsonWriter& w, const ComponentDef& def) {
  w.member("name", def.name);
  w.member("id", def.id);
  w.member("type", content_type_name(def.type));
  w.member("class", def.class_level);
  w.member("required", def.required);
}

}  // namespace

void JsonReportCache::prepare(const Framework& fw) {
  if (framework_ == &fw) return;
  framework_ = &fw;
  head_.clear();
  missing_.clear();
  unlicensed_.clear();
  std::string sentence;
  auto encoded_action = [&](std::size_t i, ComponentStatus status) {
    ComponentResult r;
    r.index = i;
    r.status = status;
    r.stand_ins = stand_ins_for(fw, i);  // what evaluate() gives an unmet component
    sentence.clear();
    append_action(sentence, fw, i, r);
    std::string json;
    append_json_string(json, sentence);
    return json;
  };
  for (std::size_t i = 0; i < fw.components.size(); ++i) {
    std::string object;
    JsonWriter w(object);
    w.begin_object();
    write_component_head(w, fw.components[i]);
    w.end_object();
    head_.push_back(object.substr(1, object.size() - 2));  // without the braces
    missing_.push_back(encoded_action(i, ComponentStatus::missing));
    unlicensed_.push_back(encoded_action(i, ComponentStatus::unlicensed));
  }
}

const std::string* JsonReportCache::action(std::size_t i, ComponentStatus status) const {
  if (status == ComponentStatus::missing) return &missing_[i];
  if (status == ComponentStatus::unlicensed) return &unlicensed_[i];
  return nullptr;
}

namespace {

// Where a compact writer wrote a value of the report, to write it again
// with JsonWriter::repeat(); empty until then.
struct Span {
  std::size_t from = 0, to = 0;
  bool empty() const { return to == 0; }
};

// The locations of one report name the same file again and again (the
// input, or the stream and its record): a compact report copies the encoded
// name it wrote last when the name is the same.
struct FileNames {
  std::string_view last;  // the name written last, in the evaluation being written
  Span span;
};

void write_location_json(JsonWriter& w, const SourceLocation& where, FileNames* names) {
  w.begin_object();
  w.key("file");
  if (names && !names->span.empty() && names->last == where.file) {
    w.repeat(names->span.from, names->span.to);
  } else {
    const std::size_t from = w.compact() ? w.offset() : 0;
    w.value(where.file);
    if (names && w.compact()) *names = {where.file, {from, w.offset()}};
  }
  if (where.line > 0) w.member("line", where.line);
  if (where.column > 0) w.member("column", where.column);
  w.end_object();
}

}  // namespace

void write_location_json(JsonWriter& w, const SourceLocation& where) {
  write_location_json(w, where, nullptr);
}

void write_evaluation_json(JsonWriter& w, const Evaluation& ev, const GateResult& gate,
                           const RecordTag* tag, JsonReportCache* cache) {
  const Framework& fw = *ev.framework;
  if (cache && w.compact()) {
    cache->prepare(fw);
  } else {
    cache = nullptr;
  }
  w.begin_object();
  w.member("input", ev.model.origin);
  write_tag(w, tag);
  w.key("model");
  w.begin_object();
  w.member("name", ev.model.name);
  w.member("version", ev.model.version);
  w.member("producer", ev.model.producer);
  w.member("date", ev.model.date);
  w.member("type", ev.model.type);
  if (!ev.model.mot_id.empty()) w.member("id", ev.model.mot_id);
  w.end_object();
  w.key("framework");
  w.begin_object();
  w.member("name", fw.name);
  w.member("version", fw.version);
  w.end_object();
  w.member("license_list_version", ev.license_list_version);
  w.member("profile", profile_name(ev.profile));
  w.member("class", ev.model_class);
  write_label(w, fw, ev.model_class);
  w.key("class_under");
  w.begin_object();
  w.member(profile_name(other_profile(ev.profile)), ev.other_class);
  w.end_object();
  w.key("progress");
  w.begin_object();
  for (auto it = fw.classes.rbegin(); it != fw.classes.rend(); ++it) {
    w.member(std::to_string(it->level), ev.progress[static_cast<std::size_t>(it->level)]);
  }
  w.end_object();
  w.key("gate");
  w.begin_object();
  w.member("passed", gate.passed);
  w.key("failures");
  w.begin_array();
  for (const auto& f : gate.failures) w.value(f);
  w.end_array();
  if (!gate.waived.empty()) {
    w.key("waived");
    w.begin_array();
    for (const auto& wd : gate.waived) {
      w.begin_object();
      w.member("code", wd.waiver.code);
      w.member("component", wd.waiver.component);
      w.member("reason", wd.waiver.reason);
      w.member("expires", wd.waiver.expires);
      w.member("diagnostic", wd.diagnostic);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
  FileNames names;
  w.key("components");
  w.begin_array();
  for (const auto& r : ev.components) {
    const ComponentDef& def = fw.components[r.index];
    w.begin_object();
    if (cache) {
      w.raw(cache->component_head(r.index));
    } else {
      write_component_head(w, def);
    }
    w.plain_member("status", status_name(r.status));
    w.key("license");
    string_or_null(w, r.listed, r.license_canonical);
    w.key("license_written");
    string_or_null(w, r.listed, r.license);
    w.plain_member("license_source", license_source_name(r.license_source));
    w.member("type_appropriate", r.type_appropriate);
    if (!r.reason.empty()) w.member("reason", r.reason);
    if (!r.suggestion.empty()) w.member("suggestion", r.suggestion);
    if (!r.included_in.empty()) w.member("included_in", r.included_in);
    if (!r.substituted_by.empty()) w.member("substituted_by", r.substituted_by);
    if (r.listed) {
      w.key("location");
      write_location_json(w, r.where, &names);
    }
    w.end_object();
  }
  w.end_array();
  w.key("diagnostics");
  w.begin_array();
  for (const auto& d : ev.diagnostics) {
    w.begin_object();
    w.plain_member("severity", severity_name(d.severity));
    w.member("code", d.code);
    // text() adds the fix sentence; without one it is the message itself.
    if (d.fix) {
      w.member("message", d.text());
    } else {
      w.member("message", d.message);
    }
    if (!d.component.empty()) w.member("component", d.component);
    if (d.fix) {
      // The suggested license as data, with the class the model would have.
      w.key("fix");
      w.begin_object();
      w.member("license", d.fix->license);
      w.member("class", d.fix->class_level);
      w.member("label", d.fix->class_label);
      w.member("changes_class", d.fix->changes_class);
      w.end_object();
    }
    if (!d.where.file.empty()) {
      w.key("location");
      write_location_json(w, d.where, &names);
    }
    w.end_object();
  }
  w.end_array();
  w.key("next");
  w.begin_array();
  std::string action;  // one buffer for every action sentence
  // A component missing from a class is missing from every class below it:
  // its action, written for the first, is copied for the others.
  thread_local std::vector<Span> written;
  written.assign(w.compact() && ev.gaps.size() > 1 ? ev.components.size() : 0, Span{});
  for (const auto& gap : ev.gaps) {
    w.begin_object();
    w.member("class", gap.level);
    write_label(w, fw, gap.level);
    w.key("actions");
    w.begin_array();
    for (std::size_t i : gap.actions) {
      Span* span = i < written.size() ? &written[i] : nullptr;
      if (span && !span->empty()) {
        w.repeat(span->from, span->to);
        continue;
      }
      w.begin_object();
      if (span) span->from = w.offset() - 1;  // at the brace
      w.member("component", fw.components[i].name);
      w.plain_member("status", status_name(ev.components[i].status));
      w.key("action");
      if (const std::string* encoded =
              cache ? cache->action(i, ev.components[i].status) : nullptr) {
        w.raw(*encoded);
      } else {
        action.clear();
        append_action(action, ev, i);
        w.value(action);
      }
      w.end_object();
      if (span) span->to = w.offset();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void write_error_json(JsonWriter& w, const Error& error, const RecordTag* tag) {
  w.begin_object();
  w.member("input", error.where().file);
  write_tag(w, tag);
  w.key("error");
  w.begin_object();
  w.member("message", error.message());
  w.key("location");
  write_location_json(w, error.where());
  w.end_object();
  w.end_object();
}

// The trees are parsed back from the writer's text: one definition of the
// schema, and they are only built once per command.
ojson location_json(const SourceLocation& where) {
  std::string text;
  JsonWriter w(text);
  write_location_json(w, where);
  return ojson::parse(text);
}

ojson evaluation_json(const Evaluation& ev, const GateResult& gate) {
  std::string text;
  JsonWriter w(text);
  write_evaluation_json(w, ev, gate);
  return ojson::parse(text);
}

void write_document_line(std::string& buffer, std::ostream& out) {
  buffer += '\n';
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  buffer.clear();
}

namespace {

// One report is one object; several are one array, written as they come
// (the first is held until the second shows there will be an array).
class JsonReporter : public Reporter {
 public:
  void add(const Evaluation& ev, const GateResult& gate, std::ostream& out) override {
    JsonWriter w(buffer_, 2);
    write_evaluation_json(w, ev, gate);
    emit(out);
  }
  void add_error(const Error& error, std::ostream& out) override {
    JsonWriter w(buffer_, 2);
    write_error_json(w, error);
    emit(out);
  }
  void finish(std::ostream& out) override {
    if (count_ == 0) out << "[]\n";
    if (count_ == 1) out << first_ << '\n';
    if (count_ > 1) out << "\n]\n";
  }

 private:
  void emit(std::ostream& out) {
    if (++count_ == 1) {
      first_.swap(buffer_);
      buffer_.clear();
      return;
    }
    if (count_ == 2) {
      out << "[\n  " << indented(first_);
      first_.clear();
    }
    out << ",\n  " << indented(buffer_);
    buffer_.clear();
  }
  // An element of the array, one level deeper.
  static std::string indented(const std::string& doc) {
    std::string s;
    s.reserve(doc.size() + doc.size() / 8);
    for (char c : doc) {
      s += c;
      if (c == '\n') s += "  ";
    }
    return s;
  }

  std::string buffer_;  // reused across reports
  std::string first_;
  std::size_t count_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(const ReportOptions&) {
  return std::make_unique<JsonReporter>();
}

}  // namespace mofcheck

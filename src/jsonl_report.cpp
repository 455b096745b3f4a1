// SPDX-License-Identifier: Apache-2.0
// JSON Lines: the json report of each manifest on one line as it is scored,
// with the name of its input and its record number, for pipelines that
// score thousands of models.
#include <ostream>

#include "json_report.hpp"
#include "record_stream.hpp"
#include "reporters.hpp"

namespace mofcheck {

namespace {

using ojson = nlohmann::ordered_json;

// The input's name and record number right after "input"; a whole input is record 1.
ojson with_record(ojson report, const std::string& source, std::size_t record) {
  ojson line;
  line["input"] = std::move(report["input"]);
  line["source"] = source;
  line["record"] = record == 0 ? 1 : record;
  for (auto& [key, value] : report.items()) {
    if (key != "input") line[key] = std::move(value);
  }
  return line;
}

void write_line(const ojson& j, std::ostream& out) {
  out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

class JsonlReporter : public Reporter {
 public:
  void add(const Evaluation& ev, const GateResult& gate, std::ostream& out) override {
    const std::string& origin = ev.model.origin;
    std::size_t record = ev.model.record;
    // A record's origin is "source#N".
    std::string source =
        record == 0 ? origin : origin.substr(0, origin.size() - record_origin("", record).size());
    write_line(with_record(evaluation_json(ev, gate), source, record), out);
  }
  void add_error(const Error& error, std::ostream& out) override {
    const auto* in_stream = dynamic_cast<const RecordError*>(&error);
    write_line(with_record(error_json(error), in_stream ? in_stream->input() : error.where().file,
                           in_stream ? in_stream->record() : 0),
               out);
  }
};

}  // namespace

std::unique_ptr<Reporter> make_jsonl_reporter(const ReportOptions&) {
  return std::make_unique<JsonlReporter>();
}

}  // namespace mofcheck

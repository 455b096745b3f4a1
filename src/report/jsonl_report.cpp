// SPDX-License-Identifier: Apache-2.0
// JSON Lines: the json report of each manifest on one line as it is scored,
// with the name of its input and its record number, for pipelines that
// score thousands of models.
#include <memory>
#include <ostream>

#include "manifest/record_stream.hpp"
#include "report/json_report.hpp"
#include "report/reporters.hpp"

namespace mofcheck {

namespace {

class JsonlReporter : public Reporter {
 public:
  void add(const Evaluation& ev, const GateResult& gate, std::ostream& out) override {
    std::size_t n = write_jsonl_line(room_, ev, gate, cache_);
    out.write(room_.data(), static_cast<std::streamsize>(n));
  }
  LineWriter line_writer() const override {
    return [cache = std::make_shared<JsonReportCache>()](std::string& room, const Evaluation& ev,
                                                         const GateResult& gate) {
      return write_jsonl_line(room, ev, gate, *cache);
    };
  }
  void add_error(const Error& error, std::ostream& out) override {
    const auto* in_stream = dynamic_cast<const RecordError*>(&error);
    std::size_t record = in_stream ? in_stream->record() : 0;
    RecordTag tag{in_stream ? std::string_view(in_stream->input()) : error.where().file,
                  record == 0 ? 1 : record};
    JsonWriter w(buffer_);
    write_error_json(w, error, &tag);
    write_document_line(buffer_, out);
  }

 private:
  std::string buffer_;  // reused across error lines
  std::string room_;    // reused across report lines, never shrunk
  JsonReportCache cache_;
};

}  // namespace

std::size_t write_jsonl_line(std::string& room, const Evaluation& ev, const GateResult& gate,
                             JsonReportCache& cache) {
  const std::string& origin = ev.model.origin;
  std::size_t record = ev.model.record;
  // A record's origin is "source#N"; a whole input is record 1.
  std::string_view source = origin;
  if (record != 0) source.remove_suffix(record_origin("", record).size());
  RecordTag tag{source, record == 0 ? 1 : record};
  JsonWriter w(room, JsonWriter::InRoom{});
  write_evaluation_json(w, ev, gate, &tag, &cache);
  w.end_line();
  return w.written().size();
}

std::unique_ptr<Reporter> make_jsonl_reporter(const ReportOptions&) {
  return std::make_unique<JsonlReporter>();
}

}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
// The JSON form of an evaluation, shared by the json and jsonl reporters (and
// embedded by scan): written once, by write_evaluation_json(), straight into a
// string. Private.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include <mofcheck/report.hpp>

#include "report/json_writer.hpp"

namespace mofcheck {

/// The input's name and record number, written right after "input" by jsonl.
struct RecordTag {
  std::string_view source;
  std::size_t record = 1;
};

/// Parts of the report that depend on the framework only, encoded once by a
/// reporter that writes many compact reports: per component the members from
/// "name" to "required", and the action sentence when it is missing or
/// unlicensed. Made by the same code that writes them otherwise.
class JsonReportCache {
 public:
  /// Encodes the parts of `fw` unless they are encoded already.
  void prepare(const Framework& fw);
  /// `"name":…,"required":…` of component `i`.
  const std::string& component_head(std::size_t i) const { return head_[i]; }
  /// The action of component `i` as a JSON string, or nullptr when it
  /// depends on more than the framework.
  const std::string* action(std::size_t i, ComponentStatus status) const;

 private:
  const Framework* framework_ = nullptr;
  std::vector<std::string> head_, missing_, unlicensed_;
};

void write_location_json(JsonWriter& w, const SourceLocation& where);
/// One evaluation report object; `tag` adds "source" and "record". With a
/// compact writer, `cache` (when given) supplies the parts it encoded.
void write_evaluation_json(JsonWriter& w, const Evaluation& ev, const GateResult& gate,
                           const RecordTag* tag = nullptr, JsonReportCache* cache = nullptr);
/// One error report object; `tag` adds "source" and "record".
void write_error_json(JsonWriter& w, const Error& error, const RecordTag* tag = nullptr);

/// The jsonl line of `ev` (its newline included) written at the start of
/// `room`, which is all taken as room (JsonWriter::InRoom); returns its
/// length. The jsonl reporter and the scoring threads of a jsonl run write
/// their lines with it.
std::size_t write_jsonl_line(std::string& room, const Evaluation& ev, const GateResult& gate,
                             JsonReportCache& cache);

/// Writes `buffer` (one finished document) and a newline to `out`, then
/// empties it for the next document; the json and jsonl reporters reuse it.
void write_document_line(std::string& buffer, std::ostream& out);

/// The same documents as trees, for reports that embed them.
nlohmann::ordered_json location_json(const SourceLocation& where);
nlohmann::ordered_json evaluation_json(const Evaluation& ev, const GateResult& gate);

}  // namespace mofcheck

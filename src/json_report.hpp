// SPDX-License-Identifier: Apache-2.0
// The JSON form of an evaluation, shared by the json and jsonl reporters (and
// embedded by scan): written once, by write_evaluation_json(), straight into a
// string. Private.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string_view>

#include <mofcheck/report.hpp>

#include "json_writer.hpp"

namespace mofcheck {

/// The input's name and record number, written right after "input" by jsonl.
struct RecordTag {
  std::string_view source;
  std::size_t record = 1;
};

void write_location_json(JsonWriter& w, const SourceLocation& where);
/// One evaluation report object; `tag` adds "source" and "record".
void write_evaluation_json(JsonWriter& w, const Evaluation& ev, const GateResult& gate,
                           const RecordTag* tag = nullptr);
/// One error report object; `tag` adds "source" and "record".
void write_error_json(JsonWriter& w, const Error& error, const RecordTag* tag = nullptr);

/// The same documents as trees, for reports that embed them.
nlohmann::ordered_json location_json(const SourceLocation& where);
nlohmann::ordered_json evaluation_json(const Evaluation& ev, const GateResult& gate);

}  // namespace mofcheck

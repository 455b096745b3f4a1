// SPDX-License-Identifier: Apache-2.0
// The JSON form of an evaluation, shared by the json and jsonl reporters.
#pragma once

#include <nlohmann/json.hpp>

#include <mofcheck/report.hpp>

namespace mofcheck {

nlohmann::ordered_json location_json(const SourceLocation& where);
nlohmann::ordered_json evaluation_json(const Evaluation& ev, const GateResult& gate);
nlohmann::ordered_json error_json(const Error& error);

}  // namespace mofcheck

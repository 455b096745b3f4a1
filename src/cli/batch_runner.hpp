// SPDX-License-Identifier: Apache-2.0
// Scores a batch of inputs: reads each one record by record, evaluates and
// gates every manifest, and hands the outcomes over in input order, on
// several threads when there are several inputs. Never prints. Private.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <mofcheck/evaluate.hpp>
#include <mofcheck/gate.hpp>
#include <mofcheck/manifest.hpp>

#include "cli/input_walk.hpp"
#include "manifest/record_stream.hpp"

namespace mofcheck {

/// What became of one manifest (or of an input that could not be read).
struct Outcome {
  std::optional<Evaluation> evaluation;  ///< set when it was evaluated
  GateResult gate;
  std::unique_ptr<Error> error;  ///< set when it was not; a RecordError for a stream record
};

struct BatchSettings {
  const Framework* framework = nullptr;
  const LicenseDb* licenses = nullptr;
  Profile profile = Profile::mot;
  const GatePolicy* policy = nullptr;
  StreamFormat format = StreamFormat::automatic;
  ReadLimits limits;
  unsigned jobs = 1;       ///< threads reading and evaluating; output order never changes
  std::string paths_root;  ///< --paths: verify each manifest's local paths under it
};

/// Receives outcomes in input order on the calling thread; returns false to
/// stop the batch (the remaining inputs are not reported).
using OutcomeSink = std::function<bool(Outcome&)>;

/// Scores every input. Errors of one input are outcomes, never exceptions.
/// Memory stays bounded: each worker holds at most a few hundred outcomes
/// ahead of the sink.
void run_batch(const std::vector<InputItem>& inputs, const BatchSettings& settings,
               const OutcomeSink& sink);

/// The default for --jobs: the number of cores (at least 1).
unsigned default_jobs();

}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
// Scores a batch of inputs: reads them record by record, evaluates and
// gates every manifest, and hands the outcomes over in input order. With
// --jobs N, N threads take turns reading batches of records (of many files,
// or of one stream) and score them in parallel. Never prints. Private.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <mofcheck/evaluate.hpp>
#include <mofcheck/gate.hpp>
#include <mofcheck/manifest.hpp>

#include "cli/input_walk.hpp"
#include "evaluate/license_memo.hpp"
#include "manifest/record_stream.hpp"

namespace mofcheck {

/// What became of one manifest (or of an input that could not be read).
struct Outcome {
  std::optional<Evaluation> evaluation;  ///< set when it was evaluated
  GateResult gate;
  std::unique_ptr<Error> error;  ///< set when it was not; a RecordError for a stream record
  /// Its report, when a BatchSettings::make_renderer renderer wrote one: in
  /// the text of its batch, valid until the sink returns. Empty otherwise.
  std::string_view report;
};

/// Writes an outcome's report at the start of `room` (the scoring thread's
/// own, reused: all its bytes are room) and returns its length, 0 for none.
using Renderer = std::function<std::size_t(std::string& room, const Outcome&)>;

struct BatchSettings {
  const Framework* framework = nullptr;
  const LicenseDb* licenses = nullptr;
  Profile profile = Profile::mot;
  const GatePolicy* policy = nullptr;
  InputFormat format;
  ReadLimits limits;
  /// Threads reading and evaluating; output order never changes. 0: one per
  /// core, counted only when the inputs hold more than one batch.
  unsigned jobs = 1;
  std::string paths_root;        ///< --paths: verify each manifest's local paths under it
  bool verify_licenses = false;  ///< --verify-licenses: claims against their texts
  /// What every report needs: EvaluationDetail::verdict when the reports
  /// print no fix outcomes and no next steps (csv).
  EvaluationDetail detail = EvaluationDetail::full;
  /// When set, each scoring thread makes one renderer (its own state) and
  /// runs it on every outcome it scores, so reports are written in
  /// parallel; the renderers must not share state that is not thread-safe.
  std::function<Renderer()> make_renderer;
  /// With make_renderer: the sink reads only an outcome's report and gate,
  /// so the scoring thread takes the evaluation's room back right after
  /// rendering it (the outcome's evaluation is then empty).
  bool report_only = false;
  /// When set, called on the calling thread after the sink has had the
  /// outcomes of a batch (also when it stopped the run), while their reports
  /// are still valid: the sink may keep reports that follow one another in
  /// the batch's text and write them at once.
  std::function<void()> batch_done;
};

/// Receives outcomes in input order on the calling thread; returns false to
/// stop the batch (the remaining inputs are not reported).
using OutcomeSink = std::function<bool(Outcome&)>;

/// Scores every input. Errors of one input are outcomes, never exceptions.
/// Memory stays bounded: at most jobs + 2 (rounded up to a multiple of
/// jobs) batches of 32 records are
/// held ahead of the sink. A run that fits in one batch starts no thread.
/// The outcomes are the same for every `jobs`.
void run_batch(const std::vector<InputItem>& inputs, const BatchSettings& settings,
               const OutcomeSink& sink);

/// The default for --jobs: the number of cores (at least 1).
unsigned default_jobs();

}  // namespace mofcheck

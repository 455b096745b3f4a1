// SPDX-License-Identifier: Apache-2.0
#include "cli/batch_runner.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include <mofcheck/fix.hpp>
#include <mofcheck/license_verify.hpp>
#include <mofcheck/paths.hpp>

#include "cli/batch_reader.hpp"
#include "cli/flag_hints.hpp"
#include "evaluate/license_memo.hpp"
#include "manifest/manifest_reuse.hpp"

namespace mofcheck {

namespace {

Outcome failed(std::unique_ptr<Error> error) {
  Outcome o;
  o.error = std::move(error);
  return o;
}

// An error inside a record names the record and the line of the whole input.
Error in_record(const Error& e, const std::string& origin, const Record& rec) {
  SourceLocation where = e.where();
  where.file = origin;
  if (where.line <= 0) {
    where.line = rec.line;
    where.column = rec.column;
  } else {
    if (where.line == 1 && where.column > 0) where.column += rec.column - 1;
    where.line += rec.line - 1;
  }
  return Error(where, e.message());
}

// What the outcomes of a slot's earlier batch leave for its next one, which
// the same thread scores: evaluations, whose room is reused.
struct Spares {
  std::vector<Evaluation> evaluations;
  // The room a renderer writes each report in. A report is written there
  // and copied into the batch's text whole: written piece by piece into
  // memory the sink's thread had read last, every cache line waited on the
  // other core (measured: jsonl lines took half as long again as on one
  // thread).
  std::string room;
};

// The reports of a batch, one after another: one buffer per batch slot,
// whose size follows the batch's, not the largest report each of many
// buffers ever held.
struct BatchText {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // per outcome: offset, length
};

// Renders `o` into the batch's text. With `report_only`, the evaluation
// goes back to the thread's spares at once: the next record reuses it, and a
// batch holds no evaluations.
void render_into(const Renderer& render, bool report_only, Outcome& o, Spares& spares,
                 BatchText& batch) {
  const std::size_t n = render(spares.room, o);
  batch.spans.emplace_back(batch.text.size(), n);
  batch.text.append(spares.room, 0, n);
  if (report_only && o.evaluation) {
    spares.evaluations.push_back(std::move(*o.evaluation));
    o.evaluation.reset();
  }
}

Outcome score(const Manifest& m, const BatchSettings& s, Spares& spares) {
  // The same license texts recur across records: each thread keeps their verdicts.
  thread_local std::optional<LicenseMemo> memo;
  if (!memo || !memo->serves(*s.licenses, s.profile)) memo.emplace(*s.licenses, s.profile);
  Outcome o;
  if (spares.evaluations.empty()) {
    o.evaluation.emplace();
  } else {
    o.evaluation.emplace(std::move(spares.evaluations.back()));
    spares.evaluations.pop_back();
  }
  evaluate_into(*o.evaluation, m, *s.framework, *memo, s.detail);
  o.gate = check_gate(*o.evaluation, *s.policy);
  if (!s.paths_root.empty()) apply_path_check(m, s.paths_root, *o.evaluation, o.gate);
  if (s.verify_licenses && !s.paths_root.empty())
    apply_license_verification(m, s.paths_root, *s.licenses, *o.evaluation, o.gate);
  return o;
}

// The manifest each thread reads record after record into, keeping its room.
Manifest& thread_manifest() {
  thread_local Manifest m;
  return m;
}

Outcome score_record(const Record& rec, const std::string& shown, const BatchSettings& s,
                     Spares& spares) {
  Manifest& m = thread_manifest();
  if (rec.number == 0) {
    try {
      parse_manifest_into(m, rec.text, shown, rec.syntax, s.limits);
      return score(m, s, spares);
    } catch (const Error& e) {
      return failed(std::make_unique<Error>(with_flag_hint(e)));
    }
  }
  const std::string origin = record_origin(shown, rec.number);
  try {
    if (!rec.problem.empty()) {
      // The reader goes on after a record too large to keep: it is skipped.
      Error too_large({origin, rec.line, rec.column}, rec.problem, ErrorKind::input_too_large);
      throw Error(too_large.where(), with_flag_hint(too_large).message() + "; it is skipped");
    }
    try {
      parse_manifest_into(m, rec.text, origin, rec.syntax, s.limits);
    } catch (const Error& e) {
      throw in_record(e, origin, rec);
    }
    m.record = rec.number;
    offset_positions(m, rec.line, rec.column);
    return score(m, s, spares);
  } catch (const Error& e) {
    return failed(std::make_unique<RecordError>(with_flag_hint(e), shown, rec.number));
  }
}

// Parses and scores every item of a batch, in order, into `out`, and renders
// each outcome when there is a renderer.
void score_batch(RecordBatch& batch, const std::vector<InputItem>& inputs, const BatchSettings& s,
                 const Renderer& render, std::vector<Outcome>& out, Spares& spares,
                 BatchText& text) {
  out.reserve(batch.items.size());
  for (BatchItem& item : batch.items) {
    if (item.error) {
      out.push_back(failed(std::move(item.error)));
    } else {
      item.record.text = batch.text_of(item);
      const std::string& shown = inputs[item.input].shown;
      const Record& rec = item.record;
      // A page of the MOT's API is a batch of records, each scored with its id.
      if (rec.number == 0 && rec.problem.empty() && rec.syntax != InputSyntax::yaml &&
          looks_like_api_page(rec.text)) {
        std::size_t number = 0;
        for (PageRecord& page_rec : parse_api_page(rec.text, shown, s.limits)) {
          ++number;
          try {
            if (!page_rec.manifest) throw *page_rec.error;
            out.push_back(score(*page_rec.manifest, s, spares));
          } catch (const Error& e) {
            out.push_back(failed(std::make_unique<RecordError>(with_flag_hint(e), shown, number)));
          }
          if (render) render_into(render, s.report_only, out.back(), spares, text);
        }
        continue;
      }
      out.push_back(score_record(rec, shown, s, spares));
    }
    if (render) render_into(render, s.report_only, out.back(), spares, text);
  }
  // The text no longer grows: each report is a view of it.
  if (render) {
    for (std::size_t i = 0; i < out.size(); ++i) {
      const auto [offset, length] = text.spans[i];
      out[i].report = std::string_view(text.text).substr(offset, length);
    }
  }
}

Renderer make_renderer(const BatchSettings& s) {
  return s.make_renderer ? s.make_renderer() : Renderer{};
}

// A batch on its way from reading to the sink; a ring of these bounds memory.
struct Slot {
  RecordBatch batch;
  std::vector<Outcome> outcomes;
  Spares spares;
  BatchText text;
  bool scored = false;  // under the batch mutex

  // Ready for the next batch; with `keep_room` (the next batch is scored by
  // the same thread) the evaluations are kept as room for its own.
  void clear(bool keep_room) {
    for (Outcome& o : outcomes) {
      if (!keep_room) break;
      if (o.evaluation) spares.evaluations.push_back(std::move(*o.evaluation));
    }
    outcomes.clear();
    batch.clear();
    text.text.clear();
    text.spans.clear();
  }
};

// Records per batch: enough that a hand-over between threads (a few futex
// calls) costs little beside scoring the batch, few enough that memory stays
// small and the last batch does not leave a core idle for long.
constexpr std::size_t batch_items = 32;
constexpr std::size_t batch_bytes = 256 * 1024;

}  // namespace

unsigned default_jobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

void run_batch(const std::vector<InputItem>& inputs, const BatchSettings& settings,
               const OutcomeSink& sink) {
  BatchReader reader(inputs, settings.format, settings.limits.max_bytes);
  // Returns false when the sink stops the run.
  auto emit = [&](std::vector<Outcome>& outcomes) {
    for (Outcome& o : outcomes) {
      if (!sink(o)) return false;
    }
    return true;
  };

  // The first batch is read here: when it holds the whole run (one manifest,
  // a few files), it is scored without starting a thread.
  // Worker j scores the batches k with k % jobs == j, so with a window that
  // is a multiple of jobs a slot always goes back to the same thread, which
  // reuses the room of what it left there.
  // (A deque: growing it leaves slot 0, read already, where it is.)
  std::deque<Slot> slots(1);
  if (!reader.fill(slots[0].batch, batch_items, batch_bytes)) return;
  const std::size_t jobs =
      reader.finished() ? 1 : std::max(settings.jobs == 0 ? default_jobs() : settings.jobs, 1u);
  const std::size_t window = (jobs + 2 + jobs - 1) / jobs * jobs;
  if (jobs == 1) {
    Slot& slot = slots[0];
    const Renderer render = make_renderer(settings);
    do {
      score_batch(slot.batch, inputs, settings, render, slot.outcomes, slot.spares, slot.text);
      const bool go = emit(slot.outcomes);
      if (settings.batch_done) settings.batch_done();
      if (!go) return;
      slot.clear(true);
    } while (reader.fill(slot.batch, batch_items, batch_bytes));
    return;
  }

  // Workers take turns at the reader (reading is serial: a stream is split
  // in order), then score what they read in parallel. Batch k goes to slot
  // k % window and to worker k % jobs, and a worker reads batch k only once
  // the sink is done with batch k - window, so at most `window` batches are
  // held. Memory a thread allocated stays with it: objects handed between
  // threads and grown there spread frees over malloc's arenas, which cost
  // CPU and made the peak memory creep up with the records.
  slots.resize(window);
  std::mutex mutex;
  std::condition_variable worker_cv;  // the reader is free, or a slot is
  std::condition_variable sink_cv;    // a batch is scored, or reading ended
  bool reading = false;               // a worker holds the reader
  bool read_all = false;
  std::size_t next_batch = 1;  // batch 0 was read above
  std::size_t consumed = 0;    // batches the sink is done with
  bool stop = false;
  std::exception_ptr failure;  // a worker's, rethrown here

  auto work = [&](std::size_t me) {
    const Renderer render = make_renderer(settings);
    for (;;) {
      std::size_t k = 0;
      {
        std::unique_lock lock(mutex);
        worker_cv.wait(lock, [&] {
          return stop || read_all ||
                 (!reading && next_batch % jobs == me && next_batch < consumed + window);
        });
        if (stop || read_all) return;
        reading = true;
        k = next_batch;
      }
      Slot& slot = slots[k % window];
      // The outcomes of batch k - window are freed or kept as room here, by
      // the thread that scored them (batch 0 was the calling thread's).
      slot.clear(k != window);
      bool got = false;
      try {
        got = reader.fill(slot.batch, batch_items, batch_bytes);
      } catch (...) {
        // fill() turns every read error into an item; only allocation can fail here.
        std::lock_guard lock(mutex);
        failure = std::current_exception();
        reading = false;
        read_all = stop = true;
        worker_cv.notify_all();
        sink_cv.notify_all();
        return;
      }
      {
        std::lock_guard lock(mutex);
        reading = false;
        if (got) {
          ++next_batch;
        } else {
          read_all = true;
          sink_cv.notify_all();
        }
      }
      worker_cv.notify_all();  // the worker whose turn it is to read
      if (!got) return;
      score_batch(slot.batch, inputs, settings, render, slot.outcomes, slot.spares, slot.text);
      std::lock_guard lock(mutex);
      slot.scored = true;
      if (k == consumed) sink_cv.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (std::size_t j = 0; j < jobs; ++j) workers.emplace_back(work, j);

  // This thread scores batch 0 while the workers read on, then hands every
  // batch to the sink in order.
  score_batch(slots[0].batch, inputs, settings, make_renderer(settings), slots[0].outcomes,
              slots[0].spares, slots[0].text);
  slots[0].scored = true;
  for (std::size_t k = 0;; ++k) {
    Slot& slot = slots[k % window];
    {
      std::unique_lock lock(mutex);
      sink_cv.wait(lock, [&] { return slot.scored || stop || (read_all && k >= next_batch); });
      if (!slot.scored) break;
    }
    const bool go = emit(slot.outcomes);
    if (settings.batch_done) settings.batch_done();
    std::lock_guard lock(mutex);
    slot.scored = false;
    consumed = k + 1;
    worker_cv.notify_all();
    if (!go) {
      stop = true;
      break;
    }
  }
  {
    std::lock_guard lock(mutex);
    stop = true;
  }
  worker_cv.notify_all();
  for (auto& w : workers) w.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
#include "cli/batch_runner.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include <mofcheck/fix.hpp>
#include <mofcheck/paths.hpp>

#include "evaluate/license_memo.hpp"

namespace mofcheck {

namespace {

using Emit = std::function<bool(Outcome&&)>;

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

Outcome score(const Manifest& m, const BatchSettings& s) {
  // The same license texts recur across records: each thread keeps their verdicts.
  thread_local std::optional<LicenseMemo> memo;
  if (!memo || !memo->serves(*s.licenses, s.profile)) memo.emplace(*s.licenses, s.profile);
  Outcome o;
  o.evaluation = evaluate_with_fixes(m, *s.framework, *memo);
  o.gate = check_gate(*o.evaluation, *s.policy);
  if (!s.paths_root.empty()) apply_path_check(m, s.paths_root, *o.evaluation, o.gate);
  return o;
}

Outcome score_record(const Record& rec, const std::string& shown, const BatchSettings& s) {
  if (rec.number == 0) {
    try {
      return score(parse_manifest(rec.text, shown, InputSyntax::automatic, s.limits), s);
    } catch (const Error& e) {
      return failed(std::make_unique<Error>(e));
    }
  }
  const std::string origin = record_origin(shown, rec.number);
  try {
    if (!rec.problem.empty()) throw Error({origin, rec.line, rec.column}, rec.problem);
    // Built in place and scored by reference: a Manifest holds some fifty strings.
    Manifest m = [&] {
      try {
        return parse_manifest(rec.text, origin, rec.syntax, s.limits);
      } catch (const Error& e) {
        throw in_record(e, origin, rec);
      }
    }();
    m.record = rec.number;
    offset_positions(m, rec.line, rec.column);
    return score(m, s);
  } catch (const Error& e) {
    return failed(std::make_unique<RecordError>(e, shown, rec.number));
  }
}

// Reads one input record by record; stops early when `emit` says so.
void process_input(const InputItem& item, const BatchSettings& s, const Emit& emit) {
  if (!item.problem.empty()) {
    emit(failed(std::make_unique<Error>(SourceLocation{item.shown, 0, 0}, item.problem)));
    return;
  }
  try {
    auto source = open_source(item.path, item.shown);
    RecordReader reader(*source, item.shown, s.format, s.limits.max_bytes);
    Record rec;
    while (reader.next(rec)) {
      // A page of the MOT's API is a batch of records, each scored with its id.
      if (rec.number == 0 && rec.problem.empty() && looks_like_api_page(rec.text)) {
        std::size_t number = 0;
        for (PageRecord& page_rec : parse_api_page(rec.text, item.shown, s.limits)) {
          ++number;
          Outcome o;
          try {
            if (!page_rec.manifest) throw *page_rec.error;
            o = score(*page_rec.manifest, s);
          } catch (const Error& e) {
            o = failed(std::make_unique<RecordError>(e, item.shown, number));
          }
          if (!emit(std::move(o))) return;
        }
        continue;
      }
      if (!emit(score_record(rec, item.shown, s))) return;
    }
  } catch (const Error& e) {
    emit(failed(std::make_unique<Error>(e)));
  } catch (const std::exception& e) {
    emit(failed(std::make_unique<Error>(SourceLocation{item.shown, 0, 0},
                                        std::string("internal error: ") + e.what())));
  }
}

// Outcomes of one input, passed from its worker to the sink.
struct Slot {
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<Outcome> queue;
  bool done = false;
};

constexpr std::size_t slot_capacity = 256;

}  // namespace

unsigned default_jobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

void run_batch(const std::vector<InputItem>& inputs, const BatchSettings& settings,
               const OutcomeSink& sink) {
  const std::size_t n = inputs.size();
  const unsigned jobs = static_cast<unsigned>(std::min<std::size_t>(settings.jobs, n));
  if (jobs <= 1) {
    bool go = true;
    for (std::size_t i = 0; i < n && go; ++i) {
      process_input(inputs[i], settings, [&](Outcome&& o) { return go = sink(o); });
    }
    return;
  }

  // Workers run at most `window` inputs ahead of the sink, and input i uses
  // slot i % window: memory stays bounded however many inputs there are.
  const std::size_t window = std::size_t{jobs} * 4;
  std::vector<Slot> slots(window);
  std::mutex claim_mutex;
  std::condition_variable claim_changed;
  std::size_t next = 0;      // first input not yet claimed (under claim_mutex)
  std::size_t consumed = 0;  // inputs the sink is done with (under claim_mutex)
  std::atomic<bool> stop{false};

  auto work = [&] {
    for (;;) {
      std::size_t i = 0;
      {
        std::unique_lock lock(claim_mutex);
        claim_changed.wait(lock, [&] { return next < consumed + window || stop.load(); });
        if (next >= n || stop.load()) return;
        i = next++;
      }
      Slot& slot = slots[i % window];
      process_input(inputs[i], settings, [&](Outcome&& o) {
        std::unique_lock lock(slot.mutex);
        slot.changed.wait(lock, [&] { return slot.queue.size() < slot_capacity || stop.load(); });
        if (stop.load()) return false;
        slot.queue.push_back(std::move(o));
        // Only the sink waits for a queue to fill, and only while it is empty.
        if (slot.queue.size() == 1) slot.changed.notify_all();
        return true;
      });
      std::lock_guard lock(slot.mutex);
      slot.done = true;
      slot.changed.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (unsigned j = 0; j < jobs; ++j) workers.emplace_back(work);

  // Inputs are taken in order, so the one the sink waits for is always being read.
  for (std::size_t i = 0; i < n && !stop.load(); ++i) {
    Slot& slot = slots[i % window];
    for (;;) {
      std::unique_lock lock(slot.mutex);
      slot.changed.wait(lock, [&] { return !slot.queue.empty() || slot.done; });
      if (slot.queue.empty()) {
        slot.done = false;  // free for input i + window
        break;
      }
      Outcome o = std::move(slot.queue.front());
      // A worker waits only on a full queue.
      if (slot.queue.size() == slot_capacity) slot.changed.notify_all();
      slot.queue.pop_front();
      lock.unlock();
      if (!sink(o)) {
        stop.store(true);
        break;
      }
    }
    std::lock_guard lock(claim_mutex);
    consumed = i + 1;
    claim_changed.notify_all();
  }
  if (stop.load()) {
    {
      std::lock_guard lock(claim_mutex);
      claim_changed.notify_all();
    }
    for (auto& slot : slots) {
      std::lock_guard lock(slot.mutex);
      slot.changed.notify_all();
    }
  }
  for (auto& w : workers) w.join();
}

}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
#include "cli/batch_reader.hpp"

#include "cli/flag_hints.hpp"

#include <exception>
#include <utility>

namespace mofcheck {

BatchReader::BatchReader(const std::vector<InputItem>& inputs, InputFormat format,
                         std::size_t max_record)
    : inputs_(inputs), format_(format), max_record_(max_record) {}

void BatchReader::fail(RecordBatch& batch, std::unique_ptr<Error> error) {
  BatchItem& item = batch.items.emplace_back();
  item.input = current_;
  item.error = std::move(error);
  close();
}

void BatchReader::close() {
  reader_.reset();  // before the source it reads from
  source_.reset();
}

bool BatchReader::fill(RecordBatch& batch, std::size_t max_items, std::size_t max_bytes) {
  const std::size_t before = batch.items.size();
  while (batch.items.size() - before < max_items && batch.text.size() < max_bytes) {
    if (!reader_) {
      if (next_input_ >= inputs_.size()) break;
      current_ = next_input_++;
      const InputItem& in = inputs_[current_];
      if (!in.problem.empty()) {
        fail(batch, std::make_unique<Error>(SourceLocation{in.shown, 0, 0}, in.problem));
        continue;
      }
    }
    const InputItem& in = inputs_[current_];
    try {
      if (!reader_) {
        source_ = open_source(in.path, in.shown);
        reader_.emplace(*source_, in.shown, format_.framing, max_record_,
                        resolve_syntax(format_.syntax, in.path));
      }
      if (!reader_->next(record_)) {
        close();
        continue;
      }
    } catch (const Error& e) {
      fail(batch, std::make_unique<Error>(with_flag_hint(e)));
      continue;
    } catch (const std::exception& e) {
      fail(batch, std::make_unique<Error>(SourceLocation{in.shown, 0, 0},
                                          std::string("internal error: ") + e.what()));
      continue;
    }
    BatchItem& item = batch.items.emplace_back();
    item.input = current_;
    item.offset = batch.text.size();
    item.length = record_.text.size();
    batch.text.append(record_.text);
    item.record.number = record_.number;
    item.record.line = record_.line;
    item.record.column = record_.column;
    item.record.syntax = record_.syntax;
    item.record.problem = record_.problem;
  }
  return batch.items.size() > before;
}

}  // namespace mofcheck

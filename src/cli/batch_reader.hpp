// SPDX-License-Identifier: Apache-2.0
// Reads a run's inputs, in order, into batches of records: the serial half
// of batch scoring (files are opened and streams split here; records are
// parsed and scored elsewhere, on any thread). Private.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <mofcheck/error.hpp>

#include "cli/input_walk.hpp"
#include "manifest/record_stream.hpp"

namespace mofcheck {

/// One record of a batch, or an input that could not be read.
struct BatchItem {
  std::size_t input = 0;   ///< index into the run's inputs
  Record record;           ///< `text` is empty here: see RecordBatch::text_of
  std::size_t offset = 0;  ///< where the record's text starts in RecordBatch::text
  std::size_t length = 0;
  std::unique_ptr<Error> error;  ///< set when the input failed (nothing to parse)
};

/// Records copied out of the read buffers, so that a batch outlives the
/// reader's next call. Cleared and refilled, it keeps its capacity.
struct RecordBatch {
  std::vector<BatchItem> items;
  std::string text;

  std::string_view text_of(const BatchItem& item) const {
    return std::string_view(text).substr(item.offset, item.length);
  }
  void clear() {
    items.clear();
    text.clear();
  }
};

/// Reads the inputs one after the other, record by record. Not thread-safe:
/// one thread at a time calls fill().
class BatchReader {
 public:
  /// `inputs` must outlive the reader. `max_record` bounds one record (and a
  /// whole input), as for RecordReader.
  BatchReader(const std::vector<InputItem>& inputs, InputFormat format, std::size_t max_record);

  /// Appends the next records to `batch`: at most `max_items`, and no more
  /// once its text reaches `max_bytes` (one record may pass it). An input
  /// that cannot be opened or read becomes an item with an error, as the
  /// last item of that input. False when nothing was left to read.
  bool fill(RecordBatch& batch, std::size_t max_items, std::size_t max_bytes);

  /// True once every input has been read to its end.
  bool finished() const { return !reader_ && next_input_ >= inputs_.size(); }

 private:
  void fail(RecordBatch& batch, std::unique_ptr<Error> error);
  void close();

  const std::vector<InputItem>& inputs_;
  InputFormat format_;
  std::size_t max_record_;
  std::size_t next_input_ = 0;
  std::size_t current_ = 0;  // the input being read
  std::unique_ptr<ByteSource> source_;
  std::optional<RecordReader> reader_;
  Record record_;  // reused: its `problem` keeps its capacity
};

}  // namespace mofcheck

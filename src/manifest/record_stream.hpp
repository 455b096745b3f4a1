// SPDX-License-Identifier: Apache-2.0
// Splits an input into manifest records as it is read: one whole manifest,
// NDJSON lines, concatenated JSON values, or YAML documents. The buffer holds
// one record at a time (plus one read chunk), so memory does not grow with
// the length of a stream. Private to the library.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <mofcheck/error.hpp>
#include <mofcheck/manifest.hpp>

namespace mofcheck {

/// A byte buffer that grows without initialising its new bytes (it grows in
/// 64 kB steps, once or twice per input, and is always written before it is
/// read), keeping the first `keep` bytes it held (the bytes in use: copying
/// the rest would touch pages never written, a page fault each).
class ReadBuffer {
 public:
  char* data() { return data_.get(); }
  std::size_t size() const { return size_; }
  char& operator[](std::size_t i) { return data_[i]; }
  void resize(std::size_t size, std::size_t keep) {
    if (size > size_) {
      auto grown = std::make_unique_for_overwrite<char[]>(size);
      if (keep > 0) std::memcpy(grown.get(), data_.get(), std::min(keep, size_));
      data_ = std::move(grown);
    }
    size_ = size;
  }

 private:
  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
};

/// How an input is split into records (--input-format).
enum class StreamFormat {
  automatic,  ///< one manifest, unless the text holds several JSON values or YAML documents
  single,     ///< always one manifest
  ndjson,     ///< one JSON manifest per line
  json,       ///< concatenated JSON values (NDJSON included)
  yaml,       ///< YAML documents separated by '---'
};

/// What --input-format chooses: how an input splits into records, and the
/// syntax it is read in (automatic: by the file's name, then by content;
/// see resolve_syntax()).
struct InputFormat {
  StreamFormat framing = StreamFormat::automatic;
  InputSyntax syntax = InputSyntax::automatic;
};

/// "auto", "json", "yaml", "single", "ndjson", "json-stream", "yaml-stream",
/// in --help order.
const std::vector<std::string>& input_format_names();
/// The format a name from input_format_names() stands for: "json" and "yaml"
/// fix the syntax and split as auto does within it; "ndjson" and
/// "json-stream" imply JSON, "yaml-stream" YAML; "auto" and "single" leave
/// the syntax to the name and content.
InputFormat parse_input_format(std::string_view name);

/// Where bytes come from. read() returns 0 at the end; throws Error when the
/// source cannot be read.
class ByteSource {
 public:
  virtual ~ByteSource();
  virtual std::size_t read(char* buffer, std::size_t size) = 0;
};

/// A file, or standard input for "-". Throws Error ("cannot read: …") when
/// it cannot be opened; `shown` names it in messages.
std::unique_ptr<ByteSource> open_source(const std::string& path, const std::string& shown);

/// One piece of an input.
struct Record {
  std::string_view text;   ///< valid until the next call to RecordReader::next()
  std::size_t number = 0;  ///< 1-based position in the stream; 0 for a whole input
  int line = 1;            ///< where `text` starts in the input, 1-based
  int column = 1;
  InputSyntax syntax = InputSyntax::automatic;
  std::string problem;  ///< non-empty when the record could not be kept (too large:
                        ///< an ErrorKind::input_too_large)
};

/// Reads records from a source one at a time.
class RecordReader {
 public:
  /// `name` is used in messages; `max_record` bounds one record (and a whole
  /// input). `syntax` (resolve_syntax() of the input) keeps the splitting
  /// within one syntax: JSON input is never split as YAML documents, nor
  /// YAML as JSON values; a whole input's record carries it.
  RecordReader(ByteSource& source, std::string name, StreamFormat format, std::size_t max_record,
               InputSyntax syntax = InputSyntax::automatic);

  /// The next record; false at the end of the input. A whole input (one
  /// manifest) is one record numbered 0, its text exactly the bytes read.
  /// Throws Error when the source fails or a whole input is too large.
  bool next(Record& out);

  /// True once the input turned out to be a stream of records.
  bool is_stream() const { return mode_ != Mode::whole && mode_ != Mode::undecided; }

 private:
  enum class Mode { undecided, whole, ndjson, json, yaml };

  bool fill();                   // reads more; false at the end of the input
  void consume(std::size_t to);  // drops buffer bytes before `to`, counting lines
  void decide();
  bool broken_first_line_of_ndjson(std::size_t from);
  bool next_whole(Record& out);
  bool next_ndjson(Record& out);
  bool next_json(Record& out);
  bool next_yaml(Record& out);
  // Continues scanning the JSON value that starts at begin_ from scan_pos_;
  // the offset just past it, or npos when the buffer ends first.
  std::size_t scan_value();
  bool line_end(std::size_t from,
                std::size_t& end);  // end of the line at `from`, filling as needed
  Record make_record(std::size_t end, InputSyntax syntax);
  Record oversized(InputSyntax syntax);

  ByteSource& source_;
  std::string name_;
  StreamFormat format_;
  std::size_t max_record_;
  InputSyntax syntax_;
  Mode mode_ = Mode::undecided;
  ReadBuffer buf_;
  std::size_t begin_ = 0;  // first byte not yet consumed
  std::size_t end_ = 0;    // end of the bytes read
  bool eof_ = false;
  bool done_ = false;
  int line_ = 1;  // position of begin_
  int column_ = 1;
  std::size_t count_ = 0;
  std::size_t pending_ = 0;  // bytes of the last record to drop before the next
  // Resumable state of scan_value over one record.
  std::size_t scan_pos_ = 0;
  int depth_ = 0;
  bool in_string_ = false;
  bool escaped_ = false;
};

/// An Error about one record of a stream: says which input and record.
class RecordError : public Error {
 public:
  RecordError(const Error& error, std::string input, std::size_t record)
      : Error(error), input_(std::move(input)), record_(record) {}
  const std::string& input() const { return input_; }
  std::size_t record() const { return record_; }

 private:
  std::string input_;
  std::size_t record_;
};

/// "name#N": the origin of record N of an input.
std::string record_origin(std::string_view name, std::size_t record);

}  // namespace mofcheck

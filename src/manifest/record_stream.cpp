// SPDX-License-Identifier: Apache-2.0
#include "manifest/record_stream.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace mofcheck {

namespace {

constexpr std::size_t chunk = 64 * 1024;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool blank_line(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

// Where the JSON value at the start of `s` (leading spaces allowed) ends, or
// npos when it does not end within `s`. Strings and escapes are followed;
// the value is not otherwise checked.
std::size_t json_value_end(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && is_space(s[i])) ++i;
  int depth = 0;
  bool in_string = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth <= 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// A line that is one JSON object and nothing else: an NDJSON record.
bool is_object_line(std::string_view line) {
  std::size_t first = line.find_first_not_of(" \t\r");
  if (first == std::string_view::npos || line[first] != '{') return false;
  std::size_t end = json_value_end(line);
  return end != std::string_view::npos &&
         line.find_first_not_of(" \t\r", end) == std::string_view::npos;
}

class FileSource : public ByteSource {
 public:
  FileSource(int fd, std::string shown, bool owned)
      : fd_(fd), shown_(std::move(shown)), owned_(owned) {}
  ~FileSource() override {
    if (owned_) ::close(fd_);
  }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  std::size_t read(char* buffer, std::size_t size) override {
    for (;;) {
      ssize_t n = ::read(fd_, buffer, size);
      if (n >= 0) return static_cast<std::size_t>(n);
      if (errno == EINTR) continue;
      throw Error({shown_, 0, 0}, std::string("cannot read: ") + std::strerror(errno));
    }
  }

 private:
  int fd_;
  std::string shown_;
  bool owned_;
};

// How a line of a YAML stream bears on document boundaries.
enum class YamlLine { blank, directive, start, start_with_content, end, content };

YamlLine classify_yaml(std::string_view s) {
  auto marker = [&s](char c) {
    return s.size() >= 3 && s[0] == c && s[1] == c && s[2] == c &&
           (s.size() == 3 || s[3] == ' ' || s[3] == '\t' || s[3] == '\r');
  };
  // The first byte from `i` on that is not a blank (a plain loop: every line
  // of a stream comes here, and find_first_not_of looks each byte up in the set).
  auto first_not_blank = [&s](std::size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')) ++i;
    return i;
  };
  if (marker('-')) {
    std::size_t i = first_not_blank(3);
    return i == s.size() || s[i] == '#' ? YamlLine::start : YamlLine::start_with_content;
  }
  if (marker('.')) return YamlLine::end;
  if (!s.empty() && s[0] == '%') return YamlLine::directive;
  std::size_t i = first_not_blank(0);
  if (i == s.size() || s[i] == '#') return YamlLine::blank;
  return YamlLine::content;
}

}  // namespace

const std::vector<std::string>& input_format_names() {
  static const std::vector<std::string> names = {"auto",   "json",        "yaml",       "single",
                                                 "ndjson", "json-stream", "yaml-stream"};
  return names;
}

InputFormat parse_input_format(std::string_view name) {
  if (name == "json") return {StreamFormat::automatic, InputSyntax::json};
  if (name == "yaml") return {StreamFormat::automatic, InputSyntax::yaml};
  if (name == "single") return {StreamFormat::single, InputSyntax::automatic};
  if (name == "ndjson") return {StreamFormat::ndjson, InputSyntax::json};
  if (name == "json-stream") return {StreamFormat::json, InputSyntax::json};
  if (name == "yaml-stream") return {StreamFormat::yaml, InputSyntax::yaml};
  return {};
}

ByteSource::~ByteSource() = default;

std::unique_ptr<ByteSource> open_source(const std::string& path, const std::string& shown) {
  if (path == "-") return std::make_unique<FileSource>(STDIN_FILENO, shown, false);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error({shown, 0, 0}, std::string("cannot read: ") + std::strerror(errno));
  return std::make_unique<FileSource>(fd, shown, true);
}

std::string record_origin(std::string_view name, std::size_t record) {
  std::string s(name);
  s += '#';
  s += std::to_string(record);
  return s;
}

RecordReader::RecordReader(ByteSource& source, std::string name, StreamFormat format,
                           std::size_t max_record, InputSyntax syntax)
    : source_(source),
      name_(std::move(name)),
      format_(format),
      max_record_(max_record),
      syntax_(syntax) {}

bool RecordReader::fill() {
  if (eof_) return false;
  if (buf_.size() - end_ < chunk) {
    if (begin_ > 0) {
      std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
      end_ -= begin_;
      begin_ = 0;
    }
    // Grown only when little room is left: a small file, read whole by the
    // first read, needs the one chunk to see its end.
    if (buf_.size() - end_ < chunk / 4) {
      buf_.resize(std::max(buf_.size() * 2, end_ + chunk), end_);
    }
  }
  std::size_t n = source_.read(buf_.data() + end_, buf_.size() - end_);
  if (n == 0) {
    eof_ = true;
    return false;
  }
  end_ += n;
  return true;
}

void RecordReader::consume(std::size_t to) {
  const char* p = buf_.data() + begin_;
  const char* stop = p + to;
  const char* nl = nullptr;
  while (p < stop) {
    const void* hit = std::memchr(p, '\n', static_cast<std::size_t>(stop - p));
    if (!hit) break;
    nl = static_cast<const char*>(hit);
    ++line_;
    p = nl + 1;
  }
  if (nl) {
    column_ = static_cast<int>(stop - nl);
  } else {
    column_ += static_cast<int>(to);
  }
  begin_ += to;
}

namespace {

// Bytes scan_value() stops at: the others are skipped a run at a time.
struct ScanTable {
  bool in_string[256] = {};
  bool outside[256] = {};
  constexpr ScanTable() {
    in_string[static_cast<unsigned char>('"')] = in_string[static_cast<unsigned char>('\\')] = true;
    for (char c : {'"', '{', '[', '}', ']'}) outside[static_cast<unsigned char>(c)] = true;
  }
};
constexpr ScanTable kScan;

}  // namespace

std::size_t RecordReader::scan_value() {
  const char* base = buf_.data() + begin_;
  const std::size_t avail = end_ - begin_;
  std::size_t i = scan_pos_;
  while (i < avail) {
    if (in_string_) {
      if (escaped_) {
        escaped_ = false;
        ++i;
        continue;
      }
      while (i < avail && !kScan.in_string[static_cast<unsigned char>(base[i])]) ++i;
      if (i == avail) break;
      if (base[i++] == '\\') {
        escaped_ = true;
      } else {
        in_string_ = false;
      }
      continue;
    }
    while (i < avail && !kScan.outside[static_cast<unsigned char>(base[i])]) ++i;
    if (i == avail) break;
    switch (base[i++]) {
      case '"':
        in_string_ = true;
        break;
      case '{':
      case '[':
        ++depth_;
        break;
      default:  // '}' or ']'
        if (--depth_ <= 0) {
          scan_pos_ = i;
          return i;
        }
        break;
    }
  }
  scan_pos_ = i;
  return std::string_view::npos;
}

bool RecordReader::line_end(std::size_t from, std::size_t& end) {
  for (;;) {
    const char* base = buf_.data() + begin_;
    const std::size_t avail = end_ - begin_;
    if (from < avail) {
      if (const void* hit = std::memchr(base + from, '\n', avail - from)) {
        end = static_cast<std::size_t>(static_cast<const char*>(hit) - base);
        return true;
      }
      from = avail;
    }
    // A long line is dropped as it is read, by the callers' size checks.
    if (avail > max_record_ + chunk || !fill()) {
      end = end_ - begin_;
      return false;
    }
  }
}

Record RecordReader::make_record(std::size_t end, InputSyntax syntax) {
  Record r;
  r.text = std::string_view(buf_.data() + begin_, end);
  r.number = ++count_;
  r.line = line_;
  r.column = column_;
  r.syntax = syntax;
  return r;
}

Record RecordReader::oversized(InputSyntax syntax) {
  Record r = make_record(0, syntax);
  r.problem = "the record is longer than the limit of " + std::to_string(max_record_) + " bytes";
  return r;
}

void RecordReader::decide() {
  if (format_ == StreamFormat::single) {
    mode_ = Mode::whole;
    return;
  }
  while (end_ - begin_ < 3 && fill()) {
  }
  std::size_t bom =
      std::string_view(buf_.data() + begin_, end_ - begin_).substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  auto become_stream = [this, bom](Mode m) {
    mode_ = m;
    consume(bom);
    column_ = 1;
    scan_pos_ = 0;
    depth_ = 0;
    in_string_ = escaped_ = false;
  };
  switch (format_) {
    case StreamFormat::ndjson:
      return become_stream(Mode::ndjson);
    case StreamFormat::json:
      return become_stream(Mode::json);
    case StreamFormat::yaml:
      return become_stream(Mode::yaml);
    default:
      break;
  }
  mode_ = Mode::whole;  // unless the lookahead below finds a second record

  // The first significant character tells JSON from YAML.
  std::size_t f = bom;
  for (;;) {
    while (f < end_ - begin_ && is_space(buf_[begin_ + f])) ++f;
    if (f < end_ - begin_) break;
    if (end_ - begin_ > max_record_ || !fill()) return;
  }
  const char first = buf_[begin_ + f];
  const bool json_start = first == '{' || first == '[';
  // A known syntax splits only as itself: JSON text that starts otherwise is
  // one (invalid) JSON manifest, and YAML's flow '{' or '[' starts YAML.
  if (syntax_ == InputSyntax::json && !json_start) return;
  if (syntax_ != InputSyntax::yaml && first == '{' && broken_first_line_of_ndjson(f)) {
    return become_stream(Mode::ndjson);
  }
  if (syntax_ != InputSyntax::yaml && json_start) {
    scan_pos_ = f;
    depth_ = 0;
    in_string_ = escaped_ = false;
    std::size_t e;
    while ((e = scan_value()) == std::string_view::npos) {
      if (end_ - begin_ > max_record_ || !fill()) return;
    }
    std::size_t g = e;
    bool newline_after = false;
    for (;;) {
      while (g < end_ - begin_ && is_space(buf_[begin_ + g]))
        newline_after |= buf_[begin_ + g++] == '\n';
      if (g < end_ - begin_) break;
      if (end_ - begin_ > max_record_ || !fill()) return;
    }
    const char next = buf_[begin_ + g];
    if (next != '{' && next != '[') return;
    bool spans_lines = std::memchr(buf_.data() + begin_ + f, '\n', e - f) != nullptr;
    become_stream(!spans_lines && newline_after ? Mode::ndjson : Mode::json);
    return;
  }

  // YAML: a stream when a second document with content follows the first.
  std::size_t pos = 0;
  int docs = 0;  // documents with content seen so far
  bool content = false;
  for (;;) {
    std::size_t eol;
    bool has_nl = line_end(pos, eol);
    std::string_view ln(buf_.data() + begin_ + pos, eol - pos);
    switch (classify_yaml(ln)) {
      case YamlLine::start:
      case YamlLine::start_with_content:
        if (content) {
          ++docs;
          content = false;
        }
        if (classify_yaml(ln) == YamlLine::start_with_content) content = true;
        break;
      case YamlLine::end:
        if (content) {
          ++docs;
          content = false;
        }
        break;
      case YamlLine::content:
        content = true;
        break;
      default:
        break;
    }
    if (content && docs >= 1) return become_stream(Mode::yaml);
    if (!has_nl) return;
    pos = eol + 1;
    if (pos > max_record_) return;
  }
}

// An NDJSON stream whose first record is broken would otherwise read as one
// broken manifest: the first line is not one JSON value, but the next
// non-blank line is one object alone on its line, and so is the line after it
// (or the input ends). A manifest written across lines never looks like
// that: its second line is a key, or an object followed by ',' or ']'.
bool RecordReader::broken_first_line_of_ndjson(std::size_t from) {
  // Offsets from begin_ stay valid while line_end() reads more (views would not).
  std::pair<std::size_t, std::size_t> lines[3];
  int found = 0;
  bool more = true;
  for (std::size_t pos = from; found < 3 && more && pos <= max_record_;) {
    std::size_t end = 0;
    more = line_end(pos, end);
    if (found == 0 || !blank_line(std::string_view(buf_.data() + begin_ + pos, end - pos))) {
      lines[found++] = {pos, end};
    }
    pos = end + 1;
  }
  auto line = [this, &lines](int i) {
    return std::string_view(buf_.data() + begin_ + lines[i].first,
                            lines[i].second - lines[i].first);
  };
  if (found < 2 || is_object_line(line(0)) || !is_object_line(line(1))) return false;
  return found == 2 || line(2).find_first_not_of(" \t\r") == std::string_view::npos ||
         line(2)[line(2).find_first_not_of(" \t\r")] == '{';
}

bool RecordReader::next(Record& out) {
  if (done_) return false;
  if (mode_ == Mode::undecided) decide();
  if (pending_ > 0) {
    consume(pending_);
    pending_ = 0;
  }
  switch (mode_) {
    case Mode::whole:
      return next_whole(out);
    case Mode::ndjson:
      return next_ndjson(out);
    case Mode::json:
      return next_json(out);
    case Mode::yaml:
      return next_yaml(out);
    case Mode::undecided:
      break;
  }
  return false;
}

bool RecordReader::next_whole(Record& out) {
  while (fill()) {
    if (end_ - begin_ > max_record_) break;
  }
  if (end_ - begin_ > max_record_) {
    throw Error({name_, 0, 0},
                "input exceeds the limit of " + std::to_string(max_record_) + " bytes",
                ErrorKind::input_too_large);
  }
  out = Record{};
  out.text = std::string_view(buf_.data() + begin_, end_ - begin_);
  out.syntax = syntax_;
  done_ = true;
  return true;
}

bool RecordReader::next_ndjson(Record& out) {
  for (;;) {
    std::size_t eol;
    bool has_nl = line_end(0, eol);
    if (!has_nl && eol == 0) {
      done_ = true;
      return false;
    }
    std::string_view ln(buf_.data() + begin_, eol);
    if (eol > max_record_) {
      // Too long: report it, and drop the rest of the line as it arrives.
      out = oversized(InputSyntax::json);
      for (;;) {
        consume(eol);
        if (has_nl) {
          pending_ = 1;
          break;
        }
        if (eof_ && begin_ == end_) break;
        has_nl = line_end(0, eol);
      }
      return true;
    }
    if (blank_line(ln)) {
      consume(has_nl ? eol + 1 : eol);
      continue;
    }
    out = make_record(eol, InputSyntax::json);
    pending_ = has_nl ? eol + 1 : eol;
    return true;
  }
}

bool RecordReader::next_json(Record& out) {
  // Whitespace between values.
  for (;;) {
    std::size_t i = 0;
    while (i < end_ - begin_ && is_space(buf_[begin_ + i])) ++i;
    consume(i);
    if (begin_ < end_) break;
    if (!fill()) {
      done_ = true;
      return false;
    }
  }
  const char first = buf_[begin_];
  if (first != '{' && first != '[') {
    // Not a JSON value: the rest of the line is one broken record.
    std::size_t eol;
    bool has_nl = line_end(0, eol);
    (void)has_nl;
    out = make_record(std::min(eol, max_record_), InputSyntax::json);
    pending_ = eol;
    return true;
  }
  scan_pos_ = 0;
  depth_ = 0;
  in_string_ = escaped_ = false;
  std::size_t e;
  while ((e = scan_value()) == std::string_view::npos) {
    if (end_ - begin_ > max_record_) {
      out = oversized(InputSyntax::json);
      // Drop the value as it arrives; the scan state carries over.
      for (;;) {
        consume(end_ - begin_);
        scan_pos_ = 0;
        if (!fill()) break;
        if ((e = scan_value()) != std::string_view::npos) {
          pending_ = e;
          break;
        }
      }
      return true;
    }
    if (!fill()) {
      e = end_ - begin_;  // unterminated: the parser says what is wrong
      break;
    }
  }
  if (e > max_record_) {
    out = oversized(InputSyntax::json);
    pending_ = e;
    return true;
  }
  out = make_record(e, InputSyntax::json);
  pending_ = e;
  return true;
}

bool RecordReader::next_yaml(Record& out) {
  std::size_t pos = 0;  // end of the lines taken into the document so far
  bool content = false;
  bool skipping = false;
  Record big;
  for (;;) {
    std::size_t eol;
    bool has_nl = line_end(pos, eol);
    const std::size_t line_start = pos;
    if (!has_nl && eol == pos) break;
    if (!has_nl && !eof_) {
      // A line longer than the limit: the document is dropped as it arrives.
      if (!skipping) big = oversized(InputSyntax::yaml);
      skipping = content = true;
      consume(eol);
      pos = 0;
      continue;
    }
    std::string_view ln(buf_.data() + begin_ + pos, eol - pos);
    YamlLine kind = classify_yaml(ln);
    if ((kind == YamlLine::start || kind == YamlLine::start_with_content) && content) break;
    std::size_t after = has_nl ? eol + 1 : eol;
    if (kind == YamlLine::end) {
      pos = after;
      if (content) break;
      consume(pos);
      pos = 0;
      continue;
    }
    if (kind == YamlLine::content || kind == YamlLine::start_with_content) content = true;
    pos = after;
    if (!content && kind == YamlLine::blank && line_start == 0) {
      consume(pos);  // leading blank lines and comments belong to no document
      pos = 0;
    }
    if (content && !skipping && pos > max_record_) {
      big = oversized(InputSyntax::yaml);
      skipping = true;
    }
    if (skipping) {
      consume(pos);
      pos = 0;
    }
    if (!has_nl) break;
  }
  if (skipping) {
    out = big;
    pending_ = pos;
    return true;
  }
  if (!content) {
    done_ = true;
    return false;
  }
  out = make_record(pos, InputSyntax::yaml);
  pending_ = pos;
  return true;
}

}  // namespace mofcheck

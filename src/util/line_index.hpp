// SPDX-License-Identifier: Apache-2.0
// The one line index of the code base: turns byte offsets of a text into
// 1-based line/column (columns count bytes) and back. Line starts are found
// lazily, only as far as asked, so a reader that asks for growing offsets
// scans the text once, and one that never asks scans nothing. Does not own
// the text. Private to the library.
#pragma once

#include <algorithm>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace mofcheck {

class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : text_(text) {}

  /// Line and column of `offset`. An offset past the end counts on along
  /// the last line.
  std::pair<int, int> at(std::size_t offset) {
    scan_to(std::min(offset, text_.size()));
    // Offsets asked in text order are on the last line found (every line
    // break before `offset` is indexed now); others are searched.
    std::size_t line = starts_.size();
    if (starts_.back() > offset) {
      line = static_cast<std::size_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) -
                                      starts_.begin());
    }
    return {static_cast<int>(line), static_cast<int>(offset - starts_[line - 1]) + 1};
  }

  /// Indexes `text` instead, keeping the room of the list of line starts
  /// (a reader of record after record).
  void reset(std::string_view text) {
    text_ = text;
    starts_.assign(1, 0);
    scanned_ = 0;
  }

  /// The byte offset of 1-based `line` and `column`, or npos when the
  /// position lies outside the text.
  std::size_t offset(int line, int column) {
    if (line < 1 || column < 1) return std::string_view::npos;
    const auto want = static_cast<std::size_t>(line);
    scan_to(text_.size(), want);
    if (starts_.size() < want) return std::string_view::npos;
    std::size_t at = starts_[want - 1] + static_cast<std::size_t>(column) - 1;
    return at < text_.size() ? at : std::string_view::npos;
  }

 private:
  // Records the starts of lines that begin at or before `limit`, stopping
  // early once `lines` lines are known.
  void scan_to(std::size_t limit, std::size_t lines = static_cast<std::size_t>(-1)) {
    while (scanned_ < limit && starts_.size() < lines) {
      const void* nl = std::memchr(text_.data() + scanned_, '\n', limit - scanned_);
      if (nl == nullptr) {
        scanned_ = limit;
        break;
      }
      scanned_ = static_cast<std::size_t>(static_cast<const char*>(nl) - text_.data()) + 1;
      starts_.push_back(scanned_);
    }
  }

  std::string_view text_;
  std::vector<std::size_t> starts_{0};  // offsets of the line starts found so far
  std::size_t scanned_ = 0;             // bytes before this are indexed
};

}  // namespace mofcheck

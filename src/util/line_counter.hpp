// SPDX-License-Identifier: Apache-2.0
// Turns byte offsets of a text into 1-based line/column (columns count
// bytes). Offsets asked for usually grow, so the scan is linear overall.
// Private to the library.
#pragma once

#include <algorithm>
#include <cstring>
#include <string_view>
#include <utility>

namespace mofcheck {

class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : text_(text) {}

  std::pair<int, int> at(std::size_t offset) {
    if (offset < scanned_) reset();
    const std::size_t limit = std::min(offset, text_.size());
    while (scanned_ < limit) {
      const void* nl = std::memchr(text_.data() + scanned_, '\n', limit - scanned_);
      if (nl == nullptr) {
        scanned_ = limit;
        break;
      }
      ++line_;
      line_start_ = static_cast<std::size_t>(static_cast<const char*>(nl) - text_.data()) + 1;
      scanned_ = line_start_;
    }
    return {line_, static_cast<int>(offset - line_start_) + 1};
  }

 private:
  void reset() {
    scanned_ = 0;
    line_ = 1;
    line_start_ = 0;
  }
  std::string_view text_;
  std::size_t scanned_ = 0;
  int line_ = 1;
  std::size_t line_start_ = 0;
};

}  // namespace mofcheck

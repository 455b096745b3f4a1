// SPDX-License-Identifier: Apache-2.0
// A stream buffer that appends to a string it can be pointed at anew, so a
// scoring thread renders each report into that record's own string. Private.
#pragma once

#include <streambuf>
#include <string>

namespace mofcheck {

/// Appends everything written to `target` (not owned; must outlive it).
class StringOutput : public std::streambuf {
 public:
  explicit StringOutput(std::string& target) : target_(&target) {}
  void retarget(std::string& target) { target_ = &target; }

 protected:
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      target_->push_back(traits_type::to_char_type(c));
    }
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    target_->append(s, static_cast<std::size_t>(n));
    return n;
  }

 private:
  std::string* target_;
};

}  // namespace mofcheck

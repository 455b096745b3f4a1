// SPDX-License-Identifier: Apache-2.0
// Output buffers for reports. Standard output in large blocks: a stream
// buffer that collects writes and hands them to a file descriptor a block at
// a time, however large each write is (libstdc++'s file buffer passes any
// write of 1 kB or more straight to writev, one system call per report).
// And a stream buffer that appends to a string, for reports written on a
// scoring thread and copied out later. Private.
#pragma once

#include <cstddef>
#include <memory>
#include <streambuf>
#include <string>

namespace mofcheck {

/// Writes to `fd` (not owned) in blocks of `capacity` bytes. A failed write
/// makes overflow() and sync() return -1, so the ostream on top sets badbit
/// and its flush() fails; the error number is kept in error(). Not
/// thread-safe (one ostream, one thread). The destructor flushes what is
/// left and cannot report a failure: flush before it runs.
class OutputBuffer : public std::streambuf {
 public:
  explicit OutputBuffer(int fd, std::size_t capacity = std::size_t{1} << 20);
  ~OutputBuffer() override;
  OutputBuffer(const OutputBuffer&) = delete;
  OutputBuffer& operator=(const OutputBuffer&) = delete;

  /// The errno of the first failed write; 0 when every write succeeded.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  bool drain();  // writes the buffered bytes; false on failure
  bool write_all(const char* s, std::size_t n);

  int fd_;
  std::size_t capacity_;
  std::unique_ptr<char[]> buffer_;
  int error_ = 0;
};

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

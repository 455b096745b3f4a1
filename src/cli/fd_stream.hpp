// SPDX-License-Identifier: Apache-2.0
// Standard output and error as checked streams: every write(2) is looked at,
// and the first failure is kept with its errno, so a full disk or a closed
// pipe is never taken for success. Private.
#pragma once

#include <memory>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

namespace mofcheck {

/// A buffered std::streambuf over a file descriptor it does not own. After
/// the first failed write it drops further output and reports -1, so the
/// stream's badbit is set; error() is the errno of that write.
class FdStreamBuf : public std::streambuf {
 public:
  /// `capacity` bytes are kept before a write(2): standard output goes out
  /// in 64 kB blocks (a pipe's size), not one system call per report; a
  /// block that size stays in the core's cache while reports are copied in.
  explicit FdStreamBuf(int fd, std::size_t capacity = std::size_t{64} << 10);
  ~FdStreamBuf() override;
  FdStreamBuf(const FdStreamBuf&) = delete;
  FdStreamBuf& operator=(const FdStreamBuf&) = delete;

  /// 0, or the errno of the first failed write.
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  bool write_all(const char* p, std::size_t n);
  bool drain();

  int fd_;
  int error_ = 0;
  // Not zero-filled: the memory is written before it is read, and a short
  // run (`mof-check FILE`) touches only the pages it writes instead of
  // faulting in 1 MiB per stream.
  std::size_t capacity_;
  std::unique_ptr<char[]> buffer_;
};

/// The errno behind a failed `out`: its FdStreamBuf's error() when it has
/// one, else EIO. 0 when `out` has not failed.
int stream_error(const std::ostream& out);

/// How a failed write to standard output is reported: "<stdout>: " and the
/// system's message.
std::string stdout_error_text(int err);

}  // namespace mofcheck

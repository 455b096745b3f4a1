// SPDX-License-Identifier: Apache-2.0
#include "cli/output_buffer.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace mofcheck {

OutputBuffer::OutputBuffer(int fd, std::size_t capacity)
    : fd_(fd),
      capacity_(capacity == 0 ? 1 : capacity),
      buffer_(std::make_unique_for_overwrite<char[]>(capacity_)) {
  setp(buffer_.get(), buffer_.get() + capacity_);
}

OutputBuffer::~OutputBuffer() {
  drain();
}

bool OutputBuffer::write_all(const char* s, std::size_t n) {
  if (error_ != 0) return false;
  while (n > 0) {
    ssize_t w = ::write(fd_, s, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
      return false;
    }
    s += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

bool OutputBuffer::drain() {
  const std::size_t n = static_cast<std::size_t>(pptr() - pbase());
  setp(buffer_.get(), buffer_.get() + capacity_);
  return write_all(buffer_.get(), n);
}

OutputBuffer::int_type OutputBuffer::overflow(int_type c) {
  if (!drain()) return traits_type::eof();
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  return c;
}

std::streamsize OutputBuffer::xsputn(const char* s, std::streamsize n) {
  const auto size = static_cast<std::size_t>(n);
  if (size <= static_cast<std::size_t>(epptr() - pptr())) {
    std::memcpy(pptr(), s, size);
    pbump(static_cast<int>(n));
    return n;
  }
  if (!drain()) return 0;
  if (size >= capacity_) return write_all(s, size) ? n : 0;  // a block of its own
  std::memcpy(pptr(), s, size);
  pbump(static_cast<int>(n));
  return n;
}

int OutputBuffer::sync() {
  return drain() ? 0 : -1;
}

}  // namespace mofcheck

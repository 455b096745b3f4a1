// SPDX-License-Identifier: Apache-2.0
#include "cli/fd_stream.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace mofcheck {

FdStreamBuf::FdStreamBuf(int fd, std::size_t capacity)
    : fd_(fd), capacity_(capacity), buffer_(new char[capacity]) {
  setp(buffer_.get(), buffer_.get() + capacity_);
}

FdStreamBuf::~FdStreamBuf() {
  drain();
}

bool FdStreamBuf::write_all(const char* p, std::size_t n) {
  if (error_ != 0) return false;
  while (n > 0) {
    ssize_t w = ::write(fd_, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
      return false;
    }
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

bool FdStreamBuf::drain() {
  std::size_t n = static_cast<std::size_t>(pptr() - pbase());
  setp(buffer_.get(), buffer_.get() + capacity_);
  return n == 0 ? error_ == 0 : write_all(buffer_.get(), n);
}

FdStreamBuf::int_type FdStreamBuf::overflow(int_type c) {
  if (!drain()) return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

std::streamsize FdStreamBuf::xsputn(const char* s, std::streamsize n) {
  if (error_ != 0) return 0;
  auto room = static_cast<std::streamsize>(epptr() - pptr());
  if (n <= room) {
    std::memcpy(pptr(), s, static_cast<std::size_t>(n));
    pbump(static_cast<int>(n));
    return n;
  }
  // The buffer is filled and sent whole, so reports of a few kB each go out
  // in full blocks; a piece larger than the buffer goes straight through.
  if (n - room < static_cast<std::streamsize>(capacity_)) {
    std::memcpy(pptr(), s, static_cast<std::size_t>(room));
    pbump(static_cast<int>(room));
    if (!drain()) return 0;
    std::memcpy(pptr(), s + room, static_cast<std::size_t>(n - room));
    pbump(static_cast<int>(n - room));
    return n;
  }
  if (!drain() || !write_all(s, static_cast<std::size_t>(n))) return 0;
  return n;
}

int FdStreamBuf::sync() {
  return drain() ? 0 : -1;
}

int stream_error(const std::ostream& out) {
  if (!out.fail()) return 0;
  if (const auto* buf = dynamic_cast<const FdStreamBuf*>(out.rdbuf()); buf && buf->error() != 0) {
    return buf->error();
  }
  return EIO;
}

std::string stdout_error_text(int err) {
  return std::string("<stdout>: cannot write: ") + std::strerror(err);
}

}  // namespace mofcheck

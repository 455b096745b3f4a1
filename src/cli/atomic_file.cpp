// SPDX-License-Identifier: Apache-2.0
#include "cli/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include <mofcheck/error.hpp>

namespace mofcheck {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what, int err) {
  throw Error({path, 0, 0}, "cannot write: " + what + ": " + std::strerror(err));
}

}  // namespace

void write_file_atomically(const std::string& path, std::string_view content) {
  std::string dir = ".";
  auto slash = path.rfind('/');
  if (slash != std::string::npos) dir = slash == 0 ? "/" : path.substr(0, slash);
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  if (base.empty()) throw Error({path, 0, 0}, "cannot write: the path names a folder");

  struct stat st {};
  mode_t mode = 0644;
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) throw Error({path, 0, 0}, "cannot write: it is a directory");
    mode = st.st_mode & 07777;
  }

  std::string tmpl = (dir == "/" ? "" : dir) + "/." + base + ".tmp-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) fail(path, "cannot create a temporary file in " + dir, errno);
  std::string tmp(name.data());

  auto abandon = [&](const std::string& what, int err) {
    ::close(fd);
    ::unlink(tmp.c_str());
    fail(path, what, err);
  };
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      abandon("write failed", errno);
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, mode) != 0) abandon("cannot set permissions", errno);
  if (::fsync(fd) != 0) abandon("cannot flush to disk", errno);
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    fail(path, "close failed", err);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    fail(path, "cannot rename the temporary file", err);
  }
}

}  // namespace mofcheck

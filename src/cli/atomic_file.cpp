// SPDX-License-Identifier: Apache-2.0
#include "cli/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <vector>

#include <mofcheck/error.hpp>

namespace mofcheck {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what, int err) {
  throw Error({path, 0, 0}, "cannot write: " + what + ": " + std::strerror(err));
}

// The pending temporary file, readable from a signal handler: a fixed
// buffer and a flag, no allocation.
char g_pending[4096];
volatile std::sig_atomic_t g_has_pending = 0;

extern "C" void remove_pending_and_die(int sig) {
  if (g_has_pending) ::unlink(g_pending);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

}  // namespace

PendingTemporaryFile::PendingTemporaryFile(const std::string& path) {
  if (path.empty() || path.size() >= sizeof g_pending) return;
  std::memcpy(g_pending, path.c_str(), path.size() + 1);
  g_has_pending = 1;
}

PendingTemporaryFile::~PendingTemporaryFile() {
  g_has_pending = 0;
}

void remove_temporary_file_on_signal() {
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction sa {};
    sa.sa_handler = remove_pending_and_die;
    sigemptyset(&sa.sa_mask);
    ::sigaction(sig, &sa, nullptr);
  }
}

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
  // Signals are held while the file is created and its name recorded.
  sigset_t block, old;
  sigemptyset(&block);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&block, sig);
  ::sigprocmask(SIG_BLOCK, &block, &old);
  int fd = ::mkstemp(name.data());
  int mkstemp_errno = errno;
  std::string tmp(name.data());
  PendingTemporaryFile pending(fd >= 0 ? tmp : std::string());
  ::sigprocmask(SIG_SETMASK, &old, nullptr);
  if (fd < 0) fail(path, "cannot create a temporary file in " + dir, mkstemp_errno);

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

// SPDX-License-Identifier: Apache-2.0
#include "cli/output_buffer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <ostream>
#include <string>

namespace mofcheck {
namespace {

// Everything written to a temporary file's descriptor so far.
class TempFile {
 public:
  TempFile() : file_(std::tmpfile()) {}
  ~TempFile() { std::fclose(file_); }
  int fd() const { return fileno(file_); }
  std::string contents() const {
    std::string s;
    char buf[4096];
    for (off_t at = 0;;) {
      ssize_t n = ::pread(fd(), buf, sizeof buf, at);
      if (n <= 0) return s;
      s.append(buf, static_cast<std::size_t>(n));
      at += n;
    }
  }

 private:
  std::FILE* file_;
};

TEST(OutputBuffer, KeepsWritesUntilABlockFillsOrAFlush) {
  TempFile f;
  OutputBuffer buffer(f.fd(), 64);
  std::ostream out(&buffer);
  out << "abc" << 42 << '\n';
  EXPECT_EQ(f.contents(), "");
  out.flush();
  EXPECT_EQ(f.contents(), "abc42\n");
  out << std::string(60, 'x');  // 60 bytes fit
  EXPECT_EQ(f.contents(), "abc42\n");
  out << "yyyyy";  // do not: the block goes out first
  EXPECT_EQ(f.contents(), "abc42\n" + std::string(60, 'x'));
  ASSERT_TRUE(out.flush());
  EXPECT_EQ(f.contents(), "abc42\n" + std::string(60, 'x') + "yyyyy");
}

TEST(OutputBuffer, WritesLargerThanABlockKeepTheirOrder) {
  TempFile f;
  std::string expected;
  {
    OutputBuffer buffer(f.fd(), 16);
    std::ostream out(&buffer);
    for (int i = 0; i < 50; ++i) {
      std::string piece(static_cast<std::size_t>(i % 7 == 0 ? 40 : i % 5), char('a' + i % 26));
      out << piece;
      expected += piece;
      out.put('|');
      expected += '|';
    }
  }  // the destructor writes the rest
  EXPECT_EQ(f.contents(), expected);
}

TEST(OutputBuffer, AFailedWriteFailsTheFlushAndKeepsTheError) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ::close(fds[0]);
  ::close(fds[1]);  // writes to fds[1] now fail with EBADF
  OutputBuffer buffer(fds[1], 64);
  std::ostream out(&buffer);
  out << "lost";
  EXPECT_FALSE(out.flush());
  EXPECT_EQ(buffer.error(), EBADF);
}

}  // namespace
}  // namespace mofcheck

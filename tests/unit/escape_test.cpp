// SPDX-License-Identifier: Apache-2.0
#include "report/escape.hpp"

#include <gtest/gtest.h>

namespace mofcheck {
namespace {

TEST(Escape, ValidUtf8ReplacesBadBytes) {
  EXPECT_EQ(escape::valid_utf8("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(escape::valid_utf8("a\xFF"
                               "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(escape::valid_utf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong
  EXPECT_EQ(escape::valid_utf8("\xED\xA0\x80"),
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
}

TEST(Escape, XmlEscapesMarkupAndDropsForbiddenCharacters) {
  EXPECT_EQ(escape::xml("a<b>&\"c'"), "a&lt;b&gt;&amp;\"c'");
  EXPECT_EQ(escape::xml("a<b>&\"c'", true), "a&lt;b&gt;&amp;&quot;c&apos;");
  EXPECT_EQ(escape::xml("x\x01y\x1Bz"), "x\xEF\xBF\xBDy\xEF\xBF\xBDz");
  EXPECT_EQ(escape::xml("l1\nl2\t\r"), "l1\nl2\t&#13;");
  EXPECT_EQ(escape::xml("l1\nl2\t", true), "l1&#10;l2&#9;");
  EXPECT_EQ(escape::xml("\xEF\xBF\xBE"), "\xEF\xBF\xBD");  // U+FFFE
}

TEST(Escape, MarkdownCannotBreakATableOrAddMarkup) {
  EXPECT_EQ(escape::markdown("A | B"), "A \\| B");
  EXPECT_EQ(escape::markdown("[x](http://e) <img> *b* `c` @team"),
            "\\[x\\](http://e) \\<img\\> \\*b\\* \\`c\\` \\@team");
  EXPECT_EQ(escape::markdown("one\ntwo\r\n"), "one two  ");
  EXPECT_EQ(escape::markdown("a & b"), "a &amp; b");
  EXPECT_EQ(escape::markdown("Apache-2.0 (MIT)"), "Apache-2.0 (MIT)");
}

TEST(Escape, WorkflowCommands) {
  EXPECT_EQ(escape::workflow_data("50% done\r\nnext: a, b"), "50%25 done%0D%0Anext: a, b");
  EXPECT_EQ(escape::workflow_property("dir/a:b,c%.json"), "dir/a%3Ab%2Cc%25.json");
  EXPECT_EQ(escape::workflow_data("\x1B[31mred"), " [31mred");
}

TEST(Escape, UriPath) {
  EXPECT_EQ(escape::uri_path("models/my model#1.json"), "models/my%20model%231.json");
  EXPECT_EQ(escape::uri_path("caf\xC3\xA9.yml"), "caf%C3%A9.yml");
}

}  // namespace
}  // namespace mofcheck

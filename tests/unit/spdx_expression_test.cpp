// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/spdx.hpp>

#include <string>

#include <gtest/gtest.h>

namespace mofcheck::spdx {
namespace {

struct RoundTrip {
  const char* text;
  const char* canonical;
};

class CanonicalForm : public ::testing::TestWithParam<RoundTrip> {};

TEST_P(CanonicalForm, PrintsWithMinimalParentheses) {
  ParseResult r = parse(GetParam().text);
  ASSERT_TRUE(r.ok()) << r.error << " at column " << r.error_column;
  EXPECT_EQ(to_string(r.expression), GetParam().canonical);
}

INSTANTIATE_TEST_SUITE_P(
    Expressions, CanonicalForm,
    ::testing::Values(
        RoundTrip{"MIT", "MIT"}, RoundTrip{"  MIT\t", "MIT"},
        RoundTrip{"MIT OR Apache-2.0", "MIT OR Apache-2.0"},
        // AND binds tighter than OR: these parentheses are redundant.
        RoundTrip{"MIT OR (Apache-2.0 AND BSD-3-Clause)", "MIT OR Apache-2.0 AND BSD-3-Clause"},
        RoundTrip{"(MIT OR Apache-2.0) AND BSD-3-Clause", "(MIT OR Apache-2.0) AND BSD-3-Clause"},
        RoundTrip{"((MIT))", "MIT"}, RoundTrip{"A AND (B AND C)", "A AND B AND C"},
        RoundTrip{"(A OR B) OR C", "A OR B OR C"},
        RoundTrip{"GPL-2.0-or-later WITH Classpath-exception-2.0 OR MIT",
                  "GPL-2.0-or-later WITH Classpath-exception-2.0 OR MIT"},
        RoundTrip{"GPL-2.0+", "GPL-2.0+"},
        RoundTrip{"LicenseRef-my-license", "LicenseRef-my-license"},
        RoundTrip{"DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2",
                  "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2"},
        RoundTrip{"mit or apache-2.0", "mit OR apache-2.0"},
        RoundTrip{"MIT\n  AND\tISC", "MIT AND ISC"}));

TEST(SpdxParse, AndBindsTighterThanOr) {
  ParseResult r = parse("A OR B AND C");
  ASSERT_TRUE(r.ok());
  const Expression& e = r.expression;
  const Node& root = e.nodes[e.root];
  ASSERT_EQ(root.kind, Node::Kind::any_of);
  ASSERT_EQ(root.children.size(), 2u);
  EXPECT_EQ(e.nodes[root.children[0]].id, "A");
  const Node& right = e.nodes[root.children[1]];
  ASSERT_EQ(right.kind, Node::Kind::all_of);
  EXPECT_EQ(e.nodes[right.children[0]].id, "B");
  EXPECT_EQ(e.nodes[right.children[1]].id, "C");
}

TEST(SpdxParse, WithBindsTighterThanAnd) {
  ParseResult r = parse("A AND B WITH E OR C");
  ASSERT_TRUE(r.ok());
  const Expression& e = r.expression;
  const Node& root = e.nodes[e.root];
  ASSERT_EQ(root.kind, Node::Kind::any_of);
  const Node& conj = e.nodes[root.children[0]];
  ASSERT_EQ(conj.kind, Node::Kind::all_of);
  const Node& b = e.nodes[conj.children[1]];
  EXPECT_EQ(b.id, "B");
  EXPECT_EQ(b.exception, "E");
  EXPECT_EQ(b.exception_column, 14);
  EXPECT_TRUE(e.nodes[conj.children[0]].exception.empty());
}

TEST(SpdxParse, LeafRecordsPlusAndColumns) {
  ParseResult r = parse("MIT OR  GPL-2.0+");
  ASSERT_TRUE(r.ok());
  const Node& root = r.expression.nodes[r.expression.root];
  const Node& gpl = r.expression.nodes[root.children[1]];
  EXPECT_EQ(gpl.id, "GPL-2.0");
  EXPECT_TRUE(gpl.or_later);
  EXPECT_EQ(gpl.column, 9);
  EXPECT_EQ(r.expression.nodes[root.children[0]].column, 1);
}

TEST(SpdxParse, ColumnsCountCharactersNotBytes) {
  // "é" is two bytes but one column.
  ParseResult r = parse("é");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error_column, 1);
  r = parse("MIT AND é");
  EXPECT_EQ(r.error_column, 9);
  r = parse("(é)");
  EXPECT_EQ(r.error_column, 2);
}

TEST(SpdxParse, LowerCaseOperatorsAreAcceptedWithRemarks) {
  ParseResult r = parse("MIT or Apache-2.0 and ISC With LLVM-exception");
  ASSERT_TRUE(r.ok()) << r.error;
  ASSERT_EQ(r.remarks.size(), 3u);
  EXPECT_EQ(r.remarks[0].column, 5);
  EXPECT_NE(r.remarks[0].message.find("OR"), std::string::npos);
  EXPECT_EQ(r.remarks[1].column, 19);
  EXPECT_NE(r.remarks[1].message.find("AND"), std::string::npos);
  EXPECT_EQ(r.remarks[2].column, 27);
  EXPECT_NE(r.remarks[2].message.find("WITH"), std::string::npos);
  EXPECT_EQ(to_string(r.expression), "MIT OR Apache-2.0 AND ISC WITH LLVM-exception");
}

TEST(SpdxParse, UpperCaseOperatorsHaveNoRemarks) {
  EXPECT_TRUE(parse("MIT OR Apache-2.0 AND ISC WITH LLVM-exception").remarks.empty());
}

TEST(SpdxParse, LicenseRefDetection) {
  EXPECT_TRUE(is_license_ref("LicenseRef-x"));
  EXPECT_TRUE(is_license_ref("DocumentRef-d:LicenseRef-x"));
  EXPECT_FALSE(is_license_ref("MIT"));
  EXPECT_FALSE(is_license_ref("License"));
}

struct Malformed {
  const char* text;
  int column;
  const char* message_part;  // what the message must say
};

void PrintTo(const Malformed& m, std::ostream* os) {
  *os << '"' << m.text << '"';
}

class MalformedExpression : public ::testing::TestWithParam<Malformed> {};

TEST_P(MalformedExpression, ReportsColumnAndExpectation) {
  ParseResult r = parse(GetParam().text);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error_column, GetParam().column) << r.error;
  EXPECT_NE(r.error.find(GetParam().message_part), std::string::npos) << r.error;
}

INSTANTIATE_TEST_SUITE_P(
    Errors, MalformedExpression,
    ::testing::Values(
        Malformed{"", 1, "expected a license id or '(', found the end of the text"},
        Malformed{"   ", 4, "found the end of the text"},
        Malformed{"MIT AND", 8, "expected a license id or '(' after AND, found the end"},
        Malformed{"MIT OR ", 8, "after OR"},
        Malformed{"AND MIT", 1, "expected a license id or '(', found AND"},
        Malformed{"MIT OR OR ISC", 8, "found OR"},
        Malformed{"MIT AND OR ISC", 9, "after AND, found OR"},
        Malformed{"(MIT", 5, "expected ')' to close '(' at column 1, found the end"},
        Malformed{"(MIT OR (ISC)", 14, "to close '(' at column 1"},
        Malformed{"MIT)", 4, "unexpected ')' without a matching '('"},
        Malformed{"()", 2, "expected a license id or '(', found ')'"},
        Malformed{"MIT ()", 5, "expected AND, OR or WITH, found '('"},
        Malformed{"MIT WITH", 9, "expected an exception id after WITH, found the end"},
        Malformed{"MIT WITH (LLVM-exception)", 10,
                  "expected an exception id after WITH, found '('"},
        Malformed{"MIT WITH AND", 10, "expected an exception id after WITH, found AND"},
        Malformed{"WITH MIT", 1, "found WITH"}, Malformed{"MIT WITH A WITH B", 12, "only one WITH"},
        Malformed{"(MIT OR ISC) WITH LLVM-exception", 14,
                  "WITH may only follow a single license id"},
        Malformed{"MIT Apache-2.0", 5, "expected AND, OR or WITH, found 'Apache-2.0'"},
        Malformed{"(MIT ISC)", 6, "expected AND, OR, WITH or ')'"},
        Malformed{"MIT/Apache-2.0", 4, "unexpected '/'"},
        Malformed{"MIT, Apache-2.0", 4, "unexpected ','"}, Malformed{"MIT @", 5, "unexpected '@'"},
        Malformed{"MIT\x01", 4, "control character 0x01"},
        Malformed{"+MIT", 1, "unexpected '+': it may only follow a license id"},
        Malformed{"MIT + ISC", 5, "'+'"},
        Malformed{"LicenseRef-", 12, "expected an id after 'LicenseRef-'"},
        Malformed{"LicenseRef-x+", 13, "may not follow a LicenseRef"},
        Malformed{"DocumentRef-doc", 16, "expected ':LicenseRef-'"},
        Malformed{"DocumentRef-doc:MIT", 17, "expected 'LicenseRef-'"},
        Malformed{"DocumentRef-:LicenseRef-x", 13, "expected a document id"},
        Malformed{"MIT:ISC", 4, "unexpected ':'"},
        Malformed{"MIT WITH LLVM-exception+", 10, "expected an exception id"}));

TEST(SpdxParse, NestingIsCappedWithAColumn) {
  std::string ok = std::string(kMaxDepth, '(') + "MIT" + std::string(kMaxDepth, ')');
  EXPECT_TRUE(parse(ok).ok());
  std::string deep = std::string(kMaxDepth + 1, '(') + "MIT" + std::string(kMaxDepth + 1, ')');
  ParseResult r = parse(deep);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error_column, kMaxDepth + 1);
  EXPECT_NE(r.error.find("nested deeper than 64"), std::string::npos) << r.error;
}

TEST(SpdxParse, HugeInputsDoNotOverflowTheStack) {
  EXPECT_FALSE(parse(std::string(1 << 20, '(')).ok());
  std::string chain = "MIT";
  for (int i = 0; i < 50000; ++i) chain += " AND MIT";
  ParseResult r = parse(chain);
  ASSERT_TRUE(r.ok());
  const Node& root = r.expression.nodes[r.expression.root];
  EXPECT_EQ(root.children.size(), 50001u);
}

TEST(SpdxParse, NeverThrowsOnArbitraryBytes) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  EXPECT_NO_THROW(parse(bytes));
  EXPECT_NO_THROW(parse(std::string("MIT\0AND ISC", 11)));
  EXPECT_NO_THROW(parse("\xff\xfe(MIT"));
}

}  // namespace
}  // namespace mofcheck::spdx

// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/spdx.hpp>

#include <cstdio>
#include <utility>

namespace mofcheck::spdx {
namespace {

bool is_id_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-';
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 'a' + 'A');
    if (y >= 'a' && y <= 'z') y = static_cast<char>(y - 'a' + 'A');
    if (x != y) return false;
  }
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

struct Token {
  enum class Kind { id, op_and, op_or, op_with, lparen, rparen, end };
  Kind kind = Kind::end;
  std::string_view text;
  bool plus = false;
  int column = 0;
};

std::string describe(const Token& t) {
  switch (t.kind) {
    case Token::Kind::end:
      return "the end of the text";
    case Token::Kind::lparen:
      return "'('";
    case Token::Kind::rparen:
      return "')'";
    case Token::Kind::op_and:
      return "AND";
    case Token::Kind::op_or:
      return "OR";
    case Token::Kind::op_with:
      return "WITH";
    case Token::Kind::id:
      break;
  }
  std::string s = "'";
  s.append(t.text.substr(0, 60));
  if (t.text.size() > 60) s += "...";
  if (t.plus) s += '+';
  return s + "'";
}

std::string describe_char(unsigned char c) {
  char buf[40];
  if (c >= 0x21 && c < 0x7f) {
    std::snprintf(buf, sizeof buf, "'%c'", c);
  } else if (c >= 0x80) {
    return "a non-ASCII character";
  } else {
    std::snprintf(buf, sizeof buf, "control character 0x%02X", c);
  }
  return buf;
}

// Recursive descent over a token stream produced on demand. Recursion is
// bounded by kMaxDepth parentheses (three frames per level).
class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  ParseResult run() {
    ParseResult result;
    advance();
    int root = failed() ? -1 : parse_or(0);
    if (!failed() && tok_.kind != Token::Kind::end) {
      if (tok_.kind == Token::Kind::rparen) {
        fail(tok_.column, "unexpected ')' without a matching '('");
      } else {
        fail(tok_.column, "expected AND, OR or WITH, found " + describe(tok_));
      }
    }
    if (failed()) {
      result.error = std::move(error_);
      result.error_column = error_column_;
    } else {
      result.expression.nodes = std::move(nodes_);
      result.expression.root = root;
    }
    result.remarks = std::move(remarks_);
    return result;
  }

 private:
  bool failed() const { return !error_.empty(); }

  void fail(int column, std::string message) {
    if (failed()) return;
    error_ = std::move(message);
    error_column_ = column;
    tok_.kind = Token::Kind::end;
  }

  // Moves pos_ forward by one byte, counting columns in code points.
  void step() {
    if ((static_cast<unsigned char>(text_[pos_]) & 0xC0) != 0x80) ++column_;
    ++pos_;
  }

  void advance() {
    while (pos_ < text_.size() && is_space(text_[pos_])) step();
    tok_ = Token{};
    // column_ counts characters consumed; the next one is column_ + 1.
    tok_.column = column_ + 1;
    if (pos_ >= text_.size()) return;
    char c = text_[pos_];
    if (c == '(' || c == ')') {
      tok_.kind = c == '(' ? Token::Kind::lparen : Token::Kind::rparen;
      step();
      return;
    }
    if (!is_id_char(c)) {
      if (c == '+') {
        fail(tok_.column, "unexpected '+': it may only follow a license id directly");
      } else {
        fail(tok_.column, "unexpected " + describe_char(static_cast<unsigned char>(c)) +
                              "; ids are made of letters, digits, '.' and '-'");
      }
      return;
    }
    size_t start = pos_;
    while (pos_ < text_.size() && (is_id_char(text_[pos_]) || text_[pos_] == ':')) step();
    tok_.text = text_.substr(start, pos_ - start);
    if (pos_ < text_.size() && text_[pos_] == '+') {
      tok_.plus = true;
      step();
    }
    std::string_view w = tok_.text;
    Token::Kind op = Token::Kind::id;
    if (iequals(w, "AND")) op = Token::Kind::op_and;
    if (iequals(w, "OR")) op = Token::Kind::op_or;
    if (iequals(w, "WITH")) op = Token::Kind::op_with;
    if (op != Token::Kind::id && !tok_.plus) {
      tok_.kind = op;
      if (w != "AND" && w != "OR" && w != "WITH") {
        std::string upper(w);
        for (char& ch : upper) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 32 : ch);
        remarks_.push_back({tok_.column, "SPDX operators are upper-case: write " + upper +
                                             " instead of " + std::string(w)});
      }
      return;
    }
    tok_.kind = Token::Kind::id;
    check_id();
  }

  // Validates the shape of an id token (LicenseRef / DocumentRef rules).
  void check_id() {
    std::string_view w = tok_.text;
    size_t colon = w.find(':');
    std::string_view ref = w;
    if (istarts_with(w, "DocumentRef-")) {
      if (colon == std::string_view::npos) {
        fail(tok_.column + static_cast<int>(w.size()),
             "expected ':LicenseRef-' after " + std::string(w));
        return;
      }
      if (colon == 12) {
        fail(tok_.column + 12, "expected a document id after 'DocumentRef-'");
        return;
      }
      ref = w.substr(colon + 1);
      if (!istarts_with(ref, "LicenseRef-")) {
        fail(tok_.column + static_cast<int>(colon) + 1,
             "expected 'LicenseRef-' after 'DocumentRef-...:'");
        return;
      }
    } else if (colon != std::string_view::npos) {
      fail(tok_.column + static_cast<int>(colon),
           "unexpected ':'; only 'DocumentRef-...:LicenseRef-...' may contain one");
      return;
    }
    if (ref.find(':') != std::string_view::npos) {
      size_t offset = w.size() - ref.size() + ref.find(':');
      fail(tok_.column + static_cast<int>(offset), "unexpected second ':'");
      return;
    }
    if (istarts_with(ref, "LicenseRef-")) {
      if (ref.size() == 11) {
        fail(tok_.column + static_cast<int>(w.size()), "expected an id after 'LicenseRef-'");
        return;
      }
      if (tok_.plus) {
        fail(tok_.column + static_cast<int>(w.size()),
             "unexpected '+': it may not follow a LicenseRef");
      }
    }
  }

  int add(Node node) {
    nodes_.push_back(std::move(node));
    return static_cast<int>(nodes_.size()) - 1;
  }

  // Builds an n-ary node, merging children that are the same operator.
  int combine(Node::Kind kind, const std::vector<int>& operands) {
    if (operands.size() == 1) return operands.front();
    Node node;
    node.kind = kind;
    node.column = nodes_[operands.front()].column;
    for (int child : operands) {
      if (nodes_[child].kind == kind) {
        const std::vector<int>& grand = nodes_[child].children;
        node.children.insert(node.children.end(), grand.begin(), grand.end());
      } else {
        node.children.push_back(child);
      }
    }
    return add(std::move(node));
  }

  int parse_or(int depth) {
    std::vector<int> operands{parse_and(depth, "")};
    while (!failed() && tok_.kind == Token::Kind::op_or) {
      advance();
      operands.push_back(parse_and(depth, "OR"));
    }
    return failed() ? -1 : combine(Node::Kind::any_of, operands);
  }

  // `after` names the operator before this operand, for error messages.
  int parse_and(int depth, const char* after) {
    std::vector<int> operands{parse_primary(depth, after)};
    while (!failed() && tok_.kind == Token::Kind::op_and) {
      advance();
      operands.push_back(parse_primary(depth, "AND"));
    }
    return failed() ? -1 : combine(Node::Kind::all_of, operands);
  }

  int parse_primary(int depth, const char* after) {
    if (failed()) return -1;
    if (tok_.kind == Token::Kind::lparen) {
      int open_column = tok_.column;
      if (depth + 1 > kMaxDepth) {
        fail(open_column,
             "parentheses nested deeper than " + std::to_string(kMaxDepth) + " levels");
        return -1;
      }
      advance();
      int inner = parse_or(depth + 1);
      if (failed()) return -1;
      if (tok_.kind != Token::Kind::rparen) {
        std::string expected =
            tok_.kind == Token::Kind::id ? "expected AND, OR, WITH or ')'" : "expected ')'";
        fail(tok_.column, expected + " to close '(' at column " + std::to_string(open_column) +
                              ", found " + describe(tok_));
        return -1;
      }
      advance();
      if (tok_.kind == Token::Kind::op_with) {
        fail(tok_.column,
             "WITH may only follow a single license id, not a parenthesised expression");
        return -1;
      }
      return inner;
    }
    if (tok_.kind != Token::Kind::id) {
      std::string where = *after ? std::string(" after ") + after : std::string();
      fail(tok_.column, "expected a license id or '('" + where + ", found " + describe(tok_));
      return -1;
    }
    Node leaf;
    leaf.id = std::string(tok_.text);
    leaf.or_later = tok_.plus;
    leaf.column = tok_.column;
    advance();
    if (!failed() && tok_.kind == Token::Kind::op_with) {
      advance();
      if (failed()) return -1;
      if (tok_.kind != Token::Kind::id) {
        fail(tok_.column, "expected an exception id after WITH, found " + describe(tok_));
        return -1;
      }
      if (tok_.plus || tok_.text.find(':') != std::string_view::npos) {
        fail(tok_.column, "expected an exception id after WITH, found " + describe(tok_));
        return -1;
      }
      leaf.exception = std::string(tok_.text);
      leaf.exception_column = tok_.column;
      advance();
      if (!failed() && tok_.kind == Token::Kind::op_with) {
        fail(tok_.column, "expected AND or OR; a license takes only one WITH exception");
        return -1;
      }
    }
    if (failed()) return -1;
    return add(std::move(leaf));
  }

  std::string_view text_;
  size_t pos_ = 0;
  int column_ = 0;
  Token tok_;
  std::vector<Node> nodes_;
  std::vector<Remark> remarks_;
  std::string error_;
  int error_column_ = 0;
};

void print(const Expression& e, int index, bool parenthesise, std::string& out) {
  const Node& node = e.nodes[index];
  if (node.kind == Node::Kind::license) {
    out += node.id;
    if (node.or_later) out += '+';
    if (!node.exception.empty()) {
      out += " WITH ";
      out += node.exception;
    }
    return;
  }
  if (parenthesise) out += '(';
  const char* op = node.kind == Node::Kind::all_of ? " AND " : " OR ";
  for (size_t i = 0; i < node.children.size(); ++i) {
    if (i > 0) out += op;
    const Node& child = e.nodes[node.children[i]];
    // AND binds tighter than OR, so only an OR inside an AND needs parentheses.
    bool inner = node.kind == Node::Kind::all_of && child.kind == Node::Kind::any_of;
    print(e, node.children[i], inner, out);
  }
  if (parenthesise) out += ')';
}

}  // namespace

ParseResult parse(std::string_view text) {
  return Parser(text).run();
}

std::string to_string(const Expression& expression) {
  std::string out;
  if (expression.root >= 0 && expression.root < static_cast<int>(expression.nodes.size())) {
    print(expression, expression.root, false, out);
  }
  return out;
}

bool is_license_ref(std::string_view id) {
  return istarts_with(id, "LicenseRef-") || istarts_with(id, "DocumentRef-");
}

}  // namespace mofcheck::spdx

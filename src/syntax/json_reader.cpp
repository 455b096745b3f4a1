// SPDX-License-Identifier: Apache-2.0
// JSON text -> doc::Node through nlohmann's SAX interface, so no DOM is
// built and every value keeps its line and column.
#include <algorithm>
#include <cstring>
#include <iterator>

#include <nlohmann/json.hpp>

#include "syntax/doc_tree.hpp"
#include "util/line_index.hpp"

namespace mofcheck::doc {

namespace {

using mofcheck::LineIndex;

// Hands characters to nlohmann's lexer and remembers how far it has read,
// which is how a SAX event learns where its token ended.
class TrackingIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackingIterator() = default;
  TrackingIterator(const char* p, const char** high_water) : p_(p), high_water_(high_water) {}
  reference operator*() const { return *p_; }
  TrackingIterator& operator++() {
    ++p_;
    *high_water_ = p_;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const TrackingIterator& o) const { return p_ == o.p_; }
  bool operator!=(const TrackingIterator& o) const { return p_ != o.p_; }

 private:
  const char* p_ = nullptr;
  const char** high_water_ = nullptr;
};

class TreeBuilder : public nlohmann::json_sax<nlohmann::json> {
 public:
  TreeBuilder(std::string_view text, std::string_view origin, int max_depth, std::size_t max_string,
              const char** high_water)
      : text_(text),
        origin_(origin),
        max_depth_(max_depth),
        max_string_(max_string),
        high_water_(high_water),
        lines_(text) {}

  Node root;
  bool failed = false;
  std::string error;
  std::pair<int, int> error_at{0, 0};
  ErrorKind error_kind = ErrorKind::invalid;

  bool null() override { return scalar(Node::Kind::null, {}); }
  bool boolean(bool v) override { return scalar(Node::Kind::boolean, v ? "true" : "false"); }
  bool number_integer(number_integer_t v) override {
    return scalar(Node::Kind::number, std::to_string(v));
  }
  bool number_unsigned(number_unsigned_t v) override {
    return scalar(Node::Kind::number, std::to_string(v));
  }
  bool number_float(number_float_t, const string_t& s) override {
    return scalar(Node::Kind::number, s);
  }
  bool string(string_t& s) override {
    if (s.size() > max_string_) {
      return fail(token_start(),
                  "a string of " + std::to_string(s.size()) +
                      " bytes is longer than the limit of " + std::to_string(max_string_) +
                      " bytes",
                  ErrorKind::string_too_long);
    }
    return scalar(Node::Kind::string, std::move(s));
  }
  bool binary(binary_t&) override { return fail(token_start(), "binary values are not JSON"); }
  bool start_object(std::size_t) override { return open(Node::Kind::object); }
  bool start_array(std::size_t) override { return open(Node::Kind::array); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    auto pos = token_start();
    Node* obj = stack_.back();
    long first = keys_.back().find_member(obj->members, k);
    if (first >= 0) {
      return fail(pos, "duplicate key \"" + k + "\" (first written at line " +
                           std::to_string(obj->key_positions[first].first) +
                           "); a manifest must say each thing once");
    }
    if (k.size() > max_string_) {
      return fail(pos,
                  "a key of " + std::to_string(k.size()) + " bytes is longer than the limit of " +
                      std::to_string(max_string_) + " bytes",
                  ErrorKind::string_too_long);
    }
    obj->members.emplace_back(std::move(k), Node{});
    obj->key_positions.push_back(pos);
    pending_key_ = true;
    mark_consumed();
    return true;
  }
  bool parse_error(std::size_t byte, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    std::string msg = ex.what();
    // nlohmann prefixes "[json.exception.parse_error.101] parse error at line 1, column 2: ".
    auto colon = msg.find(": ");
    if (msg.rfind("[json.exception", 0) == 0 && colon != std::string::npos) msg.erase(0, colon + 2);
    if (msg.rfind("syntax error while parsing value - ", 0) == 0) msg.erase(0, 35);
    std::size_t offset = byte > 0 ? byte - 1 : 0;
    return fail(lines_.at(offset), "invalid JSON: " + msg);
  }

 private:
  std::pair<int, int> token_start() {
    std::size_t i = consumed_;
    while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\n' ||
                                text_[i] == '\r' || text_[i] == ':' || text_[i] == ',')) {
      ++i;
    }
    return lines_.at(i);
  }
  void mark_consumed() { consumed_ = static_cast<std::size_t>(*high_water_ - text_.data()); }

  Node* place(Node::Kind kind) {
    auto pos = token_start();
    Node* slot = nullptr;
    if (stack_.empty()) {
      slot = &root;
    } else if (stack_.back()->kind == Node::Kind::array) {
      stack_.back()->items.emplace_back();
      slot = &stack_.back()->items.back();
    } else {
      slot = &stack_.back()->members.back().second;
      pending_key_ = false;
    }
    slot->kind = kind;
    slot->line = pos.first;
    slot->column = pos.second;
    return slot;
  }
  // Each value costs one node of the budget, so a huge document fails early
  // instead of building a tree many times the size of its text.
  bool over_budget() {
    if (++nodes_ <= max_nodes) return false;
    fail(token_start(), "the document holds more than " + std::to_string(max_nodes) +
                            " values; a manifest needs far fewer");
    return true;
  }
  bool scalar(Node::Kind kind, std::string text) {
    if (over_budget()) return false;
    Node* n = place(kind);
    n->text = std::move(text);
    mark_consumed();
    return true;
  }
  bool open(Node::Kind kind) {
    if (static_cast<int>(stack_.size()) >= max_depth_) {
      return fail(token_start(), "nesting deeper than " + std::to_string(max_depth_) +
                                     " levels; a manifest needs only a few");
    }
    if (over_budget()) return false;
    stack_.push_back(place(kind));
    keys_.emplace_back();
    mark_consumed();
    return true;
  }
  bool close() {
    stack_.pop_back();
    keys_.pop_back();
    mark_consumed();
    return true;
  }
  bool fail(std::pair<int, int> at, std::string message, ErrorKind kind = ErrorKind::invalid) {
    if (!failed) {
      failed = true;
      error = std::move(message);
      error_at = at;
      error_kind = kind;
    }
    return false;
  }

  std::string_view text_;
  std::string_view origin_;
  int max_depth_;
  std::size_t max_string_;
  const char** high_water_;
  LineIndex lines_;
  std::vector<Node*> stack_;
  std::vector<KeySet> keys_;  // one per entry of stack_
  std::size_t consumed_ = 0;
  std::size_t nodes_ = 0;
  bool pending_key_ = false;
};

Node parse(std::string_view text, std::string_view origin, int max_depth, std::size_t max_string,
           bool strict, std::size_t* consumed) {
  // nlohmann skips a byte order mark at the start by itself; the callers
  // have removed the one a file may open with, so another is U+FEFF where a
  // value must start, which JSON does not allow.
  if (text.starts_with("\xEF\xBB\xBF")) {
    throw Error({std::string(origin), 1, 1},
                "invalid JSON: a byte order mark (U+FEFF) where a value must start; a file may "
                "open with one, and only one");
  }
  const char* high_water = text.data();
  TreeBuilder builder(text, origin, max_depth, max_string, &high_water);
  TrackingIterator first(text.data(), &high_water);
  TrackingIterator last(text.data() + text.size(), &high_water);
  bool ok = nlohmann::json::sax_parse(first, last, &builder, nlohmann::json::input_format_t::json,
                                      strict);
  if (!ok || builder.failed) {
    if (!builder.failed) builder.error = "invalid JSON";
    throw Error({std::string(origin), builder.error_at.first, builder.error_at.second},
                builder.error, builder.error_kind);
  }
  if (consumed) *consumed = static_cast<std::size_t>(high_water - text.data());
  return std::move(builder.root);
}

}  // namespace

const char* kind_name(Node::Kind k) {
  switch (k) {
    case Node::Kind::null:
      return "null";
    case Node::Kind::boolean:
      return "a boolean";
    case Node::Kind::number:
      return "a number";
    case Node::Kind::string:
      return "a string";
    case Node::Kind::array:
      return "a list";
    case Node::Kind::object:
      return "a mapping";
  }
  return "unknown";
}

Node parse_json(std::string_view text, std::string_view origin, int max_depth,
                std::size_t max_string) {
  return parse(text, origin, max_depth, max_string, true, nullptr);
}

Node parse_json_prefix(std::string_view text, std::string_view origin, int max_depth,
                       std::size_t max_string, std::size_t& consumed) {
  return parse(text, origin, max_depth, max_string, false, &consumed);
}

}  // namespace mofcheck::doc

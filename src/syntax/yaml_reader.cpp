// SPDX-License-Identifier: Apache-2.0
// YAML text -> doc::Node through libfyaml's event parser: the one reader of
// every YAML mof-check is given (manifests and record streams, framework
// definitions, the configuration, scan rules, model card front matter).
// libfyaml implements YAML 1.2 and passes the YAML test suite; the guards
// before it (bytes, a tab class, line feeds) and the decoding of
// single-quoted escapes keep the input away from five bugs of its 0.7.12
// release.
#include <libfyaml.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <unordered_map>

#include "syntax/doc_tree.hpp"
#include "syntax/yaml_events.hpp"
#include "util/ascii_scan.hpp"
#include "util/line_index.hpp"
#include "util/utf8.hpp"

namespace mofcheck::doc {

namespace {

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", c);
  return buf;
}

// libfyaml 0.7.12 can loop forever on invalid UTF-8 (in a directive, for
// one) and reads a NUL byte as the end of the input; the YAML character set
// has neither, so both are refused first, with their place.
void check_bytes(std::string_view text, std::string_view origin) {
  auto fail = [&](std::size_t i, const std::string& what) {
    auto [line, column] = LineIndex(text).at(i);
    throw Error({std::string(origin), line, column}, "invalid YAML: " + what);
  };
  for (std::size_t i = 0; i < text.size();) {
    while (i + 8 <= text.size()) {
      const std::uint64_t x = ascii::load8(text, i);
      if (ascii::any_equal(x, 0) | ascii::any_high(x)) break;
      i += 8;
    }
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0) fail(i, "a NUL byte; YAML is text without NUL bytes");
    if (c < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = utf8_length(text, i);
    if (len == 0) fail(i, "invalid UTF-8 (byte " + hex_byte(c) + "); save the file as UTF-8");
    i += len;
  }
}

// libfyaml 0.7.12 frees a simple key twice when the white space after a ':'
// holds a tab and a block indicator follows while an explicit key ('?') is
// open (fy_fetch_value() recycles the key, then its error path for "cannot
// use tab for indentation of block entry" recycles it again): its free list
// is corrupted and the parser crashes when destroyed. libfyaml rejects every
// such text, so refusing them first loses nothing it would read. The class
// refused, outside quoted scalars, comments and block scalars:
//  - a ':' then white space holding a tab, then '-', '?' or ':' and a space
//    or the line end: YAML indents a nested collection with spaces only
//    (production s-indent), wherever the explicit key is;
//  - in block context, a ':' then white space holding a tab, then '|', '>',
//    '?' or ':', in a text that has an explicit key: libfyaml refuses the
//    tab there (the spec allows it before a block scalar or a plain scalar
//    such as ':x'; a documented limitation).
class TabGuard {
 public:
  TabGuard(std::string_view text, std::string_view origin) : text_(text), origin_(origin) {}

  void run() {
    std::size_t pos = 0;
    while (pos < text_.size()) {
      std::size_t end = text_.find('\n', pos);
      if (end == std::string_view::npos) end = text_.size();
      line(text_.substr(pos, end - pos));
      ++line_no_;
      pos = end + 1;
    }
  }

 private:
  static bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
  static bool ends_token(std::string_view s, std::size_t i) {
    return i + 1 >= s.size() || blank(s[i + 1]);
  }

  void line(std::string_view s) {
    std::size_t indent = 0;
    while (indent < s.size() && s[indent] == ' ') ++indent;
    if (block_scalar_) {
      std::size_t first = s.find_first_not_of(" \t\r");
      if (first == std::string_view::npos || indent > block_scalar_indent_) return;
      block_scalar_ = false;
    }
    bool node_start = quote_ == 0;
    for (std::size_t i = quote_ ? 0 : indent; i < s.size(); ++i) {
      const char c = s[i];
      if (quote_) {
        if (quote_ == '"' && c == '\\') {
          ++i;
        } else if (quote_ == '\'' && c == '\'' && i + 1 < s.size() && s[i + 1] == '\'') {
          ++i;  // '' is a quote inside
        } else if (c == quote_) {
          quote_ = 0;
          node_start = false;
        }
        continue;
      }
      if (blank(c)) continue;
      if (c == '#' && (i == 0 || blank(s[i - 1]))) return;
      if ((c == '"' || c == '\'') && node_start) {
        quote_ = c;
        continue;
      }
      if (c == '[' || c == '{') {
        ++flow_;
        node_start = true;
      } else if ((c == ']' || c == '}') && flow_ > 0) {
        --flow_;
        node_start = false;
      } else if (c == ',' && flow_ > 0) {
        node_start = true;
      } else if ((c == '-' || c == '?') && node_start && ends_token(s, i)) {
        explicit_key_ = explicit_key_ || c == '?';
      } else if (c == ':' && ends_token(s, i)) {
        after_colon(s, i);
        node_start = true;
      } else if ((c == '|' || c == '>') && node_start && flow_ == 0) {
        block_scalar_ = true;
        block_scalar_indent_ = indent;
        return;
      } else if ((c == '&' || c == '!') && node_start) {
        while (i + 1 < s.size() && !blank(s[i + 1])) ++i;  // properties precede the node
      } else {
        node_start = false;
      }
    }
  }

  void after_colon(std::string_view s, std::size_t colon) {
    std::size_t j = colon + 1;
    std::size_t tab = std::string_view::npos;
    while (j < s.size() && (s[j] == ' ' || s[j] == '\t')) {
      if (s[j] == '\t' && tab == std::string_view::npos) tab = j;
      ++j;
    }
    if (tab == std::string_view::npos || j == s.size()) return;
    const char c = s[j];
    const SourceLocation at{std::string(origin_), line_no_, static_cast<int>(tab) + 1};
    if ((c == '-' || c == '?' || c == ':') && ends_token(s, j)) {
      throw Error(at,
                  "invalid YAML: a tab before a block indicator; YAML indents nested "
                  "collections with spaces only");
    }
    if (explicit_key_ && flow_ == 0 && (c == '|' || c == '>' || c == '?' || c == ':')) {
      throw Error(at, std::string("a tab between ':' and '") + c +
                          "' in a text with an explicit key ('?') is not supported (libfyaml "
                          "refuses it); write spaces there");
    }
  }

  std::string_view text_;
  std::string_view origin_;
  int line_no_ = 1;
  int flow_ = 0;
  char quote_ = 0;
  bool explicit_key_ = false;
  bool block_scalar_ = false;
  std::size_t block_scalar_indent_ = 0;
};

struct DiagRelease {
  void operator()(fy_diag* d) const { fy_diag_destroy(d); }
};
struct ParserRelease {
  void operator()(fy_parser* p) const { fy_parser_destroy(p); }
};

// libfyaml's messages go nowhere: the first error is taken from the
// collected list and becomes the Error.
void discard_output(fy_diag*, void*, const char*, size_t) {}

// A parser with its diagnostics. Creating them costs more than parsing a
// small record, so each thread keeps one and resets it between texts; one
// that failed is dropped, never reused.
struct ParserSlot {
  std::unique_ptr<fy_diag, DiagRelease> diag;
  std::unique_ptr<fy_parser, ParserRelease> parser;
};

thread_local ParserSlot cached_parser;

ParserSlot take_parser() {
  ParserSlot slot = std::move(cached_parser);
  if (slot.parser && fy_parser_reset(slot.parser.get()) == 0) return slot;
  slot = {};
  fy_diag_cfg dcfg;
  fy_diag_cfg_default(&dcfg);
  dcfg.fp = nullptr;
  dcfg.output_fn = discard_output;
  dcfg.level = FYET_ERROR;
  dcfg.colorize = false;
  slot.diag.reset(fy_diag_create(&dcfg));
  if (!slot.diag) throw std::bad_alloc();
  fy_diag_set_collect_errors(slot.diag.get(), true);
  fy_parse_cfg cfg{};
  cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DEFAULT_VERSION_AUTO);
  cfg.diag = slot.diag.get();
  slot.parser.reset(fy_parser_create(&cfg));
  if (!slot.parser) throw std::bad_alloc();
  return slot;
}

// Keeps a parser that read its text to the end without error.
void give_back(ParserSlot slot) {
  if (!fy_parser_get_stream_error(slot.parser.get())) cached_parser = std::move(slot);
}

// One event, freed when it goes out of scope.
class Event {
 public:
  Event(fy_parser* p, fy_event* e) : parser_(p), event_(e) {}
  ~Event() {
    if (event_) fy_parser_event_free(parser_, event_);
  }
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;
  fy_event* operator->() const { return event_; }
  fy_event* get() const { return event_; }

 private:
  fy_parser* parser_;
  fy_event* event_;
};

std::string_view token_text(fy_token* t) {
  if (!t) return {};
  std::size_t len = 0;
  const char* p = fy_token_get_text(t, &len);
  return p ? std::string_view(p, len) : std::string_view();
}

// The value of a single-quoted scalar from its source between the quotes
// (YAML 1.2, 7.3.2): two quotes are one; lines are folded, a line break
// between two lines becoming a space and n empty lines n line breaks; white
// space around a line break is dropped. libfyaml 0.7.12 gets two
// consecutive escaped quotes after other text wrong (it reads the source
// 'a''''b' as a, then three quotes) and leaks its buffer; every single-quoted
// scalar with an escape is decoded here instead.
std::string decode_single_quoted(std::string_view raw) {
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  std::string out;
  out.reserve(raw.size());
  auto append = [&out](std::string_view piece) {
    for (std::size_t i = 0; i < piece.size(); ++i) {
      out += piece[i];
      if (piece[i] == '\'' && i + 1 < piece.size() && piece[i + 1] == '\'') ++i;
    }
  };
  std::size_t pos = 0;
  bool first = true;
  int breaks = 0;  // empty lines since the last line with content
  while (true) {
    const std::size_t end = raw.find_first_of("\r\n", pos);
    const bool last = end == std::string_view::npos;
    std::string_view line = raw.substr(pos, last ? std::string_view::npos : end - pos);
    if (!first) {
      while (!line.empty() && blank(line.front())) line.remove_prefix(1);
    }
    if (!last) {
      while (!line.empty() && blank(line.back())) line.remove_suffix(1);
    }
    if (first) {
      append(line);
    } else if (line.empty() && !last) {
      ++breaks;
    } else {
      if (breaks == 0) {
        out += ' ';
      } else {
        out.append(static_cast<std::size_t>(breaks), '\n');
      }
      breaks = 0;
      append(line);
    }
    if (last) break;
    first = false;
    pos = end + (raw[end] == '\r' && end + 1 < raw.size() && raw[end + 1] == '\n' ? 2 : 1);
  }
  return out;
}

bool is_null_word(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

// Builds the tree from the parser's events: nothing is built past the node
// budget, so neither a huge document nor an alias bomb ("billion laughs")
// can exhaust memory, and nesting is bounded as it opens.
class Builder {
 public:
  Builder(std::string_view text, std::string_view origin, int max_depth, std::size_t max_string,
          std::vector<Diagnostic>* warnings)
      : text_(text),
        origin_(origin),
        max_depth_(max_depth),
        max_string_(max_string),
        warnings_(warnings),
        lines_(text) {
    stack_.reserve(16);
  }

  Node run() {
    ParserSlot slot = take_parser();
    fy_parser* parser = slot.parser.get();
    if (fy_parser_set_string(parser, text_.data(), text_.size()) != 0) throw std::bad_alloc();
    diag_ = slot.diag.get();
    // After the first refusal (a mof-check rule or limit) nothing more is
    // built, but the rest of the text is still parsed: a syntax error
    // anywhere in it is reported first, as the YAML spec rejects the text.
    std::optional<Error> refused;
    for (;;) {
      Event ev(parser, fy_parser_parse(parser));
      if (!ev.get()) {
        if (fy_parser_get_stream_error(parser)) syntax_error();
        break;
      }
      if (refused) continue;
      try {
        if (second_document_) second_document_at(ev.get());
        handle(ev.get());
      } catch (Error& e) {
        refused.emplace(std::move(e));
        stack_.clear();
        anchors_.clear();
        continue;
      }
      if (const fy_mark* end = fy_event_end_mark(ev.get()); end && end->line >= 0) {
        previous_end_ = end->input_pos;
      }
    }
    give_back(std::move(slot));
    if (refused) throw std::move(*refused);
    if (second_document_) {
      throw Error(where_of_last(),
                  "a second YAML document starts here; give one manifest per file");
    }
    if (documents_ == 0) throw Error({std::string(origin_), 0, 0}, "the document is empty");
    return std::move(root_);
  }

 private:
  struct Frame {
    Node node;
    std::string anchor;
    std::size_t used_at_start = 0;
    std::size_t height = 0;    // levels below this node
    bool key_pending = false;  // objects: a key was read, its value is next
    std::string key;
    std::pair<int, int> key_at{0, 0};
    KeySet keys;
  };
  struct Stored {
    Node node;
    std::size_t size = 0;
    std::size_t height = 0;
  };

  void handle(fy_event* ev) {
    switch (ev->type) {
      case FYET_DOCUMENT_START:
        if (++documents_ > 1) {
          second_document_ = true;
          second_document_at(ev);
        }
        break;
      case FYET_SCALAR:
        scalar(ev);
        break;
      case FYET_ALIAS:
        alias(ev);
        break;
      case FYET_SEQUENCE_START:
        open(Node::Kind::array, ev, ev->sequence_start.tag, ev->sequence_start.anchor);
        break;
      case FYET_MAPPING_START:
        open(Node::Kind::object, ev, ev->mapping_start.tag, ev->mapping_start.anchor);
        break;
      case FYET_SEQUENCE_END:
      case FYET_MAPPING_END:
        close();
        break;
      default:
        break;
    }
  }

  // The place of a second document: its '---', or its first node when it
  // starts without one (after '...').
  void second_document_at(fy_event* ev) {
    if (const fy_mark* m = fy_event_start_mark(ev); m && m->line >= 0) {
      throw Error(loc(*m), "a second YAML document starts here; give one manifest per file");
    }
  }

  [[noreturn]] void syntax_error() {
    void* iter = nullptr;
    while (fy_diag_error* e = fy_diag_errors_iterate(diag_, &iter)) {
      if (e->type < FYET_ERROR) continue;
      throw Error(error_location(e->line, e->column),
                  std::string("invalid YAML: ") + (e->msg ? e->msg : "syntax error"));
    }
    // libfyaml failed without a message (as on "--- |0"): the place is the
    // first token after the last event.
    std::size_t at = std::min(previous_end_, text_.size());
    while (at < text_.size() &&
           (text_[at] == ' ' || text_[at] == '\t' || text_[at] == '\n' || text_[at] == '\r')) {
      ++at;
    }
    auto [line, column] = position(at);
    throw Error({std::string(origin_), line, column}, "invalid YAML: cannot be parsed from here");
  }

  // libfyaml reports an error's column in characters; the tree's columns
  // count bytes, as the line index does.
  SourceLocation error_location(int line, int column) {
    if (line < 1) return {std::string(origin_), 0, 0};
    std::size_t at = lines_.offset(line, 1);
    if (at == std::string_view::npos) {
      // The end of the text, or the line after it.
      auto [l, c] = position(text_.size());
      return {std::string(origin_), line > l ? l : line, line > l ? c : std::max(column, 1)};
    }
    for (int k = 1; k < column && at < text_.size() && text_[at] != '\n'; ++k) {
      std::size_t len = utf8_length(text_, at);
      at += len ? len : 1;
    }
    auto [l, c] = position(at);
    return {std::string(origin_), l, c};
  }

  // Line and column (bytes) of a byte offset. Events come in text order, so
  // a cursor moves forward over the line breaks; an offset behind it asks
  // the line index.
  std::pair<int, int> position(std::size_t pos) {
    pos = std::min(pos, text_.size());
    if (pos < cursor_) return lines_.at(pos);
    const char* p = text_.data() + cursor_;
    const char* const end = text_.data() + pos;
    while (p < end) {
      const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
      if (!nl) break;
      p = static_cast<const char*>(nl) + 1;
      ++cursor_line_;
      cursor_line_start_ = static_cast<std::size_t>(p - text_.data());
    }
    cursor_ = pos;
    return {cursor_line_, static_cast<int>(pos - cursor_line_start_) + 1};
  }

  SourceLocation loc(const fy_mark& m) {
    auto [line, column] = position(m.input_pos);
    last_ = {line, column};
    return {std::string(origin_), line, column};
  }
  SourceLocation where_of_last() const { return {std::string(origin_), last_.first, last_.second}; }

  // An event's place; an empty scalar has none, and takes the place of its
  // key, or else of what came before it.
  std::pair<int, int> place(fy_event* ev) {
    const fy_mark* m = fy_event_start_mark(ev);
    if (m && m->line >= 0) {
      last_ = position(m->input_pos);
      return last_;
    }
    if (!stack_.empty() && stack_.back().key_pending) return stack_.back().key_at;
    return last_;
  }

  // A node written with an anchor starts at its '&' (where `fix` looks to
  // refuse rewriting a value others may reuse).
  std::optional<std::pair<int, int>> anchor_place(fy_token* anchor) {
    if (!anchor) return std::nullopt;
    const fy_mark* m = fy_token_start_mark(anchor);
    if (!m || m->line < 0) return std::nullopt;
    std::size_t pos = m->input_pos;
    if (pos > 0 && pos <= text_.size() && text_[pos - 1] == '&') --pos;
    auto [line, column] = position(pos);
    last_ = {line, column};
    return last_;
  }

  // A scalar's place is where it starts in the text, as a reader (and `fix`,
  // which rewrites it there) sees it: the opening quote of a quoted scalar
  // and the '|' or '>' of a block scalar, where libfyaml marks the content.
  std::pair<int, int> scalar_place(fy_event* ev, fy_scalar_style style) {
    const fy_mark* m = fy_event_start_mark(ev);
    if (!m || m->line < 0) return place(ev);
    std::size_t pos = m->input_pos;
    if (style == FYSS_SINGLE_QUOTED || style == FYSS_DOUBLE_QUOTED) {
      const char quote = style == FYSS_SINGLE_QUOTED ? '\'' : '"';
      if (pos > 0 && pos <= text_.size() && text_[pos - 1] == quote) --pos;
    } else if (style == FYSS_LITERAL || style == FYSS_FOLDED) {
      pos = block_indicator(pos);
    }
    auto [line, column] = position(pos);
    last_ = {line, column};
    return last_;
  }

  // The indicator of the block scalar whose content starts at `content`:
  // the first '|' or '>' after the previous event, past comments and node
  // properties (only indicators, white space, comments and properties lie
  // between the two).
  std::size_t block_indicator(std::size_t content) const {
    std::size_t i = std::min(previous_end_, content);
    bool token_start = true;
    while (i < content) {
      const char c = text_[i];
      if (c == '#' && token_start) {
        while (i < content && text_[i] != '\n') ++i;
        continue;
      }
      if ((c == '&' || c == '!') && token_start) {
        while (i < content && text_[i] != ' ' && text_[i] != '\t' && text_[i] != '\n') ++i;
        continue;
      }
      if (c == '|' || c == '>') return i;
      token_start = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      ++i;
    }
    return content;
  }

  Node make(Node::Kind kind, std::pair<int, int> at) {
    Node n;
    n.kind = kind;
    n.line = at.first;
    n.column = at.second;
    spend(1, at);
    return n;
  }
  void spend(std::size_t nodes, std::pair<int, int> at) {
    if (nodes > max_nodes - used_) {
      throw Error({std::string(origin_), at.first, at.second},
                  "the document holds more than " + std::to_string(max_nodes) +
                      " values (counting each use of an alias); a manifest needs "
                      "far fewer");
    }
    used_ += nodes;
  }
  [[noreturn]] void too_deep(std::pair<int, int> at) {
    throw Error({std::string(origin_), at.first, at.second},
                "nesting deeper than " + std::to_string(max_depth_) +
                    " levels; a manifest needs only a few");
  }
  // Only the non-specific tag '!' (a plain string) is allowed.
  void check_tag(fy_token* tag) {
    if (!tag) return;
    std::string_view name = token_text(tag);
    if (name == "!") return;
    const fy_mark* m = fy_token_start_mark(tag);
    SourceLocation at = m ? loc(*m) : where_of_last();
    throw Error(at, "YAML tags such as '" + std::string(name) +
                        "' are not allowed in a manifest; write plain values");
  }
  // The source between the quotes of a single-quoted scalar, else "".
  std::string_view single_quoted_source(fy_token* value) const {
    if (!value || fy_token_scalar_style(value) != FYSS_SINGLE_QUOTED) return {};
    const fy_mark* start = fy_token_start_mark(value);
    const fy_mark* end = fy_token_end_mark(value);
    if (!start || !end || start->input_pos > end->input_pos || end->input_pos > text_.size()) {
      return {};
    }
    return text_.substr(start->input_pos, end->input_pos - start->input_pos);
  }

  bool expecting_key() const {
    return !stack_.empty() && stack_.back().node.kind == Node::Kind::object &&
           !stack_.back().key_pending;
  }
  std::string anchor_name(fy_token* anchor) { return std::string(token_text(anchor)); }

  void scalar(fy_event* ev) {
    fy_token* value = ev->scalar.value;
    check_tag(ev->scalar.tag);
    std::string decoded;
    std::string_view text;
    if (std::string_view raw = single_quoted_source(value); raw.find("''") != raw.npos) {
      decoded = decode_single_quoted(raw);
      text = decoded;
    } else {
      text = token_text(value);
    }
    auto at = scalar_place(ev, value ? fy_token_scalar_style(value) : FYSS_PLAIN);
    if (auto a = anchor_place(ev->scalar.anchor)) at = *a;
    const bool plain = !ev->scalar.tag && (!value || fy_token_scalar_style(value) == FYSS_PLAIN);
    if (text.size() > max_string_) {
      throw Error({std::string(origin_), at.first, at.second},
                  (expecting_key() ? "a key of " : "a string of ") + std::to_string(text.size()) +
                      " bytes is longer than the limit of " + std::to_string(max_string_) +
                      " bytes",
                  ErrorKind::string_too_long);
    }
    if (plain && text == "<<" && expecting_key()) {
      throw Error({std::string(origin_), at.first, at.second},
                  "YAML merge keys ('<<') are not supported in a manifest; write the keys out");
    }
    const bool null = plain && is_null_word(text);
    Node n = make(null ? Node::Kind::null : Node::Kind::string, at);
    if (!null) n.text.assign(text.data(), text.size());
    finish(std::move(n), anchor_name(ev->scalar.anchor), 1, 0);
  }

  void alias(fy_event* ev) {
    const std::string name = anchor_name(ev->alias.anchor);
    auto at = place(ev);
    // libfyaml marks the name; the alias starts at its '*'.
    if (const fy_mark* m = fy_event_start_mark(ev);
        m && m->line >= 0 && m->input_pos > 0 && text_[m->input_pos - 1] == '*') {
      at = position(m->input_pos - 1);
    }
    auto it = anchors_.find(name);
    if (it == anchors_.end()) {
      throw Error({std::string(origin_), at.first, at.second},
                  "invalid YAML: the alias '*" + name + "' names no anchor defined before it");
    }
    const Stored& stored = it->second;
    if (!alias_warned_ && warnings_) {
      alias_warned_ = true;
      warnings_->push_back({Severity::warning,
                            "yaml-alias",
                            "the YAML alias '*" + name + "' repeats the value anchored with '&" +
                                name +
                                "'; mof-check expands aliases, but a manifest is clearer "
                                "with each value written out",
                            {},
                            {std::string(origin_), at.first, at.second}});
    }
    spend(stored.size, at);
    if (static_cast<int>(stack_.size() + stored.height) > max_depth_) too_deep(at);
    Node n = stored.node;
    n.line = at.first;
    n.column = at.second;
    finish(std::move(n), {}, stored.size, stored.height);
  }

  void open(Node::Kind kind, fy_event* ev, fy_token* tag, fy_token* anchor) {
    check_tag(tag);
    auto at = place(ev);
    if (auto a = anchor_place(anchor)) at = *a;
    if (expecting_key()) {
      throw Error({std::string(origin_), at.first, at.second},
                  "mapping keys must be plain strings");
    }
    if (static_cast<int>(stack_.size()) >= max_depth_) too_deep(at);
    Frame& f = stack_.emplace_back();
    f.used_at_start = used_;
    f.node = make(kind, at);
    f.anchor = anchor_name(anchor);
  }

  void close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    if (f.node.kind == Node::Kind::object && f.key_pending) {
      Node null_value;
      null_value.line = f.key_at.first;
      null_value.column = f.key_at.second;
      f.node.members.emplace_back(std::move(f.key), std::move(null_value));
      f.node.key_positions.push_back(f.key_at);
    }
    const std::size_t size = used_ - f.used_at_start;
    finish(std::move(f.node), std::move(f.anchor), size, f.height + 1);
  }

  // Places a complete node into its parent (or as the root), keeping a copy
  // when it carries an anchor.
  void finish(Node n, std::string anchor, std::size_t size, std::size_t height) {
    if (!anchor.empty()) {
      spend(size, {n.line, n.column});  // the stored copy costs as much again
      anchors_.insert_or_assign(std::move(anchor), Stored{n, size, height});
    }
    if (stack_.empty()) {
      root_ = std::move(n);
      return;
    }
    Frame& parent = stack_.back();
    parent.height = std::max(parent.height, height);
    if (parent.node.kind == Node::Kind::array) {
      parent.node.items.push_back(std::move(n));
      return;
    }
    if (!parent.key_pending) {
      if (n.kind != Node::Kind::string) {
        throw Error({std::string(origin_), n.line, n.column}, "mapping keys must be plain strings");
      }
      const long first = parent.keys.find_member(parent.node.members, n.text);
      if (first >= 0) {
        throw Error({std::string(origin_), n.line, n.column},
                    "duplicate key \"" + n.text + "\" (first written at line " +
                        std::to_string(parent.node.key_positions[first].first) +
                        "); a manifest must say each thing once");
      }
      parent.key = std::move(n.text);
      parent.key_at = {n.line, n.column};
      parent.key_pending = true;
      return;
    }
    parent.node.members.emplace_back(std::move(parent.key), std::move(n));
    parent.node.key_positions.push_back(parent.key_at);
    parent.key_pending = false;
  }

  std::string_view text_;
  std::string_view origin_;
  int max_depth_;
  std::size_t max_string_;
  std::vector<Diagnostic>* warnings_;
  LineIndex lines_;
  fy_diag* diag_ = nullptr;
  Node root_;
  int documents_ = 0;
  bool second_document_ = false;
  std::vector<Frame> stack_;
  std::unordered_map<std::string, Stored> anchors_;
  std::pair<int, int> last_{0, 0};
  std::size_t previous_end_ = 0;       // where the last event with a place ended
  std::size_t cursor_ = 0;             // position(): the offset reached,
  int cursor_line_ = 1;                // its line
  std::size_t cursor_line_start_ = 0;  // and where that line starts
  std::size_t used_ = 0;
  bool alias_warned_ = false;
};

}  // namespace

YamlEvents::YamlEvents(std::string_view text) {
  ParserSlot slot = take_parser();
  if (fy_parser_set_string(slot.parser.get(), text.data(), text.size()) != 0) {
    throw std::bad_alloc();
  }
  diag_ = slot.diag.release();
  parser_ = slot.parser.release();
}

YamlEvents::~YamlEvents() {
  // A reader that stopped early leaves the rest of the text: it is parsed
  // to the end, so that the parser can be kept (making one costs more).
  while (next()) {
  }
  ParserSlot slot;
  slot.diag.reset(diag_);
  slot.parser.reset(parser_);
  if (finished_) give_back(std::move(slot));
}

fy_event* YamlEvents::next() {
  if (event_) fy_parser_event_free(parser_, event_);
  event_ = finished_ ? nullptr : fy_parser_parse(parser_);
  if (!event_) {
    failed_ = fy_parser_get_stream_error(parser_);
    finished_ = !failed_;
  }
  return event_;
}

std::string single_quoted(std::string_view raw) {
  return decode_single_quoted(raw);
}

// The text with every line break a line feed. libfyaml 0.7.12 misformats a
// quoted scalar whose empty lines mix CRLF and LF breaks (its text comes out
// short and a buffer leaks; found by the differential fuzzer); YAML reads
// every line break in a scalar as a line feed anyway. A CRLF keeps every
// line and column; a lone CR (a line break to YAML) becomes a line of its
// own, as YAML counts it.
std::string with_line_feeds(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
    } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
      out += '\n';
    }
  }
  return out;
}

Node parse_yaml(std::string_view text, std::string_view origin, int max_depth,
                std::size_t max_string, std::vector<Diagnostic>* warnings) {
  check_bytes(text, origin);
  std::string line_feeds;
  if (text.find('\r') != std::string_view::npos) {
    line_feeds = with_line_feeds(text);
    text = line_feeds;
  }
  // The guarded class needs a tab; most texts have none.
  if (text.find('\t') != std::string_view::npos) TabGuard(text, origin).run();
  return Builder(text, origin, max_depth, max_string, warnings).run();
}

}  // namespace mofcheck::doc

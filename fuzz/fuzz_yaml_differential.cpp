// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: the YAML reader (doc::parse_yaml, libfyaml's event
// parser under mof-check's builder) against libfyaml's own document API as
// the reference. Aborts when one accepts what the other rejects, or both
// accept and the trees differ. Not compared: texts mof-check refuses by a
// documented rule or limit (tags, merge keys, non-string and duplicate keys,
// several or no documents, depth, size, node budget) and the guards against
// libfyaml 0.7.12 bugs (NUL, invalid UTF-8, a tab before a block indicator),
// which the reference would crash or hang on.
#include <libfyaml.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

#include "fuzz_common.hpp"
#include "syntax/doc_tree.hpp"

namespace {

using mofcheck::doc::Node;

constexpr int kDepth = 60;  // below the reference's own limit of 64
constexpr std::size_t kString = 1u << 20;

bool starts_with(const std::string& s, std::string_view p) {
  return s.compare(0, p.size(), p) == 0;
}

// A refusal the reference is not asked about.
bool outside_comparison(const std::string& message) {
  for (std::string_view rule :
       {"YAML tags such as", "YAML merge keys", "mapping keys must be plain strings",
        "a second YAML document starts here", "the document is empty", "duplicate key",
        "nesting deeper than", "the document holds more than", "a string of", "a key of",
        // libfyaml's document API resolves an alias to an anchor written
        // after it; the spec (and mof-check) refuse it (found by this target).
        "invalid YAML: the alias", "invalid YAML: a NUL byte", "invalid YAML: invalid UTF-8",
        "invalid YAML: a tab before", "a tab between ':'"}) {
    if (starts_with(message, rule)) return true;
  }
  return false;
}

void discard(fy_diag*, void*, const char*, size_t) {}

struct ParserRelease {
  void operator()(fy_parser* p) const { fy_parser_destroy(p); }
};
// A document loaded by a parser, destroyed through it.
struct Doc {
  fy_parser* parser;
  fy_document* doc;
  Doc(fy_parser* p, fy_document* d) : parser(p), doc(d) {}
  ~Doc() {
    if (doc) fy_parse_document_destroy(parser, doc);
  }
  Doc(const Doc&) = delete;
  Doc& operator=(const Doc&) = delete;
};
struct DiagRelease {
  void operator()(fy_diag* d) const { fy_diag_destroy(d); }
};

[[noreturn]] void differ(const std::string& why) {
  std::fprintf(stderr, "yaml differential: %s\n", why.c_str());
  std::abort();
}

std::string text_of(fy_node* n) {
  std::size_t len = 0;
  const char* p = fy_node_get_scalar(n, &len);
  return p ? std::string(p, len) : std::string();
}

// The reference node against ours, in the doc tree's shape: scalars are
// strings, a plain untagged '', '~', 'null', 'Null' or 'NULL' is null.
void compare(fy_node* ref, const Node& ours, const std::string& path) {
  switch (fy_node_get_type(ref)) {
    case FYNT_SCALAR: {
      const std::string text = text_of(ref);
      std::size_t tag_len = 0;
      const bool tagged = fy_node_get_tag(ref, &tag_len) != nullptr && tag_len > 0;
      const bool null =
          fy_node_get_style(ref) == FYNS_PLAIN && !tagged &&
          (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL");
      if (null != (ours.kind == Node::Kind::null)) differ(path + ": null differs");
      if (!null && (ours.kind != Node::Kind::string || ours.text != text)) {
        differ(path + ": scalar '" + text + "' read as '" + ours.text + "'");
      }
      return;
    }
    case FYNT_SEQUENCE: {
      if (ours.kind != Node::Kind::array) differ(path + ": a sequence read as something else");
      void* it = nullptr;
      std::size_t i = 0;
      while (fy_node* item = fy_node_sequence_iterate(ref, &it)) {
        if (i >= ours.items.size()) differ(path + ": fewer items");
        compare(item, ours.items[i], path + "[" + std::to_string(i) + "]");
        ++i;
      }
      if (i != ours.items.size()) differ(path + ": more items");
      return;
    }
    case FYNT_MAPPING: {
      if (ours.kind != Node::Kind::object) differ(path + ": a mapping read as something else");
      void* it = nullptr;
      std::size_t i = 0;
      while (fy_node_pair* pair = fy_node_mapping_iterate(ref, &it)) {
        if (i >= ours.members.size()) differ(path + ": fewer members");
        fy_node* key = fy_node_pair_key(pair);
        if (!key || fy_node_get_type(key) != FYNT_SCALAR)
          differ(path + ": a key that is no scalar");
        if (text_of(key) != ours.members[i].first) {
          differ(path + ": key '" + text_of(key) + "' read as '" + ours.members[i].first + "'");
        }
        fy_node* value = fy_node_pair_value(pair);
        if (value) {
          compare(value, ours.members[i].second, path + "." + ours.members[i].first);
        } else if (ours.members[i].second.kind != Node::Kind::null) {
          differ(path + ": a missing value read as something");
        }
        ++i;
      }
      if (i != ours.members.size()) differ(path + ": more members");
      return;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = mofcheck::fuzz::as_text(data, size);
  std::optional<Node> ours;
  std::string refusal;
  mofcheck::fuzz::expect_only_errors([&] {
    try {
      ours = mofcheck::doc::parse_yaml(text, "f", kDepth, kString);
    } catch (const mofcheck::Error& e) {
      refusal = e.message();
      throw;
    }
  });
  if (!ours && outside_comparison(refusal)) return 0;
  // libfyaml 0.7.12 misreads two consecutive escaped quotes in a
  // single-quoted scalar and leaks a buffer on them; the reader decodes
  // those itself (tests/unit/yaml_reader_test.cpp), the reference cannot.
  if (text.find("''") != std::string_view::npos) return 0;
  // Merge keys are a mof-check rule; libfyaml's resolver also merges a '<<'
  // the non-specific tag makes a string ('! <<: x', found by this target).
  if (text.find("<<") != std::string_view::npos) return 0;

  // The reference reads the text with line feeds for line breaks, as the
  // reader gives it to libfyaml: YAML reads every line break in a scalar as
  // a line feed, and libfyaml 0.7.12 folds a CRLF in a quoted scalar wrongly
  // (found by this target: 'a CRLF ' gave "a\n", not "a ").
  const std::string lf_text = mofcheck::doc::with_line_feeds(text);
  fy_diag_cfg dcfg;
  fy_diag_cfg_default(&dcfg);
  dcfg.fp = nullptr;
  dcfg.output_fn = discard;
  std::unique_ptr<fy_diag, DiagRelease> diag(fy_diag_create(&dcfg));
  fy_parse_cfg cfg{};
  // Keys are compared after aliases are expanded, as the spec and mof-check
  // do: without FYPCF_ALLOW_DUPLICATE_KEYS libfyaml 0.7.12 also compares
  // alias keys by anchor name before resolving, so '*b' after '&b' was
  // redefined counts as a duplicate of an earlier '*b' (found by this target).
  cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_RESOLVE_DOCUMENT |
                                              FYPCF_ALLOW_DUPLICATE_KEYS);
  cfg.diag = diag.get();
  // Every document is loaded, so an error after the first one counts (the
  // one-call fy_document_build_from_string() returns the first document
  // even when the text goes on wrong).
  std::unique_ptr<fy_parser, ParserRelease> parser(fy_parser_create(&cfg));
  fy_parser_set_string(parser.get(), lf_text.data(), lf_text.size());
  Doc ref{parser.get(), fy_parse_load_document(parser.get())};
  while (fy_document* more = fy_parse_load_document(parser.get())) {
    fy_parse_document_destroy(parser.get(), more);
  }
  const bool ref_ok =
      ref.doc && !fy_parser_get_stream_error(parser.get()) && !fy_diag_got_error(diag.get());
  if (ours && !ref_ok) differ("read by mof-check, rejected by libfyaml's document API");
  if (!ours && ref_ok) differ("rejected by mof-check (" + refusal + "), read by libfyaml");
  if (!ours) return 0;
  fy_node* root = fy_document_root(ref.doc);
  if (!root) {
    if (ours->kind != Node::Kind::null) differ("an empty reference document");
    return 0;
  }
  compare(root, *ours, "$");
  return 0;
}

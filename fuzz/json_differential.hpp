// SPDX-License-Identifier: Apache-2.0
// The library's JSON reading held to a second parser: the bytes check and
// the full reader's parser (nlohmann SAX into doc::Node) against simdjson's
// DOM parser, which validates a whole document. Both must accept or reject
// the same texts, and read the same values when both accept; and the plain
// fast path must never take a text the reference rejects. Used by the
// fuzz_json_differential target and by the unit tests (JSONTestSuite,
// fuzz/regressions/json_differential). Private.
#pragma once

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>

#include <simdjson.h>

#include <mofcheck/error.hpp>
#include <mofcheck/manifest.hpp>

#include "manifest/json_fast_path.hpp"
#include "syntax/doc_tree.hpp"
#include "util/text_encoding.hpp"

namespace mofcheck::fuzz {

/// How the library's reader took a whole JSON document.
enum class JsonOutcome {
  accepted,  ///< parsed (a manifest reader may still refuse its shape)
  rejected,  ///< an "invalid JSON" error, or bytes that are no JSON text at all
  limited,   ///< refused by a documented limit or policy: nesting depth, duplicate key
};

/// Reads `text` as the library reads a JSON manifest before interpreting it:
/// the bytes check, a UTF-8 byte order mark dropped, then the full reader's
/// parser with the depth limit `max_depth` and no string limit.
inline JsonOutcome library_json_outcome(std::string_view text, doc::Node* root = nullptr,
                                        std::string* why = nullptr, int max_depth = 1000) {
  try {
    check_text_encoding(text, "doc", TextRules::json);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    doc::Node n = doc::parse_json(text, "doc", max_depth, std::numeric_limits<std::size_t>::max());
    if (root) *root = std::move(n);
    return JsonOutcome::accepted;
  } catch (const Error& e) {
    if (why) *why = e.what();
    const std::string& m = e.message();
    if (m.starts_with("duplicate key") || m.starts_with("nesting deeper") ||
        m.starts_with("the document holds more than")) {
      return JsonOutcome::limited;
    }
    return JsonOutcome::rejected;
  }
}

namespace detail {

inline bool integer_text(const std::string& t) {
  return t.find_first_of(".eE") == std::string::npos;
}

// A number outside what a double holds (1e400) or an integer beyond 64
// bits: RFC 8259 (section 6) lets a parser set such limits, and simdjson
// refuses them where nlohmann keeps the text.
inline bool beyond_range(const doc::Node& n) {
  if (n.kind == doc::Node::Kind::number) {
    if (std::isinf(std::strtod(n.text.c_str(), nullptr))) return true;
    if (!integer_text(n.text)) return false;
    errno = 0;
    if (n.text[0] == '-') {
      (void)std::strtoll(n.text.c_str(), nullptr, 10);
    } else {
      (void)std::strtoull(n.text.c_str(), nullptr, 10);
    }
    return errno == ERANGE;
  }
  for (const auto& i : n.items) {
    if (beyond_range(i)) return true;
  }
  for (const auto& m : n.members) {
    if (beyond_range(m.second)) return true;
  }
  return false;
}

inline std::string same(const doc::Node& n, simdjson::dom::element e, const std::string& at) {
  using K = doc::Node::Kind;
  using T = simdjson::dom::element_type;
  const T t = e.type();
  auto differ = [&](const std::string& what) { return at + ": " + what; };
  switch (n.kind) {
    case K::null:
      return t == T::NULL_VALUE ? "" : differ("null against another type");
    case K::boolean:
      if (t != T::BOOL) return differ("boolean against another type");
      return (n.text == "true") == bool(e.get_bool().value()) ? "" : differ("booleans differ");
    case K::string: {
      if (t != T::STRING) return differ("string against another type");
      std::string_view s = e.get_string().value();
      return s == n.text
                 ? ""
                 : differ("strings differ: \"" + n.text + "\" and \"" + std::string(s) + "\"");
    }
    case K::number: {
      double ref = 0;
      if (t == T::INT64) {
        ref = static_cast<double>(e.get_int64().value());
        if (integer_text(n.text) && n.text != std::to_string(e.get_int64().value()) &&
            n.text != "-0") {
          return differ("integers differ: " + n.text);
        }
      } else if (t == T::UINT64) {
        ref = static_cast<double>(e.get_uint64().value());
        if (integer_text(n.text) && n.text != std::to_string(e.get_uint64().value())) {
          return differ("integers differ: " + n.text);
        }
      } else if (t == T::DOUBLE) {
        ref = e.get_double().value();
      } else {
        return differ("number against another type");
      }
      return std::strtod(n.text.c_str(), nullptr) == ref ? "" : differ("numbers differ: " + n.text);
    }
    case K::array: {
      if (t != T::ARRAY) return differ("list against another type");
      simdjson::dom::array list;
      if (e.get_array().get(list)) return differ("not a list");
      std::size_t i = 0;
      for (simdjson::dom::element item : list) {
        if (i >= n.items.size()) return differ("the reference list is longer");
        std::string d = same(n.items[i], item, at + "[" + std::to_string(i) + "]");
        if (!d.empty()) return d;
        ++i;
      }
      return i == n.items.size() ? "" : differ("the reference list is shorter");
    }
    case K::object: {
      if (t != T::OBJECT) return differ("mapping against another type");
      simdjson::dom::object map;
      if (e.get_object().get(map)) return differ("not a mapping");
      std::size_t i = 0;
      for (simdjson::dom::key_value_pair kv : map) {
        if (i >= n.members.size()) return differ("the reference mapping is longer");
        if (kv.key != n.members[i].first) return differ("keys differ: " + n.members[i].first);
        std::string d = same(n.members[i].second, kv.value, at + "." + n.members[i].first);
        if (!d.empty()) return d;
        ++i;
      }
      return i == n.members.size() ? "" : differ("the reference mapping is shorter");
    }
  }
  return differ("unknown kind");
}

}  // namespace detail

/// Empty when the library and the reference agree on `text`; else what
/// differs. Cases left out, each a documented limit: nesting deeper than
/// 1000 (either side), duplicate keys (the library refuses them by policy),
/// numbers beyond a double's range or integers beyond 64 bits (simdjson refuses them as
/// NUMBER_ERROR) (RFC 8259 section 6).
inline std::string json_differential(std::string_view text) {
  doc::Node root;
  std::string why;
  const JsonOutcome ours = library_json_outcome(text, &root, &why);

  std::string_view body = text;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  simdjson::padded_string padded(body);
  // One parser per thread, as the library keeps one for its fast path.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element ref;
  const simdjson::error_code code = parser.parse(padded).get(ref);

  // The plain fast path may decline anything; what it takes must be JSON.
  Manifest plain;
  if (read_plain_json_manifest(text, "doc", {}, plain) && code != simdjson::SUCCESS) {
    return std::string("the fast path took a text the reference rejects: ") +
           simdjson::error_message(code);
  }

  if (ours == JsonOutcome::limited || code == simdjson::DEPTH_ERROR) return "";
  if (ours == JsonOutcome::rejected) {
    return code == simdjson::SUCCESS ? "the library rejects what the reference accepts: " + why
                                     : "";
  }
  if (code != simdjson::SUCCESS) {
    if (code == simdjson::NUMBER_ERROR && detail::beyond_range(root)) {
      return "";
    }
    return std::string("the library accepts what the reference rejects: ") +
           simdjson::error_message(code);
  }
  return detail::same(root, ref, "$");
}

}  // namespace mofcheck::fuzz

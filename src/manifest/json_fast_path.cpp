// SPDX-License-Identifier: Apache-2.0
#include "manifest/json_fast_path.hpp"

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <utility>

#include <simdjson.h>

#include "manifest/manifest_fields.hpp"
#include "util/line_index.hpp"

namespace mofcheck {

namespace {

namespace od = simdjson::ondemand;

// The parser keeps its buffers between records; the padded copy gives
// simdjson the readable bytes it needs past the end of the text.
struct Scratch {
  od::parser parser;
  std::string padded;
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

// Text the full reader rejects, or reads otherwise, although simdjson takes
// it: NUL is refused by the encoding check; an escaped surrogate ("\uD8…")
// has exact rules of its own there. (DEL is text in JSON for both.) A false
// alarm only costs the slow path.
bool needs_full_reader(std::string_view text) {
  // Positions count from after a byte order mark; parse_manifest strips it.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") return true;
  if (text.find('\0') != std::string_view::npos) return true;
  for (std::size_t i = 0; (i = text.find('\\', i)) != std::string_view::npos; i += 2) {
    if (i + 2 < text.size() && text[i + 1] == 'u' && (text[i + 2] == 'd' || text[i + 2] == 'D')) {
      return true;
    }
  }
  return false;
}

class PlainReader {
 public:
  PlainReader(std::string_view text, std::string_view origin, const ReadLimits& limits,
              Manifest& out)
      : base_(text.data()), lines_(text), origin_(origin), limits_(limits), out_(out) {}

  bool read(od::document& doc) {
    od::object root;
    if (doc.get_object().get(root)) return false;
    std::uint32_t seen = 0;
    static constexpr std::string_view kTop[] = {"framework", "release"};
    bool ok = each_field(root, seen, kTop, [&](int key, const char* at, od::value v) {
      if (key == 0) return read_framework(v);
      locate(at, out_.release_where);
      return read_release(v);
    });
    // Anything after the manifest (a second value) is the full reader's to report.
    const char* rest = nullptr;
    if (!ok || !(seen & 2u) || doc.current_location().get(rest) == simdjson::SUCCESS) return false;
    out_.components.resize(components_);
    return true;
  }

 private:
  // Sets `w` to the position of `at`, reusing the room of its file name (a
  // manifest read into again keeps it).
  void locate(const char* at, SourceLocation& w) {
    auto [line, column] = lines_.at(static_cast<std::size_t>(at - base_));
    w.file.assign(origin_);
    w.line = line;
    w.column = column;
  }

  // Calls on(index of the key in `keys`, position of the key, value) for
  // each member; false for an unknown, escaped or repeated key.
  template <typename On>
  bool each_field(od::object& obj, std::uint32_t& seen, std::span<const std::string_view> keys,
                  On&& on) {
    for (auto member : obj) {
      od::field field;
      if (std::move(member).get(field)) return false;
      const char* k = field.key().raw();
      const char* e = k;
      while (*e != '"') {
        if (*e == '\\') return false;
        ++e;
      }
      std::string_view key(k, static_cast<std::size_t>(e - k));
      int index = 0;
      for (std::string_view known : keys) {
        if (known == key) break;
        ++index;
      }
      if (index == static_cast<int>(keys.size())) return false;
      const std::uint32_t bit = 1u << index;
      if (seen & bit) return false;
      seen |= bit;
      if (!on(index, k - 1, field.value())) return false;
    }
    return true;
  }
  // A string or null where text goes.
  bool text(od::value v, Field& f, bool license = false) {
    od::json_type type;
    if (v.type().get(type)) return false;
    f.present = true;
    locate(v.raw_json_token().data(), f.where);
    if (type == od::json_type::null) {
      bool is_null = false;
      return !v.is_null().get(is_null) && is_null;
    }
    if (type != od::json_type::string) return false;
    std::string_view s;
    if (v.get_string().get(s) || s.size() > limits_.max_string) return false;
    f.value.assign(s);
    f.quoted = license;
    return true;
  }

  // The value of one field of the schema table into its member of `owner`.
  template <typename Spec, typename Owner>
  bool field(od::value v, const Spec& spec, Owner& owner) {
    return text(v, owner.*spec.member, spec.license);
  }

  bool is_null(od::value v, bool& null) {
    od::json_type type;
    if (v.type().get(type)) return false;
    null = type == od::json_type::null;
    if (!null) return true;
    bool n = false;
    return !v.is_null().get(n) && n;
  }

  // The MOT writes an empty list where a mapping has nothing to say.
  bool is_empty_list(od::value v, bool& empty) {
    od::json_type type;
    if (v.type().get(type)) return false;
    empty = type == od::json_type::array;
    if (!empty) return true;
    od::array list;
    if (v.get_array().get(list)) return false;
    for (auto item : list) {
      (void)item;
      return false;  // not empty: the full reader reports it
    }
    return true;
  }

  // A mapping, or null or [] for "nothing here" (`nothing` set, `out` untouched).
  bool mapping_or_nothing(od::value v, od::object& out, bool& nothing) {
    if (!is_null(v, nothing)) return false;
    if (!nothing && !is_empty_list(v, nothing)) return false;
    return nothing || !v.get_object().get(out);
  }

  bool read_framework(od::value v) {
    bool null = false;
    if (!is_null(v, null)) return false;
    if (null) return true;
    od::object fw;
    if (v.get_object().get(fw)) return false;
    std::uint32_t seen = 0;
    static const auto keys = schema::keys(schema::kFramework, false);
    return each_field(fw, seen, keys, [&](int key, const char*, od::value value) {
      return field(value, schema::kFramework[key], out_);
    });
  }

  bool read_release(od::value v) {
    od::object r;
    if (v.get_object().get(r)) return false;
    std::uint32_t seen = 0;
    // Legacy spellings are the full reader's (it warns when both are given).
    static const auto keys =
        schema::keys(schema::kRelease, false, {schema::kLicenseKey, schema::kComponentsKey});
    constexpr int n = static_cast<int>(schema::kRelease.size());
    bool ok = each_field(r, seen, keys, [&](int key, const char*, od::value value) {
      if (key < n) return field(value, schema::kRelease[key], out_);
      if (key == n) return read_global_licenses(value);
      return read_components(value);
    });
    return ok && !out_.name.value.empty();
  }

  bool read_global_licenses(od::value v) {
    locate(v.raw_json_token().data(), out_.license_where);
    od::object lic;
    bool nothing = false;
    if (!mapping_or_nothing(v, lic, nothing)) return false;
    if (nothing) return true;
    std::uint32_t seen = 0;
    static const auto keys = schema::keys(schema::kGlobalLicenses, false);
    return each_field(lic, seen, keys, [&](int key, const char*, od::value value) {
      return global(value, out_.*schema::kGlobalLicenses[key].member);
    });
  }

  bool global(od::value v, GlobalLicense& g) {
    const char* at = v.raw_json_token().data();
    od::object o;
    bool nothing = false;
    if (!mapping_or_nothing(v, o, nothing)) return false;
    if (nothing) return true;
    g.present = true;
    locate(at, g.where);
    std::uint32_t seen = 0;
    static const auto keys = schema::keys(schema::kGlobalLicense, false);
    return each_field(o, seen, keys, [&](int key, const char*, od::value value) {
      return field(value, schema::kGlobalLicense[key], g);
    });
  }

  bool read_components(od::value v) {
    locate(v.raw_json_token().data(), out_.components_where);
    bool null = false;
    if (!is_null(v, null)) return false;
    if (null) return true;
    od::array list;
    std::size_t count = 0;
    // Past the limit the full reader gives the error.
    if (v.get_array().get(list) || list.count_elements().get(count) ||
        count > limits_.max_components) {
      return false;
    }
    out_.components.reserve(count);
    for (auto entry : list) {
      od::value item;
      if (std::move(entry).get(item)) return false;
      // Entries left by an earlier record (cleared) are written over.
      ManifestComponent& c = components_ < out_.components.size() ? out_.components[components_]
                                                                  : out_.components.emplace_back();
      ++components_;
      locate(item.raw_json_token().data(), c.where);
      od::object o;
      if (item.get_object().get(o)) return false;
      std::uint32_t seen = 0;
      static const auto keys = schema::keys(schema::kComponent, false);
      bool ok = each_field(o, seen, keys, [&](int key, const char*, od::value value) {
        return field(value, schema::kComponent[key], c);
      });
      if (!ok || c.name.value.empty()) return false;
    }
    return true;
  }

  const char* base_;
  LineIndex lines_;
  std::string_view origin_;
  const ReadLimits& limits_;
  Manifest& out_;
  std::size_t components_ = 0;  // entries of out_.components read
};

}  // namespace

bool read_plain_json_manifest(std::string_view text, std::string_view origin,
                              const ReadLimits& limits, Manifest& out) {
  // The plain shape nests four levels deep; a tighter --max-depth is the
  // full reader's to report.
  if (limits.max_depth < 4 || needs_full_reader(text)) return false;
  Scratch& s = scratch();
  s.padded.assign(text);
  s.padded.reserve(text.size() + simdjson::SIMDJSON_PADDING);
  od::document doc;
  simdjson::padded_string_view input(s.padded.data(), s.padded.size(), s.padded.capacity());
  if (s.parser.iterate(input).get(doc)) return false;
  out.origin.assign(origin);
  return PlainReader(s.padded, origin, limits, out).read(doc);
}

}  // namespace mofcheck

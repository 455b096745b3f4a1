// SPDX-License-Identifier: Apache-2.0
#include "manifest/yaml_fast_path.hpp"

#include <libfyaml.h>

#include <cstdint>
#include <span>
#include <string>

#include "manifest/manifest_fields.hpp"
#include "syntax/doc_tree.hpp"
#include "syntax/yaml_events.hpp"
#include "util/line_index.hpp"

namespace mofcheck {

namespace {

// What the full reader (doc::parse_yaml's builder) makes of a scalar event.
struct Scalar {
  std::string_view text;
  std::size_t at = 0;  // where it starts: a quoted scalar at its quote
  bool null = false;
};

class PlainYamlReader {
 public:
  PlainYamlReader(std::string_view text, std::string_view origin, const ReadLimits& limits,
                  Manifest& out)
      : text_(text),
        origin_(origin),
        limits_(limits),
        out_(out),
        lines_(thread_lines()),
        events_(text) {
    lines_.reset(text);
  }

  bool read() {
    if (!expect(FYET_STREAM_START) || !expect(FYET_DOCUMENT_START)) return false;
    std::size_t at = 0;
    if (!mapping_start(next(), at)) return false;
    std::uint32_t seen = 0;
    static constexpr std::string_view kTop[] = {"framework", "release"};
    std::size_t release_key = 0;
    bool ok = members(seen, kTop, [&](int key, std::size_t key_at, fy_event* value) {
      if (key == 0) return read_framework(value);
      release_key = key_at;
      return read_release(value);
    });
    if (!ok || !(seen & 2u)) return false;
    // The full reader points at the `release` key itself.
    locate(release_key, out_.release_where);
    // One document, and nothing after it.
    if (!expect(FYET_DOCUMENT_END) || !expect(FYET_STREAM_END)) return false;
    return next() == nullptr && !events_.failed();
  }

 private:
  fy_event* next() {
    fy_event* e = events_.next();
    if (e && (e->type == FYET_SCALAR || e->type == FYET_MAPPING_START ||
              e->type == FYET_SEQUENCE_START || e->type == FYET_ALIAS)) {
      ++nodes_;  // the builder's node budget
    }
    return e;
  }
  bool expect(fy_event_type type) {
    fy_event* e = next();
    return e && e->type == type;
  }

  void locate(std::size_t at, SourceLocation& w) {
    auto [line, column] = lines_.at(at);
    w.file.assign(origin_);
    w.line = line;
    w.column = column;
  }

  // Where an event starts, when libfyaml marks it.
  static bool start_of(fy_event* e, std::size_t& at) {
    const fy_mark* m = fy_event_start_mark(e);
    if (!m || m->line < 0) return false;
    at = m->input_pos;
    return true;
  }

  // A collection start without anchor or tag.
  bool collection_start(fy_event* e, fy_event_type type, std::size_t& at) {
    if (!e || e->type != type || nodes_ > doc::max_nodes) return false;
    const bool bare = type == FYET_MAPPING_START
                          ? !e->mapping_start.anchor && !e->mapping_start.tag
                          : !e->sequence_start.anchor && !e->sequence_start.tag;
    return bare && start_of(e, at);
  }
  bool mapping_start(fy_event* e, std::size_t& at) {
    return collection_start(e, FYET_MAPPING_START, at);
  }

  // A flow or plain scalar without anchor or tag, read as the builder reads it.
  bool scalar(fy_event* e, Scalar& s) {
    if (!e || e->type != FYET_SCALAR || e->scalar.anchor || e->scalar.tag) return false;
    fy_token* value = e->scalar.value;
    if (!value || nodes_ > doc::max_nodes) return false;
    const fy_scalar_style style = fy_token_scalar_style(value);
    if (style != FYSS_PLAIN && style != FYSS_SINGLE_QUOTED && style != FYSS_DOUBLE_QUOTED) {
      return false;  // block scalars: the builder places them at their indicator
    }
    if (!start_of(e, s.at)) return false;
    // The source of the scalar (between the quotes of a quoted one).
    std::string_view raw;
    const fy_mark* start = fy_token_start_mark(value);
    const fy_mark* end = fy_token_end_mark(value);
    if (start && end && start->input_pos <= end->input_pos && end->input_pos <= text_.size()) {
      raw = text_.substr(start->input_pos, end->input_pos - start->input_pos);
    }
    const bool one_line = raw.data() && raw.find('\n') == std::string_view::npos;
    if (style == FYSS_SINGLE_QUOTED && raw.find("''") != std::string_view::npos) {
      // libfyaml misreads some '' escapes: decoded as the builder does.
      decoded_ = doc::single_quoted(raw);
      s.text = decoded_;
    } else if (one_line && (style != FYSS_DOUBLE_QUOTED || raw.find('\\') == raw.npos)) {
      s.text = raw;  // nothing to fold or unescape: the value is its source
    } else {
      std::size_t len = 0;
      const char* p = fy_token_get_text(value, &len);
      s.text = p ? std::string_view(p, len) : std::string_view();
    }
    if (style != FYSS_PLAIN) {
      const char quote = style == FYSS_SINGLE_QUOTED ? '\'' : '"';
      if (s.at > 0 && s.at <= text_.size() && text_[s.at - 1] == quote) --s.at;
    }
    if (s.text.size() > limits_.max_string) return false;
    s.null = style == FYSS_PLAIN && (s.text.empty() || s.text == "~" || s.text == "null" ||
                                     s.text == "Null" || s.text == "NULL");
    return true;
  }

  // Calls on(index of the key in `keys`, where the key starts, value event)
  // for each member of the mapping whose start was just read, to its end;
  // false for a key that is not a plain or quoted string of `keys`, or is
  // repeated.
  template <typename On>
  bool members(std::uint32_t& seen, std::span<const std::string_view> keys, On&& on) {
    for (;;) {
      fy_event* e = next();
      if (!e) return false;
      if (e->type == FYET_MAPPING_END) return true;
      Scalar key;
      if (!scalar(e, key) || key.null) return false;
      int index = 0;
      for (std::string_view known : keys) {
        if (known == key.text) break;
        ++index;
      }
      if (index == static_cast<int>(keys.size())) return false;
      const std::uint32_t bit = 1u << index;
      if (seen & bit) return false;
      seen |= bit;
      if (!on(index, key.at, next())) return false;
    }
  }

  // A string or null where text goes.
  bool text(fy_event* e, Field& f, bool license) {
    Scalar s;
    if (!scalar(e, s)) return false;
    f.present = true;
    locate(s.at, f.where);
    if (s.null) return true;
    f.value.assign(s.text);
    f.quoted = license && s.at < text_.size() && (text_[s.at] == '"' || text_[s.at] == '\'');
    return true;
  }

  template <typename Table, typename Owner>
  bool fields(const Table& table, Owner& owner) {
    static const auto keys = schema::keys(table, false);
    std::uint32_t seen = 0;
    return members(seen, keys, [&](int key, std::size_t, fy_event* value) {
      const auto& spec = table[static_cast<std::size_t>(key)];
      return text(value, owner.*spec.member, spec.license);
    });
  }

  // Null, or an empty list (the MOT writes [] where a mapping has nothing).
  // `nothing` tells whether it was one; otherwise the event must open a
  // mapping.
  bool nothing_or_mapping(fy_event* e, bool& nothing, std::size_t& at) {
    nothing = false;
    if (!e) return false;
    if (e->type == FYET_SCALAR) {
      Scalar s;
      if (!scalar(e, s) || !s.null) return false;
      nothing = true;
      at = s.at;
      return true;
    }
    if (e->type == FYET_SEQUENCE_START) {
      if (!collection_start(e, FYET_SEQUENCE_START, at)) return false;
      nothing = true;
      return expect(FYET_SEQUENCE_END);
    }
    return mapping_start(e, at);
  }

  bool read_framework(fy_event* e) {
    if (!e) return false;
    if (e->type == FYET_SCALAR) {
      Scalar s;
      return scalar(e, s) && s.null;
    }
    std::size_t at = 0;
    return mapping_start(e, at) && fields(schema::kFramework, out_);
  }

  bool read_release(fy_event* e) {
    std::size_t at = 0;
    if (!mapping_start(e, at)) return false;
    // Legacy spellings are the full reader's (it warns when both are given).
    static const auto keys =
        schema::keys(schema::kRelease, false, {schema::kLicenseKey, schema::kComponentsKey});
    constexpr int n = static_cast<int>(schema::kRelease.size());
    std::uint32_t seen = 0;
    bool ok = members(seen, keys, [&](int key, std::size_t, fy_event* value) {
      if (key < n) {
        const auto& spec = schema::kRelease[static_cast<std::size_t>(key)];
        return text(value, out_.*spec.member, spec.license);
      }
      if (key == n) return read_global_licenses(value);
      return read_components(value);
    });
    if (!(seen & (1u << (n + 1)))) out_.components.clear();
    return ok && !out_.name.value.empty();
  }

  bool read_global_licenses(fy_event* e) {
    bool nothing = false;
    std::size_t at = 0;
    if (!nothing_or_mapping(e, nothing, at)) return false;
    locate(at, out_.license_where);
    if (nothing) return true;
    static const auto keys = schema::keys(schema::kGlobalLicenses, false);
    std::uint32_t seen = 0;
    return members(seen, keys, [&](int key, std::size_t, fy_event* value) {
      GlobalLicense& g = out_.*schema::kGlobalLicenses[static_cast<std::size_t>(key)].member;
      bool none = false;
      std::size_t where = 0;
      if (!nothing_or_mapping(value, none, where)) return false;
      if (none) return true;
      g.present = true;
      locate(where, g.where);
      return fields(schema::kGlobalLicense, g);
    });
  }

  bool read_components(fy_event* e) {
    if (!e) return false;
    std::size_t at = 0;
    if (e->type == FYET_SCALAR) {
      Scalar s;
      if (!scalar(e, s) || !s.null) return false;
      locate(s.at, out_.components_where);
      out_.components.clear();
      return true;
    }
    if (!collection_start(e, FYET_SEQUENCE_START, at)) return false;
    locate(at, out_.components_where);
    std::size_t count = 0;
    for (;;) {
      fy_event* item = next();
      if (!item) return false;
      if (item->type == FYET_SEQUENCE_END) break;
      // Past the limit the full reader gives the error.
      if (count == limits_.max_components) return false;
      std::size_t item_at = 0;
      if (!mapping_start(item, item_at)) return false;
      // Entries left by an earlier record (emptied) are written over.
      ManifestComponent& c =
          count < out_.components.size() ? out_.components[count] : out_.components.emplace_back();
      ++count;
      locate(item_at, c.where);
      if (!fields(schema::kComponent, c) || c.name.value.empty()) return false;
    }
    out_.components.resize(count);
    return true;
  }

  std::string_view text_;
  std::string_view origin_;
  const ReadLimits& limits_;
  Manifest& out_;
  // One line index per thread, its room kept from record to record.
  static LineIndex& thread_lines() {
    thread_local LineIndex lines{{}};
    return lines;
  }

  LineIndex& lines_;
  doc::YamlEvents events_;
  std::size_t nodes_ = 0;
  std::string decoded_;  // a single-quoted scalar decoded here
};

}  // namespace

bool read_plain_yaml_manifest(std::string_view text, std::string_view origin,
                              const ReadLimits& limits, Manifest& out) {
  // The plain shape nests four levels deep; a tighter --max-depth is the
  // full reader's to report. Carriage returns and tabs take the guards of
  // the full reader (line feeds, the tab rule).
  // Positions count from after a byte order mark (parse_manifest strips it).
  if (limits.max_depth < 4 || text.starts_with("\xEF\xBB\xBF") ||
      text.find('\r') != std::string_view::npos || text.find('\t') != std::string_view::npos) {
    return false;
  }
  out.origin.assign(origin);
  return PlainYamlReader(text, origin, limits, out).read();
}

}  // namespace mofcheck

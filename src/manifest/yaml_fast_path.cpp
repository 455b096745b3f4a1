// SPDX-License-Identifier: Apache-2.0
#include "manifest/yaml_fast_path.hpp"

#include <libfyaml.h>

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "manifest/manifest_fields.hpp"
#include "syntax/doc_tree.hpp"
#include "syntax/yaml_block_scanner.hpp"
#include "syntax/yaml_events.hpp"
#include "util/line_index.hpp"

namespace mofcheck {

namespace {

using doc::PlainEvent;
using Type = PlainEvent::Type;
using Style = PlainEvent::Style;

// What the full reader (doc::parse_yaml's builder) makes of a scalar event.
struct Scalar {
  std::string_view text;
  std::size_t at = 0;  // where it starts: a quoted scalar at its quote
  bool null = false;
};

// libfyaml's events as PlainEvents: a text outside the block layout.
class LibfyamlEvents {
  static constexpr std::pair<fy_event_type, Type> kTypes[] = {
      {FYET_STREAM_START, Type::stream_start},
      {FYET_STREAM_END, Type::stream_end},
      {FYET_DOCUMENT_START, Type::document_start},
      {FYET_DOCUMENT_END, Type::document_end},
      {FYET_MAPPING_START, Type::mapping_start},
      {FYET_MAPPING_END, Type::mapping_end},
      {FYET_SEQUENCE_START, Type::sequence_start},
      {FYET_SEQUENCE_END, Type::sequence_end},
      {FYET_SCALAR, Type::scalar},
      {FYET_ALIAS, Type::alias}};

 public:
  explicit LibfyamlEvents(std::string_view text) : text_(text), events_(text) {}

  const PlainEvent* next() {
    fy_event* e = events_.next();
    if (!e) return nullptr;
    event_ = PlainEvent{};
    event_.type = Type::alias;  // and anything else the parser might give
    for (const auto& [theirs, ours] : kTypes) {
      if (e->type == theirs) event_.type = ours;
    }
    if (e->type == FYET_MAPPING_START) {
      event_.bare = !e->mapping_start.anchor && !e->mapping_start.tag;
    } else if (e->type == FYET_SEQUENCE_START) {
      event_.bare = !e->sequence_start.anchor && !e->sequence_start.tag;
    } else if (e->type == FYET_SCALAR) {
      event_.bare = !e->scalar.anchor && !e->scalar.tag;
      scalar(e);
    }
    if (const fy_mark* m = fy_event_start_mark(e); m && m->line >= 0) {
      event_.placed = true;
      event_.at = static_cast<std::size_t>(m->input_pos);
    }
    if (event_.type == Type::scalar && event_.style != Style::plain && event_.at > 0 &&
        event_.at <= text_.size()) {
      const char quote = event_.style == Style::single_quoted ? '\'' : '"';
      if (text_[event_.at - 1] == quote) --event_.at;  // libfyaml marks it after the quote
    }
    return &event_;
  }
  bool failed() const { return events_.failed(); }

 private:
  void scalar(fy_event* e) {
    fy_token* value = e->scalar.value;
    if (!value) {
      event_.style = Style::other;
      return;
    }
    switch (fy_token_scalar_style(value)) {
      case FYSS_PLAIN:
        event_.style = Style::plain;
        break;
      case FYSS_SINGLE_QUOTED:
        event_.style = Style::single_quoted;
        break;
      case FYSS_DOUBLE_QUOTED:
        event_.style = Style::double_quoted;
        break;
      default:
        event_.style = Style::other;  // block scalars: the builder places them at their indicator
        return;
    }
    // The source of the scalar (between the quotes of a quoted one).
    std::string_view raw;
    const fy_mark* start = fy_token_start_mark(value);
    const fy_mark* end = fy_token_end_mark(value);
    if (start && end && start->input_pos <= end->input_pos && end->input_pos <= text_.size()) {
      raw = text_.substr(start->input_pos, end->input_pos - start->input_pos);
    }
    const bool one_line = raw.data() && raw.find('\n') == std::string_view::npos;
    if (event_.style == Style::single_quoted && raw.find("''") != std::string_view::npos) {
      event_.text = raw;  // libfyaml misreads some '' escapes: the reader decodes them
    } else if (one_line && (event_.style != Style::double_quoted || raw.find('\\') == raw.npos)) {
      event_.text = raw;  // nothing to fold or unescape: the value is its source
    } else {
      std::size_t len = 0;
      const char* p = fy_token_get_text(value, &len);
      event_.text = p ? std::string_view(p, len) : std::string_view();
    }
  }

  std::string_view text_;
  doc::YamlEvents events_;
  PlainEvent event_;
};

// The block scanner's events, made beforehand.
class ScannedEvents {
 public:
  explicit ScannedEvents(const std::vector<PlainEvent>& events) : events_(events) {}
  const PlainEvent* next() { return at_ < events_.size() ? &events_[at_++] : nullptr; }
  bool failed() const { return false; }

 private:
  const std::vector<PlainEvent>& events_;
  std::size_t at_ = 0;
};

// One line index per thread, its room kept from record to record.
LineIndex& thread_lines() {
  thread_local LineIndex lines{{}};
  return lines;
}

template <typename Events>
class PlainYamlReader {
 public:
  PlainYamlReader(std::string_view text, std::string_view origin, const ReadLimits& limits,
                  Manifest& out, Events& events)
      : text_(text),
        origin_(origin),
        limits_(limits),
        out_(out),
        lines_(thread_lines()),
        events_(events) {
    lines_.reset(text);
  }

  bool read() {
    if (!expect(Type::stream_start) || !expect(Type::document_start)) return false;
    std::size_t at = 0;
    if (!mapping_start(next(), at)) return false;
    std::uint32_t seen = 0;
    static constexpr std::string_view kTop[] = {"framework", "release"};
    std::size_t release_key = 0;
    bool ok = members(seen, kTop, [&](int key, std::size_t key_at, const PlainEvent* value) {
      if (key == 0) return read_framework(value);
      release_key = key_at;
      return read_release(value);
    });
    if (!ok || !(seen & 2u)) return false;
    // The full reader points at the `release` key itself.
    locate(release_key, out_.release_where);
    // One document, and nothing after it.
    if (!expect(Type::document_end) || !expect(Type::stream_end)) return false;
    return next() == nullptr && !events_.failed();
  }

 private:
  const PlainEvent* next() {
    const PlainEvent* e = events_.next();
    if (e && (e->type == Type::scalar || e->type == Type::mapping_start ||
              e->type == Type::sequence_start || e->type == Type::alias)) {
      ++nodes_;  // the builder's node budget
    }
    return e;
  }
  bool expect(Type type) {
    const PlainEvent* e = next();
    return e && e->type == type;
  }

  void locate(std::size_t at, SourceLocation& w) {
    auto [line, column] = lines_.at(at);
    w.file.assign(origin_);
    w.line = line;
    w.column = column;
  }

  // A collection start without anchor or tag.
  bool collection_start(const PlainEvent* e, Type type, std::size_t& at) {
    if (!e || e->type != type || nodes_ > doc::max_nodes || !e->bare || !e->placed) return false;
    at = e->at;
    return true;
  }
  bool mapping_start(const PlainEvent* e, std::size_t& at) {
    return collection_start(e, Type::mapping_start, at);
  }

  // A flow or plain scalar without anchor or tag, read as the builder reads it.
  bool scalar(const PlainEvent* e, Scalar& s) {
    if (!e || e->type != Type::scalar || !e->bare || e->style == Style::other || !e->placed ||
        nodes_ > doc::max_nodes) {
      return false;
    }
    s.at = e->at;
    s.text = e->text;
    if (e->style == Style::single_quoted && s.text.find("''") != std::string_view::npos) {
      // libfyaml misreads some '' escapes: decoded as the builder does.
      decoded_ = doc::single_quoted(s.text);
      s.text = decoded_;
    }
    if (s.text.size() > limits_.max_string) return false;
    s.null = e->style == Style::plain && (s.text.empty() || s.text == "~" || s.text == "null" ||
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
      const PlainEvent* e = next();
      if (!e) return false;
      if (e->type == Type::mapping_end) return true;
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
  bool text(const PlainEvent* e, Field& f, bool license) {
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
    return members(seen, keys, [&](int key, std::size_t, const PlainEvent* value) {
      const auto& spec = table[static_cast<std::size_t>(key)];
      return text(value, owner.*spec.member, spec.license);
    });
  }

  // Null, or an empty list (the MOT writes [] where a mapping has nothing).
  // `nothing` tells whether it was one; otherwise the event must open a
  // mapping.
  bool nothing_or_mapping(const PlainEvent* e, bool& nothing, std::size_t& at) {
    nothing = false;
    if (!e) return false;
    if (e->type == Type::scalar) {
      Scalar s;
      if (!scalar(e, s) || !s.null) return false;
      nothing = true;
      at = s.at;
      return true;
    }
    if (e->type == Type::sequence_start) {
      if (!collection_start(e, Type::sequence_start, at)) return false;
      nothing = true;
      return expect(Type::sequence_end);
    }
    return mapping_start(e, at);
  }

  bool read_framework(const PlainEvent* e) {
    if (!e) return false;
    if (e->type == Type::scalar) {
      Scalar s;
      return scalar(e, s) && s.null;
    }
    std::size_t at = 0;
    return mapping_start(e, at) && fields(schema::kFramework, out_);
  }

  bool read_release(const PlainEvent* e) {
    std::size_t at = 0;
    if (!mapping_start(e, at)) return false;
    // Legacy spellings are the full reader's (it warns when both are given).
    static const auto keys =
        schema::keys(schema::kRelease, false, {schema::kLicenseKey, schema::kComponentsKey});
    constexpr int n = static_cast<int>(schema::kRelease.size());
    std::uint32_t seen = 0;
    bool ok = members(seen, keys, [&](int key, std::size_t, const PlainEvent* value) {
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

  bool read_global_licenses(const PlainEvent* e) {
    bool nothing = false;
    std::size_t at = 0;
    if (!nothing_or_mapping(e, nothing, at)) return false;
    locate(at, out_.license_where);
    if (nothing) return true;
    static const auto keys = schema::keys(schema::kGlobalLicenses, false);
    std::uint32_t seen = 0;
    return members(seen, keys, [&](int key, std::size_t, const PlainEvent* value) {
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

  bool read_components(const PlainEvent* e) {
    if (!e) return false;
    std::size_t at = 0;
    if (e->type == Type::scalar) {
      Scalar s;
      if (!scalar(e, s) || !s.null) return false;
      locate(s.at, out_.components_where);
      out_.components.clear();
      return true;
    }
    if (!collection_start(e, Type::sequence_start, at)) return false;
    locate(at, out_.components_where);
    std::size_t count = 0;
    for (;;) {
      const PlainEvent* item = next();
      if (!item) return false;
      if (item->type == Type::sequence_end) break;
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
  LineIndex& lines_;
  Events& events_;
  std::size_t nodes_ = 0;
  std::string decoded_;  // a single-quoted scalar decoded here
};

}  // namespace

bool read_plain_yaml_manifest(std::string_view text, std::string_view origin,
                              const ReadLimits& limits, Manifest& out, PlainYamlEvents from) {
  // The plain shape nests four levels deep; a tighter --max-depth is the
  // full reader's to report. Carriage returns and tabs take the guards of
  // the full reader (line feeds, the tab rule).
  // Positions count from after a byte order mark (parse_manifest strips it).
  if (limits.max_depth < 4 || text.starts_with("\xEF\xBB\xBF") ||
      text.find('\r') != std::string_view::npos || text.find('\t') != std::string_view::npos) {
    return false;
  }
  out.origin.assign(origin);
  // The block layout is scanned in a tenth of libfyaml's time. A text it
  // takes has the same events from libfyaml, so the reader's answer on them
  // is final; the others are libfyaml's to read.
  if (from != PlainYamlEvents::libfyaml) {
    thread_local std::vector<PlainEvent> scanned;
    if (doc::scan_block_yaml(text, scanned)) {
      ScannedEvents events(scanned);
      return PlainYamlReader(text, origin, limits, out, events).read();
    }
    if (from == PlainYamlEvents::block_scanner) return false;
  }
  LibfyamlEvents events(text);
  return PlainYamlReader(text, origin, limits, out, events).read();
}

}  // namespace mofcheck

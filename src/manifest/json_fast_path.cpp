// SPDX-License-Identifier: Apache-2.0
#include "manifest/json_fast_path.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include <rapidjson/reader.h>

#include "manifest/manifest_fields.hpp"
#include "util/ascii_scan.hpp"
#include "util/line_index.hpp"
#include "util/utf8.hpp"

namespace mofcheck {

namespace {

namespace rj = rapidjson;

// Strict JSON (RapidJSON's defaults: no comments, trailing commas, NaN or
// Infinity, one value and then only whitespace), strings decoded in place.
// UTF-8 is checked before, on the whole text (RapidJSON's own check,
// kParseValidateEncodingFlag, goes byte by byte and turns the string scan
// below off). Recursive descent: the handler declines the first container
// deeper than the plain shape (four levels), so the recursion is bounded by
// it, not by the input.
constexpr unsigned kFlags = rj::kParseInsituFlag;

// RapidJSON's in-situ stream over a buffer that holds at least 8 readable
// bytes past its terminating NUL, so that the string scan below may load
// eight bytes at a time without looking where the text ends.
struct PaddedStream : rj::InsituStringStream {
  using rj::InsituStringStream::GenericInsituStringStream;
  static constexpr std::size_t kReadPast = 8;
};

}  // namespace
}  // namespace mofcheck

namespace rapidjson {

// No local copies of the stream in ParseString (measured: fewer
// instructions without), so its Tell() is always current.
template <>
struct StreamTraits<mofcheck::PaddedStream> {
  enum { copyOptimization = 0 };
};

// RapidJSON's scan of the run of a string up to the next quote, backslash or
// control character, for the padded stream: eight bytes a step, in place
// (RapidJSON's own, for SSE2, goes byte by byte up to a 16-byte boundary
// first, most of a short string, and does nothing without SSE2).
template <>
template <>
inline void GenericReader<UTF8<>, UTF8<>, CrtAllocator>::ScanCopyUnescapedString<
    mofcheck::PaddedStream, mofcheck::PaddedStream>(mofcheck::PaddedStream& is,
                                                    mofcheck::PaddedStream& os) {
  namespace ascii = mofcheck::ascii;
  char* p = is.src_;
  char* q = os.dst_;  // behind p once an escape was decoded, else p
  for (;;) {
    std::uint64_t x;
    std::memcpy(&x, p, 8);
    const std::uint64_t stop =
        ascii::any_equal(x, '"') | ascii::any_equal(x, '\\') | ascii::any_below(x, 0x20);
    if (stop != 0) {
      // The lowest flagged byte is a true hit (the tests flag no byte below one).
      std::size_t n = 0;
      if constexpr (std::endian::native == std::endian::little) {
        n = static_cast<std::size_t>(std::countr_zero(stop)) / 8;
      } else {
        while (p[n] != '"' && p[n] != '\\' && static_cast<unsigned char>(p[n]) >= 0x20) ++n;
      }
      if (q != p) std::memmove(q, p, n);
      is.src_ = p + n;
      os.dst_ = q + n;
      return;
    }
    std::memcpy(q, &x, 8);  // the eight bytes are read: writing over them is safe
    p += 8;
    q += 8;
  }
}

}  // namespace rapidjson

namespace mofcheck {
namespace {

// The parser and the copy of the text it decodes strings into are kept
// between records.
struct Scratch {
  rj::Reader reader;
  std::string buffer;
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

// Whether `text` is well-formed UTF-8 (no overlong form, surrogate or value
// above U+10FFFF), as the full reader's encoding check wants it.
bool valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i + 8 <= text.size() && !ascii::any_high(ascii::load8(text, i))) i += 8;
    if (i == text.size()) break;
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = utf8_length(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

// Text the full reader rejects, or reads otherwise, although RapidJSON takes
// it: invalid UTF-8 and NUL are refused by the encoding check (and NUL would
// end RapidJSON's input); an escaped surrogate ("\uD8…") has exact rules of
// its own there. (DEL is text in JSON for both; other control characters
// RapidJSON refuses itself.) A false alarm only costs the slow path.
bool needs_full_reader(std::string_view text) {
  // Positions count from after a byte order mark; parse_manifest strips it.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") return true;
  if (text.find('\0') != std::string_view::npos || !valid_utf8(text)) return true;
  for (std::size_t i = 0; (i = text.find('\\', i)) != std::string_view::npos; i += 2) {
    if (i + 2 < text.size() && text[i + 1] == 'u' && (text[i + 2] == 'd' || text[i + 2] == 'D')) {
      return true;
    }
  }
  return false;
}

// The key tables of the plain shape, built once.
struct Keys {
  std::vector<std::string_view> framework = schema::keys(schema::kFramework, false);
  // Legacy spellings are the full reader's (it warns when both are given).
  std::vector<std::string_view> release =
      schema::keys(schema::kRelease, false, {schema::kLicenseKey, schema::kComponentsKey});
  std::vector<std::string_view> licenses = schema::keys(schema::kGlobalLicenses, false);
  std::vector<std::string_view> global = schema::keys(schema::kGlobalLicense, false);
  std::vector<std::string_view> component = schema::keys(schema::kComponent, false);
};

const Keys& keys() {
  static const Keys k;
  return k;
}

// A SAX handler that fills the Manifest as the events come and returns
// false (which stops RapidJSON) at the first thing the plain shape does not
// hold. Each open container is a frame; a value goes where the frame and
// the key before it say.
class PlainReader {
 public:
  PlainReader(std::string_view text, const char* buffer, PaddedStream& in, std::string_view origin,
              const ReadLimits& limits, Manifest& out)
      : text_(text),
        buffer_(buffer),
        in_(in),
        lines_(text),
        first_line_end_(std::min(text.find('\n'), text.size())),
        origin_(origin),
        limits_(limits),
        out_(out) {}

  // The result once RapidJSON has read the whole text without error.
  bool complete() {
    if (depth_ != 0 || !root_done_) return false;
    out_.components.resize(components_);
    return true;
  }

  // SAX events. Numbers and booleans are never plain.
  bool Null() { return value(Value::null, in_.Tell() - 4, {}); }
  bool Bool(bool) { return false; }
  bool Int(int) { return false; }
  bool Uint(unsigned) { return false; }
  bool Int64(std::int64_t) { return false; }
  bool Uint64(std::uint64_t) { return false; }
  bool Double(double) { return false; }
  bool RawNumber(const char*, rj::SizeType, bool) { return false; }
  bool String(const char* s, rj::SizeType length, bool) {
    return value(Value::string, quote_of(s), std::string_view(s, length));
  }
  bool StartObject() { return value(Value::object, in_.Tell() - 1, {}); }
  bool StartArray() { return value(Value::array, in_.Tell() - 1, {}); }
  bool Key(const char* s, rj::SizeType length, bool) {
    const std::size_t at = quote_of(s);
    // The key as written: it is a known key, unescaped, only when these
    // bytes are one and a quote ends them (an escaped key, even of a known
    // name, is the full reader's).
    const std::string_view key = text_.substr(at + 1, length);
    if (text_[at + 1 + length] != '"') return false;
    Frame& f = frames_[depth_ - 1];
    const std::span<const std::string_view> known = known_keys(f.kind);
    std::size_t index = 0;
    while (index < known.size() && known[index] != key) ++index;
    if (index == known.size()) return false;
    const std::uint32_t bit = 1u << index;
    if (f.seen & bit) return false;  // a repeated key
    f.seen |= bit;
    f.key = static_cast<int>(index);
    if (f.kind == Kind::root && index == 1) locate(at, out_.release_where);
    return true;
  }
  bool EndObject(rj::SizeType) { return end(); }
  bool EndArray(rj::SizeType) { return end(); }

 private:
  enum class Kind : std::uint8_t {
    root,        // {framework, release}
    framework,   // framework: text fields
    release,     // release: text fields, license, components
    licenses,    // release.license: one mapping per kind
    global,      // release.license.<kind>: text fields
    empty_list,  // [] for "nothing here"
    components,  // release.components: mappings
    component,   // one component: text fields
  };
  enum class Value : std::uint8_t { null, string, object, array };

  struct Frame {
    Kind kind;
    std::uint32_t seen = 0;  // bits of the keys met
    int key = -1;            // index of the key whose value comes next
    GlobalLicense* global = nullptr;
    ManifestComponent* component = nullptr;
  };

  // The byte offset of the opening quote of the string decoded in place at `s`.
  std::size_t quote_of(const char* s) const { return static_cast<std::size_t>(s - buffer_) - 1; }

  std::span<const std::string_view> known_keys(Kind kind) const {
    static constexpr std::string_view kTop[] = {"framework", "release"};
    const Keys& k = keys();
    switch (kind) {
      case Kind::root:
        return kTop;
      case Kind::framework:
        return k.framework;
      case Kind::release:
        return k.release;
      case Kind::licenses:
        return k.licenses;
      case Kind::global:
        return k.global;
      case Kind::component:
        return k.component;
      default:
        return {};
    }
  }

  // Sets `w` to the position of byte `at`, reusing the room of its file
  // name (a manifest read into again keeps it).
  void locate(std::size_t at, SourceLocation& w) {
    w.file.assign(origin_);
    if (at < first_line_end_) {  // all of an NDJSON record
      w.line = 1;
      w.column = static_cast<int>(at) + 1;
      return;
    }
    auto [line, column] = lines_.at(at);
    w.line = line;
    w.column = column;
  }

  bool push(Kind kind, GlobalLicense* g = nullptr, ManifestComponent* c = nullptr) {
    if (depth_ == frames_.size()) return false;
    frames_[depth_++] = Frame{kind, 0, -1, g, c};
    return true;
  }

  // A container closes: the checks that need all of its members.
  bool end() {
    const Frame& f = frames_[--depth_];
    switch (f.kind) {
      case Kind::root:
        root_done_ = true;
        return (f.seen & 2u) != 0;  // `release` is required
      case Kind::release:
        return !out_.name.value.empty();
      case Kind::component:
        return !f.component->name.value.empty();
      default:
        return true;
    }
  }

  // A string or null where text goes.
  bool text(Value v, std::size_t at, std::string_view s, Field& f, bool license) {
    if (v == Value::object || v == Value::array) return false;
    f.present = true;
    locate(at, f.where);
    if (v == Value::null) return true;
    if (s.size() > limits_.max_string) return false;
    f.value.assign(s);
    f.quoted = license;
    return true;
  }

  // null or [] for "nothing here", or a mapping of `kind`.
  bool mapping_or_nothing(Value v, Kind kind, GlobalLicense* g = nullptr) {
    switch (v) {
      case Value::null:
        return true;
      case Value::array:
        return push(Kind::empty_list);
      case Value::object:
        return push(kind, g);
      default:
        return false;
    }
  }

  // One value (a scalar, or the start of a container) at byte `at`.
  bool value(Value v, std::size_t at, std::string_view s) {
    if (depth_ == 0) {
      if (root_done_ || v != Value::object) return false;
      return push(Kind::root);
    }
    Frame& f = frames_[depth_ - 1];
    const int key = f.key;
    f.key = -1;
    switch (f.kind) {
      case Kind::root:
        if (key == 0) return v == Value::null || (v == Value::object && push(Kind::framework));
        return v == Value::object && push(Kind::release);
      case Kind::framework: {
        const auto& spec = schema::kFramework[static_cast<std::size_t>(key)];
        return text(v, at, s, out_.*spec.member, spec.license);
      }
      case Kind::release: {
        constexpr int n = static_cast<int>(schema::kRelease.size());
        if (key < n) {
          const auto& spec = schema::kRelease[static_cast<std::size_t>(key)];
          return text(v, at, s, out_.*spec.member, spec.license);
        }
        if (key == n) {
          locate(at, out_.license_where);
          return mapping_or_nothing(v, Kind::licenses);
        }
        locate(at, out_.components_where);
        if (v == Value::null) return true;
        return v == Value::array && push(Kind::components);
      }
      case Kind::licenses: {
        GlobalLicense& g = out_.*schema::kGlobalLicenses[static_cast<std::size_t>(key)].member;
        if (v == Value::object) {
          g.present = true;
          locate(at, g.where);
        }
        return mapping_or_nothing(v, Kind::global, &g);
      }
      case Kind::global: {
        const auto& spec = schema::kGlobalLicense[static_cast<std::size_t>(key)];
        return text(v, at, s, *f.global.*spec.member, spec.license);
      }
      case Kind::components: {
        // Past the limit the full reader gives the error.
        if (v != Value::object || components_ >= limits_.max_components) return false;
        // Entries left by an earlier record (cleared) are written over.
        ManifestComponent& c = components_ < out_.components.size()
                                   ? out_.components[components_]
                                   : out_.components.emplace_back();
        ++components_;
        locate(at, c.where);
        return push(Kind::component, nullptr, &c);
      }
      case Kind::component: {
        const auto& spec = schema::kComponent[static_cast<std::size_t>(key)];
        return text(v, at, s, f.component->*spec.member, spec.license);
      }
      case Kind::empty_list:
        return false;  // not empty: the full reader reports it
    }
    return false;
  }

  std::string_view text_;  // the manifest as given (strings in buffer_ are decoded)
  const char* buffer_;     // the copy RapidJSON reads and decodes in place
  PaddedStream& in_;       // its Tell() is the offset just read past
  LineIndex lines_;
  std::size_t first_line_end_;  // offset of the first line feed, or the size
  std::string_view origin_;
  const ReadLimits& limits_;
  Manifest& out_;
  std::array<Frame, 4> frames_{};  // the plain shape nests four levels deep
  std::size_t depth_ = 0;
  bool root_done_ = false;
  std::size_t components_ = 0;  // entries of out_.components read
};

}  // namespace

bool read_plain_json_manifest(std::string_view text, std::string_view origin,
                              const ReadLimits& limits, Manifest& out) {
  // The plain shape nests four levels deep; a tighter --max-depth is the
  // full reader's to report.
  if (limits.max_depth < 4 || needs_full_reader(text)) return false;
  Scratch& s = scratch();
  // RapidJSON reads up to the terminating NUL (the text holds none).
  s.buffer.reserve(text.size() + PaddedStream::kReadPast);
  s.buffer.assign(text);
  PaddedStream in(s.buffer.data());
  out.origin.assign(origin);
  PlainReader reader(text, s.buffer.data(), in, origin, limits, out);
  if (s.reader.Parse<kFlags>(in, reader).IsError()) return false;
  return reader.complete();
}

}  // namespace mofcheck

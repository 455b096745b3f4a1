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

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "manifest/manifest_fields.hpp"
#include "util/ascii_scan.hpp"
#include "util/line_index.hpp"
#include "util/utf8.hpp"

namespace mofcheck {
namespace {

// The text and a copy of it with room past its end, kept between records:
// strings are scanned sixteen (or eight) bytes a step, and the copy's NUL
// padding stops every scan at its end (the text holds no NUL:
// needs_full_reader).
struct Scratch {
  std::string buffer;
  std::string decoded;  // the last string with an escape, decoded
};
constexpr std::size_t kPadding = 16;

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

// Whether `text` is well-formed UTF-8 (no overlong form, surrogate or value
// above U+10FFFF), as the full reader's encoding check wants it, and holds
// no NUL. Runs of ASCII go sixteen (or eight) bytes a step.
bool clean_utf8(std::string_view text) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    while (i + 16 <= n) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
      // A NUL compares equal to zero, which sets its high bit here.
      if (_mm_movemask_epi8(_mm_or_si128(x, _mm_cmpeq_epi8(x, zero))) != 0) break;
      i += 16;
    }
#endif
    while (i + 8 <= n) {
      const std::uint64_t x = ascii::load8(text, i);
      if (ascii::any_high(x) || ascii::any_equal(x, 0)) break;
      i += 8;
    }
    if (i == n) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0) return false;
    if (c < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = utf8_length(text, i);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

// Text the full reader refuses before parsing, which the parser below
// would not see: invalid UTF-8 and NUL (the encoding check refuses both;
// NUL also marks the end of the reader's copy), and positions that count
// from after a byte order mark (parse_manifest strips one).
bool needs_full_reader(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" || !clean_utf8(text);
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

// Fills the Manifest from the events of PlainParser below and returns false
// (which stops it) at the first thing the plain shape does not hold. Each
// open container is a frame; a value goes where the frame and the key before
// it say.
class PlainReader {
 public:
  PlainReader(std::string_view text, std::string_view origin, const ReadLimits& limits,
              Manifest& out)
      : lines_(text),
        first_line_end_(std::min(text.find('\n'), text.size())),
        origin_(origin),
        limits_(limits),
        out_(out) {}

  // The result once the whole text is read.
  bool complete() {
    if (depth_ != 0 || !root_done_) return false;
    out_.components.resize(components_);
    return true;
  }

  enum class Value : std::uint8_t { null, string, object, array };

  // A key (unescaped) whose opening quote is at byte `at`.
  bool key(std::size_t at, std::string_view key) {
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

  // One value (a scalar, or the start of a container) at byte `at`; `s` is
  // a string's decoded text.
  bool value(Value v, std::size_t at, std::string_view s = {}) {
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

  struct Frame {
    Kind kind;
    std::uint32_t seen = 0;  // bits of the keys met
    int key = -1;            // index of the key whose value comes next
    GlobalLicense* global = nullptr;
    ManifestComponent* component = nullptr;
  };

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

// Strict JSON (RFC 8259), as far as the plain shape goes: objects, arrays,
// strings and null, with nothing but white space around them. Anything else
// (true, false, a number, a syntax error) declines, as does a key with an
// escape: the full reader decides those. Recursive descent, bounded by the
// reader, which declines the first container deeper than the plain shape.
//
// It reads the padded copy of the text: a NUL, which the text holds none
// of, marks its end. (RapidJSON's SAX reader did this before; this one
// reads a MOT-shaped record in 17,900 instructions against 25,900 there:
// the JSON paragraph of the README's Architecture.)
class PlainParser {
 public:
  PlainParser(const char* text, std::size_t size, std::string& decoded, PlainReader& reader)
      : begin_(text), p_(text), end_(text + size), decoded_(decoded), reader_(reader) {}

  bool document() {
    skip_space();
    if (!value()) return false;
    skip_space();
    return p_ == end_ && reader_.complete();
  }

 private:
  using Value = PlainReader::Value;

  std::size_t offset(const char* at) const { return static_cast<std::size_t>(at - begin_); }

  // (A record on one line has none: one test, as a rule.)
  [[gnu::always_inline]] void skip_space() {
    if (static_cast<unsigned char>(*p_) > ' ') return;
    while (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t') ++p_;
  }

  bool value() {
    const char* at = p_;
    switch (*p_) {
      case '"': {
        std::string_view s;
        return string(s, false) && reader_.value(Value::string, offset(at), s);
      }
      case '{':
        ++p_;
        return reader_.value(Value::object, offset(at)) && container('}', true);
      case '[':
        ++p_;
        return reader_.value(Value::array, offset(at)) && container(']', false);
      case 'n':
        if (std::memcmp(p_, "null", 4) != 0) return false;  // the padding makes 4 readable
        p_ += 4;
        return reader_.value(Value::null, offset(at));
      default:
        return false;
    }
  }

  // The members (`keyed`) or elements of a container after its opening
  // bracket, and its closing one.
  bool container(char close, bool keyed) {
    skip_space();
    if (*p_ != close) {
      for (;;) {
        if ((keyed && !key_and_colon()) || !value()) return false;
        skip_space();
        if (*p_ != ',') break;
        ++p_;
        skip_space();
      }
    }
    if (*p_ != close) return false;
    ++p_;
    return reader_.end();
  }

  // A member's key and the colon after it.
  bool key_and_colon() {
    if (*p_ != '"') return false;
    const char* at = p_;
    std::string_view name;
    if (!string(name, true) || !reader_.key(offset(at), name)) return false;
    skip_space();
    if (*p_ != ':') return false;
    ++p_;
    skip_space();
    return true;
  }

  // The run of plain bytes from p_: up to the next quote, backslash or
  // control character (the NUL past the end among them).
  [[gnu::always_inline]] void skip_plain() {
#if defined(__SSE2__)
    // Sixteen bytes a step: most strings of a manifest end within the first.
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i last_control = _mm_set1_epi8(0x1F);
    for (;;) {
      // The padding makes sixteen readable.
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p_));
      // A byte is a control character when the unsigned minimum with 0x1F is itself.
      const __m128i stop =
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                       _mm_cmpeq_epi8(_mm_min_epu8(x, last_control), x));
      if (const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(stop))) {
        p_ += std::countr_zero(mask);
        return;
      }
      p_ += 16;
    }
#else
    for (;;) {
      std::uint64_t x;
      std::memcpy(&x, p_, 8);  // the padding makes eight readable
      const std::uint64_t stop =
          ascii::any_equal(x, '"') | ascii::any_equal(x, '\\') | ascii::any_below(x, 0x20);
      if (stop == 0) {
        p_ += 8;
        continue;
      }
      if constexpr (std::endian::native == std::endian::little) {
        p_ += ascii::first_flagged(stop);
      } else {
        while (*p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20) ++p_;
      }
      return;
    }
#endif
  }

  static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  // The string at p_ (its opening quote), decoded into `out`: a view of the
  // text when it has no escape, else of decoded_. A key must have none.
  [[gnu::always_inline]] bool string(std::string_view& out, bool key) {
    const char* start = ++p_;
    skip_plain();
    if (*p_ == '"') [[likely]] {
      out = std::string_view(start, static_cast<std::size_t>(p_ - start));
      ++p_;
      return true;
    }
    return escaped(start, out, key);
  }

  // string() from the first byte that is not plain, at p_.
  bool escaped(const char* start, std::string_view& out, bool key) {
    if (*p_ != '\\' || key) return false;  // a control character or the end
    decoded_.assign(start, p_);
    for (;;) {
      // At a backslash.
      const char e = p_[1];
      p_ += 2;
      switch (e) {
        case '"':
        case '\\':
        case '/':
          decoded_ += e;
          break;
        case 'b':
          decoded_ += '\b';
          break;
        case 'f':
          decoded_ += '\f';
          break;
        case 'n':
          decoded_ += '\n';
          break;
        case 'r':
          decoded_ += '\r';
          break;
        case 't':
          decoded_ += '\t';
          break;
        case 'u': {
          unsigned code = 0;
          for (int i = 0; i < 4; ++i) {
            const int d = hex_digit(p_[i]);  // stops at the NUL past the end
            if (d < 0) return false;
            code = code << 4 | static_cast<unsigned>(d);
          }
          p_ += 4;
          // A surrogate (a pair, or one alone) is the full reader's.
          if (code >= 0xD800 && code <= 0xDFFF) return false;
          if (code < 0x80) {
            decoded_ += static_cast<char>(code);
          } else if (code < 0x800) {
            decoded_ += static_cast<char>(0xC0 | code >> 6);
            decoded_ += static_cast<char>(0x80 | (code & 0x3F));
          } else {
            decoded_ += static_cast<char>(0xE0 | code >> 12);
            decoded_ += static_cast<char>(0x80 | (code >> 6 & 0x3F));
            decoded_ += static_cast<char>(0x80 | (code & 0x3F));
          }
          break;
        }
        default:
          return false;  // not an escape JSON has (or the end)
      }
      const char* run = p_;
      skip_plain();
      decoded_.append(run, p_);
      if (*p_ == '"') {
        ++p_;
        out = decoded_;
        return true;
      }
      if (*p_ != '\\') return false;
    }
  }

  const char* begin_;
  const char* p_;
  const char* end_;  // where the NUL padding starts
  std::string& decoded_;
  PlainReader& reader_;
};

}  // namespace

bool read_plain_json_manifest(std::string_view text, std::string_view origin,
                              const ReadLimits& limits, Manifest& out) {
  // The plain shape nests four levels deep; a tighter --max-depth is the
  // full reader's to report.
  if (limits.max_depth < 4 || needs_full_reader(text)) return false;
  Scratch& s = scratch();
  s.buffer.reserve(text.size() + kPadding);
  s.buffer.assign(text);
  s.buffer.append(kPadding, '\0');
  out.origin.assign(origin);
  PlainReader reader(text, origin, limits, out);
  return PlainParser(s.buffer.data(), text.size(), s.decoded, reader).document();
}

}  // namespace mofcheck

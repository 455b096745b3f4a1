// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/manifest.hpp>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <initializer_list>
#include <span>

#include "manifest/json_fast_path.hpp"
#include "manifest/manifest_fields.hpp"
#include "manifest/manifest_full_reader.hpp"
#include "manifest/manifest_reuse.hpp"
#include "manifest/yaml_fast_path.hpp"
#include "syntax/doc_tree.hpp"
#include "util/known_keys.hpp"
#include "util/line_index.hpp"
#include "util/text_encoding.hpp"

namespace mofcheck {

namespace {

using doc::Node;

class Reader {
 public:
  Reader(std::string_view origin, const ReadLimits& limits, Manifest& out,
         std::string_view text = {}, const char* syntax = "JSON")
      : origin_(origin), limits_(limits), out_(out), text_(text), syntax_(syntax) {}

  void read(const Node& root) {
    if (root.kind != Node::Kind::object) {
      // Names the syntax: valid JSON of the wrong shape is not a JSON error.
      fail(root, std::string("a manifest must be a mapping with 'framework' and 'release'; this ") +
                     syntax_ + " document is " + doc::kind_name(root.kind));
    }
    // `id` and `classification` are what the MOT's API adds to a record.
    static constexpr std::string_view kTop[] = {"id", "framework", "release", "classification"};
    check_keys(root, kTop, [] { return std::string(); });
    if (const Node* id = root.get("id")) read_id(*id);
    if (const Node* c = root.get("classification")) read_classification(*c);
    if (const Node* fw = root.get("framework")) read_framework(*fw);
    const Node* release = root.get("release");
    if (!release)
      fail(root, "the manifest has no 'release' section; add release.name and release.components");
    read_release(*release);
    // Point at the `release` key itself: in YAML its mapping value starts a line later.
    for (std::size_t i = 0; i < root.members.size(); ++i) {
      if (root.members[i].first != "release" || i >= root.key_positions.size()) continue;
      out_.release_where.line = root.key_positions[i].first;
      out_.release_where.column = root.key_positions[i].second;
    }
  }

 private:
  [[noreturn]] void fail(const Node& at, const std::string& message) {
    throw Error(loc(at), message);
  }
  SourceLocation loc(const Node& n) const { return {std::string(origin_), n.line, n.column}; }
  // loc(n) into `w`, keeping the room of its file name (a manifest read
  // into again).
  void locate(SourceLocation& w, const Node& n) const {
    w.file.assign(origin_);
    w.line = n.line;
    w.column = n.column;
  }

  void warn(const Node& at, std::string code, std::string message) {
    out_.diagnostics.push_back(
        {Severity::warning, std::move(code), std::move(message), {}, loc(at)});
  }

  // `where` (as every `path` below) is a function giving the path of the
  // map: the text is only made for a message.
  template <typename Path>
  void check_keys(const Node& map, std::span<const std::string_view> known, const Path& where) {
    mofcheck::check_keys(
        map.members, known, [](const auto& m) -> const std::string& { return m.first; },
        [&](std::size_t i, const auto&, const std::string& key, const std::string& list) {
          Node at;
          at.line = map.key_positions[i].first;
          at.column = map.key_positions[i].second;
          const std::string path = where();
          warn(at, "unknown-key",
               "unknown key '" + (path.empty() ? key : path + "." + key) +
                   "' is ignored (known: " + list + ")");
        });
  }

  // The text at `n` (absent when `n` is null) into `f`, which is empty.
  template <typename Path>
  void text(Field& f, const Node* n, const Path& path) {
    if (!n) return;
    f.present = true;
    locate(f.where, *n);
    switch (n->kind) {
      case Node::Kind::string:
        f.value.assign(n->text);
        break;
      case Node::Kind::null:
        break;
      case Node::Kind::number:
      case Node::Kind::boolean:
        f.value.assign(n->text);
        warn(*n, "not-a-string",
             "'" + path() + "' is " + doc::kind_name(n->kind) + "; write it as a string (\"" +
                 n->text + "\")");
        break;
      case Node::Kind::array:
      case Node::Kind::object:
        fail(*n, "'" + path() + "' must be a string, not " + doc::kind_name(n->kind));
    }
  }

  template <typename Path>
  const Node& require_object(const Node& n, const Path& path) {
    if (n.kind != Node::Kind::object) {
      fail(n, "'" + path() + "' must be a mapping, not " + doc::kind_name(n.kind));
    }
    return n;
  }

  void read_id(const Node& id) {
    out_.mot_id.present = true;
    locate(out_.mot_id.where, id);
    if (id.kind != Node::Kind::string && id.kind != Node::Kind::number) {
      fail(id, std::string("'id' must be a string or a number, not ") + doc::kind_name(id.kind));
    }
    out_.mot_id.value = id.text;
  }

  double number(const Node& n, const std::string& path) {
    if (n.kind != Node::Kind::number) {
      fail(n, "'" + path + "' must be a number, not " + doc::kind_name(n.kind));
    }
    return std::strtod(n.text.c_str(), nullptr);
  }

  void read_classification(const Node& c) {
    if (c.kind == Node::Kind::null) return;
    auto path = [] { return std::string("classification"); };
    require_object(c, path);
    static constexpr std::string_view kKeys[] = {"class", "label", "progress"};
    check_keys(c, kKeys, path);
    PublishedClassification& p = out_.published;
    p.where = loc(c);
    const Node* cls = c.get("class");
    if (!cls) fail(c, "'classification' has no 'class'");
    const double level = number(*cls, "classification.class");
    if (level != static_cast<int>(level) || level < 0 || level > 9) {
      fail(*cls, "'classification.class' must be a class level (0 to 3)");
    }
    p.present = true;
    p.model_class = static_cast<int>(level);
    if (const Node* l = c.get("label")) {
      Field label;
      text(label, l, [] { return std::string("classification.label"); });
      p.label = std::move(label.value);
    }
    const Node* prog = c.get("progress");
    if (!prog || prog->kind == Node::Kind::null) return;
    require_object(*prog, [] { return std::string("classification.progress"); });
    for (std::size_t i = 0; i < prog->members.size(); ++i) {
      const std::string& key = prog->members[i].first;
      const std::string member_path = "classification.progress." + key;
      if (key.size() != 1 || key[0] < '0' || key[0] > '9') {
        fail(prog->members[i].second, "'" + member_path + "' is not a class level");
      }
      const auto l = static_cast<std::size_t>(key[0] - '0');
      if (p.progress.size() <= l) {
        p.progress.resize(l + 1, 0.0);
        p.has_progress.resize(l + 1, false);
      }
      p.progress[l] = number(prog->members[i].second, member_path);
      p.has_progress[l] = true;
    }
  }

  void read_framework(const Node& fw) {
    if (fw.kind == Node::Kind::null) return;
    auto path = [] { return std::string("framework"); };
    require_object(fw, path);
    static const auto known = schema::keys(schema::kFramework, true);
    check_keys(fw, known, path);
    read_fields(fw, schema::kFramework, path, out_);
  }

  // Reads the fields [from, to) of `table` from `map` (at `path`) into `out`.
  template <typename Table, typename Path, typename Owner>
  void read_fields(const Node& map, const Table& table, const Path& path, Owner& out,
                   std::size_t from = 0, std::size_t to = static_cast<std::size_t>(-1)) {
    for (std::size_t i = from; i < table.size() && i < to; ++i) {
      const auto& f = table[i];
      const Node* n = f.legacy.empty() ? map.get(f.key) : either(map, f, path);
      auto field_path = [&] { return path() + "." + std::string(f.key); };
      if (f.license) {
        license_text(out.*f.member, n, field_path);
      } else {
        text(out.*f.member, n, field_path);
      }
    }
  }

  // Earlier MOT records spell some keys differently (`license_name`,
  // `location`, `github`); both spellings are read, the current one wins.
  template <typename Spec, typename Path>
  const Node* either(const Node& map, const Spec& f, const Path& path) {
    const Node* current = map.get(f.key);
    const Node* old = map.get(f.legacy);
    if (current && old) {
      warn(*old, "unknown-key",
           "'" + path() + "." + std::string(f.legacy) + "' is ignored because '" +
               std::string(f.key) + "' is given too");
    }
    return current ? current : old;
  }

  void read_release(const Node& r) {
    auto path = [] { return std::string("release"); };
    require_object(r, path);
    locate(out_.release_where, r);
    static const auto known =
        schema::keys(schema::kRelease, true, {schema::kLicenseKey, schema::kComponentsKey});
    check_keys(r, known, path);
    // The name (the table's first field) first: without it nothing else matters.
    read_fields(r, schema::kRelease, path, out_, 0, 1);
    if (out_.name.value.empty()) {
      fail(r.get("name") ? *r.get("name") : r, "'release.name' is required: give the model's name");
    }
    read_fields(r, schema::kRelease, path, out_, 1);
    if (const Node* lic = r.get(schema::kLicenseKey)) read_global_licenses(*lic);
    if (const Node* comps = r.get(schema::kComponentsKey)) {
      read_components(*comps);
    } else {
      out_.components.clear();
    }
  }

  void read_global_licenses(const Node& lic) {
    locate(out_.license_where, lic);
    // The MOT writes an empty list when a model has no global license.
    if (lic.kind == Node::Kind::null) return;
    if (lic.kind == Node::Kind::array && lic.items.empty()) return;
    auto lic_path = [] { return std::string("release.license"); };
    require_object(lic, lic_path);
    static const auto kinds = schema::keys(schema::kGlobalLicenses, false);
    static const auto known = schema::keys(schema::kGlobalLicense, true);
    check_keys(lic, kinds, lic_path);
    for (const auto& slot : schema::kGlobalLicenses) {
      const Node* n = lic.get(slot.key);
      if (!n || n->kind == Node::Kind::null) continue;
      if (n->kind == Node::Kind::array && n->items.empty()) continue;
      auto path = [&] { return "release.license." + std::string(slot.key); };
      require_object(*n, path);
      check_keys(*n, known, path);
      GlobalLicense& g = out_.*slot.member;
      g.present = true;
      locate(g.where, *n);
      read_fields(*n, schema::kGlobalLicense, path, g);
    }
  }

  void read_components(const Node& list) {
    locate(out_.components_where, list);
    if (list.kind == Node::Kind::null) {
      out_.components.clear();
      return;
    }
    if (list.kind != Node::Kind::array) {
      fail(list, std::string("'release.components' must be a list of components, not ") +
                     doc::kind_name(list.kind));
    }
    if (list.items.size() > limits_.max_components) {
      fail(list, "'release.components' has " + std::to_string(list.items.size()) +
                     " entries, more than the limit of " + std::to_string(limits_.max_components));
    }
    // Entries an earlier record left (emptied by empty_keeping_room) are
    // written over; the list is cut to this record's at the end.
    out_.components.resize(list.items.size());
    for (std::size_t i = 0; i < list.items.size(); ++i) {
      const Node& item = list.items[i];
      auto path = [i] { return "release.components[" + std::to_string(i) + "]"; };
      require_object(item, path);
      static const auto known = schema::keys(schema::kComponent, true);
      check_keys(item, known, path);
      ManifestComponent& c = out_.components[i];
      locate(c.where, item);
      // The name (the table's first field) first, as for the release.
      read_fields(item, schema::kComponent, path, c, 0, 1);
      if (c.name.value.empty()) fail(item, "'" + path() + "' has no 'name'; name the component");
      read_fields(item, schema::kComponent, path, c, 1);
    }
  }

  // Whether the value at a node's position opens with a quote, so that a
  // column inside the value can be mapped to the file. Lines are indexed
  // lazily: only license fields ask.
  bool quoted_at(const Node& n) {
    std::size_t at = lines_.offset(n.line, n.column);
    return at != std::string_view::npos && (text_[at] == '"' || text_[at] == '\'');
  }

  template <typename Path>
  void license_text(Field& f, const Node* n, const Path& path) {
    text(f, n, path);
    if (n && n->kind == Node::Kind::string) f.quoted = quoted_at(*n);
  }

  std::string_view origin_;
  const ReadLimits& limits_;
  Manifest& out_;
  std::string_view text_;
  const char* syntax_;
  LineIndex lines_{text_};
};

bool looks_like_json(std::string_view text) {
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '{' || c == '[';
  }
  return false;
}

}  // namespace

namespace {

void check_size(std::string_view text, std::string_view origin, const ReadLimits& limits) {
  if (text.size() > limits.max_bytes) {
    throw Error({std::string(origin), 0, 0},
                "input of " + std::to_string(text.size()) + " bytes exceeds the limit of " +
                    std::to_string(limits.max_bytes) + " bytes",
                ErrorKind::input_too_large);
  }
}

InputSyntax decide_syntax(std::string_view text, InputSyntax syntax) {
  if (syntax != InputSyntax::automatic) return syntax;
  return looks_like_json(text) ? InputSyntax::json : InputSyntax::yaml;
}

std::string_view without_bom(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

bool has_extension(std::string_view path, std::string_view ext) {
  if (path.size() <= ext.size()) return false;
  std::string_view tail = path.substr(path.size() - ext.size());
  for (std::size_t i = 0; i < ext.size(); ++i) {
    char c = tail[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != ext[i]) return false;
  }
  return true;
}

}  // namespace

InputSyntax syntax_for_name(std::string_view path) {
  for (std::string_view ext : {".json", ".jsonl", ".ndjson"}) {
    if (has_extension(path, ext)) return InputSyntax::json;
  }
  for (std::string_view ext : {".yml", ".yaml"}) {
    if (has_extension(path, ext)) return InputSyntax::yaml;
  }
  return InputSyntax::automatic;
}

InputSyntax resolve_syntax(InputSyntax chosen, std::string_view path) {
  return chosen != InputSyntax::automatic ? chosen : syntax_for_name(path);
}

namespace {

// read_manifest_fully() into `m`, a default Manifest or one emptied by
// empty_keeping_room() (whose strings keep their room).
void read_fully_into(Manifest& m, std::string_view text, std::string_view origin,
                     InputSyntax syntax, const ReadLimits& limits) {
  check_size(text, origin, limits);
  const bool json = decide_syntax(without_bom(text), syntax) == InputSyntax::json;
  check_text_encoding(text, origin, json ? TextRules::json : TextRules::any);
  text = without_bom(text);
  m.origin.assign(origin);
  Node root =
      json ? doc::parse_json(text, origin, limits.max_depth, limits.max_string)
           : doc::parse_yaml(text, origin, limits.max_depth, limits.max_string, &m.diagnostics);
  Reader(origin, limits, m, text, json ? "JSON" : "YAML").read(root);
}

// The plain JSON or YAML path on `body` (`text` without its byte order
// mark) into `m`, a default or emptied Manifest; false when the full reader
// must decide. A YAML text's encoding is checked first, as the full reader
// does (libfyaml must not see invalid UTF-8), and an error there is thrown.
bool read_plain(std::string_view body, std::string_view text, std::string_view origin,
                InputSyntax syntax, const ReadLimits& limits, Manifest& m) {
  if (decide_syntax(body, syntax) == InputSyntax::json) {
    return read_plain_json_manifest(body, origin, limits, m);
  }
  if (body.size() != text.size()) return false;  // positions count from after a BOM there
  check_text_encoding(text, origin, TextRules::any);
  return read_plain_yaml_manifest(body, origin, limits, m);
}

}  // namespace

Manifest read_manifest_fully(std::string_view text, std::string_view origin, InputSyntax syntax,
                             const ReadLimits& limits) {
  Manifest m;
  read_fully_into(m, text, origin, syntax, limits);
  return m;
}

Manifest parse_manifest(std::string_view text, std::string_view origin, InputSyntax syntax,
                        const ReadLimits& limits) {
  check_size(text, origin, limits);
  std::string_view body = without_bom(text);
  // One named result, so the common path returns it without a move.
  Manifest m;
  if (!read_plain(body, text, origin, syntax, limits, m)) {
    m = read_manifest_fully(text, origin, syntax, limits);
  }
  return m;
}

namespace {

void clear_location(SourceLocation& w) {
  w.file.clear();
  w.line = w.column = 0;
}

// `m` as a default Manifest, but its strings and lists keep their room; the
// components stay in place, emptied, for the fast path to write over (it
// cuts the list to the entries it read).
void empty_keeping_room(Manifest& m) {
  m.origin.clear();
  m.record = 0;
  auto clear_field = [](Field& f) {
    f.value.clear();
    clear_location(f.where);
    f.present = f.quoted = false;
  };
  schema::for_each_field(m, clear_field);
  clear_field(m.mot_id);
  for (const auto& g : schema::kGlobalLicenses) {
    GlobalLicense& license = m.*g.member;
    clear_location(license.where);
    license.present = false;
  }
  for (SourceLocation* w : {&m.release_where, &m.license_where, &m.components_where}) {
    clear_location(*w);
  }
  for (ManifestComponent& c : m.components) clear_location(c.where);
  m.published = PublishedClassification{};
  m.diagnostics.clear();
}

}  // namespace

void parse_manifest_into(Manifest& out, std::string_view text, std::string_view origin,
                         InputSyntax syntax, const ReadLimits& limits) {
  check_size(text, origin, limits);
  std::string_view body = without_bom(text);
  empty_keeping_room(out);
  if (read_plain(body, text, origin, syntax, limits, out)) return;
  empty_keeping_room(out);  // what a plain path wrote before it gave up
  read_fully_into(out, text, origin, syntax, limits);
}

bool looks_like_api_page(std::string_view text) {
  text = without_bom(text);
  std::size_t i = 0;
  auto skip = [&] {
    while (i < text.size() &&
           (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) {
      ++i;
    }
  };
  skip();
  if (i >= text.size() || text[i] != '{') return false;
  ++i;
  skip();
  std::string_view rest = text.substr(i);
  return rest.starts_with("\"pager\"") || rest.starts_with("\"models\"");
}

std::vector<PageRecord> parse_api_page(std::string_view text, std::string_view origin,
                                       const ReadLimits& limits) {
  check_size(text, origin, limits);
  check_text_encoding(text, origin, TextRules::json);
  text = without_bom(text);
  Node root = doc::parse_json(text, origin, limits.max_depth, limits.max_string);
  const Node* models = root.kind == Node::Kind::object ? root.get("models") : nullptr;
  if (!models || models->kind != Node::Kind::array) {
    throw Error({std::string(origin), root.line, root.column},
                "a page of the MOT's API needs a 'models' list");
  }
  std::vector<PageRecord> out;
  out.reserve(models->items.size());
  for (std::size_t i = 0; i < models->items.size(); ++i) {
    PageRecord& rec = out.emplace_back();
    Manifest m;
    m.origin = std::string(origin) + "#" + std::to_string(i + 1);
    m.record = i + 1;
    try {
      Reader(m.origin, limits, m, text).read(models->items[i]);
      rec.manifest.emplace(std::move(m));
    } catch (const Error& e) {
      rec.error.emplace(e);
    }
  }
  return out;
}

namespace {

void offset(SourceLocation& where, int line, int column) {
  if (where.line <= 0) return;
  if (where.line == 1 && where.column > 0) where.column += column - 1;
  where.line += line - 1;
}

}  // namespace

void offset_positions(Manifest& m, int line, int column) {
  schema::for_each_field(m, [&](Field& f) { offset(f.where, line, column); });
  for (const auto& g : schema::kGlobalLicenses) offset((m.*g.member).where, line, column);
  offset(m.mot_id.where, line, column);
  for (SourceLocation* w :
       {&m.release_where, &m.license_where, &m.components_where, &m.published.where}) {
    offset(*w, line, column);
  }
  for (auto& c : m.components) offset(c.where, line, column);
  for (auto& d : m.diagnostics) offset(d.where, line, column);
}

std::string read_input(const std::string& path, std::size_t max_bytes) {
  const std::string shown = path == "-" ? "<stdin>" : path;
  std::FILE* f = stdin;
  if (path != "-") {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      throw Error({shown, 0, 0}, "is a directory, not a file");
    }
    f = std::fopen(path.c_str(), "rb");
    if (!f) throw Error({shown, 0, 0}, std::string("cannot read: ") + std::strerror(errno));
  }
  std::string data;
  char buf[65536];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    data.append(buf, n);
    if (data.size() > max_bytes) {
      if (f != stdin) std::fclose(f);
      throw Error({shown, 0, 0},
                  "input exceeds the limit of " + std::to_string(max_bytes) + " bytes",
                  ErrorKind::input_too_large);
    }
  }
  bool failed = std::ferror(f) != 0;
  int err = errno;
  if (f != stdin) std::fclose(f);
  if (failed) throw Error({shown, 0, 0}, std::string("cannot read: ") + std::strerror(err));
  return data;
}

}  // namespace mofcheck

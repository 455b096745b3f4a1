// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/fix.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>

#include "evaluate/license_memo.hpp"
#include "manifest/manifest_fields.hpp"
#include "util/diagnostic_codes.hpp"
#include "util/line_index.hpp"

namespace mofcheck {

namespace {

// Which license value of a manifest: a global one, or the `component`th component's.
struct LicenseSlot {
  const char* global = nullptr;
  std::size_t component = 0;
  std::string_view key;  // the component's field

  // The field's path, e.g. "release.components[2].license"; built only when
  // needed, as scoring plans edits for every record and nearly all need none.
  std::string path() const {
    return global ? std::string(global)
                  : "release.components[" + std::to_string(component) + "]." + std::string(key);
  }
};

// Calls f(slot, field) for every license value a manifest can write (the
// license fields of the schema table).
template <typename M, typename F>
void for_each_license(M& m, F&& f) {
  for (const auto& g : schema::kGlobalLicenses) {
    for (const auto& s : schema::kGlobalLicense) {
      if (s.license) f(LicenseSlot{g.name_path, 0, {}}, (m.*g.member).*s.member);
    }
  }
  for (std::size_t i = 0; i < m.components.size(); ++i) {
    for (const auto& s : schema::kComponent) {
      auto& field = m.components[i].*s.member;
      if (s.license && field.present) f(LicenseSlot{nullptr, i, s.key}, field);
    }
  }
}

bool is_json(std::string_view text) {
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '{' || c == '[';
  }
  return false;
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  return out + '"';
}

// A canonical SPDX text YAML reads back unchanged as a plain scalar, in block
// and in flow context alike.
bool plain_safe(std::string_view s) {
  if (s.empty()) return false;
  char first = s.front();
  if (!((first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z') ||
        (first >= '0' && first <= '9') || first == '(')) {
    return false;
  }
  for (char c : s) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == ' ' || c == '.' || c == '-' || c == '+' || c == '(' || c == ')';
    if (!ok) return false;
  }
  return s.back() != ' ';
}

std::string_view trim_blanks_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// The bytes of one value in the text and what replaces them.
struct Splice {
  std::size_t begin = 0, end = 0;
  std::string text;
};

class Editor {
 public:
  Editor(std::string_view text, bool json) : text_(text), lines_(text), json_(json) {}

  Splice splice(const LicenseEdit& e) const {
    std::size_t at = lines_.offset(e.where.line, e.where.column);
    if (at == std::string_view::npos) refuse(e, "its position is not in the text");
    return json_ ? json_splice(e, at) : yaml_splice(e, at);
  }

 private:
  [[noreturn]] static void refuse(const LicenseEdit& e, const std::string& why) {
    throw Error(e.where, "cannot rewrite " + e.field + " ('" + e.written + "' -> '" +
                             e.replacement + "'): " + why + "; nothing was written");
  }

  Splice json_splice(const LicenseEdit& e, std::size_t at) const {
    if (text_[at] != '"') refuse(e, "it is not a JSON string; write it as one first");
    std::size_t i = at + 1;
    while (i < text_.size() && text_[i] != '"') i += text_[i] == '\\' ? 2 : 1;
    if (i >= text_.size()) refuse(e, "its string does not end");
    return {at, i + 1, json_string(e.replacement)};
  }

  Splice yaml_splice(const LicenseEdit& e, std::size_t at) const {
    switch (text_[at]) {
      case '|':
      case '>':
        refuse(e, "it is a YAML block scalar; write it on one line, or edit it by hand");
      case '&':
        refuse(e, "it carries a YAML anchor that other values may reuse; edit it by hand");
      case '*':
        refuse(e, "it is a YAML alias of another value; fix the anchored value by hand");
      case '"': {
        std::size_t i = at + 1;
        while (i < text_.size() && text_[i] != '"' && text_[i] != '\n') {
          i += text_[i] == '\\' ? 2 : 1;
        }
        if (i >= text_.size() || text_[i] != '"') refuse(e, multi_line);
        std::string quoted = "\"";
        for (char c : e.replacement) {
          if (c == '"' || c == '\\') quoted += '\\';
          quoted += c;
        }
        return {at, i + 1, quoted + '"'};
      }
      case '\'': {
        std::size_t i = at + 1;
        while (i < text_.size() && text_[i] != '\n') {
          if (text_[i] == '\'') {
            if (i + 1 < text_.size() && text_[i + 1] == '\'') {
              i += 2;
              continue;
            }
            break;
          }
          ++i;
        }
        if (i >= text_.size() || text_[i] != '\'') refuse(e, multi_line);
        std::string quoted = "'";
        for (char c : e.replacement) {
          quoted += c;
          if (c == '\'') quoted += '\'';
        }
        return {at, i + 1, quoted + '\''};
      }
      default:
        break;
    }
    // A plain scalar: the rest of the line up to a comment, or, in a flow
    // collection, up to the next ',', ']' or '}'. It must read as the value.
    std::size_t eol = text_.find('\n', at);
    std::string_view line = text_.substr(at, eol == std::string_view::npos ? eol : eol - at);
    for (std::size_t i = 1; i < line.size(); ++i) {
      if (line[i] == '#' && (line[i - 1] == ' ' || line[i - 1] == '\t')) {
        line = line.substr(0, i);
        break;
      }
    }
    std::string_view value = trim_blanks_right(line);
    if (value != e.written) {
      value = trim_blanks_right(value.substr(0, value.find_first_of(",]}")));
      if (value != e.written) refuse(e, multi_line);
    }
    std::string replacement =
        plain_safe(e.replacement) ? e.replacement : json_string(e.replacement);
    return {at, at + value.size(), replacement};
  }

  static constexpr const char* multi_line =
      "it is spread over several lines; write it on one line, or edit it by hand";

  std::string_view text_;
  mutable LineIndex lines_;  // indexed lazily, on the first splice
  bool json_;
};

// Reads the fixed text back: every license must read as planned and the
// components must be the same, or the rewrite went wrong somewhere.
void verify(const Manifest& before, const std::vector<LicenseEdit>& applied, std::string_view fixed,
            std::string_view origin, const ReadLimits& limits, InputSyntax syntax) {
  Manifest after;
  try {
    after = parse_manifest(fixed, origin, syntax, limits);
  } catch (const Error& e) {
    throw Error(e.where(), "the rewritten text would not read back (" + e.message() +
                               "); nothing was written");
  }
  Manifest expected = apply_license_edits(before, applied);
  std::vector<std::pair<std::string, const Field*>> want, got;
  for_each_license(expected,
                   [&](LicenseSlot slot, const Field& f) { want.emplace_back(slot.path(), &f); });
  for_each_license(after,
                   [&](LicenseSlot slot, const Field& f) { got.emplace_back(slot.path(), &f); });
  bool same = want.size() == got.size() && before.components.size() == after.components.size();
  for (std::size_t i = 0; same && i < want.size(); ++i) {
    same = want[i].first == got[i].first && want[i].second->value == got[i].second->value;
    if (!same) {
      throw Error(want[i].second->where, "the rewritten text would read " + want[i].first +
                                             " as '" + got[i].second->value + "' instead of '" +
                                             want[i].second->value + "'; nothing was written");
    }
  }
  for (std::size_t i = 0; same && i < before.components.size(); ++i) {
    same = before.components[i].name.value == after.components[i].name.value;
  }
  if (!same)
    throw Error({std::string(origin), 0, 0},
                "the rewritten text would read back differently; nothing was written");
}

// `text` is where a license text begins (after any opening quote, as the
// evaluator records it); `value` is where the value is written.
bool same_place(const SourceLocation& text, const SourceLocation& value) {
  return text.file == value.file && text.line == value.line &&
         (text.column == value.column || text.column == value.column + 1);
}

}  // namespace

namespace {

// The edits, and in `fields` (when given) the field each one rewrites.
std::vector<LicenseEdit> plan_edits(const Manifest& manifest, LicenseMemo& memo,
                                    std::vector<const Field*>* fields = nullptr) {
  std::vector<LicenseEdit> edits;
  std::vector<const Field*> edited;
  for_each_license(manifest, [&](LicenseSlot slot, const Field& f) {
    if (f.value.empty()) return;
    // The rewrite does not depend on the component type; only suitability does.
    const LicenseAssessment& a = memo.assess(f.value, ContentType::code);
    if (a.suggestion.empty() || a.suggestion == f.value) return;
    LicenseEdit& edit = edits.emplace_back();
    edit.field = slot.path();
    edit.where = f.where;
    edit.written = f.value;
    edit.replacement = a.suggestion;
    edit.certain = a.suggestion_certain;
    edited.push_back(&f);
  });
  if (edits.size() > 1) {
    std::vector<std::size_t> order(edits.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const SourceLocation& x = edits[a].where;
      const SourceLocation& y = edits[b].where;
      return x.line != y.line ? x.line < y.line : x.column < y.column;
    });
    std::vector<LicenseEdit> sorted;
    std::vector<const Field*> sorted_fields;
    for (std::size_t i : order) {
      sorted.push_back(std::move(edits[i]));
      sorted_fields.push_back(edited[i]);
    }
    edits = std::move(sorted);
    edited = std::move(sorted_fields);
  }
  if (fields) *fields = std::move(edited);
  return edits;
}

}  // namespace

std::vector<LicenseEdit> plan_license_edits(const Manifest& manifest, const LicenseDb& licenses) {
  LicenseMemo memo(licenses);
  return plan_edits(manifest, memo);
}

Manifest apply_license_edits(Manifest manifest, const std::vector<LicenseEdit>& edits) {
  for_each_license(manifest, [&](LicenseSlot slot, Field& f) {
    const std::string path = slot.path();
    for (const LicenseEdit& e : edits) {
      if (e.field == path) f.value = e.replacement;
    }
  });
  return manifest;
}

FixResult fix_manifest_text(std::string_view text, std::string_view origin,
                            const LicenseDb& licenses, const ReadLimits& limits, Profile profile,
                            InputSyntax syntax) {
  Manifest manifest = parse_manifest(text, origin, syntax, limits);
  FixResult result;
  const MotRules& mot = MotRules::builtin();
  auto open = [&](std::string_view t) {
    return profile == Profile::mot
               ? mot.open(t)
               : licenses.assess(t, ContentType::code).status == LicenseAssessment::Status::open;
  };
  for (LicenseEdit& e : plan_license_edits(manifest, licenses)) {
    e.opens = !open(e.written) && open(e.replacement);
    if (!e.certain) {
      e.left_because = e.replacement + " is only a guess; write the id you mean by hand";
    } else if (profile == Profile::mot &&
               e.replacement.find_first_of(" ()+") != std::string::npos) {
      e.left_because = "the MOT records one license id, not " + e.replacement +
                       "; write the one license that applies by hand";
    }
    (e.left_because.empty() ? result.applied : result.skipped).push_back(std::move(e));
  }
  // Positions count from after a byte order mark, as the readers do.
  std::string_view body = text;
  std::size_t bom = body.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  body.remove_prefix(bom);
  if (syntax == InputSyntax::automatic)
    syntax = is_json(body) ? InputSyntax::json : InputSyntax::yaml;
  Editor editor(body, syntax == InputSyntax::json);
  std::vector<Splice> splices;
  for (const LicenseEdit& e : result.applied) splices.push_back(editor.splice(e));
  std::sort(splices.begin(), splices.end(),
            [](const Splice& a, const Splice& b) { return a.begin < b.begin; });
  result.text.assign(text.substr(0, bom));
  std::size_t copied = 0;
  for (const Splice& s : splices) {
    result.text.append(body.substr(copied, s.begin - copied));
    result.text += s.text;
    copied = s.end;
  }
  result.text.append(body.substr(copied));
  if (!result.applied.empty())
    verify(manifest, result.applied, result.text, origin, limits, syntax);
  return result;
}

void add_fix_outcomes(Evaluation& ev, const Manifest& manifest, const Framework& framework,
                      LicenseMemo& memo) {
  std::vector<const Field*> fields;
  std::vector<LicenseEdit> edits = plan_edits(manifest, memo, &fields);
  if (edits.empty()) return;
  // The class with some fixes applied, or -1 when the manifest then cannot be judged.
  std::vector<LicenseReplacement> replaced;
  auto class_with = [&](std::size_t first, std::size_t last) {
    replaced.clear();
    for (std::size_t i = first; i < last; ++i)
      replaced.push_back({fields[i], edits[i].replacement});
    try {
      return class_with_licenses(manifest, framework, memo, replaced, memo.profile());
    } catch (const Error&) {
      return -1;
    }
  };
  for (std::size_t k = 0; k < edits.size(); ++k) {
    const LicenseEdit& e = edits[k];
    int level = -2;  // not computed yet
    for (Diagnostic& d : ev.diagnostics) {
      const DiagnosticCode* code = find_diagnostic_code(d.code);
      if (code == nullptr || !code->suggests_license) continue;
      int c = framework.find_component(d.component);
      if (c < 0 || !same_place(ev.components[static_cast<std::size_t>(c)].license_where, e.where)) {
        continue;
      }
      if (level == -2) level = class_with(k, k + 1);
      if (level < 0) break;
      d.fix = SuggestedFix{e.replacement, level, framework.label(level), level != ev.model_class};
    }
  }
  if (edits.size() > 1) {
    int level = class_with(0, edits.size());
    if (level >= 0 && level != ev.model_class) {
      std::size_t certain = static_cast<std::size_t>(std::count_if(
          edits.begin(), edits.end(), [](const LicenseEdit& e) { return e.certain; }));
      ev.diagnostics.push_back(
          {Severity::note,
           "license-fix-class",
           "with all " + std::to_string(edits.size()) +
               " suggested license fixes the model would be " + framework.label(level) +
               " instead of " + framework.label(ev.model_class) +
               (certain == 0 ? "; they are guesses, so 'mof-check fix' leaves them to you"
                             : "; 'mof-check fix' writes the " + std::to_string(certain) +
                                   " that are certain"),
           {},
           manifest.release_where});
    }
  }
}

}  // namespace mofcheck

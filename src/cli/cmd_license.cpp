// SPDX-License-Identifier: Apache-2.0
// mof-check license EXPR: what the knowledge base says about one license or
// SPDX expression, for each component type; with --file, which license a
// text is.
#include <algorithm>
#include <cstdio>
#include <ostream>

#include <mofcheck/license_text.hpp>
#include <mofcheck/manifest.hpp>
#include <mofcheck/report.hpp>
#include <mofcheck/spdx.hpp>
#include "cli/cli.hpp"

#include "cli/commands.hpp"
#include "report/license_describe.hpp"

namespace mofcheck {

namespace {

constexpr ContentType kTypes[] = {ContentType::code, ContentType::data, ContentType::document};

const char* status_word(LicenseAssessment::Status s) {
  switch (s) {
    case LicenseAssessment::Status::open:
      return "open";
    case LicenseAssessment::Status::not_open:
      return "not-open";
    case LicenseAssessment::Status::unlicensed:
      return "unlicensed";
    case LicenseAssessment::Status::not_included:
      return "not-included";
  }
  return "not-open";
}

// The licenses and exceptions an expression names, as the knowledge base
// knows them. Unknown ids are left out: the findings speak about them.
struct Parts {
  std::vector<const LicenseInfo*> licenses;
  std::vector<const ExceptionInfo*> exceptions;
  std::vector<std::string> refs;  // LicenseRef-... and DocumentRef-...
};

Parts parts_of(std::string_view text, const LicenseDb& db) {
  Parts parts;
  spdx::ParseResult parsed = spdx::parse(text);
  if (!parsed.ok()) return parts;
  for (const spdx::Node& n : parsed.expression.nodes) {
    if (n.kind != spdx::Node::Kind::license) continue;
    if (spdx::is_license_ref(n.id)) {
      parts.refs.push_back(n.id);
    } else if (const LicenseInfo* info = n.or_later ? db.find(n.id + "+") : nullptr) {
      parts.licenses.push_back(info);
    } else if (const LicenseInfo* plain = db.find(n.id)) {
      parts.licenses.push_back(plain);
    }
    if (const ExceptionInfo* e = n.exception.empty() ? nullptr : db.find_exception(n.exception)) {
      parts.exceptions.push_back(e);
    }
  }
  return parts;
}

// The finding about suitability to one type, or nullptr when it suits.
const LicenseFinding* unsuited(const LicenseAssessment& a) {
  for (const LicenseFinding& f : a.findings) {
    if (f.code == "license-type-unsuited") return &f;
  }
  return nullptr;
}

// Notes the data attaches to a license for one type (a software license on data).
std::string notes_for(const Parts& parts, ContentType type) {
  std::string s;
  for (const LicenseInfo* info : parts.licenses) {
    for (ContentType t : info->note_for) {
      if (t == type) s += "; note: " + info->id + " is " + info->note;
    }
  }
  return s;
}

int print_json(const std::string& text, const LicenseAssessment& a,
               const LicenseAssessment* by_type, const Parts& parts, const LicenseDb& db,
               Context& ctx) {
  nlohmann::ordered_json j;
  j["expression"] = text;
  j["canonical"] = a.canonical;
  j["status"] = status_word(a.status);
  j["open"] = a.status == LicenseAssessment::Status::open;
  if (!a.reason.empty()) j["reason"] = a.reason;
  if (!a.suggestion.empty()) {
    j["suggestion"] = a.suggestion;
    j["suggestion_certain"] = a.suggestion_certain;
  }
  auto licenses = nlohmann::ordered_json::array();
  for (const LicenseInfo* info : parts.licenses) licenses.push_back(license_json(*info));
  j["licenses"] = licenses;
  auto exceptions = nlohmann::ordered_json::array();
  for (const ExceptionInfo* e : parts.exceptions) {
    exceptions.push_back({{"id", e->id}, {"name", e->name}, {"deprecated", e->deprecated}});
  }
  j["exceptions"] = exceptions;
  j["license_refs"] = parts.refs;
  nlohmann::ordered_json types = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < 3; ++i) {
    nlohmann::ordered_json t = {{"suited", by_type[i].suits_type}};
    if (const LicenseFinding* f = unsuited(by_type[i])) t["message"] = f->message;
    std::string notes = notes_for(parts, kTypes[i]);
    if (!notes.empty()) t["note"] = notes.substr(8);  // without the leading "; note: "
    types[content_type_name(kTypes[i])] = t;
  }
  j["types"] = types;
  auto findings = nlohmann::ordered_json::array();
  for (const LicenseFinding& f : a.findings) {
    if (f.code == "license-type-unsuited") continue;
    findings.push_back({{"severity", severity_name(f.severity)},
                        {"code", f.code},
                        {"message", f.message},
                        {"column", f.column}});
  }
  j["findings"] = findings;
  j["license_list_version"] = db.list_version();
  ctx.out << j.dump(2) << '\n';
  return a.status == LicenseAssessment::Status::open ? exit_ok : exit_gate_failed;
}

// 1-based line of a byte offset.
std::size_t line_of(const std::string& text, std::uint32_t offset) {
  return 1 + static_cast<std::size_t>(std::count(
                 text.begin(), text.begin() + std::min<std::size_t>(offset, text.size()), '\n'));
}

// A difference as the reader's own words, shortened and made terminal-safe.
std::string excerpt(const std::string& text, const TextDifference& d) {
  std::string s = text.substr(d.begin, d.end - d.begin);
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  if (s.size() > 72) s = s.substr(0, 69) + "...";
  return terminal_safe(s);
}

// Open under the knowledge base, for each found license.
bool all_open(const TextIdentification& id, const LicenseDb& db) {
  if (id.licenses.empty()) return false;
  for (const FoundLicense& f : id.licenses) {
    if (f.model_license) return false;
    if (db.assess(f.id, ContentType::code).status != LicenseAssessment::Status::open) return false;
  }
  return true;
}

int run_license_file(const LicenseOptions& opts, const LicenseDb& db, Context& ctx) {
  const std::string text = read_input(opts.file, 16u << 20);
  const TextIdentification id = LicenseMatcher::builtin().identify(text);
  const bool open = all_open(id, db) && !id.adds_terms && id.confident;
  if (opts.format == "json") {
    nlohmann::ordered_json j;
    j["file"] = opts.file;
    j["words"] = id.words;
    auto found = nlohmann::ordered_json::array();
    for (const FoundLicense& f : id.licenses) {
      nlohmann::ordered_json x = {{"id", f.id}, {"coverage", f.coverage}};
      if (!f.same_text.empty()) x["same_text"] = f.same_text;
      if (f.model_license) {
        x["model_license"] = f.known;
        x["reason"] = f.reason;
      }
      found.push_back(x);
    }
    j["licenses"] = found;
    j["score"] = id.score;
    j["exact"] = id.exact;
    j["confident"] = id.confident;
    j["adds_terms"] = id.adds_terms;
    j["added_words"] = id.added_words;
    if (!id.note.empty()) j["note"] = id.note;
    auto closest = nlohmann::ordered_json::array();
    for (const LicenseCandidate& c : id.closest) {
      closest.push_back({{"ids", c.ids},
                         {"score", c.score},
                         {"coverage", c.coverage},
                         {"containment", c.containment}});
    }
    j["closest"] = closest;
    auto diffs = nlohmann::ordered_json::array();
    for (const TextDifference& d : id.differences) {
      diffs.push_back({{"line", line_of(text, d.begin)},
                       {"words", d.words},
                       {"added_terms", d.added},
                       {"text", text.substr(d.begin, d.end - d.begin)}});
    }
    j["differences"] = diffs;
    j["open"] = open;
    j["index"] = LicenseMatcher::builtin().index_source();
    ctx.out << j.dump(2) << '\n';
    return open ? exit_ok : exit_gate_failed;
  }
  ctx.out << "File:     " << terminal_safe(opts.file) << '\n';
  ctx.out << "Reads as: " << describe_identification(id) << '\n';
  for (const FoundLicense& f : id.licenses) {
    if (f.model_license) continue;
    const LicenseAssessment a = db.assess(f.id, ContentType::code);
    ctx.out << "  " << f.id << ": "
            << (a.status == LicenseAssessment::Status::open ? std::string("open")
                                                            : "not open (" + a.reason + ")")
            << '\n';
  }
  if (!id.closest.empty()) {
    ctx.out << "\nClosest licenses (Dice score; share of the license in the text; share of the "
               "text in the license):\n";
    for (const LicenseCandidate& c : id.closest) {
      std::string ids;
      for (const auto& i : c.ids) ids += (ids.empty() ? "" : ", ") + i;
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.2f  %.2f  %.2f", c.score, c.coverage, c.containment);
      ctx.out << "  " << buf << "  " << ids << '\n';
    }
  }
  if (!id.differences.empty() || (!id.licenses.empty() && !id.exact)) {
    ctx.out << "\nDifferences:\n";
    for (const TextDifference& d : id.differences) {
      ctx.out << "  line " << line_of(text, d.begin) << ", " << d.words << " word"
              << (d.words == 1 ? "" : "s")
              << (d.added ? " no license holds (added terms): " : " of variable text (names): ")
              << '"' << excerpt(text, d) << "\"\n";
    }
    for (const FoundLicense& f : id.licenses) {
      if (!f.model_license && f.coverage < 0.995) {
        ctx.out << "  about " << static_cast<int>((1 - f.coverage) * 100 + 0.5) << "% of " << f.id
                << "'s text is not in the file\n";
      }
    }
    if (!id.note.empty()) ctx.out << "  " << id.note << '\n';
  }
  return open ? exit_ok : exit_gate_failed;
}

}  // namespace

void setup_license(CLI::App& app, LicenseOptions& opts) {
  auto* expr =
      app.add_option("expression", opts.expression,
                     "License id, SPDX expression or license name (quote it for the shell)")
          ->type_name("EXPR");
  auto* file = app.add_option("--file", opts.file,
                              "Identify the license text in PATH (a LICENSE file) instead: the "
                              "closest licenses with scores and what kept it from an exact match")
                   ->type_name("PATH");
  expr->excludes(file);
  file->excludes(expr);
  app.callback([expr, file] {
    if (expr->count() == 0 && file->count() == 0) throw CLI::RequiredError("EXPR or --file PATH");
  });
  add_listing_options(app, opts.format, opts.output, opts.data, "the explanation");
}

namespace {

int explain_license(const LicenseOptions& opts, Context& ctx) {
  Knowledge k = load_knowledge(opts.data);
  if (!opts.file.empty()) return run_license_file(opts, *k.licenses, ctx);
  const LicenseDb& db = *k.licenses;
  const std::string& text = opts.expression;
  LicenseAssessment by_type[3];
  for (std::size_t i = 0; i < 3; ++i) {
    by_type[i] = db.assess(text, kTypes[i]);
    // As in a report: the framework says what suits the type instead.
    for (LicenseFinding& f : by_type[i].findings) {
      if (f.code == "license-type-unsuited")
        f.message += "; " + unsuited_advice(*k.framework, kTypes[i]);
    }
  }
  // Openness, reasons and the rewrite do not depend on the type.
  const LicenseAssessment& a = by_type[0];
  Parts parts = parts_of(a.suggestion.empty() ? a.canonical : a.suggestion, db);
  if (opts.format == "json") return print_json(text, a, by_type, parts, db, ctx);

  const bool open = a.status == LicenseAssessment::Status::open;
  ctx.out << "License:  " << terminal_safe(text) << '\n';
  if (a.canonical != text && open) ctx.out << "Canonical: " << terminal_safe(a.canonical) << '\n';
  std::string verdict = status_word(a.status);
  std::replace(verdict.begin(), verdict.end(), '-', ' ');
  ctx.out << "Verdict:  " << verdict;
  if (!a.reason.empty()) ctx.out << " (" << terminal_safe(a.reason) << ')';
  ctx.out << '\n';
  if (!a.suggestion.empty()) {
    ctx.out << "Did you mean: " << a.suggestion
            << (a.suggestion_certain ? " ('mof-check fix' writes it)"
                                     : " (a guess: 'mof-check fix' leaves it to you)")
            << '\n';
  }
  if (!parts.licenses.empty() || !parts.exceptions.empty() || !parts.refs.empty()) {
    ctx.out << '\n' << (a.suggestion.empty() ? "Parts:" : "Parts of " + a.suggestion + ":") << '\n';
  }
  for (const LicenseInfo* info : parts.licenses) {
    ctx.out << "  " << info->id << ": " << info->name << "\n    " << license_facts(*info);
    if (!info->open) ctx.out << ": " << info->reason;
    ctx.out << '\n';
  }
  for (const ExceptionInfo* e : parts.exceptions) {
    ctx.out << "  " << e->id << ": " << e->name << "\n    SPDX license exception"
            << (e->deprecated ? " (deprecated)" : "") << '\n';
  }
  for (const std::string& ref : parts.refs) {
    ctx.out << "  " << terminal_safe(ref)
            << ": custom license; mof-check cannot verify it as open\n";
  }
  if (open) {
    ctx.out << "\nBy component type:\n";
    for (std::size_t i = 0; i < 3; ++i) {
      std::string type = content_type_name(kTypes[i]);
      type.resize(10, ' ');
      const LicenseFinding* f = unsuited(by_type[i]);
      ctx.out << "  " << type
              << (f ? "not suited (warning): " + f->message
                    : "suited" + notes_for(parts, kTypes[i]))
              << '\n';
    }
  }
  bool any = false;
  for (const LicenseFinding& f : a.findings) {
    // The verdict line already gives the reason; unsuited types have their own lines.
    if (f.code == "license-type-unsuited" || f.message == a.reason) continue;
    if (!any) ctx.out << "\nFindings:\n";
    any = true;
    ctx.out << "  " << severity_name(f.severity) << ": " << terminal_safe(f.message) << " ["
            << f.code << "]\n";
    if (f.column > 0 && text.size() < 200 &&
        std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; })) {
      ctx.out << "    " << text << "\n    "
              << std::string(static_cast<std::size_t>(f.column) - 1, ' ') << "^\n";
    }
  }
  return open ? exit_ok : exit_gate_failed;
}

}  // namespace

int run_license(const LicenseOptions& opts, Context& ctx) {
  return run_with_output(opts.output, {}, ctx,
                         [&](Context& c) { return explain_license(opts, c); });
}

}  // namespace mofcheck

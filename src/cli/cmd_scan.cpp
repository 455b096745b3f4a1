// SPDX-License-Identifier: Apache-2.0
// mof-check scan DIR: draft a manifest from a model repository checkout,
// show the evidence, and evaluate the draft.
#include <ostream>

#include <mofcheck/evaluate.hpp>
#include <mofcheck/gate.hpp>
#include <mofcheck/report.hpp>
#include <mofcheck/scan.hpp>
#include "cli/cli.hpp"

#include "cli/atomic_file.hpp"
#include "cli/commands.hpp"
#include "cli/output_guard.hpp"
#include "report/json_report.hpp"

namespace mofcheck {

namespace {

std::string note_line(const ScanNote& n) {
  std::string s = n.path.empty() ? n.text : n.path + ": " + n.text;
  return n.guess ? s + " (guess)" : s;
}

void print_notes(const ScanResult& scan, const std::string& dir, std::ostream& out) {
  out << "Evidence in " << terminal_safe(dir) << " (" << scan.entries_seen
      << " files and folders):\n";
  std::string current = "\x01";
  for (const auto& n : scan.notes) {
    if (n.component != current) {
      out << "  " << (n.component.empty() ? std::string("Release") : n.component) << '\n';
      current = n.component;
    }
    out << "    - " << terminal_safe(note_line(n)) << '\n';
  }
  if (scan.notes.empty()) out << "  nothing recognisable\n";
}

}  // namespace

void setup_scan(CLI::App& app, ScanOptions& opts) {
  app.add_option("dir", opts.dir, "Local checkout of the model's repository (never fetched)")
      ->required()
      ->type_name("DIR");
  add_output_options(app, opts.output, "the draft manifest");
  app.add_flag("--yaml", opts.yaml, "Draft in YAML instead of JSON");
  app.add_option("-f,--format", opts.format,
                 "text: the draft on standard output (or in -o FILE), the evidence and its "
                 "evaluation on standard error (or on standard output with -o FILE); json: one "
                 "object holding the draft, the evidence and the evaluation")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT")
      ->capture_default_str();
  app.add_option("--name", opts.name, "The model's name, instead of the scanner's guess")
      ->type_name("NAME");
  app.add_option("--producer", opts.producer, "Who releases the model (release.producer)")
      ->type_name("NAME");
  add_data_options(app, opts.data);
}

int run_scan(const ScanOptions& opts, Context& ctx) {
  const bool to_file = !opts.output.file.empty() && opts.output.file != "-";
  const std::string output = to_file ? opts.output.file : std::string();
  if (to_file) refuse_overwrite(output, opts.output.force);
  Knowledge k = load_knowledge(opts.data);
  ScanResult scan = scan_repository(opts.dir, *k.framework, *k.licenses);
  if (!opts.name.empty()) scan.draft.name = opts.name;
  if (!opts.producer.empty()) scan.draft.producer = opts.producer;
  const DraftSyntax syntax = opts.yaml ? DraftSyntax::yaml : DraftSyntax::json;
  const std::string text = render_draft(scan.draft, syntax);

  // The draft is evaluated as it was written, so the report's lines point into it.
  const std::string origin = to_file ? output : "<draft>";
  Manifest m = parse_manifest(text, origin, opts.yaml ? InputSyntax::yaml : InputSyntax::json);
  Evaluation ev = evaluate(m, *k.framework, *k.licenses, k.profile);
  GateResult gate = check_gate(ev, GatePolicy{});
  if (to_file) write_file_atomically(output, text);

  if (opts.format == "json") {
    nlohmann::ordered_json j;
    j["input"] = opts.dir;
    j["output"] = to_file ? nlohmann::ordered_json(output) : nlohmann::ordered_json(nullptr);
    j["entries_seen"] = scan.entries_seen;
    j["truncated"] = scan.truncated;
    auto notes = nlohmann::ordered_json::array();
    for (const auto& n : scan.notes) {
      notes.push_back({{"component", n.component.empty() ? nlohmann::ordered_json(nullptr)
                                                         : nlohmann::ordered_json(n.component)},
                       {"path", n.path},
                       {"note", n.text},
                       {"guess", n.guess}});
    }
    j["notes"] = std::move(notes);
    j["draft"] = nlohmann::ordered_json::parse(render_draft(scan.draft, DraftSyntax::json));
    j["evaluation"] = evaluation_json(ev, gate);
    ctx.out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return exit_ok;
  }

  // The draft alone on standard output, so 'scan DIR > m.json' is a manifest
  // (the renderer escapes what the manifest syntax needs); the rest for people.
  std::ostream& log = to_file ? ctx.out : ctx.err;
  if (to_file) {
    ctx.out << "wrote " << terminal_safe(output) << '\n';
  } else if (ctx.out_is_terminal) {
    // On a screen, line by line: terminal_safe() would escape the line breaks.
    std::size_t start = 0;
    for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1) {
      ctx.out << terminal_safe(std::string_view(text).substr(start, nl - start)) << '\n';
    }
  } else {
    ctx.out << text;
  }
  print_notes(scan, opts.dir, log);
  log << '\n';
  ReportOptions ropts;
  ropts.color = to_file && ctx.color;
  ropts.width = ctx.width;
  auto reporter = make_reporter("text", ropts);
  reporter->add(ev, gate, log);
  reporter->finish(log);
  return exit_ok;
}

}  // namespace mofcheck

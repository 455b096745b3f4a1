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
  app.add_option("-o,--output", opts.output, "Write the draft manifest to FILE (atomically)")
      ->type_name("FILE");
  app.add_flag("--yaml", opts.yaml, "Draft in YAML instead of JSON");
  app.add_option("-f,--format", opts.format,
                 "Format of the evidence and evaluation: text, or json (one object)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  app.add_option("--name", opts.name, "The model's name, instead of the scanner's guess");
  app.add_option("--producer", opts.producer, "Who releases the model (release.producer)");
  add_data_options(app, opts.data);
}

int run_scan(const ScanOptions& opts, Context& ctx) {
  Knowledge k = load_knowledge(opts.data);
  ScanResult scan = scan_repository(opts.dir, *k.framework, *k.licenses);
  if (!opts.name.empty()) scan.draft.name = opts.name;
  if (!opts.producer.empty()) scan.draft.producer = opts.producer;
  const DraftSyntax syntax = opts.yaml ? DraftSyntax::yaml : DraftSyntax::json;
  const std::string text = render_draft(scan.draft, syntax);

  // The draft is evaluated as it was written, so the report's lines point into it.
  const std::string origin = opts.output.empty() ? "<draft>" : opts.output;
  Manifest m = parse_manifest(text, origin, opts.yaml ? InputSyntax::yaml : InputSyntax::json);
  Evaluation ev = evaluate(m, *k.framework, *k.licenses, k.profile);
  GateResult gate = check_gate(ev, GatePolicy{});
  if (!opts.output.empty()) write_file_atomically(opts.output, text);

  if (opts.format == "json") {
    nlohmann::ordered_json j;
    j["input"] = opts.dir;
    j["output"] =
        opts.output.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(opts.output);
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

  if (opts.output.empty()) {
    // Line by line: terminal_safe() would escape the line breaks.
    std::size_t start = 0;
    for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1) {
      ctx.out << terminal_safe(std::string_view(text).substr(start, nl - start)) << '\n';
    }
    ctx.out << '\n';
  } else {
    ctx.out << "wrote " << terminal_safe(opts.output) << '\n';
  }
  print_notes(scan, opts.dir, ctx.out);
  ctx.out << '\n';
  ReportOptions ropts;
  auto reporter = make_reporter("text", ropts);
  reporter->add(ev, gate, ctx.out);
  reporter->finish(ctx.out);
  return exit_ok;
}

}  // namespace mofcheck

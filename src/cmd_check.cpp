// SPDX-License-Identifier: Apache-2.0
// mof-check check FILE...: evaluate manifests and report.
// Three parts: the gate policy (from options), the reporters (where reports
// go), and the input loop (what is read). Each has its own function.
#include <cstdlib>
#include <ostream>

#include <mofcheck/cli.hpp>
#include <mofcheck/evaluate.hpp>
#include <mofcheck/fix.hpp>
#include <mofcheck/gate.hpp>
#include <mofcheck/manifest.hpp>
#include <mofcheck/report.hpp>

#include "commands.hpp"
#include "input_limits.hpp"

namespace mofcheck {

namespace {

GatePolicy build_policy(const CheckOptions& opts, const Framework& fw) {
  GatePolicy policy;
  if (!opts.min_class.empty()) {
    policy.min_class = parse_class_level(opts.min_class, fw);
    if (policy.min_class == 0) {
      throw Error({}, "--min-class " + opts.min_class + ": the framework defines no such class");
    }
  }
  return policy;
}

// Where reports go: the main format to standard output.
struct Outputs {
  std::unique_ptr<Reporter> main;

  void add(const Evaluation& ev, const GateResult& gate, std::ostream& out) {
    main->add(ev, gate, out);
  }
  void add_error(const Error& e, std::ostream& out) { main->add_error(e, out); }
  void finish(std::ostream& out) { main->finish(out); }
};

Outputs build_outputs(const CheckOptions& opts, const Context& ctx) {
  ReportOptions ropts;
  const char* no_color = std::getenv("NO_COLOR");
  bool no_color_set = no_color != nullptr && *no_color != '\0';
  ropts.color =
      opts.color == "always" || (opts.color == "auto" && ctx.out_is_terminal && !no_color_set);
  Outputs outputs;
  outputs.main = make_reporter(opts.format, ropts);
  return outputs;
}

}  // namespace

void setup_check(CLI::App& app, CheckOptions& opts) {
  app.add_option("files", opts.inputs, "Manifests (JSON or YAML); '-' reads standard input")
      ->required()
      ->type_name("FILE");
  app.add_option("-f,--format", opts.format, "Report format")
      ->check(CLI::IsMember(report_formats()))
      ->capture_default_str();
  app.add_option("--min-class", opts.min_class,
                 "Fail (exit 1) when the verdict is below this class: I, II, III (or 1, 2, 3)")
      ->check(CLI::IsMember({"I", "II", "III", "1", "2", "3", "i", "ii", "iii"}))
      ->type_name("CLASS");
  app.add_option("--color", opts.color,
                 "Colour text output: auto (terminal, unless NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  add_data_options(app, opts.data);
  add_limit_options(app, opts.limits);
}

int run_check(const CheckOptions& opts, Context& ctx) {
  Knowledge k = load_knowledge(opts.data);
  GatePolicy policy = build_policy(opts, *k.framework);
  Outputs outputs = build_outputs(opts, ctx);

  int worst = exit_ok;
  for (const auto& input : opts.inputs) {
    const std::string origin = input == "-" ? "<stdin>" : input;
    try {
      Manifest m = parse_manifest(read_input(input, opts.limits.max_bytes), origin,
                                  InputSyntax::automatic, opts.limits);
      Evaluation ev = evaluate_with_fixes(m, *k.framework, *k.licenses);
      GateResult gate = check_gate(ev, policy);
      outputs.add(ev, gate, ctx.out);
      if (!gate.passed) worst = std::max(worst, static_cast<int>(exit_gate_failed));
    } catch (const Error& e) {
      print_error(ctx, e.what());
      outputs.add_error(e, ctx.out);
      worst = exit_invalid;
    }
  }
  outputs.finish(ctx.out);
  ctx.out.flush();
  return worst;
}

}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
// mof-check check FILE...: evaluate manifests and report.
#include <cstdlib>
#include <ostream>

#include <mofcheck/cli.hpp>
#include <mofcheck/evaluate.hpp>
#include <mofcheck/gate.hpp>
#include <mofcheck/manifest.hpp>
#include <mofcheck/report.hpp>

#include "commands.hpp"

namespace mofcheck {

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
  app.add_option("--color", opts.color, "Colour text output: auto (terminal, unless NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  add_data_options(app, opts.data);
}

int run_check(const CheckOptions& opts, Context& ctx) {
  Knowledge k = load_knowledge(opts.data);
  GatePolicy policy;
  if (!opts.min_class.empty()) {
    policy.min_class = parse_class_level(opts.min_class, *k.framework);
    if (policy.min_class == 0) {
      throw Error({}, "--min-class " + opts.min_class + ": the framework defines no such class");
    }
  }
  ReportOptions ropts;
  const char* no_color = std::getenv("NO_COLOR");
  bool no_color_set = no_color != nullptr && *no_color != '\0';
  ropts.color = opts.color == "always" || (opts.color == "auto" && ctx.out_is_terminal && !no_color_set);
  auto reporter = make_reporter(opts.format, ropts);

  int worst = exit_ok;
  for (const auto& input : opts.inputs) {
    const std::string origin = input == "-" ? "<stdin>" : input;
    try {
      Manifest m = parse_manifest(read_input(input), origin);
      Evaluation ev = evaluate(m, *k.framework, *k.licenses);
      GateResult gate = check_gate(ev, policy);
      reporter->add(ev, gate, ctx.out);
      if (!gate.passed) worst = std::max(worst, static_cast<int>(exit_gate_failed));
    } catch (const Error& e) {
      print_error(ctx, e.what());
      reporter->add_error(e, ctx.out);
      worst = exit_invalid;
    }
  }
  reporter->finish(ctx.out);
  ctx.out.flush();
  return worst;
}

}  // namespace mofcheck

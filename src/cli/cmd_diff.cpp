// SPDX-License-Identifier: Apache-2.0
// mof-check diff OLD NEW: how the class and the components changed.
#include <ostream>

#include <mofcheck/diff.hpp>
#include "cli/cli.hpp"

#include "cli/commands.hpp"
#include "report/diff_report.hpp"

namespace mofcheck {

void setup_diff(CLI::App& app, DiffOptions& opts) {
  app.add_option("old", opts.old_file, "The manifest before (e.g. of the base branch)")
      ->required()
      ->type_name("OLD");
  app.add_option("new", opts.new_file, "The manifest after (e.g. of the pull request)")
      ->required()
      ->type_name("NEW");
  std::string names;
  for (const auto& n : diff_formats()) names += (names.empty() ? "" : ", ") + n;
  app.add_option("-f,--format", opts.format, "Output format: " + names)
      ->check(CLI::IsMember(diff_formats()))
      ->type_name("FORMAT")
      ->capture_default_str();
  add_output_options(app, opts.output, "the comparison");
  app.add_flag("--fail-on-downgrade", opts.fail_on_downgrade,
               "Exit 1 when the new manifest reaches a less complete class than the old one");
  add_input_syntax_option(app, opts.input_format);
  add_data_options(app, opts.data);
}

int run_diff(const DiffOptions& opts, Context& ctx) {
  if (opts.old_file == "-" && opts.new_file == "-") {
    throw Error({}, "diff: only one of OLD and NEW can be standard input");
  }
  Knowledge k = load_knowledge(opts.data);
  Evaluation old_ev = evaluate_input(opts.old_file, k, opts.input_format);
  Evaluation new_ev = evaluate_input(opts.new_file, k, opts.input_format);
  EvaluationDiff d = diff_evaluations(old_ev, new_ev);
  return run_with_output(opts.output, {opts.old_file, opts.new_file}, ctx, [&](Context& c) {
    write_diff(d, opts.format, c.out);
    return opts.fail_on_downgrade && d.downgraded() ? exit_gate_failed : exit_ok;
  });
}

}  // namespace mofcheck

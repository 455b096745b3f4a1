// SPDX-License-Identifier: Apache-2.0
// mof-check fix FILE: canonical license ids written into the manifest, and
// nothing else of the file touched.
#include <algorithm>
#include <ostream>

#include <mofcheck/evaluate.hpp>
#include <mofcheck/fix.hpp>
#include <mofcheck/report.hpp>
#include "cli/cli.hpp"

#include "cli/atomic_file.hpp"
#include "cli/commands.hpp"
#include "cli/output_guard.hpp"

namespace mofcheck {

void setup_fix(CLI::App& app, FixOptions& opts) {
  app.add_option("files", opts.inputs,
                 "Manifest to fix (JSON or YAML); '-' reads standard input; several with "
                 "--check or --in-place")
      ->required()
      ->type_name("FILE");
  add_output_options(app, opts.output, "the fixed manifest");
  app.add_flag("--in-place", opts.in_place, "Rewrite FILE itself (atomically)");
  app.add_flag("--check", opts.check,
               "Write nothing; exit 1 when the file would change (for pre-commit and CI)");
  add_input_syntax_option(app, opts.input_format);
  add_data_options(app, opts.data);
}

namespace {

int fix_one(const FixOptions& opts, const std::string& input, const Knowledge& k, Context& ctx) {
  if (opts.in_place && input == "-") {
    throw Error({}, "--in-place: standard input cannot be rewritten; use -o FILE");
  }
  const bool to_stdout = opts.output.file.empty() || opts.output.file == "-";
  if (opts.check && (opts.in_place || !opts.output.file.empty())) {
    throw Error({}, "--check writes nothing; leave out --in-place and -o");
  }
  const std::string target = !to_stdout ? opts.output.file : opts.in_place ? input : "";
  if (!to_stdout) {
    refuse_output_over_input(opts.output.file, {input}, "-o", opts.in_place);
    if (opts.output.file != input) refuse_overwrite(opts.output.file, opts.output.force);
  }
  const std::string origin = input == "-" ? "<stdin>" : input;
  const std::string text = read_input(input);
  const InputSyntax syntax = input_syntax_of(opts.input_format, input);
  FixResult fixed = fix_manifest_text(text, origin, *k.licenses, {}, k.profile, syntax);
  const std::string profile = profile_name(k.profile);

  // The change list goes to standard error when the manifest itself goes to standard output.
  std::ostream& log = target.empty() && !opts.check ? ctx.err : ctx.out;
  const char* arrow = opts.check ? "' would become '" : "' -> '";
  for (const LicenseEdit& e : fixed.applied) {
    log << terminal_safe(e.where.str()) << ": '" << terminal_safe(e.written) << arrow
        << e.replacement << "'"
        << (e.opens ? " (changes the verdict under profile " + profile + ": not open -> open)" : "")
        << '\n';
  }
  for (const LicenseEdit& e : fixed.skipped) {
    log << terminal_safe(e.where.str()) << ": '" << terminal_safe(e.written)
        << "' left as written: " << e.left_because << '\n';
  }
  std::size_t n = fixed.applied.size();
  std::string count = std::to_string(n) + (n == 1 ? " license" : " licenses");
  if (opts.check) {
    log << (n == 0 ? std::string("nothing to fix") : count + " to fix") << " in "
        << terminal_safe(origin) << (n == 0 ? "" : "; run 'mof-check fix --in-place'")
        << " (profile " << profile << ")\n";
    return n == 0 ? exit_ok : exit_gate_failed;
  }
  log << (n == 0 ? std::string("no license to fix") : "fixed " + count) << " in "
      << terminal_safe(origin) << " (profile " << profile << ")\n";
  if (n > 0) {
    // A rewrite that changes the class says so: fix is not meant to change verdicts quietly.
    const int before =
        evaluate(parse_manifest(text, origin, syntax), *k.framework, *k.licenses, k.profile)
            .model_class;
    const int after =
        evaluate(parse_manifest(fixed.text, origin, syntax), *k.framework, *k.licenses, k.profile)
            .model_class;
    if (before != after) {
      log << "the class changes: " << k.framework->label(before) << " -> "
          << k.framework->label(after) << " (profile " << profile << ")\n";
    }
  }

  if (target.empty()) {
    ctx.out << fixed.text;
  } else if (n > 0 || target != input) {
    write_file_atomically(target, fixed.text);
  }
  return exit_ok;
}

}  // namespace

int run_fix(const FixOptions& opts, Context& ctx) {
  if (opts.inputs.size() > 1 && !(opts.check || opts.in_place)) {
    throw Error({}, "fix: several FILEs go with --check or --in-place");
  }
  Knowledge k = load_knowledge(opts.data);
  int worst = exit_ok;
  for (const std::string& input : opts.inputs) {
    worst = std::max(worst, fix_one(opts, input, k, ctx));
  }
  return worst;
}

}  // namespace mofcheck

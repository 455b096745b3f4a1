// SPDX-License-Identifier: Apache-2.0
// mof-check fix FILE: canonical license ids written into the manifest, and
// nothing else of the file touched.
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
  app.add_option("file", opts.input, "Manifest to fix (JSON or YAML); '-' reads standard input")
      ->required()
      ->type_name("FILE");
  app.add_option("-o,--output", opts.output,
                 "Write the fixed manifest here (atomically); default: standard output")
      ->type_name("FILE");
  app.add_flag("--in-place", opts.in_place, "Rewrite FILE itself (atomically)");
  add_data_options(app, opts.data);
}

int run_fix(const FixOptions& opts, Context& ctx) {
  if (opts.in_place && opts.input == "-") {
    throw Error({}, "--in-place: standard input cannot be rewritten; use -o FILE");
  }
  const std::string target = !opts.output.empty() ? opts.output : opts.in_place ? opts.input : "";
  if (!opts.output.empty()) {
    refuse_output_over_input(opts.output, {opts.input}, "-o", opts.in_place);
  }
  Knowledge k = load_knowledge(opts.data);
  const std::string origin = opts.input == "-" ? "<stdin>" : opts.input;
  const std::string text = read_input(opts.input);
  FixResult fixed = fix_manifest_text(text, origin, *k.licenses, {}, k.profile);
  const std::string profile = profile_name(k.profile);

  // The change list goes to standard error when the manifest itself goes to standard output.
  std::ostream& log = target.empty() ? ctx.err : ctx.out;
  for (const LicenseEdit& e : fixed.applied) {
    log << terminal_safe(e.where.str()) << ": '" << terminal_safe(e.written) << "' -> '"
        << e.replacement << "'"
        << (e.opens ? " (changes the verdict under profile " + profile + ": not open -> open)" : "")
        << '\n';
  }
  for (const LicenseEdit& e : fixed.skipped) {
    log << terminal_safe(e.where.str()) << ": '" << terminal_safe(e.written)
        << "' left as written: " << e.left_because << '\n';
  }
  std::size_t n = fixed.applied.size();
  log << (n == 0 ? std::string("no license to fix")
                 : "fixed " + std::to_string(n) + (n == 1 ? " license" : " licenses"))
      << " in " << terminal_safe(origin) << " (profile " << profile << ")\n";
  if (n > 0) {
    // A rewrite that changes the class says so: fix is not meant to change verdicts quietly.
    const int before =
        evaluate(parse_manifest(text, origin), *k.framework, *k.licenses, k.profile).model_class;
    const int after =
        evaluate(parse_manifest(fixed.text, origin), *k.framework, *k.licenses, k.profile)
            .model_class;
    if (before != after) {
      log << "the class changes: " << k.framework->label(before) << " -> "
          << k.framework->label(after) << " (profile " << profile << ")\n";
    }
  }

  if (target.empty()) {
    ctx.out << fixed.text;
  } else if (n > 0 || target != opts.input) {
    write_file_atomically(target, fixed.text);
  }
  ctx.out.flush();
  return exit_ok;
}

}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
// mof-check badge FILE: an SVG badge (or shields.io endpoint JSON) of the class.
#include <ostream>

#include "cli/cli.hpp"

#include "cli/commands.hpp"
#include "report/badge.hpp"

namespace mofcheck {

void setup_badge(CLI::App& app, BadgeOptions& opts) {
  app.add_option("file", opts.input, "Manifest (JSON or YAML); '-' reads standard input")
      ->required()
      ->type_name("FILE");
  app.add_option("-f,--format", opts.format,
                 "svg (an image), or shields (shields.io endpoint JSON)")
      ->check(CLI::IsMember({"svg", "shields"}))
      ->type_name("FORMAT")
      ->capture_default_str();
  add_output_options(app, opts.output, "the badge");
  app.add_option("--label", opts.label, "Text on the left side")
      ->type_name("TEXT")
      ->capture_default_str();
  add_input_syntax_option(app, opts.input_format);
  add_data_options(app, opts.data);
}

int run_badge(const BadgeOptions& opts, Context& ctx) {
  Knowledge k = load_knowledge(opts.data);
  Evaluation ev = evaluate_input(opts.input, k, opts.input_format);
  Badge badge = make_badge(ev, opts.label);
  std::string text = opts.format == "shields" ? badge_shields_json(badge) : badge_svg(badge);
  return run_with_output(opts.output, {opts.input}, ctx, [&](Context& c) {
    c.out << text;
    return exit_ok;
  });
}

}  // namespace mofcheck

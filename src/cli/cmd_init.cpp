// SPDX-License-Identifier: Apache-2.0
// mof-check init [-o FILE]: write a manifest template for the loaded definition.
#include <ostream>

#include <mofcheck/draft.hpp>
#include <mofcheck/report.hpp>
#include "cli/cli.hpp"

#include "cli/atomic_file.hpp"
#include "cli/commands.hpp"
#include "cli/output_guard.hpp"

namespace mofcheck {

namespace {

// --license must be a license expression as SPDX writes it: anything the
// license layer reports as misspelt, unknown or malformed is refused, with
// its suggestion.
void check_release_license(const std::string& license, const LicenseDb& db) {
  LicenseAssessment a = db.assess(license, ContentType::code);
  for (const LicenseFinding& f : a.findings) {
    if (f.code == "license-alias" || f.code == "license-unknown" || f.code == "license-syntax" ||
        f.code == "license-not-canonical" || f.code == "license-deprecated") {
      throw Error({}, "--license " + license + ": " + f.message);
    }
  }
}

}  // namespace

void setup_init(CLI::App& app, InitOptions& opts) {
  app.add_option("file", opts.file, "The same as -o FILE")->type_name("FILE");
  add_output_options(app, opts.output,
                     "the template (default mof-manifest.json, or .yaml with --yaml)");
  app.add_flag("--yaml", opts.yaml, "Write YAML instead of JSON");
  app.add_option("--name", opts.name, "The model's name (release.name)")->type_name("NAME");
  app.add_option("--producer", opts.producer, "Who releases the model (release.producer)")
      ->type_name("NAME");
  app.add_option("--license", opts.license,
                 "The license of the whole release (release.license.distribution), an SPDX id "
                 "or expression such as Apache-2.0; every component inherits it until you give "
                 "it its own")
      ->type_name("LICENSE");
  add_data_options(app, opts.data);
}

int run_init(const InitOptions& opts, Context& ctx) {
  if (!opts.file.empty() && !opts.output.file.empty() && opts.file != opts.output.file) {
    throw Error({}, "init: name the file once, as FILE or as -o FILE");
  }
  Knowledge k = load_knowledge(opts.data);
  if (!opts.license.empty()) check_release_license(opts.license, *k.licenses);
  Draft d = template_draft(*k.framework);
  d.name = opts.name;
  d.producer = opts.producer;
  d.distribution.present = true;
  d.distribution.name = opts.license;
  // An empty component license means "no license" and would beat the release's.
  if (!opts.license.empty()) {
    for (DraftComponent& c : d.components) c.has_license = false;
  }
  const std::string text = render_draft(d, opts.yaml ? DraftSyntax::yaml : DraftSyntax::json);

  std::string file = !opts.output.file.empty() ? opts.output.file : opts.file;
  if (file == "-") {
    ctx.out << text;
    return exit_ok;
  }
  if (file.empty()) file = opts.yaml ? "mof-manifest.yaml" : "mof-manifest.json";
  refuse_overwrite(file, opts.output.force);
  write_file_atomically(file, text);
  ctx.out << "wrote " << terminal_safe(file) << ": " << d.components.size() << " components "
          << (opts.license.empty() ? std::string("with empty licenses (no license)")
                                   : "under the release license " + opts.license)
          << "; give each its own license where it differs, its path, and delete the "
             "components you do not publish\n";
  return exit_ok;
}

}  // namespace mofcheck

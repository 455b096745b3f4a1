// SPDX-License-Identifier: Apache-2.0
// mof-check init [FILE]: write a manifest template for the loaded definition.
#include <filesystem>
#include <ostream>

#include <mofcheck/draft.hpp>
#include "cli/cli.hpp"

#include "cli/atomic_file.hpp"
#include "cli/commands.hpp"

namespace mofcheck {

void setup_init(CLI::App& app, InitOptions& opts) {
  app.add_option("file", opts.file,
                 "Manifest to write (default mof-manifest.json, or .yaml with --yaml); '-' "
                 "writes to standard output")
      ->type_name("FILE");
  app.add_flag("--yaml", opts.yaml, "Write YAML instead of JSON");
  app.add_option("--name", opts.name, "The model's name (release.name)");
  app.add_option("--producer", opts.producer, "Who releases the model (release.producer)");
  app.add_option("--license", opts.license,
                 "The license of the whole release (release.license.distribution), e.g. Apache-2.0")
      ->type_name("LICENSE");
  app.add_flag("--force", opts.force, "Overwrite an existing file");
  add_data_options(app, opts.data);
}

int run_init(const InitOptions& opts, Context& ctx) {
  Knowledge k = load_knowledge(opts.data);
  Draft d = template_draft(*k.framework);
  d.name = opts.name;
  d.producer = opts.producer;
  d.distribution.present = true;
  d.distribution.name = opts.license;
  const std::string text = render_draft(d, opts.yaml ? DraftSyntax::yaml : DraftSyntax::json);

  if (opts.file == "-") {
    ctx.out << text;
    return exit_ok;
  }
  const std::string file =
      opts.file.empty() ? (opts.yaml ? "mof-manifest.yaml" : "mof-manifest.json") : opts.file;
  std::error_code ec;
  if (!opts.force && std::filesystem::exists(std::filesystem::symlink_status(file, ec))) {
    throw Error({file, 0, 0}, "already exists; use --force to overwrite it");
  }
  write_file_atomically(file, text);
  ctx.out << "wrote " << file << ": " << d.components.size()
          << " components with empty licenses; give each its license and path, and delete "
             "the components you do not publish\n";
  return exit_ok;
}

}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
// mof-check components: the loaded definition, class by class.
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/cli.hpp"

#include "cli/commands.hpp"

namespace mofcheck {

void setup_components(CLI::App& app, ComponentsOptions& opts) {
  add_listing_options(app, opts.format, opts.output, opts.data, "the list");
}

namespace {

int print_components(const ComponentsOptions& opts, Context& ctx) {
  Knowledge k = load_knowledge(opts.data);
  const Framework& fw = *k.framework;
  if (opts.format == "json") {
    nlohmann::ordered_json j;
    j["framework"] = {{"name", fw.name}, {"version", fw.version}, {"date", fw.date}};
    auto comps = nlohmann::ordered_json::array();
    for (const auto& c : fw.components) {
      comps.push_back({{"id", c.id},
                       {"name", c.name},
                       {"type", content_type_name(c.type)},
                       {"class", c.class_level},
                       {"required", c.required},
                       {"description", c.description}});
    }
    j["components"] = comps;
    ctx.out << j.dump(2) << '\n';
    return exit_ok;
  }
  ctx.out << fw.name << ' ' << fw.version << " (" << fw.date << ")\n";
  for (const auto& cls : fw.classes) {
    ctx.out << '\n' << cls.label << '\n';
    for (const auto& c : fw.components) {
      if (c.class_level != cls.level) continue;
      std::string name = c.name;
      name.resize(std::max<std::size_t>(name.size(), 34), ' ');
      std::string type = content_type_name(c.type);
      type.resize(10, ' ');
      ctx.out << "  " << name << type << (c.required ? "required" : "optional") << '\n';
    }
  }
  if (!fw.substitutions.empty()) ctx.out << '\n';
  for (const auto& s : fw.substitutions) {
    ctx.out << "A met " << fw.components[s.substitute].name << " stands in for a missing "
            << fw.components[s.component].name << '\n';
  }
  return exit_ok;
}

}  // namespace

int run_components(const ComponentsOptions& opts, Context& ctx) {
  return run_with_output(opts.output, {}, ctx,
                         [&](Context& c) { return print_components(opts, c); });
}

}  // namespace mofcheck

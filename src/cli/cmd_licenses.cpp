// SPDX-License-Identifier: Apache-2.0
// mof-check licenses: the license knowledge base, filtered.
#include <algorithm>
#include <ostream>

#include <mofcheck/report.hpp>
#include "cli/cli.hpp"

#include "cli/commands.hpp"
#include "report/license_describe.hpp"

namespace mofcheck {

void setup_licenses(CLI::App& app, LicensesOptions& opts) {
  app.add_option("-t,--type", opts.type, "Only licenses suited to this component type")
      ->check(CLI::IsMember({"code", "data", "document"}))
      ->type_name("TYPE");
  CLI::Option* open =
      app.add_flag("--open", opts.open_only, "Only licenses that are open under the MOF rule");
  // The known list holds only what is not open: --open or --type would empty it.
  app.add_flag("--known", opts.known,
               "List the licenses recognised by name that are not open, and the words written "
               "instead of a license, with the reason")
      ->excludes(open)
      ->excludes("--type");
  add_listing_options(app, opts.format, opts.output, opts.data, "the list");
}

namespace {

int print_licenses(const LicensesOptions& opts, Context& ctx) {
  Knowledge k = load_knowledge(opts.data);
  const LicenseDb& db = *k.licenses;
  const bool json = opts.format == "json";

  if (opts.known) {
    if (json) {
      auto list = nlohmann::ordered_json::array();
      for (const KnownLicense& known : db.known()) list.push_back(known_json(known));
      ctx.out << nlohmann::ordered_json{{"license_list_version", db.list_version()},
                                        {"known", list}}
                     .dump(2)
              << '\n';
      return exit_ok;
    }
    for (const KnownLicense& known : db.known()) {
      ctx.out << terminal_safe(known.name) << " [" << known.kind << "]\n  "
              << terminal_safe(known.reason) << '\n';
    }
    return exit_ok;
  }

  auto type = parse_content_type(opts.type);
  std::vector<const LicenseInfo*> shown;
  for (const LicenseInfo& info : db.licenses()) {
    if (opts.open_only && !info.open) continue;
    if (type && std::find(info.suits.begin(), info.suits.end(), *type) == info.suits.end()) {
      continue;
    }
    shown.push_back(&info);
  }
  if (json) {
    auto list = nlohmann::ordered_json::array();
    for (const LicenseInfo* info : shown) list.push_back(license_json(*info));
    ctx.out << nlohmann::ordered_json{{"license_list_version", db.list_version()},
                                      {"licenses", list}}
                   .dump(2)
            << '\n';
    return exit_ok;
  }
  std::size_t width = 0;
  for (const LicenseInfo* info : shown) width = std::max(width, info->id.size());
  std::string filter;
  if (opts.open_only) filter = "open";
  if (type) filter += (filter.empty() ? "" : ", ") + std::string("suited to ") + opts.type;
  ctx.out << "SPDX License List " << db.list_version() << " and additions: " << shown.size()
          << " of " << db.licenses().size() << " licenses"
          << (filter.empty() ? "" : " (" + filter + ")") << '\n';
  for (const LicenseInfo* info : shown) {
    std::string id = info->id;
    id.resize(width + 2, ' ');
    ctx.out << "  " << terminal_safe(id) << terminal_safe(info->name) << "\n  "
            << std::string(width + 2, ' ') << license_facts(*info) << '\n';
  }
  return exit_ok;
}

}  // namespace

int run_licenses(const LicensesOptions& opts, Context& ctx) {
  return run_with_output(opts.output, {}, ctx, [&](Context& c) { return print_licenses(opts, c); });
}

}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
// How --help looks: option names with one placeholder each (no parser
// notation such as "TEXT:{a,b}=x" or "..."), defaults said in words, and
// every paragraph wrapped to the terminal width. Private.
#pragma once

#include <cstddef>
#include <string>

#include <CLI/CLI.hpp>

namespace mofcheck {

class HelpFormatter : public CLI::Formatter {
 public:
  /// `width`: columns to wrap to (COLUMNS, else 80).
  explicit HelpFormatter(std::size_t width);

  std::string make_option(const CLI::Option* opt, bool is_positional) const override;
  std::string make_option_opts(const CLI::Option* opt) const override;
  std::string make_option_usage(const CLI::Option* opt) const override;
  std::string make_description(const CLI::App* app) const override;
  std::string make_footer(const CLI::App* app) const override;
  std::string make_subcommand(const CLI::App* sub) const override;
  std::string make_group(std::string group, bool is_positional,
                         std::vector<const CLI::Option*> opts) const override;

 private:
  std::string wrap_text(const std::string& text) const;
  std::string two_columns(const std::string& left, const std::string& right) const;

  std::size_t width_;
};

/// The placeholder of an option as help shows it ("FILE", "N"): its type
/// name without the validators CLI11 appends after ':'.
std::string placeholder(const CLI::Option& opt);

}  // namespace mofcheck

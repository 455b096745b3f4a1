// SPDX-License-Identifier: Apache-2.0
#include "cli/help_format.hpp"

#include "report/wrap.hpp"

namespace mofcheck {

namespace {

constexpr std::size_t kNameColumn = 30;

}  // namespace

std::string placeholder(const CLI::Option& opt) {
  std::string type = opt.get_type_name();
  return type.substr(0, type.find(':'));
}

HelpFormatter::HelpFormatter(std::size_t width) : width_(width) {
  column_width(kNameColumn);
}

std::string HelpFormatter::wrap_text(const std::string& text) const {
  // Paragraphs and indented lines (lists, exit-code tables) keep their breaks.
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + start, nl - start);
    std::size_t lead = line.find_first_not_of(' ');
    if (lead == std::string_view::npos) {
      out.append(line);
    } else {
      // A list entry continues under its text: "  0  evaluated, ..." wraps under "evaluated".
      std::size_t hang = lead;
      std::size_t gap = line.find("  ", lead);
      if (lead > 0 && gap != std::string_view::npos && gap < 24) {
        hang = line.find_first_not_of(' ', gap);
      }
      out.append(line.substr(0, hang));
      out += wrap_paragraph(line.substr(hang), width_, hang, hang);
    }
    if (nl == text.size()) break;
    out += '\n';
    start = nl + 1;
  }
  return out;
}

std::string HelpFormatter::two_columns(const std::string& left, const std::string& right) const {
  std::string out = left;
  std::size_t used = display_width(left);
  if (right.empty()) return out + '\n';
  if (used + 1 > kNameColumn) {
    out += '\n';
    used = 0;
  }
  out.append(kNameColumn - used, ' ');
  std::size_t width = width_ > kNameColumn + 20 ? width_ : kNameColumn + 20;
  return out + wrap_paragraph(right, width, kNameColumn, kNameColumn) + '\n';
}

std::string HelpFormatter::make_option_opts(const CLI::Option* opt) const {
  if (opt->get_type_size() == 0) return {};
  return " " + placeholder(*opt);
}

std::string HelpFormatter::make_option_usage(const CLI::Option* opt) const {
  std::string s = placeholder(*opt);
  if (opt->get_expected_max() > 1) s += "...";
  return opt->get_required() ? s : "[" + s + "]";
}

std::string HelpFormatter::make_option(const CLI::Option* opt, bool is_positional) const {
  std::string left = "  ";
  if (is_positional) {
    left += make_option_usage(opt);
  } else {
    left += opt->get_name(false, true) + make_option_opts(opt);
  }
  std::string desc = opt->get_description();
  if (!is_positional && opt->get_type_size() != 0 && !opt->get_default_str().empty()) {
    desc += " (default: " + opt->get_default_str() + ")";
  }
  return two_columns(left, desc);
}

std::string HelpFormatter::make_description(const CLI::App* app) const {
  const std::string& desc = app->get_description();
  return desc.empty() ? std::string() : wrap_text(desc) + "\n";
}

std::string HelpFormatter::make_footer(const CLI::App* app) const {
  const std::string& footer = app->get_footer();
  return footer.empty() ? std::string() : wrap_text(footer) + "\n";
}

std::string HelpFormatter::make_group(std::string group, bool is_positional,
                                      std::vector<const CLI::Option*> opts) const {
  std::string out = "\n" + wrap_paragraph(group + ":", width_, 0, 2) + "\n";
  for (const CLI::Option* opt : opts) out += make_option(opt, is_positional);
  return out;
}

std::string HelpFormatter::make_subcommand(const CLI::App* sub) const {
  return two_columns("  " + sub->get_name(), sub->get_description());
}

}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
#include "cli/completions.hpp"

#include <stdexcept>

#include <mofcheck/framework.hpp>

namespace mofcheck {

namespace {

// The type name CLI11 shows before any validator text: "FILE" of "FILE",
// "TEXT" of "TEXT:{text,json}".
std::string base_type(const CLI::Option& opt) {
  std::string t = opt.get_type_name();
  return t.substr(0, t.find(':'));
}

// The choices of an IsMember check: its description reads "{a,b,c}".
std::vector<std::string> choices(const CLI::Option& opt) {
  std::vector<std::string> values;
  std::string t = opt.get_type_name();
  auto open = t.find(":{");
  if (open == std::string::npos) return values;
  auto close = t.find('}', open);
  if (close == std::string::npos) return values;
  std::string list = t.substr(open + 2, close - open - 2);
  std::size_t start = 0;
  while (start <= list.size()) {
    auto comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    if (comma > start) values.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return values;
}

// A CLASS argument is checked against the loaded framework at run time; the
// completions offer the built-in framework's classes.
std::vector<std::string> builtin_classes() {
  std::vector<std::string> values;
  const auto& classes = builtin_framework().classes;
  for (auto it = classes.rbegin(); it != classes.rend(); ++it) values.push_back(it->roman);
  return values;
}

std::vector<std::string> values_of(const CLI::Option& opt) {
  if (base_type(opt) == "CLASS") return builtin_classes();
  return choices(opt);
}

ArgKind kind_of(const CLI::Option& opt) {
  if (opt.get_expected_max() == 0) return ArgKind::none;  // a flag
  if (!values_of(opt).empty()) return ArgKind::choice;
  std::string t = base_type(opt);
  if (t == "FILE" || t == "OLD" || t == "NEW") return ArgKind::file;
  if (t == "DIR" || t == "ROOT") return ArgKind::directory;
  return ArgKind::free;
}

std::string first_sentence(const std::string& text) {
  auto end = text.find(". ");
  return end == std::string::npos ? text : text.substr(0, end);
}

CommandSpec describe_command(const CLI::App& app, const std::string& name) {
  CommandSpec cmd;
  cmd.name = name;
  cmd.help = first_sentence(app.get_description());
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_group().empty()) continue;  // hidden
    if (!opt->nonpositional()) {
      ArgKind k = kind_of(*opt);
      if (k != ArgKind::none) cmd.positional = k;
      continue;
    }
    OptionSpec o;
    for (const auto& s : opt->get_snames()) o.names.push_back("-" + s);
    for (const auto& l : opt->get_lnames()) o.names.push_back("--" + l);
    o.help = first_sentence(opt->get_description());
    o.kind = kind_of(*opt);
    if (o.kind == ArgKind::choice) o.values = values_of(*opt);
    o.repeatable = o.kind != ArgKind::none && opt->get_expected_max() > 1;
    cmd.options.push_back(std::move(o));
  }
  return cmd;
}

// What completes before any subcommand: the program's own options, and the
// default command's options (less those of the same name) and arguments.
CommandSpec top_level(const CompletionSpec& spec) {
  CommandSpec top = spec.top;
  for (const auto& c : spec.commands) {
    if (c.name != spec.default_command) continue;
    for (const auto& o : c.options) {
      bool known = false;
      for (const auto& t : spec.top.options) known = known || t.names == o.names;
      if (!known) top.options.push_back(o);
    }
    top.positional = c.positional;
  }
  return top;
}

// ---- bash ----

const char* bash_args(ArgKind kind) {
  switch (kind) {
    case ArgKind::file:
      return "file";
    case ArgKind::directory:
      return "directory";
    case ArgKind::choice:
    case ArgKind::free:
    case ArgKind::none:
      break;
  }
  return "";
}

std::string sh_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  return q + "'";
}

std::string joined(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
  return s;
}

std::vector<std::string> option_names(const CommandSpec& cmd) {
  std::vector<std::string> names;
  for (const auto& o : cmd.options) names.insert(names.end(), o.names.begin(), o.names.end());
  return names;
}

std::string bash_reply(ArgKind kind, const std::vector<std::string>& values) {
  switch (kind) {
    case ArgKind::choice:
      return "COMPREPLY=($(compgen -W " + sh_quote(joined(values)) + " -- \"$cur\"))";
    case ArgKind::file:
      return "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\"))";
    case ArgKind::directory:
      return "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- \"$cur\"))";
    case ArgKind::free:
    case ArgKind::none:
      break;
  }
  return ":";
}

std::string bash_script(const CompletionSpec& spec) {
  std::string fn = "_mof_check";
  std::vector<std::string> names;
  for (const auto& c : spec.commands) names.push_back(c.name);
  std::string s = "# bash completion for " + spec.program + "; generated by '" + spec.program +
                  " completions bash' from its command-line definition. Do not edit.\n";
  s += fn + "() {\n";
  s += "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"\" sub=\"\"\n";
  s += "  ((COMP_CWORD > 0)) && prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n";
  s += "  # --opt=value: bash splits at '='.\n";
  s += "  if [[ $cur == = ]]; then\n    cur=\"\"\n";
  s += "  elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then\n";
  s += "    prev=\"${COMP_WORDS[COMP_CWORD-2]}\"\n  fi\n";
  std::string alternation;
  for (const auto& n : names) alternation += (alternation.empty() ? "" : "|") + n;
  s += "  ((COMP_CWORD > 1)) && case \"${COMP_WORDS[1]}\" in\n";
  s += "    " + alternation + ") sub=\"${COMP_WORDS[1]}\" ;;\n  esac\n";
  s += "  COMPREPLY=()\n";
  s += "  # The value of the option before the word being completed.\n";
  s += "  case \"${sub:-" + spec.default_command + "}:$prev\" in\n";
  for (const auto& c : spec.commands) {
    for (const auto& o : c.options) {
      if (o.kind == ArgKind::none) continue;
      std::string labels;
      for (const auto& n : o.names) labels += (labels.empty() ? "" : "|") + c.name + ":" + n;
      s += "    " + labels + ") " + bash_reply(o.kind, o.values) + "; return ;;\n";
    }
  }
  s += "  esac\n";
  s += "  local opts=\"\" args=\"\"\n";
  s += "  case \"$sub\" in\n";
  CommandSpec top = top_level(spec);
  s += "    \"\") opts=" + sh_quote(joined(option_names(top))) +
       "; args=" + bash_args(top.positional) + " ;;\n";
  for (const auto& c : spec.commands) {
    s += "    " + c.name + ") opts=" + sh_quote(joined(option_names(c))) +
         "; args=" + bash_args(c.positional) + " ;;\n";
  }
  s += "  esac\n";
  s += "  if [[ $cur == -* ]]; then\n";
  s += "    COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n    return\n  fi\n";
  s += "  if [[ -z $sub ]] && ((COMP_CWORD == 1)); then\n";
  s += "    COMPREPLY=($(compgen -W " + sh_quote(joined(names)) + " -- \"$cur\"))\n  fi\n";
  s += "  case \"$args\" in\n";
  s += "    file) compopt -o filenames 2>/dev/null; COMPREPLY+=($(compgen -f -- \"$cur\")) ;;\n";
  s += "    directory) compopt -o filenames 2>/dev/null; COMPREPLY+=($(compgen -d -- \"$cur\")) "
       ";;\n";
  s += "  esac\n}\n";
  s += "complete -F " + fn + " " + spec.program + "\n";
  return s;
}

// ---- zsh ----

// Text inside '...' of a zsh script, also safe inside [...] of an _arguments spec.
std::string zsh_text(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else if (c == '[' || c == ']' || c == '\\' || c == ':') {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

std::string zsh_action(ArgKind kind, const std::vector<std::string>& values) {
  switch (kind) {
    case ArgKind::choice: {
      std::string list;
      for (const auto& v : values) list += (list.empty() ? "" : " ") + zsh_text(v);
      return ":value:(" + list + ")";
    }
    case ArgKind::file:
      return ":file:_files";
    case ArgKind::directory:
      return ":folder:_files -/";
    case ArgKind::free:
      return ":value: ";
    case ArgKind::none:
      break;
  }
  return "";
}

void zsh_specs(std::string& s, const CommandSpec& cmd) {
  for (const auto& o : cmd.options) {
    std::string exclusion, names;
    for (const auto& n : o.names) {
      exclusion += (exclusion.empty() ? "" : " ") + n;
      names += (names.empty() ? "" : ",") + n;
    }
    std::string spec = "[" + zsh_text(o.help) + "]" + zsh_action(o.kind, o.values);
    const char* times = o.repeatable ? "*" : "";
    if (o.names.size() == 1) {
      s += "    '" + (times + o.names[0]) + spec + "' \\\n";
    } else if (o.repeatable) {
      s += "    '*'{" + names + "}'" + spec + "' \\\n";
    } else {
      s += "    '(" + exclusion + ")'{" + names + "}'" + spec + "' \\\n";
    }
  }
  if (cmd.positional != ArgKind::none && cmd.positional != ArgKind::free) {
    s += "    '*" + zsh_action(cmd.positional, {}) + "' \\\n";
  }
}

std::string zsh_script(const CompletionSpec& spec) {
  std::string s = "#compdef " + spec.program + "\n# zsh completion for " + spec.program +
                  "; generated by '" + spec.program +
                  " completions zsh' from its command-line definition. Do not edit.\n\n";
  for (const auto& c : spec.commands) {
    s += "_mof_check_cmd_" + c.name + "() {\n  _arguments -s -S \\\n";
    zsh_specs(s, c);
    s += "    && return 0\n  return 1\n}\n\n";
  }
  s += "_mof_check_top() {\n  _arguments -s -S \\\n";
  zsh_specs(s, top_level(spec));
  s += "    && return 0\n  return 1\n}\n\n";
  s += "_mof-check() {\n  local -a commands=(\n";
  for (const auto& c : spec.commands)
    s += "    '" + zsh_text(c.name) + ":" + zsh_text(c.help) + "'\n";
  s += "  )\n";
  s += "  if (( CURRENT > 2 )) && (( ${+functions[_mof_check_cmd_${words[2]}]} )); then\n";
  s += "    local sub=${words[2]}\n    shift words\n    (( CURRENT-- ))\n";
  s += "    _mof_check_cmd_$sub\n    return\n  fi\n";
  s += "  local ret=1\n";
  s += "  if (( CURRENT == 2 )) && [[ $PREFIX != -* ]]; then\n";
  s += "    _describe -t commands '" + spec.program + " command' commands && ret=0\n  fi\n";
  s += "  _mof_check_top && ret=0\n  return ret\n}\n\n";
  s += "_mof-check \"$@\"\n";
  return s;
}

// ---- fish ----

std::string fish_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'' || c == '\\') q += '\\';
    q += c;
  }
  return q + "'";
}

void fish_options(std::string& s, const std::string& program, const std::string& condition,
                  const CommandSpec& cmd) {
  for (const auto& o : cmd.options) {
    s += "complete -c " + program + " -n " + fish_quote(condition);
    for (const auto& n : o.names) {
      if (n.size() == 2) {
        s += " -s " + n.substr(1);
      } else {
        s += " -l " + n.substr(2);
      }
    }
    switch (o.kind) {
      case ArgKind::choice:
        s += " -x -a " + fish_quote(joined(o.values));
        break;
      case ArgKind::file:
        s += " -r -F";
        break;
      case ArgKind::directory:
        s += " -x -a '(__fish_complete_directories)'";
        break;
      case ArgKind::free:
        s += " -x";
        break;
      case ArgKind::none:
        break;
    }
    s += " -d " + fish_quote(o.help) + "\n";
  }
  if (cmd.positional == ArgKind::file) {
    s += "complete -c " + program + " -n " + fish_quote(condition) + " -F\n";
  } else if (cmd.positional == ArgKind::directory) {
    s += "complete -c " + program + " -n " + fish_quote(condition) +
         " -a '(__fish_complete_directories)'\n";
  }
}

std::string fish_script(const CompletionSpec& spec) {
  const std::string& p = spec.program;
  std::string s = "# fish completion for " + p + "; generated by '" + p +
                  " completions fish' from its command-line definition. Do not edit.\n";
  s += "complete -c " + p + " -f\n";
  std::vector<std::string> others;
  for (const auto& c : spec.commands) {
    if (c.name != spec.default_command) others.push_back(c.name);
  }
  for (const auto& c : spec.commands) {
    s += "complete -c " + p + " -n __fish_use_subcommand -a " + fish_quote(c.name) + " -d " +
         fish_quote(c.help) + "\n";
  }
  fish_options(s, p, "__fish_use_subcommand", spec.top);
  for (const auto& c : spec.commands) {
    // The default command also runs when no subcommand is named.
    std::string condition = c.name == spec.default_command
                                ? "not __fish_seen_subcommand_from " + joined(others)
                                : "__fish_seen_subcommand_from " + c.name;
    fish_options(s, p, condition, c);
  }
  return s;
}

}  // namespace

CompletionSpec describe_cli(const CLI::App& app, const std::string& default_command) {
  CompletionSpec spec;
  spec.program = app.get_name();
  spec.default_command = default_command;
  spec.top = describe_command(app, "");
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_group().empty()) continue;  // hidden
    spec.commands.push_back(describe_command(*sub, sub->get_name()));
  }
  return spec;
}

const std::vector<std::string>& completion_shells() {
  static const std::vector<std::string> shells = {"bash", "zsh", "fish"};
  return shells;
}

std::string completion_script(const CompletionSpec& spec, const std::string& shell) {
  if (shell == "bash") return bash_script(spec);
  if (shell == "zsh") return zsh_script(spec);
  if (shell == "fish") return fish_script(spec);
  throw std::invalid_argument("no completion for shell " + shell);
}

}  // namespace mofcheck

# SPDX-License-Identifier: Apache-2.0
# Every subcommand and every option that `mof-check --help` and
# `mof-check SUBCOMMAND --help` show is documented in the man page.
#   cmake -DBINARY=mof-check -DMAN=man/mof-check.1 -P man_options.cmake
file(READ "${MAN}" page)
# roff writes a hyphen of an option as \-.
string(REPLACE "\\-" "-" page "${page}")

function(help_of out)
  execute_process(COMMAND "${BINARY}" ${ARGN} --help OUTPUT_VARIABLE text RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "mof-check ${ARGN} --help failed (${rc})")
  endif()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# The option names of a help text: the words starting with '-' at the start
# of an option line ("  -f,--format TEXT..." or "  --strict,--no-strict{false}").
function(check_options help where)
  string(REGEX MATCHALL "\n  -[^ \n]*" lines "${help}")
  set(count 0)
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "^\n  " "" line "${line}")
    string(REGEX REPLACE "[{:].*" "" line "${line}")
    string(REPLACE "," ";" names "${line}")
    foreach(name IN LISTS names)
      math(EXPR count "${count} + 1")
      string(REGEX MATCH "(^|[^-A-Za-z])${name}([^-A-Za-z]|$)" found "${page}")
      if(found STREQUAL "")
        message(SEND_ERROR "${where}: option ${name} is not in the man page")
      endif()
    endforeach()
  endforeach()
  if(count EQUAL 0)
    message(SEND_ERROR "${where}: no options found in --help (has its layout changed?)")
  endif()
endfunction()

help_of(top)
check_options("${top}" "mof-check")
string(REGEX MATCH "Subcommands:\n.*" subs "${top}")
string(REGEX MATCHALL "\n  [a-z]+ " names "${subs}")
list(LENGTH names n)
if(n EQUAL 0)
  message(FATAL_ERROR "no subcommands in mof-check --help")
endif()
foreach(sub IN LISTS names)
  string(STRIP "${sub}" sub)
  # Each subcommand has its own section, .SS "mof-check SUB ...".
  string(FIND "${page}" ".SS \"mof-check ${sub}" at)
  if(at EQUAL -1)
    message(SEND_ERROR "subcommand ${sub} has no section (.SS \"mof-check ${sub} ...\") in the man page")
  endif()
  help_of(text ${sub})
  check_options("${text}" "mof-check ${sub}")
endforeach()

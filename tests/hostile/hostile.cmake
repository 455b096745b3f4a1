# SPDX-License-Identifier: Apache-2.0
# Hostile inputs (tests/hostile/cases.txt): one test per line,
#   name|src or gen|arguments|exit code|standard error ('~' between lines)
# "src" fixtures live in tests/hostile/fixtures; "gen" ones are written at
# test time by generate.cmake (large files: each limit at and past its
# boundary). No case may put an escape character on standard output.
set(hostile_dir ${CMAKE_CURRENT_LIST_DIR})
set(hostile_gen ${CMAKE_CURRENT_BINARY_DIR}/hostile-generated)
add_test(NAME hostile.generate
  COMMAND ${CMAKE_COMMAND} -DOUT=${hostile_gen} -P ${hostile_dir}/generate.cmake)
set_tests_properties(hostile.generate PROPERTIES FIXTURES_SETUP hostile_generated)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${hostile_dir}/cases.txt)

file(STRINGS ${hostile_dir}/cases.txt hostile_cases ENCODING UTF-8)
foreach(line IN LISTS hostile_cases)
  if(line MATCHES "^#" OR line STREQUAL "")
    continue()
  endif()
  string(REPLACE "|" ";" fields "${line}")
  list(GET fields 0 name)
  list(GET fields 1 where)
  list(GET fields 2 args)
  list(GET fields 3 rc)
  list(LENGTH fields n)
  set(err "")
  if(n GREATER 4)
    list(GET fields 4 err)
    string(REPLACE "~" "\n" err "${err}")
  endif()
  separate_arguments(args UNIX_COMMAND "${args}")
  string(REPLACE ";" "\\;" args "${args}")
  set(dir ${hostile_dir}/fixtures)
  if(where STREQUAL "gen")
    set(dir ${hostile_gen})
  endif()
  add_test(NAME hostile.${name}
    COMMAND ${CMAKE_COMMAND} -DBINARY=$<TARGET_FILE:mof-check> -DDIR=${dir} "-DARGS=${args}"
            -DRC=${rc} "-DERR=${err}" -DNO_ESC=1 -P ${hostile_dir}/run_hostile.cmake)
  if(where STREQUAL "gen")
    set_tests_properties(hostile.${name} PROPERTIES FIXTURES_REQUIRED hostile_generated)
  endif()
endforeach()

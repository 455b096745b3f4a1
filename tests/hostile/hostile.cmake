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

# Only the name and the folder are taken here (a message may hold ';', a
# CMake list separator); run_hostile.cmake reads the rest of its own line.
file(STRINGS ${hostile_dir}/cases.txt hostile_lines REGEX "^[A-Za-z0-9-]+\\|(src|gen)\\|")
foreach(line IN LISTS hostile_lines)
  if(NOT line MATCHES "^([A-Za-z0-9-]+)\\|(src|gen)\\|")
    continue()
  endif()
  set(name ${CMAKE_MATCH_1})
  set(where ${CMAKE_MATCH_2})
  set(dir ${hostile_dir}/fixtures)
  if(where STREQUAL "gen")
    set(dir ${hostile_gen})
  endif()
  add_test(NAME hostile.${name}
    COMMAND ${CMAKE_COMMAND} -DBINARY=$<TARGET_FILE:mof-check> -DDIR=${dir}
            -DCASES=${hostile_dir}/cases.txt -DNAME=${name} -DNO_ESC=1
            -P ${hostile_dir}/run_hostile.cmake)
  if(where STREQUAL "gen")
    set_tests_properties(hostile.${name} PROPERTIES FIXTURES_REQUIRED hostile_generated)
  endif()
endforeach()

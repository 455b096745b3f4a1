# SPDX-License-Identifier: Apache-2.0
# Runs one golden CLI case: CASE_DIR/cmd starts with a line "# what the case
# proves", then holds the arguments (shell words); optional CASE_DIR/stdin
# feeds standard input; stdout, stderr and the exit code must equal
# expected.out, expected.err and expected.rc. With UPDATE=1 (only ever set by
# scripts/update-golden.sh) the expected files are rewritten instead.
file(READ "${CASE_DIR}/cmd" cmd)
if(NOT cmd MATCHES "^# [^\n]+\n")
  message(FATAL_ERROR "${CASE_DIR}/cmd: the first line must be '# <what this case proves>'")
endif()
string(REGEX REPLACE "^# [^\n]+\n" "" cmd "${cmd}")
string(STRIP "${cmd}" cmd)
separate_arguments(args UNIX_COMMAND "${cmd}")
set(input_args)
if(EXISTS "${CASE_DIR}/stdin")
  set(input_args INPUT_FILE "${CASE_DIR}/stdin")
endif()
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env NO_COLOR= "${BINARY}" ${args}
  WORKING_DIRECTORY "${CASE_DIR}"
  ${input_args}
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
  RESULT_VARIABLE rc
  TIMEOUT 60)

if(UPDATE)
  file(WRITE "${CASE_DIR}/expected.out" "${out}")
  file(WRITE "${CASE_DIR}/expected.err" "${err}")
  file(WRITE "${CASE_DIR}/expected.rc" "${rc}\n")
  message(STATUS "updated ${CASE_DIR}")
  return()
endif()

set(failed FALSE)
file(READ "${CASE_DIR}/expected.rc" expected_rc)
string(STRIP "${expected_rc}" expected_rc)
if(NOT rc STREQUAL expected_rc)
  message(SEND_ERROR "exit code ${rc}, expected ${expected_rc}")
  set(failed TRUE)
endif()
foreach(stream out err)
  set(expected "")
  if(EXISTS "${CASE_DIR}/expected.${stream}")
    file(READ "${CASE_DIR}/expected.${stream}" expected)
  endif()
  if(NOT "${${stream}}" STREQUAL "${expected}")
    message(SEND_ERROR "std${stream} differs from expected.${stream}:\n--- got ---\n${${stream}}\n--- expected ---\n${expected}")
    set(failed TRUE)
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "golden case ${CASE_DIR} failed (after a deliberate change: scripts/update-golden.sh CASE, then review the diff)")
endif()

# SPDX-License-Identifier: Apache-2.0
# Runs one golden CLI case: CASE_DIR/cmd starts with a line "# what the case
# proves", then holds the arguments (shell words); optional CASE_DIR/stdin
# feeds standard input; stdout, stderr and the exit code must equal
# expected.out, expected.err and expected.rc. With UPDATE=1 (only ever set by
# scripts/update-golden.sh) the expected files are rewritten instead.
# Optional: CASE_DIR/env holds VAR=VALUE lines for the environment (COLUMNS,
# NO_COLOR and TERM are empty unless it sets them); CASE_DIR/stdout-to names
# a file standard output goes to (e.g. /dev/full), and expected.out is then
# empty; CASE_DIR/pipe-to holds a command (shell words) that reads standard
# output, e.g. 'true' for a reader that quits at once.
file(READ "${CASE_DIR}/cmd" cmd)
if(NOT cmd MATCHES "^# [^\n]+\n")
  message(FATAL_ERROR "${CASE_DIR}/cmd: the first line must be '# <what this case proves>'")
endif()
string(REGEX REPLACE "^# [^\n]+\n" "" cmd "${cmd}")
string(STRIP "${cmd}" cmd)
separate_arguments(args UNIX_COMMAND "${cmd}")
set(env NO_COLOR= COLUMNS= TERM=)
if(EXISTS "${CASE_DIR}/env")
  file(STRINGS "${CASE_DIR}/env" extra_env)
  list(APPEND env ${extra_env})
endif()
set(input_args)
if(EXISTS "${CASE_DIR}/stdin")
  set(input_args INPUT_FILE "${CASE_DIR}/stdin")
endif()
set(output_args OUTPUT_VARIABLE out)
set(out "")
if(EXISTS "${CASE_DIR}/stdout-to")
  file(STRINGS "${CASE_DIR}/stdout-to" stdout_to LIMIT_COUNT 1)
  set(output_args OUTPUT_FILE "${stdout_to}")
endif()
set(pipe_args)
if(EXISTS "${CASE_DIR}/pipe-to")
  file(READ "${CASE_DIR}/pipe-to" pipe_cmd)
  string(STRIP "${pipe_cmd}" pipe_cmd)
  separate_arguments(pipe_words UNIX_COMMAND "${pipe_cmd}")
  set(pipe_args COMMAND ${pipe_words})
endif()
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env ${env} "${BINARY}" ${args}
  ${pipe_args}
  WORKING_DIRECTORY "${CASE_DIR}"
  ${input_args}
  ${output_args}
  ERROR_VARIABLE err
  RESULTS_VARIABLE results
  TIMEOUT 60)
# The exit code of mof-check, the first command of a pipe.
list(GET results 0 rc)

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

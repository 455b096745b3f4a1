# SPDX-License-Identifier: Apache-2.0
# Runs one hostile case: BINARY with ARGS (a ;-list) in DIR; the exit code
# must be RC and standard error must equal ERR (one line, or empty). With
# NO_ESC=1, standard output must not hold an escape character.
set(arg_list ${ARGS})
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env NO_COLOR= "${BINARY}" ${arg_list}
  WORKING_DIRECTORY "${DIR}"
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
  RESULT_VARIABLE rc
  TIMEOUT 60)
set(expected_err "")
if(NOT ERR STREQUAL "")
  set(expected_err "${ERR}\n")
endif()
set(failed FALSE)
if(NOT rc STREQUAL RC)
  message(SEND_ERROR "exit code ${rc}, expected ${RC}")
  set(failed TRUE)
endif()
if(NOT err STREQUAL expected_err)
  message(SEND_ERROR "stderr:\n${err}\nexpected:\n${expected_err}")
  set(failed TRUE)
endif()
if(NO_ESC)
  string(ASCII 27 esc)
  string(FIND "${out}" "${esc}" at)
  if(NOT at EQUAL -1)
    message(SEND_ERROR "an escape character reached standard output at offset ${at}")
    set(failed TRUE)
  endif()
endif()
if(failed)
  message(FATAL_ERROR "hostile case failed: ${ARGS}")
endif()

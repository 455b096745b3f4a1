# SPDX-License-Identifier: Apache-2.0
# Runs the case NAME of CASES (name|src or gen|arguments|exit code|stderr,
# '~' between lines of stderr): BINARY with the arguments in DIR; the exit
# code and standard error must be as written. With NO_ESC=1, standard output
# must not hold an escape character.
file(STRINGS "${CASES}" found REGEX "^${NAME}\\|")
# file(STRINGS) writes a ';' of the line as "\;"; `found` stays quoted from here on.
string(REPLACE "\\;" ";" found "${found}")
if(NOT "${found}" MATCHES "^[^|]*\\|[^|]*\\|([^|]*)\\|([0-9]+)\\|?(.*)$")
  message(FATAL_ERROR "no case ${NAME} in ${CASES}")
endif()
separate_arguments(arg_list UNIX_COMMAND "${CMAKE_MATCH_1}")
set(RC "${CMAKE_MATCH_2}")
string(REPLACE "~" "\n" ERR "${CMAKE_MATCH_3}")
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
  message(FATAL_ERROR "hostile case ${NAME} failed")
endif()

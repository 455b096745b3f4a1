# SPDX-License-Identifier: Apache-2.0
# groff -ww -z -man renders the man page with no warning at all.
#   cmake -DGROFF=groff -DMAN=man/mof-check.1 -P groff_check.cmake
if(NOT GROFF OR NOT EXISTS "${GROFF}")
  message(FATAL_ERROR "groff not found: run scripts/install-deps.sh and configure again")
endif()
execute_process(COMMAND "${GROFF}" -ww -z -man "${MAN}" ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
  message(FATAL_ERROR "groff -ww -z -man ${MAN} (${rc}):\n${err}")
endif()

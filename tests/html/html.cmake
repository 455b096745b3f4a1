# SPDX-License-Identifier: Apache-2.0
# Browser tests of --format html (tests/html/run_chromium.cmake), one per
# case. They need Debian's chromium (scripts/install-deps.sh); without it
# each fails with a message, it is not skipped.
find_program(MOFCHECK_CHROMIUM NAMES chromium chromium-browser)
foreach(case one board board-sort board-filter board-detail hostile screenshot-model screenshot-board)
  add_test(NAME html.${case}
    COMMAND ${CMAKE_COMMAND} -DBINARY=$<TARGET_FILE:mof-check> -DCHROMIUM=${MOFCHECK_CHROMIUM}
            -DFIXTURES=${CMAKE_CURRENT_LIST_DIR}/fixtures -DWORK=${CMAKE_CURRENT_BINARY_DIR}/html
            -DCASE=${case} -P ${CMAKE_CURRENT_LIST_DIR}/run_chromium.cmake)
  set_tests_properties(html.${case} PROPERTIES TIMEOUT 240)
endforeach()

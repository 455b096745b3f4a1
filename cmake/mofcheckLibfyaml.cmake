# SPDX-License-Identifier: Apache-2.0
# libfyaml (Debian's libfyaml-dev) as the imported target mofcheck::libfyaml,
# for the build and for the installed package alike. Its static archive is
# preferred: one shared library less to load at start-up. Sets
# MOFCHECK_LIBFYAML_FOUND.
if(NOT TARGET mofcheck::libfyaml)
  if(NOT DEFINED MOFCHECK_STATIC_LIBFYAML)
    set(MOFCHECK_STATIC_LIBFYAML ON)
  endif()
  find_package(PkgConfig QUIET)
  if(PkgConfig_FOUND)
    pkg_check_modules(MOFCHECK_PC_LIBFYAML QUIET libfyaml)
  endif()
  find_path(MOFCHECK_LIBFYAML_INCLUDE_DIR libfyaml.h HINTS ${MOFCHECK_PC_LIBFYAML_INCLUDE_DIRS})
  set(_mofcheck_fyaml_names fyaml)
  if(MOFCHECK_STATIC_LIBFYAML)
    set(_mofcheck_fyaml_names libfyaml.a fyaml)
  endif()
  find_library(MOFCHECK_LIBFYAML_LIBRARY NAMES ${_mofcheck_fyaml_names}
               HINTS ${MOFCHECK_PC_LIBFYAML_LIBRARY_DIRS})
  if(MOFCHECK_LIBFYAML_INCLUDE_DIR AND MOFCHECK_LIBFYAML_LIBRARY)
    add_library(mofcheck::libfyaml UNKNOWN IMPORTED)
    set_target_properties(mofcheck::libfyaml PROPERTIES
      IMPORTED_LOCATION "${MOFCHECK_LIBFYAML_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${MOFCHECK_LIBFYAML_INCLUDE_DIR}")
  endif()
endif()
if(TARGET mofcheck::libfyaml)
  set(MOFCHECK_LIBFYAML_FOUND TRUE)
else()
  set(MOFCHECK_LIBFYAML_FOUND FALSE)
endif()

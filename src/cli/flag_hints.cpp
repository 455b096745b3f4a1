// SPDX-License-Identifier: Apache-2.0
#include "cli/flag_hints.hpp"

namespace mofcheck {

Error with_flag_hint(const Error& error) {
  switch (error.kind()) {
    case ErrorKind::invalid:
      return error;
    case ErrorKind::input_too_large:
      return Error(error.where(), error.message() + " (--max-input-size)", error.kind());
    case ErrorKind::string_too_long:
      return Error(error.where(), error.message() + " (--max-string-length)", error.kind());
    case ErrorKind::bad_checkout:
      return Error(error.where(), "--paths: " + error.message(), error.kind());
  }
  return error;
}

}  // namespace mofcheck

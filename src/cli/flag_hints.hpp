// SPDX-License-Identifier: Apache-2.0
// Library errors as the command line shows them: the library says what is
// wrong (and its ErrorKind); the CLI adds which flag changes it. Private.
#pragma once

#include <mofcheck/error.hpp>

namespace mofcheck {

/// `error` with the flag that governs its kind named: "... bytes
/// (--max-input-size)", "--paths: not a folder; ...". An ErrorKind::invalid
/// error is returned as it is. Never throws beyond allocation.
Error with_flag_hint(const Error& error);

}  // namespace mofcheck

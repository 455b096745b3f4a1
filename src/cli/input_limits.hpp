// SPDX-License-Identifier: Apache-2.0
// Command-line options for the limits on hostile input (ReadLimits). Private.
#pragma once

#include <optional>
#include <string_view>

#include <CLI/CLI.hpp>

#include <mofcheck/manifest.hpp>

namespace mofcheck {

/// Adds --max-input-size, --max-depth, --max-components and
/// --max-string-length to `app`; their values go into `limits`, whose
/// current values are the defaults shown in --help.
void add_limit_options(CLI::App& app, ReadLimits& limits);

/// Parses a byte count: digits with an optional K, M or G suffix (powers of
/// 1024, "KiB" and "MB" spellings accepted); nullopt when malformed, zero or
/// larger than `max`.
std::optional<std::size_t> parse_byte_size(std::string_view text, std::size_t max);

}  // namespace mofcheck

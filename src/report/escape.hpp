// SPDX-License-Identifier: Apache-2.0
// Escaping of input-derived text for the report formats (XML, Markdown,
// GitHub workflow commands, URIs). Private.
#pragma once

#include <string>
#include <string_view>

namespace mofcheck::escape {

/// The text with every invalid UTF-8 sequence replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

/// XML 1.0 character data or attribute value: &, <, >, " and ' as entities;
/// characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) and invalid
/// UTF-8 as U+FFFD. In attributes, tab and line breaks become character
/// references so parsers keep them.
std::string xml(std::string_view text, bool attribute = false);

/// Inline Markdown (also inside a table cell): line breaks and controls
/// become spaces; characters with Markdown or HTML meaning (| \ ` * _ [ ] < >
/// # ~ ! @ &) are escaped, so input cannot break a table, add links or markup,
/// or mention users.
std::string markdown(std::string_view text);

/// The message of a GitHub workflow command: %, CR and LF encoded.
std::string workflow_data(std::string_view text);
/// A property value of a workflow command: also ':' and ','.
std::string workflow_property(std::string_view text);

/// A relative path as a URI reference (RFC 3986): every byte outside the
/// unreserved set and '/' percent-encoded.
std::string uri_path(std::string_view path);

}  // namespace mofcheck::escape

// SPDX-License-Identifier: Apache-2.0
// A scanner for the one layout in which YAML manifest records are written
// (the MOT's records, `mof-check init`, most hand-written files): block
// mappings and sequences one entry a line, one-line plain or quoted
// scalars, empty flow collections. It gives the events libfyaml would give
// for such a text, at a small fraction of the cost, and declines anything
// else (flow content, multi-line or escaped scalars, anchors, tags,
// directives, a second document, empty values, line breaks other than line
// feeds) so that libfyaml decides every text it does not take. It is no
// YAML parser: it knows only a subset and says no outside it. Private.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace mofcheck::doc {

/// One parse event, as the plain manifest readers consume them.
struct PlainEvent {
  enum class Type : std::uint8_t {
    stream_start,
    document_start,
    document_end,
    stream_end,
    mapping_start,
    mapping_end,
    sequence_start,
    sequence_end,
    scalar,
    alias,
  };
  enum class Style : std::uint8_t { plain, single_quoted, double_quoted, other };

  Type type = Type::stream_start;
  Style style = Style::plain;  ///< for scalars
  bool bare = true;            ///< no anchor and no tag
  bool placed = false;         ///< `at` is known
  std::size_t at = 0;          ///< where the node starts (a quoted scalar at its quote)
  std::string_view text;       ///< a scalar's source: between the quotes of a quoted one
};

/// The events of `text` (YAML without a byte order mark, whose encoding
/// check_text_encoding() passed, without tabs or carriage returns) into
/// `events` (cleared first), when the text is in the block layout; false
/// when it is not, and libfyaml must read it. A scalar's text is its
/// source: a single-quoted one may still hold '' for a quote.
bool scan_block_yaml(std::string_view text, std::vector<PlainEvent>& events);

}  // namespace mofcheck::doc

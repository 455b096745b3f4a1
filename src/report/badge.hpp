// SPDX-License-Identifier: Apache-2.0
// Status badges for a model's class: an SVG image and the shields.io
// endpoint JSON. Rendering only. Private.
#pragma once

#include <string>

#include <mofcheck/evaluate.hpp>

namespace mofcheck {

struct Badge {
  std::string label;      ///< left side, e.g. "MOF"
  std::string message;    ///< right side, e.g. "Class II" or "unclassified"
  std::string color;      ///< shields.io colour name, e.g. "green"
  std::string color_hex;  ///< the same as "#rrggbb"
};

/// The badge for an evaluation: "Class <roman>" coloured by how complete the
/// class is (the most complete brightest), or "unclassified".
Badge make_badge(const Evaluation& ev, const std::string& label);

/// A flat 20-pixel-high SVG badge; text is XML-escaped.
std::string badge_svg(const Badge& badge);

/// The shields.io endpoint JSON (schemaVersion 1) for the same badge.
std::string badge_shields_json(const Badge& badge);

}  // namespace mofcheck

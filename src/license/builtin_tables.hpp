// SPDX-License-Identifier: Apache-2.0
// The built-in license knowledge base and MOT profile as constant tables.
// tools/gen_builtin_tables.cpp writes their contents at build time from
// data/licenses.json and data/mot-profile.json (read by the run-time loaders,
// so the tables hold what parsing the files gives, already resolved);
// builtin_license_data.cpp turns them into a LicenseDb and MotRules without
// parsing text. The data files stay the only home of the facts. Private.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace mofcheck::builtin {

/// A content type as its number (ContentType's value).
using TypeCode = std::uint8_t;

struct LicenseRow {
  std::string_view id, name, replacement, note, reason;
  bool osi_approved, fsf_libre, deprecated, open;
  std::span<const TypeCode> suits, note_for;
};

struct ExceptionRow {
  std::string_view id, name;
  bool deprecated;
};

struct KnownRow {
  std::string_view key, name, reason, kind;
  std::span<const std::string_view> patterns;  ///< normalised, as the loader keeps them
};

/// One entry of a lookup table; tables are sorted by key (bytewise).
struct IndexRow {
  std::string_view key;
  int value;
};

struct LicenseTables {
  std::string_view list_version, source, default_reason;
  std::span<const LicenseRow> licenses;
  /// By license: the bits (license_detail::type_bit) of the types it suits,
  /// apart from the rows so that building the knowledge base reads 1 byte a
  /// license instead of a row each.
  std::span<const std::uint8_t> suits_mask;
  std::span<const ExceptionRow> exceptions;
  std::span<const KnownRow> known;
  std::span<const IndexRow> license_by_lower, exception_by_lower, phrases;
  std::span<const IndexRow> guessed;  ///< values unused
  std::span<const std::string_view> leading_words, trailing_words;
};

struct SpellingRow {
  std::string_view spdx_id, mot_id;
};

struct MotTables {
  std::string_view source, filed_under;
  std::span<const std::string_view> labels;  ///< by level; empty: no label
  std::span<const std::string_view> open;    ///< sorted, as every set
  std::span<const std::string_view> unlicensed;
  std::span<const std::string_view> suits[3];  ///< by ContentType
  std::span<const SpellingRow> spellings;
};

extern const LicenseTables kLicenses;  ///< data/licenses.json
extern const MotTables kMot;           ///< data/mot-profile.json

}  // namespace mofcheck::builtin

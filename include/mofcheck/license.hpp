// SPDX-License-Identifier: Apache-2.0
// License knowledge base: SPDX ids, exceptions, aliases and known non-open
// licenses, loaded from data (data/licenses.json), and the openness
// assessment of a written license or SPDX expression.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <mofcheck/error.hpp>

namespace mofcheck {

/// What a component is made of; decides which licenses suit it.
enum class ContentType { code, data, document };

/// "code", "data", "document".
const char* content_type_name(ContentType t);
/// Inverse of content_type_name; nullopt for anything else.
std::optional<ContentType> parse_content_type(std::string_view s);

/// One SPDX license (or a non-SPDX id the data adds, such as OpenMDW-1.0).
struct LicenseInfo {
  std::string id;    ///< canonical spelling
  std::string name;  ///< full name
  bool osi_approved = false;
  bool fsf_libre = false;
  bool deprecated = false;
  bool open = false;                  ///< open under the MOF rule
  std::vector<ContentType> suits;     ///< component types it is suited to
  std::string replacement;            ///< for deprecated ids: the id to use instead
  std::string note;                   ///< e.g. why it suits a type only with care
  std::vector<ContentType> note_for;  ///< the types `note` concerns
  std::string reason;                 ///< for licenses that are not open: why, for a producer
  bool operator==(const LicenseInfo&) const = default;
};

/// One SPDX license exception (the right-hand side of WITH).
struct ExceptionInfo {
  std::string id;
  std::string name;
  bool deprecated = false;
  bool operator==(const ExceptionInfo&) const = default;
};

/// A license that is recognised by name but is not open (custom model
/// licenses, RAIL, non-commercial CC, ...), or a sentinel written instead of a
/// license ("Undisclosed", "Component not included").
struct KnownLicense {
  std::string key;                    ///< stable id, e.g. "llama-3.1-community"
  std::string name;                   ///< display name
  std::vector<std::string> patterns;  ///< normalised spellings that match it
  std::string reason;                 ///< why it is not open, for a producer
  std::string kind;  ///< "restricted", "sentinel-unlicensed", "sentinel-not-included",
                     ///< "sentinel-undisclosed"
  bool operator==(const KnownLicense&) const = default;
};

/// One problem or remark about a written license.
struct LicenseFinding {
  Severity severity = Severity::warning;
  std::string code;     ///< e.g. "license-not-canonical", "license-deprecated",
                        ///< "license-alias", "license-unknown", "license-not-open",
                        ///< "license-syntax", "license-type-unsuited"
  std::string message;  ///< one sentence, says how to fix it (for license-type-unsuited
                        ///< the evaluator adds the framework's advice)
  int column = 0;       ///< 1-based column inside the license text, 0 if none
};

/// The verdict on one written license for one component type.
struct LicenseAssessment {
  enum class Status {
    open,          ///< open under the MOF rule
    not_open,      ///< written but not open (unknown, restricted, malformed)
    unlicensed,    ///< empty, "unlicensed", "none" and the like
    not_included,  ///< "Component not included": the component is missing
  };
  Status status = Status::unlicensed;
  bool suits_type = true;  ///< false: open but not suited to the type (warning)
  std::string canonical;   ///< canonical form of the expression, or the text as written
  std::string reason;      ///< why not open / which open choice an OR took; may be empty
  std::string suggestion;  ///< canonical SPDX id or expression the text most likely means;
                           ///< empty when nothing needs rewriting or nothing fits
  /// The suggestion means exactly what is written (case, operator case, an
  /// alias or full name, a deprecated id's SPDX replacement); false for a
  /// guess (nearest id by edit distance, an alias that leaves a version open).
  bool suggestion_certain = false;
  std::vector<LicenseFinding> findings;
};

/// The loaded knowledge base. Immutable after loading; safe to share between threads.
class LicenseDb {
 public:
  /// Parses the JSON text of a license data file (format: data/licenses.json).
  /// Throws Error with `origin` and line/column on malformed data.
  static LicenseDb parse(std::string_view json_text, std::string_view origin);
  /// The data built into the binary (data/licenses.json at build time).
  static const LicenseDb& builtin();

  LicenseDb();
  ~LicenseDb();
  LicenseDb(LicenseDb&&) noexcept;
  LicenseDb& operator=(LicenseDb&&) noexcept;

  /// SPDX list version of the data, e.g. "3.28".
  const std::string& list_version() const;
  /// Where the facts come from, as the data file says.
  const std::string& source() const;

  /// Case-insensitive lookup of an id (as SPDX matching requires); nullptr if unknown.
  const LicenseInfo* find(std::string_view id) const;
  const ExceptionInfo* find_exception(std::string_view id) const;
  const std::vector<LicenseInfo>& licenses() const;
  const std::vector<ExceptionInfo>& exceptions() const;
  const std::vector<KnownLicense>& known() const;

  /// Judges a written license (an SPDX id, an SPDX expression, or free text)
  /// for a component of type `type`. Never throws on any input text.
  LicenseAssessment assess(std::string_view written, ContentType type) const;

  /// The tables; opaque (defined privately in src/license/license_tables.hpp).
  struct Impl;

 private:
  friend class LicenseMemo;
  friend struct BuiltinTablesAccess;  // the build's table generator and its test
  /// Distinct for every knowledge base this process loads (0 after a move).
  std::uint64_t serial() const;

  std::unique_ptr<Impl> impl_;
};

}  // namespace mofcheck

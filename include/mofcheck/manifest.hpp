// SPDX-License-Identifier: Apache-2.0
// A model's component manifest (the structure of the Model Openness Tool's
// model records), read from JSON or YAML text into plain structs that keep
// the source position of every entry.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <mofcheck/error.hpp>

namespace mofcheck {

/// A text field with where it was written.
struct Field {
  std::string value;
  SourceLocation where;
  bool present = false;  ///< the key was written (possibly with an empty value)
  bool quoted = false;   ///< written in quotes: the text starts one column after `where`
};

/// `release.license.<kind>`: {name, path}.
struct GlobalLicense {
  Field name;
  Field path;
  SourceLocation where;
  bool present = false;
};

struct ManifestComponent {
  Field name;
  Field description;
  Field license;  ///< present only when the entry has its own `license` key
  Field license_path;
  Field component_path;
  Field included_in;     ///< name of the component it is published inside
  SourceLocation where;  ///< the list entry
};

/// The MOT's own verdict, as its API publishes it with a model record
/// (`classification`: {class, label, progress: {"1", "2", "3"}}).
struct PublishedClassification {
  bool present = false;
  int model_class = 0;
  std::string label;
  std::vector<double> progress;    ///< by level (index 0 unused)
  std::vector<bool> has_progress;  ///< which levels the record gives
  SourceLocation where;
};

struct Manifest {
  std::string origin;      ///< file name, "<stdin>", or "file#record"
  std::size_t record = 0;  ///< 1-based number of the record in a stream input; 0 for a whole input
  Field framework_name;
  Field framework_version;
  Field framework_date;
  SourceLocation release_where;
  Field name, version, date, type, architecture, model_origin, producer, contact, repository,
      huggingface;
  GlobalLicense license_distribution, license_code, license_data, license_document;
  SourceLocation license_where;
  std::vector<ManifestComponent> components;
  SourceLocation components_where;
  Field mot_id;                       ///< `id` of a record of the MOT's API
  PublishedClassification published;  ///< `classification` of a record of the MOT's API
  /// Warnings found while reading (unknown keys, numbers written for strings).
  std::vector<Diagnostic> diagnostics;
};

/// Which syntax a manifest text is in.
enum class InputSyntax { automatic, json, yaml };

/// The syntax a file's name fixes: `*.json`, `*.jsonl` and `*.ndjson` are
/// JSON, `*.yml` and `*.yaml` YAML (the extension in any letter case);
/// anything else, standard input ("-") included, is automatic (by content).
InputSyntax syntax_for_name(std::string_view path);

/// `chosen` (from --input-format) when it is not automatic, else the
/// syntax of `path`'s name: the one rule for every input read.
InputSyntax resolve_syntax(InputSyntax chosen, std::string_view path);

/// Limits on hostile input; every one yields an Error when exceeded.
struct ReadLimits {
  std::size_t max_bytes = 64u << 20;  ///< per document
  int max_depth = 64;                 ///< nesting of lists and mappings
  std::size_t max_components = 1000;
  std::size_t max_string = 1u << 20;  ///< bytes in one string
};

/// Parses one manifest. JSON or YAML is chosen by content when `syntax` is
/// automatic (a text whose first significant character is '{' or '[' is
/// JSON); when it is json, any text that is not JSON is an "invalid JSON"
/// error, never read as YAML.
/// Throws Error with origin, line and column for syntax errors and structural
/// errors (wrong types, missing release name, limits).
Manifest parse_manifest(std::string_view text, std::string_view origin,
                        InputSyntax syntax = InputSyntax::automatic, const ReadLimits& limits = {});

/// Whether `text` is a page of the MOT's API: a JSON object whose first key
/// is "pager" or "models" (`{"pager": {...}, "models": [...]}`). Cheap: looks
/// at the first key only.
bool looks_like_api_page(std::string_view text);

/// The records of a MOT API page, each a manifest named "origin#N" with
/// record N (from 1) and the positions of the whole text. A record that
/// cannot be read is an Error in its slot, and the rest are read. Throws
/// Error when the page itself is invalid (syntax, limits, no `models` list).
struct PageRecord {
  std::optional<Manifest> manifest;
  std::optional<Error> error;
};
std::vector<PageRecord> parse_api_page(std::string_view text, std::string_view origin,
                                       const ReadLimits& limits = {});

/// Moves every position of `manifest` as if its text had started at `line`
/// and `column` of a larger input (a record of a stream): lines move by
/// line - 1, columns on the text's first line by column - 1.
void offset_positions(Manifest& manifest, int line, int column);

/// Reads a whole file (or standard input for "-"). Throws Error when it
/// cannot be read, is a directory, or exceeds `max_bytes`.
std::string read_input(const std::string& path, std::size_t max_bytes = 64u << 20);

}  // namespace mofcheck

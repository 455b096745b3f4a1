// SPDX-License-Identifier: Apache-2.0
// How the license commands (license, licenses) show one knowledge-base
// entry, in text and in JSON. Private.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include <mofcheck/license.hpp>

namespace mofcheck {

/// "code, data, document" (or "none").
std::string type_list(const std::vector<ContentType>& types);

/// "OSI-approved, FSF-libre; open; suits code, data" and the like, for text output.
std::string license_facts(const LicenseInfo& info);

/// One license as a JSON object: id, name, osi_approved, fsf_libre,
/// deprecated, replacement, open, suits, reason, note, note_for.
nlohmann::ordered_json license_json(const LicenseInfo& info);

/// One known non-open license or sentinel: key, name, kind, reason, patterns.
nlohmann::ordered_json known_json(const KnownLicense& known);

}  // namespace mofcheck

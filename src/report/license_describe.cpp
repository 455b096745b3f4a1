// SPDX-License-Identifier: Apache-2.0
#include "report/license_describe.hpp"

namespace mofcheck {

std::string type_list(const std::vector<ContentType>& types) {
  std::string out;
  for (ContentType t : types) out += (out.empty() ? "" : ", ") + std::string(content_type_name(t));
  return out.empty() ? "none" : out;
}

std::string license_facts(const LicenseInfo& info) {
  std::string s;
  if (info.osi_approved) s += "OSI-approved";
  if (info.fsf_libre) s += std::string(s.empty() ? "" : ", ") + "FSF-libre";
  if (s.empty()) s = "neither OSI-approved nor FSF-libre";
  if (info.deprecated) s += "; deprecated, use " + info.replacement;
  if (info.open) {
    s += "; open; suits " + type_list(info.suits);
  } else {
    s += "; not open";
  }
  return s;
}

nlohmann::ordered_json license_json(const LicenseInfo& info) {
  nlohmann::ordered_json j;
  j["id"] = info.id;
  j["name"] = info.name;
  j["osi_approved"] = info.osi_approved;
  j["fsf_libre"] = info.fsf_libre;
  j["deprecated"] = info.deprecated;
  if (!info.replacement.empty()) j["replacement"] = info.replacement;
  j["open"] = info.open;
  auto suits = nlohmann::ordered_json::array();
  for (ContentType t : info.suits) suits.push_back(content_type_name(t));
  j["suits"] = suits;
  if (!info.reason.empty()) j["reason"] = info.reason;
  if (!info.note.empty()) {
    j["note"] = info.note;
    auto note_for = nlohmann::ordered_json::array();
    for (ContentType t : info.note_for) note_for.push_back(content_type_name(t));
    j["note_for"] = note_for;
  }
  return j;
}

nlohmann::ordered_json known_json(const KnownLicense& known) {
  return {{"key", known.key},
          {"name", known.name},
          {"kind", known.kind},
          {"reason", known.reason},
          {"patterns", known.patterns}};
}

}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <mofcheck/profile.hpp>

#include <nlohmann/json.hpp>

#include "util/line_index.hpp"

namespace mofcheck {

const char* profile_name(Profile p) {
  return p == Profile::mot ? "mot" : "spdx";
}

std::optional<Profile> parse_profile(std::string_view s) {
  if (s == "mot") return Profile::mot;
  if (s == "spdx") return Profile::spdx;
  return std::nullopt;
}

namespace {

// 1-based line and column of a byte offset, for parse errors.
SourceLocation place(std::string_view text, std::string_view origin, std::size_t offset) {
  auto [line, column] = LineIndex(text).at(std::min(offset, text.size()));
  return {std::string(origin), line, column};
}

}  // namespace

MotRules MotRules::parse(std::string_view text, std::string_view origin) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(place(text, origin, e.byte > 0 ? e.byte - 1 : 0), "invalid JSON in MOT data");
  }
  const SourceLocation file{std::string(origin), 0, 0};
  auto strings = [&](const nlohmann::json& a, const char* what) {
    if (!a.is_array()) throw Error(file, std::string("'") + what + "' must be an array of strings");
    std::vector<std::string> out;
    for (const auto& v : a) {
      if (!v.is_string()) throw Error(file, std::string("'") + what + "' must hold strings only");
      out.push_back(v.get<std::string>());
    }
    return out;
  };
  if (!j.is_object() || j.value("format", 0) != 1) {
    throw Error(file, "unsupported MOT data (this mof-check reads format 1)");
  }
  MotRules r;
  try {
    r.source_ = j.at("source").get<std::string>();
    r.filed_under_ = j.at("unknown_component_filed_under").get<std::string>();
    for (const auto& [level, label] : j.at("labels").items()) {
      const int l = std::stoi(level);
      if (l < 0 || l > 9) throw Error(file, "class label for unknown level " + level);
      if (r.labels_.size() <= static_cast<std::size_t>(l)) r.labels_.resize(l + 1);
      r.labels_[static_cast<std::size_t>(l)] = label.get<std::string>();
    }
    r.open_list_ = strings(j.at("open"), "open");
    for (const auto& id : r.open_list_) r.open_.insert(id);
    for (const auto& w : strings(j.at("unlicensed"), "unlicensed")) r.unlicensed_.insert(w);
    for (const auto& [spdx_id, mot_id] : j.at("spellings").items()) {
      r.spellings_.emplace_back(spdx_id, mot_id.get<std::string>());
    }
    for (const auto& [type, ids] : j.at("suits").items()) {
      auto t = parse_content_type(type);
      if (!t) throw Error(file, "unknown content type '" + type + "' in 'suits'");
      for (const auto& id : strings(ids, "suits")) r.suits_[static_cast<int>(*t)].insert(id);
    }
  } catch (const nlohmann::json::exception& e) {
    throw Error(file, std::string("malformed MOT data: ") + e.what());
  } catch (const std::invalid_argument&) {
    throw Error(file, "class labels must be keyed by level numbers");
  }
  return r;
}

bool MotRules::open(std::string_view written) const {
  return open_.find(written) != open_.end();
}

bool MotRules::suits(std::string_view id, ContentType type) const {
  const Set& s = suits_[static_cast<int>(type)];
  return s.find(id) != s.end();
}

std::vector<ContentType> MotRules::suited_types(std::string_view id) const {
  std::vector<ContentType> out;
  for (ContentType t : {ContentType::code, ContentType::data, ContentType::document}) {
    if (suits(id, t)) out.push_back(t);
  }
  return out;
}

std::string MotRules::spelling(std::string_view spdx_id) const {
  for (const auto& [from, to] : spellings_) {
    if (from == spdx_id) return to;
  }
  return {};
}

bool MotRules::unlicensed(std::string_view written) const {
  return unlicensed_.find(written) != unlicensed_.end();
}

const std::string& MotRules::label(int level) const {
  static const std::string none;
  return level >= 0 && static_cast<std::size_t>(level) < labels_.size()
             ? labels_[static_cast<std::size_t>(level)]
             : none;
}

LicenseAssessment MotRules::assess(std::string_view written, ContentType type) const {
  LicenseAssessment a;
  a.canonical.assign(written);
  if (unlicensed(written)) {
    a.status = LicenseAssessment::Status::unlicensed;
  } else if (open(written)) {
    a.status = LicenseAssessment::Status::open;
    a.suits_type = suits(written, type);
  } else {
    a.status = LicenseAssessment::Status::not_open;
    a.reason = "the MOT compares license names exactly with its list, and '" +
               std::string(written) + "' is not an open license there";
  }
  return a;
}

}  // namespace mofcheck

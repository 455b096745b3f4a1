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

std::vector<std::string_view> MotRules::sorted(std::vector<std::string_view> v) {
  if (!std::is_sorted(v.begin(), v.end())) std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

bool MotRules::has(const Set& set, std::string_view s) {
  return std::binary_search(set.begin(), set.end(), s);
}

std::string_view MotRules::keep(std::string s) {
  if (!text_) text_ = std::make_shared<std::deque<std::string>>();
  return text_->emplace_back(std::move(s));
}

bool operator==(const MotRules& a, const MotRules& b) {
  // The facts, not where their text is kept.
  return a.source_ == b.source_ && a.filed_under_ == b.filed_under_ && a.labels_ == b.labels_ &&
         a.open_ == b.open_ && a.unlicensed_ == b.unlicensed_ &&
         std::equal(std::begin(a.suits_), std::end(a.suits_), std::begin(b.suits_)) &&
         a.spellings_ == b.spellings_;
}

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
    for (auto& id : strings(j.at("open"), "open")) r.open_.push_back(r.keep(std::move(id)));
    r.open_ = sorted(std::move(r.open_));
    for (auto& w : strings(j.at("unlicensed"), "unlicensed")) {
      r.unlicensed_.push_back(r.keep(std::move(w)));
    }
    r.unlicensed_ = sorted(std::move(r.unlicensed_));
    for (const auto& [spdx_id, mot_id] : j.at("spellings").items()) {
      r.spellings_.emplace_back(spdx_id, mot_id.get<std::string>());
    }
    for (const auto& [type, ids] : j.at("suits").items()) {
      auto t = parse_content_type(type);
      if (!t) throw Error(file, "unknown content type '" + type + "' in 'suits'");
      MotRules::Set& set = r.suits_[static_cast<int>(*t)];
      for (auto& id : strings(ids, "suits")) set.push_back(r.keep(std::move(id)));
      set = sorted(std::move(set));
    }
  } catch (const nlohmann::json::exception& e) {
    throw Error(file, std::string("malformed MOT data: ") + e.what());
  } catch (const std::invalid_argument&) {
    throw Error(file, "class labels must be keyed by level numbers");
  }
  return r;
}

bool MotRules::open(std::string_view written) const {
  return has(open_, written);
}

bool MotRules::suits(std::string_view id, ContentType type) const {
  return has(suits_[static_cast<int>(type)], id);
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
  return has(unlicensed_, written);
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

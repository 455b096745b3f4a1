// SPDX-License-Identifier: Apache-2.0
#include "evaluate/license_memo.hpp"

namespace mofcheck {

namespace {

// Manifests write short license texts; a longer one is judged each time, so
// that hostile input cannot fill the memo with megabytes of keys.
constexpr std::size_t kMaxKeyLength = 256;
constexpr std::size_t kMaxEntries = 1024;

}  // namespace

LicenseMemo::LicenseMemo(const LicenseDb& db, Profile profile)
    : db_(&db), serial_(db.serial()), profile_(profile), mot_(&MotRules::builtin()) {}

bool LicenseMemo::serves(const LicenseDb& db, Profile profile) const {
  return &db == db_ && db.serial() == serial_ && profile == profile_;
}

const LicenseAssessment& LicenseMemo::judge(std::string_view written, ContentType type, Profile p) {
  if (p == Profile::spdx) return assess(written, type);
  mot_verdict_ = mot_->assess(written, type);
  return mot_verdict_;
}

const LicenseAssessment& LicenseMemo::assess(std::string_view written, ContentType type) {
  if (written.size() > kMaxKeyLength) {
    uncached_ = db_->assess(written, type);
    return uncached_;
  }
  Table& table = tables_[static_cast<std::size_t>(type)];
  if (auto it = table.find(written); it != table.end()) return it->second;
  if (entries_ >= kMaxEntries) {
    for (Table& t : tables_) t.clear();
    entries_ = 0;
  }
  ++entries_;
  return table.emplace(std::string(written), db_->assess(written, type)).first->second;
}

}  // namespace mofcheck

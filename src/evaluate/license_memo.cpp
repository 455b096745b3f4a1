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

template <typename Judge>
const LicenseAssessment& LicenseMemo::remembered(Kind& kind, std::string_view written,
                                                 ContentType type, Judge&& judge) {
  if (written.size() > kMaxKeyLength) {
    kind.uncached = judge(written, type);
    return kind.uncached;
  }
  Table& table = kind.tables[static_cast<std::size_t>(type)];
  if (auto it = table.find(written); it != table.end()) return it->second;
  if (kind.entries >= kMaxEntries) {
    for (Table& t : kind.tables) t.clear();
    kind.entries = 0;
  }
  ++kind.entries;
  return table.emplace(std::string(written), judge(written, type)).first->second;
}

const LicenseAssessment& LicenseMemo::judge(std::string_view written, ContentType type, Profile p) {
  if (p == Profile::spdx) return assess(written, type);
  return remembered(mot_verdicts_, written, type,
                    [&](std::string_view w, ContentType t) { return mot_->assess(w, t); });
}

const LicenseAssessment& LicenseMemo::assess(std::string_view written, ContentType type) {
  return remembered(spdx_, written, type,
                    [&](std::string_view w, ContentType t) { return db_->assess(w, t); });
}

}  // namespace mofcheck

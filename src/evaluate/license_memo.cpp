// SPDX-License-Identifier: Apache-2.0
#include "evaluate/license_memo.hpp"

#include <cstdint>

namespace mofcheck {

namespace {

// Manifests write short license texts; a longer one is judged each time, so
// that hostile input cannot fill the memo with megabytes of keys. Past
// kMaxEntries texts new ones are judged each time too.
constexpr std::size_t kMaxKeyLength = 256;
constexpr std::size_t kMaxEntries = 1024;

}  // namespace

LicenseMemo::LicenseMemo(const LicenseDb& db, Profile profile)
    : db_(&db), serial_(db.serial()), profile_(profile), mot_(&MotRules::builtin()) {}

bool LicenseMemo::serves(const LicenseDb& db, Profile profile) const {
  return &db == db_ && db.serial() == serial_ && profile == profile_;
}

LicenseMemo::Entry& LicenseMemo::entry(std::string_view written, ContentType type, bool spdx,
                                       bool mot) {
  Entry* e = nullptr;
  Table& table = tables_[static_cast<std::size_t>(type)];
  if (written.size() <= kMaxKeyLength) {
    Recent& recent = recent_[static_cast<std::size_t>(type)]
                            [(reinterpret_cast<std::uintptr_t>(written.data()) >> 3) % 32];
    if (recent.entry && recent.data == written.data() && recent.size == written.size() &&
        *recent.key == written) {
      e = recent.entry;
    } else if (auto it = table.find(written); it != table.end()) {
      e = &it->second;
      recent = {written.data(), written.size(), &it->first, e};
    } else if (entries_ < kMaxEntries) {
      ++entries_;
      auto added = table.try_emplace(std::string(written)).first;
      e = &added->second;
      recent = {written.data(), written.size(), &added->first, e};
    }
  }
  if (!e) {
    e = spdx && mot ? &uncached_both_ : spdx ? &uncached_spdx_ : &uncached_mot_;
    e->has_spdx = e->has_mot = false;
  }
  if (spdx && !e->has_spdx) {
    e->spdx = db_->assess(written, type);
    e->has_spdx = true;
  }
  if (mot && !e->has_mot) {
    e->mot = mot_->assess(written, type);
    e->has_mot = true;
  }
  return *e;
}

const LicenseAssessment& LicenseMemo::judge(std::string_view written, ContentType type, Profile p) {
  if (p == Profile::spdx) return assess(written, type);
  return entry(written, type, false, true).mot;
}

const LicenseAssessment& LicenseMemo::assess(std::string_view written, ContentType type) {
  return entry(written, type, true, false).spdx;
}

LicenseMemo::Verdicts LicenseMemo::both(std::string_view written, ContentType type) {
  Entry& e = entry(written, type, true, true);
  return {e.mot, e.spdx};
}

}  // namespace mofcheck

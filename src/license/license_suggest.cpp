// SPDX-License-Identifier: Apache-2.0
// "Did you mean": the ids nearest to a misspelt one.
#include <algorithm>
#include <string>

#include "license/license_tables.hpp"
#include "util/text_util.hpp"

namespace mofcheck {

using namespace license_detail;

namespace {

// How far a misspelling may be from an id to still be suggested: short ids
// are too close to each other for a guess.
std::size_t suggestion_cap(std::size_t length) {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return std::max<std::size_t>(2, length / 5);
}

}  // namespace

std::vector<int> LicenseDb::Impl::nearest(std::string_view id, bool exceptions_only) const {
  std::vector<int> best;
  std::size_t cap = suggestion_cap(id.size());
  if (cap == 0 || id.size() > kMaxIdLength) return best;
  const std::string needle = text::lower(id);
  std::size_t best_distance = cap + 1;
  std::size_t count = exceptions_only ? exceptions.size() : licenses.size();
  for (std::size_t i = 0; i < count; ++i) {
    const std::string& candidate = exceptions_only ? exceptions[i].id : licenses[i].id;
    if (!exceptions_only && licenses[i].deprecated) continue;
    std::size_t d = text::edit_distance(needle, text::lower(candidate), best_distance);
    if (d < best_distance) {
      best_distance = d;
      best.clear();
    }
    if (d == best_distance && d <= cap) best.push_back(static_cast<int>(i));
  }
  if (best.size() > 3) best.resize(3);
  return best;
}

}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
#include "report/wording.hpp"

#include <cstdio>

namespace mofcheck::wording {

std::string percent(double p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f%%", p);
  return buf;
}

std::string waived(const Waiver& waiver, std::string (*safe)(std::string_view)) {
  auto put = [&](const std::string& s) { return safe ? safe(s) : s; };
  return "waived until " + put(waiver.expires) + ": " + put(waiver.reason);
}

std::string license_cell(const ComponentResult& r, std::string (*safe)(std::string_view)) {
  auto put = [&](const std::string& s) { return safe ? safe(s) : s; };
  if (!r.listed) return r.substituted_by.empty() ? "" : "counted through " + put(r.substituted_by);
  std::string s = r.license.empty() ? std::string("no license") : put(r.license_canonical);
  switch (r.license_source) {
    case LicenseSource::type:
      s += " (type-wide license)";
      break;
    case LicenseSource::distribution:
      s += " (distribution license)";
      break;
    case LicenseSource::host:
      s += " (inside " + put(r.included_in) + ")";
      break;
    case LicenseSource::component:
    case LicenseSource::none:
      break;
  }
  if (!r.substituted_by.empty()) s += "; counted through " + put(r.substituted_by);
  return s;
}

}  // namespace mofcheck::wording

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

}  // namespace mofcheck::wording

// SPDX-License-Identifier: Apache-2.0
// Matching a written text against the knowledge base: ids (case-insensitive,
// as SPDX requires), aliases, full names and known licenses.
#include <string>

#include "license/license_tables.hpp"
#include "util/text_util.hpp"

namespace mofcheck {

namespace license_detail {

std::string normalise(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    c = text::lower(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+') out += c;
  }
  return out;
}

bool is_plain_id(std::string_view s) {
  if (s.empty() || s.size() > kMaxIdLength) return false;
  for (char c : s) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace license_detail

using namespace license_detail;

namespace {

// Lower-cases into a stack buffer: the lookup of every id of every manifest
// passes here, so it allocates nothing.
int find_lower(const Index& index, std::string_view id) {
  if (id.size() > kMaxIdLength) return -1;
  char buf[kMaxIdLength];
  for (std::size_t i = 0; i < id.size(); ++i) buf[i] = text::lower(id[i]);
  const int* found = index.find(std::string_view(buf, id.size()));
  return found ? *found : -1;
}

}  // namespace

int LicenseDb::Impl::find_license(std::string_view id) const {
  return find_lower(license_by_lower, id);
}

int LicenseDb::Impl::find_exception(std::string_view id) const {
  return find_lower(exception_by_lower, id);
}

const int* LicenseDb::Impl::find_phrase(std::string_view text, bool* guess) const {
  if (guess) *guess = false;
  if (text.size() > kMaxPhraseLength) return nullptr;
  std::string key = normalise(text);
  if (key.empty()) return nullptr;
  auto found = [&](std::string_view k, const int* at) {
    if (guess) *guess = guessed.find(k) != nullptr;
    return at;
  };
  if (const int* at = phrases.find(key)) return found(key, at);
  std::string_view k = key;
  for (const std::string& w : leading_words) {
    if (k.size() > w.size() && k.substr(0, w.size()) == w) k.remove_prefix(w.size());
  }
  for (bool stripped = true; stripped;) {
    if (const int* at = phrases.find(k)) return found(k, at);
    stripped = false;
    for (const std::string& w : trailing_words) {
      if (k.size() > w.size() && k.substr(k.size() - w.size()) == w) {
        k.remove_suffix(w.size());
        stripped = true;
        break;
      }
    }
  }
  return nullptr;
}

std::string LicenseDb::Impl::reason_for(const LicenseInfo& info) const {
  if (!info.reason.empty()) return info.reason;
  std::string r = default_reason;
  std::size_t at = r.find("{id}");
  if (at != std::string::npos) r.replace(at, 4, info.id);
  return r;
}

}  // namespace mofcheck

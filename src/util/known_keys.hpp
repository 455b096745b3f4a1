// SPDX-License-Identifier: Apache-2.0
// The one check of a mapping's keys against the keys a reader knows, for
// every reader of a mapping (manifest, config, framework, scan rules); each
// caller decides whether an unknown key is a warning or an error. Private.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace mofcheck {

/// "a, b, c": the known keys as a message lists them.
inline std::string list_keys(std::span<const std::string_view> known) {
  std::string out;
  for (std::string_view k : known) {
    if (!out.empty()) out += ", ";
    out += k;
  }
  return out;
}

/// Calls on_unknown(index, entry, key, list_keys(known)) for each entry of
/// `entries`, in order, whose key (key_of(entry), a string) is not one of
/// `known`. Whatever on_unknown throws passes through.
template <typename Entries, typename KeyOf, typename OnUnknown>
void check_keys(const Entries& entries, std::span<const std::string_view> known, KeyOf&& key_of,
                OnUnknown&& on_unknown) {
  std::size_t index = 0;
  for (const auto& entry : entries) {
    const std::string key = key_of(entry);
    bool ok = false;
    for (std::string_view k : known) ok = ok || k == key;
    if (!ok) on_unknown(index, entry, key, list_keys(known));
    ++index;
  }
}

/// The same for a list written in place: check_keys(m, {"a", "b"}, ...).
template <typename Entries, typename KeyOf, typename OnUnknown>
void check_keys(const Entries& entries, std::initializer_list<std::string_view> known,
                KeyOf&& key_of, OnUnknown&& on_unknown) {
  check_keys(entries, std::span<const std::string_view>(known.begin(), known.size()),
             std::forward<KeyOf>(key_of), std::forward<OnUnknown>(on_unknown));
}

inline std::string list_keys(std::initializer_list<std::string_view> known) {
  return list_keys(std::span<const std::string_view>(known.begin(), known.size()));
}

}  // namespace mofcheck

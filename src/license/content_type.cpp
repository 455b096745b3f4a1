// SPDX-License-Identifier: Apache-2.0
// The names of the content types, in one table: the data file, reports and
// advice all spell them from here.
#include <mofcheck/license.hpp>

#include "license/license_tables.hpp"

namespace mofcheck {

namespace {

struct TypeName {
  ContentType type;
  const char* name;    // as data and reports write it
  const char* plural;  // as a sentence about such components writes it
};

constexpr TypeName kTypeNames[] = {
    {ContentType::code, "code", "code"},
    {ContentType::data, "data", "data"},
    {ContentType::document, "document", "documents"},
};

const TypeName& entry(ContentType t) {
  for (const TypeName& n : kTypeNames) {
    if (n.type == t) return n;
  }
  return kTypeNames[0];
}

}  // namespace

const char* content_type_name(ContentType t) {
  return entry(t).name;
}

std::optional<ContentType> parse_content_type(std::string_view s) {
  for (const TypeName& n : kTypeNames) {
    if (s == n.name) return n.type;
  }
  return std::nullopt;
}

namespace license_detail {

std::uint8_t type_bit(ContentType t) {
  return static_cast<std::uint8_t>(1u << static_cast<unsigned>(t));
}

std::uint8_t type_mask(const std::vector<ContentType>& types) {
  std::uint8_t m = 0;
  for (ContentType t : types) m = static_cast<std::uint8_t>(m | type_bit(t));
  return m;
}

std::string describe_types(std::uint8_t mask) {
  std::vector<const char*> names;
  for (const TypeName& n : kTypeNames) {
    if (mask & type_bit(n.type)) names.push_back(n.plural);
  }
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

std::string type_subject(ContentType t) {
  const TypeName& n = entry(t);
  return std::string(n.plural) + (n.type == ContentType::document ? " are" : " is");
}

}  // namespace license_detail
}  // namespace mofcheck

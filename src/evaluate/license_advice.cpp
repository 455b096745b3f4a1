// SPDX-License-Identifier: Apache-2.0
// License advice: the one place that words what license a component type
// needs. The licenses it names are the framework's recommended_licenses
// (data/mof-1.0.yaml for the MOF), so every report line that advises a
// license (an unmet component's action, an unsuited license's warning, the
// SARIF rule help) says the same thing.
#include <mofcheck/evaluate.hpp>

#include "license/license_tables.hpp"

namespace mofcheck {

namespace {

const char* license_kind(ContentType t) {
  switch (t) {
    case ContentType::code:
      return "an open source (OSI-approved) license";
    case ContentType::data:
      return "an open data license";
    case ContentType::document:
      return "an open content license";
  }
  return "an open license";
}

}  // namespace

std::string license_advice(const Framework& fw, ContentType type) {
  std::string s = license_kind(type);
  const auto& ids = fw.recommended(type);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    s += i == 0 ? " such as " : i + 1 == ids.size() ? " or " : ", ";
    s += ids[i];
  }
  return s;
}

std::string unsuited_advice(const Framework& fw, ContentType type) {
  return license_detail::type_subject(type) + " better under " + license_advice(fw, type);
}

}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
// check --paths: a manifest's local paths against a checkout.
#include <filesystem>

#include <mofcheck/paths.hpp>

#include "scan/checkout.hpp"
#include "util/path_within.hpp"

namespace mofcheck {

namespace fs = std::filesystem;

namespace {

bool is_url(const std::string& s) {
  auto colon = s.find("://");
  if (colon == std::string::npos || colon == 0) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    char c = s[i];
    bool scheme = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!scheme) return false;
  }
  return true;
}

class PathChecker : CheckoutFindings {
 public:
  using CheckoutFindings::CheckoutFindings;

  void check(const Field& f, const std::string& what, const std::string& component) {
    if (!f.present || f.value.empty()) return;
    const std::string& p = f.value;
    const std::string label = what + " '" + p + "'";
    if (is_url(p)) {
      add(Severity::note, "path-url", label + " is a URL; it was not fetched", component, f);
      return;
    }
    fs::path rel(p);
    if (rel.is_absolute()) {
      add(Severity::error, "path-escapes",
          label + " is absolute; write it relative to the checkout root " + root_, component, f);
      return;
    }
    fs::path normal = rel.lexically_normal();
    if (!normal.empty() && *normal.begin() == "..") {
      add(Severity::error, "path-escapes",
          label + " leaves the checkout root through '..'; paths must stay inside " + root_,
          component, f);
      return;
    }
    std::error_code ec;
    fs::path full = fs::path(root_) / normal;
    if (!fs::exists(fs::symlink_status(full, ec))) {
      add(Severity::error, "path-missing", label + " does not exist under " + root_, component, f);
      return;
    }
    fs::path target = fs::canonical(full, ec);
    if (ec) {
      add(Severity::error, "path-missing", label + " is a broken symbolic link under " + root_,
          component, f);
      return;
    }
    if (!path_within(canonical_root_, target)) {
      add(Severity::error, "path-escapes",
          label + " leaves the checkout root through a symbolic link; paths must stay inside " +
              root_,
          component, f);
    }
  }
};

}  // namespace

std::vector<Diagnostic> check_paths(const Manifest& m, const std::string& root) {
  std::vector<Diagnostic> out;
  PathChecker checker(root, out);
  struct Global {
    const char* key;
    const GlobalLicense* license;
  };
  for (Global g : {Global{"distribution", &m.license_distribution}, Global{"code", &m.license_code},
                   Global{"data", &m.license_data}, Global{"document", &m.license_document}}) {
    if (g.license->present) {
      checker.check(g.license->path, std::string("release.license.") + g.key + ".path", "");
    }
  }
  for (const auto& c : m.components) {
    checker.check(c.component_path, "component_path", c.name.value);
    checker.check(c.license_path, "license_path", c.name.value);
  }
  return out;
}

void apply_path_check(const Manifest& manifest, const std::string& root, Evaluation& evaluation,
                      GateResult& gate) {
  for (auto& d : check_paths(manifest, root)) {
    if (d.severity == Severity::error) {
      gate.passed = false;
      gate.failures.push_back(d.where.str() + ": " + d.message);
    }
    evaluation.diagnostics.push_back(std::move(d));
  }
}

}  // namespace mofcheck

// SPDX-License-Identifier: Apache-2.0
// check --verify-licenses: claims against the license texts they point to.
#include <mofcheck/license_verify.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>

#include <mofcheck/spdx.hpp>

#include "scan/checkout.hpp"
#include "util/path_within.hpp"

namespace mofcheck {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxLicenseBytes = 4u << 20;

// The spelling the knowledge base compares names in (see gen-licenses.py).
std::string name_key(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+') out += c;
  }
  return out;
}

// "GPL-2.0-or-later" and "GPL-2.0-only" name one text; so do "+" ids.
std::string id_key(std::string_view id) {
  std::string s(id);
  for (std::string_view suffix : {"+", "-only", "-or-later"}) {
    if (s.size() >= suffix.size() &&
        s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0)
      s.resize(s.size() - suffix.size());
  }
  return name_key(s);
}

// The file under root that `p` names, or nothing when check_paths has a
// finding about it (URL, absolute, escaping, missing) or it is no file.
std::optional<fs::path> local_file(const fs::path& canonical_root, const std::string& root,
                                   const std::string& p) {
  if (p.empty() || p.find("://") != std::string::npos) return std::nullopt;
  fs::path rel = fs::path(p).lexically_normal();
  if (rel.is_absolute() || (!rel.empty() && *rel.begin() == "..")) return std::nullopt;
  std::error_code ec;
  fs::path target = fs::canonical(fs::path(root) / rel, ec);
  if (ec || !fs::is_regular_file(target, ec)) return std::nullopt;
  if (!path_within(canonical_root, target)) return std::nullopt;
  return target;
}

class Verifier : CheckoutFindings {
 public:
  Verifier(const std::string& root, const LicenseDb& db, const LicenseMatcher& matcher,
           std::vector<Diagnostic>& out)
      : CheckoutFindings(root, out), db_(db), matcher_(matcher) {}

  void check(const Field& claim, const Field& path, const std::string& what,
             const std::string& component) {
    if (!path.present || claim.value.empty()) return;
    auto file = local_file(canonical_root_, root_, path.value);
    if (!file) return;
    const std::string label = what + " '" + path.value + "'";
    std::string text;
    try {
      text = read_input(file->string(), kMaxLicenseBytes);
    } catch (const Error& e) {
      add(Severity::warning, "license-text-unrecognised", label + ": " + e.what(), component, path);
      return;
    }
    const TextIdentification id = matcher_.identify(text);
    if (id.licenses.empty()) {
      std::string closest;
      if (!id.closest.empty()) {
        closest = " (closest: " + id.closest.front().ids.front() + ", score " +
                  fixed(id.closest.front().score) + ")";
      }
      add(Severity::warning, "license-text-unrecognised",
          label + " holds no license text mof-check knows" + closest +
              "; check by hand that it is " + claim.value,
          component, path);
      return;
    }
    std::string found;
    std::vector<const FoundLicense*> unclaimed;
    for (const FoundLicense& f : id.licenses) {
      found += (found.empty() ? "" : " and ") + f.id;
      if (!claimed(f, claim.value)) unclaimed.push_back(&f);
    }
    const LicenseAssessment a = db_.assess(claim.value, ContentType::code);
    const bool claim_open = a.status == LicenseAssessment::Status::open;
    if (!unclaimed.empty()) {
      std::string why;
      for (const FoundLicense* f : unclaimed) {
        if (f->model_license) why = "; " + f->id + " is not open: " + f->reason;
      }
      add(Severity::error, "license-text-differs",
          label + " holds the license text of " + found + ", but the manifest claims " +
              claim.value + why,
          component, path);
      return;
    }
    if (id.adds_terms && claim_open) {
      add(Severity::error, "license-text-adds-terms",
          label + " is " + found + " with " + std::to_string(id.added_words) +
              " added words no license holds (a rider or use restriction); the manifest claims "
              "the open license " +
              claim.value + ", which the text is not",
          component, path);
      return;
    }
    add(Severity::note, "license-text-verified",
        label + " holds the license text of " + found + " (score " + fixed(id.score) + ")" +
            (id.confident ? "" : "; a guess to confirm"),
        component, path);
  }

 private:
  static std::string fixed(double v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
  }

  // Does the written claim name the found license?
  bool claimed(const FoundLicense& f, const std::string& claim) const {
    if (f.model_license) {
      for (const KnownLicense& k : db_.known()) {
        if (k.key != f.known) continue;
        const std::string c = name_key(claim);
        if (c == name_key(k.name)) return true;
        return std::any_of(k.patterns.begin(), k.patterns.end(),
                           [&](const std::string& p) { return name_key(p) == c; });
      }
      return false;
    }
    const LicenseAssessment a = db_.assess(claim, ContentType::code);
    const std::string expr = a.suggestion.empty() ? a.canonical : a.suggestion;
    spdx::ParseResult parsed = spdx::parse(expr);
    if (!parsed.ok()) return false;
    for (const spdx::Node& n : parsed.expression.nodes) {
      if (n.kind != spdx::Node::Kind::license) continue;
      if (id_key(n.id) == id_key(f.id)) return true;
      for (const std::string& same : f.same_text) {
        if (id_key(n.id) == id_key(same)) return true;
      }
    }
    return false;
  }

  const LicenseDb& db_;
  const LicenseMatcher& matcher_;
};

}  // namespace

std::vector<Diagnostic> verify_licenses(const Manifest& m, const std::string& root,
                                        const LicenseDb& db, const LicenseMatcher& matcher) {
  std::vector<Diagnostic> out;
  Verifier v(root, db, matcher, out);
  struct Global {
    const char* key;
    const GlobalLicense* license;
  };
  for (Global g : {Global{"distribution", &m.license_distribution}, Global{"code", &m.license_code},
                   Global{"data", &m.license_data}, Global{"document", &m.license_document}}) {
    if (g.license->present) {
      v.check(g.license->name, g.license->path, std::string("release.license.") + g.key + ".path",
              "");
    }
  }
  for (const auto& c : m.components) {
    const Field& claim = c.license.present ? c.license : m.license_distribution.name;
    v.check(claim, c.license_path, "license_path", c.name.value);
  }
  return out;
}

void apply_license_verification(const Manifest& manifest, const std::string& root,
                                const LicenseDb& db, Evaluation& evaluation, GateResult& gate) {
  for (auto& d : verify_licenses(manifest, root, db)) {
    if (d.severity == Severity::error) {
      gate.passed = false;
      gate.failures.push_back(d.where.str() + ": " + d.message);
    }
    evaluation.diagnostics.push_back(std::move(d));
  }
}

}  // namespace mofcheck

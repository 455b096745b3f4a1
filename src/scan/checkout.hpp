// SPDX-License-Identifier: Apache-2.0
// A model's checkout as the path checks see it: a readable folder, its
// canonical root (to tell a symbolic link that leaves it), and the
// diagnostics found under it. Shared by check --paths and
// --verify-licenses. Private to the scan layer.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <mofcheck/error.hpp>
#include <mofcheck/manifest.hpp>

namespace mofcheck {

class CheckoutFindings {
 public:
  /// Throws Error (ErrorKind::bad_checkout) unless `root` is a readable folder.
  CheckoutFindings(const std::string& root, std::vector<Diagnostic>& out) : root_(root), out_(out) {
    std::error_code ec;
    if (!std::filesystem::is_directory(root, ec)) {
      throw Error({root, 0, 0}, "not a folder; give the root of the model's checkout",
                  ErrorKind::bad_checkout);
    }
    canonical_root_ = std::filesystem::canonical(root, ec);
    if (ec) throw Error({root, 0, 0}, "cannot read: " + ec.message(), ErrorKind::bad_checkout);
  }

 protected:
  /// A finding about the manifest field `f`, led by its component's name.
  void add(Severity s, const char* code, const std::string& message, const std::string& component,
           const Field& f) {
    out_.push_back(
        {s, code, (component.empty() ? "" : component + ": ") + message, component, f.where});
  }

  std::string root_;
  std::filesystem::path canonical_root_;

 private:
  std::vector<Diagnostic>& out_;
};

}  // namespace mofcheck

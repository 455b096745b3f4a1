// SPDX-License-Identifier: Apache-2.0
#include "cli/output_guard.hpp"

#include <filesystem>

#include <mofcheck/error.hpp>

namespace mofcheck {

namespace {

bool same_file(const std::string& a, const std::string& b) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::equivalent(a, b, ec) && !ec) return true;
  // The output may not exist yet; compare the resolved paths.
  fs::path pa = fs::weakly_canonical(a, ec);
  if (ec) return false;
  fs::path pb = fs::weakly_canonical(b, ec);
  return !ec && pa == pb;
}

}  // namespace

void refuse_output_over_input(const std::string& output, const std::vector<std::string>& inputs,
                              const std::string& flag, bool in_place) {
  if (in_place || output == "-") return;
  for (const auto& input : inputs) {
    if (input == "-") continue;
    if (same_file(output, input)) {
      throw Error({}, flag + " " + output + ": this is the input " + input +
                          "; writing there would replace it (choose another file" +
                          (flag == "-o" ? ", or pass --in-place" : "") + ")");
    }
  }
}

void refuse_overwrite(const std::string& output, bool force, const std::string& flag) {
  if (force || output == "-" || output.empty()) return;
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::symlink_status(output, ec))) {
    throw Error({}, flag + " " + output + ": the file exists; pass --force to replace it");
  }
}

}  // namespace mofcheck

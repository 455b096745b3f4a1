// SPDX-License-Identifier: Apache-2.0
// The HTML report's style and script (src/report/html/), compiled in by
// cmake/html_assets.cmake, each with its Content-Security-Policy source.
// Private.
#pragma once

#include <string_view>

namespace mofcheck::html_assets {

std::string_view css();  ///< src/report/html/report.css
std::string_view js();   ///< src/report/html/report.js
/// "'sha256-BASE64'": the CSP source that allows exactly css() in a <style>.
std::string_view css_csp_source();
/// "'sha256-BASE64'": the CSP source that allows exactly js() in a <script>.
std::string_view js_csp_source();

}  // namespace mofcheck::html_assets
